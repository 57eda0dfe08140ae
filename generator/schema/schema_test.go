package schema

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

// exampleSite is the example catalogue at the repository root.
const exampleSite = "../.."

// compile generates the schemas for data and compiles each with a JSON
// Schema validator, by kind name.
func compile(t *testing.T, d *Data) map[string]*jsonschema.Schema {
	t.Helper()
	files, err := Generate(d)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	c := jsonschema.NewCompiler()
	for _, f := range files {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(f.Data))
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if err := c.AddResource(filepath.Join(dir, f.Name), doc); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, k := range Kinds {
		s, err := c.Compile(filepath.Join(dir, k.Name+".json"))
		if err != nil {
			t.Fatalf("%s.json does not compile: %v", k.Name, err)
		}
		out[k.Name] = s
	}
	return out
}

// toJSON turns YAML into the JSON value an editor's YAML support sees:
// dates stay text (YAML 1.2 has no timestamps), numbers and booleans stay
// what they are.
func toJSON(t *testing.T, src []byte) any {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Content) == 0 {
		return nil
	}
	v, err := nodeValue(doc.Content[0])
	if err != nil {
		t.Fatal(err)
	}
	// Through encoding/json and back, so the validator gets plain JSON
	// values.
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func nodeValue(n *yaml.Node) (any, error) {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := nodeValue(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			v, err := nodeValue(c)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	}
	switch n.Tag {
	case "!!null":
		return nil, nil
	case "!!bool":
		var b bool
		err := n.Decode(&b)
		return b, err
	case "!!int", "!!float":
		var f float64
		err := n.Decode(&f)
		return f, err
	}
	return n.Value, nil // !!str, !!timestamp
}

// frontMatter returns the YAML between the opening and closing --- lines.
func frontMatter(t *testing.T, name string, src []byte) []byte {
	t.Helper()
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	s = strings.TrimPrefix(s, "\ufeff")
	rest, ok := strings.CutPrefix(s, "---\n")
	fm, _, ok2 := strings.Cut(rest, "\n---\n")
	if !ok || !ok2 {
		t.Fatalf("%s: no front matter", name)
	}
	return []byte(fm)
}

// siteFiles lists the site's files of each kind.
func siteFiles(t *testing.T, fsys fs.FS) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (p == "public" || strings.HasPrefix(d.Name(), ".") && p != ".") {
			return fs.SkipDir
		}
		if d.IsDir() && (p == "generator" || p == "cmd" || p == "layouts" || p == "static" || p == "schemas") {
			return fs.SkipDir
		}
		if k, ok := KindFor(p); ok && !d.IsDir() {
			out[k.Name] = append(out[k.Name], p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func validate(t *testing.T, s *jsonschema.Schema, name string, src []byte, k Kind) error {
	t.Helper()
	if k.FrontMatter {
		src = frontMatter(t, name, src)
	}
	return s.Validate(toJSON(t, src))
}

// TestExampleSiteValid validates every file of the example site, and the
// embedded criteria sets, against the generated schemas.
func TestExampleSiteValid(t *testing.T) {
	site := os.DirFS(exampleSite)
	schemas := compile(t, LoadData(site))
	files := siteFiles(t, site)
	for _, kind := range []string{"site", "product", "score", "producer", "sales-point", "news", "news-en", "page", "page-en", "areas"} {
		if len(files[kind]) == 0 {
			t.Errorf("the example site has no %s file to validate", kind)
		}
	}
	n := 0
	for _, k := range Kinds {
		for _, name := range files[k.Name] {
			src, err := fs.ReadFile(site, name)
			if err != nil {
				t.Fatal(err)
			}
			if err := validate(t, schemas[k.Name], name, src, k); err != nil {
				t.Errorf("%s is valid for ocop but not for %s.json:\n%v", name, k.Name, err)
			}
			n++
		}
	}
	rubrics, _ := filepath.Glob("../rubric/data/*.yaml")
	for _, name := range rubrics {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := schemas["rubric"].Validate(toJSON(t, src)); err != nil {
			t.Errorf("%s is not valid for rubric.json:\n%v", name, err)
		}
		n++
	}
	t.Logf("%d files valid", n)
}

// base is a minimal valid site; fixtures replace or add one file.
func base() fstest.MapFS {
	return fstest.MapFS{
		"site.yaml":                     {Data: []byte("title: T\n")},
		"content/producers/b.yaml":      {Data: []byte("name: B\n")},
		"content/sales-points/d.yaml":   {Data: []byte("name: D\n")},
		"products/a/product.yaml":       {Data: []byte("name: A\nproducer: b\n")},
		"products/a/scores/.gitkeep":    {Data: nil},
		"content/news/2024-01-02-x.md":  {Data: []byte("---\ntitle: X\n---\nBody\n")},
		"content/pages/gioi-thieu-2.md": {Data: []byte("---\ntitle: P\n---\nBody\n")},
	}
}

// TestFixtures checks that the schemas and the loader agree: each fixture
// is accepted by both, or rejected by both.
func TestFixtures(t *testing.T) {
	schemas := compile(t, LoadData(nil))
	tests := []struct {
		name, file, src string
		valid           bool
		want            string // part of the schema error
	}{
		{"product", "products/a/product.yaml", "name: A\nproducer: b\ngroup: thuc-pham\nsubgroup: che-tuoi-che-bien\nsummary:\ntags: [a, 1]\nprice: 120000\n", true, ""},
		{"unknown key", "products/a/product.yaml", "name: A\nproducer: b\nnmae: A\n", false, "nmae"},
		{"missing required key", "products/a/product.yaml", "name: A\n", false, "producer"},
		{"empty required key", "products/a/product.yaml", "name: A\nproducer:\n", false, "producer"},
		{"unknown group", "products/a/product.yaml", "name: A\nproducer: b\ngroup: banh-keo\n", false, "group"},
		{"subgroup of another group", "products/a/product.yaml", "name: A\nproducer: b\ngroup: do-uong\nsubgroup: che-bien-tu-gao-ngu-coc\n", false, "subgroup"},
		{"unknown key in area", "products/a/product.yaml", "name: A\nproducer: b\narea: {xa: Bình Sơn}\n", false, "xa"},
		{"traceability not a URL", "products/a/product.yaml", "name: A\nproducer: b\ntraceability: www.x.vn\n", false, "traceability"},
		{"score", "products/a/scores/2024-01-10-tinh.yaml", "rubric: qd148-2023\nlevel: tinh\ndate: 2024-01-10\ntotal: 72\ndecision: {number: 1/QĐ-UBND, date: 2024-02-01, star: 4}\n", true, ""},
		{"score sheets", "products/a/scores/2024-01-10-tinh.yaml", "rubric: qd148-2023\nlevel: tinh\ndate: 2024-01-10\nsheets:\n  - {A: 30, B: 20, C: 20}\n", true, ""},
		{"wrong level", "products/a/scores/2024-01-10-tinh.yaml", "level: tinh-thanh\ndate: 2024-01-10\n", false, "level"},
		{"wrong result", "products/a/scores/2024-01-10-tinh.yaml", "date: 2024-01-10\nresult: dat\n", false, "result"},
		{"wrong date", "products/a/scores/2024-01-10-tinh.yaml", "date: 10/01/2024\n", false, "date"},
		{"unknown rubric", "products/a/scores/2024-01-10-tinh.yaml", "rubric: qd999\ndate: 2024-01-10\n", false, "rubric"},
		{"producer", "content/producers/b.yaml", "name: B\nkind: hop-tac-xa\nphone: 0237000001\nwebsite: https://b.vn/\n", true, ""},
		{"wrong producer kind", "content/producers/b.yaml", "name: B\nkind: cong-ty\n", false, "kind"},
		{"sales point", "content/sales-points/d.yaml", "name: D\nkind: showroom\ngeo: {lat: 19.8, lng: 105.7}\n", true, ""},
		{"latitude out of range", "content/sales-points/d.yaml", "name: D\ngeo: {lat: 198, lng: 105.7}\n", false, "lat"},
		{"geo without lng", "content/sales-points/d.yaml", "name: D\ngeo: {lat: 19.8}\n", false, "lng"},
		{"site", "site.yaml", "title: T\nper_page: 12\nrubric: qd1048-2019\nmenu:\n  - {title: A, url: /a/}\n", true, ""},
		{"per_page out of range", "site.yaml", "title: T\nper_page: 501\n", false, "per_page"},
		{"menu item without url", "site.yaml", "title: T\nmenu:\n  - {title: A}\n", false, "url"},
	}
	for _, tt := range tests {
		k, ok := KindFor(tt.file)
		if !ok {
			t.Fatalf("%s: no kind for %s", tt.name, tt.file)
		}
		err := validate(t, schemas[k.Name], tt.file, []byte(tt.src), k)
		if (err == nil) != tt.valid {
			t.Errorf("%s: schema says valid=%v, want %v: %v", tt.name, err == nil, tt.valid, err)
		} else if err != nil && !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: schema error does not mention %q:\n%v", tt.name, tt.want, err)
		}
		site := base()
		site[tt.file] = &fstest.MapFile{Data: []byte(tt.src)}
		_, problems := content.Load(site, content.Options{Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
		if (problems.Len() == 0) != tt.valid {
			t.Errorf("%s: the loader says valid=%v, want %v: %v", tt.name, problems.Len() == 0, tt.valid, problems.Problems())
		}
	}
}

// TestDocs checks that every key and every mapping of every kind is
// described, and that no description is left over.
func TestDocs(t *testing.T) {
	used := map[string]bool{}
	seen := map[reflect.Type]bool{}
	var walk func(t0 reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || typ == dateType || seen[typ] {
			return
		}
		seen[typ] = true
		if Doc(typ, "") == "" {
			t.Errorf("Docs has no entry for %q", docKeys(typ, "")[1])
		}
		for _, k := range docKeys(typ, "") {
			used[k] = true
		}
		for _, f := range Fields(typ) {
			if Doc(typ, f.Key) == "" {
				t.Errorf("Docs has no entry for %q (or %q)", docKeys(typ, f.Key)[1], docKeys(typ, f.Key)[0])
			}
			for _, k := range docKeys(typ, f.Key) {
				used[k] = true
			}
			walk(f.Type)
		}
	}
	for _, k := range Kinds {
		walk(k.Type)
	}
	for k := range Docs {
		if !used[k] {
			t.Errorf("Docs entry %q describes no key", k)
		}
	}
}

func TestKindFor(t *testing.T) {
	tests := map[string]string{
		"site.yaml":                                "site",
		"products/a/product.yaml":                  "product",
		"products/thanh-hoa/a/product.yaml":        "product",
		"products/a/scores/2024-01-10-tinh.yaml":   "score",
		"products/x/y/scores/2024-01-10-tinh.yaml": "score",
		"content/producers/b.yaml":                 "producer",
		"content/sales-points/d.yaml":              "sales-point",
		"content/news/2024-01-02-x.md":             "news",
		"content/pages/p.md":                       "page",
		"content/news/2024-01-02-x.en.md":          "news-en",
		"content/pages/p.en.md":                    "page-en",
		"content/areas.yaml":                       "areas",
		"content/rubrics/x.yaml":                   "rubric",
		"products/a/story.md":                      "",
		"content/producers/x/b.yaml":               "",
	}
	for p, want := range tests {
		k, ok := KindFor(p)
		if got := k.Name; got != want || ok != (want != "") {
			t.Errorf("KindFor(%q) = %q, %v; want %q", p, got, ok, want)
		}
	}
}

// TestDeterministic checks that two generations give the same bytes, so the
// shipped schemas only change when the structs or the data do.
func TestDeterministic(t *testing.T) {
	a, err := Generate(LoadData(os.DirFS(exampleSite)))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Generate(LoadData(os.DirFS(exampleSite)))
	for i := range a {
		if !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between runs", a[i].Name)
		}
		if !json.Valid(a[i].Data) {
			t.Errorf("%s is not JSON", a[i].Name)
		}
	}
	if len(a) != len(Kinds) {
		t.Errorf("%d files for %d kinds", len(a), len(Kinds))
	}
}
