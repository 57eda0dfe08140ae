package scaffold

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/schema"
	"github.com/ocop-vn/ocop/generator/yamlx"
)

func site() fstest.MapFS {
	return fstest.MapFS{
		"site.yaml":                               {Data: []byte("title: T\nrubric: qd1048-2019\n")},
		"content/producers/b.yaml":                {Data: []byte("name: B\n")},
		"content/news/2024-01-02-tin-cu.md":       {Data: []byte("---\ntitle: Tin cũ\n---\n")},
		"products/ha-noi/che-a/product.yaml":      {Data: []byte("name: Chè A\nproducer: b\ngroup: thuc-pham\nsubgroup: che-tuoi-che-bien\n")},
		"products/ha-noi/che-a/scores/.gitkeep":   {},
		"products/ha-noi/che-a/images/product.md": {Data: []byte("not a product")},
		"schemas/product.json":                    {Data: []byte("{}")},
	}
}

var now = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

// decode reads a scaffolded YAML document into v as the loader would and
// returns the problems.
func decode(t *testing.T, name string, src []byte, v any) []string {
	t.Helper()
	var l diag.List
	n := yamlx.Parse(name, src, &l)
	if n != nil {
		yamlx.Decode(name, n, v, &l)
	}
	var out []string
	for _, p := range l.Problems() {
		out = append(out, p.Msg)
	}
	return out
}

func TestProduct(t *testing.T) {
	r, err := Product(site(), "Chè xanh: sạch # Bình Sơn", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range r.Files {
		paths = append(paths, f.Path)
	}
	want := []string{
		"products/che-xanh-sach-binh-son/product.yaml",
		"products/che-xanh-sach-binh-son/story.md",
		"products/che-xanh-sach-binh-son/images/.gitkeep",
		"products/che-xanh-sach-binh-son/scores/.gitkeep",
	}
	if !slices.Equal(paths, want) {
		t.Errorf("files %q, want %q", paths, want)
	}
	src := string(r.Files[0].Data)
	if first := strings.SplitN(src, "\n", 2)[0]; first != "# yaml-language-server: $schema=../../schemas/product.json" {
		t.Errorf("first line %q", first)
	}
	var p content.Product
	// The only problem of a fresh product file is the producer to fill.
	if problems := decode(t, r.Main, r.Files[0].Data, &p); !slices.Equal(problems, []string{"missing required key `producer`"}) {
		t.Errorf("problems %q", problems)
	}
	if p.Name != "Chè xanh: sạch # Bình Sơn" {
		t.Errorf("name %q: not quoted as YAML needs", p.Name)
	}
	if !slices.Equal(r.Fill, []string{"producer"}) {
		t.Errorf("Fill = %q", r.Fill)
	}
	if len(r.Notes) != 0 {
		t.Errorf("notes %q, but schemas/product.json exists", r.Notes)
	}
	for _, f := range schema.Fields(reflect.TypeFor[content.Product]()) {
		if !strings.Contains(src, "\n"+f.Key+":") {
			t.Errorf("product.yaml lacks %s", f.Key)
		}
	}
	// Groups of the site's default set are listed.
	if !strings.Contains(src, "#   thao-duoc = Thảo dược") || !strings.Contains(src, "che-tuoi-che-bien") {
		t.Errorf("groups of qd1048-2019 not listed:\n%s", src)
	}

	r, err = Product(site(), "Chè B", Options{In: "ha-noi/soc-son"})
	if err != nil || r.Main != "products/ha-noi/soc-son/che-b/product.yaml" {
		t.Fatalf("--in: %v %v", r, err)
	}
	if !strings.HasPrefix(string(r.Files[0].Data), "# yaml-language-server: $schema=../../../../schemas/product.json\n") {
		t.Errorf("nested modeline: %q", strings.SplitN(string(r.Files[0].Data), "\n", 2)[0])
	}
}

func TestProductRefused(t *testing.T) {
	tests := []struct {
		name   string
		o      Options
		exists bool
		msg    string
	}{
		{"Chè A", Options{}, true, "product slug che-a is taken by products/ha-noi/che-a"},
		{"Chè A", Options{In: "ha-noi"}, true, "products/ha-noi/che-a exists already"},
		{"Chè C", Options{In: "ha-noi/che-a"}, false, "is a product folder"},
		{"Chè C", Options{In: "../x"}, false, "must be a slug"},
		{"   ", Options{}, false, "empty"},
		{"???", Options{}, false, "--slug"},
		{"Chè C", Options{Slug: "Chè-C"}, false, "not a slug"},
		{"Chè\nC", Options{}, false, "one line"},
	}
	for _, tt := range tests {
		_, err := Product(site(), tt.name, tt.o)
		var e *Error
		if !errors.As(err, &e) || e.Exists != tt.exists || e.Usage == tt.exists || !strings.Contains(e.EN, tt.msg) || e.VI == "" {
			t.Errorf("Product(%q, %+v) = %v, want exists=%v %q", tt.name, tt.o, err, tt.exists, tt.msg)
		}
	}
}

func TestRecords(t *testing.T) {
	r, err := Producer(site(), "HTX Chè Bình Sơn", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var p content.Producer
	if problems := decode(t, r.Main, r.Files[0].Data, &p); len(problems) > 0 || p.Name != "HTX Chè Bình Sơn" || len(r.Fill) > 0 {
		t.Errorf("producer: %q %+v fill %q", problems, p, r.Fill)
	}
	if r.Main != "content/producers/htx-che-binh-son.yaml" || !strings.HasPrefix(string(r.Files[0].Data), "# yaml-language-server: $schema=../../schemas/producer.json\n") {
		t.Errorf("producer file %s:\n%s", r.Main, r.Files[0].Data)
	}
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0].VI, "ocop schema") {
		t.Errorf("no note about the missing schema: %q", r.Notes)
	}
	if _, err := Producer(site(), "B", Options{}); err == nil || !err.(*Error).Exists {
		t.Errorf("producer b exists, got %v", err)
	}

	r, err = SalesPoint(site(), "Điểm bán Đồng Lợi", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var s content.SalesPoint
	if problems := decode(t, r.Main, r.Files[0].Data, &s); len(problems) > 0 || s.Geo != nil || r.Main != "content/sales-points/diem-ban-dong-loi.yaml" {
		t.Errorf("sales point %s: %q %+v", r.Main, problems, s)
	}
	// geo is written commented out: lat and lng are required within it.
	if !strings.Contains(string(r.Files[0].Data), "\n# geo:\n#   lat:") {
		t.Errorf("geo block:\n%s", r.Files[0].Data)
	}
}

func TestNews(t *testing.T) {
	r, err := News(site(), "Chè A đạt 4 sao", Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if r.Main != "content/news/2026-11-30-che-a-dat-4-sao.md" {
		t.Errorf("news file %s", r.Main)
	}
	src := string(r.Files[0].Data)
	fm, _, ok := strings.Cut(strings.TrimPrefix(src, "---\n"), "\n---\n")
	if !strings.HasPrefix(src, "---\n") || !ok {
		t.Fatalf("no front matter:\n%s", src)
	}
	var n content.News
	if problems := decode(t, r.Main, []byte(fm), &n); len(problems) > 0 || n.Title != "Chè A đạt 4 sao" || n.Date.String() != "2026-11-30" {
		t.Errorf("news: %q %+v", problems, n)
	}
	if !strings.Contains(fm, "\ndate: 2026-11-30\n") {
		t.Errorf("date not written bare:\n%s", fm)
	}
	_, err = News(site(), "Tin cũ", Options{Now: now})
	if err == nil || !err.(*Error).Exists || !strings.Contains(err.Error(), "content/news/2024-01-02-tin-cu.md") {
		t.Errorf("news slug taken: %v", err)
	}
}

func TestScore(t *testing.T) {
	r, err := Score(site(), "che-a", Options{Level: "tinh", Date: time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if r.Main != "products/ha-noi/che-a/scores/2026-10-02-tinh.yaml" {
		t.Errorf("score file %s", r.Main)
	}
	src := r.Files[0].Data
	if !strings.HasPrefix(string(src), "# yaml-language-server: $schema=../../../../schemas/score.json\n") {
		t.Errorf("modeline: %q", strings.SplitN(string(src), "\n", 2)[0])
	}
	// Every criterion of the form is on the sheet, with a placeholder
	// that is not a number, so a sheet left blank fails `ocop check`.
	var ev content.Evaluation
	problems := decode(t, r.Main, src, &ev)
	if len(problems) != 31 {
		t.Errorf("%d problems, want one for each of the 31 criteria of che-tuoi-che-bien: %q", len(problems), problems)
	}
	for _, p := range problems {
		if !strings.HasSuffix(p, "expected a number, found `__`") {
			t.Errorf("problem %q", p)
		}
	}
	filled := regexp.MustCompile(`": __`).ReplaceAll(src, []byte(`": 1`))
	ev = content.Evaluation{}
	if problems := decode(t, r.Main, filled, &ev); len(problems) > 0 {
		t.Errorf("filled sheet: %q", problems)
	}
	if ev.Rubric != "qd1048-2019" || ev.Form != "che-tuoi-che-bien" || ev.Level != "tinh" || ev.Date.String() != "2026-10-02" {
		t.Errorf("head %+v", ev)
	}
	if len(ev.Sheets) != 1 || len(ev.Sheets[0]) != 31 {
		t.Errorf("%d sheets, %d criteria; want 1 sheet of the 31 criteria of che-tuoi-che-bien", len(ev.Sheets), len(ev.Sheets[0]))
	}
	// The newer national set is pointed out.
	if !slices.ContainsFunc(r.Notes, func(m Msg) bool { return strings.Contains(m.EN, "--rubric qd148-2023") }) {
		t.Errorf("notes %q", r.Notes)
	}

	// Without --date, the sheet is dated today; another set by --rubric.
	r, err = Score(site(), "che-a", Options{Level: "huyen", Now: now, Rubric: "qd148-2023"})
	if err != nil {
		t.Fatal(err)
	}
	ev = content.Evaluation{}
	decode(t, r.Main, r.Files[0].Data, &ev)
	if r.Main != "products/ha-noi/che-a/scores/2026-11-30-huyen.yaml" || ev.Rubric != "qd148-2023" {
		t.Errorf("%s %+v", r.Main, ev)
	}

	for _, o := range []Options{{}, {Level: "tinh-thanh"}, {Level: "tinh", Rubric: "x"}, {Level: "tinh", Form: "x"}} {
		if _, err := Score(site(), "che-a", o); err == nil || !err.(*Error).Usage {
			t.Errorf("Score(%+v) = %v, want a usage error", o, err)
		}
	}
	if _, err := Score(site(), "che-b", Options{Level: "tinh"}); err == nil || err.(*Error).Usage || err.(*Error).Exists {
		t.Errorf("unknown product: %v", err)
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	r := &Result{Files: []File{{"a/b/c.yaml", []byte("x: 1\n")}, {"a/b/d/.gitkeep", nil}}}
	if err := Write(dir, r); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a/b/c.yaml")); string(b) != "x: 1\n" {
		t.Errorf("c.yaml = %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "a/b/d/.gitkeep")); err != nil {
		t.Error(err)
	}
	// Nothing is written when any file exists, and nothing is replaced.
	os.WriteFile(filepath.Join(dir, "a/b/c.yaml"), []byte("edited\n"), 0o644)
	r2 := &Result{Files: []File{{"a/e/new.yaml", []byte("y\n")}, {"a/b/c.yaml", []byte("x: 2\n")}}}
	err := Write(dir, r2)
	var e *Error
	if !errors.As(err, &e) || !e.Exists {
		t.Fatalf("Write over an existing file: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a/b/c.yaml")); string(b) != "edited\n" {
		t.Errorf("c.yaml replaced: %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, "a/e")); err == nil {
		t.Error("a/e was created although the write was refused")
	}
	// A path leaving the site folder is refused by the root.
	if err := Write(dir, &Result{Files: []File{{"../out.yaml", nil}}}); err == nil {
		t.Error("Write outside the folder succeeded")
	}
}

func TestModeline(t *testing.T) {
	tests := map[string]string{
		"site.yaml":                   "schemas/site.json",
		"content/producers/b.yaml":    "../../schemas/site.json",
		"products/a/scores/x.yaml":    "../../../schemas/site.json",
		"products/x/y/a/product.yaml": "../../../../schemas/site.json",
	}
	for file, want := range tests {
		if got := modeline(file, "site"); got != "# yaml-language-server: $schema="+want+"\n" {
			t.Errorf("modeline(%q) = %q, want %s", file, got, want)
		}
	}
}
