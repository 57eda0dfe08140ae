package site

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	ocop "github.com/ocop-vn/ocop"
	"github.com/ocop-vn/ocop/generator/publish"
)

// FuzzSite loads and renders a small site whose product file, story and
// score file come from the fuzzer. Whatever the input: no panic, every
// problem names a file, and a site without problems renders every page.
func FuzzSite(f *testing.F) {
	// The score file doubles as a news file and a producer file, so one
	// input exercises every YAML kind.
	f.Add([]byte("name: Chè\nproducer: p\n"), []byte("# Câu chuyện\n\n[a](/san-pham/)"), []byte("level: tinh\ndate: 2021-03-15\ntotal: 63\ndecision: {date: 2021-04-06, star: 3}\n"))
	f.Add([]byte("name: [\n"), []byte("<script>x</script>"), []byte("sheets: [{A1: 100}]\n"))
	f.Add([]byte("name: X\nproducer: p\nimages: [../x]\nsold_at: [q]\n"), []byte(""), []byte("decision: {star: 9}\n"))
	f.Add([]byte("\ufeffname: \"\\u0000\"\r\nproducer: p\r\n"), []byte("\xff\xfe"), []byte("a: &a [*a]\n"))
	f.Fuzz(func(t *testing.T, product, story, score []byte) {
		fsys := fstest.MapFS{
			"site.yaml":                         {Data: []byte("title: T\nrubric: qd1048-2019\n")},
			"content/producers/p.yaml":          {Data: []byte("name: P\n")},
			"products/x/product.yaml":           {Data: product},
			"products/x/story.md":               {Data: story},
			"products/x/scores/2021-03-15.yaml": {Data: score},
			"content/producers/q.yaml":          {Data: score},
			"content/sales-points/s.yaml":       {Data: product},
			"content/news/2021-04-06-tin.md":    {Data: append(append([]byte("---\n"), score...), append([]byte("\n---\n"), story...)...)},
		}
		done := make(chan struct{})
		var problems []string
		go func() {
			defer close(done)
			_, list := Generate(fsys, publish.Discard{}, Options{Theme: ocop.Theme, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
			for _, p := range list.Problems() {
				if p.Pos.File == "" {
					problems = append(problems, p.Error())
				}
			}
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatal("load and render did not finish in 20 s")
		}
		if len(problems) > 0 {
			t.Fatalf("problems without a file: %s", strings.Join(problems, "; "))
		}
	})
}
