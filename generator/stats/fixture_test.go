package stats

import (
	"testing"
	"time"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/internal/txtar"
)

var fixtureNow = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// fixture loads testdata/catalogue.txtar as of now and returns its public
// products.
func fixture(t *testing.T, now time.Time) []*content.Product {
	t.Helper()
	a, err := txtar.ParseFile("testdata/catalogue.txtar")
	if err != nil {
		t.Fatal(err)
	}
	cat, l := content.Load(a.FS(), content.Options{Now: now})
	if l.Len() > 0 {
		t.Fatalf("fixture has problems:\n%v", l.Err())
	}
	var out []*content.Product
	for _, p := range cat.Products {
		if !p.Draft {
			out = append(out, p)
		}
	}
	return out
}
