package content

import (
	"testing"
	"testing/fstest"
	"time"
	"unsafe"
)

func TestCacheReload(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":                      {Data: []byte("title: T\n")},
		"content/producers/p.yaml":       {Data: []byte("name: P\n")},
		"products/a/product.yaml":        {Data: []byte("name: A\nproducer: p\n")},
		"products/b/product.yaml":        {Data: []byte("name: B\nproducer: p\nnmae: x\n")},
		"content/news/2024-01-01-tin.md": {Data: []byte("---\ntitle: Tin\nproducts: [a]\n---\n")},
	}
	cache := NewCache()
	load := func() (*Catalog, []string) {
		c, l := Load(fsys, Options{Now: time.Now(), Cache: cache})
		var ps []string
		for _, p := range l.Problems() {
			ps = append(ps, p.Error())
		}
		return c, ps
	}
	c1, p1 := load()
	if len(p1) != 1 || len(c1.ProducerByID["p"].Products) != 2 {
		t.Fatalf("first load: %v, producer has %d products", p1, len(c1.ProducerByID["p"].Products))
	}
	// From the cache: same problems, same links, not doubled.
	c2, p2 := load()
	if len(p2) != 1 || len(c2.ProducerByID["p"].Products) != 2 || len(c2.ProductBySlug["a"].News) != 1 {
		t.Fatalf("cached load: %v, %d products, %d news", p2, len(c2.ProducerByID["p"].Products), len(c2.ProductBySlug["a"].News))
	}
	// Each load gets its own copy of a cached record, sharing the decoded
	// text: the same string data means the file was not read again.
	if unsafe.StringData(c2.ProductBySlug["a"].Name) != unsafe.StringData(c1.ProductBySlug["a"].Name) {
		t.Error("product a was read again although unchanged")
	}
	if c2.ProductBySlug["a"] == c1.ProductBySlug["a"] {
		t.Error("two loads share one record, which linking would race on")
	}
	// An edit, invalidated by path, is read again.
	fsys["products/b/product.yaml"] = &fstest.MapFile{Data: []byte("name: B mới\nproducer: p\n")}
	cache.Invalidate("products/b/product.yaml")
	c3, p3 := load()
	if len(p3) != 0 || c3.ProductBySlug["b"].Name != "B mới" {
		t.Fatalf("after edit: %v, name %q", p3, c3.ProductBySlug["b"].Name)
	}
	// A new record file in a listed folder is found.
	fsys["content/producers/r.yaml"] = &fstest.MapFile{Data: []byte("name: R\n")}
	cache.Invalidate("content/producers/r.yaml")
	if c, _ := load(); c.ProducerByID["r"] == nil {
		t.Error("new producer file not picked up")
	}
	delete(fsys, "content/producers/r.yaml")
	cache.Invalidate("content/producers/r.yaml")
	if c, _ := load(); c.ProducerByID["r"] != nil {
		t.Error("deleted producer file still listed")
	}
	// A dangling reference is still found for a cached product.
	delete(fsys, "content/producers/p.yaml")
	cache.Invalidate("content/producers/p.yaml")
	_, p4 := load()
	if len(p4) != 2 || p4[0] != "products/a/product.yaml:2:11: unknown producer `p` (create content/producers/p.yaml or fix the id)" {
		t.Errorf("after deleting the producer: %q", p4)
	}
}
