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

// feeds writes sitemap.xml, robots.txt and the Atom feed. Their content
// depends only on the catalogue and the build date, never on the clock.
func (b *builder) feeds(jobs []job) {
	s := b.cat.Site
	var urls []string
	for _, j := range jobs {
		if j.noIndex {
			continue
		}
		urls = append(urls, s.Abs(strings.TrimSuffix(j.path, "index.html")))
	}
	sort.Strings(urls)
	var sm bytes.Buffer
	sm.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		sm.WriteString("<url><loc>")
		xml.EscapeText(&sm, []byte(u))
		sm.WriteString("</loc></url>\n")
	}
	sm.WriteString("</urlset>\n")
	b.write("sitemap.xml", sm.Bytes())

	robots := "User-agent: *\nAllow: /\n"
	if s.Origin != "" {
		robots += "Sitemap: " + s.Abs("sitemap.xml") + "\n"
	}
	b.write("robots.txt", []byte(robots))
	b.write(feedPath, b.atom())
	// _headers is read by Netlify, Cloudflare Pages and similar hosts; it
	// repeats the page policy as a real header, where frame-ancestors
	// (which a meta tag cannot carry) also works.
	b.write("_headers", []byte("/*\n  Content-Security-Policy: "+render.ContentSecurityPolicy+"; frame-ancestors 'self'\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n"))
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
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Link    atomLink `xml:"link"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary,omitempty"`
}

func (b *builder) atom() []byte {
	s := b.cat.Site
	news := b.publicNews()
	if len(news) > 20 {
		news = news[:20]
	}
	f := atomFeed{Lang: s.Language, Title: s.Title + " – " + b.r.MustT("nav.news"), ID: s.Abs("tin-tuc/"),
		Links:  []atomLink{{Href: s.Abs(feedPath), Rel: "self"}, {Href: s.Abs("tin-tuc/")}},
		Author: atomAuthor{Name: s.Title}}
	updated := b.now
	if len(news) > 0 {
		updated = news[0].Date.Time
	}
	f.Updated = updated.Format(time.RFC3339)
	for _, n := range news {
		u := s.Abs(render.NewsPath(n.Slug))
		f.Entries = append(f.Entries, atomEntry{Title: n.Title, ID: u, Link: atomLink{Href: u},
			Updated: n.Date.Format(time.RFC3339), Summary: n.Summary})
	}
	out, err := xml.MarshalIndent(f, "", " ")
	if err != nil {
		b.l.Add(diag.Pos{File: feedPath}, "%v", err)
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
