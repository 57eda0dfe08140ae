// Package render executes the theme's html/template layouts. A theme is a
// file system with layouts/*.html (one per page kind), layouts/partials/*.html
// (shared pieces, available to every layout) and layouts/i18n/<lang>.yaml
// (every interface string). Each page kind's layout is parsed once, on a
// clone of the partials, and executed with a *Page whose Data field holds
// the kind's view:
//
//	home.html        HomeData
//	list.html        ListData        catalogue, star, group, area, status listings
//	product.html     ProductData
//	producer.html    ProducerData
//	salespoint.html  SalesPointData
//	directory.html   DirectoryData   producer and sales point lists
//	newslist.html    NewsListData
//	article.html     ArticleData     news articles and free pages
//	search.html      SearchData
//	stats.html       StatsData       statistics: charts, tables, open data
//	404.html         nil
//
// Templates run with missingkey=error, and a translation key missing from the
// language file is an error, so a theme mistake fails the build instead of
// publishing a blank.
//
// # Editions
//
// A multilingual site has one Renderer per language edition, made with that
// edition's *config.Site (see config.Site.Editions): its interface strings
// come from layouts/i18n/<language>.yaml, page addresses (productURL, rel
// "san-pham/", …) are the edition's (/en/san-pham/…), and files every
// edition shares (static/, product photos) stay at the site root. Staff
// text comes through name, summary, groupName and subgroupName, which
// return a *Text: the edition's language where the files give it (name_en,
// summary_en, …), else the content language, which the layout marks with
// a lang attribute so screen readers switch voice:
//
//	{{$n := name .}}<a href="{{productURL .}}"{{with $n.Lang}} lang="{{.}}"{{end}}>{{$n.S}}</a>
//
// srcLang is that same attribute value for text that is always in the
// content language (addresses, council names, criteria): "" in the default
// edition, "vi" in the English one.
package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"math"
	"path"
	"strings"
	"sync"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/scoring"
	"github.com/ocop-vn/ocop/generator/yamlx"
)

// Kinds are the page layouts a theme must provide.
var Kinds = []string{"home", "list", "product", "producer", "salespoint", "directory", "newslist", "article", "search", "stats", "404"}

// Renderer holds the parsed layouts of one site.
type Renderer struct {
	site    *config.Site
	layouts map[string]*template.Template
	strings map[string]string
	l       *diag.List
	// lang is the edition's language; source is the content language
	// when it differs from lang, else "".
	lang, source string
	dateLayout   string
	// assets maps each static file to its fingerprinted name
	// ("static/css/site.css" → "static/css/site.1a2b3c4d5e.css").
	assets map[string]string
	// areaPages holds the paths of the area listings the site has, so a
	// link to an address goes to the closest unit that has a page.
	areaPages map[string]bool
	// partials executes "card" for the card func; cards keeps each
	// product's card, rendered once per build (see Card).
	partials *template.Template
	cards    sync.Map // *content.Product → template.HTML
}

// rel is the template's `rel`: a site path under the base path, with
// static files replaced by their fingerprinted copies, so a page always
// asks for the CSS and JS it was built with and hosts may cache them for
// ever.
func (r *Renderer) rel(p string) string {
	if h, ok := r.assets[p]; ok {
		return r.site.Asset(h)
	}
	return r.site.Rel(p)
}

// Assets maps static files to their fingerprinted names; the build writes
// both.
func (r *Renderer) Assets() map[string]string { return r.assets }

// fingerprint names every file of the theme's static/ after a hash of its
// content.
func fingerprint(theme fs.FS) map[string]string {
	out := map[string]string{}
	fs.WalkDir(theme, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return nil
		}
		sum := sha256.Sum256(data)
		ext := path.Ext(p)
		out[p] = strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		return nil
	})
	return out
}

// SetAreaPages tells the renderer which area listing pages exist
// ("dia-ban/thanh-hoa/", …). Call it before rendering.
func (r *Renderer) SetAreaPages(paths map[string]bool) { r.areaPages = paths }

// AreaPages returns the area listing pages set by SetAreaPages.
func (r *Renderer) AreaPages() map[string]bool { return r.areaPages }

// AreaURL returns the address of the listing of the smallest unit of a that
// has a page: the commune, else the district, else the province, else the
// list of areas.
func (r *Renderer) AreaURL(a content.Area) string {
	segs := AreaSegments(a)
	for i := len(segs); i > 0; i-- {
		p := "dia-ban/" + strings.Join(segs[:i], "/") + "/"
		if r.areaPages[p] {
			return r.site.Rel(p)
		}
	}
	return r.site.Rel("dia-ban/")
}

// New parses the theme in theme (a file system whose root holds layouts/)
// for site, recording problems in l. It returns nil if the theme is unusable.
func New(theme fs.FS, site *config.Site, l *diag.List) *Renderer {
	r := &Renderer{site: site, layouts: map[string]*template.Template{}, l: l, lang: site.Language}
	if c := site.ContentLanguage(); c != site.Language {
		r.source = c
	}
	r.strings = loadStrings(theme, site, l)
	r.dateLayout = r.strings["date.layout"]
	r.assets = fingerprint(theme)
	root := template.New("").Option("missingkey=error").Funcs(r.funcs())
	partials, _ := fs.Glob(theme, "layouts/partials/*.html")
	for _, name := range partials {
		src, err := fs.ReadFile(theme, name)
		if err != nil {
			l.Add(diag.Pos{File: name}, "cannot read: %v", err)
			continue
		}
		if _, err := root.New(path.Base(name)).Parse(string(src)); err != nil {
			l.Add(diag.Pos{File: name}, "%v", err)
		}
	}
	if set, err := root.Clone(); err == nil {
		r.partials = set
	}
	for _, kind := range Kinds {
		name := "layouts/" + kind + ".html"
		src, err := fs.ReadFile(theme, name)
		if err != nil {
			l.Add(diag.Pos{File: name}, "layout missing: %v", err)
			continue
		}
		t, err := root.Clone()
		if err == nil {
			_, err = t.New(kind + ".html").Parse(string(src))
		}
		if err != nil {
			l.Add(diag.Pos{File: name}, "%v", err)
			continue
		}
		if escape(t, kind+".html") {
			r.foldTranslations(t)
		}
		r.layouts[kind] = t
	}
	if len(r.layouts) != len(Kinds) {
		return nil
	}
	return r
}

// Render executes the layout of p.Kind into w.
func (r *Renderer) Render(w io.Writer, p *Page) error {
	t, ok := r.layouts[p.Kind]
	if !ok {
		return fmt.Errorf("no layout for page kind %q", p.Kind)
	}
	return t.ExecuteTemplate(w, p.Kind+".html", p)
}

// Card is the theme's "card" partial for p, rendered on first use and then
// reused: a product's card appears on up to a dozen listing pages (the
// catalogue, its star, group, status and three area levels, its producer's
// and sales points' pages), and rendering it once instead of each time cut
// a 20,000-product build's template time by more than half. A card depends
// only on its product and the site, never on the page it is on; its links
// are site-relative and made page-relative with the rest of the page.
func (r *Renderer) Card(p *content.Product) (template.HTML, error) {
	if h, ok := r.cards.Load(p); ok {
		return h.(template.HTML), nil
	}
	if r.partials == nil {
		return "", fmt.Errorf("card: partials not parsed")
	}
	var buf bytes.Buffer
	if err := r.partials.ExecuteTemplate(&buf, "card", p); err != nil {
		return "", err
	}
	h := template.HTML(buf.String())
	r.cards.Store(p, h)
	return h, nil
}

// T returns the interface string for key, formatted with args.
func (r *Renderer) T(key string, args ...any) (string, error) {
	s, ok := r.strings[key]
	if !ok {
		return "", fmt.Errorf("translation key %q missing from layouts/i18n/%s.yaml", key, r.site.Language)
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...), nil
	}
	return s, nil
}

// MustT is T for the Go code that builds page views. A missing key is
// recorded as a problem, failing the build, and yields the key itself.
func (r *Renderer) MustT(key string, args ...any) string {
	s, err := r.T(key, args...)
	if err != nil {
		r.l.AddHint(diag.Pos{File: "layouts/i18n/" + r.site.Language + ".yaml"}, "add the key to the translation file", "%v", err)
		return key
	}
	return s
}

func loadStrings(theme fs.FS, site *config.Site, l *diag.List) map[string]string {
	name := "layouts/i18n/" + site.Language + ".yaml"
	src, err := fs.ReadFile(theme, name)
	if err != nil {
		pos, ok := site.LanguagePos[site.Language]
		if !ok {
			pos = diag.Pos{File: name}
		}
		l.AddHint(pos, "add layouts/i18n/<language>.yaml with every key of layouts/i18n/vi.yaml translated, or remove the language; languages with interface strings: "+strings.Join(Languages(theme), ", "),
			"no interface strings for language `%s`", site.Language)
		return map[string]string{}
	}
	m := map[string]string{}
	if n := yamlx.Parse(name, src, l); n != nil {
		yamlx.DecodeMap(name, n, &m, l)
	}
	return m
}

// Languages lists the languages the theme has interface strings for.
func Languages(theme fs.FS) []string {
	names, _ := fs.Glob(theme, "layouts/i18n/*.yaml")
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, strings.TrimSuffix(path.Base(n), ".yaml"))
	}
	return out
}

// Date formats d as the edition writes dates (the date.layout string).
func (r *Renderer) Date(d yamlx.Date) string {
	if d.IsZero() {
		return ""
	}
	if r.dateLayout == "" {
		return d.VN()
	}
	return d.Format(r.dateLayout)
}

func (r *Renderer) funcs() template.FuncMap {
	s := r.site
	return template.FuncMap{
		"t":             r.T,
		"card":          r.Card,
		"rel":           r.rel,
		"asset":         s.Asset,
		"abs":           s.Abs,
		"productURL":    func(p *content.Product) string { return s.Rel(ProductPath(p.Slug)) },
		"producerURL":   func(id string) string { return s.Rel(ProducerPath(id)) },
		"salesPointURL": func(id string) string { return s.Rel(SalesPointPath(id)) },
		"newsURL":       func(n *content.News) string { return s.Rel(NewsPath(n.Slug)) },
		"starURL":       func(n int) string { return s.Rel(StarPath(n)) },
		"groupURL":      func(id string) string { return s.Rel(GroupPath(id)) },
		"areaURL":       r.AreaURL,
		"statusURL":     func(st content.Status) string { return s.Rel(StatusPath(st)) },
		"cover":         func(p *content.Product) *Photo { return Cover(s, p, r.Name(p).S) },
		"date":          r.Date,
		"isoDate":       func(d yamlx.Date) string { return d.String() },
		"score":         scoring.Format,
		"areaText":      AreaText,
		"producerKind":  func(k string) string { return r.kind("producer_kind.", k) },
		"salesKind":     func(k string) string { return r.kind("sales_kind.", k) },
		"levelName":     func(l string) string { return r.kind("level.", l) },
		"name":          r.Name,
		"summary":       r.Summary,
		"groupName":     r.GroupName,
		"subgroupName":  r.SubgroupName,
		"srcLang":       func() string { return r.source },
		"siteLang":      r.SiteLang,
		"seq": func(n int) []int {
			out := make([]int, n)
			for i := range out {
				out[i] = i + 1
			}
			return out
		},
		"telURL": TelURL,
		"join":   strings.Join,
		"pct":    Percent,
		"csp":    func() string { return ContentSecurityPolicy },
	}
}

// ContentSecurityPolicy is the policy every page carries (in a meta tag,
// and in _headers for hosts that read it): everything from the site itself,
// no inline script or style, nothing from another host. The site satisfies
// it: scripts and styles are files, JSON-LD is data, not code.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

// Percent is points as a share of max, 0–100, rounded to one decimal for
// drawing bars.
func Percent(points, max float64) float64 {
	if max <= 0 || points <= 0 {
		return 0
	}
	return math.Round(math.Min(points/max, 1)*1000) / 10
}

// AreaText joins the non-empty parts of an address area, smallest first.
func AreaText(a content.Area) string {
	var parts []string
	for _, s := range []string{a.Commune, a.District, a.Province} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// TelURL turns a phone number as printed ("0237 3 123 456") into a tel: URL.
func TelURL(phone string) template.URL {
	var b strings.Builder
	for i, r := range phone {
		if r >= '0' && r <= '9' || (r == '+' && i == 0) {
			b.WriteRune(r)
		}
	}
	return template.URL("tel:" + b.String())
}

// Bytes renders p into a new buffer.
func (r *Renderer) Bytes(p *Page) ([]byte, error) {
	var buf bytes.Buffer
	err := r.Render(&buf, p)
	return buf.Bytes(), err
}
