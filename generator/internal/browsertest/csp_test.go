package browsertest

import (
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	ocop "github.com/ocop-vn/ocop"
	"github.com/ocop-vn/ocop/generator/internal/txtar"
	"github.com/ocop-vn/ocop/generator/publish"
	"github.com/ocop-vn/ocop/generator/site"
)

// hostileSite writes attacks into every kind of text a page shows. Each
// one, if it ever ran, would set window.__pwned.
const hostileSite = `
-- site.yaml --
title: "Trang <script>window.__pwned=1</script>"
footer: "</footer><img src=x onerror=window.__pwned=2>"
-- content/producers/p.yaml --
name: "HTX </script><script>window.__pwned=3</script>"
website: "https://example.vn/\"><script>window.__pwned=4</script>"
-- content/sales-points/s.yaml --
name: "Điểm <svg onload=window.__pwned=5>"
geo: {lat: 19.8, lng: 105.7}
-- products/x/product.yaml --
name: "<img src=x onerror=window.__pwned=6>"
summary: "</script><script>window.__pwned=7</script>"
producer: p
sold_at: [s]
-- products/x/story.md --
# <script>window.__pwned=8</script>

[bấm](javascript:window.__pwned=9) <img src=x onerror=window.__pwned=10>
-- products/x/scores/2024-01-10-huyen.yaml --
rubric: qd148-2023
level: huyen
council: "<script>window.__pwned=11</script>"
date: 2024-01-10
total: 60
decision: {number: "<b onmouseover=window.__pwned=12>1</b>", date: 2024-01-20, issuer: "UBND", star: 3}
-- content/news/2024-01-21-tin.md --
---
title: "Tin </title><script>window.__pwned=13</script>"
products: [x]
---
<script>window.__pwned=14</script>
-- content/pages/gioi-thieu.md --
---
title: "<script>window.__pwned=15</script>"
menu: 1
---
<iframe src="javascript:window.__pwned=16"></iframe>
`

// TestHostileSiteInBrowser loads every page of the hostile site in
// Chromium and checks that no attacker script runs and that the site
// itself breaks none of its Content-Security-Policy.
func TestHostileSiteInBrowser(t *testing.T) {
	fsys := txtar.Parse(hostileSite).FS()
	mem := publish.NewMemory()
	if _, l := site.Generate(fsys, mem, site.Options{Theme: ocop.Theme, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), BaseURL: base}); l.Len() > 0 {
		t.Fatalf("build: %v", l.Err())
	}
	var pages []string
	for name := range mem.Files {
		if strings.HasSuffix(name, ".html") {
			pages = append(pages, name)
		}
	}
	sort.Strings(pages)
	srv := serve(t, fsys)
	ctx, dialogs := browser(t)
	// Before any page script: a trap for the attacks and a recorder of
	// policy violations.
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__violations=[];document.addEventListener("securitypolicyviolation",function(e){window.__violations.push(e.violatedDirective+" "+e.blockedURI)});`,
	}); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+base+strings.TrimSuffix(p, "index.html"))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		time.Sleep(150 * time.Millisecond)
		pwned, err := chromedp.Run(ctx, chromedp.Evaluate[string](`String(window.__pwned)`))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__violations || []`))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if pwned != "undefined" {
			t.Errorf("%s: attacker script ran (window.__pwned = %s)", p, pwned)
		}
		if len(violations) > 0 {
			t.Errorf("%s: Content-Security-Policy violations: %v", p, violations)
		}
	}
	// The recorder works, and the policy holds even against markup that
	// slipped through: an inline handler added to a page is refused.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.body.insertAdjacentHTML("beforeend", '<img src="x" onerror="window.__pwned=99">'), true`)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	pwned, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`String(window.__pwned)`))
	violations, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__violations || []`))
	if pwned != "undefined" || len(violations) == 0 {
		t.Errorf("injected handler: __pwned=%s, violations=%v; want it blocked and reported", pwned, violations)
	}
	if d := dialogs(); len(d) > 0 {
		t.Errorf("dialogs opened: %v", d)
	}
	t.Logf("%d pages loaded, no script ran, no policy violation", len(pages))
}
