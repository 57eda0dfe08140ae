package site

// Incremental production builds.
//
// A build leaves a manifest in the cache folder (.ocop-cache/builds/): the
// build key, the size and modification time of every input file, and for
// every output file either the key of its inputs (pages and QR codes) or
// the hash of its content (everything else). The next build of the same
// output folder:
//
//   - does nothing when no input file changed and the key is the same
//     (the key covers the ocop binary, the options, --now, the theme and
//     the site-wide files: site.yaml, criteria sets, areas, layouts,
//     static files);
//   - else loads the catalogue, fingerprints every page's view
//     (viewhash) and renders only the pages whose fingerprint changed; the
//     other outputs (search index, open data, feeds, photos) are made again
//     and written only where their bytes differ. Every problem is found
//     before the output folder is touched; then the changed files are
//     written in place, each atomically (written beside, renamed over);
//   - falls back to a full build into a new folder, swapped in as always,
//     when the key changed, a page disappeared (links to it must be
//     checked again), the set of pages that every page may link to
//     changed, over half of the pages (or 5,000) changed, the output folder
//     is not the one the manifest describes, or the previous update was
//     interrupted.
//
// A test builds sites incrementally after edits, deletions and template
// changes and compares the output with a clean build, byte for byte.

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/publish"
	"github.com/ocop-vn/ocop/generator/rubric"
	"github.com/ocop-vn/ocop/generator/viewhash"
	"gopkg.in/yaml.v3"
)

// maxUpdatePages is the most pages an in-place update renders.
const maxUpdatePages = 5000

// manifestVersion changes whenever the manifest's meaning does.
const manifestVersion = 2

// Build modes, reported in Result.Mode (empty for Check and Generate).
const (
	ModeFull     = "full"
	ModeUpdate   = "incremental"
	ModeUpToDate = "up to date"
)

// manifest is what a build of an output folder leaves for the next one.
type manifest struct {
	Version int
	Key     viewhash.Sum
	// Derived fingerprints what any page may depend on beyond its view:
	// the area pages that exist (addresses link to the closest one) and,
	// with several editions, every page that exists (Markdown links go to
	// an edition's own page when it has one).
	Derived viewhash.Sum
	Inputs  map[string]stamp
	// Stamped is when Inputs were taken (Unix nanoseconds).
	Stamped int64
	// Files holds every output file. Keyed files (pages, QR codes) have
	// the key of their inputs; the others the hash of their content.
	Files    map[string]outFile
	Pages    int
	Products int
	Warnings []diag.Problem
}

type stamp struct {
	Size  int64
	MTime int64
}

type outFile struct {
	Size int64
	// Sum is, for a keyed file (pages and QR codes), the key of its
	// inputs; for the others, the SHA-256 of the content. One field, not
	// two: 94,000 of these stay in memory to the end of a 20,000-product
	// build.
	Sum   viewhash.Sum
	Keyed bool
}

// incremental is the state of an output folder's builds: the previous
// manifest (nil when there is none usable) and what this build records.
type incremental struct {
	file    string // the manifest's path
	out     string
	prev    *manifest
	why     string // why prev is nil or unusable, for --timings
	key     viewhash.Sum
	inputs  map[string]stamp
	stamped int64

	hasher *viewhash.Hasher
	mu     sync.Mutex
	keys   map[string]viewhash.Sum // page and QR paths → key, this build
	files  map[string]outFile      // this build's output files
	// buffer holds the files an in-place update will write; nil in a full
	// build.
	buffer map[string][]byte
	reused int
}

// openIncremental reads the previous manifest of out and fingerprints this
// build's inputs.
func openIncremental(dir, out string, opts Options) *incremental {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	sum := sha256.Sum256([]byte(abs))
	inc := &incremental{
		file:    filepath.Join(filepath.Dir(opts.ImageCache), "builds", hex.EncodeToString(sum[:8])+".gob"),
		out:     out,
		stamped: time.Now().UnixNano(),
		inputs:  stampInputs(dir),
		key:     buildKey(dir, opts),
	}
	prev, err := readManifest(inc.file)
	switch {
	case err != nil:
		inc.why = "no previous build recorded"
	case prev.Version != manifestVersion:
		inc.why = "previous build recorded by another version"
	case prev.Key != inc.key:
		inc.why = "ocop, options, date, theme or site-wide files changed"
	case !holds(out, prev.Files):
		inc.why = "output folder differs from the previous build's"
	case fileExists(inc.file + ".dirty"):
		inc.why = "previous update was interrupted"
	default:
		inc.prev = prev
	}
	return inc
}

// racyWindow: a file modified this close before the previous build took
// its stamps could have been modified again within the same tick of the
// file system's clock, keeping its stamp; such a file is not trusted to be
// unchanged (git's "racy clean" problem), and the build goes on to compare
// the pages themselves.
const racyWindow = 100 * time.Millisecond

// upToDate reports whether nothing at all changed since the previous build.
func (inc *incremental) upToDate() bool {
	if inc.prev == nil || len(inc.prev.Inputs) != len(inc.inputs) {
		return false
	}
	racy := inc.prev.Stamped - int64(racyWindow)
	for name, s := range inc.inputs {
		if inc.prev.Inputs[name] != s || s.MTime >= racy {
			return false
		}
	}
	return true
}

// start prepares the recording of this build.
func (inc *incremental) start() {
	inc.hasher = viewhash.New(
		[]any{(*content.Product)(nil), (*content.Producer)(nil), (*content.SalesPoint)(nil), (*content.News)(nil), (*content.Page)(nil)},
		[]any{(*config.Site)(nil), (*rubric.Set)(nil), (*rubric.Form)(nil), (*rubric.Registry)(nil), (*content.Catalog)(nil)},
		[]any{(*yaml.Node)(nil)},
	)
	inc.keys = map[string]viewhash.Sum{}
	inc.files = map[string]outFile{}
}

// derived fingerprints what every page may depend on besides its view.
func (b *builder) derived(jobs []job) viewhash.Sum {
	var parts [][]byte
	for _, e := range b.editions {
		paths := make([]string, 0, len(e.r.AreaPages()))
		for p := range e.r.AreaPages() {
			paths = append(paths, p)
		}
		slices.Sort(paths)
		parts = append(parts, []byte(strings.Join(paths, "\n")))
	}
	if len(b.editions) > 1 {
		paths := make([]string, len(jobs))
		for i, j := range jobs {
			paths[i] = j.path
		}
		slices.Sort(paths)
		parts = append(parts, []byte(strings.Join(paths, "\n")))
	}
	return viewhash.Bytes(parts...)
}

// viewKeys fingerprints every page's view, in parallel.
func (b *builder) viewKeys(jobs []job) {
	parallel(jobs, func(j job) { b.inc.setKey(j.path, b.inc.hasher.View(j.view())) })
}

func (inc *incremental) setKey(rel string, k viewhash.Sum) {
	inc.mu.Lock()
	inc.keys[rel] = k
	inc.mu.Unlock()
}

// keyOf returns the key recorded for rel in this build.
func (inc *incremental) keyOf(rel string) (viewhash.Sum, bool) {
	inc.mu.Lock()
	defer inc.mu.Unlock()
	k, ok := inc.keys[rel]
	return k, ok
}

// reuse reports whether the previous build's rel had key k; if so the
// file is kept and recorded as written.
func (inc *incremental) reuse(pub *publish.Publisher, rel string, k viewhash.Sum) bool {
	if inc.prev == nil || inc.buffer == nil {
		return false
	}
	old, ok := inc.prev.Files[rel]
	if !ok || !old.Keyed || old.Sum != k {
		return false
	}
	inc.mu.Lock()
	inc.files[rel] = old
	inc.reused++
	inc.mu.Unlock()
	pub.MarkWritten(rel, old.Size)
	return true
}

// updatePlan decides whether an in-place update can be made after the
// views were fingerprinted, and why not.
func (inc *incremental) updatePlan(jobs []job, derived viewhash.Sum) (bool, string) {
	if inc.prev.Derived != derived {
		return false, "pages that every page may link to changed"
	}
	planned := make(map[string]bool, len(jobs))
	changed := 0
	for _, j := range jobs {
		planned[j.path] = true
		old, ok := inc.prev.Files[j.path]
		if !ok || !old.Keyed || old.Sum != inc.keys[j.path] {
			changed++
		}
	}
	for rel, f := range inc.prev.Files {
		if f.Keyed && strings.HasSuffix(rel, ".html") && !planned[rel] {
			return false, "a page was removed: " + rel
		}
	}
	// An update keeps the changed pages in memory until all are rendered
	// and checked; beyond this many, a full build is as quick and bounded.
	if changed > maxUpdatePages || changed*2 > len(jobs) && changed > 200 {
		return false, "too many pages changed for an update"
	}
	return true, ""
}

// recordingSink records every output file of a build in the manifest and
// passes it on (full build) or keeps it for writing in place (update),
// dropping files whose content is what the previous build wrote.
type recordingSink struct {
	inc   *incremental
	inner publish.Sink // nil for an update
}

func (s recordingSink) WriteFile(rel string, data []byte) error {
	inc := s.inc
	k, keyed := inc.keyOf(rel)
	f := outFile{Size: int64(len(data)), Sum: k, Keyed: keyed}
	if !keyed {
		f.Sum = sha256.Sum256(data)
	}
	inc.mu.Lock()
	inc.files[rel] = f
	delete(inc.keys, rel) // recorded in files now
	inc.mu.Unlock()
	if s.inner != nil {
		return s.inner.WriteFile(rel, data)
	}
	if old, ok := inc.prev.Files[rel]; ok && !keyed && !old.Keyed && old.Sum == f.Sum {
		inc.mu.Lock()
		inc.reused++
		inc.mu.Unlock()
		return nil
	}
	inc.mu.Lock()
	inc.buffer[rel] = append([]byte(nil), data...)
	inc.mu.Unlock()
	return nil
}

// apply writes an update into the output folder: a marker first, so that
// a build killed half way is followed by a full one, then the changed
// files, each atomically, then the removal of files no longer made.
func (inc *incremental) apply() error {
	if err := os.MkdirAll(filepath.Dir(inc.file), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(inc.file+".dirty", nil, 0o644); err != nil {
		return err
	}
	names := make([]string, 0, len(inc.buffer))
	for rel := range inc.buffer {
		names = append(names, rel)
	}
	slices.Sort(names)
	var firstErr error
	var errMu sync.Mutex
	parallel(names, func(rel string) {
		if err := publish.WriteInPlace(inc.out, rel, inc.buffer[rel]); err != nil {
			errMu.Lock()
			if firstErr == nil {
				firstErr = err
			}
			errMu.Unlock()
		}
	})
	if firstErr != nil {
		return firstErr
	}
	for rel := range inc.prev.Files {
		if _, ok := inc.files[rel]; !ok {
			err := os.Remove(filepath.Join(inc.out, filepath.FromSlash(rel)))
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	return nil
}

// save writes the manifest of the build just committed and clears the
// interrupted-update marker.
func (inc *incremental) save(derived viewhash.Sum, pages, products int, warnings []diag.Problem) error {
	m := &manifest{Version: manifestVersion, Key: inc.key, Derived: derived,
		Inputs: inc.inputs, Stamped: inc.stamped, Files: inc.files, Pages: pages, Products: products, Warnings: warnings}
	if err := os.MkdirAll(filepath.Dir(inc.file), 0o755); err != nil {
		return err
	}
	tmp := inc.file + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	err = writeManifest(w, m)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, inc.file); err != nil {
		return err
	}
	err = os.Remove(inc.file + ".dirty")
	if errors.Is(err, fs.ErrNotExist) {
		err = nil
	}
	return err
}

// forget removes the manifest, so the next build is a full one (after a
// build failed half way through writing, say).
func (inc *incremental) forget() {
	_ = os.Remove(inc.file)
}

func readManifest(name string) (*manifest, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return decodeManifest(bufio.NewReaderSize(f, 1<<16))
}

// The manifest is written as a head and then its maps and warnings in
// chunks, each its own gob message: gob holds a whole message in memory
// before writing it, and the manifest of a 20,000-product build is 20 MB
// (with the encoder's growing buffer, 100 MB more at the end of the
// build, when memory is fullest).
type manifestHead struct {
	Version         int
	Key, Derived    viewhash.Sum
	Stamped         int64
	Pages, Products int
	Inputs, Files   int // how many entries follow, in chunks
	Warnings        int
}

type inputEntry struct {
	Name  string
	Stamp stamp
}

type fileEntry struct {
	Name string
	File outFile
}

// manifestChunk is the most entries one gob message holds.
const manifestChunk = 4096

func writeManifest(w io.Writer, m *manifest) error {
	enc := gob.NewEncoder(w)
	head := manifestHead{Version: m.Version, Key: m.Key, Derived: m.Derived, Stamped: m.Stamped,
		Pages: m.Pages, Products: m.Products, Inputs: len(m.Inputs), Files: len(m.Files), Warnings: len(m.Warnings)}
	if err := enc.Encode(&head); err != nil {
		return err
	}
	if err := encodeChunks(enc, m.Inputs, func(name string, s stamp) inputEntry { return inputEntry{name, s} }); err != nil {
		return err
	}
	if err := encodeChunks(enc, m.Files, func(name string, f outFile) fileEntry { return fileEntry{name, f} }); err != nil {
		return err
	}
	for lo := 0; lo < len(m.Warnings); lo += manifestChunk {
		if err := enc.Encode(m.Warnings[lo:min(lo+manifestChunk, len(m.Warnings))]); err != nil {
			return err
		}
	}
	return nil
}

// encodeChunks writes the entries of m, made by entry, in chunks.
func encodeChunks[V, E any](enc *gob.Encoder, m map[string]V, entry func(string, V) E) error {
	chunk := make([]E, 0, min(len(m), manifestChunk))
	for k, v := range m {
		if chunk = append(chunk, entry(k, v)); len(chunk) == manifestChunk {
			if err := enc.Encode(chunk); err != nil {
				return err
			}
			chunk = chunk[:0]
		}
	}
	if len(chunk) > 0 {
		return enc.Encode(chunk)
	}
	return nil
}

func decodeManifest(r io.Reader) (*manifest, error) {
	dec := gob.NewDecoder(r)
	var head manifestHead
	if err := dec.Decode(&head); err != nil {
		return nil, err
	}
	if head.Version != manifestVersion {
		return &manifest{Version: head.Version}, nil // not read further
	}
	m := &manifest{Version: head.Version, Key: head.Key, Derived: head.Derived, Stamped: head.Stamped,
		Pages: head.Pages, Products: head.Products,
		Inputs: make(map[string]stamp, head.Inputs), Files: make(map[string]outFile, head.Files)}
	if err := decodeChunks(dec, head.Inputs, func(e inputEntry) { m.Inputs[e.Name] = e.Stamp }); err != nil {
		return nil, err
	}
	if err := decodeChunks(dec, head.Files, func(e fileEntry) { m.Files[e.Name] = e.File }); err != nil {
		return nil, err
	}
	if err := decodeChunks(dec, head.Warnings, func(p diag.Problem) { m.Warnings = append(m.Warnings, p) }); err != nil {
		return nil, err
	}
	return m, nil
}

// decodeChunks reads chunks until n entries have been read, handing each
// entry to add.
func decodeChunks[E any](dec *gob.Decoder, n int, add func(E)) error {
	for read := 0; read < n; {
		var chunk []E
		if err := dec.Decode(&chunk); err != nil {
			return err
		}
		if len(chunk) == 0 {
			return errors.New("manifest: empty chunk")
		}
		for _, e := range chunk {
			add(e)
		}
		read += len(chunk)
	}
	return nil
}

// inputRoots are the files and folders of a site that a build reads.
var inputRoots = []string{config.File, "content", "products", "layouts", "static"}

// stampInputs lists the size and modification time of every input file.
func stampInputs(dir string) map[string]stamp {
	out := map[string]stamp{}
	var mu sync.Mutex
	_ = walkFiles(dir, inputRoots, func(rel string, d fs.DirEntry) error {
		info, err := d.Info()
		if err != nil {
			return nil
		}
		// rel is a slice of the whole path the walk made, site folder
		// included: a copy keeps only the relative part, for each of a
		// hundred thousand files held to the end of the build.
		rel = strings.Clone(rel)
		mu.Lock()
		out[rel] = stamp{Size: info.Size(), MTime: info.ModTime().UnixNano()}
		mu.Unlock()
		return nil
	})
	return out
}

// walkFiles calls f with the slash-separated path (relative to root) and
// entry of every file under root/r for each r of roots (all of root when
// roots is empty), on several goroutines: the top-level entries of each
// root are walked in parallel, as a site or its output holds up to a
// hundred thousand files. A root that is missing is skipped; the first
// error f returns stops its subtree and is returned.
func walkFiles(root string, roots []string, f func(rel string, d fs.DirEntry) error) error {
	if len(roots) == 0 {
		roots = []string{"."}
	}
	var trees []string
	for _, r := range roots {
		entries, err := os.ReadDir(filepath.Join(root, r))
		if err != nil {
			trees = append(trees, r) // a file, or missing: walked as is
			continue
		}
		for _, e := range entries {
			trees = append(trees, path.Join(r, e.Name()))
		}
	}
	var (
		mu    sync.Mutex
		first error
	)
	parallelN(trees, 4*runtime.GOMAXPROCS(0), func(tree string) {
		err := filepath.WalkDir(filepath.Join(root, tree), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == filepath.Join(root, tree) && errors.Is(err, fs.ErrNotExist) {
					return nil // a root that is not there
				}
				return err
			}
			if d.IsDir() {
				return nil
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			return f(filepath.ToSlash(rel), d)
		})
		if err != nil {
			mu.Lock()
			if first == nil {
				first = err
			}
			mu.Unlock()
		}
	})
	return first
}

// buildKey fingerprints everything every page depends on: the ocop
// executable itself, the options, the build date, the default theme and
// the site-wide files.
func buildKey(dir string, opts Options) viewhash.Sum {
	var parts [][]byte
	parts = append(parts, []byte{manifestVersion}, executableSum())
	parts = append(parts, []byte(opts.Now.Format(time.DateOnly)), []byte(opts.BaseURL),
		[]byte(boolText(opts.NoMinify)), []byte(boolText(opts.FileURLs)))
	if opts.Theme != nil {
		parts = append(parts, treeBytes(opts.Theme, "layouts", "static")...)
	}
	if fsys, err := SiteFS(dir); err == nil {
		parts = append(parts, treeBytes(fsys, config.File, "content/rubrics", "content/areas.yaml", "layouts", "static")...)
	}
	return viewhash.Bytes(parts...)
}

func boolText(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// treeBytes returns the names and contents of the files under roots.
func treeBytes(fsys fs.FS, roots ...string) [][]byte {
	var out [][]byte
	for _, root := range roots {
		_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return nil
			}
			out = append(out, []byte(path.Clean(p)), data)
			return nil
		})
	}
	return out
}

var executableOnce = sync.OnceValue(func() []byte {
	name, err := os.Executable()
	if err != nil {
		return []byte("unknown")
	}
	f, err := os.Open(name)
	if err != nil {
		return []byte("unknown")
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return []byte("unknown")
	}
	return h.Sum(nil)
})

// executableSum fingerprints the running ocop, so a new ocop (a different
// theme or different pages) never reuses an older one's output.
func executableSum() []byte { return executableOnce() }

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// holds reports whether the folder out holds exactly the files of a
// previous build, with their sizes: a folder deleted, replaced or edited by
// hand since is built in full. (Sizes, not times or inodes: a CI cache
// that restores the folder keeps the one and changes the others.)
func holds(out string, files map[string]outFile) bool {
	var n atomic.Int64
	errDiffers := errors.New("differs")
	err := walkFiles(out, nil, func(rel string, d fs.DirEntry) error {
		f, known := files[rel]
		info, err := d.Info()
		if !known || err != nil || info.Size() != f.Size {
			return errDiffers
		}
		n.Add(1)
		return nil
	})
	if _, statErr := os.Stat(out); statErr != nil {
		return false
	}
	return err == nil && n.Load() == int64(len(files))
}
