package scoring

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/rubric"
)

func testSet() *rubric.Set {
	return &rubric.Set{
		ID: "t",
		Thresholds: []rubric.Threshold{
			{Star: 5, Min: 90}, {Star: 4, Min: 70}, {Star: 3, Min: 50}, {Star: 2, Min: 30}, {Star: 1, Min: 0},
		},
	}
}

// testForm: A 40 (a1 options with a stop, a2 mandatory), B 25, C 35 (c1
// with a 4-star minimum).
func testForm() *rubric.Form {
	return &rubric.Form{ID: "f", Parts: []rubric.Part{
		{ID: "A", Max: 40, Sections: []rubric.Section{{ID: "A1", Criteria: []rubric.Criterion{
			{ID: "a1", Name: "Nguyên liệu", Options: []rubric.Option{{Points: 0, Text: "không rõ", Stop: true}, {Points: 10, Text: "ít"}, {Points: 20, Text: "nhiều"}}},
			{ID: "a2", Name: "Bao bì", Max: 20, Values: []float64{0, 5, 10, 15, 20}, Mandatory: true},
		}}}},
		{ID: "B", Max: 25, Sections: []rubric.Section{{ID: "B1", Criteria: []rubric.Criterion{
			{ID: "b1", Name: "Tiếp thị", Max: 25},
		}}}},
		{ID: "C", Max: 35, Sections: []rubric.Section{{ID: "C1", Criteria: []rubric.Criterion{
			{ID: "c1", Name: "Công bố", Max: 35, Minimums: []rubric.Minimum{{Star: 4, Points: 20}}},
		}}}},
	}}
}

func TestRateTotalEdges(t *testing.T) {
	tests := []struct {
		total   float64
		star    int
		outcome Outcome
	}{
		{0, 1, NotRecognised}, {29.99, 1, NotRecognised}, {30, 2, NotRecognised}, {49.99, 2, NotRecognised},
		{50, 3, Recognised}, {69.99, 3, Recognised}, {70, 4, Recognised}, {89.99, 4, Recognised},
		{90, 5, Recognised}, {100, 5, Recognised},
	}
	for _, tt := range tests {
		r := RateTotal(testSet(), tt.total)
		if r.Star != tt.star || r.Outcome != tt.outcome {
			t.Errorf("RateTotal(%v) = %d stars, %q; want %d, %q", tt.total, r.Star, r.Outcome, tt.star, tt.outcome)
		}
	}
}

func TestRate(t *testing.T) {
	tests := []struct {
		name    string
		sheets  []Sheet
		average float64
		star    int
		outcome Outcome
		reason  string // substring of a failure reason
		issues  []string
	}{
		{"exact average, 3 stars", []Sheet{{"a1": 20, "a2": 10, "b1": 15, "c1": 15}, {"a1": 20, "a2": 10, "b1": 15, "c1": 14}}, 59.5, 3, Recognised, "", nil},
		{"69.99 stays 3 stars", []Sheet{{"a1": 20, "a2": 15, "b1": 20, "c1": 14.99}}, 69.99, 3, Recognised, "", nil},
		{"average of 70 is 4 stars", []Sheet{{"a1": 20, "a2": 15, "b1": 15, "c1": 20}, {"a1": 20, "a2": 15, "b1": 15, "c1": 20}, {"a1": 20, "a2": 15, "b1": 15, "c1": 20}}, 70, 4, Recognised, "", nil},
		{"stop option fails the round", []Sheet{{"a1": 0, "a2": 20, "b1": 25, "c1": 35}, {"a1": 20, "a2": 20, "b1": 25, "c1": 35}}, 90, 5, Failed, "dừng đánh giá: a1", []string{"warning: members' totals differ by 20 points (more than 10)"}},
		{"mandatory criterion at zero", []Sheet{{"a1": 20, "a2": 0, "b1": 25, "c1": 35}}, 80, 4, Failed, "tiêu chí bắt buộc a2", nil},
		{"4-star minimum not met", []Sheet{{"a1": 20, "a2": 20, "b1": 25, "c1": 10}}, 75, 4, Failed, "hạng 4 sao cần tối thiểu 20", nil},
		{"3-star result ignores 4-star minimum", []Sheet{{"a1": 20, "a2": 20, "b1": 10, "c1": 10}}, 60, 3, Recognised, "", nil},
		{"sheet problems", []Sheet{{"a1": 15, "a2": 25, "b1": 10, "zz": 1}}, 50, 3, Recognised, "", []string{
			"sheet 1: `zz` is not a criterion of form `f`",
			"sheet 1: `a1` cannot score 15",
			"sheet 1: `a2` has 25 points, the maximum is 20",
			"sheet 1 has no points for `c1` (Công bố)",
		}},
	}
	for _, tt := range tests {
		r, issues := Rate(testSet(), testForm(), tt.sheets)
		if Format(r.Average) != Format(tt.average) || r.Star != tt.star || r.Outcome != tt.outcome {
			t.Errorf("%s: average %v, %d stars, %q; want %v, %d, %q", tt.name, r.Average, r.Star, r.Outcome, tt.average, tt.star, tt.outcome)
		}
		if tt.reason != "" && !strings.Contains(strings.Join(r.Reasons, "|"), tt.reason) {
			t.Errorf("%s: reasons %q lack %q", tt.name, r.Reasons, tt.reason)
		}
		var got []string
		for _, is := range issues {
			msg := is.Msg
			if is.Warning {
				msg = "warning: " + msg
			}
			got = append(got, msg)
		}
		if strings.Join(got, "\n") != strings.Join(tt.issues, "\n") {
			t.Errorf("%s: issues\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.issues, "\n"))
		}
	}
}

func TestBreakdown(t *testing.T) {
	r, _ := Rate(testSet(), testForm(), []Sheet{{"a1": 20, "a2": 10, "b1": 15, "c1": 15}, {"a1": 10, "a2": 10, "b1": 15, "c1": 14}})
	if got := r.Sheets[0].Parts[0].Points; got != 30 {
		t.Errorf("sheet 1 part A = %v, want 30", got)
	}
	if got := r.Mean.Parts[0].Sections[0].Criteria[0].Points; got != 15 {
		t.Errorf("mean a1 = %v, want 15", got)
	}
	if got := r.Mean.Parts[2].Points; got != 14.5 {
		t.Errorf("mean part C = %v, want 14.5", got)
	}
	if r.Mean.Total != r.Average {
		t.Errorf("mean total %v != average %v", r.Mean.Total, r.Average)
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{63, "63"}, {60.333333, "60,33"}, {69.996, "69,99"}, {72.25, "72,25"}, {0, "0"}, {69.99999999999, "70"},
	}
	for _, tt := range tests {
		if got := Format(tt.in); got != tt.want {
			t.Errorf("Format(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzRate(f *testing.F) {
	f.Add(10.0, 5.0, 12.0, 20.0)
	f.Add(-1.0, 100.0, 0.0, 35.0)
	f.Fuzz(func(t *testing.T, a1, a2, b1, c1 float64) {
		r, _ := Rate(testSet(), testForm(), []Sheet{{"a1": a1, "a2": a2, "b1": b1, "c1": c1}})
		if r.Star < 0 || r.Star > 5 {
			t.Fatalf("star %d", r.Star)
		}
		// More points on b1 never lower the star band.
		r2, _ := Rate(testSet(), testForm(), []Sheet{{"a1": a1, "a2": a2, "b1": b1 + 1, "c1": c1}})
		if r2.Star < r.Star {
			t.Fatalf("star fell from %d to %d as points rose", r.Star, r2.Star)
		}
	})
}

// TestPackUnpack checks that a packed mean comes back as it was, on every
// form of the built-in criteria sets (with criteria, sections only, by
// part) and the test form, and that points packed for another form are
// refused rather than misplaced.
func TestPackUnpack(t *testing.T) {
	reg := rubric.Load(fstest.MapFS{}, &diag.List{})
	forms := []*rubric.Form{testForm()}
	for _, id := range reg.IDs() {
		set, _ := reg.Get(id)
		for i := range set.Forms {
			forms = append(forms, &set.Forms[i])
		}
	}
	if len(forms) < 3 {
		t.Fatalf("only %d forms", len(forms))
	}
	for _, f := range forms {
		var sheets []Sheet
		for k := range 3 {
			sheet := Sheet{}
			breakdown(f, sheet, f.Detailed(), func(id, _ string, _, max float64, _ *rubric.Criterion) { sheet[id] = max * float64(k+1) / 7 })
			sheets = append(sheets, sheet)
		}
		res, _ := Rate(testSet(), f, sheets)
		packed := Pack(res.Mean)
		if len(res.Mean.Parts) == 0 || len(packed) < 1+len(res.Mean.Parts) {
			t.Fatalf("form %s: nothing to pack: %+v", f.ID, res.Mean)
		}
		if got := Unpack(f, packed); !reflect.DeepEqual(got, res.Mean) {
			t.Errorf("form %s: unpacked %+v, want %+v", f.ID, got, res.Mean)
		}
		if got := Unpack(f, append(slices.Clone(packed), 1)); !reflect.DeepEqual(got, Breakdown{}) {
			t.Errorf("form %s: one point too many gave %+v", f.ID, got)
		}
		if got := Unpack(f, packed[:len(packed)-1]); !reflect.DeepEqual(got, Breakdown{}) {
			t.Errorf("form %s: one point too few gave %+v", f.ID, got)
		}
	}
	if Pack(Breakdown{}) != nil || !reflect.DeepEqual(Unpack(nil, []float64{1}), Breakdown{}) {
		t.Error("empty breakdown or no form")
	}
}
