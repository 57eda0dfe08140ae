// Package browsertest drives the built site's search in headless Chromium
// (chromedp, /usr/bin/chromium). Without Chromium the tests are skipped,
// unless CI=true, where they fail.
package browsertest

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	ocop "github.com/ocop-vn/ocop"
	"github.com/ocop-vn/ocop/generator/publish"
	"github.com/ocop-vn/ocop/generator/site"
	"golang.org/x/text/unicode/norm"
)

// base is the sub-path the sites are served under, so the client must
// find its files relative to its own address.
const base = "/ocop/"

func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed (CI installs it in .ci/run)")
	}
	t.Skip("chromium is not installed")
	return ""
}

// serve builds the site in fsys into memory and serves it under base.
func serve(t *testing.T, fsys fs.FS) *httptest.Server {
	t.Helper()
	return serveSlow(t, fsys, 0)
}

// serveSlow is serve with every file of the search index answered after
// delay, as on a slow mobile connection.
func serveSlow(t *testing.T, fsys fs.FS, delay time.Duration) *httptest.Server {
	t.Helper()
	mem := publish.NewMemory()
	_, l := site.Generate(fsys, mem, site.Options{Theme: ocop.Theme, Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), BaseURL: base})
	if l.Len() > 0 {
		t.Fatalf("build: %v", l.Err())
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, base)
		if p == r.URL.Path {
			http.NotFound(w, r)
			return
		}
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		data, ok := mem.Get(p)
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasPrefix(p, "search/") {
			time.Sleep(delay)
		}
		switch path.Ext(p) {
		case ".html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		case ".js":
			w.Header().Set("Content-Type", "text/javascript")
		case ".json":
			w.Header().Set("Content-Type", "application/json")
		case ".css":
			w.Header().Set("Content-Type", "text/css")
		}
		// The policy the site is meant to run under: no inline script.
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; script-src 'self'")
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func browser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	exe := chromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel3)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	var (
		mu      sync.Mutex
		dialogs []string
	)
	opened := make(chan string, 16)
	if err := chromedp.Listen(ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			select {
			case opened <- d.Message:
			default:
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	go func() {
		for m := range opened {
			mu.Lock()
			dialogs = append(dialogs, m)
			mu.Unlock()
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), dialogs...)
	}
}

// results waits until the page shows the results of its current query and
// returns the result titles.
func results(t *testing.T, ctx context.Context) []string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		// A navigation in progress loses the page's context: try again.
		titles, err := chromedp.Run(ctx, chromedp.Poll[[]string](`(function(){
		var app = document.getElementById('search-app');
		var st = document.querySelector('.search-status');
		if (!app || app.hidden || app.getAttribute('aria-busy') || !st.textContent) return null;
		return Array.from(document.querySelectorAll('.search-results .card-title a')).map(function(a){return a.textContent});
	})()`, chromedp.WithPollingTimeout(10*time.Second)))
		if err == nil {
			return titles
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for results: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// query sets the search box as typing would and returns the results.
func query(t *testing.T, ctx context.Context, q string) []string {
	t.Helper()
	js := fmt.Sprintf(`(function(){var i=document.getElementById('q-page'); document.querySelector('.search-status').textContent=''; i.value=%q; i.dispatchEvent(new Event('input')); return true})()`, q)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err != nil {
		t.Fatal(err)
	}
	return results(t, ctx)
}

func TestSearchExample(t *testing.T) {
	ctx, dialogs := browser(t)
	srv := serve(t, os.DirFS("../../.."))
	searchURL := srv.URL + base + "tim-kiem/"

	// Typing, key by key, into the search box.
	if err := chromedp.Do(ctx, chromedp.Navigate(searchURL), chromedp.WaitVisible("#q-page"),
		chromedp.SendKeys("#q-page", "che xanh")); err != nil {
		t.Fatal(err)
	}
	first := results(t, ctx)
	if len(first) == 0 || first[0] != "Chè xanh sạch Bình Sơn" {
		t.Errorf("che xanh: %q, want \"Chè xanh sạch Bình Sơn\" first", first)
	}

	if got := query(t, ctx, "muoi cham"); !has(got, "Muối chấm Thọ Tân") {
		t.Errorf("muoi cham: %q", got)
	}
	want := query(t, ctx, "dong loi")
	if !has(want, "Ổi Lê Đài Loan Đồng Lợi") {
		t.Errorf("dong loi: %q", want)
	}
	for _, q := range []string{"DONG LOI", "đồng lợi", norm.NFD.String("Đồng Lợi")} {
		if got := query(t, ctx, q); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q: %q, want %q as for \"dong loi\"", q, got, want)
		}
	}

	// A facet narrows the results to the count it shows.
	all := query(t, ctx, "binh son")
	count, err := chromedp.Run(ctx, chromedp.Evaluate[int](`parseInt(document.querySelector('.facet-kind input[value="0"]').parentNode.querySelector('.facet-count').textContent.replace(/\D/g,''))`))
	if err != nil {
		t.Fatal(err)
	}
	if count == 0 || count >= len(all) {
		t.Fatalf("binh son: %d results, product facet count %d: expected a narrowing facet", len(all), count)
	}
	if err := chromedp.Do(ctx, clearStatus, chromedp.Click(`.facet-kind input[value="0"]`)); err != nil {
		t.Fatal(err)
	}
	narrowed := results(t, ctx)
	status, _ := chromedp.Run(ctx, chromedp.Text(".search-status"))
	loc, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.search`))
	if len(narrowed) != count || !strings.HasPrefix(status, fmt.Sprint(count)+" ") {
		t.Errorf("after the facet: %d results, status %q, want %d", len(narrowed), status, count)
	}
	if !strings.Contains(loc, "kind=0") {
		t.Errorf("facet not in the address: %q", loc)
	}

	// ?q= restores a search on load, and the back button returns to it.
	if err := chromedp.Do(ctx, chromedp.Navigate(searchURL+"?q=che")); err != nil {
		t.Fatal(err)
	}
	restored := results(t, ctx)
	value, _ := chromedp.Run(ctx, chromedp.Value("#q-page"))
	if value != "che" || !has(restored, "Chè sạch Bình Sơn") {
		t.Errorf("?q=che: box %q, results %q", value, restored)
	}
	if err := chromedp.Do(ctx, clearStatus, chromedp.SetValue("#q-page", "mat ong"), chromedp.SendKeys("#q-page", "\r")); err != nil {
		t.Fatal(err)
	}
	if got := results(t, ctx); !has(got, "Mật ong bốn mùa hoa rừng nguyên chất") {
		t.Errorf("mat ong: %q", got)
	}
	if err := chromedp.Do(ctx, clearStatus, chromedp.NavigateBack()); err != nil {
		t.Fatal(err)
	}
	back := results(t, ctx)
	value, _ = chromedp.Run(ctx, chromedp.Value("#q-page"))
	if value != "che" || strings.Join(back, "|") != strings.Join(restored, "|") {
		t.Errorf("after back: box %q, results %q, want %q", value, back, restored)
	}
	if len(dialogs()) > 0 {
		t.Errorf("dialogs opened: %q", dialogs())
	}
}

func TestSearchEscapesNames(t *testing.T) {
	ctx, dialogs := browser(t)
	name := `<img src=x onerror=alert(1)>`
	srv := serve(t, fstest.MapFS{
		"site.yaml":                     {Data: []byte("title: Thử\nbase_url: /\n")},
		"products/anh-doc/product.yaml": {Data: []byte("name: '" + name + "'\nproducer: ho-a\nsummary: 'Tên lạ <script>alert(2)</script>'\n")},
		"content/producers/ho-a.yaml":   {Data: []byte("name: '<b onmouseover=alert(3)>Hộ A</b>'\n")},
	})
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+base+"tim-kiem/?q=img+onerror"), chromedp.WaitVisible("#q-page")); err != nil {
		t.Fatal(err)
	}
	got := results(t, ctx)
	if len(got) == 0 || got[0] != name || !has(got, "<b onmouseover=alert(3)>Hộ A</b>") {
		t.Errorf("results %q, want the names as text, the product first", got)
	}
	imgs, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.search-results img[src="x"], .search-results b, .search-results script').length`))
	if imgs != 0 {
		t.Errorf("%d elements made from names", imgs)
	}
	time.Sleep(300 * time.Millisecond)
	if len(dialogs()) > 0 {
		t.Errorf("script from a name ran: %q", dialogs())
	}
}

// clearStatus empties the live region, so results() waits for the next
// query's announcement.
var clearStatus = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	_, err := chromedp.Evaluate[any](`document.querySelector('.search-status').textContent=''`)(ctx, t)
	return err
})

func has(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// englishSite is a two-language site with certified products, some with
// English names and some without.
func englishSite() fstest.MapFS {
	fsys := fstest.MapFS{
		"site.yaml":                {Data: []byte("title: Sản phẩm OCOP\nlanguages: [vi, en]\ntranslations:\n  en: {title: OCOP products}\n")},
		"content/producers/p.yaml": {Data: []byte("name: HTX Bình Minh\nname_en: Bình Minh Cooperative\nkind: hop-tac-xa\n")},
	}
	for _, p := range []struct{ slug, name, en, group string }{
		{"che-xanh", "Chè xanh", "Green tea", "thuc-pham\nsubgroup: che-tuoi-che-bien"},
		{"che-den", "Chè đen", "Black tea", "thuc-pham\nsubgroup: che-tuoi-che-bien"},
		{"tinh-dau-sa", "Tinh dầu sả", "", "duoc-lieu\nsubgroup: tinh-dau-duoc-lieu-khac"},
	} {
		y := "name: " + p.name + "\nproducer: p\ngroup: " + p.group + "\narea: {commune: xã A, province: Thanh Hóa}\n"
		if p.en != "" {
			y += "name_en: " + p.en + "\n"
		}
		fsys["products/"+p.slug+"/product.yaml"] = &fstest.MapFile{Data: []byte(y)}
		fsys["products/"+p.slug+"/scores/2025-08-01-tinh.yaml"] = &fstest.MapFile{Data: []byte(
			"level: tinh\ndate: 2025-08-01\ntotal: 60\ndecision: {number: 1/QĐ-UBND, date: 2025-08-10, issuer: UBND tỉnh, star: 3}\n")}
	}
	return fsys
}

// TestEnglishEdition searches and filters in the English edition: results
// show English names (Vietnamese ones marked lang="vi"), English group
// names, and link to the English pages.
func TestEnglishEdition(t *testing.T) {
	ctx, dialogs := browser(t)
	srv := serve(t, englishSite())
	en := srv.URL + base + "en/"
	links := `Array.from(document.querySelectorAll(%q)).map(function(a){return a.textContent+'|'+(a.lang||'')+'|'+a.getAttribute('href')})`

	if err := chromedp.Do(ctx, chromedp.Navigate(en+"tim-kiem/?q=binh+minh"), chromedp.WaitVisible("#q-page")); err != nil {
		t.Fatal(err)
	}
	titles := results(t, ctx)
	for _, want := range []string{"Green tea", "Black tea", "Tinh dầu sả", "Bình Minh Cooperative"} {
		if !has(titles, want) {
			t.Errorf("results %q lack %q", titles, want)
		}
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf(links, ".search-results .card-title a")))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range got {
		parts := strings.Split(l, "|")
		if !strings.HasPrefix(parts[2], en) {
			t.Errorf("result %s does not lead to the English edition", l)
		}
		if (parts[0] == "Tinh dầu sả") != (parts[1] == "vi") {
			t.Errorf("result %s: only the untranslated name is marked lang=\"vi\"", l)
		}
	}
	facets, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('.search-facets').textContent`))
	for _, want := range []string{"Food", "Medicinal herbs and herbal products", "Cooperative"} {
		if !strings.Contains(facets+strings.Join(titles, " "), want) {
			t.Errorf("facets %q lack %q", facets, want)
		}
	}
	subs, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll('.search-results .card-producer')).map(function(p){return p.textContent}).join('|')`))
	if !strings.Contains(subs, "Bình Minh Cooperative") || !strings.Contains(subs, "Cooperative") || strings.Contains(subs, "HTX") || strings.Contains(subs, "Hợp tác xã") {
		t.Errorf("producer lines %q, want English names and kinds", subs)
	}

	// The catalogue's instant filter.
	if err := chromedp.Do(ctx, chromedp.Navigate(en+"san-pham/?star=3")); err != nil {
		t.Fatal(err)
	}
	cards, err := chromedp.Run(ctx, chromedp.Poll[[]string](`(function(){
		var l = Array.from(document.querySelectorAll('.filter-results .card-title a'));
		return l.length === 3 ? l.map(function(a){return a.textContent+'|'+a.getAttribute('href')}) : null;
	})()`, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("filtered catalogue: %v", err)
	}
	for _, c := range cards {
		if !strings.Contains(c, "|"+en+"san-pham/") {
			t.Errorf("filtered card %s does not lead to the English edition", c)
		}
	}
	legend, _ := chromedp.Run(ctx, chromedp.Text(".instant-filter"))
	if !strings.Contains(legend, "OCOP stars") || strings.Contains(legend, "Hạng sao") {
		t.Errorf("filter labels %q, want English", legend)
	}
	if len(dialogs()) > 0 {
		t.Errorf("dialogs opened: %q", dialogs())
	}
}

// TestSearchLayoutShift loads a shared search address on a phone-sized
// screen, with the index arriving late as on mobile data, and measures the
// cumulative layout shift (CLS) the results cause: they must fill space
// kept for them, not push the page about.
func TestSearchLayoutShift(t *testing.T) {
	ctx, _ := browser(t)
	srv := serveSlow(t, os.DirFS("../../.."), 400*time.Millisecond)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(412, 823, chromedp.EmulateScale(1.75), chromedp.EmulateMobile),
		chromedp.Navigate(srv.URL+base+"tim-kiem/?q=che")); err != nil {
		t.Fatal(err)
	}
	if got := results(t, ctx); len(got) < 3 {
		t.Fatalf("results %q", got)
	}
	cls, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`new Promise(function (resolve) {
		var cls = 0;
		new PerformanceObserver(function (list) {
			// Every shift counts: the test makes no input, but driving
			// the browser marks shifts hadRecentInput.
			list.getEntries().forEach(function (e) { cls += e.value; });
		}).observe({type: 'layout-shift', buffered: true});
		setTimeout(function () { resolve(cls); }, 500);
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("CLS %.4f", cls)
	if cls > 0.02 {
		t.Errorf("cumulative layout shift %.4f on the search page, want at most 0.02 (Lighthouse counts 0.1 as poor)", cls)
	}
}
