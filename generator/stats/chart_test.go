package stats

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.svg")

func wellFormed(t *testing.T, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		if _, err := d.Token(); err == io.EOF {
			return
		} else if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, s)
		}
	}
}

func starChart(t *testing.T) *Chart {
	c := Compute(fixture(t, fixtureNow), fixtureNow)
	return &Chart{ID: "c-stars", Title: "Sản phẩm theo hạng sao", Series: []string{"còn hiệu lực", "đã được công nhận"},
		Rows: []Row{{Label: "5 sao", Values: c.Stars[0].Values}, {Label: "4 sao", Values: c.Stars[1].Values}, {Label: "3 sao", Values: c.Stars[2].Values}}}
}

// TestChartGolden compares one chart with testdata/stars.svg; run with
// -update after an intended change and look at the file in a browser.
func TestChartGolden(t *testing.T) {
	got := starChart(t).SVG()
	wellFormed(t, got)
	const golden = "testdata/stars.svg"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("chart differs from %s (run go test ./generator/stats -run TestChartGolden -update and review)\n%s", golden, got)
	}
}

func TestChartAccessible(t *testing.T) {
	for _, c := range []*Chart{
		starChart(t),
		{ID: "c-years", Title: "Theo năm <2019–2024>", Series: []string{"đánh giá", "công nhận"}, Columns: true,
			Rows: []Row{{Label: "2019", Values: []int{1, 1}}, {Label: "2020", Values: []int{3, 2}}}},
	} {
		svg := c.SVG()
		wellFormed(t, svg)
		for _, want := range []string{`role="img"`, `aria-labelledby="` + c.ID + `-title ` + c.ID + `-desc"`, `<title id="` + c.ID + `-title">`, `<desc id="` + c.ID + `-desc">`} {
			if !strings.Contains(svg, want) {
				t.Errorf("%s lacks %s", c.ID, want)
			}
		}
	}
	svg := starChart(t).SVG()
	if !strings.Contains(svg, "5 sao: 0 còn hiệu lực, 0 đã được công nhận; 4 sao: 1 còn hiệu lực, 2 đã được công nhận; 3 sao: 2 còn hiệu lực, 3 đã được công nhận.") {
		t.Errorf("the description does not name every value:\n%s", svg)
	}
}

// TestChartZeros: a chart with nothing to show is still a valid chart,
// says so, and draws no bars (no division by zero, no NaN).
func TestChartZeros(t *testing.T) {
	for _, columns := range []bool{false, true} {
		for _, rows := range [][]Row{nil, {{Label: "01/2027", Values: []int{0}}, {Label: "02/2027", Values: []int{0}}}} {
			c := &Chart{ID: "z", Title: "Hết hạn", Series: []string{"chứng nhận"}, Rows: rows, Columns: columns, Empty: "Không có chứng nhận nào"}
			svg := c.SVG()
			wellFormed(t, svg)
			if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") || strings.Contains(svg, "stats-bar") {
				t.Errorf("columns=%v rows=%d: %s", columns, len(rows), svg)
			}
			if !strings.Contains(svg, "Không có chứng nhận nào") {
				t.Errorf("columns=%v: no empty note", columns)
			}
		}
	}
}

func TestFiguresCSV(t *testing.T) {
	c := Compute(fixture(t, fixtureNow), fixtureNow)
	data := FiguresCSV(c.Figures())
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Fatal("no UTF-8 BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "figure,key,label,series,value" {
		t.Errorf("header %q", got)
	}
	if got := strings.Join(recs[len(recs)-1], ","); got != "expiring,2025-05,05/2025,certificates,0" {
		t.Errorf("last record %q", got)
	}
	found := false
	for _, r := range recs {
		if strings.Join(r, ",") == "groups,luu-niem-noi-that-trang-tri,Lưu niệm - nội thất - trang trí,recognised,1" {
			found = true
		}
	}
	if !found {
		t.Error("group record missing")
	}
	if !bytes.Contains(data, []byte("\r\n")) {
		t.Error("lines do not end in CRLF")
	}
}
