package site

import (
	"os"
	"strings"
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

// benchSite prepares the site of $OCOP_BENCH_SITE (or the example) as a
// build would, up to rendering.
func benchSite(b *testing.B) (*builder, []job) {
	b.Helper()
	dir := os.Getenv("OCOP_BENCH_SITE")
	if dir == "" {
		dir = repoRoot
	}
	opts := Options{Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), Theme: ocop.Theme, BaseURL: "https://ocop.example.vn/"}
	bd, jobs, l := prepare(os.DirFS(dir), publish.Discard{}, opts, nil, nil)
	if bd == nil {
		b.Fatal(l.Err())
	}
	return bd, jobs
}

// firstJob is the first page whose path starts with prefix.
func firstJob(b *testing.B, jobs []job, prefix string) job {
	for _, j := range jobs {
		if strings.HasPrefix(j.path, prefix) && strings.HasSuffix(j.path, "/index.html") && strings.Count(j.path, "/") == 2 {
			return j
		}
	}
	b.Fatalf("no page under %s", prefix)
	return job{}
}

// BenchmarkRenderProductPage: view, template, relative links of one
// product page (no minifying, no writing).
func BenchmarkRenderProductPage(b *testing.B) {
	bd, jobs := benchSite(b)
	benchPage(b, bd, firstJob(b, jobs, "san-pham/"))
}

// benchPage renders page j again and again, in one reused buffer as
// renderOne does.
func benchPage(b *testing.B, bd *builder, j job) {
	var kind string
	buf := new(pageBuffer)
	for b.Loop() {
		if _, err := bd.page(j, j.view(), &kind, buf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderListPage: the same for the first catalogue page (cards).
func BenchmarkRenderListPage(b *testing.B) {
	bd, jobs := benchSite(b)
	var j job
	for _, jj := range jobs {
		if jj.path == "san-pham/index.html" {
			j = jj
		}
	}
	benchPage(b, bd, j)
}

// BenchmarkMinifyProductPage minifies one rendered product page.
func BenchmarkMinifyProductPage(b *testing.B) {
	bd, jobs := benchSite(b)
	j := firstJob(b, jobs, "san-pham/")
	var kind string
	html, err := bd.page(j, j.view(), &kind, new(pageBuffer))
	if err != nil {
		b.Fatal(err)
	}
	pub := publish.New(publish.Discard{}, true)
	b.SetBytes(int64(len(html)))
	for b.Loop() {
		if err := pub.Write(j.path, html); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkViewHash fingerprints every page's view, as an incremental
// build does before deciding what to render.
func BenchmarkViewHash(b *testing.B) {
	bd, jobs := benchSite(b)
	for b.Loop() {
		bd.inc = &incremental{}
		bd.inc.start()
		bd.viewKeys(jobs)
	}
}
