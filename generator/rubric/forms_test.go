package rubric

import (
	"slices"
	"strings"
	"testing"

	"github.com/ocop-vn/ocop/generator/diag"
)

// TestQD1048Forms pins the per-criterion forms transcribed into
// qd1048-2019.yaml: which subgroups use them, their criterion ids, that every
// criterion lists its options, where the stop rules and the QĐ 781 per-star
// minimums sit.
func TestQD1048Forms(t *testing.T) {
	var l diag.List
	s, ok := Load(nil, &l).Get("qd1048-2019")
	if err := l.Err(); err != nil || !ok {
		t.Fatalf("qd1048-2019 does not load: %v", err)
	}
	tests := []struct {
		form     string
		ids      []string
		stops    []string         // criteria with a stop option
		minimums map[string][]int // criterion → stars with a minimum
	}{
		{
			form: "che-tuoi-che-bien",
			ids: []string{"1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3",
				"3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3",
				"6.1.1", "6.1.2", "6.1.3", "6.2.1", "6.2.2", "6.2.3", "7", "8.1", "8.2", "9", "10"},
			stops:    []string{"1.1"},
			minimums: map[string][]int{"8.1": {2, 3}, "9": {3}},
		},
		{
			form: "che-bien-tu-gao-ngu-coc",
			ids: []string{"1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3",
				"3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3",
				"6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "7", "8.1", "8.2", "9", "10"},
			stops:    []string{"1.1"},
			minimums: map[string][]int{"8.1": {2, 3}, "9": {3}},
		},
		{
			form: "rau-cu-qua-hat-tuoi",
			ids: []string{"1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3",
				"3.1", "3.2", "3.3", "3.4", "3.5", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3",
				"6.1", "6.2", "6.3", "6.4", "6.5", "7", "8", "9.1", "9.2", "10", "11"},
			minimums: map[string][]int{"9.1": {3}, "10": {3}},
		},
	}
	for _, tt := range tests {
		f, ok := s.FormFor(tt.form)
		if !ok || !f.Detailed() {
			t.Errorf("%s: no detailed form", tt.form)
			continue
		}
		if !subgroupUses(s, tt.form) {
			t.Errorf("%s: subgroup does not name its form", tt.form)
		}
		var ids, stops []string
		minimums := map[string][]int{}
		sections := map[string]float64{}
		for _, p := range f.Parts {
			for _, sec := range p.Sections {
				sections[sec.ID] = sec.Max
				for _, c := range sec.Criteria {
					ids = append(ids, c.ID)
					if len(c.Options) == 0 {
						t.Errorf("%s/%s: no options", tt.form, c.ID)
					}
					if c.Name == "" || c.Max <= 0 {
						t.Errorf("%s/%s: name or max missing", tt.form, c.ID)
					}
					for _, o := range c.Options {
						if strings.TrimSpace(o.Text) == "" || strings.Contains(o.Text, "\n") {
							t.Errorf("%s/%s: option text %q must be one non-empty line", tt.form, c.ID, o.Text)
						}
						if o.Stop {
							stops = append(stops, c.ID)
						}
					}
					for _, m := range c.Minimums {
						if !slices.Contains(c.Allowed(), m.Points) {
							t.Errorf("%s/%s: minimum %g for %d stars is not an allowed score", tt.form, c.ID, m.Points, m.Star)
						}
						minimums[c.ID] = append(minimums[c.ID], m.Star)
					}
				}
			}
		}
		if !slices.Equal(ids, tt.ids) {
			t.Errorf("%s: criteria %v, want %v", tt.form, ids, tt.ids)
		}
		if !slices.Equal(stops, tt.stops) {
			t.Errorf("%s: stop options on %v, want %v", tt.form, stops, tt.stops)
		}
		if len(minimums) != len(tt.minimums) {
			t.Errorf("%s: minimums on %v, want %v", tt.form, minimums, tt.minimums)
		}
		for id, stars := range tt.minimums {
			if !slices.Equal(minimums[id], stars) {
				t.Errorf("%s/%s: minimums for stars %v, want %v", tt.form, id, minimums[id], stars)
			}
		}
		// Section ids and maxima are the set's (A1 18 … C10 5) on every form.
		for _, p := range s.Parts {
			for _, sec := range p.Sections {
				if sections[sec.ID] != sec.Max {
					t.Errorf("%s: section %s max %g, the set's is %g", tt.form, sec.ID, sections[sec.ID], sec.Max)
				}
			}
		}
	}
}

func subgroupUses(s *Set, form string) bool {
	for _, g := range s.Groups {
		for _, sg := range g.Subgroups {
			if sg.ID == form && sg.Form == form {
				return true
			}
		}
	}
	return false
}
