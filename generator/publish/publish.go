// Package publish writes the generated site. Every file passes through one
// chain: minification by media type (HTML, CSS, JS, SVG, JSON, XML) and then
// the sink. The directory sink builds into a hidden sibling folder and swaps
// it with the output folder only when the whole build succeeded, so a failed
// or interrupted build leaves the previous site untouched. The discard sink
// lets `ocop check` run the same pipeline without writing anything.
package publish

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Sink receives finished files.
type Sink interface {
	// WriteFile stores data at rel, a slash-separated path under the site
	// root. data is the caller's only until WriteFile returns (it is a
	// reused buffer): a sink that keeps it must copy it.
	WriteFile(rel string, data []byte) error
}

// Publisher minifies files and hands them to a sink, remembering every path
// written so links can be checked against the output.
type Publisher struct {
	sink   Sink
	minify *minify.M

	mu      sync.Mutex
	written map[string]int64
}

// New returns a publisher writing into sink; with minifyOutput false, files
// are written as rendered (for reading a theme's output, and golden tests).
func New(sink Sink, minifyOutput bool) *Publisher {
	if !minifyOutput {
		return &Publisher{sink: sink, written: map[string]int64{}}
	}
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	// SVG files only: SVG inline in a page (QR codes, charts, score bars)
	// is drawn compact by ocop, and leaving "image/svg+xml" unregistered
	// makes the HTML minifier pass it through instead of re-parsing every
	// path (a third of the minifier's time on a catalogue).
	m.AddFunc(svgFileType, svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &Publisher{sink: sink, minify: m, written: map[string]int64{}}
}

// svgFileType is the minifier's name for SVG files (see New).
const svgFileType = "image/x-svg-file"

// mediaTypes maps file extensions to the media types the minifier knows.
var mediaTypes = map[string]string{
	".html":        "text/html",
	".css":         "text/css",
	".js":          "application/javascript",
	".svg":         svgFileType,
	".json":        "application/json",
	".xml":         "application/xml",
	".webmanifest": "application/manifest+json",
}

// Write minifies data according to rel's extension and stores it.
func (p *Publisher) Write(rel string, data []byte) error {
	if mt, ok := mediaTypes[path.Ext(rel)]; ok && p.minify != nil {
		out := minified.Get().(*bytes.Buffer)
		defer func() {
			// A buffer grown by one of the few very large pages is let
			// go rather than kept, unused, to the end of the build.
			if out.Cap() <= MaxPooled {
				minified.Put(out)
			}
		}()
		out.Reset()
		out.Grow(len(data))
		// A *bytes.Buffer is read in place, without a copy of the page.
		if err := p.minify.Minify(mt, out, bytes.NewBuffer(data)); err != nil {
			return fmt.Errorf("minify %s: %w", rel, err)
		}
		data = out.Bytes()
	}
	return p.WriteRaw(rel, data)
}

// minified holds buffers for minified files, reused from file to file: a
// build of 20,000 products minifies about a gigabyte of pages.
var minified = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// MaxPooled is the largest buffer kept for reuse by the next file (here)
// or page (the site's page buffers): the few pages listing every producer
// or sales point run to megabytes, and buffers grown for them would
// otherwise stay, unused, to the end of the build — tens of megabytes at
// 20,000 products, for pages a hundred times smaller.
const MaxPooled = 256 << 10

// WriteRaw stores data unchanged (images, files that are already final).
func (p *Publisher) WriteRaw(rel string, data []byte) error {
	if err := p.sink.WriteFile(rel, data); err != nil {
		return err
	}
	p.mu.Lock()
	p.written[rel] = int64(len(data))
	p.mu.Unlock()
	return nil
}

// CopyFS copies every file of fsys under dir to the same path in the output.
func (p *Publisher) CopyFS(fsys fs.FS, dir string) error {
	return fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if name == dir {
				return nil // no such folder: nothing to copy
			}
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		return p.Write(name, data)
	})
}

// Has reports whether rel was written.
func (p *Publisher) Has(rel string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	_, ok := p.written[rel]
	return ok
}

// Stats returns the number of files written and their total size.
func (p *Publisher) Stats() (files int, bytes int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, n := range p.written {
		bytes += n
	}
	return len(p.written), bytes
}

// Discard is a sink that keeps nothing, for `ocop check`.
type Discard struct{}

// WriteFile implements Sink.
func (Discard) WriteFile(string, []byte) error { return nil }

// Dir is a sink that builds into a temporary folder beside the output folder
// and replaces the output folder with it on Commit.
type Dir struct {
	out string
	tmp string

	mu   sync.Mutex
	dirs map[string]bool
}

// NewDir prepares a build of the output folder out.
func NewDir(out string) (*Dir, error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	prefix := buildingPrefix(out)
	removeAbandoned(parent, prefix)
	tmp, err := os.MkdirTemp(parent, prefix+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return nil, err
	}
	// Clean, so that the folders of files (filepath.Join cleans) end at
	// exactly this path: "./.public.building-…" would never be reached.
	tmp = filepath.Clean(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	return &Dir{out: out, tmp: tmp, dirs: map[string]bool{}}, nil
}

// WriteFile implements Sink.
func (d *Dir) WriteFile(rel string, data []byte) error {
	if !fs.ValidPath(rel) {
		return fmt.Errorf("invalid output path %q", rel)
	}
	full := filepath.Join(d.tmp, filepath.FromSlash(rel))
	dir := filepath.Dir(full)
	d.mu.Lock()
	known := d.dirs[dir]
	d.mu.Unlock()
	if !known {
		if err := d.mkdir(dir); err != nil {
			return err
		}
	}
	return os.WriteFile(full, data, 0o644)
}

// mkdir makes dir and any missing parents, remembering what exists. A page
// folder's parent almost always exists already, so this is one mkdir call
// where os.MkdirAll would stat first; with tens of thousands of folders
// that is measurable.
func (d *Dir) mkdir(dir string) error {
	d.mu.Lock()
	known := d.dirs[dir]
	d.mu.Unlock()
	if known || dir == d.tmp {
		return nil
	}
	parent := filepath.Dir(dir)
	if parent == dir || !strings.HasPrefix(dir, d.tmp+string(filepath.Separator)) {
		return fmt.Errorf("folder %s is outside the build folder %s", dir, d.tmp)
	}
	if err := d.mkdir(parent); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
		return err
	}
	d.mu.Lock()
	d.dirs[dir] = true
	d.mu.Unlock()
	return nil
}

func buildingPrefix(out string) string { return "." + filepath.Base(out) + ".building-" }

// RemoveAbandoned deletes what killed builds of out left beside it. A
// full build does it when it starts; a build that does not make a new
// folder (an incremental one) calls it.
func RemoveAbandoned(out string) {
	out = filepath.Clean(out)
	removeAbandoned(filepath.Dir(out), buildingPrefix(out))
}

// removeAbandoned deletes the temporary folders of builds that were killed
// before they could clean up: those whose process no longer runs. A build
// still running (in another terminal, say) keeps its folder.
func removeAbandoned(parent, prefix string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		if pid, err := strconv.Atoi(pidText); err == nil && processAlive(pid) {
			continue
		}
		_ = os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}

// Commit puts the new build in place of the output folder. The old folder
// is removed only after the new one is in place.
func (d *Dir) Commit() error {
	if _, err := os.Lstat(d.out); os.IsNotExist(err) {
		return os.Rename(d.tmp, d.out)
	}
	if err := exchange(d.tmp, d.out); err == nil {
		return os.RemoveAll(d.tmp) // tmp now holds the previous build
	}
	old := d.tmp + ".old"
	if err := os.Rename(d.out, old); err != nil {
		return err
	}
	if err := os.Rename(d.tmp, d.out); err != nil {
		_ = os.Rename(old, d.out)
		return err
	}
	return os.RemoveAll(old)
}

// Abort removes the unfinished build, leaving the output folder as it was.
func (d *Dir) Abort() {
	_ = os.RemoveAll(d.tmp)
}

// Memory is a sink that keeps every file in memory, for tests and previews.
type Memory struct {
	mu    sync.Mutex
	Files map[string][]byte
}

// NewMemory returns an empty in-memory sink.
func NewMemory() *Memory { return &Memory{Files: map[string][]byte{}} }

// WriteFile implements Sink.
func (m *Memory) WriteFile(rel string, data []byte) error {
	if !fs.ValidPath(rel) {
		return fmt.Errorf("invalid output path %q", rel)
	}
	m.mu.Lock()
	m.Files[rel] = append([]byte(nil), data...)
	m.mu.Unlock()
	return nil
}

// Get returns the file written at rel.
func (m *Memory) Get(rel string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	data, ok := m.Files[rel]
	return data, ok
}

// MarkWritten records rel as present in the output without writing it: an
// incremental build keeps the file from the previous build.
func (p *Publisher) MarkWritten(rel string, size int64) {
	p.mu.Lock()
	p.written[rel] = size
	p.mu.Unlock()
}

// WriteInPlace replaces the file rel under the folder out with data: it is
// written beside its final name and renamed over it, so a reader (a web
// server) sees the old file or the new one, never half of one.
func WriteInPlace(out, rel string, data []byte) error {
	if !fs.ValidPath(rel) {
		return fmt.Errorf("invalid output path %q", rel)
	}
	full := filepath.Join(out, filepath.FromSlash(rel))
	dir := filepath.Dir(full)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".ocop-"+filepath.Base(full)+"-")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, full)
	}
	if err != nil {
		_ = os.Remove(tmp)
	}
	return err
}
