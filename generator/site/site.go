// Package site is the orchestrator: it loads a site folder, renders every
// page with the theme and publishes the result. The steps, in order:
//
//  1. load      content.Load reads site.yaml, criteria sets, producers,
//     sales points, news, pages and products, and cross-checks them
//  2. theme     render.New parses the layouts (site's own over embedded),
//     once per language edition
//  3. plan      every page of every edition is listed with its view
//     (pages.go)
//  4. render    pages are rendered and published in parallel
//  5. assets    static/ is copied and product photos are published in
//     their widths (images.go), from the image cache when unchanged
//  6. feeds     sitemap.xml, robots.txt, the Atom feed of each edition
//  7. links     every internal href/src must resolve to a written file
//  8. commit    the new output folder replaces the old one
//
// Check runs steps 1–7 with a sink that writes nothing. Any problem in any
// step stops before commit, so the published site is never half-built or
// built from invalid data.
//
// A multilingual site (site.yaml `languages: [vi, en]`) is built as one
// edition per language: the default one at the site root, each other one
// under /<code>/ with the same page paths. Pages, feeds and QR codes are
// made per edition; static files, product photos, the search index and
// the open data files once, at the root, for all of them.
package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/imaging"
	"github.com/ocop-vn/ocop/generator/markdown"
	"github.com/ocop-vn/ocop/generator/publish"
	"github.com/ocop-vn/ocop/generator/render"
	"github.com/ocop-vn/ocop/generator/viewhash"
)

// Options configure a build.
type Options struct {
	// Now is the build date: certificates expire against it, and it is the
	// only clock the output depends on, so builds are reproducible.
	Now time.Time
	// BaseURL overrides site.yaml's base_url when set.
	BaseURL string
	// Theme is the default theme (a file system holding layouts/ and
	// static/); files of the site's own layouts/ and static/ override it.
	Theme fs.FS
	// NoMinify writes pages as rendered, for reading a theme's output.
	NoMinify bool
	// FileURLs makes links to pages end in index.html, so the output can be
	// browsed straight from disk (file://), e.g. from a USB stick.
	FileURLs bool
	// ImageCache is the folder that keeps resized photos between builds.
	// Build and Check default to .ocop-cache/images in the site folder
	// (or $OCOP_IMAGE_CACHE); Generate keeps nothing without it.
	ImageCache string
	// Clean makes Build ignore the previous build of the output folder and
	// build everything into a new folder (see incremental.go).
	Clean bool
}

// Result summarises a build.
type Result struct {
	Pages    int
	Files    int
	Bytes    int64
	Products int
	Duration time.Duration
	// Images is what the image step did: photos decoded, sizes encoded,
	// sizes taken from the cache.
	Images imaging.Stats
	// Steps is the wall time of each step, in order; Layouts the render
	// time (summed over the workers) and page count per layout, slowest
	// first. `ocop build --timings` prints both, for finding what makes a
	// build or a theme slow.
	Steps   []Timing
	Layouts []Timing
	// Mode is how Build went about it: ModeFull, ModeUpdate (only changed
	// files written, in place) or ModeUpToDate (nothing to do). Why says
	// why a build was not incremental; Written and Reused count the files
	// written and the files kept from the previous build.
	Mode    string
	Why     string
	Written int
	Reused  int
	// ParsedReused counts the product folders taken as the previous
	// build parsed them (see parsecache.go) instead of parsed again.
	ParsedReused int
}

// Timing is the time spent in one step of a build or one layout.
type Timing struct {
	Name     string
	Duration time.Duration
	Count    int // pages rendered with a layout; 0 for steps
}

// Build builds the site in dir into out. On any problem it returns them
// all and leaves out untouched. Unless opts.Clean is set, it reuses the
// previous build of out: see incremental.go.
func Build(dir, out string, opts Options) (*Result, *diag.List) {
	start := time.Now()
	opts.Now = buildDate(opts.Now)
	opts.ImageCache = imageCacheDir(dir, opts.ImageCache)
	fsys, err := SiteFS(dir)
	if err != nil {
		l := &diag.List{}
		l.Add(diag.Pos{File: dir}, "cannot open the site folder: %v", err)
		return nil, l
	}
	publish.RemoveAbandoned(out)
	inc := openIncremental(dir, out, opts)
	if opts.Clean {
		inc.prev, inc.why = nil, "--clean"
	}
	if inc.upToDate() {
		l := &diag.List{}
		for _, w := range inc.prev.Warnings {
			l.Replay(w)
		}
		p := inc.prev
		var size int64
		for _, f := range p.Files {
			size += f.Size
		}
		return &Result{Pages: p.Pages, Files: len(p.Files), Bytes: size, Products: p.Products, Duration: time.Since(start),
			Mode: ModeUpToDate, Reused: len(p.Files)}, l
	}

	parsed := newParsedCache(dir, opts, inc.inputs, inc.stamped)
	opened := time.Now()
	b, jobs, l := prepare(fsys, publish.Discard{}, opts, nil, parsed)
	// The parsed product folders are kept for the next build while this
	// one renders, whatever becomes of it.
	keptParsed := make(chan error, 1)
	parsedSaved := make(chan struct{})
	go func() {
		err := parsed.save()
		close(parsedSaved)
		keptParsed <- err
	}()
	var waitParsed sync.Once
	waitForParsed := func() {
		waitParsed.Do(func() {
			if err := <-keptParsed; err != nil {
				l.WarnHint(diag.Pos{File: parsed.file}, "check that the cache folder can be written",
					"cannot keep the parsed product folders for the next build: %v", err)
			}
		})
	}
	defer waitForParsed()
	if b == nil {
		return nil, l
	}
	b.steps = append([]Timing{{Name: "previous build's record", Duration: opened.Sub(start)}}, b.steps...)
	b.step("images (plan)", func() { b.planImages(opts.ImageCache) })
	inc.start()
	b.inc = inc
	derived := b.derived(jobs)
	update := false
	if inc.prev != nil {
		b.step("fingerprint pages", func() { b.viewKeys(jobs) })
		update, inc.why = inc.updatePlan(jobs, derived)
	}
	var outDir *publish.Dir
	if update {
		inc.buffer = map[string][]byte{}
		b.pub = publish.New(recordingSink{inc: inc}, !opts.NoMinify)
	} else {
		inc.prev = nil
		outDir, err = publish.NewDir(out)
		if err != nil {
			l.Add(diag.Pos{File: out}, "cannot prepare the output folder: %v", err)
			return nil, l
		}
		b.pub = publish.New(recordingSink{inc: inc, inner: outDir}, !opts.NoMinify)
	}
	// The feeds, search index and open data wait until the parsed folders
	// are saved, which lets go of the previous build's (read at the start
	// of the load) before the search index needs its working memory.
	b.extrasAfter = parsedSaved
	res := b.finishRun(jobs, start)
	res.Why = inc.why
	if l.Len() > 0 {
		if outDir != nil {
			outDir.Abort()
		}
		return res, l
	}
	if update {
		res.Mode, res.Written = ModeUpdate, len(inc.buffer)
		err = inc.apply()
	} else {
		res.Mode, res.Written = ModeFull, len(inc.files)
		err = outDir.Commit()
		if err != nil {
			outDir.Abort()
		}
	}
	if err != nil {
		inc.forget()
		l.Add(diag.Pos{File: out}, "cannot write the output folder: %v", err)
		return res, l
	}
	res.Reused = inc.reused
	if err := inc.save(derived, res.Pages, res.Products, l.Problems()); err != nil {
		inc.forget()
		l.WarnHint(diag.Pos{File: inc.file}, "check that the cache folder can be written; the next build will be a full one", "cannot record the build: %v", err)
	}
	waitForParsed()
	res.ParsedReused = parsed.hits
	res.Duration = time.Since(start)
	return res, l
}

// buildDate is the day a build is for: opts.Now, or today.
func buildDate(now time.Time) time.Time {
	if now.IsZero() {
		now = time.Now()
	}
	y, m, d := now.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Check validates the site in dir exactly as Build would, writing nothing.
func Check(dir string, opts Options) (*Result, *diag.List) {
	fsys, err := SiteFS(dir)
	if err != nil {
		l := &diag.List{}
		l.Add(diag.Pos{File: dir}, "cannot open the site folder: %v", err)
		return nil, l
	}
	opts.ImageCache = imageCacheDir(dir, opts.ImageCache)
	return run(fsys, publish.Discard{}, opts)
}

// SiteFS opens the site folder so that nothing read through it can leave
// it: a symbolic link to a file outside the site (say, a photo linked to
// /etc/passwd) fails to open instead of being published.
func SiteFS(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return root.FS(), nil
}

// Generate runs the whole pipeline from fsys into sink; it is what Build and
// Check share, and what tests drive with an in-memory site.
func Generate(fsys fs.FS, sink publish.Sink, opts Options) (*Result, *diag.List) {
	return run(fsys, sink, opts)
}

func run(fsys fs.FS, sink publish.Sink, opts Options) (*Result, *diag.List) {
	start := time.Now()
	b, jobs, l := prepare(fsys, sink, opts, nil, nil)
	if b == nil {
		return nil, l
	}
	b.step("images (plan)", func() { b.planImages(opts.ImageCache) })
	return b.finishRun(jobs, start), l
}

// finishRun renders, writes the other outputs and checks the links.
func (b *builder) finishRun(jobs []job, start time.Time) *Result {
	// The feeds, search index and open data need the catalogue, not the
	// pages: they are made while the pages render, on the time the
	// rendering leaves a core waiting for the disk.
	extras := make(chan time.Duration, 1)
	go func() {
		if b.extrasAfter != nil {
			<-b.extrasAfter
		}
		t := time.Now()
		b.extras(jobs)
		extras <- time.Since(t)
	}()
	b.step("render pages", func() { b.renderAll(jobs) })
	b.step("static files, images", b.assets)
	// Recorded as the time they took, though most of it overlapped.
	t := <-extras
	b.steps = append(b.steps, Timing{Name: "feeds, search, data (beside rendering)", Duration: t})
	if b.l.Len() == 0 {
		b.step("link check", b.checkLinks)
	}
	files, size := b.pub.Stats()
	return &Result{Pages: len(jobs), Files: files, Bytes: size, Products: len(b.cat.Products), Duration: time.Since(start),
		Images: b.imageStats(), Steps: b.steps, Layouts: b.layoutTimes.sorted()}
}

// step runs f and records how long it took.
func (b *builder) step(name string, f func()) {
	t := time.Now()
	f()
	b.steps = append(b.steps, Timing{Name: name, Duration: time.Since(t)})
}

// prepare runs the steps before rendering — load, theme, plan — and
// returns nil when there are problems.
// products, when not nil, supplies product folders parsed by an earlier
// build.
func prepare(fsys fs.FS, sink publish.Sink, opts Options, cache *content.Cache, products content.ProductCache) (*builder, []job, *diag.List) {
	opts.Now = buildDate(opts.Now)

	start := time.Now()
	cat, l := content.Load(fsys, content.Options{Now: opts.Now, BaseURL: opts.BaseURL, Cache: cache, Products: products})
	loaded := time.Now()
	theme := overlay{top: fsys, base: opts.Theme}
	b := &builder{
		cat: cat, l: l, now: opts.Now,
		pub: publish.New(sink, !opts.NoMinify), pending: map[string]*linkUse{}, fileURLs: opts.FileURLs,
		site: fsys, theme: theme,
	}
	usable := true
	for _, s := range cat.Site.Editions() {
		r := render.New(theme, s, l)
		usable = usable && r != nil
		b.editions = append(b.editions, &edition{builder: b, site: s, r: r, md: b.markdown(s)})
	}
	if l.Len() > 0 || !usable {
		return nil, nil, l
	}
	var jobs []job
	for _, e := range b.editions {
		jobs = append(jobs, e.plan()...)
	}
	b.planned = make(map[string]bool, len(jobs))
	for _, j := range jobs {
		b.planned[j.path] = true
	}
	b.steps = append(b.steps, Timing{Name: "load content", Duration: loaded.Sub(start)},
		Timing{Name: "theme, plan", Duration: time.Since(loaded)})
	return b, jobs, l
}

// markdown is the Markdown converter of edition s. Site-absolute links in
// the text ("/san-pham/x/") lead to the edition's own page when there is
// one; images and other files stay at the root.
func (b *builder) markdown(s *config.Site) *markdown.Converter {
	if s.Prefix == "" {
		return markdown.New(s.BasePath)
	}
	return markdown.NewEdition(s.BasePath, s.Prefix, func(p string) bool {
		if p == "" || strings.HasSuffix(p, "/") {
			p += "index.html"
		}
		return b.planned[s.Prefix+p]
	})
}

// extras writes the outputs that are not pages: feeds, sitemap, robots.txt,
// the search index and the open data files. They run one after the other:
// beside the rendering, which keeps the cores busy, side by side would
// finish no sooner, and each needs working memory (the search index about
// 100 MB at 20,000 products) that is better not added up.
func (b *builder) extras(jobs []job) {
	b.feeds(jobs)
	b.openData()
	b.search()
}

// builder carries the state of one run.
type builder struct {
	cat *content.Catalog
	pub *publish.Publisher
	l   *diag.List
	now time.Time
	// editions are the site's language editions, the default one first.
	editions []*edition

	fileURLs bool
	site     fs.FS // the site folder
	theme    fs.FS // the theme as the site sees it
	images   *imageStep
	qrCodes  sync.Map // page address → *qr.Code, encoded once per build

	steps       []Timing
	layoutTimes layoutTimes
	// inc records this build for the next one (Build only).
	inc *incremental
	// extrasAfter, when not nil, is closed when the feeds, search index
	// and open data may start (Build only).
	extrasAfter <-chan struct{}

	mu sync.Mutex
	// planned holds every page path before rendering starts, so most links
	// are checked as soon as their page is rendered; pending keeps the
	// targets of the others (assets, feeds, QR codes), checked at the end
	// against what was written: once per target, not per page, as every
	// page links the same style sheet and feed. Nothing else of a page is
	// kept in memory.
	planned map[string]bool
	pending map[string]*linkUse
}

// edition is one language edition of the site: its configuration (title,
// menu, the path prefix of its pages), its layouts and interface strings.
// It makes the edition's pages; what all editions share is the builder's.
type edition struct {
	*builder
	site *config.Site
	r    *render.Renderer
	md   *markdown.Converter
}

// job is one page to render: where it goes (the output path, with the
// edition's prefix), its edition, how to make its view, and the file that
// caused it, for messages.
type job struct {
	path    string
	source  string
	noIndex bool
	ed      *edition
	view    func() *render.Page
	// qrName, when set, is the name the page's QR code files are titled
	// with; they are written with the page (see qr.go).
	qrName string
	// large marks the few pages that list a whole catalogue (every
	// producer, every sales point, the statistics): megabytes each.
	large bool
}

// renderAll renders the large pages first, then the rest in plan order.
// First, because the memory a large page takes to render (tens of
// megabytes) then comes on top of the least: the records of the pages
// written so far grow to the end of the build. It also keeps one core
// from finishing a large page alone after the others are done.
// The plan itself is left as it is: the sitemap and the search index read
// it beside the rendering. The order is a list of indexes, a tenth of the
// size of a copy.
func (b *builder) renderAll(jobs []job) {
	order := make([]int32, 0, len(jobs))
	for i, j := range jobs {
		if j.large {
			order = append(order, int32(i))
		}
	}
	for i, j := range jobs {
		if !j.large {
			order = append(order, int32(i))
		}
	}
	parallel(order, func(i int32) { b.renderOne(jobs[i]) })
}

func (b *builder) renderOne(j job) {
	if j.qrName != "" {
		dir := strings.TrimSuffix(strings.TrimPrefix(j.path, j.ed.site.Prefix), "index.html")
		defer j.ed.qrFile(dir, j.qrName)
	}
	start := time.Now()
	var kind string
	// Minifying and writing are part of the page's cost.
	defer func() { b.layoutTimes.add(kind, time.Since(start)) }()
	var known bool // the page's fingerprint was taken before rendering
	if b.inc != nil {
		var key viewhash.Sum
		if key, known = b.inc.keyOf(j.path); known && b.inc.reuse(b.pub, j.path, key) {
			return // unchanged since the previous build
		}
	}
	view := j.view()
	if b.inc != nil && !known {
		b.inc.setKey(j.path, b.inc.hasher.View(view))
	}
	buf := pageBuffers.Get().(*pageBuffer)
	defer buf.release()
	html, err := b.page(j, view, &kind, buf)
	if err != nil {
		b.l.Add(diag.Pos{File: j.source}, "rendering %s: %v", j.path, err)
		return
	}
	if err := b.pub.Write(j.path, html); err != nil {
		b.l.Add(diag.Pos{File: j.source}, "writing %s: %v", j.path, err)
	}
}

// pageBuffer holds the scratch space of rendering one page, reused from
// page to page: without it a build allocates every page twice over (the
// template's output, then the page with relative links), about two
// gigabytes at 20,000 products, and the garbage collector pays for it.
type pageBuffer struct {
	tmpl bytes.Buffer
	rel  []byte
}

var pageBuffers = sync.Pool{New: func() any { return new(pageBuffer) }}

// release gives buf back for another page, unless a large page grew it
// (see publish.MaxPooled).
func (buf *pageBuffer) release() {
	if buf.tmpl.Cap() > publish.MaxPooled || cap(buf.rel) > publish.MaxPooled {
		return
	}
	pageBuffers.Put(buf)
}

// page renders one page and makes its links relative, handing every link
// to the link check. The page is returned in buf's memory: it is valid
// until buf is used again.
// The page's layout is stored in *kind, for timings.
func (b *builder) page(j job, view *render.Page, kind *string, buf *pageBuffer) ([]byte, error) {
	e := j.ed
	view.Path = strings.TrimPrefix(j.path, e.site.Prefix)
	*kind = view.Kind
	e.finish(view)
	buf.tmpl.Reset()
	if err := e.r.Render(&buf.tmpl, e.withMarkdown(view)); err != nil {
		return nil, err
	}
	html := buf.tmpl.Bytes()
	var pending []pendingLink
	seen := map[string]bool{}
	keep := func(u string) {
		target, ok := b.internalPath(u)
		if !ok || seen[target] || b.planned[target] {
			return
		}
		seen[target] = true
		pending = append(pending, pendingLink{target, u})
	}
	// The 404 page is served at any missing address, so only root-relative
	// links work from it; every other page links relatively.
	if view.Kind != "404" {
		buf.rel = publish.AppendRelative(buf.rel[:0], html, strings.TrimSuffix(j.path, "index.html"), b.cat.Site.BasePath, b.fileURLs, keep)
		html = buf.rel
	} else {
		publish.Relativize(html, "", b.cat.Site.BasePath, false, keep)
	}
	if len(pending) > 0 {
		b.mu.Lock()
		for _, l := range pending {
			b.pending[l.target] = b.pending[l.target].add(j.path, l.href)
		}
		b.mu.Unlock()
	}
	return html, nil
}

// assets copies the theme's static files (site's own first) and publishes
// the product photos.
func (b *builder) assets() {
	if err := b.pub.CopyFS(b.theme, "static"); err != nil {
		b.l.Add(diag.Pos{File: "static"}, "copying static files: %v", err)
	}
	for name, hashed := range b.editions[0].r.Assets() {
		data, err := fs.ReadFile(b.theme, name)
		if err == nil {
			err = b.pub.Write(hashed, data)
		}
		if err != nil {
			b.l.Add(diag.Pos{File: name}, "copying static files: %v", err)
		}
	}
	b.publishImages()
}

func (r *Result) String() string {
	return fmt.Sprintf("%d pages, %d files, %.1f MB, %d products in %s",
		r.Pages, r.Files, float64(r.Bytes)/1e6, r.Products, r.Duration.Round(time.Millisecond))
}
