package site

import (
	"errors"
	"html/template"
	"slices"
	"sort"
	"strings"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/render"
	"github.com/ocop-vn/ocop/generator/vntext"
)

// plan lists every page of the edition: its path and how to make its view.
// Listing data (stars, groups, areas) is computed once here and shared by
// the pages that show it; each page's own view is made only when the page
// is rendered, so a catalogue of tens of thousands of pages never holds
// all their views at once. Every edition has the same pages, under its
// own prefix.
func (e *edition) plan() []job {
	var jobs []job
	add := func(source, path string, view func() *render.Page) {
		jobs = append(jobs, job{path: e.site.Prefix + path, source: source, ed: e, view: view})
	}
	large := func() { jobs[len(jobs)-1].large = true }
	public := e.publicProducts()
	certified := filter(public, func(p *content.Product) bool { return p.Cert.Status.Certified() })
	areas := areaTree(public)
	e.r.SetAreaPages(areas.paths(map[string]bool{}))
	nav := e.navigation(public, certified, areas)

	add("site.yaml", "index.html", func() *render.Page { return e.home(certified, nav) })
	e.paginate("san-pham/", certified, func(n int, pager *render.Pager, items []*content.Product) *render.Page {
		return e.list(pager, n, "san-pham/", e.r.MustT("list.catalogue"), items, len(certified), nav, nil,
			e.crumbs(e.r.MustT("nav.products")))
	}, add)
	for _, star := range []int{5, 4, 3} {
		items := filter(certified, func(p *content.Product) bool { return p.Cert.Star == star })
		base := render.StarPath(star)
		heading := e.r.MustT("list.star", star)
		e.paginate(base, items, func(n int, pager *render.Pager, page []*content.Product) *render.Page {
			return e.list(pager, n, base, heading, page, len(items), nav, nil, e.crumbs(e.r.MustT("nav.stars"), "", heading))
		}, add)
	}
	// public is sorted; every subset taken from it in order stays sorted.
	groups := map[string][]*content.Product{}
	for _, p := range public {
		if p.Group != "" {
			groups[p.Group] = append(groups[p.Group], p)
		}
	}
	for id, items := range groups {
		base := render.GroupPath(id)
		heading := e.r.MustT("list.group", e.r.GroupName(items[0]).S)
		e.paginate(base, items, func(n int, pager *render.Pager, page []*content.Product) *render.Page {
			return e.list(pager, n, base, heading, page, len(items), nav, nil, e.crumbs(e.r.MustT("nav.groups"), "", heading))
		}, add)
	}
	for _, st := range listedStatuses {
		items := filter(public, func(p *content.Product) bool { return p.Cert.Status == st })
		if len(items) == 0 {
			continue
		}
		base := render.StatusPath(st)
		heading := e.r.MustT("list.status", strings.ToLower(e.r.MustT("status."+string(st))))
		e.paginate(base, items, func(n int, pager *render.Pager, page []*content.Product) *render.Page {
			return e.list(pager, n, base, heading, page, len(items), nav, nil, e.crumbs(e.r.MustT("nav.statuses"), "", heading))
		}, add)
	}
	e.areaPages(areas, nav, add)
	// Pages with a QR code write its files beside them (see qr.go).
	addQR := func(source, dir, name string, view func() *render.Page) {
		add(source, dir+"index.html", view)
		if e.qrTarget(dir) != "" {
			jobs[len(jobs)-1].qrName = name
		}
	}
	for _, p := range public {
		addQR(p.File, render.ProductPath(p.Slug), e.r.Name(p).S, func() *render.Page { return e.product(p) })
	}
	add("content/producers", "chu-the/index.html", func() *render.Page {
		return e.directory("chu-the/", e.r.MustT("nav.producers"), &render.DirectoryData{Producers: e.cat.Producers})
	})
	large()
	for _, pr := range e.cat.Producers {
		add(pr.File, render.ProducerPath(pr.ID)+"index.html", func() *render.Page { return e.producer(pr) })
	}
	add("content/sales-points", "diem-ban/index.html", func() *render.Page {
		return e.directory("diem-ban/", e.r.MustT("nav.salespoints"), &render.DirectoryData{SalesPoints: e.cat.SalesPoints})
	})
	large()
	for _, s := range e.cat.SalesPoints {
		addQR(s.File, render.SalesPointPath(s.ID), e.r.Name(s).S, func() *render.Page { return e.salesPoint(s) })
	}
	news := e.publicNews()
	e.paginateNews(news, add)
	for _, n := range news {
		add(n.File, render.NewsPath(n.Slug)+"index.html", func() *render.Page { return e.article(n) })
	}
	for _, pg := range e.cat.Pages {
		if !pg.Draft {
			add(pg.File, pg.Slug+"/index.html", func() *render.Page { return e.freePage(pg) })
		}
	}
	add("layouts/search.html", "tim-kiem/index.html", func() *render.Page {
		return &render.Page{Kind: "search", Path: "tim-kiem/index.html", Title: e.r.MustT("nav.search"),
			Data: &render.SearchData{Nav: nav}, Breadcrumbs: e.crumbs(e.r.MustT("nav.search"))}
	})
	add("layouts/stats.html", statsPath+"index.html", func() *render.Page { return e.statsPage(public) })
	large()
	jobs = append(jobs, job{path: e.site.Prefix + "404.html", source: "layouts/404.html", noIndex: true, ed: e, view: func() *render.Page {
		return &render.Page{Kind: "404", Path: "404.html", Title: e.r.MustT("not_found"), NoIndex: true}
	}})
	return jobs
}

// listedStatuses have a listing page of their own (certificates in force
// are the catalogue and the star pages).
var listedStatuses = []content.Status{content.Expiring, content.Expired, content.Revoked, content.NotRanked, content.Development}

func (b *builder) publicProducts() []*content.Product {
	var out []*content.Product
	for _, p := range b.cat.Products {
		if !p.Draft && b.cat.ProductBySlug[p.Slug] == p {
			out = append(out, p)
		}
	}
	content.SortByStar(out)
	return out
}

func (b *builder) publicNews() []*content.News {
	var out []*content.News
	for _, n := range b.cat.News {
		if !n.Draft {
			out = append(out, n)
		}
	}
	return out
}

func filter(ps []*content.Product, keep func(*content.Product) bool) []*content.Product {
	var out []*content.Product
	for _, p := range ps {
		if keep(p) {
			out = append(out, p)
		}
	}
	return out
}

// finish fills the fields every page derives the same way.
func (e *edition) finish(p *render.Page) {
	s := e.site
	p.Site = s
	dir := strings.TrimSuffix(p.Path, "index.html")
	p.URL = s.Rel(dir)
	p.Canonical = s.Abs(dir)
	if p.OGType == "" {
		p.OGType = "website"
	}
	if p.Description == "" {
		p.Description = s.Title
	}
	p.Menu = e.menu(dir)
	if s.Multilingual() && !p.NoIndex {
		// Every edition has every page (see plan).
		for _, o := range e.editions {
			p.Editions = append(p.Editions, render.EditionLink{
				Lang: o.site.Language, Name: o.r.MustT("lang.name"), Locale: o.r.MustT("lang.locale"),
				URL: o.site.Rel(dir), Href: o.site.Abs(dir), Current: o == e,
			})
		}
		p.XDefault = e.editions[0].site.Abs(dir)
	}
}

// menu is site.yaml's menu, or a default one, with the current section
// marked.
func (e *edition) menu(dir string) []render.MenuLink {
	s := e.site
	var links []render.MenuLink
	if len(s.Menu) > 0 {
		for _, m := range s.Menu {
			u := m.URL
			if strings.HasPrefix(u, "/") {
				u = s.Rel(u)
			}
			links = append(links, render.MenuLink{Title: m.Title, URL: u, Lang: e.r.SiteLang("menu")})
		}
	} else {
		for _, d := range []struct{ key, path string }{
			{"nav.products", "san-pham/"}, {"nav.producers", "chu-the/"}, {"nav.salespoints", "diem-ban/"}, {"nav.news", "tin-tuc/"},
		} {
			links = append(links, render.MenuLink{Title: e.r.MustT(d.key), URL: s.Rel(d.path)})
		}
		for _, pg := range e.cat.Pages {
			if pg.Menu > 0 && !pg.Draft {
				t := e.r.Name(pg)
				links = append(links, render.MenuLink{Title: t.S, URL: s.Rel(pg.Slug + "/"), Lang: t.Lang})
			}
		}
	}
	here := s.Rel(dir)
	for i := range links {
		u := links[i].URL
		links[i].Current = u != s.Rel("") && strings.HasPrefix(here, u)
	}
	return links
}

// crumbs builds a breadcrumb trail from the home page through names; the
// arguments alternate name, path ("" for the current page, always last).
func (e *edition) crumbs(namesAndPaths ...string) []render.Crumb {
	out := []render.Crumb{{Name: e.r.MustT("nav.home"), URL: e.site.Rel("")}}
	for i := 0; i < len(namesAndPaths); i += 2 {
		c := render.Crumb{Name: namesAndPaths[i]}
		if i+1 < len(namesAndPaths) && namesAndPaths[i+1] != "" {
			c.URL = e.site.Rel(namesAndPaths[i+1])
		}
		out = append(out, c)
	}
	return out
}

// crumbsTo is crumbs for the page of a named thing (a product, an
// article) in section (its listing's name and path), with the name's
// language mark.
func (e *edition) crumbsTo(section, sectionPath string, name *render.Text) []render.Crumb {
	out := e.crumbs(section, sectionPath, name.S)
	out[len(out)-1].Lang = name.Lang
	return out
}

// navigation is the browse menu shown beside listings: stars, groups,
// statuses, with counts.
func (e *edition) navigation(public, certified []*content.Product, areas *areaNode) []render.NavGroup {
	s := e.site
	var stars []render.Link
	for _, star := range []int{5, 4, 3} {
		n := len(filter(certified, func(p *content.Product) bool { return p.Cert.Star == star }))
		stars = append(stars, render.Link{Name: e.r.MustT("star_n", star), URL: s.Rel(render.StarPath(star)), Count: n})
	}
	groupCount := map[string]int{}
	groupName := map[string]*render.Text{}
	for _, p := range public {
		if p.Group != "" {
			groupCount[p.Group]++
			groupName[p.Group] = e.r.GroupName(p)
		}
	}
	var groups []render.Link
	for id, n := range groupCount {
		groups = append(groups, render.Link{Name: groupName[id].S, Lang: groupName[id].Lang, URL: s.Rel(render.GroupPath(id)), Count: n})
	}
	sortLinks(groups)
	var statuses []render.Link
	for _, st := range listedStatuses {
		if n := len(filter(public, func(p *content.Product) bool { return p.Cert.Status == st })); n > 0 {
			statuses = append(statuses, render.Link{Name: e.r.MustT("status." + string(st)), URL: s.Rel(render.StatusPath(st)), Count: n})
		}
	}
	nav := []render.NavGroup{{Title: e.r.MustT("nav.stars"), Links: stars}}
	if len(groups) > 0 {
		nav = append(nav, render.NavGroup{Title: e.r.MustT("nav.groups"), Links: groups})
	}
	if links := e.topAreas(areas); len(links) > 0 {
		all := render.Link{Name: e.r.MustT("nav.all_areas"), URL: s.Rel("dia-ban/"), Count: len(areas.products)}
		nav = append(nav, render.NavGroup{Title: e.r.MustT("nav.areas"), Links: largestAreas(links, navAreas, all)})
	}
	if len(statuses) > 0 {
		nav = append(nav, render.NavGroup{Title: e.r.MustT("nav.statuses"), Links: statuses})
	}
	return nav
}

// navAreas is how many areas the browsing menu of a listing names. A
// national catalogue has 63 provinces: listing them all on each of ten
// thousand listing pages was a third of every such page's bytes, for a
// list that /dia-ban/ gives in full.
const navAreas = 10

// largestAreas returns links unchanged when there are at most n, else the
// n with the most products (most first, then by name) followed by all,
// the link to every area.
func largestAreas(links []render.Link, n int, all render.Link) []render.Link {
	if len(links) <= n {
		return links
	}
	top := slices.Clone(links)
	sort.SliceStable(top, func(i, j int) bool { return top[i].Count > top[j].Count })
	return append(top[:n:n], all)
}

func sortLinks(ls []render.Link) {
	sort.Slice(ls, func(i, j int) bool { return vntext.Fold(ls[i].Name) < vntext.Fold(ls[j].Name) })
}

// paginate emits the pages of one listing: base, base/trang/2/, …
func (e *edition) paginate(base string, items []*content.Product, page func(n int, pager *render.Pager, items []*content.Product) *render.Page, add func(string, string, func() *render.Page)) {
	per := e.site.PerPage
	pages := max(1, (len(items)+per-1)/per)
	for n := 1; n <= pages; n++ {
		lo, hi := (n-1)*per, min(n*per, len(items))
		add("products", render.PagedPath(base, n)+"index.html", func() *render.Page {
			return page(n, e.pager(base, n, pages), items[lo:hi])
		})
	}
}

func (e *edition) pager(base string, n, pages int) *render.Pager {
	s := e.site
	p := &render.Pager{Page: n, Pages: pages, First: s.Rel(base), Last: s.Rel(render.PagedPath(base, pages))}
	if n > 1 {
		p.Prev = s.Rel(render.PagedPath(base, n-1))
	}
	if n < pages {
		p.Next = s.Rel(render.PagedPath(base, n+1))
	}
	// Show the first, last and a window around the current page, so the
	// pager stays short on a phone even with hundreds of pages.
	prev := 0
	for i := 1; i <= pages; i++ {
		if i == 1 || i == pages || (i >= n-2 && i <= n+2) {
			p.Links = append(p.Links, render.Link{Name: itoa(i), URL: s.Rel(render.PagedPath(base, i)), Current: i == n, Gap: i > prev+1})
			prev = i
		}
	}
	return p
}

func (e *edition) list(pager *render.Pager, n int, base, heading string, items []*content.Product, total int, nav []render.NavGroup, children []render.Link, crumbs []render.Crumb) *render.Page {
	title := heading
	if n > 1 {
		title += " – " + e.r.MustT("page_n", n)
	}
	return &render.Page{
		Kind: "list", Path: render.PagedPath(base, n) + "index.html", Title: title,
		Description: heading, Breadcrumbs: crumbs,
		Data: &render.ListData{Heading: heading, Products: items, Total: total, Nav: markCurrent(nav, e.site.Rel(base)), Children: children, Pager: pager},
	}
}

// markCurrent returns nav with the link to here marked current.
func markCurrent(nav []render.NavGroup, here string) []render.NavGroup {
	out := make([]render.NavGroup, len(nav))
	for i, g := range nav {
		links := append([]render.Link(nil), g.Links...)
		for j := range links {
			links[j].Current = links[j].URL == here
		}
		out[i] = render.NavGroup{Title: g.Title, Links: links}
	}
	return out
}

func (e *edition) home(certified []*content.Product, nav []render.NavGroup) *render.Page {
	featured := certified
	if len(featured) > 8 {
		featured = featured[:8]
	}
	if len(featured) == 0 {
		// With no certificate in force, show what the catalogue holds rather
		// than an empty page.
		featured = e.publicProducts()
		if len(featured) > 8 {
			featured = featured[:8]
		}
	}
	news := e.publicNews()
	if len(news) > 5 {
		news = news[:5]
	}
	d := &render.HomeData{Certified: len(certified), Featured: featured, News: news}
	for _, g := range nav {
		if g.Title == e.r.MustT("nav.stars") {
			d.Stars = g.Links
		}
		if g.Title == e.r.MustT("nav.groups") {
			d.Groups = g.Links
		}
	}
	ld := map[string]any{"@context": "https://schema.org", "@type": "WebSite", "name": e.site.Title, "url": e.site.Abs("")}
	if e.site.Multilingual() {
		ld["inLanguage"] = e.site.Language
	}
	return &render.Page{Kind: "home", Path: "index.html", Title: e.site.Title, Data: d, JSONLD: ld}
}

func (e *edition) product(p *content.Product) *render.Page {
	s := e.site
	name, summary := e.r.Name(p), e.r.Summary(p)
	d := &render.ProductData{P: p}
	for _, img := range p.Photos {
		d.Photos = append(d.Photos, render.ProductPhoto(s, p.Slug, img, name.S))
	}
	for i := len(p.Evaluations) - 1; i >= 0; i-- {
		d.Evaluations = append(d.Evaluations, p.Evaluations[i])
	}
	if p.ProducerRef != nil {
		for _, o := range p.ProducerRef.Products {
			if o != p && len(d.Related) < 4 {
				d.Related = append(d.Related, o)
			}
		}
	}
	page := &render.Page{Kind: "product", Path: render.ProductPath(p.Slug) + "index.html", Title: name.S,
		Description: firstNonEmpty(plain(summary), name.S), OGType: "website", Data: d,
		Breadcrumbs: e.crumbsTo(e.r.MustT("nav.products"), "san-pham/", name)}
	ld := map[string]any{"@context": "https://schema.org", "@type": "Product", "name": name.S, "url": s.Abs(render.ProductPath(p.Slug))}
	if summary != nil {
		ld["description"] = summary.S
	}
	if len(d.Photos) > 0 {
		page.Image = s.Origin + d.Photos[0].URL
		ld["image"] = page.Image
	}
	if p.ProducerRef != nil {
		maker := e.r.Name(p.ProducerRef).S
		ld["brand"] = map[string]any{"@type": "Brand", "name": maker}
		ld["manufacturer"] = map[string]any{"@type": "Organization", "name": maker, "url": s.Abs(render.ProducerPath(p.ProducerRef.ID))}
	}
	if p.Cert.Status.Certified() {
		ld["award"] = "OCOP " + e.r.MustT("star_n", p.Cert.Star)
	}
	if g := e.r.GroupName(p); g != nil {
		ld["category"] = g.S
	}
	if price, ok := parsePrice(p.Price); ok {
		ld["offers"] = map[string]any{"@type": "Offer", "price": price, "priceCurrency": "VND", "description": p.Price,
			"url": s.Abs(render.ProductPath(p.Slug))}
	}
	page.JSONLD = ld
	d.QR = e.qrView(render.ProductPath(p.Slug), name.S)
	return page
}

// parsePrice reads the amount in đồng from a price as staff write it
// ("120.000 đ/hộp", "85000đ", "1.250.000 VNĐ"): the first number, dots or
// commas grouping thousands. ok is false when there is no such number
// ("liên hệ"), so no offer is published with a made-up price.
func parsePrice(text string) (int64, bool) {
	i := strings.IndexFunc(text, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 {
		return 0, false
	}
	var n int64
	digits, group := 0, -1
	for _, r := range text[i:] {
		switch {
		case r >= '0' && r <= '9':
			if n > 1e15 {
				return 0, false
			}
			n = n*10 + int64(r-'0')
			digits++
			if group >= 0 {
				group++
			}
		case (r == '.' || r == ',') && (group == -1 || group == 3):
			if group == -1 && digits > 3 {
				return 0, false
			}
			group = 0
		default:
			if group >= 0 && group != 3 {
				return 0, false // "85,5": a decimal, not thousands
			}
			return n, n > 0
		}
	}
	if group >= 0 && group != 3 {
		return 0, false
	}
	return n, n > 0
}

// plain is t's text, "" for nil.
func plain(t *render.Text) string {
	if t == nil {
		return ""
	}
	return t.S
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func (e *edition) producer(pr *content.Producer) *render.Page {
	s := e.site
	name, desc := e.r.Name(pr), plain(e.r.Summary(pr))
	ld := map[string]any{"@context": "https://schema.org", "@type": "Organization", "name": name.S,
		"url": s.Abs(render.ProducerPath(pr.ID))}
	if a := postalAddress(pr.Address, pr.Area); a != nil {
		ld["address"] = a
	}
	for k, v := range map[string]string{"telephone": pr.Phone, "email": pr.Email, "description": desc} {
		if v != "" {
			ld[k] = v
		}
	}
	if pr.Website != "" {
		ld["sameAs"] = pr.Website
	}
	return &render.Page{Kind: "producer", Path: render.ProducerPath(pr.ID) + "index.html", Title: name.S,
		Description: firstNonEmpty(desc, name.S), Data: &render.ProducerData{P: pr},
		Breadcrumbs: e.crumbsTo(e.r.MustT("nav.producers"), "chu-the/", name),
		JSONLD:      ld}
}

// postalAddress is a schema.org PostalAddress of an address line and area,
// or nil when both are empty.
func postalAddress(line string, a content.Area) map[string]any {
	region := strings.TrimSpace(strings.Join(nonEmpty(a.Commune, a.District), ", "))
	if line == "" && region == "" && a.Province == "" {
		return nil
	}
	out := map[string]any{"@type": "PostalAddress", "addressCountry": "VN"}
	if line != "" {
		out["streetAddress"] = line
	}
	if region != "" {
		out["addressLocality"] = region
	}
	if a.Province != "" {
		out["addressRegion"] = a.Province
	}
	return out
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (e *edition) salesPoint(sp *content.SalesPoint) *render.Page {
	name, desc := e.r.Name(sp), plain(e.r.Summary(sp))
	d := &render.SalesPointData{S: sp}
	if sp.Geo != nil {
		d.MapURL = "https://www.openstreetmap.org/?mlat=" + ftoa(sp.Geo.Lat) + "&mlon=" + ftoa(sp.Geo.Lng) + "#map=17/" + ftoa(sp.Geo.Lat) + "/" + ftoa(sp.Geo.Lng)
	}
	d.QR = e.qrView(render.SalesPointPath(sp.ID), name.S)
	// A shop or showroom is a Store; a fair stand or an online shop is
	// described as a Place.
	kind := "Place"
	if sp.Kind == "showroom" || sp.Kind == "cua-hang" {
		kind = "Store"
	}
	ld := map[string]any{"@context": "https://schema.org", "@type": kind, "name": name.S, "url": e.site.Abs(render.SalesPointPath(sp.ID))}
	if a := postalAddress(sp.Address, sp.Area); a != nil {
		ld["address"] = a
	}
	if sp.Geo != nil {
		ld["geo"] = map[string]any{"@type": "GeoCoordinates", "latitude": sp.Geo.Lat, "longitude": sp.Geo.Lng}
		ld["hasMap"] = d.MapURL
	}
	for k, v := range map[string]string{"telephone": sp.Phone, "description": desc, "sameAs": sp.Website} {
		if v != "" {
			ld[k] = v
		}
	}
	return &render.Page{Kind: "salespoint", Path: render.SalesPointPath(sp.ID) + "index.html", Title: name.S,
		Description: firstNonEmpty(desc, sp.Address, name.S), Data: d,
		Breadcrumbs: e.crumbsTo(e.r.MustT("nav.salespoints"), "diem-ban/", name), JSONLD: ld}
}

func (e *edition) directory(path, heading string, d *render.DirectoryData) *render.Page {
	d.Heading = heading
	return &render.Page{Kind: "directory", Path: path + "index.html", Title: heading, Data: d, Breadcrumbs: e.crumbs(heading)}
}

func (e *edition) paginateNews(news []*content.News, add func(string, string, func() *render.Page)) {
	per := e.site.PerPage
	pages := max(1, (len(news)+per-1)/per)
	title := e.r.MustT("nav.news")
	for n := 1; n <= pages; n++ {
		lo, hi := (n-1)*per, min(n*per, len(news))
		t := title
		if n > 1 {
			t += " – " + e.r.MustT("page_n", n)
		}
		path := render.PagedPath("tin-tuc/", n) + "index.html"
		add("content/news", path, func() *render.Page {
			return &render.Page{Kind: "newslist", Path: path, Title: t, Breadcrumbs: e.crumbs(title),
				Data: &render.NewsListData{News: news[lo:hi], Pager: e.pager("tin-tuc/", n, pages), Feed: e.site.Rel(feedPath)}}
		})
	}
}

func (e *edition) article(n *content.News) *render.Page {
	s := e.site
	title, summary := e.r.Name(n), plain(e.r.Summary(n))
	ld := map[string]any{"@context": "https://schema.org", "@type": "NewsArticle", "headline": title.S,
		"datePublished": n.Date.String(), "description": summary, "url": s.Abs(render.NewsPath(n.Slug)),
		"publisher": map[string]any{"@type": "Organization", "name": s.Title}}
	if s.Multilingual() {
		_, lang := e.r.Body(n)
		ld["inLanguage"] = firstNonEmpty(lang, s.Language)
	}
	return &render.Page{Kind: "article", Path: render.NewsPath(n.Slug) + "index.html", Title: title.S,
		Description: firstNonEmpty(summary, title.S), OGType: "article",
		Data:        &render.ArticleData{News: n},
		Breadcrumbs: e.crumbsTo(e.r.MustT("nav.news"), "tin-tuc/", title),
		JSONLD:      ld}
}

func (e *edition) freePage(pg *content.Page) *render.Page {
	title := e.r.Name(pg)
	crumbs := e.crumbs(title.S)
	crumbs[len(crumbs)-1].Lang = title.Lang
	return &render.Page{Kind: "article", Path: pg.Slug + "/index.html", Title: title.S,
		Data: &render.ArticleData{Page: pg}, Breadcrumbs: crumbs}
}

// textProblem reports a story or article body that could not be read
// again while the site was built (see content.Catalog.Text).
func (b *builder) textProblem(t content.Text, err error) {
	if errors.Is(err, content.ErrChanged) {
		b.l.AddHint(t.Pos(), "build again (with --clean if this repeats)", "file changed while the site was being built")
		return
	}
	b.l.Add(t.Pos(), "cannot read: %v", err)
}

// withMarkdown returns p with its Markdown (story, article body) converted.
// Conversion waits until the page is rendered, so planning a site — all a
// preview does after a save — stays cheap. The view is copied, not changed,
// since a preview may render the same page for two requests at once.
func (e *edition) withMarkdown(p *render.Page) *render.Page {
	convert := func(t content.Text) template.HTML {
		src, err := e.cat.Text(t)
		if err != nil {
			e.textProblem(t, err)
			return ""
		}
		html, err := e.md.Convert(src)
		if err != nil {
			e.l.Add(t.Pos(), "cannot render Markdown: %v", err)
		}
		return html
	}
	out := *p
	switch d := p.Data.(type) {
	case *render.ProductData:
		cp := *d
		story, lang := e.r.Story(d.P)
		cp.Story = convert(story)
		if !story.Empty() {
			cp.StoryLang = lang
		}
		out.Data = &cp
	case *render.ArticleData:
		cp := *d
		var body content.Text
		if d.News != nil {
			body, cp.BodyLang = e.r.Body(d.News)
		} else if d.Page != nil {
			body, cp.BodyLang = e.r.Body(d.Page)
		}
		cp.Body = convert(body)
		out.Data = &cp
	default:
		return p
	}
	return &out
}
