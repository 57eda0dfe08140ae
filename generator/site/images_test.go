package site

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocop-vn/ocop"
)

// photoSite writes a one-producer site whose products hold the given
// photos (product slug → file name → bytes).
func photoSite(t *testing.T, photos map[string]map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name, text string) {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: Ảnh\nimages: {quality: 75, widths: [640, 160, 320]}\n")
	write("content/producers/p.yaml", "name: HTX P\n")
	for slug, files := range photos {
		write("products/"+slug+"/product.yaml", "name: Sản phẩm "+slug+"\nproducer: p\n")
		for name, data := range files {
			write("products/"+slug+"/images/"+name, string(data))
		}
	}
	return dir
}

func testJPEG(t *testing.T, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), uint8(x ^ y), 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// rotated adds an EXIF block saying the picture is stored turned (6: show
// it turned 90° clockwise).
func rotated(data []byte) []byte {
	seg := []byte("Exif\x00\x00MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x00\x00\x00\x00")
	app1 := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(seg)+2))
	return append(append(append([]byte{0xFF, 0xD8}, app1...), seg...), data[2:]...)
}

func TestImagesCachedAndOriented(t *testing.T) {
	dir := photoSite(t, map[string]map[string][]byte{
		"a": {"01.jpg": testJPEG(t, 500, 300), "02.jpg": rotated(testJPEG(t, 400, 300))},
		"b": {"01.jpg": testJPEG(t, 200, 100)},
	})
	cache := filepath.Join(t.TempDir(), "cache")
	opts := Options{Theme: ocop.Theme, Now: exampleNow, ImageCache: cache}
	out1, out2 := filepath.Join(t.TempDir(), "o1"), filepath.Join(t.TempDir(), "o2")
	res, l := Build(dir, out1, opts)
	if l.Len() > 0 {
		t.Fatal(l.Err())
	}
	// a/01: 160, 320 and its own 500; a/02 (300 wide upright): 160 and 300;
	// b/01: 160 and its own 200 (copied). Widths were sorted.
	if st := res.Images; st.Decoded != 3 || st.Encoded != 5 || st.Copied != 2 || st.CacheHits != 0 {
		t.Errorf("cold build: %+v", st)
	}
	res, l = Build(dir, out2, opts)
	if l.Len() > 0 {
		t.Fatal(l.Err())
	}
	if st := res.Images; st.Decoded != 0 || st.Encoded != 0 || st.CacheHits != 5 {
		t.Errorf("rebuild with unchanged photos did image work: %+v", st)
	}
	for _, f := range []string{"a/anh/01-160.jpg", "a/anh/01-320.jpg", "a/anh/01-500.jpg", "a/anh/02-300.jpg", "b/anh/01-200.jpg", "a/anh/01.jpg"} {
		one, err1 := os.ReadFile(filepath.Join(out1, "san-pham", f))
		two, err2 := os.ReadFile(filepath.Join(out2, "san-pham", f))
		if err1 != nil || err2 != nil || !bytes.Equal(one, two) {
			t.Errorf("%s: missing or different between builds (%v, %v)", f, err1, err2)
		}
	}
	if _, err := os.Stat(filepath.Join(out1, "san-pham/a/anh/01-640.jpg")); err == nil {
		t.Error("a 500-pixel photo was upscaled to 640")
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(must(os.ReadFile(filepath.Join(out1, "san-pham/a/anh/02-300.jpg")))))
	if err != nil || cfg.Width != 300 || cfg.Height != 400 {
		t.Errorf("turned photo published as %dx%d (%v), want 300x400", cfg.Width, cfg.Height, err)
	}
	page := string(must(os.ReadFile(filepath.Join(out1, "san-pham/a/index.html"))))
	for _, want := range []string{
		`<img class="photo-main" src="../../san-pham/a/anh/01-500.jpg" srcset="../../san-pham/a/anh/01-160.jpg 160w, ../../san-pham/a/anh/01-320.jpg 320w, ../../san-pham/a/anh/01-500.jpg 500w" sizes="(max-width: 72rem) calc(100vw - 2rem), 70rem" width="500" height="300" alt="Sản phẩm a" fetchpriority="high">`,
		`<img src="../../san-pham/a/anh/02-300.jpg" srcset="../../san-pham/a/anh/02-160.jpg 160w, ../../san-pham/a/anh/02-300.jpg 300w" sizes="10rem" width="300" height="400" alt="Ảnh khác của Sản phẩm a" loading="lazy">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("product page lacks %s", want)
		}
	}
	// A photo removed from the site: its entries are pruned.
	if err := os.Remove(filepath.Join(dir, "products/b/images/01.jpg")); err != nil {
		t.Fatal(err)
	}
	if _, l := Check(dir, opts); l.Len() > 0 {
		t.Fatal(l.Err())
	}
	if n := cacheFiles(t, cache); n != 4 {
		t.Errorf("cache holds %d photos after b's was removed, want 4", n)
	}
}

func cacheFiles(t *testing.T, dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".jpg") {
			n++
		}
		return nil
	})
	return n
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestCorruptPhotoIsAProblem(t *testing.T) {
	good := testJPEG(t, 400, 300)
	dir := photoSite(t, map[string]map[string][]byte{
		"a": {"01.jpg": good},
		"b": {"01.jpg": good[:len(good)/3]}, // header intact: only decoding finds out
	})
	out := filepath.Join(t.TempDir(), "out")
	_, l := Build(dir, out, Options{Theme: ocop.Theme, Now: exampleNow, ImageCache: t.TempDir()})
	ps := l.Problems()
	if l.Len() != 1 || ps[0].Pos.File != "products/b/images/01.jpg" || !strings.Contains(ps[0].Msg, "cannot be published") {
		t.Fatalf("want one problem naming products/b/images/01.jpg, got %v", l.Err())
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed build wrote the output folder")
	}
}
