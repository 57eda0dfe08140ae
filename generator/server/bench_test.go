package server

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ocop "github.com/ocop-vn/ocop"
	"github.com/ocop-vn/ocop/generator/site"
)

// BenchmarkSaveToReload measures what a staff member waits for after a
// one-field edit: the rebuild after the save, then rendering the edited
// product's page, as the browser's reload asks for it. The site is
// $OCOP_BENCH_SITE (e.g. a generated catalogue of 20,000 products), whose
// first product.yaml is edited and restored; the watcher's batching delay
// (30 ms) comes on top in real use.
func BenchmarkSaveToReload(b *testing.B) {
	dir := os.Getenv("OCOP_BENCH_SITE")
	if dir == "" {
		b.Skip("set OCOP_BENCH_SITE to a site folder")
	}
	var file string
	fs.WalkDir(os.DirFS(dir), "products", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Name() == "product.yaml" && file == "" {
			file = p
		}
		return nil
	})
	full := filepath.Join(dir, file)
	orig, err := os.ReadFile(full)
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(full, orig, 0o644)
	s := New(Options{Dir: dir, Site: site.Options{Theme: ocop.Theme, Now: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)}})
	start := time.Now()
	s.Rebuild()
	b.Logf("first build: %s", time.Since(start))
	page := "san-pham/" + filepath.Base(filepath.Dir(full)) + "/index.html"
	i := 0
	for b.Loop() {
		i++
		var kept []string
		for _, line := range strings.Split(string(orig), "\n") {
			if !strings.HasPrefix(line, "price:") {
				kept = append(kept, line)
			}
		}
		edited := strings.Join(kept, "\n") + "\nprice: \"Sửa lần " + strings.Repeat("I", i%5+1) + "\"\n"
		os.WriteFile(full, []byte(edited), 0o644)
		s.Rebuild(file)
		if s.current.Load().failed {
			b.Fatal(s.Problems()[0])
		}
		if data, ok := s.current.Load().site.File(page); !ok || !strings.Contains(string(data), "Sửa lần") {
			b.Fatal("edited page not served")
		}
	}
}
