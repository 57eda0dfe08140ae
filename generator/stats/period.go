package stats

import (
	"strconv"
	"time"

	"github.com/ocop-vn/ocop/generator/content"
)

// Period is a reporting period, both days included.
type Period struct{ From, To time.Time }

// Days is the period's length in days.
func (p Period) Days() int { return int(p.To.Sub(p.From).Hours()/24) + 1 }

// Previous is the period of equal length just before p: the same number of
// calendar months when p is whole months (so the first half of 2020 is
// compared with the second half of 2019, and a year with the year before),
// else the same number of days.
func (p Period) Previous() Period {
	if p.From.Day() == 1 && p.To.AddDate(0, 0, 1).Day() == 1 {
		end := p.To.AddDate(0, 0, 1)
		months := (end.Year()-p.From.Year())*12 + int(end.Month()-p.From.Month())
		return Period{From: p.From.AddDate(0, -months, 0), To: p.From.AddDate(0, 0, -1)}
	}
	return Period{From: p.From.AddDate(0, 0, -p.Days()), To: p.From.AddDate(0, 0, -1)}
}

func (p Period) has(t time.Time) bool { return !t.Before(p.From) && !t.After(p.To) }

// PeriodFigures are what the programme's six-monthly and yearly reports
// ask for, over one period.
type PeriodFigures struct {
	Period Period
	// Rounds is how many council rounds were held; Evaluated how many
	// products they scored; Outcomes the rounds by outcome (recognised, not
	// recognised, không đạt; rounds with no outcome on record are left out).
	Rounds    int
	Evaluated int
	Outcomes  map[string]int
	// Recognised counts recognition decisions issued, by star (3, 4, 5), by
	// group id and by area key (as Catalogue.Areas).
	Recognised        map[int]int
	RecognisedByGroup map[string]int
	RecognisedByArea  map[string]int
	// Expired counts certificates that ended in the period and were not
	// renewed by a newer recognition by then; Revoked those withdrawn in it;
	// Expiring those in force on the last day that end within
	// content.ExpiringWindow after it.
	Expired, Revoked, Expiring int
	// InForce is how many products held a certificate on the last day.
	InForce int
}

// ForPeriod computes the figures of products over p. Areas are counted at
// the level Compute uses for the same products.
func ForPeriod(products []*content.Product, p Period) *PeriodFigures {
	f := &PeriodFigures{Period: p, Outcomes: map[string]int{}, Recognised: map[int]int{},
		RecognisedByGroup: map[string]int{}, RecognisedByArea: map[string]int{}}
	depth := areaDepth(products)
	soonEnd := p.To.Add(content.ExpiringWindow)
	for _, prod := range products {
		scored := false
		for _, e := range prod.Evaluations {
			if e.Date.IsZero() || !p.has(e.Date.Time) {
				continue
			}
			f.Rounds++
			scored = true
			if e.Outcome != "" {
				f.Outcomes[string(e.Outcome)]++
			}
		}
		if scored {
			f.Evaluated++
		}
		recs := Recognitions(prod)
		var current *Recognition
		for i, r := range recs {
			if p.has(r.Issued) {
				f.Recognised[r.Star]++
				f.RecognisedByGroup[prod.Group]++
				k, _ := areaKey(prod.Here(), depth)
				f.RecognisedByArea[k]++
			}
			if r.Revoked != nil && p.has(r.Revoked.Date.Time) {
				f.Revoked++
			}
			renewed := i+1 < len(recs) && !recs[i+1].Issued.After(r.Until.AddDate(0, 0, 1))
			if r.Revoked == nil && !renewed && p.has(r.Until) {
				f.Expired++
			}
			if !r.Issued.After(p.To) {
				current = &recs[i]
			}
		}
		if current != nil && !current.Until.Before(p.To) {
			f.InForce++
			if current.Revoked == nil && current.Until.After(p.To) && !current.Until.After(soonEnd) {
				f.Expiring++
			}
		}
	}
	return f
}

// Line is one figure of a report in this period and the previous one.
type Line struct {
	Section string // "evaluated", "outcome", "star", "group", "area", "certificates"
	Key     string
	Label   string
	Current int
	Prior   int
}

// Change is Current − Prior.
func (l Line) Change() int { return l.Current - l.Prior }

// Report is a period's figures beside the previous period's.
type Report struct {
	Current, Prior *PeriodFigures
	Lines          []Line
}

// Outcome keys in report order.
var outcomes = []string{"cong-nhan", "chua-cong-nhan", "khong-dat"}

// NewReport computes the figures of p and of the period before it, as
// lines. Groups and areas are those of the catalogue (every group or area a
// product has, in Compute's order), so both periods list the same rows.
func NewReport(products []*content.Product, p Period, now time.Time) *Report {
	cur, prev := ForPeriod(products, p), ForPeriod(products, p.Previous())
	r := &Report{Current: cur, Prior: prev}
	line := func(section, key, label string, c, pr int) {
		r.Lines = append(r.Lines, Line{Section: section, Key: key, Label: label, Current: c, Prior: pr})
	}
	line("evaluated", "rounds", "rounds", cur.Rounds, prev.Rounds)
	line("evaluated", "products", "products", cur.Evaluated, prev.Evaluated)
	for _, o := range outcomes {
		line("outcome", o, o, cur.Outcomes[o], prev.Outcomes[o])
	}
	total, totalPrev := 0, 0
	for _, s := range []int{5, 4, 3} {
		line("star", strconv.Itoa(s), strconv.Itoa(s), cur.Recognised[s], prev.Recognised[s])
		total += cur.Recognised[s]
		totalPrev += prev.Recognised[s]
	}
	line("star", "total", "total", total, totalPrev)
	c := Compute(products, now)
	for _, g := range c.Groups {
		line("group", g.Key, g.Label, cur.RecognisedByGroup[g.Key], prev.RecognisedByGroup[g.Key])
	}
	for _, a := range c.Areas {
		line("area", a.Key, a.Label, cur.RecognisedByArea[a.Key], prev.RecognisedByArea[a.Key])
	}
	line("certificates", "in-force", "in-force", cur.InForce, prev.InForce)
	line("certificates", "expired", "expired", cur.Expired, prev.Expired)
	line("certificates", "revoked", "revoked", cur.Revoked, prev.Revoked)
	line("certificates", "expiring", "expiring", cur.Expiring, prev.Expiring)
	return r
}
