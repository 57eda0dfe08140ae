package site

import (
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/ocop-vn/ocop"
	"github.com/ocop-vn/ocop/generator/publish"
)

// changingFS serves name with data first and with later afterwards, as
// when staff save a story while a build runs.
type changingFS struct {
	fstest.MapFS
	name        string
	data, later []byte
	mu          sync.Mutex
	opened      int
}

func (c *changingFS) Open(name string) (fs.File, error) {
	if name == c.name {
		c.mu.Lock()
		c.opened++
		data := c.data
		if c.opened > 1 {
			data = c.later
		}
		c.mu.Unlock()
		return fstest.MapFS{name: {Data: data}}.Open(name)
	}
	return c.MapFS.Open(name)
}

// TestStoryChangedDuringBuild: a story is read when loading and again
// when its page renders and the search index reads it. If the file no
// longer holds what was loaded and checked, the build stops with a
// problem at the file, telling staff to build again, rather than
// publishing text that was never checked.
func TestStoryChangedDuringBuild(t *testing.T) {
	fsys := &changingFS{
		MapFS: fstest.MapFS{
			"site.yaml":                {Data: []byte("title: T\n")},
			"content/producers/p.yaml": {Data: []byte("name: HTX P\n")},
			"products/x/product.yaml":  {Data: []byte("name: Chè X\nproducer: p\n")},
			// Listed with its folder; Open serves what changingFS says.
			"products/x/story.md": {Data: []byte("Chè ngon.\n")},
		},
		name: "products/x/story.md", data: []byte("Chè ngon.\n"), later: []byte("Chè rất ngon.\n"),
	}
	_, l := Generate(fsys, publish.NewMemory(), Options{Now: exampleNow, Theme: ocop.Theme})
	var found bool
	for _, p := range l.Problems() {
		if p.Pos.File == "products/x/story.md" && strings.Contains(p.Msg, "changed while the site was being built") && strings.Contains(p.Hint, "build again") {
			found = true
		} else if !p.Warning {
			t.Errorf("unexpected problem: %v", p)
		}
	}
	if !found {
		t.Fatalf("no problem for the changed story: %v", l.Err())
	}

	// Unchanged, the same site builds, with the story on the page.
	fsys = &changingFS{MapFS: fsys.MapFS, name: fsys.name, data: fsys.data, later: fsys.data}
	mem := generate(t, fsys, Options{})
	page, ok := mem.Get("san-pham/x/index.html")
	if !ok || !strings.Contains(string(page), "Chè ngon.") {
		t.Errorf("product page without its story: %q", page)
	}
}
