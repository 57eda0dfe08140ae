package site

import (
	"html/template"
	"strconv"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/opendata"
	"github.com/ocop-vn/ocop/generator/render"
	"github.com/ocop-vn/ocop/generator/stats"
	"github.com/ocop-vn/ocop/generator/yamlx"
)

// statsPath is the statistics page.
const statsPath = "thong-ke/"

// statsPage is the statistics page: the catalogue's figures on the build
// date as charts drawn here (inline SVG, no script) with their tables, and
// links to the open data files.
func (e *edition) statsPage(public []*content.Product) *render.Page {
	s := e.site
	c := stats.Compute(public, e.now)
	d := &render.StatsData{Date: yamlx.Date{Time: e.now}, Products: c.Products, Expiring: c.ExpiringProducts}
	for _, r := range c.Statuses {
		st := content.Status(r.Key)
		l := render.Link{Name: e.r.MustT("status." + r.Key), Count: r.Values[0]}
		if st != content.Valid && r.Values[0] > 0 {
			l.URL = s.Rel(render.StatusPath(st))
		} else if st == content.Valid {
			l.URL = s.Rel("san-pham/")
		}
		d.Statuses = append(d.Statuses, l)
	}
	pair := []string{e.r.MustT("stats.in_force"), e.r.MustT("stats.recognised")}
	chart := func(id, title, head string, series []string, rows []stats.Row, columns bool, empty string, url func(stats.Row) string, label func(stats.Row) string) {
		sc := render.StatsChart{ID: "chart-" + id, Title: title, Head: head, Series: series}
		ch := stats.Chart{ID: sc.ID, Title: title, Series: series, Columns: columns, Empty: empty}
		for _, r := range rows {
			r.Label = label(r)
			ch.Rows = append(ch.Rows, r)
			sc.Rows = append(sc.Rows, render.StatsRow{Label: r.Label, URL: url(r), Values: r.Values})
		}
		sc.SVG = template.HTML(ch.SVG())
		d.Charts = append(d.Charts, sc)
	}
	same := func(r stats.Row) string { return r.Label }
	groupNames := map[string]*render.Text{}
	for _, p := range public {
		if p.Group != "" && groupNames[p.Group] == nil {
			groupNames[p.Group] = e.r.GroupName(p)
		}
	}
	none := func(stats.Row) string { return "" }
	noneYet := e.r.MustT("stats.none")
	chart("stars", e.r.MustT("stats.stars"), e.r.MustT("nav.stars"), pair, c.Stars, false, noneYet,
		func(r stats.Row) string {
			n, _ := strconv.Atoi(r.Key)
			return s.Rel(render.StarPath(n))
		},
		func(r stats.Row) string { n, _ := strconv.Atoi(r.Key); return e.r.MustT("star_n", n) })
	chart("groups", e.r.MustT("stats.groups"), e.r.MustT("product.group"), pair, c.Groups, false, noneYet,
		func(r stats.Row) string {
			if r.Key == "" {
				return ""
			}
			return s.Rel(render.GroupPath(r.Key))
		},
		func(r stats.Row) string {
			return firstNonEmpty(plain(groupNames[r.Key]), r.Label, r.Key, e.r.MustT("stats.group_unknown"))
		})
	chart("areas", e.r.MustT("stats.areas"), e.r.MustT("product.area"), pair, c.Areas, false, noneYet,
		func(r stats.Row) string {
			if p := "dia-ban/" + r.Key + "/"; r.Key != "" && e.planned[e.site.Prefix+p+"index.html"] {
				return s.Rel(p)
			}
			return ""
		},
		func(r stats.Row) string { return firstNonEmpty(r.Label, e.r.MustT("stats.area_unknown")) })
	chart("years", e.r.MustT("stats.years"), e.r.MustT("stats.year"), []string{e.r.MustT("stats.evaluations"), e.r.MustT("stats.decisions")},
		c.Years, true, noneYet, none, same)
	chart("expiring", e.r.MustT("stats.expiring", stats.ExpiringMonths), e.r.MustT("stats.month"), []string{e.r.MustT("stats.certificates")},
		c.Expiring, true, e.r.MustT("stats.expiring_none", stats.ExpiringMonths), none, same)

	for _, f := range []struct{ path, key, format string }{
		{opendata.ProductsCSV, "products_csv", "CSV"},
		{opendata.ProductsJSON, "products_json", "JSON"},
		{opendata.EvaluationsCSV, "evaluations_csv", "CSV"},
		{opendata.SalesPoints, "sales_points", "GeoJSON"},
		{opendata.StatisticsCSV, "statistics_csv", "CSV"},
	} {
		d.Downloads = append(d.Downloads, render.Download{Title: e.r.MustT("data." + f.key), URL: s.Asset(f.path), Format: f.format,
			Description: e.r.MustT("data." + f.key + "_desc")})
	}
	title := e.r.MustT("stats.title")
	return &render.Page{Kind: "stats", Path: statsPath + "index.html", Title: title,
		Description: e.r.MustT("stats.description"), Data: d, Breadcrumbs: e.crumbs(title)}
}
