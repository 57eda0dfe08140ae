package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ocop-vn/ocop"
	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/site"
)

var testNow = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)

// TestGeneratedSiteIsValid generates 200 products and runs the whole
// `ocop check` on them: no problem, not even a warning.
func TestGeneratedSiteIsValid(t *testing.T) {
	dir := t.TempDir()
	st, err := Generate(dir, Config{N: 200, Seed: 7, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if st.Products != 200 || st.Producers != 100 || st.SalesPoints != 20 || st.News != 50 {
		t.Errorf("counts: %s", st)
	}
	if st.Expired == 0 || st.Unrecognised == 0 || st.Sheets == 0 || st.Rounds <= st.Products {
		t.Errorf("want some expired, some never recognised, some rounds with sheets, some products with several rounds: %s", st)
	}
	cat, l := content.Load(os.DirFS(dir), content.Options{Now: testNow})
	if ps := l.Problems(); len(ps) > 0 {
		t.Fatalf("content.Load: %d problems, first: %v", len(ps), ps[0])
	}
	statuses := map[content.Status]int{}
	sets := map[string]int{}
	for _, p := range cat.Products {
		statuses[p.Cert.Status]++
		for _, ev := range p.Evaluations {
			sets[ev.Set.ID+"/"+ev.Level]++
		}
		story, err := cat.Text(p.Story)
		if err != nil {
			t.Fatalf("%s: %v", p.Story.File, err)
		}
		if words := len(strings.Fields(story)); words < 150 || words > 400 {
			t.Errorf("%s: story of %d words", p.Slug, words)
		}
	}
	t.Logf("statuses %v; rounds by set and level %v", statuses, sets)
	for _, s := range []content.Status{content.Valid, content.Expired, content.NotRanked} {
		if statuses[s] == 0 {
			t.Errorf("no product with status %s: %v", s, statuses)
		}
	}
	for _, k := range []string{"qd1048-2019/tinh", "qd148-2023/huyen", "qd148-2023/tinh"} {
		if sets[k] == 0 {
			t.Errorf("no round %s: %v", k, sets)
		}
	}
	res, l := site.Check(dir, site.Options{Now: testNow, Theme: ocop.Theme})
	if ps := l.Problems(); len(ps) > 0 {
		t.Fatalf("ocop check: %d problems, first: %v", len(ps), ps[0])
	}
	t.Log(res)
}

// TestDeterministic: the same flags give the same tree, byte for byte;
// another seed another one.
func TestDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, d := range []struct {
		dir  string
		seed uint64
	}{{a, 3}, {b, 3}, {c, 4}} {
		if _, err := Generate(d.dir, Config{N: 60, Seed: d.seed, Images: 1, Now: testNow}); err != nil {
			t.Fatal(err)
		}
	}
	ha, hb, hc := treeHash(t, a), treeHash(t, b), treeHash(t, c)
	if ha != hb {
		t.Error("two runs with the same seed differ")
	}
	if ha == hc {
		t.Error("two seeds give the same catalogue")
	}
}

func treeHash(t *testing.T, dir string) string {
	var names []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", strings.TrimPrefix(n, dir), len(data))
		h.Write(data)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// TestShards: no folder under products/ lists more than 1,000 entries,
// even when a province holds several thousand products.
func TestShards(t *testing.T) {
	g := &gen{cfg: Config{N: 5000, Seed: 1, Now: testNow}}
	g.products = nil
	for i := range 5000 {
		prov := "Thanh Hóa"
		if i%2 == 0 {
			prov = "Nghệ An"
		}
		g.products = append(g.products, &product{slug: fmt.Sprintf("p-%d", i), area: area{province: prov, district: fmt.Sprintf("huyện %d", i%7)}})
	}
	g.shard(900)
	count := map[string]int{}
	for _, p := range g.products {
		count[filepath.Dir(p.dir)]++
	}
	for dir, n := range count {
		if n > 1000 {
			t.Errorf("%s holds %d products", dir, n)
		}
	}
}

// TestPhotoSize: photos are real JPEGs of a few hundred kilobytes.
func TestPhotoSize(t *testing.T) {
	dir := t.TempDir()
	if _, err := Generate(dir, Config{N: 10, Seed: 1, Images: 2, Now: testNow}); err != nil {
		t.Fatal(err)
	}
	photos, _ := filepath.Glob(filepath.Join(dir, "products/*/*/images/*.jpg"))
	if len(photos) != 20 {
		t.Fatalf("%d photos, want 20", len(photos))
	}
	for _, p := range photos {
		fi, _ := os.Stat(p)
		if fi.Size() < 150_000 || fi.Size() > 800_000 {
			t.Errorf("%s: %d bytes", p, fi.Size())
		}
	}
}
