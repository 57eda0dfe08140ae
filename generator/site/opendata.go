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
	files, err := opendata.Build(opendata.Input{Site: b.cat.Site, Products: public, SalesPoints: b.cat.SalesPoints,
		Stats: stats.Compute(public, b.now), Now: yamlx.Date{Time: b.now}})
	if err != nil {
		b.l.Add(diag.Pos{File: "data"}, "%v", err)
		return
	}
	for _, f := range files {
		b.write(f.Path, f.Data)
	}
}
