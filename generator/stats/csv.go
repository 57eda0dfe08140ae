package stats

import (
	"bytes"
	"encoding/csv"
	"strconv"
)

// BOM starts every CSV file written, so spreadsheet programs read the
// Vietnamese text as UTF-8 rather than the system's code page.
const BOM = "\uFEFF"

// CSV writes header and records as CSV (RFC 4180: quoted where needed, CRLF
// line ends) after a UTF-8 byte-order mark.
func CSV(header []string, records [][]string) []byte {
	var buf bytes.Buffer
	buf.WriteString(BOM)
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	w.Write(header)
	w.WriteAll(records) // writes to memory: cannot fail
	return buf.Bytes()
}

// Figure is a named table of rows, for FiguresCSV.
type Figure struct {
	ID     string // "stars", "groups", …
	Series []string
	Rows   []Row
}

// FiguresCSV writes figures in long form — one line per figure, row and
// series: figure, key, label, series, value — so one file holds tables of
// different shapes and any spreadsheet can pivot it.
func FiguresCSV(figs []Figure) []byte {
	var recs [][]string
	for _, f := range figs {
		for _, r := range f.Rows {
			for i, v := range r.Values {
				s := ""
				if i < len(f.Series) {
					s = f.Series[i]
				}
				recs = append(recs, []string{f.ID, r.Key, r.Label, s, strconv.Itoa(v)})
			}
		}
	}
	return CSV([]string{"figure", "key", "label", "series", "value"}, recs)
}

// Figures returns c's tables with series keys, for FiguresCSV.
func (c *Catalogue) Figures() []Figure {
	cat := []string{InForce, Recognised}
	return []Figure{
		{ID: "statuses", Series: []string{"products"}, Rows: c.Statuses},
		{ID: "stars", Series: cat, Rows: c.Stars},
		{ID: "groups", Series: cat, Rows: c.Groups},
		{ID: "areas", Series: cat, Rows: c.Areas},
		{ID: "years", Series: []string{Evaluations, Decisions}, Rows: c.Years},
		{ID: "expiring", Series: []string{"certificates"}, Rows: c.Expiring},
	}
}
