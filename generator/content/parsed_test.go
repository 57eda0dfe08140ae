package content

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/rubric"
)

// memProducts is a ProductCache in memory, as the site package keeps one
// on disk.
type memProducts struct {
	mu      sync.Mutex
	folders map[string]ParsedProduct
	hits    int
	started *rubric.Registry
}

func (m *memProducts) Start(reg *rubric.Registry) { m.started = reg }

func (m *memProducts) Product(dir string) (ParsedProduct, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	pp, ok := m.folders[dir]
	if ok {
		m.hits++
		pp.Product = CopyProduct(pp.Product)
	}
	return pp, ok
}

func (m *memProducts) Parsed(dir string, pp ParsedProduct) {
	m.mu.Lock()
	defer m.mu.Unlock()
	pp.Product = CopyProduct(pp.Product) // linking is about to write to it
	m.folders[dir] = pp
}

// TestParsedProductsEqualParsing loads the example site, keeps its product
// folders, writes and reads them back, and loads again from them: the
// catalogue and the problems must be those of parsing.
func TestParsedProductsEqualParsing(t *testing.T) {
	site := osDirFS(t, "../..")
	opts := Options{Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)}
	first := &memProducts{folders: map[string]ParsedProduct{}}
	opts.Products = first
	c1, l1 := Load(site, opts)
	if first.started != c1.Rubrics {
		t.Fatal("Start was not given the load's criteria sets")
	}
	if len(first.folders) == 0 || first.hits != 0 {
		t.Fatalf("first load: %d folders kept, %d taken from the cache", len(first.folders), first.hits)
	}
	var dirs []string
	for dir := range first.folders {
		dirs = append(dirs, dir)
	}
	slices.Sort(dirs)
	var buf bytes.Buffer
	if err := EncodeParsed(&buf, dirs, first.folders); err != nil {
		t.Fatal(err)
	}

	// The folders are decoded against the second load's criteria sets.
	second := &memProducts{}
	opts.Products = &decodingProducts{memProducts: second, data: buf.Bytes(), t: t}
	c2, l2 := Load(site, opts)
	if second.hits != len(dirs) {
		t.Errorf("second load took %d of %d folders from the cache", second.hits, len(dirs))
	}
	for _, p := range c2.Products {
		for _, e := range p.Evaluations {
			if s, ok := c2.Rubrics.Get(e.Rubric); ok && e.Set != s {
				t.Errorf("%s: evaluation's criteria set is not the load's own", e.File)
			}
		}
	}
	// Gob leaves empty slices and maps nil; nothing reads them differently.
	emptyAsNil(reflect.ValueOf(c1.Products), map[uintptr]bool{})
	emptyAsNil(reflect.ValueOf(c2.Products), map[uintptr]bool{})
	if !reflect.DeepEqual(c1.Products, c2.Products) {
		for i := range c1.Products {
			if !reflect.DeepEqual(c1.Products[i], c2.Products[i]) {
				t.Errorf("product %s differs when taken from the cache:\n%+v\n%+v", c1.Products[i].Slug, *c1.Products[i], *c2.Products[i])
				break
			}
		}
	}
	if got, want := l2.Problems(), l1.Problems(); !reflect.DeepEqual(got, want) {
		t.Errorf("problems from the cache:\n%v\nwant\n%v", got, want)
	}
}

// decodingProducts decodes the kept folders when the load starts, as the
// site package does.
type decodingProducts struct {
	*memProducts
	data []byte
	t    *testing.T
}

func (d *decodingProducts) Start(reg *rubric.Registry) {
	folders, err := DecodeParsed(bytes.NewReader(d.data), reg)
	if err != nil {
		d.t.Fatal(err)
	}
	d.folders = folders
}

func TestDecodeParsedCorrupt(t *testing.T) {
	c, _ := Load(osDirFS(t, "../.."), Options{Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
	folders := map[string]ParsedProduct{}
	var dirs []string
	for _, p := range c.Products {
		folders[p.Dir] = ParsedProduct{Product: p}
		dirs = append(dirs, p.Dir)
	}
	var buf bytes.Buffer
	if err := EncodeParsed(&buf, dirs, folders); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	for _, n := range []int{0, 1, 10, len(data) / 2, len(data) - 1} {
		if _, err := DecodeParsed(bytes.NewReader(data[:n]), c.Rubrics); err == nil {
			t.Errorf("%d of %d bytes decoded without an error", n, len(data))
		}
	}
	// A set the registry does not have: the folder is left out, to be parsed.
	got, err := DecodeParsed(bytes.NewReader(data), &rubric.Registry{})
	if err != nil {
		t.Fatal(err)
	}
	for dir, pp := range got {
		if len(pp.Product.Evaluations) > 0 {
			t.Errorf("%s decoded although its criteria set is unknown", dir)
		}
	}
}

// emptyAsNil sets every empty slice and map reachable from v to nil.
func emptyAsNil(v reflect.Value, seen map[uintptr]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		emptyAsNil(v.Elem(), seen)
	case reflect.Struct:
		for i := range v.NumField() {
			emptyAsNil(v.Field(i), seen)
		}
	case reflect.Slice, reflect.Map:
		if v.Len() == 0 {
			if v.CanSet() {
				v.SetZero()
			} else if v.CanAddr() { // an unexported field
				reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem().SetZero()
			}
			return
		}
		if v.Kind() == reflect.Slice {
			for i := range v.Len() {
				emptyAsNil(v.Index(i), seen)
			}
		}
	}
}

// TestDecodeParsedMutated: a damaged cache file is an error or a smaller
// set of folders, never a panic. (Seeded mutations rather than a fuzz
// target: the file is ocop's own, not written by staff, and gob's
// reflection made go test -fuzz crawl at a few inputs a minute.)
func TestDecodeParsedMutated(t *testing.T) {
	c, _ := Load(osDirFS(t, "../.."), Options{Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
	folders := map[string]ParsedProduct{}
	var dirs []string
	for _, p := range c.Products {
		folders[p.Dir] = ParsedProduct{Product: p, Problems: []diag.Problem{{Pos: diag.Pos{File: p.File, Line: 1, Col: 1}, Msg: "x"}}}
		dirs = append(dirs, p.Dir)
	}
	var buf bytes.Buffer
	if err := EncodeParsed(&buf, dirs, folders); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		d := append([]byte(nil), data...)
		for range 1 + r.IntN(4) {
			d[r.IntN(len(d))] = byte(r.IntN(256))
		}
		DecodeParsed(bytes.NewReader(d), c.Rubrics)
	}
}
