package viewhash

import (
	"testing"
	"time"
)

type producer struct {
	File     string
	Name     string
	Products []*product
}

type product struct {
	File     string
	Name     string
	Producer *producer
	Sold     []*shop
	Tags     map[string]int
	Site     *config
	Parse    *parseTree
	When     time.Time
}

type shop struct {
	File     string
	Name     string
	Products []*product
}

type config struct{ ID, Title string }

type parseTree struct{ Line int }

type view struct {
	Title string
	Items []*product
	Shop  *shop
	Self  *node
}

type node struct {
	Name string
	Next *node
}

func newHasher() *Hasher {
	return New([]any{(*product)(nil), (*producer)(nil), (*shop)(nil)}, []any{(*config)(nil)}, []any{(*parseTree)(nil)})
}

// catalogue makes a small graph: one producer with two products, sold in
// one shop that also sells a product of another producer.
func catalogue() (*producer, *producer, *shop, []*product) {
	a := &producer{File: "a.yaml", Name: "HTX A"}
	b := &producer{File: "b.yaml", Name: "HTX B"}
	s := &shop{File: "s.yaml", Name: "Quầy"}
	p1 := &product{File: "p1", Name: "Chè", Producer: a, Sold: []*shop{s}, Tags: map[string]int{"x": 1, "y": 2}, Site: &config{ID: "site", Title: "T"}}
	p2 := &product{File: "p2", Name: "Mật ong", Producer: a}
	p3 := &product{File: "p3", Name: "Muối", Producer: b, Sold: []*shop{s}}
	a.Products = []*product{p1, p2}
	b.Products = []*product{p3}
	s.Products = []*product{p1, p3}
	return a, b, s, []*product{p1, p2, p3}
}

func TestViewHash(t *testing.T) {
	base := func() *view {
		_, _, s, ps := catalogue()
		loop := &node{Name: "x"}
		loop.Next = loop
		return &view{Title: "t", Items: ps[:1], Shop: s, Self: loop}
	}
	want := newHasher().View(base())
	tests := []struct {
		name    string
		change  func(v *view)
		changes bool
	}{
		{"nothing", func(v *view) {}, false},
		{"view field", func(v *view) { v.Title = "u" }, true},
		{"record field", func(v *view) { v.Items[0].Name = "Chè xanh" }, true},
		{"neighbour's field (producer name on a product)", func(v *view) { v.Items[0].Producer.Name = "HTX A mới" }, true},
		{"two steps away (producer of a product of a shop)", func(v *view) { v.Shop.Products[1].Producer.Name = "HTX B mới" }, true},
		{"sibling product of the producer", func(v *view) { v.Items[0].Producer.Products[1].Name = "Mật ong rừng" }, true},
		{"map rebuilt in another order", func(v *view) { v.Items[0].Tags = map[string]int{"y": 2, "x": 1} }, false},
		{"map value", func(v *view) { v.Items[0].Tags["x"] = 3 }, true},
		{"global type is identity only", func(v *view) { v.Items[0].Site.Title = "other" }, false},
		{"global type identity", func(v *view) { v.Items[0].Site.ID = "other" }, true},
		{"skipped type", func(v *view) { v.Items[0].Parse = &parseTree{Line: 9} }, false},
		{"time", func(v *view) { v.Items[0].When = time.Unix(1, 0) }, true},
		{"cycle through a plain pointer", func(v *view) { v.Self.Name = "y" }, true},
		{"order of items", func(v *view) { v.Items = append(v.Items, v.Shop.Products[1]) }, true},
	}
	for _, tt := range tests {
		v := base()
		tt.change(v)
		got := newHasher().View(v)
		if (got != want) != tt.changes {
			t.Errorf("%s: hash changed = %v, want %v", tt.name, got != want, tt.changes)
		}
	}
}

func TestViewHashStableAcrossHashers(t *testing.T) {
	_, _, s, ps := catalogue()
	v := &view{Items: ps, Shop: s}
	h := newHasher()
	first := h.View(v)
	for range 20 {
		if got := newHasher().View(v); got != first {
			t.Fatal("the same view hashed differently (map order?)")
		}
		if got := h.View(v); got != first {
			t.Fatal("memoised hash differs")
		}
	}
}

func TestBytes(t *testing.T) {
	if Bytes([]byte("ab"), []byte("c")) == Bytes([]byte("a"), []byte("bc")) {
		t.Error("parts are not delimited")
	}
}

// TestViewHashSharedPointersInMaps: a pointer met in several map values
// (not a cycle, just shared) hashes the same whatever order the map is
// walked in.
func TestViewHashSharedPointersInMaps(t *testing.T) {
	type item struct{ N int }
	shared := &item{N: 1}
	m := map[string]*item{}
	for i := range 50 {
		m[string(rune('a'+i%26))+string(rune('a'+i/26))] = shared
	}
	v := struct {
		M     map[string]*item
		After *item
	}{m, shared}
	first := newHasher().View(&v) // a pointer first, as a view is
	for range 30 {
		if got := newHasher().View(&v); got != first {
			t.Fatal("hash depends on map iteration order")
		}
	}
}
