package rubric

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/ocop-vn/ocop/generator/diag"
	"gopkg.in/yaml.v3"
)

// FormFor returns the scoring form with id: a form of the set, or — when
// the set carries no per-criterion form for it — the set's parts and
// sections with their maxima only, in which case sheets score sections.
// ok is false when id names neither a form nor a subgroup of the set.
func (s *Set) FormFor(id string) (f *Form, ok bool) {
	for i := range s.Forms {
		if s.Forms[i].ID == id {
			return &s.Forms[i], true
		}
	}
	if id == "" || s.hasSubgroup(id) {
		return &Form{ID: id, Parts: s.Parts}, true
	}
	return nil, false
}

func (s *Set) hasSubgroup(id string) bool {
	for _, g := range s.Groups {
		for _, sg := range g.Subgroups {
			if sg.ID == id || sg.Form == id {
				return true
			}
		}
	}
	return false
}

// FormIDs lists the ids a score file may name as `form`.
func (s *Set) FormIDs() []string {
	var ids []string
	for _, f := range s.Forms {
		ids = append(ids, f.ID)
	}
	for _, g := range s.Groups {
		for _, sg := range g.Subgroups {
			if !slices.Contains(ids, sg.ID) {
				ids = append(ids, sg.ID)
			}
		}
	}
	return ids
}

// Detailed reports whether the form lists criteria (otherwise sheets score
// whole sections).
func (f *Form) Detailed() bool {
	for _, p := range f.Parts {
		for _, sec := range p.Sections {
			if len(sec.Criteria) > 0 {
				return true
			}
		}
	}
	return false
}

// Allowed returns the points a criterion accepts: its options' points, or
// its values; nil means any number from 0 to Max.
func (c *Criterion) Allowed() []float64 {
	if len(c.Options) > 0 {
		var pts []float64
		for _, o := range c.Options {
			if !slices.Contains(pts, o.Points) {
				pts = append(pts, o.Points)
			}
		}
		slices.Sort(pts)
		return pts
	}
	return c.Values
}

// Maximum is the criterion's maximum points: Max, or the highest option.
func (c *Criterion) Maximum() float64 {
	if c.Max > 0 {
		return c.Max
	}
	m := 0.0
	for _, p := range c.Allowed() {
		m = math.Max(m, p)
	}
	return m
}

// StopAt reports whether scoring p on the criterion chooses a stop option.
func (c *Criterion) StopAt(p float64) (Option, bool) {
	for _, o := range c.Options {
		if o.Stop && o.Points == p {
			return o, true
		}
	}
	return Option{}, false
}

// Max of a section: declared, or the sum of its criteria.
func (sec *Section) Maximum() float64 {
	if sec.Max > 0 || len(sec.Criteria) == 0 {
		return sec.Max
	}
	sum := 0.0
	for i := range sec.Criteria {
		sum += sec.Criteria[i].Maximum()
	}
	return sum
}

// Maximum of a part: declared, or the sum of its sections.
func (p *Part) Maximum() float64 {
	if p.Max > 0 {
		return p.Max
	}
	sum := 0.0
	for i := range p.Sections {
		sum += p.Sections[i].Maximum()
	}
	return sum
}

// IsRecognised reports whether a decision may recognise star.
func (s *Set) IsRecognised(star int) bool {
	if len(s.Recognised) == 0 {
		return star >= 3 && star <= 5
	}
	return slices.Contains(s.Recognised, star)
}

// LevelsOn returns which council level may recognise which stars on day.
func (s *Set) LevelsOn(day time.Time) map[string][]int {
	levels := s.Levels
	var from time.Time
	for _, p := range s.Authority {
		if !day.Before(p.From.Time) && !p.From.Before(from) {
			levels, from = p.Levels, p.From.Time
		}
	}
	return levels
}

// MayRecognise reports whether a council of level may recognise star on
// day, and which levels could.
func (s *Set) MayRecognise(level string, star int, day time.Time) (bool, []string) {
	var could []string
	for lv, stars := range s.LevelsOn(day) {
		if slices.Contains(stars, star) {
			could = append(could, lv)
		}
	}
	slices.Sort(could)
	return slices.Contains(could, level), could
}

// Spread is the largest difference allowed between members' totals.
func (s *Set) Spread() float64 {
	if s.MaxSpread > 0 {
		return s.MaxSpread
	}
	return 10
}

// validate checks the set's internal consistency: forms whose criteria add
// up to their sections' maxima, sections to parts, options within maxima,
// stop options that can be told apart, subgroups naming existing forms.
func (s *Set) validate(node *yaml.Node, l *diag.List) {
	at := func(path ...string) diag.Pos {
		n := findByIDs(node, path...)
		if n == nil {
			n = node
		}
		return diag.Pos{File: s.File, Line: n.Line, Col: n.Column}
	}
	for _, t := range s.Thresholds {
		if t.Star < 1 || t.Star > 5 {
			l.Add(at(), "threshold star %d must be 1 to 5", t.Star)
		}
	}
	for _, g := range s.Groups {
		for _, sg := range g.Subgroups {
			if sg.Form != "" && !slices.ContainsFunc(s.Forms, func(f Form) bool { return f.ID == sg.Form }) && sg.Form != sg.ID {
				l.Add(at(g.ID, sg.ID), "subgroup `%s` names form `%s`, which the set does not define", sg.ID, sg.Form)
			}
		}
	}
	check := func(form string, parts []Part) {
		total := 0.0
		for _, p := range parts {
			sum := 0.0
			for _, sec := range p.Sections {
				ssum := 0.0
				for _, c := range sec.Criteria {
					m := c.Maximum()
					for _, pt := range c.Allowed() {
						if pt < 0 || pt > m {
							l.Add(at(form, p.ID, sec.ID, c.ID), "criterion `%s`: option worth %g is outside 0–%g", c.ID, pt, m)
						}
					}
					stops := map[float64]int{}
					for _, o := range c.Options {
						stops[o.Points]++
					}
					for _, o := range c.Options {
						if o.Stop && stops[o.Points] > 1 {
							l.AddHint(at(form, p.ID, sec.ID, c.ID), "give the stop option points no other option has",
								"criterion `%s`: stop option worth %g cannot be told apart from another option with the same points", c.ID, o.Points)
						}
					}
					ssum += m
				}
				if len(sec.Criteria) > 0 && sec.Max > 0 && !near(ssum, sec.Max) {
					l.Add(at(form, p.ID, sec.ID), "section `%s` of form `%s`: criteria add up to %g, the section maximum is %g", sec.ID, form, ssum, sec.Max)
				}
				sum += sec.Maximum()
			}
			if p.Max > 0 && len(p.Sections) > 0 && sum > 0 && !near(sum, p.Max) {
				l.Add(at(form, p.ID), "part `%s` of form `%s`: sections add up to %g, the part maximum is %g", p.ID, form, sum, p.Max)
			}
			total += p.Maximum()
		}
		if len(parts) > 0 && !near(total, 100) {
			l.Add(at(form), "form `%s`: parts add up to %g points, not 100", form, total)
		}
	}
	check("", s.Parts)
	for _, f := range s.Forms {
		check(f.ID, f.Parts)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// findByIDs descends from n through mappings with an `id` equal to each of
// ids in turn, looking inside any lists, and returns the last one found.
func findByIDs(n *yaml.Node, ids ...string) *yaml.Node {
	if n == nil || len(ids) == 0 {
		return n
	}
	if ids[0] == "" {
		return findByIDs(n, ids[1:]...)
	}
	var found *yaml.Node
	var walk func(m *yaml.Node, depth int)
	walk = func(m *yaml.Node, depth int) {
		if found != nil || m == nil || depth > 8 {
			return
		}
		if m.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(m.Content); i += 2 {
				if m.Content[i].Value == "id" && m.Content[i+1].Value == ids[0] {
					found = m
					return
				}
			}
		}
		for _, c := range m.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	if found == nil {
		return n
	}
	return findByIDs(found, ids[1:]...)
}

// String names a form for messages.
func (f *Form) String() string { return fmt.Sprintf("form `%s`", f.ID) }
