package site

import (
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/opendata"
	"github.com/ocop-vn/ocop/generator/stats"
	"github.com/ocop-vn/ocop/generator/yamlx"
)

// openData writes the catalogue's open data files under data/ (see package
// opendata); the statistics page links them.
func (b *builder) openData() {
	public := b.publicProducts()
	err := opendata.Build(opendata.Input{Site: b.cat.Site, Products: public, SalesPoints: b.cat.SalesPoints,
		Stats: stats.Compute(public, b.now), Now: yamlx.Date{Time: b.now}},
		func(f opendata.File) error {
			if err := b.pub.WriteRaw(f.Path, f.Data); err != nil {
				b.l.Add(diag.Pos{File: f.Path}, "writing: %v", err)
			}
			return nil
		})
	if err != nil {
		b.l.Add(diag.Pos{File: "data"}, "%v", err)
	}
}
