package rubric

import (
	"testing"
	"testing/fstest"

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
