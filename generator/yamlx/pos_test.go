package yamlx

import (
	"testing"

	"github.com/ocop-vn/ocop/generator/diag"
	"gopkg.in/yaml.v3"
)

func TestRemember(t *testing.T) {
	src := "name: Chè\nproducer: htx-a\nsold_at:\n  - a\n  - b\n"
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	m := doc.Content[0]
	p := Remember("p.yaml", m, "producer", "sold_at", "group")
	for _, tt := range []struct {
		got, want diag.Pos
	}{
		{p.Of("producer"), PosOf("p.yaml", m, "producer")},
		{p.Of("producer"), diag.Pos{File: "p.yaml", Line: 2, Col: 11}},
		{p.Item("sold_at", 1), diag.Pos{File: "p.yaml", Line: 5, Col: 5}},
		{p.Item("sold_at", 1), ItemPos("p.yaml", m, "sold_at", 1)},
		// An absent key, or an item past the list, falls back like PosOf.
		{p.Of("group"), PosOf("p.yaml", m, "group")},
		{p.Item("sold_at", 7), PosOf("p.yaml", m, "sold_at")},
		{p.Of("name"), diag.Pos{File: "p.yaml", Line: 1, Col: 1}},
		// Not remembered from a file that could not be parsed.
		{Remember("bad.yaml", nil, "producer").Of("producer"), diag.Pos{File: "bad.yaml", Line: 1, Col: 1}},
		{Positions{}.Of("x"), diag.Pos{Line: 1, Col: 1}},
	} {
		if tt.got != tt.want {
			t.Errorf("got %v, want %v", tt.got, tt.want)
		}
	}
}

func TestPositionsGob(t *testing.T) {
	src := "producer: htx-a\nsold_at:\n  - a\n  - b\n"
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	for _, p := range []Positions{
		Remember("products/a/product.yaml", doc.Content[0], "producer", "sold_at", "group"),
		Remember("bad.yaml", nil, "producer"),
		{},
	} {
		data, err := p.GobEncode()
		if err != nil {
			t.Fatal(err)
		}
		var q Positions
		if err := q.GobDecode(data); err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"producer", "sold_at", "group"} {
			if p.Of(key) != q.Of(key) || p.Item(key, 1) != q.Item(key, 1) {
				t.Errorf("%s: %v %v after a round trip, want %v %v", key, q.Of(key), q.Item(key, 1), p.Of(key), p.Item(key, 1))
			}
		}
		for i := range data {
			var r Positions
			_ = r.GobDecode(data[:i]) // truncated: an error, never a panic
		}
	}
}
