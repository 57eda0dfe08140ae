// Package opendata writes the catalogue as open data files under data/, for
// anyone to reuse without scraping pages:
//
//	data/products.json          every public product with its current certificate
//	data/products.csv           the same, one row per product
//	data/evaluations.csv        every council round and decision, one row each
//	data/sales-points.geojson   sales points with coordinates (RFC 7946)
//	data/statistics.csv         the figures of the statistics page (package stats)
//
// CSV files are UTF-8 with a byte-order mark and CRLF line ends, so
// spreadsheet programs open the Vietnamese text correctly. Dates are
// YYYY-MM-DD, stars are numbers, statuses are the ids used in the site's
// addresses. Output depends only on the files and the build date.
package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/render"
	"github.com/ocop-vn/ocop/generator/stats"
	"github.com/ocop-vn/ocop/generator/yamlx"
)

// The files' paths, relative to the site root.
const (
	ProductsJSON   = "data/products.json"
	ProductsCSV    = "data/products.csv"
	EvaluationsCSV = "data/evaluations.csv"
	SalesPoints    = "data/sales-points.geojson"
	StatisticsCSV  = "data/statistics.csv"
)

// File is one output file.
type File struct {
	Path string
	Data []byte
}

// Input is what the files are made of.
type Input struct {
	Site *config.Site
	// Products are the public products (no drafts), in the order to list.
	Products    []*content.Product
	SalesPoints []*content.SalesPoint
	// Stats are the figures for statistics.csv; nil leaves the file out.
	Stats *stats.Catalogue
	Now   yamlx.Date
}

// Build makes the open data files one after the other and hands each to
// write, which must be done with its bytes when it returns: at 20,000
// products the files are 40 MB, and no two need be in memory at once. The
// files are final: JSON is written as encoding/json makes it, with no
// whitespace for a minifier to take out.
func Build(in Input, write func(File) error) error {
	type maker struct {
		path string
		make func(Input) ([]byte, error)
	}
	makers := []maker{
		{ProductsJSON, productsJSON},
		{ProductsCSV, func(in Input) ([]byte, error) { return productsCSV(in), nil }},
		{EvaluationsCSV, func(in Input) ([]byte, error) { return evaluationsCSV(in), nil }},
		{SalesPoints, salesPointsGeoJSON},
	}
	if in.Stats != nil {
		makers = append(makers, maker{StatisticsCSV, func(in Input) ([]byte, error) { return stats.FiguresCSV(in.Stats.Figures()), nil }})
	}
	for _, m := range makers {
		data, err := m.make(in)
		if err != nil {
			return fmt.Errorf("%s: %w", m.path, err)
		}
		if err := write(File{m.path, data}); err != nil {
			return err
		}
	}
	return nil
}

func date(d yamlx.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// marshal encodes v as JSON with <, > and & escaped, so no file can carry
// markup even if pasted into a page.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// --- products.json -------------------------------------------------------

type catalogueJSON struct {
	Title    string        `json:"title"`
	URL      string        `json:"url"`
	Date     string        `json:"date"`
	Count    int           `json:"count"`
	Products []productJSON `json:"products"`
}

type productJSON struct {
	ID           string        `json:"id"`
	Name         string        `json:"name"`
	NameEN       string        `json:"name_en,omitempty"`
	Group        string        `json:"group,omitempty"`
	GroupName    string        `json:"group_name,omitempty"`
	Subgroup     string        `json:"subgroup,omitempty"`
	SubgroupName string        `json:"subgroup_name,omitempty"`
	Area         content.Area  `json:"area"`
	AreaNow      *content.Area `json:"area_now,omitempty"`
	Producer     *refJSON      `json:"producer,omitempty"`
	Star         int           `json:"star,omitempty"`
	Status       string        `json:"status"`
	Decision     *decisionJSON `json:"decision,omitempty"`
	ValidUntil   string        `json:"valid_until,omitempty"`
	Summary      string        `json:"summary,omitempty"`
	Price        string        `json:"price,omitempty"`
	Standards    []string      `json:"standards,omitempty"`
	SoldAt       []string      `json:"sold_at,omitempty"`
	URL          string        `json:"url"`
}

type refJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type decisionJSON struct {
	Number string `json:"number,omitempty"`
	Date   string `json:"date,omitempty"`
	Issuer string `json:"issuer,omitempty"`
}

// productsJSON encodes the catalogue one product at a time into one
// buffer, rather than building every product's record first: the same
// bytes as encoding the whole catalogueJSON, without a second copy of it.
// The file has no final newline.
func productsJSON(in Input) ([]byte, error) {
	s := in.Site
	var buf bytes.Buffer
	buf.Grow(1024 * (len(in.Products) + 1))
	enc := json.NewEncoder(&buf)
	// The envelope with an empty list, then the products spliced in
	// before its closing "]}".
	if err := enc.Encode(catalogueJSON{Title: s.Title, URL: s.Abs(""), Date: in.Now.String(), Count: len(in.Products), Products: []productJSON{}}); err != nil {
		return nil, err
	}
	tail := []byte("[]}\n")
	if !bytes.HasSuffix(buf.Bytes(), tail) {
		return nil, fmt.Errorf("unexpected encoding of the catalogue")
	}
	buf.Truncate(buf.Len() - len(tail) + 1) // keep "["
	for i, p := range in.Products {
		j := productJSON{ID: p.Slug, Name: p.Name, NameEN: p.NameEN, Group: p.Group, GroupName: p.GroupName,
			Subgroup: p.Subgroup, SubgroupName: p.SubgroupName, Area: p.Area, AreaNow: p.Now, Star: p.Cert.Star,
			Status: string(p.Cert.Status), ValidUntil: date(p.Cert.ValidUntil), Summary: p.Summary, Price: p.Price,
			Standards: p.Standards, SoldAt: p.SoldAt, URL: s.Abs(render.ProductPath(p.Slug))}
		if pr := p.ProducerRef; pr != nil {
			j.Producer = &refJSON{ID: pr.ID, Name: pr.Name, URL: s.Abs(render.ProducerPath(pr.ID))}
		}
		if d := p.Cert.Decision; d != nil {
			j.Decision = &decisionJSON{Number: d.Number, Date: date(p.Cert.Issued), Issuer: d.Issuer}
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(j); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1) // the encoder's newline
	}
	buf.WriteString("]}")
	return buf.Bytes(), nil
}

// --- products.csv --------------------------------------------------------

// ProductsHeader is the header of products.csv.
var ProductsHeader = []string{"id", "name", "group_id", "group", "subgroup", "commune", "district", "province",
	"producer_id", "producer", "star", "status", "decision", "decision_date", "issuer", "valid_until", "url"}

func star(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func productsCSV(in Input) []byte {
	s := in.Site
	var recs [][]string
	for _, p := range in.Products {
		var prID, prName, number, issuer string
		if pr := p.ProducerRef; pr != nil {
			prID, prName = pr.ID, pr.Name
		}
		if d := p.Cert.Decision; d != nil {
			number, issuer = d.Number, d.Issuer
		}
		recs = append(recs, []string{p.Slug, p.Name, p.Group, p.GroupName, p.SubgroupName,
			p.Area.Commune, p.Area.District, p.Area.Province, prID, prName, star(p.Cert.Star), string(p.Cert.Status),
			number, date(p.Cert.Issued), issuer, date(p.Cert.ValidUntil), s.Abs(render.ProductPath(p.Slug))})
	}
	return stats.CSV(ProductsHeader, recs)
}

// --- evaluations.csv -----------------------------------------------------

// EvaluationsHeader is the header of evaluations.csv.
var EvaluationsHeader = []string{"product_id", "product", "date", "level", "council", "rubric", "form", "average",
	"sheets", "outcome", "decision", "decision_date", "issuer", "star", "valid_until", "revoked_on", "revocation"}

// average is the council's average cut (not rounded) to two decimals, as
// the site shows it, with a decimal point; "" when no points are on record.
func average(e *content.Evaluation) string {
	if !e.HasScore {
		return ""
	}
	return strconv.FormatFloat(math.Floor(e.Average*100+1e-9)/100, 'f', 2, 64)
}

func evaluationsCSV(in Input) []byte {
	var recs [][]string
	for _, p := range in.Products {
		until := map[*content.Evaluation]string{}
		for _, r := range stats.Recognitions(p) {
			until[r.Evaluation] = r.Until.Format("2006-01-02")
		}
		for _, e := range p.Evaluations {
			rec := []string{p.Slug, p.Name, date(e.Date), e.Level, e.Council, e.Rubric, e.Form, average(e),
				strconv.Itoa(e.SheetCount), string(e.Outcome), "", "", "", "", until[e], "", ""}
			if e.Set != nil && rec[5] == "" {
				rec[5] = e.Set.ID
			}
			if e.FormRef != nil && rec[6] == "" {
				rec[6] = e.FormRef.ID
			}
			if d := e.Decision; d != nil {
				rec[10], rec[11], rec[12], rec[13] = d.Number, date(d.Date), d.Issuer, star(d.Star)
			}
			if r := e.Revoked; r != nil {
				rec[15], rec[16] = date(r.Date), r.Number
			}
			recs = append(recs, rec)
		}
	}
	return stats.CSV(EvaluationsHeader, recs)
}

// --- sales-points.geojson ------------------------------------------------

type featureCollection struct {
	Type     string    `json:"type"`
	Features []feature `json:"features"`
}

type feature struct {
	Type       string         `json:"type"`
	ID         string         `json:"id"`
	Geometry   geometry       `json:"geometry"`
	Properties salesPointProp `json:"properties"`
}

type geometry struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // longitude, latitude
}

type salesPointProp struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind,omitempty"`
	KindName string   `json:"kind_name,omitempty"`
	Address  string   `json:"address,omitempty"`
	Phone    string   `json:"phone,omitempty"`
	Hours    string   `json:"hours,omitempty"`
	Website  string   `json:"website,omitempty"`
	URL      string   `json:"url"`
	Products []string `json:"products"`
}

func salesPointsGeoJSON(in Input) ([]byte, error) {
	s := in.Site
	fc := featureCollection{Type: "FeatureCollection", Features: []feature{}}
	for _, sp := range in.SalesPoints {
		if sp.Geo == nil {
			continue
		}
		prods := []string{}
		for _, p := range sp.Products {
			prods = append(prods, p.Slug)
		}
		fc.Features = append(fc.Features, feature{Type: "Feature", ID: sp.ID,
			Geometry: geometry{Type: "Point", Coordinates: [2]float64{sp.Geo.Lng, sp.Geo.Lat}},
			Properties: salesPointProp{Name: sp.Name, Kind: sp.Kind, KindName: content.SalesPointKinds[sp.Kind],
				Address: sp.Address, Phone: sp.Phone, Hours: sp.Hours, Website: sp.Website,
				URL: s.Abs(render.SalesPointPath(sp.ID)), Products: prods}})
	}
	return marshal(fc)
}
