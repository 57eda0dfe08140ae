package site

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	gozxingqr "github.com/makiuchi-d/gozxing/qrcode"
	"github.com/ocop-vn/ocop/generator/internal/txtar"
)

const exampleOrigin = "https://so-nn.thanhhoa.example/ocop/"

var ldRE = regexp.MustCompile(`(?s)<script type="?application/ld\+json"?>(.*?)</script>`)

// jsonLD returns the page's JSON-LD blocks, each parsed.
func jsonLD(t *testing.T, page []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, m := range ldRE.FindAllSubmatch(page, -1) {
		var v map[string]any
		if err := json.Unmarshal(m[1], &v); err != nil {
			t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
		}
		out = append(out, v)
	}
	return out
}

func ldOfType(t *testing.T, page []byte, typ string) map[string]any {
	t.Helper()
	for _, v := range jsonLD(t, page) {
		if v["@type"] == typ {
			return v
		}
	}
	return nil
}

func TestStatisticsPage(t *testing.T) {
	mem := generate(t, os.DirFS(repoRoot), Options{BaseURL: exampleOrigin})
	page := string(mem.Files["thong-ke/index.html"])
	if page == "" {
		t.Fatal("no statistics page")
	}
	if n := strings.Count(page, `role="img"`); n != 5 {
		t.Errorf("%d charts, want 5 (stars, groups, areas, years, expiring)", n)
	}
	if n := strings.Count(page, "<table"); n != 5 {
		t.Errorf("%d tables, want one under each chart", n)
	}
	// On 30/11/2026 every example certificate has ended: the expiring
	// chart is empty and says so.
	if !strings.Contains(page, "Không có chứng nhận còn hiệu lực nào hết hạn trong 12 tháng tới.") {
		t.Error("the empty expiring chart does not say it is empty")
	}
	for _, f := range []string{"data/products.csv", "data/products.json", "data/evaluations.csv", "data/sales-points.geojson", "data/statistics.csv"} {
		if !strings.Contains(page, `href="../`+f+`"`) && !strings.Contains(page, `href=../`+f) {
			t.Errorf("the statistics page does not link %s", f)
		}
		if _, ok := mem.Files[f]; !ok {
			t.Errorf("%s not written", f)
		}
	}
	if home := string(mem.Files["index.html"]); !strings.Contains(home, "thong-ke/") {
		t.Error("the footer does not link the statistics page")
	}
	if !bytes.HasPrefix(mem.Files["data/products.csv"], []byte("\xef\xbb\xbf")) {
		t.Error("products.csv has no BOM")
	}
	var fc struct {
		Type     string
		Features []any
	}
	if err := json.Unmarshal(mem.Files["data/sales-points.geojson"], &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) != 2 {
		t.Errorf("sales-points.geojson: %v, type %q, %d features", err, fc.Type, len(fc.Features))
	}
}

// TestQRCodes: with an absolute base_url every product and sales point page
// has its code inline and as files, and the PNG decodes to the canonical
// address.
func TestQRCodes(t *testing.T) {
	mem := generate(t, os.DirFS(repoRoot), Options{BaseURL: exampleOrigin})
	for _, dir := range []string{"san-pham/tra-xanh-tui-loc-binh-son/", "diem-ban/diem-ocop-91-nguyen-chi-thanh/"} {
		page := string(mem.Files[dir+"index.html"])
		if !strings.Contains(page, `aria-labelledby="qr-title qr-desc"`) || !strings.Contains(page, "qr.svg") || !strings.Contains(page, "qr.png") {
			t.Errorf("%s: no inline QR code with file links", dir)
		}
		if _, ok := mem.Files[dir+"qr.svg"]; !ok {
			t.Errorf("%sqr.svg not written", dir)
		}
		img, err := png.Decode(bytes.NewReader(mem.Files[dir+"qr.png"]))
		if err != nil {
			t.Fatalf("%sqr.png: %v", dir, err)
		}
		bmp, _ := gozxing.NewBinaryBitmap(gozxing.NewHybridBinarizer(gozxing.NewLuminanceSourceFromImage(img)))
		res, err := gozxingqr.NewQRCodeReader().Decode(bmp, nil)
		if err != nil {
			t.Fatalf("%sqr.png does not decode: %v", dir, err)
		}
		if want := exampleOrigin + dir; res.GetText() != want {
			t.Errorf("%sqr.png holds %q, want %q", dir, res.GetText(), want)
		}
	}
	// With a bare base path there is no address to put in a code.
	mem = generate(t, os.DirFS(repoRoot), Options{})
	for name := range mem.Files {
		if strings.HasSuffix(name, "/qr.png") || strings.HasSuffix(name, "/qr.svg") {
			t.Errorf("%s written without an absolute base_url", name)
		}
	}
	if strings.Contains(string(mem.Files["san-pham/tra-xanh-tui-loc-binh-son/index.html"]), "qr-box") {
		t.Error("QR section without an absolute base_url")
	}
}

func TestStructuredData(t *testing.T) {
	mem := generate(t, os.DirFS(repoRoot), Options{BaseURL: exampleOrigin})
	product := mem.Files["san-pham/tra-xanh-tui-loc-binh-son/index.html"]
	bc := ldOfType(t, product, "BreadcrumbList")
	if bc == nil {
		t.Fatal("no BreadcrumbList on a product page")
	}
	items, _ := bc["itemListElement"].([]any)
	if len(items) != 3 {
		t.Fatalf("breadcrumb items: %v", items)
	}
	last, _ := items[2].(map[string]any)
	if last["position"] != 3.0 || last["name"] != "Trà xanh túi lọc Bình Sơn" || last["item"] != exampleOrigin+"san-pham/tra-xanh-tui-loc-binh-son/" {
		t.Errorf("last crumb %v", last)
	}
	if first, _ := items[0].(map[string]any); first["item"] != exampleOrigin {
		t.Errorf("first crumb %v", first)
	}
	p := ldOfType(t, product, "Product")
	if p == nil || p["offers"] != nil {
		t.Errorf("Product without a price must have no offers: %v", p)
	}
	store := ldOfType(t, mem.Files["diem-ban/diem-ocop-91-nguyen-chi-thanh/index.html"], "Store")
	if geo, _ := store["geo"].(map[string]any); geo == nil || geo["@type"] != "GeoCoordinates" || geo["latitude"] != 19.819 {
		t.Errorf("Store geo: %v", store)
	}
	org := ldOfType(t, mem.Files["chu-the/htx-dv-nong-lam-nghiep-binh-son/index.html"], "Organization")
	if addr, _ := org["address"].(map[string]any); addr == nil || addr["addressRegion"] != "Thanh Hóa" {
		t.Errorf("Organization address: %v", org)
	}
	if ldOfType(t, mem.Files["index.html"], "BreadcrumbList") != nil {
		t.Error("the home page has a one-step breadcrumb list")
	}
}

func TestParsePrice(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"120.000 đ/hộp", 120000, true},
		{"85000đ", 85000, true},
		{"1.250.000 VNĐ / chai 500 ml", 1250000, true},
		{"Giá: 45,000 đồng", 45000, true},
		{"liên hệ", 0, false},
		{"85,5 nghìn", 0, false},
		{"1234.567", 0, false},
		{"0 đ", 0, false},
	} {
		got, ok := parsePrice(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parsePrice(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestOffersWithPrice: a product with a price has an Offer in đồng.
func TestOffersWithPrice(t *testing.T) {
	a, err := txtar.ParseFile("../stats/testdata/catalogue.txtar")
	if err != nil {
		t.Fatal(err)
	}
	mem := generate(t, a.FS(), Options{})
	p := ldOfType(t, mem.Files["san-pham/che-a/index.html"], "Product")
	offer, _ := p["offers"].(map[string]any)
	if offer == nil || offer["price"] != 120000.0 || offer["priceCurrency"] != "VND" || offer["description"] != "120.000 đ/hộp" {
		t.Errorf("offers: %v", p["offers"])
	}
	// The fixture's base_url is absolute: its sales point with coordinates
	// has a QR code; the one without is a Store with no geo.
	if s := ldOfType(t, mem.Files["diem-ban/diem-b/index.html"], "Store"); s == nil || s["geo"] != nil {
		t.Errorf("diem-b: %v", s)
	}
}
