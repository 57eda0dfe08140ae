package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/internal/txtar"
	"github.com/ocop-vn/ocop/generator/stats"
	"github.com/ocop-vn/ocop/generator/yamlx"
)

var now = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

// build makes the files of the statistics fixture (see
// generator/stats/testdata/catalogue.txtar for its known contents).
func build(t *testing.T) map[string][]byte {
	t.Helper()
	a, err := txtar.ParseFile("../stats/testdata/catalogue.txtar")
	if err != nil {
		t.Fatal(err)
	}
	cat, l := content.Load(a.FS(), content.Options{Now: now})
	if l.Len() > 0 {
		t.Fatal(l.Err())
	}
	var public []*content.Product
	for _, p := range cat.Products {
		if !p.Draft {
			public = append(public, p)
		}
	}
	out := map[string][]byte{}
	err = Build(Input{Site: cat.Site, Products: public, SalesPoints: cat.SalesPoints, Stats: stats.Compute(public, now), Now: yamlx.Date{Time: now}},
		func(f File) error {
			out[f.Path] = bytes.Clone(f.Data)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Fatal("CSV does not start with a UTF-8 BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestProductsCSV(t *testing.T) {
	recs := readCSV(t, build(t)[ProductsCSV])
	if got := strings.Join(recs[0], ","); got != "id,name,group_id,group,subgroup,commune,district,province,producer_id,producer,star,status,decision,decision_date,issuer,valid_until,url" {
		t.Errorf("header %s", got)
	}
	if len(recs) != 8 {
		t.Fatalf("%d rows, want 7 products and the header", len(recs)-1)
	}
	want := map[string]string{
		"che-a":  "che-a,Chè A,thuc-pham,Thực phẩm,,xã A,huyện Triệu Sơn,Thanh Hóa,htx-a,HTX A,3,con-hieu-luc,20/QĐ-UBND,2023-03-25,UBND huyện,2026-03-24,https://ocop.example.vn/san-pham/che-a/",
		"non-la": "non-la,Nón lá C,luu-niem-noi-that-trang-tri,Lưu niệm - nội thất - trang trí,,xã C,huyện Triệu Sơn,Thanh Hóa,htx-a,HTX A,3,da-thu-hoi,60/QĐ-UBND,2019-12-23,UBND tỉnh,2020-04-30,https://ocop.example.vn/san-pham/non-la/",
		"keo":    "keo,Kẹo D,thuc-pham,Thực phẩm,,,huyện Triệu Sơn,Thanh Hóa,htx-a,HTX A,,dang-phat-trien,,,,,https://ocop.example.vn/san-pham/keo/",
	}
	for _, r := range recs[1:] {
		if w, ok := want[r[0]]; ok && strings.Join(r, ",") != w {
			t.Errorf("row %s:\n got %s\nwant %s", r[0], strings.Join(r, ","), w)
		}
		if r[0] == "draft" {
			t.Error("a draft product is in the open data")
		}
	}
}

func TestEvaluationsCSV(t *testing.T) {
	recs := readCSV(t, build(t)[EvaluationsCSV])
	if len(recs) != 8 {
		t.Fatalf("%d rounds, want 7", len(recs)-1)
	}
	if got := strings.Join(recs[0], ","); got != strings.Join(EvaluationsHeader, ",") {
		t.Errorf("header %s", got)
	}
	got := map[string]string{}
	for _, r := range recs[1:] {
		got[r[0]+" "+r[2]] = strings.Join(r, ",")
	}
	for k, w := range map[string]string{
		"che-a 2020-03-10":  "che-a,Chè A,2020-03-10,tinh,,qd1048-2019,,,0,cong-nhan,10/QĐ-UBND,2020-04-01,UBND tỉnh,3,2023-03-31,,",
		"non-la 2019-12-01": "non-la,Nón lá C,2019-12-01,tinh,,qd1048-2019,,,0,cong-nhan,60/QĐ-UBND,2019-12-23,UBND tỉnh,3,2020-04-30,2020-05-01,61/QĐ-UBND",
		"banh 2020-02-01":   "banh,Bánh C,2020-02-01,tinh,,qd1048-2019,,,0,chua-cong-nhan,,,,,,,",
	} {
		if got[k] != w {
			t.Errorf("%s:\n got %s\nwant %s", k, got[k], w)
		}
	}
}

func TestProductsJSON(t *testing.T) {
	var c struct {
		Title    string
		Date     string
		Count    int
		Products []map[string]any
	}
	data := build(t)[ProductsJSON]
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	// Made a product at a time, the file is what encoding the whole
	// catalogue at once gives (with no final newline).
	var whole catalogueJSON
	if err := json.Unmarshal(data, &whole); err != nil {
		t.Fatal(err)
	}
	if again, err := marshal(whole); err != nil || !bytes.Equal(bytes.TrimSuffix(again, []byte("\n")), data) {
		t.Errorf("products.json differs from the catalogue encoded at once (%v):\n%s\n%s", err, data, again)
	}
	if c.Count != 7 || len(c.Products) != 7 || c.Date != "2024-06-01" || c.Title != "Thống kê thử nghiệm" {
		t.Errorf("count %d, %d products, date %s, title %s", c.Count, len(c.Products), c.Date, c.Title)
	}
	for _, p := range c.Products {
		if p["id"] == "sam" {
			if p["status"] != "sap-het-han" || p["star"] != 3.0 || p["valid_until"] != "2024-08-04" || p["url"] != "https://ocop.example.vn/san-pham/sam/" {
				t.Errorf("sam: %v", p)
			}
		}
	}
}

func TestSalesPointsGeoJSON(t *testing.T) {
	var fc struct {
		Type     string
		Features []struct {
			Type     string
			ID       string
			Geometry struct {
				Type        string
				Coordinates []float64
			}
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(build(t)[SalesPoints], &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 1 {
		t.Fatalf("type %q with %d features; want a FeatureCollection of the one sales point with coordinates", fc.Type, len(fc.Features))
	}
	f := fc.Features[0]
	if f.Type != "Feature" || f.ID != "diem-a" || f.Geometry.Type != "Point" || len(f.Geometry.Coordinates) != 2 ||
		f.Geometry.Coordinates[0] != 105.7 || f.Geometry.Coordinates[1] != 19.8 {
		t.Errorf("feature %+v (coordinates are longitude, latitude)", f)
	}
	if f.Properties["name"] != "Điểm bán A" || f.Properties["url"] != "https://ocop.example.vn/diem-ban/diem-a/" {
		t.Errorf("properties %v", f.Properties)
	}
	if ps, _ := f.Properties["products"].([]any); len(ps) != 1 || ps[0] != "che-a" {
		t.Errorf("products %v", f.Properties["products"])
	}
}

func TestStatisticsCSV(t *testing.T) {
	recs := readCSV(t, build(t)[StatisticsCSV])
	if strings.Join(recs[0], ",") != "figure,key,label,series,value" {
		t.Errorf("header %v", recs[0])
	}
}
