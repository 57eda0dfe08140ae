package site

import (
	"html/template"
	"sort"
	"strings"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/render"
	"github.com/ocop-vn/ocop/generator/vntext"
)

// plan lists every page of the site: its path and how to make its view.
// Listing data (stars, groups, areas) is computed once here and shared by
// the pages that show it; each page's own view is made only when the page
// is rendered, so a catalogue of tens of thousands of pages never holds
// all their views at once.
func (b *builder) plan() []job {
	var jobs []job
	add := func(source, path string, view func() *render.Page) {
		jobs = append(jobs, job{path: path, source: source, view: view})
	}
	public := b.publicProducts()
	certified := filter(public, func(p *content.Product) bool { return p.Cert.Status.Certified() })
	areas := areaTree(public)
	b.r.SetAreaPages(areas.paths(map[string]bool{}))
	nav := b.navigation(public, certified, areas)

	add("site.yaml", "index.html", func() *render.Page { return b.home(certified, nav) })
	b.paginate("san-pham/", certified, func(n int, pager *render.Pager, items []*content.Product) *render.Page {
		return b.list(pager, n, "san-pham/", b.r.MustT("list.catalogue"), items, len(certified), nav, nil,
			b.crumbs(b.r.MustT("nav.products")))
	}, add)
	for _, star := range []int{5, 4, 3} {
		items := filter(certified, func(p *content.Product) bool { return p.Cert.Star == star })
		base := render.StarPath(star)
		heading := b.r.MustT("list.star", star)
		b.paginate(base, items, func(n int, pager *render.Pager, page []*content.Product) *render.Page {
			return b.list(pager, n, base, heading, page, len(items), nav, nil, b.crumbs(b.r.MustT("nav.stars"), "", heading))
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
		heading := b.r.MustT("list.group", items[0].GroupName)
		b.paginate(base, items, func(n int, pager *render.Pager, page []*content.Product) *render.Page {
			return b.list(pager, n, base, heading, page, len(items), nav, nil, b.crumbs(b.r.MustT("nav.groups"), "", heading))
		}, add)
	}
	for _, st := range listedStatuses {
		items := filter(public, func(p *content.Product) bool { return p.Cert.Status == st })
		if len(items) == 0 {
			continue
		}
		base := render.StatusPath(st)
		heading := b.r.MustT("list.status", strings.ToLower(b.r.MustT("status."+string(st))))
		b.paginate(base, items, func(n int, pager *render.Pager, page []*content.Product) *render.Page {
			return b.list(pager, n, base, heading, page, len(items), nav, nil, b.crumbs(b.r.MustT("nav.statuses"), "", heading))
		}, add)
	}
	b.areaPages(areas, nav, add)
	for _, p := range public {
		add(p.File, render.ProductPath(p.Slug)+"index.html", func() *render.Page { return b.product(p) })
	}
	add("content/producers", "chu-the/index.html", func() *render.Page {
		return b.directory("chu-the/", b.r.MustT("nav.producers"), &render.DirectoryData{Producers: b.cat.Producers})
	})
	for _, pr := range b.cat.Producers {
		add(pr.File, render.ProducerPath(pr.ID)+"index.html", func() *render.Page { return b.producer(pr) })
	}
	add("content/sales-points", "diem-ban/index.html", func() *render.Page {
		return b.directory("diem-ban/", b.r.MustT("nav.salespoints"), &render.DirectoryData{SalesPoints: b.cat.SalesPoints})
	})
	for _, s := range b.cat.SalesPoints {
		add(s.File, render.SalesPointPath(s.ID)+"index.html", func() *render.Page { return b.salesPoint(s) })
	}
	news := b.publicNews()
	b.paginateNews(news, add)
	for _, n := range news {
		add(n.File, render.NewsPath(n.Slug)+"index.html", func() *render.Page { return b.article(n) })
	}
	for _, pg := range b.cat.Pages {
		if !pg.Draft {
			add(pg.File, pg.Slug+"/index.html", func() *render.Page { return b.freePage(pg) })
		}
	}
	add("layouts/search.html", "tim-kiem/index.html", func() *render.Page {
		return &render.Page{Kind: "search", Path: "tim-kiem/index.html", Title: b.r.MustT("nav.search"),
			Data: &render.SearchData{Nav: nav}, Breadcrumbs: b.crumbs(b.r.MustT("nav.search"))}
	})
	add("layouts/stats.html", statsPath+"index.html", func() *render.Page { return b.statsPage(public) })
	jobs = append(jobs, job{path: "404.html", source: "layouts/404.html", noIndex: true, view: func() *render.Page {
		return &render.Page{Kind: "404", Path: "404.html", Title: b.r.MustT("not_found"), NoIndex: true}
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
func (b *builder) finish(p *render.Page) {
	s := b.cat.Site
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
	p.Menu = b.menu(dir)
}

// menu is site.yaml's menu, or a default one, with the current section
// marked.
func (b *builder) menu(dir string) []render.MenuLink {
	s := b.cat.Site
	var links []render.MenuLink
	if len(s.Menu) > 0 {
		for _, m := range s.Menu {
			u := m.URL
			if strings.HasPrefix(u, "/") {
				u = s.Rel(u)
			}
			links = append(links, render.MenuLink{Title: m.Title, URL: u})
		}
	} else {
		for _, d := range []struct{ key, path string }{
			{"nav.products", "san-pham/"}, {"nav.producers", "chu-the/"}, {"nav.salespoints", "diem-ban/"}, {"nav.news", "tin-tuc/"},
		} {
			links = append(links, render.MenuLink{Title: b.r.MustT(d.key), URL: s.Rel(d.path)})
		}
		for _, pg := range b.cat.Pages {
			if pg.Menu > 0 && !pg.Draft {
				links = append(links, render.MenuLink{Title: pg.Title, URL: s.Rel(pg.Slug + "/")})
			}
		}
	}
	here := s.Rel(dir)
	for i := range links {
		u := links[i].URL
		links[i].Current = u != s.BasePath && strings.HasPrefix(here, u)
	}
	return links
}

// crumbs builds a breadcrumb trail from the home page through names; the
// arguments alternate name, path ("" for the current page, always last).
func (b *builder) crumbs(namesAndPaths ...string) []render.Crumb {
	out := []render.Crumb{{Name: b.r.MustT("nav.home"), URL: b.cat.Site.BasePath}}
	for i := 0; i < len(namesAndPaths); i += 2 {
		c := render.Crumb{Name: namesAndPaths[i]}
		if i+1 < len(namesAndPaths) && namesAndPaths[i+1] != "" {
			c.URL = b.cat.Site.Rel(namesAndPaths[i+1])
		}
		out = append(out, c)
	}
	return out
}

// navigation is the browse menu shown beside listings: stars, groups,
// statuses, with counts.
func (b *builder) navigation(public, certified []*content.Product, areas *areaNode) []render.NavGroup {
	s := b.cat.Site
	var stars []render.Link
	for _, star := range []int{5, 4, 3} {
		n := len(filter(certified, func(p *content.Product) bool { return p.Cert.Star == star }))
		stars = append(stars, render.Link{Name: b.r.MustT("star_n", star), URL: s.Rel(render.StarPath(star)), Count: n})
	}
	groupCount := map[string]int{}
	groupName := map[string]string{}
	for _, p := range public {
		if p.Group != "" {
			groupCount[p.Group]++
			groupName[p.Group] = p.GroupName
		}
	}
	var groups []render.Link
	for id, n := range groupCount {
		groups = append(groups, render.Link{Name: groupName[id], URL: s.Rel(render.GroupPath(id)), Count: n})
	}
	sortLinks(groups)
	var statuses []render.Link
	for _, st := range listedStatuses {
		if n := len(filter(public, func(p *content.Product) bool { return p.Cert.Status == st })); n > 0 {
			statuses = append(statuses, render.Link{Name: b.r.MustT("status." + string(st)), URL: s.Rel(render.StatusPath(st)), Count: n})
		}
	}
	nav := []render.NavGroup{{Title: b.r.MustT("nav.stars"), Links: stars}}
	if len(groups) > 0 {
		nav = append(nav, render.NavGroup{Title: b.r.MustT("nav.groups"), Links: groups})
	}
	if links := b.topAreas(areas); len(links) > 0 {
		nav = append(nav, render.NavGroup{Title: b.r.MustT("nav.areas"), Links: links})
	}
	if len(statuses) > 0 {
		nav = append(nav, render.NavGroup{Title: b.r.MustT("nav.statuses"), Links: statuses})
	}
	return nav
}

func sortLinks(ls []render.Link) {
	sort.Slice(ls, func(i, j int) bool { return vntext.Fold(ls[i].Name) < vntext.Fold(ls[j].Name) })
}

// paginate emits the pages of one listing: base, base/trang/2/, …
func (b *builder) paginate(base string, items []*content.Product, page func(n int, pager *render.Pager, items []*content.Product) *render.Page, add func(string, string, func() *render.Page)) {
	per := b.cat.Site.PerPage
	pages := max(1, (len(items)+per-1)/per)
	for n := 1; n <= pages; n++ {
		lo, hi := (n-1)*per, min(n*per, len(items))
		add("products", render.PagedPath(base, n)+"index.html", func() *render.Page {
			return page(n, b.pager(base, n, pages), items[lo:hi])
		})
	}
}

func (b *builder) pager(base string, n, pages int) *render.Pager {
	s := b.cat.Site
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

func (b *builder) list(pager *render.Pager, n int, base, heading string, items []*content.Product, total int, nav []render.NavGroup, children []render.Link, crumbs []render.Crumb) *render.Page {
	title := heading
	if n > 1 {
		title += " – " + b.r.MustT("page_n", n)
	}
	return &render.Page{
		Kind: "list", Path: render.PagedPath(base, n) + "index.html", Title: title,
		Description: heading, Breadcrumbs: crumbs,
		Data: &render.ListData{Heading: heading, Products: items, Total: total, Nav: markCurrent(nav, b.cat.Site.Rel(base)), Children: children, Pager: pager},
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

func (b *builder) home(certified []*content.Product, nav []render.NavGroup) *render.Page {
	featured := certified
	if len(featured) > 8 {
		featured = featured[:8]
	}
	if len(featured) == 0 {
		// With no certificate in force, show what the catalogue holds rather
		// than an empty page.
		featured = b.publicProducts()
		if len(featured) > 8 {
			featured = featured[:8]
		}
	}
	news := b.publicNews()
	if len(news) > 5 {
		news = news[:5]
	}
	d := &render.HomeData{Certified: len(certified), Featured: featured, News: news}
	for _, g := range nav {
		if g.Title == b.r.MustT("nav.stars") {
			d.Stars = g.Links
		}
		if g.Title == b.r.MustT("nav.groups") {
			d.Groups = g.Links
		}
	}
	return &render.Page{Kind: "home", Path: "index.html", Title: b.cat.Site.Title, Data: d,
		JSONLD: map[string]any{"@context": "https://schema.org", "@type": "WebSite", "name": b.cat.Site.Title, "url": b.cat.Site.Abs("")}}
}

func (b *builder) product(p *content.Product) *render.Page {
	s := b.cat.Site
	d := &render.ProductData{P: p}
	for _, img := range p.Photos {
		d.Photos = append(d.Photos, render.ProductPhoto(s, p.Slug, img, p.Name))
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
	page := &render.Page{Kind: "product", Path: render.ProductPath(p.Slug) + "index.html", Title: p.Name,
		Description: firstNonEmpty(p.Summary, p.Name), OGType: "website", Data: d,
		Breadcrumbs: b.crumbs(b.r.MustT("nav.products"), "san-pham/", p.Name)}
	ld := map[string]any{"@context": "https://schema.org", "@type": "Product", "name": p.Name, "url": s.Abs(render.ProductPath(p.Slug))}
	if p.Summary != "" {
		ld["description"] = p.Summary
	}
	if len(d.Photos) > 0 {
		page.Image = s.Origin + d.Photos[0].URL
		ld["image"] = page.Image
	}
	if p.ProducerRef != nil {
		ld["brand"] = map[string]any{"@type": "Brand", "name": p.ProducerRef.Name}
		ld["manufacturer"] = map[string]any{"@type": "Organization", "name": p.ProducerRef.Name, "url": s.Abs(render.ProducerPath(p.ProducerRef.ID))}
	}
	if p.Cert.Status.Certified() {
		ld["award"] = "OCOP " + b.r.MustT("star_n", p.Cert.Star)
	}
	if p.GroupName != "" {
		ld["category"] = p.GroupName
	}
	if price, ok := parsePrice(p.Price); ok {
		ld["offers"] = map[string]any{"@type": "Offer", "price": price, "priceCurrency": "VND", "description": p.Price,
			"url": s.Abs(render.ProductPath(p.Slug))}
	}
	page.JSONLD = ld
	d.QR = b.qrView(render.ProductPath(p.Slug), p.Name)
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

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func (b *builder) producer(pr *content.Producer) *render.Page {
	s := b.cat.Site
	ld := map[string]any{"@context": "https://schema.org", "@type": "Organization", "name": pr.Name,
		"url": s.Abs(render.ProducerPath(pr.ID))}
	if a := postalAddress(pr.Address, pr.Area); a != nil {
		ld["address"] = a
	}
	for k, v := range map[string]string{"telephone": pr.Phone, "email": pr.Email, "description": pr.Description} {
		if v != "" {
			ld[k] = v
		}
	}
	if pr.Website != "" {
		ld["sameAs"] = pr.Website
	}
	return &render.Page{Kind: "producer", Path: render.ProducerPath(pr.ID) + "index.html", Title: pr.Name,
		Description: firstNonEmpty(pr.Description, pr.Name), Data: &render.ProducerData{P: pr},
		Breadcrumbs: b.crumbs(b.r.MustT("nav.producers"), "chu-the/", pr.Name),
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

func (b *builder) salesPoint(sp *content.SalesPoint) *render.Page {
	d := &render.SalesPointData{S: sp}
	if sp.Geo != nil {
		d.MapURL = "https://www.openstreetmap.org/?mlat=" + ftoa(sp.Geo.Lat) + "&mlon=" + ftoa(sp.Geo.Lng) + "#map=17/" + ftoa(sp.Geo.Lat) + "/" + ftoa(sp.Geo.Lng)
	}
	d.QR = b.qrView(render.SalesPointPath(sp.ID), sp.Name)
	// A shop or showroom is a Store; a fair stand or an online shop is
	// described as a Place.
	kind := "Place"
	if sp.Kind == "showroom" || sp.Kind == "cua-hang" {
		kind = "Store"
	}
	ld := map[string]any{"@context": "https://schema.org", "@type": kind, "name": sp.Name, "url": b.cat.Site.Abs(render.SalesPointPath(sp.ID))}
	if a := postalAddress(sp.Address, sp.Area); a != nil {
		ld["address"] = a
	}
	if sp.Geo != nil {
		ld["geo"] = map[string]any{"@type": "GeoCoordinates", "latitude": sp.Geo.Lat, "longitude": sp.Geo.Lng}
		ld["hasMap"] = d.MapURL
	}
	for k, v := range map[string]string{"telephone": sp.Phone, "description": sp.Description, "sameAs": sp.Website} {
		if v != "" {
			ld[k] = v
		}
	}
	return &render.Page{Kind: "salespoint", Path: render.SalesPointPath(sp.ID) + "index.html", Title: sp.Name,
		Description: firstNonEmpty(sp.Description, sp.Address, sp.Name), Data: d,
		Breadcrumbs: b.crumbs(b.r.MustT("nav.salespoints"), "diem-ban/", sp.Name), JSONLD: ld}
}

func (b *builder) directory(path, heading string, d *render.DirectoryData) *render.Page {
	d.Heading = heading
	return &render.Page{Kind: "directory", Path: path + "index.html", Title: heading, Data: d, Breadcrumbs: b.crumbs(heading)}
}

func (b *builder) paginateNews(news []*content.News, add func(string, string, func() *render.Page)) {
	per := b.cat.Site.PerPage
	pages := max(1, (len(news)+per-1)/per)
	title := b.r.MustT("nav.news")
	for n := 1; n <= pages; n++ {
		lo, hi := (n-1)*per, min(n*per, len(news))
		t := title
		if n > 1 {
			t += " – " + b.r.MustT("page_n", n)
		}
		path := render.PagedPath("tin-tuc/", n) + "index.html"
		add("content/news", path, func() *render.Page {
			return &render.Page{Kind: "newslist", Path: path, Title: t, Breadcrumbs: b.crumbs(title),
				Data: &render.NewsListData{News: news[lo:hi], Pager: b.pager("tin-tuc/", n, pages), Feed: b.cat.Site.Rel(feedPath)}}
		})
	}
}

func (b *builder) article(n *content.News) *render.Page {
	s := b.cat.Site
	return &render.Page{Kind: "article", Path: render.NewsPath(n.Slug) + "index.html", Title: n.Title,
		Description: firstNonEmpty(n.Summary, n.Title), OGType: "article",
		Data:        &render.ArticleData{News: n},
		Breadcrumbs: b.crumbs(b.r.MustT("nav.news"), "tin-tuc/", n.Title),
		JSONLD: map[string]any{"@context": "https://schema.org", "@type": "NewsArticle", "headline": n.Title,
			"datePublished": n.Date.String(), "description": n.Summary, "url": s.Abs(render.NewsPath(n.Slug)),
			"publisher": map[string]any{"@type": "Organization", "name": s.Title}}}
}

func (b *builder) freePage(pg *content.Page) *render.Page {
	return &render.Page{Kind: "article", Path: pg.Slug + "/index.html", Title: pg.Title,
		Data: &render.ArticleData{Page: pg}, Breadcrumbs: b.crumbs(pg.Title)}
}

// withMarkdown returns p with its Markdown (story, article body) converted.
// Conversion waits until the page is rendered, so planning a site — all a
// preview does after a save — stays cheap. The view is copied, not changed,
// since a preview may render the same page for two requests at once.
func (b *builder) withMarkdown(p *render.Page) *render.Page {
	convert := func(src string, pos diag.Pos) template.HTML {
		html, err := b.md.Convert(src)
		if err != nil {
			b.l.Add(pos, "cannot render Markdown: %v", err)
		}
		return html
	}
	out := *p
	switch d := p.Data.(type) {
	case *render.ProductData:
		cp := *d
		cp.Story = convert(d.P.Story, diag.Pos{File: d.P.StoryFile})
		out.Data = &cp
	case *render.ArticleData:
		cp := *d
		if d.News != nil {
			cp.Body = convert(d.News.Body, diag.Pos{File: d.News.File, Line: d.News.BodyLine})
		} else if d.Page != nil {
			cp.Body = convert(d.Page.Body, diag.Pos{File: d.Page.File, Line: d.Page.BodyLine})
		}
		out.Data = &cp
	default:
		return p
	}
	return &out
}
