package browsertest

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/vntext"
)

// BenchQueries are the typical queries of the side-by-side with Pagefind
// (scripts/bench-search.sh): with and without marks, one and two words,
// words with đ, and prefixes still being typed.
var BenchQueries = []string{"chè xanh", "che xanh", "mật ong", "mat ong", "nuoc mam", "toi den", "dong thap", "dac san", "ca ph", "mật o"}

// TestBenchQueries measures, for each query on a built site that holds a
// Pagefind index too (npx pagefind --site OUT), the bytes and requests of
// the first query in a fresh browser, the time to the first ten results'
// details, and recall against the products whose name, producer or area
// hold every query word. OCOP_BENCH_OUT=OUT OCOP_BENCH_SITE=SRC; skipped
// without them. Prints one JSON line per tool and query.
func TestBenchQueries(t *testing.T) {
	out, src := os.Getenv("OCOP_BENCH_OUT"), os.Getenv("OCOP_BENCH_SITE")
	if out == "" || src == "" {
		t.Skip("OCOP_BENCH_OUT and OCOP_BENCH_SITE not set")
	}
	cat, _ := content.Load(os.DirFS(src), content.Options{Now: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)})
	rec := &recorder{}
	srv := httptest.NewServer(gzipFiles(out, rec))
	defer srv.Close()
	ctx, _ := browser(t)
	for _, q := range BenchQueries {
		want := expected(cat, q)
		for _, tool := range []string{"ocop", "pagefind"} {
			r := measure(t, ctx, srv.URL, tool, q, rec)
			found := map[string]bool{}
			for _, u := range r.URLs {
				found[u] = true
			}
			hit := 0
			for u := range want {
				if found[u] {
					hit++
				}
			}
			recall := 1.0
			if len(want) > 0 {
				recall = float64(hit) / float64(len(want))
			}
			line, _ := json.Marshal(map[string]any{"tool": tool, "query": q, "bytes": r.Bytes, "requests": r.Requests,
				"files": r.Files, "ms": r.Ms, "results": r.Results, "expected": len(want), "found": hit, "recall": recall, "truncated": r.Truncated})
			fmt.Println("BENCH " + string(line))
		}
	}
}

type measured struct {
	Bytes, Requests int
	Files           []string
	Ms              float64
	Results         int
	URLs            []string
	Truncated       bool
}

// measure loads the tool's page with the cache disabled, runs the query
// once for time, bytes and requests, then collects every result's address.
func measure(t *testing.T, parent context.Context, root, tool, q string, rec *recorder) measured {
	t.Helper()
	ctx, cancel := chromedp.NewContext(parent)
	defer cancel()
	ctx, cancel2 := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel2()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	rec.start()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	page := root + "/tim-kiem/"
	if tool == "pagefind" {
		page = root + "/__pagefind.html"
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	ready := `!!window.ocopSearch`
	if tool == "pagefind" {
		ready = `!!window.pf`
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](ready)); err != nil {
		t.Fatal(err)
	}
	rec.query()
	var run string
	if tool == "ocop" {
		run = fmt.Sprintf(`(async function(){var c=ocopSearch.client; var t=performance.now();
			var r=await Promise.all([c.search(%q), c.loadManifest()]); r=r[0]; await c.fill(r.slice(0,10).map(function(x){return x.id}));
			return {ms: performance.now()-t, n: r.length}})()`, q)
	} else {
		run = fmt.Sprintf(`(async function(){var t=performance.now(); var r=await pf.search(%q);
			await Promise.all(r.results.slice(0,10).map(function(x){return x.data()}));
			return {ms: performance.now()-t, n: r.results.length}})()`, q)
	}
	first, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Ms float64 `json:"ms"`
		N  int     `json:"n"`
	}](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s %q: %v", tool, q, err)
	}
	m := measured{Ms: first.Ms, Results: first.N}
	for _, f := range rec.stop() {
		m.Bytes += f.n
		m.Requests++
		m.Files = append(m.Files, fmt.Sprintf("%s %d", f.path, f.n))
	}
	// Every result's address, for recall (Pagefind: the first 5,000).
	var all string
	if tool == "ocop" {
		all = fmt.Sprintf(`(async function(){var c=ocopSearch.client; var r=await c.search(%q);
			var ids=r.map(function(x){return x.id}); await c.fill(ids);
			return ids.map(function(id){return c.details.get(id)[2]})})()`, q)
	} else {
		all = fmt.Sprintf(`(async function(){var r=await pf.search(%q); var out=[];
			var rs=r.results.slice(0,5000);
			for (var i=0;i<rs.length;i+=200){ var d=await Promise.all(rs.slice(i,i+200).map(function(x){return x.data()})); d.forEach(function(x){out.push(x.url.replace(/^\//,''))}); }
			return out})()`, q)
	}
	m.URLs, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](all, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s %q all results: %v", tool, q, err)
	}
	m.Truncated = tool == "pagefind" && first.N > 5000
	return m
}

// expected lists the public products whose name, producer and area hold
// every folded word of q (the last as a prefix, unless q ends in a space).
func expected(cat *content.Catalog, q string) map[string]bool {
	words := vntext.Tokens(q)
	out := map[string]bool{}
	for _, p := range cat.Products {
		if p.Draft {
			continue
		}
		text := p.Name + " " + p.Area.Commune + " " + p.Area.District + " " + p.Area.Province
		if p.ProducerRef != nil {
			text += " " + p.ProducerRef.Name
		}
		toks := vntext.Tokens(text)
		ok := true
		for i, w := range words {
			last := i == len(words)-1 && !strings.HasSuffix(q, " ")
			found := false
			for _, tk := range toks {
				if tk == w || last && strings.HasPrefix(tk, w) {
					found = true
					break
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			out["san-pham/"+p.Slug+"/"] = true
		}
	}
	return out
}

// gzipFiles serves a folder as a static host would, gzipping text, and a
// page that loads Pagefind's API.
func gzipFiles(dir string, rec *recorder) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/__pagefind.html" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<!doctype html><html lang="vi"><meta charset="utf-8"><title>pagefind</title><body><script type="module">
				window.pf = await import('/pagefind/pagefind.js');</script></body></html>`)
			return
		}
		p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if p == "" || strings.HasSuffix(r.URL.Path, "/") {
			p = path.Join(p, "index.html")
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		types := map[string]string{".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json",
			".css": "text/css", ".wasm": "application/wasm", ".svg": "image/svg+xml"}
		ct, text := types[path.Ext(p)]
		if ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		if text && ct != "application/wasm" && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			var b bytes.Buffer
			z, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
			z.Write(data)
			z.Close()
			w.Header().Set("Content-Encoding", "gzip")
			data = b.Bytes()
		}
		rec.add(p, len(data))
		w.Write(data)
	})
}

// recorder counts what the server sends for one query: the search scripts
// of the page load, then every request once the query starts.
type recorder struct {
	mu      sync.Mutex
	on, all bool
	files   []sent
}

type sent struct {
	path string
	n    int
}

func (r *recorder) start() { r.mu.Lock(); r.on, r.all, r.files = true, false, nil; r.mu.Unlock() }
func (r *recorder) query() { r.mu.Lock(); r.all = true; r.mu.Unlock() }

func (r *recorder) stop() []sent {
	time.Sleep(100 * time.Millisecond)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.on = false
	return r.files
}

func (r *recorder) add(p string, n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	search := strings.HasPrefix(p, "search/") || strings.HasPrefix(p, "pagefind/") || strings.HasPrefix(p, "static/js/search")
	loaded := strings.HasPrefix(p, "static/js/search") || p == "search/m.json" || p == "pagefind/pagefind.js"
	if r.on && search && (r.all || loaded) {
		r.files = append(r.files, sent{p, n})
	}
}
