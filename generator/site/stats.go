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
func (b *builder) statsPage(public []*content.Product) *render.Page {
	s := b.cat.Site
	c := stats.Compute(public, b.now)
	d := &render.StatsData{Date: yamlx.Date{Time: b.now}, Products: c.Products, Expiring: c.ExpiringProducts}
	for _, r := range c.Statuses {
		st := content.Status(r.Key)
		l := render.Link{Name: b.r.MustT("status." + r.Key), Count: r.Values[0]}
		if st != content.Valid && r.Values[0] > 0 {
			l.URL = s.Rel(render.StatusPath(st))
		} else if st == content.Valid {
			l.URL = s.Rel("san-pham/")
		}
		d.Statuses = append(d.Statuses, l)
	}
	pair := []string{b.r.MustT("stats.in_force"), b.r.MustT("stats.recognised")}
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
	none := func(stats.Row) string { return "" }
	noneYet := b.r.MustT("stats.none")
	chart("stars", b.r.MustT("stats.stars"), b.r.MustT("nav.stars"), pair, c.Stars, false, noneYet,
		func(r stats.Row) string {
			n, _ := strconv.Atoi(r.Key)
			return s.Rel(render.StarPath(n))
		},
		func(r stats.Row) string { n, _ := strconv.Atoi(r.Key); return b.r.MustT("star_n", n) })
	chart("groups", b.r.MustT("stats.groups"), b.r.MustT("product.group"), pair, c.Groups, false, noneYet,
		func(r stats.Row) string {
			if r.Key == "" {
				return ""
			}
			return s.Rel(render.GroupPath(r.Key))
		},
		func(r stats.Row) string { return firstNonEmpty(r.Label, r.Key, b.r.MustT("stats.group_unknown")) })
	chart("areas", b.r.MustT("stats.areas"), b.r.MustT("product.area"), pair, c.Areas, false, noneYet,
		func(r stats.Row) string {
			if p := "dia-ban/" + r.Key + "/"; r.Key != "" && b.planned[p+"index.html"] {
				return s.Rel(p)
			}
			return ""
		},
		func(r stats.Row) string { return firstNonEmpty(r.Label, b.r.MustT("stats.area_unknown")) })
	chart("years", b.r.MustT("stats.years"), b.r.MustT("stats.year"), []string{b.r.MustT("stats.evaluations"), b.r.MustT("stats.decisions")},
		c.Years, true, noneYet, none, same)
	chart("expiring", b.r.MustT("stats.expiring", stats.ExpiringMonths), b.r.MustT("stats.month"), []string{b.r.MustT("stats.certificates")},
		c.Expiring, true, b.r.MustT("stats.expiring_none", stats.ExpiringMonths), none, same)

	for _, f := range []struct{ path, key, format string }{
		{opendata.ProductsCSV, "products_csv", "CSV"},
		{opendata.ProductsJSON, "products_json", "JSON"},
		{opendata.EvaluationsCSV, "evaluations_csv", "CSV"},
		{opendata.SalesPoints, "sales_points", "GeoJSON"},
		{opendata.StatisticsCSV, "statistics_csv", "CSV"},
	} {
		d.Downloads = append(d.Downloads, render.Download{Title: b.r.MustT("data." + f.key), URL: s.Rel(f.path), Format: f.format,
			Description: b.r.MustT("data." + f.key + "_desc")})
	}
	title := b.r.MustT("stats.title")
	return &render.Page{Kind: "stats", Path: statsPath + "index.html", Title: title,
		Description: b.r.MustT("stats.description"), Data: d, Breadcrumbs: b.crumbs(title)}
}
