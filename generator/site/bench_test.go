package site

import (
	"os"
	"testing"
	"time"

	ocop "github.com/ocop-vn/ocop"
	"github.com/ocop-vn/ocop/generator/publish"
)

// BenchmarkGenerate builds the site in $OCOP_BENCH_SITE (for instance a
// generated catalogue of 1,000–20,000 products) into memory, or the example
// site when unset. Timing targets live in BENCHMARKS.md, not in tests.
func BenchmarkGenerate(b *testing.B) {
	dir := os.Getenv("OCOP_BENCH_SITE")
	if dir == "" {
		dir = repoRoot
	}
	fsys := os.DirFS(dir)
	opts := Options{Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), Theme: ocop.Theme}
	for b.Loop() {
		if _, l := Generate(fsys, publish.Discard{}, opts); l.Len() > 0 {
			b.Fatal(l.Err())
		}
	}
}
