package site

import (
	"bytes"
	"encoding/xml"
	"sort"
	"strings"
	"time"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/render"
)

// feedPath is the Atom feed of news.
const feedPath = "tin-tuc/atom.xml"

// feeds writes sitemap.xml, robots.txt and the Atom feed of each edition.
// Their content depends only on the catalogue and the build date, never on
// the clock.
func (b *builder) feeds(jobs []job) {
	s := b.cat.Site
	b.write("sitemap.xml", b.sitemap(jobs))

	robots := "User-agent: *\nAllow: /\n"
	if s.Origin != "" {
		robots += "Sitemap: " + s.Abs("sitemap.xml") + "\n"
	}
	b.write("robots.txt", []byte(robots))
	for _, e := range b.editions {
		b.write(e.site.Prefix+feedPath, e.atom())
	}
	// _headers is read by Netlify, Cloudflare Pages and similar hosts; it
	// repeats the page policy as a real header, where frame-ancestors
	// (which a meta tag cannot carry) also works.
	b.write("_headers", []byte("/*\n  Content-Security-Policy: "+render.ContentSecurityPolicy+"; frame-ancestors 'self'\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n"))
}

// sitemap lists every page of every edition. On a multilingual site each
// page also names its versions in every edition, x-default the default
// one, as xhtml:link alternates (the form Google reads in sitemaps).
func (b *builder) sitemap(jobs []job) []byte {
	type entry struct {
		loc string
		dir string // the page's path within its edition
	}
	var entries []entry
	for _, j := range jobs {
		if j.noIndex {
			continue
		}
		dir := strings.TrimSuffix(strings.TrimPrefix(j.path, j.ed.site.Prefix), "index.html")
		entries = append(entries, entry{j.ed.site.Abs(dir), dir})
	}
	sort.Slice(entries, func(i, k int) bool { return entries[i].loc < entries[k].loc })
	multi := b.cat.Site.Multilingual()
	var sm bytes.Buffer
	sm.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"`)
	if multi {
		sm.WriteString(` xmlns:xhtml="http://www.w3.org/1999/xhtml"`)
	}
	sm.WriteString(">\n")
	alternate := func(lang, href string) {
		sm.WriteString(`<xhtml:link rel="alternate" hreflang="` + lang + `" href="`)
		xml.EscapeText(&sm, []byte(href))
		sm.WriteString(`"/>`)
	}
	for _, en := range entries {
		sm.WriteString("<url><loc>")
		xml.EscapeText(&sm, []byte(en.loc))
		sm.WriteString("</loc>")
		if multi {
			// Every edition has every page (see plan).
			for _, e := range b.editions {
				alternate(e.site.Language, e.site.Abs(en.dir))
			}
			alternate("x-default", b.editions[0].site.Abs(en.dir))
		}
		sm.WriteString("</url>\n")
	}
	sm.WriteString("</urlset>\n")
	return sm.Bytes()
}

func (b *builder) write(rel string, data []byte) {
	if err := b.pub.Write(rel, data); err != nil {
		b.l.Add(diag.Pos{File: rel}, "writing: %v", err)
	}
}

// writeRaw writes a file that is final as it is (no minification).
func (b *builder) writeRaw(rel string, data []byte) {
	if err := b.pub.WriteRaw(rel, data); err != nil {
		b.l.Add(diag.Pos{File: rel}, "writing: %v", err)
	}
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Lang    string   `xml:"xml:lang,attr,omitempty"`
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Link    atomLink `xml:"link"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary,omitempty"`
}

// atom is the edition's Atom feed of the latest news. An entry shown in
// the content language in another edition carries xml:lang.
func (e *edition) atom() []byte {
	s := e.site
	news := e.publicNews()
	if len(news) > 20 {
		news = news[:20]
	}
	f := atomFeed{Lang: s.Language, Title: s.Title + " – " + e.r.MustT("nav.news"), ID: s.Abs("tin-tuc/"),
		Links:  []atomLink{{Href: s.Abs(feedPath), Rel: "self"}, {Href: s.Abs("tin-tuc/")}},
		Author: atomAuthor{Name: s.Title}}
	updated := e.now
	if len(news) > 0 {
		updated = news[0].Date.Time
	}
	f.Updated = updated.Format(time.RFC3339)
	for _, n := range news {
		u := s.Abs(render.NewsPath(n.Slug))
		title := e.r.Name(n)
		f.Entries = append(f.Entries, atomEntry{Lang: title.Lang, Title: title.S, ID: u, Link: atomLink{Href: u},
			Updated: n.Date.Format(time.RFC3339), Summary: plain(e.r.Summary(n))})
	}
	out, err := xml.MarshalIndent(f, "", " ")
	if err != nil {
		e.l.Add(diag.Pos{File: s.Prefix + feedPath}, "%v", err)
	}
	return append([]byte(xml.Header), append(out, '\n')...)
}

// isInternal reports whether an address in a page points into the site.
func (b *builder) internalPath(href string) (string, bool) {
	s := b.cat.Site
	if s.Origin != "" && strings.HasPrefix(href, s.Origin+"/") {
		href = strings.TrimPrefix(href, s.Origin)
	}
	if !strings.HasPrefix(href, s.BasePath) || strings.HasPrefix(href, "//") {
		return "", false
	}
	p := strings.TrimPrefix(href, s.BasePath)
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p, true
}
