package site

import (
	"encoding/xml"
	"html"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	ocop "github.com/ocop-vn/ocop"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/publish"
	"github.com/ocop-vn/ocop/generator/yamlx"
)

var (
	hreflangRE = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">`)
	langAttrRE = regexp.MustCompile(`<(\w+)[^>]*\slang="([^"]+)"`)
)

// pageFile maps an address in a page (root-relative or absolute) to the
// output file it names.
func pageFile(t *testing.T, href, origin, base string) string {
	t.Helper()
	p, ok := strings.CutPrefix(strings.TrimPrefix(href, origin), base)
	if !ok {
		t.Fatalf("address %q is not under %s%s", href, origin, base)
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p
}

// TestEditions builds the two-language example site under three kinds of
// base URL and checks what makes the editions one site: every page exists
// in both, every link of both resolves, hreflang alternates are
// reciprocal and name each page's canonical address, lang attributes say
// what language text is in, and shared files are written once.
func TestEditions(t *testing.T) {
	for _, tt := range []struct{ baseURL, origin, base string }{
		{"", "", "/"},
		{"/ocop/", "", "/ocop/"},
		{"https://so-nn.thanhhoa.example/ocop/", "https://so-nn.thanhhoa.example", "/ocop/"},
	} {
		t.Run(tt.base+tt.origin, func(t *testing.T) {
			mem := generate(t, os.DirFS(repoRoot), Options{BaseURL: tt.baseURL, NoMinify: true})
			walkSite(t, mem, tt.base)
			checkEditions(t, mem, tt.origin, tt.base)
			checkSitemap(t, mem, tt.origin, tt.base)
		})
	}
}

func checkEditions(t *testing.T, mem *publish.Memory, origin, base string) {
	t.Helper()
	pages := 0
	for name, data := range mem.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		en := strings.HasPrefix(name, "en/")
		other := "en/" + name
		if en {
			other = strings.TrimPrefix(name, "en/")
		}
		if _, ok := mem.Files[other]; !ok {
			t.Errorf("%s has no counterpart %s in the other edition", name, other)
		}
		page := string(data)
		if strings.HasSuffix(name, "404.html") {
			if strings.Contains(page, `hreflang="`) {
				t.Errorf("%s: a 404 page has alternates", name)
			}
			continue
		}
		pages++

		// hreflang: vi, en and x-default; this page's own address among
		// them; the same set on every page it names.
		alts := alternates(page)
		if len(alts) != 3 || alts["x-default"] != alts["vi"] {
			t.Errorf("%s: alternates %v, want vi, en and x-default = vi", name, alts)
			continue
		}
		lang := "vi"
		if en {
			lang = "en"
		}
		if m := canonicalRE.FindStringSubmatch(page); m == nil || m[1] != alts[lang] {
			t.Errorf("%s: canonical %v is not its %s alternate %s", name, m, lang, alts[lang])
		}
		if f := pageFile(t, alts[lang], origin, base); f != name {
			t.Errorf("%s: its %s alternate %s names %s", name, lang, alts[lang], f)
		}
		for _, l := range []string{"vi", "en"} {
			f := pageFile(t, alts[l], origin, base)
			target, ok := mem.Files[f]
			if !ok {
				t.Errorf("%s: %s alternate %s does not exist", name, l, alts[l])
				continue
			}
			if back := alternates(string(target)); !mapsEqual(back, alts) {
				t.Errorf("%s: alternates %v, but %s has %v", name, alts, f, back)
			}
		}

		// The language switcher leads to the other edition's page.
		switcher := regexp.MustCompile(`<nav class="lang-switch"[^>]*>\s*<ul>\s*<li><a href="([^"]+)" hreflang="(\w+)" lang="(\w+)">`).FindStringSubmatch(page)
		want := "en"
		if en {
			want = "vi"
		}
		if switcher == nil || switcher[2] != want || switcher[3] != want {
			t.Errorf("%s: language switcher %v, want a link to the %s page", name, switcher, want)
		} else if got := path.Join(path.Dir(name), switcher[1]); got+"/index.html" != other && got != path.Dir(other) {
			t.Errorf("%s: switcher leads to %s, want %s", name, switcher[1], other)
		}

		// lang attributes: the default edition marks nothing Vietnamese;
		// the English one marks only Vietnamese text.
		for _, m := range langAttrRE.FindAllStringSubmatch(page, -1) {
			tag, l := m[1], m[2]
			switch {
			case tag == "html":
			case !en && l == "vi":
				t.Errorf("%s: the Vietnamese edition marks <%s lang=vi>", name, tag)
			case en && l != "vi":
				t.Errorf("%s: the English edition marks <%s lang=%s>", name, tag, l)
			}
		}
	}
	if pages < 60 {
		t.Errorf("only %d pages with alternates", pages)
	}

	// Shared files are written once, at the root.
	for name := range mem.Files {
		for _, shared := range []string{"en/static/", "en/search/", "en/data/", "en/sitemap.xml", "en/robots.txt", "en/_headers"} {
			if strings.HasPrefix(name, shared) {
				t.Errorf("%s: shared files belong at the root only", name)
			}
		}
		if strings.HasPrefix(name, "en/") && strings.Contains(name, "/anh/") {
			t.Errorf("%s: product photos belong at the root only", name)
		}
	}
	for _, f := range []string{"tin-tuc/atom.xml", "en/tin-tuc/atom.xml", "data/products.json", "search/m.json"} {
		if _, ok := mem.Files[f]; !ok {
			t.Errorf("%s not written", f)
		}
	}
	if !strings.Contains(string(mem.Files["en/tin-tuc/atom.xml"]), `xml:lang="en"`) {
		t.Error("English feed is not marked English")
	}
	if !strings.Contains(string(mem.Files["en/tim-kiem/index.html"]), `data-edition="en/"`) {
		t.Error("English search page does not name its edition for the script")
	}

	// QR codes hold the page's address in its own edition.
	if origin != "" {
		for _, tt := range []struct{ file, want string }{
			{"san-pham/tra-xanh-tui-loc-binh-son/qr.svg", origin + base + "san-pham/tra-xanh-tui-loc-binh-son/"},
			{"en/san-pham/tra-xanh-tui-loc-binh-son/qr.svg", origin + base + "en/san-pham/tra-xanh-tui-loc-binh-son/"},
			{"en/diem-ban/diem-ocop-91-nguyen-chi-thanh/qr.png", ""},
		} {
			svg, ok := mem.Files[tt.file]
			if !ok {
				t.Errorf("%s not written", tt.file)
			} else if tt.want != "" && !strings.Contains(string(svg), "<desc>"+tt.want+"</desc>") {
				t.Errorf("%s does not hold %s", tt.file, tt.want)
			}
		}
	}
}

// alternates are the hreflang links of a page.
func alternates(page string) map[string]string {
	out := map[string]string{}
	for _, m := range hreflangRE.FindAllStringSubmatch(page, -1) {
		out[m[1]] = html.UnescapeString(m[2])
	}
	return out
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

type sitemap struct {
	URLs []struct {
		Loc   string `xml:"loc"`
		Links []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"url"`
}

// checkSitemap checks that the sitemap lists the pages of both editions,
// each with reciprocal alternates in the sitemaps.org/Google form.
func checkSitemap(t *testing.T, mem *publish.Memory, origin, base string) {
	t.Helper()
	var sm sitemap
	if err := xml.Unmarshal(mem.Files["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	indexed := 0
	for name := range mem.Files {
		if strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, "404.html") {
			indexed++
		}
	}
	if len(sm.URLs) != indexed {
		t.Errorf("sitemap lists %d addresses for %d pages", len(sm.URLs), indexed)
	}
	alts := map[string]string{}
	for _, u := range sm.URLs {
		var set []string
		own := false
		for _, l := range u.Links {
			if l.Rel != "alternate" {
				t.Errorf("%s: link rel %q", u.Loc, l.Rel)
			}
			set = append(set, l.Hreflang+"="+l.Href)
			own = own || l.Href == u.Loc && l.Hreflang != "x-default"
		}
		sort.Strings(set)
		if len(set) != 3 || !own {
			t.Errorf("%s: alternates %v, want vi, en, x-default including itself", u.Loc, set)
		}
		alts[u.Loc] = strings.Join(set, " ")
		if _, ok := mem.Files[pageFile(t, u.Loc, origin, base)]; !ok {
			t.Errorf("sitemap lists %s, which does not exist", u.Loc)
		}
	}
	for _, u := range sm.URLs {
		for _, l := range u.Links {
			if alts[l.Href] != alts[u.Loc] {
				t.Errorf("%s names %s, whose alternates differ: %q, %q", u.Loc, l.Href, alts[u.Loc], alts[l.Href])
			}
		}
	}
}

// TestEnglishText checks the English edition shows the English texts of
// the files where they exist, the Vietnamese marked lang="vi" where not,
// and no Vietnamese interface text.
func TestEnglishText(t *testing.T) {
	mem := generate(t, os.DirFS(repoRoot), Options{NoMinify: true})
	page := func(name string) string {
		data, ok := mem.Files[name]
		if !ok {
			t.Fatalf("%s not built", name)
		}
		return string(data)
	}
	for _, tt := range []struct{ page, want string }{
		{"en/san-pham/tra-xanh-tui-loc-binh-son/index.html", `<h1>Bình Sơn green tea bags <span class="name-orig" lang="vi">Trà xanh túi lọc Bình Sơn</span></h1>`},
		{"en/san-pham/tra-xanh-tui-loc-binh-son/index.html", `<p class="summary">Green tea in tea bags`},
		{"en/san-pham/tra-xanh-tui-loc-binh-son/index.html", `<div class="prose"><!-- raw HTML omitted -->` + "\n<p>After Bình Sơn clean tea"},
		{"en/san-pham/tra-xanh-tui-loc-binh-son/index.html", `<dt>Certificate valid until</dt><dd><time datetime="2024-04-05">5 April 2024</time></dd>`},
		{"en/san-pham/tra-xanh-tui-loc-binh-son/index.html", `<a href="../../../en/nhom/thuc-pham/">Food</a> · Fresh and processed tea`},
		{"en/san-pham/oi-le-dai-loan-dong-loi/index.html", `<p class="summary" lang="vi">Ổi Lê Đài Loan của xã Đồng Lợi`},
		{"en/san-pham/oi-le-dai-loan-dong-loi/index.html", `<div class="prose" lang="vi">`},
		{"en/san-pham/oi-le-dai-loan-dong-loi/index.html", `<a href="../../../en/chu-the/cac-ho-trong-oi-dong-loi/" lang="vi">Các hộ trồng ổi`},
		{"en/tin-tuc/tra-xanh-tui-loc-binh-son-dat-ocop-3-sao/index.html", `<h1>Bình Sơn green tea bags recognised as a 3-star OCOP product</h1>`},
		// A link in the English article leads to the English product page.
		{"en/tin-tuc/tra-xanh-tui-loc-binh-son-dat-ocop-3-sao/index.html", `<a href="../../../en/san-pham/tra-xanh-tui-loc-binh-son/">product page</a>`},
		{"en/tin-tuc/san-pham-sam-bao-triso-dat-ocop-3-sao/index.html", `<h1 lang="vi">Hai sản phẩm sâm báo Triso`},
		{"en/lien-he/index.html", `<h1>Contact</h1>`},
		{"en/gioi-thieu/index.html", `<h1 lang="vi">Giới thiệu chương trình OCOP</h1>`},
		{"en/index.html", `<h1 id="h-home">OCOP products of Triệu Sơn district</h1>`},
		{"en/index.html", `<p class="contact"><strong>Contact:</strong> <span lang="vi">Bộ phận phụ trách`},
		{"en/index.html", `"inLanguage":"en"`},
		{"en/chu-the/htx-dv-nong-lam-nghiep-binh-son/index.html", `<p class="kind">Cooperative</p>`},
		{"en/diem-ban/diem-ocop-91-nguyen-chi-thanh/index.html", `<h1>Thanh Hóa OCOP showroom and sales point (91 Nguyễn Chí Thanh)</h1>`},
		{"en/thong-ke/index.html", `href="../../data/products.csv"`},
	} {
		if !strings.Contains(page(tt.page), tt.want) {
			t.Errorf("%s lacks %s", tt.page, tt.want)
		}
	}

	// No Vietnamese interface string in the English edition: every value
	// of vi.yaml that en.yaml translates differently is absent.
	vi, en := i18n(t, "vi"), i18n(t, "en")
	var phrases []string
	for k, v := range vi {
		if v != en[k] && len([]rune(v)) >= 12 && !strings.Contains(v, "%") && !strings.HasPrefix(k, "date.") && !strings.HasPrefix(k, "lang.") {
			phrases = append(phrases, html.EscapeString(v))
		}
	}
	for name, data := range mem.Files {
		if !strings.HasPrefix(name, "en/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		text := string(data)
		for _, p := range phrases {
			if strings.Contains(text, ">"+p+"<") || strings.Contains(text, `"`+p+`"`) {
				t.Errorf("%s shows the Vietnamese interface text %q", name, p)
			}
		}
	}
}

func i18n(t *testing.T, lang string) map[string]string {
	t.Helper()
	name := "layouts/i18n/" + lang + ".yaml"
	src, err := os.ReadFile(filepath.Join(repoRoot, name))
	if err != nil {
		t.Fatal(err)
	}
	l := &diag.List{}
	m := map[string]string{}
	yamlx.DecodeMap(name, yamlx.Parse(name, src, l), &m, l)
	return m
}

// TestLanguageWithoutStrings: a language the theme has no interface
// strings for is reported where site.yaml names it.
func TestLanguageWithoutStrings(t *testing.T) {
	_, l := Generate(fstest.MapFS{"site.yaml": {Data: []byte("title: T\nlanguages: [vi, fr]\n")}},
		publish.NewMemory(), Options{Theme: ocop.Theme, Now: exampleNow})
	var got []string
	for _, p := range l.Problems() {
		got = append(got, p.Error())
	}
	want := "site.yaml:2:17: no interface strings for language `fr` (add layouts/i18n/<language>.yaml with every key of layouts/i18n/vi.yaml translated, or remove the language; languages with interface strings: en, vi)"
	if !slices.Equal(got, []string{want}) {
		t.Errorf("problems %q, want %q", got, want)
	}
}
