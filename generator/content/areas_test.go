package content

import (
	"testing"
	"time"

	"github.com/ocop-vn/ocop/generator/yamlx"
)

func mustDate(s string) yamlx.Date {
	d, err := yamlx.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestCurrentArea(t *testing.T) {
	changes := []AreaChange{
		{From: Area{Commune: "xã Bình Sơn", District: "huyện Triệu Sơn", Province: "Thanh Hóa"}, To: Area{Commune: "xã Thọ Bình", Province: "Thanh Hóa"}},
		{From: Area{District: "huyện Triệu Sơn", Province: "Thanh Hóa"}, To: Area{Province: "Thanh Hóa"}},
		{From: Area{Commune: "Đồng Lợi"}, To: Area{Commune: "xã Đồng Tiến"}},
	}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in   Area
		want *Area
	}{
		{Area{Commune: "xã Bình Sơn", District: "huyện Triệu Sơn", Province: "Thanh Hóa"}, &Area{Commune: "xã Thọ Bình", Province: "Thanh Hóa"}},
		{Area{Commune: "Bình Sơn", District: "Triệu Sơn", Province: "Thanh Hoá"}, &Area{Commune: "xã Thọ Bình", Province: "Thanh Hóa"}}, // no unit words, old tone placement
		{Area{District: "huyện Triệu Sơn", Province: "Thanh Hóa"}, &Area{Province: "Thanh Hóa"}},
		{Area{Commune: "xã Đồng Lợi", District: "huyện Triệu Sơn", Province: "Thanh Hóa"}, &Area{Commune: "xã Đồng Tiến", Province: "Thanh Hóa"}}, // keeps the province
		{Area{Commune: "xã Thọ Bình", Province: "Thanh Hóa"}, nil},
	}
	for _, tt := range tests {
		got := current(tt.in, changes, now)
		if (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
			t.Errorf("current(%+v) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
	future := []AreaChange{{From: Area{Commune: "A"}, To: Area{Commune: "B"}, Since: mustDate("2027-01-01")}}
	if got := current(Area{Commune: "A"}, future, now); got != nil {
		t.Errorf("a change not yet in force applied: %+v", got)
	}
}
