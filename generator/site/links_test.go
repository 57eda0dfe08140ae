package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ocop-vn/ocop"
)

// TestBrokenLinks: a link to a file the build does not write is a problem
// at the page that has it, the build fails and the previous output stays.
// A target every page links (a layout's) is one problem, not one a page.
func TestBrokenLinks(t *testing.T) {
	dir := copyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	opts := Options{Theme: ocop.Theme, Now: exampleNow, ImageCache: t.TempDir()}
	if _, l := Build(dir, out, opts); l.Len() > 0 {
		t.Fatalf("example: %v", l.Problems())
	}
	before := readTree(t, out)

	override := func(name, after, add string) {
		data, err := fs.ReadFile(ocop.Theme, name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(after)) {
			t.Fatalf("%s has no %q", name, after)
		}
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, bytes.Replace(data, []byte(after), []byte(after+add), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Every page, through the base layout.
	override("layouts/partials/base.html", `<link rel="stylesheet" href="{{rel "static/css/site.css"}}">`,
		`<link rel="preload" as="image" href="{{rel "static/khong-co.svg"}}">`)
	// The home pages only (one per edition).
	override("layouts/home.html", `{{t "home.all_products"}}</a></p>`, `<p><a href="{{rel "static/bao-cao.pdf"}}">PDF</a></p>`)

	_, l := Build(dir, out, opts)
	var got []string
	for _, p := range l.Problems() {
		got = append(got, p.Error())
	}
	pages := map[bool]int{} // by whether the page is in the English edition
	for name := range before {
		if strings.HasSuffix(name, ".html") {
			pages[strings.HasPrefix(name, "en/")]++
		}
	}
	// Each edition's layouts link its own folder (/en/static/…): a target
	// each, the English one first in path order.
	want := []string{
		"public/404.html: broken internal link /static/khong-co.svg (also on " + strconv.Itoa(pages[false]-1) + " other pages)",
		"public/en/404.html: broken internal link /en/static/khong-co.svg (also on " + strconv.Itoa(pages[true]-1) + " other pages)",
		"public/en/index.html: broken internal link /en/static/bao-cao.pdf (fix the link",
		"public/index.html: broken internal link /static/bao-cao.pdf (fix the link",
	}
	if len(got) != len(want) {
		t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
	sameTrees(t, readTree(t, out), before)
}
