package rubric

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/ocop-vn/ocop/generator/diag"
)

func TestEmbeddedSetsLoad(t *testing.T) {
	var l diag.List
	r := Load(nil, &l)
	if err := l.Err(); err != nil {
		t.Fatalf("embedded criteria sets have problems:\n%v", err)
	}
	for _, id := range []string{"qd1048-2019", "qd148-2023"} {
		s, ok := r.Get(id)
		if !ok {
			t.Fatalf("criteria set %s missing", id)
		}
		subgroups := 0
		for _, g := range s.Groups {
			subgroups += len(g.Subgroups)
			// The English edition of a site names groups in English.
			if g.NameEN == "" {
				t.Errorf("%s: group %s has no name_en", id, g.ID)
			}
			for _, sg := range g.Subgroups {
				if sg.NameEN == "" {
					t.Errorf("%s: subgroup %s has no name_en", id, sg.ID)
				}
			}
		}
		if subgroups != 26 {
			t.Errorf("%s has %d subgroups, want 26", id, subgroups)
		}
		total := 0.0
		for _, p := range s.Parts {
			total += p.Max
		}
		if total != 100 {
			t.Errorf("%s parts sum to %g, want 100", id, total)
		}
	}
}

func TestStar(t *testing.T) {
	var l diag.List
	s, _ := Load(nil, &l).Get("qd148-2023")
	tests := []struct {
		total float64
		want  int
	}{
		{0, 1}, {29.99, 1}, {30, 2}, {49.99, 2}, {50, 3}, {69.99, 3}, {70, 4}, {89.99, 4}, {90, 5}, {100, 5},
	}
	for _, tt := range tests {
		if got := s.Star(tt.total); got != tt.want {
			t.Errorf("Star(%v) = %d, want %d", tt.total, got, tt.want)
		}
	}
}

func TestSiteOverride(t *testing.T) {
	site := fstest.MapFS{
		"content/rubrics/qd148-2023.yaml": {Data: []byte("id: qd148-2023\ntitle: Thay thế\nvalid_months: 24\n")},
		"content/rubrics/khac.yaml":       {Data: []byte("id: sai-ten\ntitle: X\n")},
	}
	var l diag.List
	r := Load(site, &l)
	if s, _ := r.Get("qd148-2023"); s.Title != "Thay thế" || s.Validity() != 24 {
		t.Errorf("override not applied: %+v", s)
	}
	ps := l.Problems()
	if len(ps) != 1 || ps[0].Error() != "content/rubrics/khac.yaml:1:1: criteria set id `sai-ten` differs from the file name `khac` (rename the file or the id so they match)" {
		t.Errorf("problems = %v", ps)
	}
}

func TestMayRecognise(t *testing.T) {
	var l diag.List
	r := Load(nil, &l)
	s1048, _ := r.Get("qd1048-2019")
	s148, _ := r.Get("qd148-2023")
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		set   *Set
		level string
		star  int
		day   string
		want  bool
	}{
		// QĐ 1048: the province recognises 3 and 4 stars, the centre 5.
		{s1048, "tinh", 3, "2023-02-23", true},
		{s1048, "tinh", 4, "2023-02-23", true},
		{s1048, "huyen", 3, "2023-02-23", false},
		{s1048, "trung-uong", 5, "2023-02-23", true},
		// QĐ 148 from 24/02/2023: district 3, province 4, centre 5.
		{s148, "huyen", 3, "2023-02-24", true},
		{s148, "tinh", 3, "2023-02-24", false},
		{s148, "tinh", 4, "2023-02-24", true},
		{s148, "huyen", 3, "2025-07-05", true},
		{s148, "tinh", 3, "2025-07-05", false},
		// QĐ 1489 from 06/07/2025: no district level; province 3 and 4.
		{s148, "huyen", 3, "2025-07-06", false},
		{s148, "tinh", 3, "2025-07-06", true},
		{s148, "tinh", 4, "2025-07-07", true},
		{s148, "trung-uong", 5, "2025-07-07", true},
		{s148, "tinh", 5, "2025-07-07", false},
	}
	for _, tt := range tests {
		if got, _ := tt.set.MayRecognise(tt.level, tt.star, day(tt.day)); got != tt.want {
			t.Errorf("%s.MayRecognise(%s, %d, %s) = %v, want %v", tt.set.ID, tt.level, tt.star, tt.day, got, tt.want)
		}
	}
}

// FuzzStarMonotonic checks that more points never give fewer stars, under
// every embedded set.
func FuzzStarMonotonic(f *testing.F) {
	f.Add(49.99, 50.0)
	f.Add(69.99, 70.0)
	f.Add(0.0, 100.0)
	var l diag.List
	r := Load(nil, &l)
	f.Fuzz(func(t *testing.T, a, b float64) {
		if a > b {
			a, b = b, a
		}
		for _, id := range r.IDs() {
			s, _ := r.Get(id)
			if sa, sb := s.Star(a), s.Star(b); sa > sb {
				t.Fatalf("%s: Star(%v) = %d > Star(%v) = %d", id, a, sa, b, sb)
			}
		}
	})
}

// TestFormsAddUp checks every embedded form: criteria sum to their
// sections, sections to their parts, parts to 100 (validate reports any
// mismatch as a problem, so a clean load is the test) and every criterion's
// maximum is one of its allowed points.
func TestFormsAddUp(t *testing.T) {
	var l diag.List
	r := Load(nil, &l)
	if err := l.Err(); err != nil {
		t.Fatal(err)
	}
	for _, id := range r.IDs() {
		s, _ := r.Get(id)
		for _, f := range s.Forms {
			total := 0.0
			for _, p := range f.Parts {
				total += p.Maximum()
				for _, sec := range p.Sections {
					for _, c := range sec.Criteria {
						if a := c.Allowed(); len(a) > 0 && a[len(a)-1] != c.Maximum() {
							t.Errorf("%s/%s: criterion %s max %g, highest allowed %g", id, f.ID, c.ID, c.Maximum(), a[len(a)-1])
						}
					}
				}
			}
			if total != 100 {
				t.Errorf("%s/%s: parts add up to %g", id, f.ID, total)
			}
		}
	}
}
