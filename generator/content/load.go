package content

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif" // register decoders so product photos can be checked
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	_ "golang.org/x/image/webp"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/rubric"
	"github.com/ocop-vn/ocop/generator/vntext"
	"github.com/ocop-vn/ocop/generator/yamlx"
	"gopkg.in/yaml.v3"
)

// MaxFileSize bounds any one text file. A product story or news article is a
// few kilobytes; anything this large is a mistake (a pasted binary, a
// runaway export) and must not exhaust memory.
const MaxFileSize = 8 << 20

// Options tune loading.
type Options struct {
	// Now is the build date, against which certificates expire.
	Now time.Time
	// BaseURL, when set, replaces site.yaml's base_url.
	BaseURL string
	// Cache, when set, keeps parsed files between loads so that a reload
	// after an edit re-reads only the files the edit touched (the preview
	// server's case). Nil for a one-off build.
	Cache *Cache
	// Products, when set (and Cache is not), supplies product folders
	// parsed by an earlier build (a production build's case).
	Products ProductCache
}

// Load reads the whole site rooted at site and returns the catalogue with
// every problem found. The catalogue is usable (for partial previews) even
// when there are problems, but must not be published then.
func Load(site fs.FS, opts Options) (*Catalog, *diag.List) {
	l := &diag.List{}
	c := &Catalog{
		ProductBySlug:  map[string]*Product{},
		fsys:           site,
		ProducerByID:   map[string]*Producer{},
		SalesPointByID: map[string]*SalesPoint{},
	}
	c.Site = config.Load(site, opts.BaseURL, l)
	ld := loader{fsys: site, l: l, cache: opts.Cache, products: opts.Products}
	c.Rubrics = ld.cached(rubricsKey, func(ld *loader) any { return rubric.Load(site, ld.l) }).(*rubric.Registry)
	if _, ok := c.Rubrics.Get(c.Site.Rubric); !ok {
		l.AddHint(diag.Pos{File: config.File}, "known criteria sets: "+strings.Join(c.Rubrics.IDs(), ", "),
			"unknown criteria set `%s` in `rubric`", c.Site.Rubric)
	}
	// Products need only the site and the criteria sets; the other
	// records load beside them, on the cores the products leave idle.
	done := make(chan struct{})
	go func() {
		defer close(done)
		ld.loadOthers(c)
	}()
	if ld.products != nil && ld.cache == nil {
		ld.products.Start(c.Rubrics)
	}
	c.Products = ld.loadProducts(c)
	<-done
	c.link(l, opts.Now)
	return c, l
}

// loadOthers loads every record but the products: producers, sales
// points, the areas mapping, news and free pages.
func (ld *loader) loadOthers(c *Catalog) {
	l := ld.l
	c.Producers = loadRecords(ld, "content/producers", func(ld *loader, id, file string, n *yaml.Node) *Producer {
		p := &Producer{ID: id, File: file}
		if n == nil {
			return p
		}
		yamlx.Decode(file, n, p, ld.l)
		ld.checkKind(file, n, "kind", p.Kind, ProducerKinds)
		ld.checkURL(file, n, "website", p.Website)
		return p
	})
	c.SalesPoints = loadRecords(ld, "content/sales-points", func(ld *loader, id, file string, n *yaml.Node) *SalesPoint {
		s := &SalesPoint{ID: id, File: file}
		if n == nil {
			return s
		}
		yamlx.Decode(file, n, s, ld.l)
		ld.checkKind(file, n, "kind", s.Kind, SalesPointKinds)
		ld.checkURL(file, n, "website", s.Website)
		if s.Geo != nil && (s.Geo.Lat < -90 || s.Geo.Lat > 90 || s.Geo.Lng < -180 || s.Geo.Lng > 180) {
			ld.l.Add(yamlx.PosOf(file, n, "geo"), "coordinates out of range: lat must be within ±90 and lng within ±180")
		}
		return s
	})
	for _, p := range c.Producers {
		c.ProducerByID[p.ID] = p
	}
	for _, s := range c.SalesPoints {
		c.SalesPointByID[s.ID] = s
	}
	c.AreaChanges = ld.loadAreas()
	c.News = ld.loadNews()
	c.Pages = ld.loadPages()
	for _, p := range c.Pages {
		if slices.Contains(c.Site.Languages, p.Slug) {
			l.AddHint(diag.Pos{File: p.File}, "rename the page", "page name `%s` is taken by the site's `%s` edition", p.Slug, p.Slug)
		}
	}
}

// loader carries what every file reader needs.
type loader struct {
	fsys fs.FS
	l    *diag.List
	// keepSheets keeps each round's raw sheets and per-sheet breakdowns
	// (for `ocop score`); a site build drops them after checking.
	keepSheets bool
	cache      *Cache
	products   ProductCache
}

// read returns a text file's bytes with BOM and CRLF removed, or reports why
// it cannot be used.
func (ld *loader) read(name string) ([]byte, bool) {
	// One open per file: the size is asked of the open file, not looked up
	// again by name (loading reads tens of thousands of files).
	f, err := ld.fsys.Open(name)
	if err != nil {
		ld.l.Add(diag.Pos{File: name}, "cannot read: %v", err)
		return nil, false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err == nil && fi.Size() > MaxFileSize {
		ld.l.Add(diag.Pos{File: name}, "file is too large (%d MB); the limit is %d MB", fi.Size()>>20, MaxFileSize>>20)
		return nil, false
	}
	size := int64(512)
	if err == nil && fi.Size() > 0 {
		size = fi.Size() + 1 // one more, to see the end without growing
	}
	var buf bytes.Buffer
	buf.Grow(int(size))
	// Bounded: the file may grow after Stat.
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		ld.l.Add(diag.Pos{File: name}, "cannot read: %v", err)
		return nil, false
	}
	if buf.Len() > MaxFileSize {
		ld.l.Add(diag.Pos{File: name}, "file is too large (more than %d MB)", MaxFileSize>>20)
		return nil, false
	}
	src := buf.Bytes()
	if !vntext.ValidUTF8(src) {
		line, col := invalidUTF8At(src)
		ld.l.AddHint(diag.Pos{File: name, Line: line, Col: col},
			"save the file as UTF-8 (in most editors: Save As → Encoding: UTF-8); old TCVN3/VNI text must be converted with Unikey first",
			"file is not UTF-8 text")
		return nil, false
	}
	if bytes.IndexByte(src, 0) >= 0 {
		ld.l.Add(diag.Pos{File: name}, "file contains binary data, not text")
		return nil, false
	}
	return normalise(src), true
}

func invalidUTF8At(src []byte) (line, col int) {
	line, col = 1, 1
	for len(src) > 0 {
		r, size := rune(src[0]), 1
		if r >= 0x80 {
			var ok bool
			r, size, ok = decodeRune(src)
			if !ok {
				return line, col
			}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		src = src[size:]
	}
	return line, col
}

// yaml reads and parses a YAML file; nil means a problem was recorded.
func (ld *loader) yaml(name string) *yaml.Node {
	src, ok := ld.read(name)
	if !ok {
		return nil
	}
	return yamlx.Parse(name, src, ld.l)
}

func (ld *loader) checkKind(file string, n *yaml.Node, key, val string, kinds map[string]string) {
	if val == "" {
		return
	}
	if _, ok := kinds[val]; !ok {
		ld.l.AddHint(yamlx.PosOf(file, n, key), "use one of: "+strings.Join(sortedKeys(kinds), ", "), "unknown %s `%s`", key, val)
	}
}

var urlRE = regexp.MustCompile(`^https?://[^\s/$.?#][^\s]*$`)

func (ld *loader) checkURL(file string, n *yaml.Node, key, val string) {
	if val != "" && !urlRE.MatchString(val) {
		ld.l.AddHint(yamlx.PosOf(file, n, key), "write the full address, starting with https://", "`%s` is not a web address: %q", key, val)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// loadRecords reads every <id>.yaml in dir with decode, in id order. A file
// that cannot be parsed is passed to decode with a nil node, so its id stays
// known and references to it do not add a second, misleading problem.
func loadRecords[T any](ld *loader, dir string, decode func(ld *loader, id, file string, n *yaml.Node) *T) []*T {
	entries, err := ld.readDir(dir)
	if err != nil {
		return nil
	}
	var out []*T
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		file := dir + "/" + name
		id, ok := strings.CutSuffix(name, ".yaml")
		if !ok {
			if !strings.HasSuffix(name, ".md") || !strings.EqualFold(name, "README.md") {
				ld.l.AddHint(diag.Pos{File: file}, "records are YAML files named <id>.yaml", "unexpected file")
			}
			continue
		}
		if !ld.checkSlug(file, id, "file name") {
			continue
		}
		rec := ld.cached(file, func(ld *loader) any {
			return decode(ld, id, file, ld.yaml(file))
		})
		out = append(out, rec.(*T))
	}
	return out
}

// checkSlug reports whether id is usable as a URL segment, and records a
// problem with the name to use otherwise.
func (ld *loader) checkSlug(file, id, what string) bool {
	if vntext.IsSlug(id) {
		return true
	}
	hint := "use lower-case letters a–z, digits and hyphens"
	if s := vntext.Slug(id); s != "" {
		hint = fmt.Sprintf("rename it to `%s`", s)
	}
	ld.l.AddHint(diag.Pos{File: file}, hint, "%s `%s` is not a valid URL slug", what, id)
	return false
}

var newsNameRE = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-(.+)\.md$`)

func (ld *loader) loadNews() []*News {
	var out []*News
	seen := map[string]string{}
	names, translations := splitTranslations(ld.mdFiles("content/news"))
	for _, name := range names {
		file := "content/news/" + name
		m := newsNameRE.FindStringSubmatch(name)
		if m == nil {
			ld.l.AddHint(diag.Pos{File: file}, "name news files <yyyy-mm-dd>-<slug>.md, e.g. 2021-04-06-tra-xanh-dat-3-sao.md", "news file name has no date")
			continue
		}
		if !ld.checkSlug(file, m[2], "slug") {
			continue
		}
		n, _ := ld.cached(file, func(ld *loader) any { return ld.newsFile(file, m[1], m[2]) }).(*News)
		if n == nil {
			continue
		}
		if prev, dup := seen[n.Slug]; dup {
			ld.l.AddHint(diag.Pos{File: file, Line: 1, Col: 1}, "change one slug: both would be /tin-tuc/"+n.Slug+"/",
				"news slug `%s` is also used by %s", n.Slug, prev)
			continue
		}
		seen[n.Slug] = file
		out = append(out, n)
	}
	attachTranslations(ld, "content/news", translations, out,
		func(n *News) string { return n.File },
		func(file string) (*NewsTranslation, *Text) {
			t := &NewsTranslation{File: file}
			return t, &t.Body
		},
		func(n *News, t *NewsTranslation) { n.EN = t })
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date.Time) {
			return out[i].Date.After(out[j].Date.Time)
		}
		return out[i].Slug < out[j].Slug
	})
	return out
}

// attachTranslations reads the English files of dir (names such as
// "x.en.md") and gives each to the record it translates (the one read from
// "x.md"); an orphan translation is reported by checkOriginal. newT makes
// an empty translation and says where its body goes.
func attachTranslations[R, T any](ld *loader, dir string, names []string, records []*R,
	fileOf func(*R) string, newT func(file string) (*T, *Text), set func(*R, *T)) {
	byFile := make(map[string]*R, len(records))
	for _, r := range records {
		byFile[fileOf(r)] = r
	}
	for _, name := range names {
		file := dir + "/" + name
		orig, ok := byFile[dir+"/"+originalOf(name)]
		if !ld.checkOriginal(file, name) || !ok {
			continue
		}
		t, _ := ld.cached(file, func(ld *loader) any {
			t, body := newT(file)
			if ld.markdown(file, t, body) == nil {
				return (*T)(nil)
			}
			return t
		}).(*T)
		set(orig, t)
	}
}

// newsFile reads one news file; nil when it cannot be used.
func (ld *loader) newsFile(file, date, slug string) *News {
	n := &News{Slug: slug, File: file}
	node := ld.markdown(file, n, &n.Body)
	if node == nil {
		return nil
	}
	if n.Date.IsZero() {
		n.Date, _ = yamlx.ParseDate(date)
		if n.Date.IsZero() {
			ld.l.Add(diag.Pos{File: file}, "invalid date `%s` in the file name", date)
		}
	}
	n.pos = yamlx.Remember(file, node, "products")
	if n.Image != "" {
		n.ImagePath = ld.localPath(file, yamlx.PosOf(file, node, "image"), "content/news", n.Image)
	}
	return n
}

func (ld *loader) loadPages() []*Page {
	var out []*Page
	names, translations := splitTranslations(ld.mdFiles("content/pages"))
	for _, name := range names {
		file := "content/pages/" + name
		slug := strings.TrimSuffix(name, ".md")
		if !ld.checkSlug(file, slug, "page file name") {
			continue
		}
		if ReservedPaths[slug] {
			ld.l.AddHint(diag.Pos{File: file}, "rename the page", "page name `%s` is taken by a section of the site", slug)
			continue
		}
		p, _ := ld.cached(file, func(ld *loader) any {
			p := &Page{Slug: slug, File: file}
			if ld.markdown(file, p, &p.Body) == nil {
				return (*Page)(nil)
			}
			return p
		}).(*Page)
		if p != nil {
			out = append(out, p)
		}
	}
	attachTranslations(ld, "content/pages", translations, out,
		func(p *Page) string { return p.File },
		func(file string) (*PageTranslation, *Text) {
			t := &PageTranslation{File: file}
			return t, &t.Body
		},
		func(p *Page, t *PageTranslation) { p.EN = t })
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Menu != out[j].Menu {
			return out[i].Menu < out[j].Menu
		}
		return out[i].Slug < out[j].Slug
	})
	return out
}

// translationSuffix ends the name of an English translation of a news
// article or free page: <name>.en.md beside <name>.md.
const translationSuffix = ".en.md"

// splitTranslations separates the Markdown files of a folder into
// originals and English translations.
func splitTranslations(names []string) (originals, translations []string) {
	for _, n := range names {
		if strings.HasSuffix(n, translationSuffix) {
			translations = append(translations, n)
		} else {
			originals = append(originals, n)
		}
	}
	return originals, translations
}

// originalOf is the file name a translation translates.
func originalOf(name string) string {
	return strings.TrimSuffix(name, translationSuffix) + ".md"
}

// checkOriginal reports a translation whose original file is missing.
// A translation of an original with problems of its own is left alone, so
// one mistake is not reported twice.
func (ld *loader) checkOriginal(file, name string) bool {
	found := exists(ld.fsys, path.Join(path.Dir(file), originalOf(name)))
	if !found {
		ld.l.AddHint(diag.Pos{File: file}, "name a translation after the file it translates: <name>.en.md beside <name>.md",
			"`%s` translates `%s`, which does not exist", name, originalOf(name))
	}
	return found
}

// ReservedPaths are the first URL segments the site's own sections use; a
// free page may not take one.
var ReservedPaths = map[string]bool{
	"san-pham": true, "hang-sao": true, "nhom": true, "dia-ban": true, "chu-the": true,
	"diem-ban": true, "tin-tuc": true, "trang-thai": true, "tim-kiem": true, "static": true,
	"anh": true, "404": true, "sitemap": true, "robots": true, "en": true, "data": true,
}

func (ld *loader) mdFiles(dir string) []string {
	entries, err := ld.readDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if !strings.HasSuffix(e.Name(), ".md") {
			ld.l.AddHint(diag.Pos{File: dir + "/" + e.Name()}, "this folder holds Markdown files (.md)", "unexpected file")
			continue
		}
		out = append(out, e.Name())
	}
	return out
}

// markdown reads a front-matter Markdown file, decodes its front matter into
// v and describes the body in *body (Catalog.Text reads it when needed).
func (ld *loader) markdown(file string, v any, body *Text) *yaml.Node {
	src, ok := ld.read(file)
	if !ok {
		return nil
	}
	fm, b, line, err := splitFrontMatter(src)
	if err != nil {
		ld.l.Add(diag.Pos{File: file, Line: 1, Col: 1}, "%v", err)
		return nil
	}
	n := yamlx.Parse(file, fm, ld.l)
	if n == nil {
		return nil
	}
	yamlx.Decode(file, n, v, ld.l)
	*body = newText(file, line, true, b)
	return n
}

// localPath resolves a path written in a file relative to dir and checks it
// stays inside dir's tree and exists.
func (ld *loader) localPath(file string, pos diag.Pos, dir, p string) string {
	if path.IsAbs(p) || strings.Contains(p, "\\") {
		ld.l.AddHint(pos, "write a path relative to "+dir, "absolute path `%s` not allowed", p)
		return ""
	}
	full := path.Join(dir, p)
	if !strings.HasPrefix(full, dir+"/") {
		ld.l.AddHint(pos, "keep files inside "+dir, "path `%s` leaves the folder", p)
		return ""
	}
	if _, err := fs.Stat(ld.fsys, full); err != nil {
		ld.l.Add(pos, "file `%s` not found", full)
		return ""
	}
	return full
}

// loadProducts finds every product folder under products/ (a folder holding
// product.yaml, at any depth) and loads them in parallel.
func (ld *loader) loadProducts(c *Catalog) []*Product {
	dirs := ld.productDirs()
	out := make([]*Product, len(dirs))
	var wg sync.WaitGroup
	work := make(chan int)
	// More workers than cores: a product is a dozen small files, and while
	// one worker waits on the file system another can parse.
	for range 4 * runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				if ld.products != nil && ld.cache == nil {
					out[i] = ld.loadProductCached(c, dirs[i])
					continue
				}
				out[i], _ = ld.cached(dirs[i], func(ld *loader) any { return ld.loadProduct(c, dirs[i]) }).(*Product)
			}
		}()
	}
	for i := range dirs {
		work <- i
	}
	close(work)
	wg.Wait()
	products := out[:0]
	for _, p := range out {
		if p != nil {
			products = append(products, p)
		}
	}
	sort.Slice(products, func(i, j int) bool { return products[i].Slug < products[j].Slug })
	return products
}

func (ld *loader) findProducts(dir string, dirs *[]string) {
	entries, err := fs.ReadDir(ld.fsys, dir)
	if err != nil {
		return
	}
	var subdirs []string
	isProduct, hasFiles := false, false
	for _, e := range entries {
		switch {
		case strings.HasPrefix(e.Name(), "."):
		case e.IsDir():
			subdirs = append(subdirs, e.Name())
		case e.Name() == "product.yaml":
			isProduct = true
		default:
			hasFiles = true
		}
	}
	if isProduct {
		*dirs = append(*dirs, dir)
		return
	}
	if hasFiles && dir != "products" {
		for _, e := range entries {
			if !e.IsDir() && (strings.HasSuffix(e.Name(), ".yaml") || e.Name() == "story.md") {
				ld.l.AddHint(diag.Pos{File: dir + "/" + e.Name()}, "every product folder needs a file named exactly product.yaml",
					"file is in a folder without product.yaml")
			}
		}
	}
	for _, s := range subdirs {
		ld.findProducts(dir+"/"+s, dirs)
	}
}

func (ld *loader) loadProduct(c *Catalog, dir string) *Product {
	file := dir + "/product.yaml"
	slug := path.Base(dir)
	if !ld.checkSlug(file, slug, "product folder name") {
		return nil
	}
	p := &Product{Slug: slug, Dir: dir, File: file}
	n := ld.yaml(file)
	if n == nil {
		// Keep the slug known so references to it do not cascade.
		p.pos = yamlx.Remember(file, nil)
		return p
	}
	p.pos = yamlx.Remember(file, n, "producer", "sold_at", "group", "subgroup")
	yamlx.Decode(file, n, p, ld.l)
	p.SortName = vntext.Fold(p.Name)
	ld.checkURL(file, n, "traceability", p.Traceability)
	// One listing of the folder says which of its optional files exist:
	// cheaper than asking for each (a third of loading's system calls).
	present := map[string]bool{}
	if entries, err := fs.ReadDir(ld.fsys, dir); err == nil {
		for _, e := range entries {
			present[e.Name()] = true
		}
	}
	if story := dir + "/story.md"; present["story.md"] {
		if src, ok := ld.read(story); ok {
			p.Story = newText(story, 1, false, src)
		}
	}
	if story := dir + "/story.en.md"; present["story.en.md"] {
		if src, ok := ld.read(story); ok {
			p.StoryEN = newText(story, 1, false, src)
		}
	}
	if len(p.Images) > 0 || present["images"] {
		p.Photos = ld.productImages(p, n)
	}
	if present["scores"] {
		p.Evaluations = ld.evaluations(c, p)
	}
	return p
}

func exists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
}

var imageExts = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true}

// productImages resolves the listed images, or all files in images/.
func (ld *loader) productImages(p *Product, n *yaml.Node) []Image {
	dir := p.Dir + "/images"
	var out []Image
	if len(p.Images) > 0 {
		for i, name := range p.Images {
			pos := yamlx.ItemPos(p.File, n, "images", i)
			full := ld.localPath(p.File, pos, dir, strings.TrimPrefix(name, "images/"))
			if full == "" {
				continue
			}
			if img, ok := ld.image(full, pos); ok {
				out = append(out, img)
			}
		}
		return out
	}
	entries, err := fs.ReadDir(ld.fsys, dir)
	if err != nil {
		return nil
	}
	for _, e := range entries { // ReadDir sorts by name
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		full := dir + "/" + e.Name()
		if img, ok := ld.image(full, diag.Pos{File: full}); ok {
			out = append(out, img)
		}
	}
	return out
}

func (ld *loader) image(full string, pos diag.Pos) (Image, bool) {
	if !imageExts[strings.ToLower(path.Ext(full))] {
		ld.l.AddHint(pos, "use JPEG, PNG, GIF or WebP photos, or move other files out of images/", "`%s` is not an image file", full)
		return Image{}, false
	}
	f, err := ld.fsys.Open(full)
	if err != nil {
		ld.l.Add(pos, "cannot open image `%s`: %v", full, err)
		return Image{}, false
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		ld.l.AddHint(pos, "re-export the photo as JPEG or PNG", "`%s` is not a readable image: %v", full, err)
		return Image{}, false
	}
	return Image{Path: full, Name: path.Base(full), Width: cfg.Width, Height: cfg.Height}, true
}

// evaluations reads scores/*.yaml, oldest first.
func (ld *loader) evaluations(c *Catalog, p *Product) []*Evaluation {
	dir := p.Dir + "/scores"
	entries, err := fs.ReadDir(ld.fsys, dir)
	if err != nil {
		return nil
	}
	var out []*Evaluation
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		file := dir + "/" + e.Name()
		if !strings.HasSuffix(e.Name(), ".yaml") {
			ld.l.AddHint(diag.Pos{File: file}, "score files are YAML: <yyyy-mm-dd>-<level>.yaml", "unexpected file")
			continue
		}
		n := ld.yaml(file)
		if n == nil {
			continue
		}
		ev := &Evaluation{File: file, node: n}
		yamlx.Decode(file, n, ev, ld.l)
		ld.evaluate(c, p, ev)
		ev.node = nil // a sheet's node tree is large; positions are no longer needed
		out = append(out, ev)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date.Time) })
	ld.checkRounds(out)
	return out
}

// link resolves references between files, checks they exist, and derives
// each product's certificate.
func (c *Catalog) link(l *diag.List, now time.Time) {
	def, _ := c.Rubrics.Get(c.Site.Rubric)
	// Records may come from a cache and carry links of an earlier load.
	for _, pr := range c.Producers {
		pr.Products = nil
	}
	for _, s := range c.SalesPoints {
		s.Products = nil
	}
	for _, n := range c.News {
		n.ProductRefs = nil
	}
	for _, p := range c.Products {
		p.ProducerRef, p.SalesPointRef, p.News = nil, nil, nil
	}
	for _, p := range c.Products {
		if prev, dup := c.ProductBySlug[p.Slug]; dup {
			l.AddHint(diag.Pos{File: p.File}, "rename one folder: both would be /san-pham/"+p.Slug+"/",
				"product slug `%s` is also used by %s", p.Slug, prev.File)
			continue
		}
		c.ProductBySlug[p.Slug] = p
		p.Rubric = def
		if n := len(p.Evaluations); n > 0 && p.Evaluations[n-1].Set != nil {
			p.Rubric = p.Evaluations[n-1].Set
		}
		c.checkGroup(l, p)
		if p.Producer != "" {
			if pr, ok := c.ProducerByID[p.Producer]; ok {
				p.ProducerRef = pr
			} else {
				l.AddHint(p.pos.Of("producer"), "create content/producers/"+p.Producer+".yaml or fix the id",
					"unknown producer `%s`", p.Producer)
			}
		}
		for i, id := range p.SoldAt {
			if s, ok := c.SalesPointByID[id]; ok {
				p.SalesPointRef = append(p.SalesPointRef, s)
			} else {
				l.AddHint(p.pos.Item("sold_at", i), "create content/sales-points/"+id+".yaml or fix the id",
					"unknown sales point `%s`", id)
			}
		}
		p.certify(now)
		p.Now = current(p.Area, c.AreaChanges, now)
	}
	for _, n := range c.News {
		for i, id := range n.Products {
			if p, ok := c.ProductBySlug[id]; ok {
				n.ProductRefs = append(n.ProductRefs, p)
				if !n.Draft {
					p.News = append(p.News, n)
				}
			} else {
				l.AddHint(n.pos.Item("products", i), "use the product's folder name", "unknown product `%s` in `products`", id)
			}
		}
	}
	for _, p := range c.Products {
		if p.Draft || c.ProductBySlug[p.Slug] != p {
			continue
		}
		if p.ProducerRef != nil {
			p.ProducerRef.Products = append(p.ProducerRef.Products, p)
		}
		for _, s := range p.SalesPointRef {
			s.Products = append(s.Products, p)
		}
	}
	for _, pr := range c.Producers {
		SortByStar(pr.Products)
	}
	for _, s := range c.SalesPoints {
		SortByStar(s.Products)
	}
}

func (c *Catalog) checkGroup(l *diag.List, p *Product) {
	if p.Rubric == nil || p.Group == "" {
		if p.Subgroup != "" && p.Group == "" {
			l.Add(p.pos.Of("subgroup"), "`subgroup` given without `group`")
		}
		return
	}
	g, ok := p.Rubric.Group(p.Group)
	if !ok {
		l.AddHint(p.pos.Of("group"), "groups of "+p.Rubric.ID+": "+strings.Join(p.Rubric.GroupIDs(), ", "),
			"unknown product group `%s`", p.Group)
		return
	}
	p.GroupName, p.GroupNameEN = g.Name, g.NameEN
	if p.Subgroup == "" {
		return
	}
	sg, ok := g.Subgroup(p.Subgroup)
	if !ok {
		ids := make([]string, len(g.Subgroups))
		for i, s := range g.Subgroups {
			ids[i] = s.ID
		}
		l.AddHint(p.pos.Of("subgroup"), "subgroups of "+p.Group+": "+strings.Join(ids, ", "),
			"unknown subgroup `%s`", p.Subgroup)
		return
	}
	p.SubgroupName, p.SubgroupNameEN = sg.Name, sg.NameEN
}

// SortByStar orders products for listings: certified first, higher stars
// first, then by name.
func SortByStar(ps []*Product) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if ac, bc := a.Cert.Status.Certified(), b.Cert.Status.Certified(); ac != bc {
			return ac
		}
		if a.Cert.Star != b.Cert.Star {
			return a.Cert.Star > b.Cert.Star
		}
		if a.SortName != b.SortName {
			return a.SortName < b.SortName
		}
		return a.Slug < b.Slug
	})
}
