// Package scoring turns a council's score sheets into the OCOP outcome:
// per-sheet part and section subtotals, the average total, the star band
// from the criteria set's thresholds, and whether the product is
// recognised, not recognised, or "Không đạt" (failed a stop rule, a
// mandatory criterion or a per-star minimum, whatever its points). It is
// pure: criteria set and sheets in, result and issues out, so every rule is
// covered by table tests.
package scoring

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/ocop-vn/ocop/generator/rubric"
)

// Sheet is one council member's marks: criterion id → points (section id →
// points where the form lists no criteria). Members are anonymous.
type Sheet map[string]float64

// Outcome is what an evaluation round decided.
type Outcome string

// The outcomes. Their values are the ids a score file's `result` uses.
const (
	Recognised    Outcome = "cong-nhan"      // 3 stars or more
	NotRecognised Outcome = "chua-cong-nhan" // below 3 stars
	Failed        Outcome = "khong-dat"      // stop rule, mandatory criterion or minimum failed
	Unscored      Outcome = ""               // no points on record
)

// Breakdown is one sheet, or the council's average, by part and section.
type Breakdown struct {
	Total float64
	Parts []PartScore
}

// PartScore is a part's points against its maximum.
type PartScore struct {
	ID, Name string
	Points   float64
	Max      float64
	Sections []SectionScore
}

// SectionScore is a section's points against its maximum.
type SectionScore struct {
	ID, Name string
	Points   float64
	Max      float64
	Criteria []CriterionScore
}

// CriterionScore is one criterion's points against its maximum.
type CriterionScore struct {
	ID, Name string
	Points   float64
	Max      float64
}

// Result is the outcome of one evaluation round.
type Result struct {
	Sheets []Breakdown
	// Average is the mean of the members' totals (the "tổng điểm trung
	// bình" the star bands apply to), exact, not rounded.
	Average float64
	// Mean is the members' average per part, section and criterion.
	Mean    Breakdown
	Star    int
	Outcome Outcome
	// Reasons explains a Failed outcome.
	Reasons []string
	// Spread is the difference between the highest and lowest total.
	Spread float64
}

// Issue is a problem with a sheet. Sheet is the 0-based sheet index (-1 when
// the issue is not about one sheet); Criterion the id concerned, if any.
// Warning issues do not make the round invalid.
type Issue struct {
	Sheet     int
	Criterion string
	Msg       string
	Hint      string
	Warning   bool
}

// Rate scores the sheets on form under set.
func Rate(set *rubric.Set, form *rubric.Form, sheets []Sheet) (Result, []Issue) {
	var res Result
	var issues []Issue
	if len(sheets) == 0 {
		return res, nil
	}
	detailed := form.Detailed()
	known := map[string]bool{}
	var ids []string
	for _, p := range form.Parts {
		if !detailed && ByPart(&p) {
			known[p.ID] = true
			ids = append(ids, p.ID)
			continue
		}
		for _, sec := range p.Sections {
			if !detailed {
				known[sec.ID] = true
				ids = append(ids, sec.ID)
			}
			for _, c := range sec.Criteria {
				known[c.ID] = true
				ids = append(ids, c.ID)
			}
		}
	}
	stopped := map[string]bool{}
	for i, sheet := range sheets {
		keys := make([]string, 0, len(sheet))
		for k := range sheet {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !known[k] {
				issues = append(issues, Issue{Sheet: i, Criterion: k,
					Msg:  fmt.Sprintf("sheet %d: `%s` is not a criterion of form `%s`", i+1, k, form.ID),
					Hint: "criteria of the form: " + strings.Join(ids, ", ")})
			}
		}
		b := breakdown(form, sheet, detailed, func(id, name string, pts, max float64, c *rubric.Criterion) {
			v, ok := sheet[id]
			switch {
			case !ok:
				issues = append(issues, Issue{Sheet: i, Criterion: id,
					Msg:  fmt.Sprintf("sheet %d has no points for `%s` (%s)", i+1, id, name),
					Hint: "every member scores every criterion; write 0 if none"})
			case v < 0 || v > max:
				issues = append(issues, Issue{Sheet: i, Criterion: id,
					Msg: fmt.Sprintf("sheet %d: `%s` has %s points, the maximum is %s", i+1, id, Format(v), Format(max))})
			case c != nil && len(c.Allowed()) > 0 && !slices.Contains(c.Allowed(), v):
				issues = append(issues, Issue{Sheet: i, Criterion: id,
					Msg:  fmt.Sprintf("sheet %d: `%s` cannot score %s", i+1, id, Format(v)),
					Hint: "allowed points: " + joinPoints(c.Allowed())})
			case c != nil:
				if o, stop := c.StopAt(v); stop {
					stopped[fmt.Sprintf("%s (%s): %s", c.ID, c.Name, o.Text)] = true
				}
			}
		})
		res.Sheets = append(res.Sheets, b)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	sum := 0.0
	for _, b := range res.Sheets {
		sum += b.Total
		lo, hi = math.Min(lo, b.Total), math.Max(hi, b.Total)
	}
	res.Average = sum / float64(len(res.Sheets))
	res.Spread = hi - lo
	if res.Spread > set.Spread() {
		issues = append(issues, Issue{Sheet: -1, Warning: true,
			Msg:  fmt.Sprintf("members' totals differ by %s points (more than %s)", Format(res.Spread), Format(set.Spread())),
			Hint: "the council discusses and re-scores when totals are this far apart"})
	}
	res.Mean = mean(res.Sheets)
	res.Star = set.Star(res.Average)
	res.Outcome = outcomeOf(set, res.Star)
	for r := range stopped {
		res.Reasons = append(res.Reasons, "dừng đánh giá: "+r)
	}
	res.Reasons = append(res.Reasons, gates(form, res.Mean, res.Star)...)
	sort.Strings(res.Reasons)
	if len(res.Reasons) > 0 {
		res.Outcome = Failed
	}
	return res, issues
}

// RateTotal is Rate for a round where only the average total is on record.
func RateTotal(set *rubric.Set, total float64) Result {
	star := set.Star(total)
	return Result{Average: total, Star: star, Outcome: outcomeOf(set, star)}
}

func outcomeOf(set *rubric.Set, star int) Outcome {
	if set.IsRecognised(star) {
		return Recognised
	}
	return NotRecognised
}

// breakdown adds up one sheet, calling visit for every scored item
// (criterion, or section on a form without criteria).
func breakdown(form *rubric.Form, sheet Sheet, detailed bool, visit func(id, name string, pts, max float64, c *rubric.Criterion)) Breakdown {
	var b Breakdown
	for pi := range form.Parts {
		p := &form.Parts[pi]
		ps := PartScore{ID: p.ID, Name: p.Name, Max: p.Maximum()}
		if !detailed && ByPart(p) {
			ps.Points = sheet[p.ID]
			visit(p.ID, p.Name, ps.Points, ps.Max, nil)
			b.Total += ps.Points
			b.Parts = append(b.Parts, ps)
			continue
		}
		for si := range p.Sections {
			sec := &p.Sections[si]
			ss := SectionScore{ID: sec.ID, Name: sec.Name, Max: sec.Maximum()}
			if detailed {
				for ci := range sec.Criteria {
					c := &sec.Criteria[ci]
					v := sheet[c.ID]
					visit(c.ID, c.Name, v, c.Maximum(), c)
					ss.Criteria = append(ss.Criteria, CriterionScore{ID: c.ID, Name: c.Name, Points: v, Max: c.Maximum()})
					ss.Points += v
				}
			} else {
				ss.Points = sheet[sec.ID]
				visit(sec.ID, sec.Name, ss.Points, ss.Max, nil)
			}
			ps.Points += ss.Points
			ps.Sections = append(ps.Sections, ss)
		}
		b.Total += ps.Points
		b.Parts = append(b.Parts, ps)
	}
	return b
}

// ByPart reports whether sheets score part p as a whole: on a form without
// criteria whose sections carry no maxima (QĐ 148's per-section points were
// not published in the sources used), the part is the smallest unit.
func ByPart(p *rubric.Part) bool {
	for i := range p.Sections {
		if p.Sections[i].Maximum() <= 0 {
			return true
		}
	}
	return len(p.Sections) == 0
}

// mean averages breakdowns of the same form item by item.
func mean(bs []Breakdown) Breakdown {
	if len(bs) == 0 {
		return Breakdown{}
	}
	n := float64(len(bs))
	m := Breakdown{Parts: slices.Clone(bs[0].Parts)}
	for pi := range m.Parts {
		m.Parts[pi].Sections = slices.Clone(m.Parts[pi].Sections)
		for si := range m.Parts[pi].Sections {
			m.Parts[pi].Sections[si].Criteria = slices.Clone(m.Parts[pi].Sections[si].Criteria)
		}
	}
	for pi := range m.Parts {
		p := &m.Parts[pi]
		p.Points = 0
		for si := range p.Sections {
			s := &p.Sections[si]
			s.Points = 0
			for ci := range s.Criteria {
				c := &s.Criteria[ci]
				c.Points = 0
				for _, b := range bs {
					c.Points += b.Parts[pi].Sections[si].Criteria[ci].Points / n
				}
			}
			for _, b := range bs {
				s.Points += b.Parts[pi].Sections[si].Points / n
			}
		}
		for _, b := range bs {
			p.Points += b.Parts[pi].Points / n
		}
	}
	for _, b := range bs {
		m.Total += b.Total / n
	}
	return m
}

// gates checks mandatory criteria and the minimums for the band star on
// the council's average per criterion.
func gates(form *rubric.Form, m Breakdown, star int) []string {
	var reasons []string
	for pi, p := range form.Parts {
		for si, sec := range p.Sections {
			for ci, c := range sec.Criteria {
				if pi >= len(m.Parts) || si >= len(m.Parts[pi].Sections) || ci >= len(m.Parts[pi].Sections[si].Criteria) {
					continue
				}
				avg := m.Parts[pi].Sections[si].Criteria[ci].Points
				if c.Mandatory && avg <= 0 {
					reasons = append(reasons, fmt.Sprintf("tiêu chí bắt buộc %s (%s) không đạt", c.ID, c.Name))
				}
				for _, min := range c.Minimums {
					if min.Star <= star && avg < min.Points {
						reasons = append(reasons, fmt.Sprintf("%s (%s): %s điểm, hạng %d sao cần tối thiểu %s", c.ID, c.Name, Format(avg), min.Star, Format(min.Points)))
					}
				}
			}
		}
	}
	return reasons
}

// Format prints points the Vietnamese way: whole numbers plain, others with
// two decimals and a decimal comma (62,33). Decimals are cut, not rounded,
// so an average of 69,996 (3 stars) never shows as 70,00.
func Format(f float64) string {
	if math.Abs(f-math.Round(f)) < 1e-9 {
		return fmt.Sprintf("%.0f", math.Round(f))
	}
	cut := math.Floor(f*100+1e-6) / 100
	return strings.Replace(fmt.Sprintf("%.2f", cut), ".", ",", 1)
}

func joinPoints(ps []float64) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = Format(p)
	}
	return strings.Join(s, ", ")
}

// Pack lists a breakdown's points in one slice — the total, then each
// part's points followed by each of its sections' points, each followed
// by its criteria's — which Unpack turns back into the breakdown with the
// form that made it. A catalogue keeps each round's mean packed: the
// breakdown's IDs, names and maxima are the form's, and repeating them in
// tens of thousands of rounds cost tens of megabytes.
func Pack(b Breakdown) []float64 {
	if len(b.Parts) == 0 {
		return nil
	}
	pts := []float64{b.Total}
	for _, p := range b.Parts {
		pts = append(pts, p.Points)
		for _, s := range p.Sections {
			pts = append(pts, s.Points)
			for _, c := range s.Criteria {
				pts = append(pts, c.Points)
			}
		}
	}
	return slices.Clip(pts)
}

// Unpack is the breakdown that Pack packed as pts, for a breakdown made
// on form; empty when pts does not fit the form.
func Unpack(form *rubric.Form, pts []float64) Breakdown {
	if form == nil || len(pts) == 0 {
		return Breakdown{}
	}
	// The shape, IDs, names and maxima, as Rate makes them.
	b := breakdown(form, nil, form.Detailed(), func(string, string, float64, float64, *rubric.Criterion) {})
	i := 0
	next := func() float64 {
		if i >= len(pts) {
			i++
			return 0
		}
		i++
		return pts[i-1]
	}
	b.Total = next()
	for pi := range b.Parts {
		p := &b.Parts[pi]
		p.Points = next()
		for si := range p.Sections {
			s := &p.Sections[si]
			s.Points = next()
			for ci := range s.Criteria {
				s.Criteria[ci].Points = next()
			}
		}
	}
	if i != len(pts) {
		return Breakdown{}
	}
	return b
}
