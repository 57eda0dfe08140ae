package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/rubric"
	"github.com/ocop-vn/ocop/generator/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

// copySite copies the example site's files (not its output) into a
// temporary folder.
func copySite(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	for _, name := range []string{"site.yaml", "products", "content"} {
		src := filepath.Join("../..", name)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel("../..", p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// runOcop runs the command in-process and returns its exit code and output.
func runOcop(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// edit replaces old with new in the site file name, which must hold old.
func edit(t *testing.T, dir, name, old, new string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not contain %q:\n%s", name, old, b)
	}
	if err := os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

var placeholderRE = regexp.MustCompile(`(?m)^(\s+"([^"]+)": )__`)

// score fills every placeholder of a scaffolded sheet with the highest
// points the form allows, as a council member would fill the sheet.
func score(t *testing.T, dir, name string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var head struct{ Rubric, Form string }
	if err := yaml.Unmarshal(b, &head); err != nil {
		t.Fatal(err)
	}
	var l diag.List
	set, ok := rubric.Load(os.DirFS(dir), &l).Get(head.Rubric)
	if !ok {
		t.Fatalf("%s: no set %q", name, head.Rubric)
	}
	form, _ := set.FormFor(head.Form)
	best := map[string]float64{}
	for _, part := range form.Parts {
		best[part.ID] = part.Maximum()
		for _, sec := range part.Sections {
			best[sec.ID] = sec.Maximum()
			for _, c := range sec.Criteria {
				best[c.ID] = c.Maximum()
				if a := c.Allowed(); len(a) > 0 {
					best[c.ID] = a[len(a)-1]
				}
			}
		}
	}
	n := 0
	b = placeholderRE.ReplaceAllFunc(b, func(m []byte) []byte {
		sub := placeholderRE.FindSubmatch(m)
		pts, ok := best[string(sub[2])]
		if !ok {
			t.Errorf("%s: %q is not in form %s", name, sub[2], head.Form)
		}
		n++
		return append(sub[1], strconv.FormatFloat(pts, 'f', -1, 64)...)
	})
	if n == 0 {
		t.Fatalf("%s: no placeholder to fill:\n%s", name, b)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// created returns the paths `ocop new` printed as created.
func created(out string) []string {
	var paths []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "  ") {
			paths = append(paths, strings.TrimSpace(line))
		}
	}
	return paths
}

// TestNewThenCheck scaffolds one file of each kind into a copy of the
// example site, fills in what the command says is left, and expects
// `ocop check` to pass and every new YAML file to be valid for its schema.
func TestNewThenCheck(t *testing.T) {
	dir := copySite(t)
	if code, _, errOut := runOcop(t, "schema", "-s", dir); code != 0 {
		t.Fatalf("ocop schema: %d\n%s", code, errOut)
	}
	var files []string
	step := func(wantFill string, args ...string) {
		t.Helper()
		code, out, errOut := runOcop(t, append(append([]string{"new"}, args...), "-s", dir, "--now", "2026-11-30")...)
		if code != 0 {
			t.Fatalf("ocop new %q: exit %d\n%s%s", args, code, out, errOut)
		}
		if !strings.Contains(out, wantFill) {
			t.Errorf("ocop new %q: output lacks %q:\n%s", args, wantFill, out)
		}
		if strings.Contains(out, "schemas/") {
			t.Errorf("ocop new %q: asks for schemas that exist:\n%s", args, out)
		}
		for _, p := range created(out) {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, filepath.ToSlash(rel))
		}
	}

	step("Cần điền: producer", "product", "Bánh gai Tứ Trụ")
	step("Cần điền: producer", "product", "Nem chua Thọ Xuân", "--in", "thanh-hoa/tho-xuan")
	step("Các khóa bắt buộc đã có giá trị", "producer", "HTX Bánh gai Tứ Trụ")
	step("Các khóa bắt buộc đã có giá trị", "sales-point", "Cửa hàng OCOP Thọ Xuân")
	step("Các khóa bắt buộc đã có giá trị", "news", "Bánh gai Tứ Trụ đạt OCOP 4 sao")

	edit(t, dir, "products/banh-gai-tu-tru/product.yaml", "\nproducer:\n", "\nproducer: htx-banh-gai-tu-tru\n")
	edit(t, dir, "products/banh-gai-tu-tru/product.yaml", "\ngroup:\n", "\ngroup: thuc-pham\n")
	edit(t, dir, "products/banh-gai-tu-tru/product.yaml", "\nsold_at: []\n", "\nsold_at: [cua-hang-ocop-tho-xuan]\n")
	edit(t, dir, "products/thanh-hoa/tho-xuan/nem-chua-tho-xuan/product.yaml", "\nproducer:\n", "\nproducer: htx-banh-gai-tu-tru\n")
	edit(t, dir, "content/sales-points/cua-hang-ocop-tho-xuan.yaml", "# geo:\n#   lat:", "geo:\n  lat: 19.9\n#")
	edit(t, dir, "content/sales-points/cua-hang-ocop-tho-xuan.yaml", "\n#   lng:", "\n  lng: 105.4 #")
	edit(t, dir, "content/news/2026-11-30-banh-gai-tu-tru-dat-ocop-4-sao.md", "\nproducts: []\n", "\nproducts: [banh-gai-tu-tru]\n")

	// Score sheets: a new product (the site's default set, scored by
	// part), a nested one, and one whose last round used a form with
	// criteria.
	step("Cần điền: council, sheets", "score", "banh-gai-tu-tru", "--level", "tinh", "--date", "2026-10-01")
	step("Cần điền: council, sheets", "score", "nem-chua-tho-xuan", "--level", "tinh")
	step("Cần điền: council, sheets", "score", "che-sach-binh-son", "--level", "tinh", "--date", "2026-10-02")
	// A sheet left blank cannot pass: each criterion is a problem.
	code, _, errOut := runOcop(t, "check", "-s", dir, "--now", "2026-11-30", "--lang", "en")
	if code != 1 || !strings.Contains(errOut, "products/che-sach-binh-son/scores/2026-10-02-tinh.yaml:") || !strings.Contains(errOut, "expected a number, found `__`") {
		t.Errorf("ocop check of blank sheets: exit %d\n%s", code, errOut)
	}
	for _, f := range files {
		if strings.Contains(f, "/scores/") && strings.HasSuffix(f, ".yaml") {
			score(t, dir, f)
		}
	}
	if !contains(files, "products/thanh-hoa/tho-xuan/nem-chua-tho-xuan/scores/2026-11-30-tinh.yaml") {
		t.Errorf("the nested product's sheet is not dated --now: %q", files)
	}

	if code, out, errOut := runOcop(t, "check", "-s", dir, "--now", "2026-11-30"); code != 0 {
		t.Fatalf("ocop check after filling in: exit %d\n%s%s", code, out, errOut)
	}

	// Every new YAML file names its schema, relative to itself, and is
	// valid for it.
	c := jsonschema.NewCompiler()
	yamlFiles := 0
	for _, f := range files {
		if !strings.HasSuffix(f, ".yaml") {
			continue
		}
		yamlFiles++
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(b), "\n")
		ref, ok := strings.CutPrefix(first, "# yaml-language-server: $schema=")
		if !ok {
			t.Errorf("%s does not start with a yaml-language-server line: %q", f, first)
			continue
		}
		k, _ := schema.KindFor(f)
		if want := path.Join(path.Dir(f), ref); want != "schemas/"+k.Name+".json" {
			t.Errorf("%s: $schema=%s resolves to %s, want schemas/%s.json", f, ref, want, k.Name)
		}
		sch, err := c.Compile(filepath.Join(dir, "schemas", k.Name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(yamlValue(t, b)); err != nil {
			t.Errorf("%s is not valid for its schema: %v", f, err)
		}
	}
	if yamlFiles != 7 {
		t.Errorf("%d YAML files made, want 7: %q", yamlFiles, files)
	}

	// The product file lists every key the loader reads.
	b, _ := os.ReadFile(filepath.Join(dir, "products/banh-gai-tu-tru/product.yaml"))
	for _, f := range schema.Fields(schemaType("product")) {
		if !regexp.MustCompile(`(?m)^` + f.Key + `:`).Match(b) {
			t.Errorf("product.yaml lacks key %s", f.Key)
		}
	}
	for _, want := range []string{"products/banh-gai-tu-tru/story.md", "products/banh-gai-tu-tru/images/.gitkeep", "products/banh-gai-tu-tru/scores/.gitkeep"} {
		if !contains(files, want) {
			t.Errorf("%s not created: %q", want, files)
		}
	}
}

func schemaType(kind string) reflect.Type {
	k, _ := schema.KindOf(kind)
	return k.Type
}

// yamlValue is the JSON value of a YAML document, as an editor sees it.
func yamlValue(t *testing.T, src []byte) any {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(src, &n); err != nil {
		t.Fatal(err)
	}
	var conv func(n *yaml.Node) any
	conv = func(n *yaml.Node) any {
		switch n.Kind {
		case yaml.DocumentNode:
			return conv(n.Content[0])
		case yaml.AliasNode:
			return conv(n.Alias)
		case yaml.MappingNode:
			m := map[string]any{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				m[n.Content[i].Value] = conv(n.Content[i+1])
			}
			return m
		case yaml.SequenceNode:
			l := []any{}
			for _, c := range n.Content {
				l = append(l, conv(c))
			}
			return l
		}
		var v any
		switch n.Tag {
		case "!!null":
			return nil
		case "!!int", "!!float", "!!bool":
			if err := n.Decode(&v); err != nil {
				t.Fatal(err)
			}
			return v
		}
		return n.Value
	}
	b, err := json.Marshal(conv(&n))
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestNewNeverOverwrites checks that a name already taken is refused with
// exit code 1 and that nothing is written.
func TestNewNeverOverwrites(t *testing.T) {
	dir := copySite(t)
	read := func(name string) string {
		b, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		return string(b)
	}
	before := read("products/che-xanh-sach-binh-son/product.yaml")
	code, out, errOut := runOcop(t, "new", "product", "Chè xanh sạch Bình Sơn", "-s", dir)
	if code != 1 || !strings.Contains(errOut, "products/che-xanh-sach-binh-son đã có; không ghi gì") {
		t.Errorf("new product over an existing one: exit %d\n%s%s", code, out, errOut)
	}
	if read("products/che-xanh-sach-binh-son/product.yaml") != before {
		t.Error("the existing product.yaml was changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "products/che-xanh-sach-binh-son/scores/.gitkeep")); err == nil {
		t.Error("scores/ was added to an existing product")
	}

	// A product slug is unique at any depth.
	code, _, errOut = runOcop(t, "new", "product", "Chè sạch Bình Sơn", "--in", "thanh-hoa", "-s", dir, "--lang", "en")
	if code != 1 || !strings.Contains(errOut, "product slug che-sach-binh-son is taken by products/che-sach-binh-son") {
		t.Errorf("new product with a taken slug in another folder: exit %d\n%s", code, errOut)
	}

	for _, args := range [][]string{
		{"producer", "HTX A"},
		{"sales-point", "Điểm B"},
		{"news", "Tin C", "--now", "2026-11-30"},
		{"score", "che-sach-binh-son", "--level", "tinh", "--date", "2026-10-02"},
	} {
		code, out, errOut := runOcop(t, append([]string{"new", "-s", dir}, args...)...)
		if code != 0 {
			t.Fatalf("first ocop new %q: exit %d\n%s", args, code, errOut)
		}
		file := created(out)[0] // printed under the -s folder
		if err := os.WriteFile(file, []byte("edited by staff\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errOut = runOcop(t, append([]string{"new", "-s", dir}, args...)...)
		if code != 1 || !strings.Contains(errOut, "đã có; không ghi gì") {
			t.Errorf("second ocop new %q: exit %d, want 1\n%s", args, code, errOut)
		}
		if b, _ := os.ReadFile(file); string(b) != "edited by staff\n" {
			t.Errorf("second ocop new %q replaced %s", args, file)
		}
	}

	// A news slug is unique whatever the date.
	code, _, errOut = runOcop(t, "new", "news", "Tin C", "-s", dir, "--now", "2026-12-01")
	if code != 1 || !strings.Contains(errOut, "mã bài tin tin-c đã dùng") {
		t.Errorf("news with a taken slug: exit %d\n%s", code, errOut)
	}
}

func TestNewUsage(t *testing.T) {
	dir := copySite(t)
	before := listing(t, dir)
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"new"}, 2, "usage: ocop new"},
		{[]string{"new", "san-pham", "X"}, 2, `unknown kind "san-pham"`},
		{[]string{"new", "product"}, 2, "usage: ocop new"},
		{[]string{"new", "product", "Chè", "xanh"}, 2, "put the name in quotes"},
		{[]string{"new", "product", "X", "--level", "tinh"}, 2, "--level is for: score"},
		{[]string{"new", "score", "che-sach-binh-son"}, 2, "--level"},
		{[]string{"new", "score", "che-sach-binh-son", "--level", "tinh-thanh"}, 2, `"tinh-thanh"`},
		{[]string{"new", "score", "khong-co", "--level", "tinh"}, 1, "khong-co"},
		{[]string{"new", "score", "che-sach-binh-son", "--level", "tinh", "--date", "02/10/2026"}, 2, "YYYY-MM-DD"},
		{[]string{"new", "score", "che-sach-binh-son", "--level", "tinh", "--rubric", "qd9"}, 2, `"qd9"`},
		{[]string{"new", "product", "!!!"}, 2, "--slug"},
		{[]string{"new", "product", "X", "--slug", "Chè"}, 2, "che"},
		{[]string{"new", "product", "X", "--in", "../x"}, 2, "--in"},
	}
	for _, tt := range tests {
		code, _, errOut := runOcop(t, append(tt.args, "-s", dir)...)
		if code != tt.code || !strings.Contains(errOut, tt.stderr) {
			t.Errorf("ocop %q: exit %d, stderr %q; want %d and %q", tt.args, code, errOut, tt.code, tt.stderr)
		}
	}
	code, _, errOut := runOcop(t, "new", "product", "X", "-s", t.TempDir())
	if code != 2 || !strings.Contains(errOut, "not a site folder") {
		t.Errorf("ocop new outside a site: exit %d, stderr %q", code, errOut)
	}
	// None of them wrote anything.
	if after := listing(t, dir); after != before {
		t.Errorf("failed commands changed the site:\nbefore: %s\nafter:  %s", before, after)
	}
}

// listing names every file and folder under dir.
func listing(t *testing.T, dir string) string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		names = append(names, p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(names, " ")
}
