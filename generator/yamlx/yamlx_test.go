package yamlx

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/ocop-vn/ocop/generator/diag"
	"golang.org/x/text/unicode/norm"
)

type sample struct {
	Name  string             `yaml:"name" required:"true"`
	Count int                `yaml:"count"`
	Score float64            `yaml:"score"`
	On    bool               `yaml:"on"`
	Tags  []string           `yaml:"tags"`
	Sheet map[string]float64 `yaml:"sheet"`
	When  Date               `yaml:"when"`
	Inner *struct {
		Lat float64 `yaml:"lat" required:"true"`
	} `yaml:"inner"`
}

func decode(src string) (sample, []string) {
	var l diag.List
	var s sample
	if n := Parse("f.yaml", []byte(src), &l); n != nil {
		Decode("f.yaml", n, &s, &l)
	}
	var msgs []string
	for _, p := range l.Problems() {
		msgs = append(msgs, p.Error())
	}
	return s, msgs
}

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"name: x\ncount: 3\nscore: 4.5\non: true\ntags: [a, b]\nsheet: {a1: 2}\nwhen: 2021-04-06\ninner: {lat: 1}", nil},
		{"count: 3", []string{"f.yaml:1:1: missing required key `name`"}},
		{"name: x\ncuont: 3", []string{"f.yaml:2:1: unknown key `cuont` (did you mean `count`?)"}},
		{"name: x\ncount: ba", []string{"f.yaml:2:8: `count`: expected a whole number, found `ba`"}},
		{"name: x\nscore: [1]", []string{"f.yaml:2:8: `score`: expected a number, found a list"}},
		{"name: x\nsheet: {a1: hai}", []string{"f.yaml:2:13: `a1`: expected a number, found `hai`"}},
		{"name: x\nwhen: 2021-02-30", []string{"f.yaml:2:7: `when`: invalid date `2021-02-30`: write dates as YYYY-MM-DD, e.g. 2021-04-06"}},
		{"name: x\ninner: {}", []string{"f.yaml:2:8: missing required key `lat`"}},
		{"name: x\nname: y", []string{"f.yaml:2:1: key `name` repeats line 1 (each key may appear only once)"}},
		{"name: [x", []string{"f.yaml:1:1: invalid YAML: did not find expected ',' or ']'"}},
		{"- a\n- b", []string{"f.yaml:1:1: expected a mapping (key: value lines), found a list"}},
		{"name: x\n\ttags: []", []string{"f.yaml:2:1: invalid YAML: found a tab character that violates indentation (indent with spaces, not tabs)"}},
	}
	for _, tt := range tests {
		_, got := decode(tt.in)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("decode(%q) problems = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDecodeNormalisesToNFC(t *testing.T) {
	s, problems := decode("name: " + norm.NFD.String("Thanh Hóa"))
	if len(problems) > 0 || s.Name != "Thanh Hóa" {
		t.Errorf("Name = %q (%v), want NFC %q", s.Name, problems, "Thanh Hóa")
	}
}

func TestAliasBombRefused(t *testing.T) {
	src := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h"} {
		src += name + ": &" + name + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n"
		prev = name
	}
	var l diag.List
	n := Parse("bomb.yaml", []byte(src), &l)
	if n != nil {
		var m map[string][]any
		DecodeMap("bomb.yaml", n, &m, &l)
	}
	if l.Len() == 0 {
		t.Fatal("alias bomb decoded without a problem")
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"name: x", "tags: [a", "\tx: 1", "inner: {lat: a}", "a: &a [*a]", "sheet: {a: 1, a: 2}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var l diag.List
		var s sample
		if n := Parse("f.yaml", []byte(src), &l); n != nil {
			Decode("f.yaml", n, &s, &l)
		}
		for _, p := range l.Problems() {
			if p.Pos.File != "f.yaml" {
				t.Fatalf("problem without file: %v", p)
			}
		}
	})
}

// TestIntern: fields tagged intern share one copy of equal values across
// files (lists too); untagged fields keep their own; the values are those
// written, in NFC.
func TestIntern(t *testing.T) {
	type rec struct {
		Place string   `yaml:"place" intern:"true"`
		Tags  []string `yaml:"tags" intern:"true"`
		Name  string   `yaml:"name"`
	}
	load := func(src string) rec {
		var l diag.List
		var r rec
		Decode("f.yaml", Parse("f.yaml", []byte(src), &l), &r, &l)
		if l.Len() > 0 {
			t.Fatalf("%q: %v", src, l.Problems())
		}
		return r
	}
	nfd := norm.NFD.String("Thanh Hóa")
	a := load("place: " + nfd + "\ntags: [che, muoi]\nname: Thanh Hóa\n")
	b := load("place: Thanh Hóa\ntags: [muoi]\nname: Thanh Hóa\n")
	if a.Place != "Thanh Hóa" || a.Place != b.Place || a.Name != b.Name {
		t.Fatalf("values: %q %q %q %q", a.Place, b.Place, a.Name, b.Name)
	}
	same := func(x, y string) bool { return unsafe.StringData(x) == unsafe.StringData(y) }
	if !same(a.Place, b.Place) || !same(a.Tags[1], b.Tags[0]) {
		t.Error("equal values of tagged fields are not shared")
	}
	if same(a.Name, b.Name) {
		t.Error("an untagged field was shared")
	}
}
