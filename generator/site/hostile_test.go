package site

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	ocop "github.com/ocop-vn/ocop"
	"github.com/ocop-vn/ocop/generator/internal/txtar"
	"golang.org/x/net/html"
)

// hostileBase is a valid site whose text is written to attack the output:
// script tags in names, stories and news, text that would close a script
// element inside JSON-LD, javascript: and data: links and raw HTML in
// Markdown. It must build, and everything must come out inert.
const hostileBase = `
-- site.yaml --
title: "Trang <script>window.__pwned=1</script>"
footer: "</footer><script>window.__pwned=2</script>"
-- content/producers/p.yaml --
name: "HTX </script><script>window.__pwned=3</script>"
website: "https://example.vn/\"><script>window.__pwned=4</script>"
-- products/x/product.yaml --
name: "<img src=x onerror=window.__pwned=5>"
summary: "</script><script>window.__pwned=6</script>"
producer: p
tags: ["<svg onload=window.__pwned=7>"]
-- products/x/story.md --
# <script>window.__pwned=8</script>

[bấm vào](javascript:window.__pwned=9) [dữ liệu](data:text/html,<script>window.__pwned=10</script>)

<iframe src="javascript:window.__pwned=11"></iframe>

<a href="#" onclick="window.__pwned=12">x</a> ![ảnh](javascript:window.__pwned=13)
-- content/news/2024-01-01-tin.md --
---
title: "Tin </title><script>window.__pwned=14</script>"
summary: "]]></summary><script>window.__pwned=15</script>"
products: [x]
---
<script>window.__pwned=16</script>
-- content/pages/gioi-thieu.md --
---
title: "<style>body{display:none}</style>"
---
<style>body{display:none}</style>
`

// TestHostileTextIsInert builds the hostile site, parses every page as a
// browser would, and checks that the attacker's text never became markup:
// every script element is the theme's own (JSON-LD or an external file),
// no element carries an event-handler attribute, no address is javascript:
// or an HTML data: URL, and no iframe, object or style element exists.
func TestHostileTextIsInert(t *testing.T) {
	mem := generate(t, txtar.Parse(hostileBase).FS(), Options{})
	for name, data := range mem.Files {
		if !strings.HasSuffix(name, ".html") {
			if strings.HasSuffix(name, ".json") && bytes.Contains(data, []byte("</script")) {
				t.Errorf("%s: JSON carries an unescaped </script", name)
			}
			continue
		}
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				switch n.Data {
				case "script":
					typ, src := attr(n, "type"), attr(n, "src")
					if typ != "application/ld+json" && src == "" {
						t.Errorf("%s: inline script element: %s", name, text(n))
					}
					if typ == "application/ld+json" && strings.Contains(text(n), "<") {
						t.Errorf("%s: JSON-LD carries raw markup: %s", name, text(n))
					}
				case "iframe", "object", "embed", "style":
					t.Errorf("%s: %s element from content", name, n.Data)
				}
				for _, a := range n.Attr {
					v := strings.ToLower(strings.TrimSpace(a.Val))
					if strings.HasPrefix(a.Key, "on") {
						t.Errorf("%s: event handler %s=%q", name, a.Key, a.Val)
					}
					if (a.Key == "href" || a.Key == "src" || a.Key == "action") && (strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:text")) {
						t.Errorf("%s: %s=%q", name, a.Key, a.Val)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// hostileCase is a file that must be refused, and the problem it must give.
type hostileCase struct {
	name    string
	files   map[string][]byte
	symlink [2]string // link name → target, relative to the site
	want    string    // substring of the problems
}

func hostileCases() []hostileCase {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += n + ": &" + n + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = n
	}
	// The anchors sit under an unknown key (reported, not decoded); tags
	// then names the last one: 10^9 strings if expanded. The decoder never
	// expands it: each alias is one list where text is expected.
	bomb = "name: Chè\nproducer: p\nneo:\n" + indent(strings.Replace(bomb, "a: &a", "x0: &a", 1)) + "tags: *i\n"
	deep := "name: HTX\ndescription: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"
	bigList := &bytes.Buffer{}
	bigList.WriteString("name: Chè\nproducer: p\ntags:\n")
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(bigList, "  - thẻ %d\n", i)
	}
	return []hostileCase{
		{name: "YAML bomb", files: map[string][]byte{"products/x/product.yaml": []byte(bomb)}, want: "expected text, found a list"},
		{name: "deep nesting", files: map[string][]byte{"content/producers/q.yaml": []byte(deep)}, want: "content/producers/q.yaml:"},
		{name: "50 MB story", files: map[string][]byte{"products/x/story.md": bytes.Repeat([]byte("Chè xanh. "), 5<<20)}, want: "products/x/story.md: file is too large (55 MB); the limit is 8 MB"},
		{name: "binary file", files: map[string][]byte{"content/producers/q.yaml": {0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}}, want: "content/producers/q.yaml"},
		{name: "not UTF-8", files: map[string][]byte{"content/producers/q.yaml": []byte("name: HTX \xe0\xf9\n")}, want: "content/producers/q.yaml:1:11: file is not UTF-8 text"},
		{name: "image path with ..", files: map[string][]byte{"products/x/product.yaml": []byte("name: X\nproducer: p\nimages: [../../../site.yaml]\n")}, want: "path `../../../site.yaml` leaves the folder"},
		{name: "absolute image path", files: map[string][]byte{"products/x/product.yaml": []byte("name: X\nproducer: p\nimages: [/etc/passwd]\n")}, want: "absolute path `/etc/passwd` not allowed"},
		{name: "symlink out of the site", symlink: [2]string{"products/x/images/anh.jpg", "/etc/hostname"}, want: "products/x/images/anh.jpg"},
		{name: "slug escaping the output", files: map[string][]byte{"content/news/2024-01-01-..md": []byte("---\ntitle: x\n---\n")}, want: "content/news/2024-01-01-..md"},
	}
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n  ") + "\n"
}

// TestHostileFilesRefused writes each case over a valid site in a real
// folder and checks the build refuses it with a clear problem and does not
// crash or hang.
func TestHostileFilesRefused(t *testing.T) {
	base := txtar.Parse(`
-- site.yaml --
title: T
-- content/producers/p.yaml --
name: HTX P
-- products/x/product.yaml --
name: X
producer: p
`)
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			write := func(name string, data []byte) {
				p := filepath.Join(dir, name)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, f := range base.Files {
				write(f.Name, []byte(f.Data))
			}
			for name, data := range tc.files {
				write(name, data)
			}
			if tc.symlink[0] != "" {
				link := filepath.Join(dir, tc.symlink[0])
				os.MkdirAll(filepath.Dir(link), 0o755)
				if err := os.Symlink(tc.symlink[1], link); err != nil {
					t.Fatal(err)
				}
			}
			start := time.Now()
			_, l := Check(dir, Options{Theme: ocop.Theme, Now: exampleNow})
			if time.Since(start) > 30*time.Second {
				t.Errorf("took %s", time.Since(start)) // a hang, not a timing target
			}
			if l.Len() == 0 || !strings.Contains(l.Err().Error(), tc.want) {
				t.Fatalf("problems %v, want one containing %q", l.Err(), tc.want)
			}
			t.Logf("%s → %s", tc.name, l.Problems()[0].Error())
		})
	}
}

// TestBOMAndCRLFAccepted checks files saved by Windows editors load.
func TestBOMAndCRLFAccepted(t *testing.T) {
	fsys := txtar.Parse(`
-- site.yaml --
title: T
-- content/producers/p.yaml --
name: HTX P
`).FS()
	fsys["products/x/product.yaml"] = &fstest.MapFile{Data: []byte("\ufeffname: Chè\r\nproducer: p\r\n")}
	fsys["content/news/2024-01-01-tin.md"] = &fstest.MapFile{Data: []byte("\ufeff---\r\ntitle: Tin\r\nproducts: [x]\r\n---\r\nNội dung\r\n")}
	mem := generate(t, fsys, Options{})
	if !strings.Contains(string(mem.Files["san-pham/x/index.html"]), "Chè") || !strings.Contains(string(mem.Files["tin-tuc/tin/index.html"]), "Nội dung") {
		t.Error("BOM/CRLF files not read")
	}
}
