// Package imaging publishes product photos in the sizes a page asks for.
// Each photo is decoded once, turned upright by its EXIF orientation,
// scaled down (never up) to the configured widths with a Catmull-Rom
// filter, and encoded as JPEG at the configured quality. Results are cached
// on disk under a key made of the source bytes' hash and the operation, so
// a rebuild with unchanged photos decodes and encodes nothing; a manifest
// of the sources' size and modification time spares re-hashing them too.
// Work runs on GOMAXPROCS workers. A corrupt or oversized photo is a
// Problem naming the file, never a crash.
package imaging

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"io/fs"
	"math"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	_ "image/gif" // decoders for the photo formats the loader accepts
	_ "image/png"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp"
)

// Defaults for site.yaml's `images` keys.
var (
	DefaultWidths  = []int{320, 640, 1280}
	DefaultQuality = 80
)

// DefaultMaxPixels is the largest photo decoded: 40 megapixels (a 40 MP
// RGBA picture alone needs 160 MB).
const DefaultMaxPixels = 40_000_000

// version changes when the output of an operation changes (filter,
// encoder settings), so old cache entries stop matching.
const version = "1"

// Variant is one published size of a photo.
type Variant struct {
	// Name is the output file name, e.g. "01-bia-640.jpg".
	Name          string
	Width, Height int
}

// Variants lists the sizes a photo named name, w×h pixels as displayed
// (after EXIF orientation), is published in, smallest first: every width
// of widths up to w — never larger than the photo — and, when the photo is
// narrower than the largest width, the photo at its own width as the
// largest. widths must be ascending.
func Variants(name string, w, h int, widths []int) []Variant {
	if w <= 0 || h <= 0 {
		return nil
	}
	base := Base(name)
	var out []Variant
	for _, vw := range widths {
		if vw > w {
			break
		}
		out = append(out, Variant{Name: fmt.Sprintf("%s-%d.jpg", base, vw), Width: vw, Height: scaled(h, vw, w)})
	}
	if len(widths) == 0 || w < widths[len(widths)-1] {
		if len(out) == 0 || out[len(out)-1].Width != w {
			out = append(out, Variant{Name: fmt.Sprintf("%s-%d.jpg", base, w), Width: w, Height: h})
		}
	}
	return out
}

// Base is the stem of a photo's variant names: the file name without a
// .jpg or .jpeg extension; other formats keep theirs as "-png" and the like,
// so a.jpg and a.png of one product do not publish as the same files.
func Base(name string) string {
	ext := path.Ext(name)
	switch strings.ToLower(ext) {
	case ".jpg", ".jpeg":
		return strings.TrimSuffix(name, ext)
	}
	return strings.ReplaceAll(name, ".", "-")
}

func scaled(h, vw, w int) int {
	return max(1, int(math.Round(float64(h)*float64(vw)/float64(w))))
}

// Config configures a Processor.
type Config struct {
	Widths  []int
	Quality int
	// CacheDir holds resized photos between runs; "" keeps nothing.
	CacheDir string
	// MaxPixels is the largest photo (width × height) decoded.
	MaxPixels int
	// Workers is the number of photos processed at once (GOMAXPROCS when 0).
	Workers int
}

// Job is one source photo and the variants to publish from it.
type Job struct {
	// Source is the photo's path in the file system given to Run.
	Source string
	// Dir is the output folder ("san-pham/<slug>/anh/").
	Dir      string
	Variants []Variant
	// Thumb, if set, is one more output path for the smallest variant.
	Thumb string
}

// Problem is a photo that could not be published.
type Problem struct {
	File string
	Err  error
}

// Stats counts what a run did.
type Stats struct {
	Sources   int   // photos processed
	Decoded   int   // photos decoded (cache misses)
	Encoded   int   // variants resized and encoded
	Copied    int   // variants copied from the source unchanged
	CacheHits int   // variants taken from the cache
	Bytes     int64 // bytes written
}

// ErrTooLarge is wrapped by the problem of a photo above MaxPixels.
var ErrTooLarge = errors.New("photo too large")

// CheckSize returns an error wrapping ErrTooLarge when a w×h photo is above
// maxPixels (DefaultMaxPixels when 0).
func CheckSize(w, h, maxPixels int) error {
	if maxPixels == 0 {
		maxPixels = DefaultMaxPixels
	}
	if int64(w)*int64(h) > int64(maxPixels) {
		return fmt.Errorf("%w: %d×%d pixels is %.1f megapixels, the limit is %.0f",
			ErrTooLarge, w, h, float64(w)*float64(h)/1e6, float64(maxPixels)/1e6)
	}
	return nil
}

// Processor runs jobs against a cache. It is safe for one Run at a time.
type Processor struct {
	cfg   Config
	cache *cache

	decoded, encoded, copied, hits atomic.Int64
	bytes                          atomic.Int64
}

// New returns a processor; the cache folder is created when first written.
func New(cfg Config) *Processor {
	if len(cfg.Widths) == 0 {
		cfg.Widths = DefaultWidths
	}
	if cfg.Quality == 0 {
		cfg.Quality = DefaultQuality
	}
	if cfg.MaxPixels == 0 {
		cfg.MaxPixels = DefaultMaxPixels
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	return &Processor{cfg: cfg, cache: openCache(cfg.CacheDir)}
}

// Inspect returns the EXIF orientation of a photo, from the manifest when
// the file is unchanged since the last run, otherwise from the file's
// first bytes.
func (p *Processor) Inspect(fsys fs.FS, name string) (int, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return 1, err
	}
	if e, ok := p.cache.source(name, fi); ok {
		return e.Orientation, nil
	}
	f, err := fsys.Open(name)
	if err != nil {
		return 1, err
	}
	defer f.Close()
	// An EXIF block is at most 64 KB and comes before the image data.
	head := make([]byte, 128<<10)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return 1, err
	}
	return Orientation(head[:n]), nil
}

// Run publishes every job's variants through write, in parallel, and
// returns what it did and every photo that failed. Output order does not
// depend on scheduling: each variant is a pure function of its source.
func (p *Processor) Run(fsys fs.FS, jobs []Job, write func(rel string, data []byte) error) (Stats, []Problem) {
	var (
		mu       sync.Mutex
		problems []Problem
		wg       sync.WaitGroup
	)
	work := make(chan Job)
	for range p.cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				if err := p.one(fsys, j, write); err != nil {
					mu.Lock()
					problems = append(problems, Problem{File: j.Source, Err: err})
					mu.Unlock()
				}
			}
		}()
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()
	sort.Slice(problems, func(i, k int) bool { return problems[i].File < problems[k].File })
	return Stats{Sources: len(jobs), Decoded: int(p.decoded.Load()), Encoded: int(p.encoded.Load()),
		Copied: int(p.copied.Load()), CacheHits: int(p.hits.Load()), Bytes: p.bytes.Load()}, problems
}

// Finish saves the manifest and, when prune is true, deletes every cache
// entry the runs since New did not use.
func (p *Processor) Finish(prune bool) error {
	return p.cache.finish(prune)
}

// op names the operation that makes a variant, for the cache key.
func (p *Processor) op(v Variant) string {
	return fmt.Sprintf("v%s catmullrom %dx%d q%d", version, v.Width, v.Height, p.cfg.Quality)
}

func (p *Processor) one(fsys fs.FS, j Job, write func(string, []byte) error) (err error) {
	defer func() {
		// A decoder must not take the build down with it.
		if r := recover(); r != nil {
			err = fmt.Errorf("cannot decode: %v", r)
		}
	}()
	fi, err := fs.Stat(fsys, j.Source)
	if err != nil {
		return err
	}
	var data []byte
	entry, known := p.cache.source(j.Source, fi)
	if !known {
		if data, err = fs.ReadFile(fsys, j.Source); err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		entry = sourceEntry{Size: fi.Size(), ModTime: fi.ModTime().UnixNano(), Hash: hex.EncodeToString(sum[:]), Orientation: Orientation(data)}
	}
	p.cache.remember(j.Source, entry)

	outs := make([][]byte, len(j.Variants))
	keys := make([]string, len(j.Variants))
	missing := false
	for i, v := range j.Variants {
		keys[i] = key(entry.Hash, p.op(v))
		if b, ok := p.cache.get(keys[i]); ok {
			outs[i] = b
			p.hits.Add(1)
		} else {
			missing = true
		}
	}
	if missing {
		if data == nil {
			if data, err = fs.ReadFile(fsys, j.Source); err != nil {
				return err
			}
		}
		if err := p.make(data, entry.Orientation, j.Variants, outs, keys); err != nil {
			return err
		}
	}
	for i, v := range j.Variants {
		if err := write(j.Dir+v.Name, outs[i]); err != nil {
			return fmt.Errorf("writing %s: %w", j.Dir+v.Name, err)
		}
		p.bytes.Add(int64(len(outs[i])))
	}
	if j.Thumb != "" && len(outs) > 0 {
		if err := write(j.Thumb, outs[0]); err != nil {
			return fmt.Errorf("writing %s: %w", j.Thumb, err)
		}
		p.bytes.Add(int64(len(outs[0])))
	}
	return nil
}

// make decodes data and fills the variants missing from outs, largest
// first, each scaled from the one before so a 4000-pixel photo is scaled
// at full size once.
func (p *Processor) make(data []byte, orientation int, vs []Variant, outs [][]byte, keys []string) error {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("not a readable image: %w", err)
	}
	if err := CheckSize(cfg.Width, cfg.Height, p.cfg.MaxPixels); err != nil {
		return err
	}
	if format != "jpeg" {
		orientation = 1 // the loader's formats other than JPEG carry no EXIF here
	}
	// The native-size variant of an upright JPEG is the file itself.
	need := false
	for i, v := range vs {
		if outs[i] == nil && format == "jpeg" && orientation == 1 && v.Width == cfg.Width && v.Height == cfg.Height {
			outs[i] = data
			p.copied.Add(1)
		}
		need = need || outs[i] == nil
	}
	if !need {
		return nil
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("not a readable image: %w", err)
	}
	p.decoded.Add(1)
	// Each variant is scaled from the next larger one, whether or not that
	// one was in the cache, so a variant's bytes depend only on its source:
	// never on which sizes another build or another worker cached first.
	first := slices.IndexFunc(outs, func(b []byte) bool { return b == nil })
	var prev image.Image = src
	for i := len(vs) - 1; i >= first; i-- {
		v := vs[i]
		sw, sh := v.Width, v.Height
		if Swaps(orientation) {
			sw, sh = sh, sw
		}
		img := resize(prev, sw, sh)
		prev = img
		if outs[i] != nil {
			continue
		}
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, orient(img, orientation), &jpeg.Options{Quality: p.cfg.Quality}); err != nil {
			return fmt.Errorf("encoding: %w", err)
		}
		outs[i] = buf.Bytes()
		p.encoded.Add(1)
		p.cache.put(keys[i], outs[i])
	}
	return nil
}

// resize scales src to w×h; transparent parts are laid on white, since
// JPEG has no transparency.
func resize(src image.Image, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	op := draw.Op(draw.Src)
	if o, ok := src.(interface{ Opaque() bool }); !ok || !o.Opaque() {
		draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
		op = draw.Over
	}
	if src.Bounds().Dx() == w && src.Bounds().Dy() == h {
		draw.Draw(dst, dst.Bounds(), src, src.Bounds().Min, op)
		return dst
	}
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), op, nil)
	return dst
}

// orient turns stored pixels upright according to an EXIF orientation.
func orient(src *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return src
	}
	w, h := src.Rect.Dx(), src.Rect.Dy()
	dw, dh := w, h
	if Swaps(o) {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range dh {
		for x := range dw {
			var sx, sy int
			switch o {
			case 2:
				sx, sy = w-1-x, y
			case 3:
				sx, sy = w-1-x, h-1-y
			case 4:
				sx, sy = x, h-1-y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, h-1-x
			case 7:
				sx, sy = w-1-y, h-1-x
			case 8:
				sx, sy = w-1-y, x
			}
			si := src.PixOffset(sx+src.Rect.Min.X, sy+src.Rect.Min.Y)
			di := dst.PixOffset(x, y)
			copy(dst.Pix[di:di+4], src.Pix[si:si+4])
		}
	}
	return dst
}

func key(hash, op string) string {
	sum := sha256.Sum256([]byte(hash + "\x00" + op))
	return hex.EncodeToString(sum[:16])
}
