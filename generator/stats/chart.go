package stats

import (
	"fmt"
	"html"
	"strings"
)

// Chart is a figure drawn as SVG: horizontal bars (categories with long
// names) or vertical columns (years, months), one bar per series in each
// row. The SVG is meant to be inline in a page, with the same numbers in a
// table under it: it has role="img", a <title> and a <desc> (the text
// alternative, naming every value) referenced by aria-labelledby, and each
// row's bars carry a <title> tooltip. Colours are attributes with classes
// (stats-bar, stats-s0…) a theme may restyle.
type Chart struct {
	// ID makes the ids of the title and description; unique in a page.
	ID    string
	Title string
	// Desc is the text alternative; "" makes one from the rows (Summary).
	Desc   string
	Series []string
	Rows   []Row
	// Columns draws vertical columns instead of horizontal bars.
	Columns bool
	// Empty is written across the plot when every value is zero, so a
	// blank chart says it is blank.
	Empty string
}

// Palette holds the series colours: dark green and ochre, each at least
// 3:1 against white.
var Palette = []string{"#1b6e3a", "#a8620b", "#2f5f9e"}

const (
	chartWidth = 640
	fontSize   = 13
	labelChars = 28
)

func esc(s string) string { return html.EscapeString(s) }

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Summary describes the rows in words: "Label: 3 Series, 1 Series; …".
func Summary(series []string, rows []Row) string {
	parts := make([]string, 0, len(rows))
	for _, r := range rows {
		vals := make([]string, len(r.Values))
		for i, v := range r.Values {
			if len(series) > 1 && i < len(series) {
				vals[i] = fmt.Sprintf("%d %s", v, series[i])
			} else {
				vals[i] = fmt.Sprint(v)
			}
		}
		parts = append(parts, r.Label+": "+strings.Join(vals, ", "))
	}
	return strings.Join(parts, "; ") + "."
}

func (c *Chart) max() int {
	m := 0
	for _, r := range c.Rows {
		for _, v := range r.Values {
			m = max(m, v)
		}
	}
	return m
}

// SVG draws the chart.
func (c *Chart) SVG() string {
	if c.Columns {
		return c.columns()
	}
	return c.bars()
}

func (c *Chart) nSeries() int {
	n := max(len(c.Series), 1)
	for _, r := range c.Rows {
		n = max(n, len(r.Values))
	}
	return n
}

func (c *Chart) open(b *strings.Builder, height int) {
	desc := c.Desc
	if desc == "" {
		desc = Summary(c.Series, c.Rows)
	}
	fmt.Fprintf(b, `<svg class="chart" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s-title %s-desc" font-family="system-ui, sans-serif" font-size="%d">`,
		chartWidth, height, chartWidth, height, c.ID, c.ID, fontSize)
	fmt.Fprintf(b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, c.ID, esc(c.Title), c.ID, esc(desc))
}

// legend draws the series names in a row at the top; it returns the height
// used.
func (c *Chart) legend(b *strings.Builder, x int) int {
	if len(c.Series) < 2 {
		return 0
	}
	for i, s := range c.Series {
		fmt.Fprintf(b, `<rect class="stats-s%d" x="%d" y="6" width="12" height="12" fill="%s"/><text x="%d" y="16" fill="#222">%s</text>`,
			i, x, Palette[i%len(Palette)], x+16, esc(s))
		x += 16 + 8*len([]rune(s)) + 24
	}
	return 28
}

func (c *Chart) empty(b *strings.Builder, x, y int) {
	if c.max() == 0 && c.Empty != "" {
		fmt.Fprintf(b, `<text class="stats-empty" x="%d" y="%d" text-anchor="middle" fill="#555">%s</text>`, x, y, esc(c.Empty))
	}
}

func (c *Chart) rowTitle(r Row) string {
	return "<title>" + esc(Summary(c.Series, []Row{r})) + "</title>"
}

// bars: one row per category, label on the left, bars growing right with
// the value after each bar.
func (c *Chart) bars() string {
	const labelW, barH, gap, valueW = 210, 16, 12, 44
	ns := c.nSeries()
	rowH := ns*barH + gap
	var b strings.Builder
	top := 0
	if len(c.Series) >= 2 {
		top = 28
	}
	height := top + max(len(c.Rows), 1)*rowH + 4
	c.open(&b, height)
	c.legend(&b, labelW)
	plotW := chartWidth - labelW - valueW
	scale := float64(plotW) / float64(max(c.max(), 1))
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#767676"/>`, labelW, top, labelW, height-4)
	for i, r := range c.Rows {
		y := top + i*rowH + gap/2
		b.WriteString(`<g class="stats-row">` + c.rowTitle(r))
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" dominant-baseline="middle" fill="#222">%s</text>`,
			labelW-8, y+ns*barH/2, esc(truncate(r.Label, labelChars)))
		for s, v := range r.Values {
			w := int(float64(v)*scale + 0.5)
			by := y + s*barH
			if w > 0 {
				fmt.Fprintf(&b, `<rect class="stats-bar stats-s%d" x="%d" y="%d" width="%d" height="%d" fill="%s"/>`,
					s, labelW, by+1, w, barH-2, Palette[s%len(Palette)])
			}
			fmt.Fprintf(&b, `<text x="%d" y="%d" dominant-baseline="middle" fill="#222" font-size="12">%d</text>`, labelW+w+4, by+barH/2, v)
		}
		b.WriteString(`</g>`)
	}
	c.empty(&b, labelW+plotW/2, top+max(len(c.Rows), 1)*rowH/2)
	b.WriteString(`</svg>`)
	return b.String()
}

// columns: categories along the bottom, columns growing up with the value
// above each.
func (c *Chart) columns() string {
	const left, right, plotH, bottom = 16, 16, 180, 40
	ns := c.nSeries()
	var b strings.Builder
	top := 20
	if len(c.Series) >= 2 {
		top += 28
	}
	height := top + plotH + bottom
	c.open(&b, height)
	c.legend(&b, left)
	n := max(len(c.Rows), 1)
	plotW := chartWidth - left - right
	groupW := float64(plotW) / float64(n)
	barW := min(32, int(groupW-8)/ns)
	base := top + plotH
	scale := float64(plotH) / float64(max(c.max(), 1))
	for i, r := range c.Rows {
		cx := left + int(groupW*float64(i)+groupW/2)
		x0 := cx - barW*ns/2
		b.WriteString(`<g class="stats-row">` + c.rowTitle(r))
		for s, v := range r.Values {
			h := int(float64(v)*scale + 0.5)
			x := x0 + s*barW
			if h > 0 {
				fmt.Fprintf(&b, `<rect class="stats-bar stats-s%d" x="%d" y="%d" width="%d" height="%d" fill="%s"/>`,
					s, x+1, base-h, barW-2, h, Palette[s%len(Palette)])
			}
			fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" fill="#222" font-size="12">%d</text>`, x+barW/2, base-h-4, v)
		}
		// "11/2026" is written on two lines, so twelve months fit.
		if m, y, ok := strings.Cut(r.Label, "/"); ok {
			fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" fill="#222" font-size="12">%s<tspan x="%d" dy="14">%s</tspan></text>`,
				cx, base+16, esc(m), cx, esc(truncate(y, 8)))
		} else {
			fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" fill="#222" font-size="12">%s</text>`, cx, base+18, esc(truncate(r.Label, 12)))
		}
		b.WriteString(`</g>`)
	}
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#767676"/>`, left, base, chartWidth-right, base)
	c.empty(&b, chartWidth/2, top+plotH/2)
	b.WriteString(`</svg>`)
	return b.String()
}
