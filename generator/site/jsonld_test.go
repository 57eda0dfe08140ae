package site

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// vocabularyJSON is an extract of the schema.org vocabulary (types, the
// properties each may carry, the types each property's values may have),
// made by scripts/schemaorg-vocabulary.py from the npm package schema-dts.
//
//go:embed testdata/schemaorg/vocabulary.json
var vocabularyJSON []byte

type vocabulary struct {
	Types map[string]string `json:"types"` // type → base its properties come from
	Bases map[string]struct {
		Parents []string `json:"parents"`
		Props   []string `json:"props"`
	} `json:"bases"`
	Ranges map[string][]string `json:"ranges"`
}

// ancestry is t and every type it descends from.
func (v *vocabulary) ancestry(t string) []string {
	out := []string{t}
	var up func(base string)
	up = func(base string) {
		if slices.Contains(out, base) && base != t {
			return
		}
		if base != t {
			out = append(out, base)
		}
		for _, p := range v.Bases[base].Parents {
			up(p)
		}
	}
	if base, ok := v.Types[t]; ok {
		up(base)
	}
	return out
}

func (v *vocabulary) hasProp(t, prop string) bool {
	for _, a := range v.ancestry(t) {
		if slices.Contains(v.Bases[a].Props, prop) {
			return true
		}
	}
	return false
}

// check validates one JSON-LD node at where, reporting each problem to
// errorf and counting every type seen.
func (v *vocabulary) check(errorf func(string, ...any), where string, node map[string]any, seen map[string]int) {
	typ, _ := node["@type"].(string)
	if _, ok := v.Types[typ]; !ok {
		errorf("%s: @type %q is not a schema.org type", where, typ)
		return
	}
	seen[typ]++
	for key, val := range node {
		if strings.HasPrefix(key, "@") {
			continue
		}
		if !v.hasProp(typ, key) {
			errorf("%s: %s has no property %q in schema.org", where, typ, key)
			continue
		}
		vals, ok := val.([]any)
		if !ok {
			vals = []any{val}
		}
		for _, item := range vals {
			obj, ok := item.(map[string]any)
			if !ok {
				continue // text, numbers, URLs: schema.org accepts text for any property
			}
			sub, _ := obj["@type"].(string)
			allowed := false
			for _, a := range v.ancestry(sub) {
				if slices.Contains(v.Ranges[key], a) {
					allowed = true
				}
			}
			if !allowed {
				errorf("%s: %s.%s is a %s; schema.org expects one of %v", where, typ, key, sub, v.Ranges[key])
			}
			v.check(errorf, where+" "+typ+"."+key, obj, seen)
		}
	}
}

// TestJSONLDVocabulary parses every JSON-LD block of the bilingual example
// (with one product given a price) and checks it against the schema.org
// vocabulary: known types, properties the type has, nested values of a
// type the property accepts. It also checks the shape: Product
// with brand and award, offers only where a price is given, Organization
// for producers, Store with geo for sales points, NewsArticle,
// BreadcrumbList.
func TestJSONLDVocabulary(t *testing.T) {
	var v vocabulary
	if err := json.Unmarshal(vocabularyJSON, &v); err != nil {
		t.Fatal(err)
	}
	dir := copyExample(t)
	priced := "products/tra-xanh-tui-loc-binh-son/product.yaml"
	edit(t, dir, priced, "producer: ", "price: 45.000 đ/hộp 100 g\nproducer: ")
	fsys, err := SiteFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	// A date when Trà xanh túi lọc's certificate (06/04/2021, 36 months)
	// is valid, so its Product carries the award.
	now := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	mem := generate(t, fsys, Options{Now: now, BaseURL: "https://ocop.example.vn/", ImageCache: filepath.Join(t.TempDir(), "img")})
	seen := map[string]int{}
	perPage := map[string][]map[string]any{}
	for name, data := range mem.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		doc, err := html.Parse(strings.NewReader(string(data)))
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "script" {
				for _, a := range n.Attr {
					if a.Key == "type" && a.Val == "application/ld+json" && n.FirstChild != nil {
						var node map[string]any
						if err := json.Unmarshal([]byte(n.FirstChild.Data), &node); err != nil {
							t.Errorf("%s: JSON-LD does not parse: %v", name, err)
							continue
						}
						if node["@context"] != "https://schema.org" {
							t.Errorf("%s: @context %v", name, node["@context"])
						}
						v.check(t.Errorf, name, node, seen)
						perPage[name] = append(perPage[name], node)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
	for _, typ := range []string{"Product", "Brand", "Organization", "Store", "GeoCoordinates", "NewsArticle", "BreadcrumbList", "ListItem", "Offer", "WebSite"} {
		if seen[typ] == 0 {
			t.Errorf("no %s anywhere in the site's JSON-LD", typ)
		}
	}
	find := func(page, typ string) map[string]any {
		for _, n := range perPage[page] {
			if n["@type"] == typ {
				return n
			}
		}
		t.Errorf("%s: no %s", page, typ)
		return map[string]any{}
	}
	for page, wantOffer := range map[string]bool{
		"san-pham/tra-xanh-tui-loc-binh-son/index.html":    true,
		"en/san-pham/tra-xanh-tui-loc-binh-son/index.html": true,
		"san-pham/che-sach-binh-son/index.html":            false,
	} {
		p := find(page, "Product")
		if _, ok := p["brand"]; !ok {
			t.Errorf("%s: Product without brand", page)
		}
		if _, ok := p["offers"]; ok != wantOffer {
			t.Errorf("%s: offers present = %v, want %v (price given: %v)", page, ok, wantOffer, wantOffer)
		}
		find(page, "BreadcrumbList")
	}
	if a, _ := find("san-pham/tra-xanh-tui-loc-binh-son/index.html", "Product")["award"].(string); !strings.Contains(a, "3") {
		t.Errorf("Product award %q does not name the star", a)
	}
	for _, sp := range []string{"diem-ban/cua-hang-htx-binh-son/index.html", "diem-ban/diem-ocop-91-nguyen-chi-thanh/index.html"} {
		found := false
		for _, n := range perPage[sp] {
			if typ, _ := n["@type"].(string); slices.Contains(v.ancestry(typ), "Place") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no Place/Store JSON-LD", sp)
		}
	}
}

// TestJSONLDVocabularyRejects proves the checker above finds what it must.
func TestJSONLDVocabularyRejects(t *testing.T) {
	var v vocabulary
	if err := json.Unmarshal(vocabularyJSON, &v); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		node string
		bad  bool
	}{
		{"valid product", `{"@type":"Product","name":"Chè","brand":{"@type":"Brand","name":"HTX"},"award":"OCOP 3 sao","offers":{"@type":"Offer","price":45000,"priceCurrency":"VND"}}`, false},
		{"subtype allowed where the parent is expected", `{"@type":"Product","brand":{"@type":"Corporation","name":"X"}}`, false},
		{"unknown type", `{"@type":"Produkt","name":"Chè"}`, true},
		{"property the type does not have", `{"@type":"Product","stars":3}`, true},
		{"nested value of the wrong type", `{"@type":"Product","brand":{"@type":"Place","name":"X"}}`, true},
		{"error inside a nested value", `{"@type":"Store","geo":{"@type":"GeoCoordinates","lat":21}}`, true},
	} {
		var node map[string]any
		if err := json.Unmarshal([]byte(tc.node), &node); err != nil {
			t.Fatal(err)
		}
		var problems []string
		v.check(func(f string, a ...any) { problems = append(problems, fmt.Sprintf(f, a...)) }, tc.name, node, map[string]int{})
		if (len(problems) > 0) != tc.bad {
			t.Errorf("%s: problems %q, want some = %v", tc.name, problems, tc.bad)
		}
	}
}
