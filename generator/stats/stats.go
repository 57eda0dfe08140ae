// Package stats computes the catalogue's figures — products by star, by
// group, by area, recognitions per year, certificates expiring — and the
// figures of a reporting period compared with the one before. It is pure:
// products and dates in, numbers out. Charts of the figures are drawn as
// accessible SVG (chart.go) and written as CSV (csv.go); the wording (series
// names, headings) is the caller's, so a theme's language applies.
package stats

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/vntext"
)

// Row is one category of a figure: a key (star, group id, area path, year,
// month), a label as shown, and one value per series.
type Row struct {
	Key    string
	Label  string
	Values []int
}

// Sum is the row's total over its series.
func (r Row) Sum() int {
	n := 0
	for _, v := range r.Values {
		n += v
	}
	return n
}

// Series keys of the category figures (stars, groups, areas): products with
// a certificate in force on the date, and products that hold or held a
// recognition (expired and revoked ones included).
const (
	InForce    = "in-force"
	Recognised = "recognised"
)

// Series keys of the yearly figure: council rounds held and recognition
// decisions issued.
const (
	Evaluations = "evaluations"
	Decisions   = "decisions"
)

// Catalogue is the figures of a catalogue on a date.
type Catalogue struct {
	Now time.Time
	// Products is how many public products there are; Statuses counts them
	// by status, in the order of content's statuses.
	Products int
	Statuses []Row // Key is the status, one value
	// Stars, Groups and Areas have the series InForce and Recognised.
	Stars  []Row // Key "5", "4", "3"
	Groups []Row // Key the group id, Label its name; most recognised first
	Areas  []Row // Key the area's URL segments ("thanh-hoa/trieu-son"), Label its name
	// Years has the series Evaluations and Decisions, one row per year
	// from the first to the last with either, oldest first.
	Years []Row
	// Expiring has one row per calendar month from Now's month on (12 rows,
	// Key "2026-11", Label "11/2026"): certificates in force on Now that end
	// in that month.
	Expiring []Row
	// ExpiringProducts are those products, soonest first.
	ExpiringProducts []*content.Product
}

// Statuses in the order figures list them.
var Statuses = []content.Status{content.Valid, content.Expiring, content.Expired, content.Revoked, content.NotRanked, content.Development}

// Compute returns the figures of products (the public ones: not drafts) on
// now. Product certificates must have been derived for the same date (as
// content.Load does with its Now).
func Compute(products []*content.Product, now time.Time) *Catalogue {
	c := &Catalogue{Now: now, Products: len(products)}
	byStatus := map[content.Status]int{}
	for _, p := range products {
		byStatus[p.Cert.Status]++
	}
	for _, st := range Statuses {
		c.Statuses = append(c.Statuses, Row{Key: string(st), Label: string(st), Values: []int{byStatus[st]}})
	}
	pair := func(p *content.Product) []int {
		v := []int{0, 0}
		if p.Cert.Status.Certified() {
			v[0] = 1
		}
		if p.Cert.Star > 0 {
			v[1] = 1
		}
		return v
	}
	for _, star := range []int{5, 4, 3} {
		r := Row{Key: strconv.Itoa(star), Label: strconv.Itoa(star), Values: []int{0, 0}}
		for _, p := range products {
			if p.Cert.Star == star {
				add(r.Values, pair(p))
			}
		}
		c.Stars = append(c.Stars, r)
	}
	c.Groups = categories(products, func(p *content.Product) (string, string) { return p.Group, p.GroupName }, pair)
	depth := areaDepth(products)
	c.Areas = categories(products, func(p *content.Product) (string, string) { return areaKey(p.Here(), depth) }, pair)
	c.Years = years(products)
	c.Expiring, c.ExpiringProducts = expiring(products, now)
	return c
}

func add(to, v []int) {
	for i := range v {
		to[i] += v[i]
	}
}

// categories counts products by key, most recognised first, then by name.
func categories(products []*content.Product, key func(*content.Product) (string, string), values func(*content.Product) []int) []Row {
	idx := map[string]int{}
	var rows []Row
	for _, p := range products {
		k, label := key(p)
		i, ok := idx[k]
		if !ok {
			i = len(rows)
			idx[k] = i
			rows = append(rows, Row{Key: k, Label: label, Values: make([]int, 2)})
		}
		add(rows[i].Values, values(p))
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if (a.Key == "") != (b.Key == "") {
			return b.Key == "" // "unknown" last
		}
		if a.Values[1] != b.Values[1] {
			return a.Values[1] > b.Values[1]
		}
		if a.Values[0] != b.Values[0] {
			return a.Values[0] > b.Values[0]
		}
		return vntext.Fold(a.Label) < vntext.Fold(b.Label)
	})
	return rows
}

// units are the non-empty names of an area, largest first.
func units(a content.Area) []string {
	var out []string
	for _, s := range []string{a.Province, a.District, a.Commune} {
		if vntext.Slug(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// areaDepth is the level figures by area are counted at: the first level
// where products differ (a district's catalogue is counted by commune, a
// province's by district), or the deepest level when all share one place.
func areaDepth(products []*content.Product) int {
	var common []string
	deepest := 0
	for i, p := range products {
		u := units(p.Here())
		deepest = max(deepest, len(u))
		if i == 0 {
			for _, s := range u {
				common = append(common, vntext.Slug(s))
			}
			continue
		}
		n := 0
		for n < len(common) && n < len(u) && common[n] == vntext.Slug(u[n]) {
			n++
		}
		common = common[:n]
	}
	if len(common) < deepest {
		return len(common) + 1
	}
	return max(len(common), 1)
}

// areaKey is the area's URL segments down to depth units, and the name of
// the last; "", "" when the area does not go that deep.
func areaKey(a content.Area, depth int) (string, string) {
	u := units(a)
	if len(u) < depth {
		return "", ""
	}
	segs := make([]string, depth)
	for i := range segs {
		segs[i] = vntext.Slug(u[i])
	}
	return strings.Join(segs, "/"), u[depth-1]
}

// Recognition is one recognition decision and the time it is in force.
type Recognition struct {
	Product    *content.Product
	Evaluation *content.Evaluation
	Star       int
	Issued     time.Time
	// Until is the last day in force: the decision's end date, or the day
	// before a revocation.
	Until   time.Time
	Revoked *content.Revocation
}

// Recognitions lists a product's recognition decisions of 3 stars or more,
// oldest first, with the rules content uses for the current certificate:
// issued on the decision date (else the round's), in force for the criteria
// set's validity unless valid_until says otherwise, or until revoked.
func Recognitions(p *content.Product) []Recognition {
	var out []Recognition
	for _, e := range p.Evaluations {
		d := e.Decision
		if d == nil || d.Star < 3 || (e.Set != nil && !e.Set.IsRecognised(d.Star)) {
			continue
		}
		issued := d.Date.Time
		if issued.IsZero() {
			issued = e.Date.Time
		}
		if issued.IsZero() {
			continue
		}
		until := d.ValidUntil.Time
		if until.IsZero() {
			months := 36
			if e.Set != nil {
				months = e.Set.Validity()
			}
			until = issued.AddDate(0, months, -1)
		}
		r := Recognition{Product: p, Evaluation: e, Star: d.Star, Issued: issued, Until: until}
		if e.Revoked != nil && !e.Revoked.Date.IsZero() {
			r.Revoked = e.Revoked
			r.Until = e.Revoked.Date.AddDate(0, 0, -1)
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Issued.Before(out[j].Issued) })
	return out
}

// years counts rounds held and recognitions issued per calendar year.
func years(products []*content.Product) []Row {
	ev, rec := map[int]int{}, map[int]int{}
	lo, hi := 0, 0
	see := func(y int) {
		if lo == 0 || y < lo {
			lo = y
		}
		hi = max(hi, y)
	}
	for _, p := range products {
		for _, e := range p.Evaluations {
			if !e.Date.IsZero() {
				ev[e.Date.Year()]++
				see(e.Date.Year())
			}
		}
		for _, r := range Recognitions(p) {
			rec[r.Issued.Year()]++
			see(r.Issued.Year())
		}
	}
	var rows []Row
	for y := lo; lo > 0 && y <= hi; y++ {
		k := strconv.Itoa(y)
		rows = append(rows, Row{Key: k, Label: k, Values: []int{ev[y], rec[y]}})
	}
	return rows
}

// ExpiringMonths is how many calendar months the expiring figure covers.
const ExpiringMonths = 12

// expiring counts certificates in force on now by the month they end in,
// over ExpiringMonths calendar months from now's.
func expiring(products []*content.Product, now time.Time) ([]Row, []*content.Product) {
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	var rows []Row
	idx := map[string]int{}
	for i := range ExpiringMonths {
		m := first.AddDate(0, i, 0)
		k := m.Format("2006-01")
		idx[k] = i
		rows = append(rows, Row{Key: k, Label: m.Format("01/2006"), Values: []int{0}})
	}
	var soon []*content.Product
	for _, p := range products {
		u := p.Cert.ValidUntil
		if !p.Cert.Status.Certified() || u.IsZero() || u.Before(now) {
			continue
		}
		if i, ok := idx[u.Format("2006-01")]; ok {
			rows[i].Values[0]++
			soon = append(soon, p)
		}
	}
	sort.SliceStable(soon, func(i, j int) bool { return soon[i].Cert.ValidUntil.Before(soon[j].Cert.ValidUntil.Time) })
	return rows, soon
}
