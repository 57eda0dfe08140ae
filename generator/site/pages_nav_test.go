package site

import (
	"reflect"
	"testing"

	"github.com/ocop-vn/ocop/generator/render"
)

func TestLargestAreas(t *testing.T) {
	link := func(name string, n int) render.Link { return render.Link{Name: name, Count: n} }
	all := render.Link{Name: "Tất cả địa bàn", URL: "/dia-ban/", Count: 99}
	few := []render.Link{link("An Giang", 3), link("Bắc Giang", 9)}
	many := []render.Link{link("An Giang", 3), link("Bắc Giang", 9), link("Cà Mau", 9), link("Đà Nẵng", 1), link("Gia Lai", 5)}
	for _, tt := range []struct {
		name  string
		links []render.Link
		n     int
		want  []render.Link
	}{
		{"few areas: all named, in their order", few, 3, few},
		{"exactly n", few, 2, few},
		{"more than n: the largest, ties by name, then all", many, 3,
			[]render.Link{link("Bắc Giang", 9), link("Cà Mau", 9), link("Gia Lai", 5), all}},
	} {
		got := largestAreas(tt.links, tt.n, all)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
	if many[0].Name != "An Giang" {
		t.Error("largestAreas reordered its argument")
	}
}
