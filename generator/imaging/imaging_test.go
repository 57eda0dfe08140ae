package imaging

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

func TestVariants(t *testing.T) {
	widths := []int{320, 640, 1280}
	tests := []struct {
		name string
		w, h int
		want []Variant
	}{
		{"a.jpg", 4000, 3000, []Variant{{"a-320.jpg", 320, 240}, {"a-640.jpg", 640, 480}, {"a-1280.jpg", 1280, 960}}},
		{"a.jpg", 1280, 720, []Variant{{"a-320.jpg", 320, 180}, {"a-640.jpg", 640, 360}, {"a-1280.jpg", 1280, 720}}},
		// narrower than the largest width: the photo at its own size is the largest
		{"b.JPEG", 1000, 1500, []Variant{{"b-320.jpg", 320, 480}, {"b-640.jpg", 640, 960}, {"b-1000.jpg", 1000, 1500}}},
		{"c.jpg", 640, 480, []Variant{{"c-320.jpg", 320, 240}, {"c-640.jpg", 640, 480}}},
		// smaller than every width: never upscaled
		{"d.png", 200, 100, []Variant{{"d-png-200.jpg", 200, 100}}},
		{"e.jpg", 3, 1000, []Variant{{"e-3.jpg", 3, 1000}}},
		{"f.jpg", 0, 10, nil},
	}
	for _, tt := range tests {
		got := Variants(tt.name, tt.w, tt.h, widths)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Variants(%s, %d, %d) = %v, want %v", tt.name, tt.w, tt.h, got, tt.want)
		}
		for _, v := range got {
			if v.Width > tt.w || v.Height > tt.h {
				t.Errorf("%s: %v upscales %dx%d", tt.name, v, tt.w, tt.h)
			}
			// aspect kept within rounding
			if d := float64(v.Height) - float64(tt.h)*float64(v.Width)/float64(tt.w); d > 0.5 || d < -0.5 {
				t.Errorf("%s: %v changes the aspect of %dx%d", tt.name, v, tt.w, tt.h)
			}
		}
	}
}

// quadrants draws a w×h picture whose four quadrants are red, green, blue
// and white (top-left, top-right, bottom-left, bottom-right).
func quadrants(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	cs := []color.RGBA{{255, 0, 0, 255}, {0, 255, 0, 255}, {0, 0, 255, 255}, {255, 255, 255, 255}}
	for y := range h {
		for x := range w {
			q := 0
			if x >= w/2 {
				q++
			}
			if y >= h/2 {
				q += 2
			}
			img.SetRGBA(x, y, cs[q])
		}
	}
	return img
}

func encodeJPEG(t testing.TB, img image.Image) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withOrientation inserts an APP1 Exif block with the orientation tag
// right after the SOI marker, in the given byte order.
func withOrientation(data []byte, o int, bigEndian bool) []byte {
	var bo binary.ByteOrder = binary.LittleEndian
	tiff := []byte("II*\x00\x08\x00\x00\x00")
	if bigEndian {
		bo = binary.BigEndian
		tiff = []byte("MM\x00*\x00\x00\x00\x08")
	}
	ifd := make([]byte, 2+12+4)
	bo.PutUint16(ifd[0:], 1)
	bo.PutUint16(ifd[2:], 0x0112)
	bo.PutUint16(ifd[4:], 3)
	bo.PutUint32(ifd[6:], 1)
	bo.PutUint16(ifd[10:], uint16(o))
	seg := append([]byte("Exif\x00\x00"), append(tiff, ifd...)...)
	app1 := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(seg)+2))
	out := append([]byte{}, data[:2]...)
	out = append(out, app1...)
	out = append(out, seg...)
	return append(out, data[2:]...)
}

func TestOrientation(t *testing.T) {
	plain := encodeJPEG(t, quadrants(16, 8))
	if got := Orientation(plain); got != 1 {
		t.Errorf("no EXIF: got %d, want 1", got)
	}
	for o := 1; o <= 8; o++ {
		for _, be := range []bool{false, true} {
			if got := Orientation(withOrientation(plain, o, be)); got != o {
				t.Errorf("orientation %d (big endian %v): got %d", o, be, got)
			}
		}
	}
	for _, bad := range [][]byte{nil, []byte("not a jpeg"), plain[:3], withOrientation(plain, 9, false), withOrientation(plain, 6, true)[:30]} {
		if got := Orientation(bad); got != 1 {
			t.Errorf("malformed %q…: got %d, want 1", bad[:min(len(bad), 8)], got)
		}
	}
}

// sink collects written files.
type sink struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (s *sink) write(rel string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.files == nil {
		s.files = map[string][]byte{}
	}
	s.files[rel] = append([]byte(nil), data...)
	return nil
}

func decode(t *testing.T, data []byte) image.Image {
	t.Helper()
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func near(c color.Color, want color.RGBA) bool {
	r, g, b, _ := c.RGBA()
	d := func(a uint32, w uint8) bool { x := int(a>>8) - int(w); return x > -60 && x < 60 }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

// TestOrientedOutput checks that every EXIF orientation comes out upright:
// a picture stored turned or mirrored, with the tag saying so, must show
// red top-left, green top-right, blue bottom-left, white bottom-right.
func TestOrientedOutput(t *testing.T) {
	upright := quadrants(64, 32)
	red, green, blue, white := color.RGBA{255, 0, 0, 255}, color.RGBA{0, 255, 0, 255}, color.RGBA{0, 0, 255, 255}, color.RGBA{255, 255, 255, 255}
	for o := 1; o <= 8; o++ {
		// store the picture as a camera would: the inverse of what the tag asks
		stored := inverse(upright, o)
		data := withOrientation(encodeJPEG(t, stored), o, o%2 == 0)
		fsys := fstest.MapFS{"p.jpg": {Data: data}}
		vs := Variants("p.jpg", 64, 32, []int{32, 64})
		var s sink
		p := New(Config{Widths: []int{32, 64}})
		if _, probs := p.Run(fsys, []Job{{Source: "p.jpg", Dir: "out/", Variants: vs}}, s.write); len(probs) > 0 {
			t.Fatalf("orientation %d: %v", o, probs)
		}
		for _, v := range vs {
			img := decode(t, s.files["out/"+v.Name])
			b := img.Bounds()
			if b.Dx() != v.Width || b.Dy() != v.Height {
				t.Errorf("orientation %d %s: %dx%d, want %dx%d", o, v.Name, b.Dx(), b.Dy(), v.Width, v.Height)
			}
			w, h := b.Dx(), b.Dy()
			for _, c := range []struct {
				x, y int
				want color.RGBA
			}{{w / 8, h / 8, red}, {w - 1 - w/8, h / 8, green}, {w / 8, h - 1 - h/8, blue}, {w - 1 - w/8, h - 1 - h/8, white}} {
				if got := img.At(c.x, c.y); !near(got, c.want) {
					t.Errorf("orientation %d %s: pixel (%d,%d) is %v, want %v", o, v.Name, c.x, c.y, got, c.want)
				}
			}
		}
	}
}

// inverse stores an upright picture so that applying orientation o shows
// it upright again.
func inverse(img *image.RGBA, o int) *image.RGBA {
	inv := map[int]int{1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 8, 7: 7, 8: 6}
	return orient(img, inv[o])
}

func TestCacheHit(t *testing.T) {
	dir := t.TempDir()
	fsys := fstest.MapFS{
		"a.jpg": {Data: encodeJPEG(t, quadrants(800, 600)), ModTime: time.Unix(1, 0)},
		"b.png": {Data: pngOf(t, quadrants(300, 200)), ModTime: time.Unix(1, 0)},
	}
	jobs := []Job{
		{Source: "a.jpg", Dir: "x/", Variants: Variants("a.jpg", 800, 600, []int{320, 640, 1280})},
		{Source: "b.png", Dir: "y/", Variants: Variants("b.png", 300, 200, []int{320, 640, 1280})},
	}
	run := func() (Stats, map[string][]byte) {
		var s sink
		p := New(Config{Widths: []int{320, 640, 1280}, CacheDir: dir})
		st, probs := p.Run(fsys, jobs, s.write)
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		if err := p.Finish(true); err != nil {
			t.Fatal(err)
		}
		return st, s.files
	}
	st1, out1 := run()
	// a.jpg: 320, 640 resized and 800 copied (upright JPEG at its own size);
	// b.png: 300 re-encoded as JPEG
	if st1.Decoded != 2 || st1.Encoded != 3 || st1.Copied != 1 || st1.CacheHits != 0 {
		t.Errorf("cold run: %+v", st1)
	}
	st2, out2 := run()
	if st2.Decoded != 0 || st2.Encoded != 0 || st2.CacheHits != 3 {
		t.Errorf("warm run did image work: %+v", st2)
	}
	if !reflect.DeepEqual(out1, out2) {
		t.Error("warm run wrote different files")
	}
	if _, ok := out1["x/a-800.jpg"]; !ok {
		t.Errorf("no native-size fallback: %v", keys(out1))
	}

	// With only some sizes cached, the others come out byte for byte the
	// same: a variant depends on its source, not on the cache's state.
	p := New(Config{Widths: []int{320, 640, 1280}, CacheDir: dir})
	if err := os.Remove(p.cache.path(key(sha(fsys["a.jpg"].Data), p.op(jobs[0].Variants[0])))); err != nil {
		t.Fatal(err)
	}
	stp, outp := run()
	if stp.Encoded != 1 || !reflect.DeepEqual(out1, outp) {
		t.Errorf("partly cached run: %+v; same output: %v", stp, reflect.DeepEqual(out1, outp))
	}

	// A changed photo misses, and the next pruning run drops its old entries.
	fsys["a.jpg"] = &fstest.MapFile{Data: encodeJPEG(t, noisy(800, 600)), ModTime: time.Unix(2, 0)}
	before := countEntries(t, dir)
	st3, _ := run()
	if st3.Decoded != 1 || st3.Encoded != 2 || st3.CacheHits != 1 {
		t.Errorf("after an edit: %+v", st3)
	}
	if after := countEntries(t, dir); after != before {
		t.Errorf("stale entries not pruned: %d entries before, %d after", before, after)
	}
	// Other settings: a new quality makes every entry stale.
	var s sink
	p = New(Config{Widths: []int{320, 640, 1280}, Quality: 60, CacheDir: dir})
	if st, _ := p.Run(fsys, jobs[1:], s.write); st.Encoded != 1 {
		t.Errorf("quality change: %+v", st)
	}
	if err := p.Finish(true); err != nil {
		t.Fatal(err)
	}
	if n := countEntries(t, dir); n != 1 {
		t.Errorf("after pruning for one photo at one size: %d entries", n)
	}
}

func sha(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func countEntries(t *testing.T, dir string) int {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".jpg" {
			n++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func pngOf(t testing.TB, img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestBadPhotos(t *testing.T) {
	good := encodeJPEG(t, quadrants(640, 480))
	fsys := fstest.MapFS{
		"ok.jpg":        {Data: good},
		"truncated.jpg": {Data: good[:len(good)/2]},
		"garbage.jpg":   {Data: []byte("\xff\xd8\xff\xdbnot really a jpeg")},
		"huge.png":      {Data: hugePNGHeader(t, 10000, 5000)},
	}
	var jobs []Job
	for _, name := range []string{"garbage.jpg", "huge.png", "ok.jpg", "truncated.jpg"} {
		jobs = append(jobs, Job{Source: name, Dir: "o/", Variants: Variants(name, 640, 480, []int{320})})
	}
	var s sink
	st, probs := New(Config{Widths: []int{320}}).Run(fsys, jobs, s.write)
	if len(probs) != 3 {
		t.Fatalf("want 3 problems, got %v", probs)
	}
	for i, want := range []string{"garbage.jpg", "huge.png", "truncated.jpg"} {
		if probs[i].File != want {
			t.Errorf("problem %d names %s, want %s", i, probs[i].File, want)
		}
	}
	if !errors.Is(probs[1].Err, ErrTooLarge) {
		t.Errorf("huge.png: %v", probs[1].Err)
	}
	if _, ok := s.files["o/ok-320.jpg"]; !ok || st.Encoded != 1 {
		t.Errorf("the good photo was not published: %+v %v", st, keys(s.files))
	}
}

// hugePNGHeader is a PNG that claims w×h pixels: its header is valid, so
// only the pixel limit stops it before a decoder allocates for it.
func hugePNGHeader(t *testing.T, w, h int) []byte {
	data := pngOf(t, image.NewGray(image.Rect(0, 0, 1, 1)))
	binary.BigEndian.PutUint32(data[16:], uint32(w))
	binary.BigEndian.PutUint32(data[20:], uint32(h))
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	return data
}

func BenchmarkResize(b *testing.B) {
	data := encodeJPEG(b, noisy(1600, 1200))
	fsys := fstest.MapFS{"a.jpg": {Data: data}}
	jobs := []Job{{Source: "a.jpg", Dir: "o/", Variants: Variants("a.jpg", 1600, 1200, DefaultWidths)}}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var s sink
		if _, probs := New(Config{Workers: 1}).Run(fsys, jobs, s.write); len(probs) > 0 {
			b.Fatal(probs)
		}
	}
}

func noisy(w, h int) *image.RGBA {
	img := quadrants(w, h)
	x := uint32(1)
	for i := range img.Pix {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		img.Pix[i] ^= byte(x) & 0x3f
	}
	return img
}
