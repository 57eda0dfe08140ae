package site

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/rubric"
	"github.com/ocop-vn/ocop/generator/viewhash"
)

// parsedFile is where a site's parsed product folders are kept, in its
// cache folder.
const parsedFile = "parsed-products.gob"

// parsedCache keeps the product folders a build parsed, for the next
// build of the same site to take instead of parsing them again (see
// content.ParsedProduct). A folder is taken only when every one of its
// files has the size and modification time it had when it was parsed,
// none was modified in the moments before that build took its stamps
// (the racy window of incremental.go), and ocop, site.yaml, --base-url
// and the criteria sets are the same.
type parsedCache struct {
	file string
	key  viewhash.Sum
	// folders is the fingerprint of each product folder's stamps; a folder
	// that is not to be trusted is absent.
	folders map[string][32]byte
	reuse   bool // false with --clean: parse everything, keep it for later

	mu   sync.Mutex
	prev map[string]content.ParsedProduct // read at Start, emptied as taken
	hits int
	// This build's folders are written as they are parsed (or taken from
	// prev) to tmp, which save renames over file: keeping them until the
	// load is over held a copy of every product, 50 MB at 20,000.
	tmp  *os.File
	w    *bufio.Writer
	enc  *content.ParsedEncoder
	kept int
	err  error // the first failure to write tmp
}

// newParsedCache prepares the cache of the site in dir, given the stamps
// a build took at time stamped.
func newParsedCache(dir string, opts Options, inputs map[string]stamp, stamped int64) *parsedCache {
	var parts [][]byte
	parts = append(parts, []byte{manifestVersion}, executableSum(), []byte(opts.BaseURL))
	if fsys, err := SiteFS(dir); err == nil {
		parts = append(parts, treeBytes(fsys, config.File, "content/rubrics")...)
	}
	return &parsedCache{
		file:    filepath.Join(filepath.Dir(opts.ImageCache), parsedFile),
		key:     viewhash.Bytes(parts...),
		folders: folderStamps(inputs, stamped),
		reuse:   !opts.Clean,
	}
}

// folderStamps fingerprints the stamps of the files of each product
// folder (the folder of a product.yaml, with everything under it).
func folderStamps(inputs map[string]stamp, stamped int64) map[string][32]byte {
	dirs := map[string]bool{}
	for name := range inputs {
		if path.Base(name) == "product.yaml" && strings.HasPrefix(name, "products/") {
			dirs[path.Dir(name)] = true
		}
	}
	files := map[string][]string{}
	for name := range inputs {
		if !strings.HasPrefix(name, "products/") {
			continue
		}
		for d := path.Dir(name); d != "." && d != "products"; d = path.Dir(d) {
			if dirs[d] {
				files[d] = append(files[d], name)
				break
			}
		}
	}
	racy := stamped - int64(racyWindow)
	out := make(map[string][32]byte, len(files))
	var buf []byte
	for d, names := range files {
		slices.Sort(names)
		buf = buf[:0]
		trusted := true
		for _, name := range names {
			s := inputs[name]
			if s.MTime >= racy {
				trusted = false
				break
			}
			buf = binary.AppendUvarint(buf, uint64(len(name)))
			buf = append(buf, name...)
			buf = binary.AppendVarint(buf, s.Size)
			buf = binary.AppendVarint(buf, s.MTime)
		}
		if trusted {
			out[d] = sha256.Sum256(buf)
		}
	}
	return out
}

// Start implements content.ProductCache: it reads the folders kept by the
// previous build. A missing, stale or unreadable file means parsing all.
func (c *parsedCache) Start(reg *rubric.Registry) {
	if !c.reuse {
		return
	}
	f, err := os.Open(c.file)
	if err != nil {
		return
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<16)
	var key viewhash.Sum
	if _, err := io.ReadFull(r, key[:]); err != nil || key != c.key {
		return
	}
	prev, err := content.DecodeParsed(r, reg)
	if err != nil {
		return
	}
	c.prev = prev
}

// Product implements content.ProductCache.
func (c *parsedCache) Product(dir string) (content.ParsedProduct, bool) {
	stamp, ok := c.folders[dir]
	if !ok {
		return content.ParsedProduct{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	pp, ok := c.prev[dir]
	if !ok || pp.Stamp != stamp {
		return content.ParsedProduct{}, false
	}
	delete(c.prev, dir) // the loader's own from now on
	c.keep(dir, pp)     // before linking writes to it
	c.hits++
	return pp, true
}

// Parsed implements content.ProductCache.
func (c *parsedCache) Parsed(dir string, pp content.ParsedProduct) {
	stamp, ok := c.folders[dir]
	if !ok {
		return
	}
	pp.Stamp = stamp
	c.mu.Lock()
	defer c.mu.Unlock()
	c.keep(dir, pp)
}

// keep writes folder dir to the temporary file; c.mu is held.
func (c *parsedCache) keep(dir string, pp content.ParsedProduct) {
	if c.err != nil {
		return
	}
	if c.enc == nil {
		if c.err = os.MkdirAll(filepath.Dir(c.file), 0o755); c.err != nil {
			return
		}
		if c.tmp, c.err = os.CreateTemp(filepath.Dir(c.file), parsedFile+".*"); c.err != nil {
			return
		}
		c.w = bufio.NewWriterSize(c.tmp, 1<<16)
		if _, c.err = c.w.Write(c.key[:]); c.err != nil {
			return
		}
		if c.enc, c.err = content.NewParsedEncoder(c.w); c.err != nil {
			return
		}
	}
	c.err = c.enc.Encode(dir, pp)
	c.kept++
}

// save puts the folders written during the load in place of the previous
// build's, atomically; with none, it removes the previous build's.
func (c *parsedCache) save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.prev, c.folders = nil, nil // not needed while the build goes on
	if c.tmp != nil {
		defer os.Remove(c.tmp.Name()) // after the rename, a no-op
	}
	if c.err != nil {
		if c.tmp != nil {
			c.tmp.Close()
		}
		return c.err
	}
	if c.kept == 0 {
		if c.tmp != nil {
			c.tmp.Close()
		}
		if err := os.Remove(c.file); err != nil && !os.IsNotExist(err) {
			return err
		}
		return nil
	}
	err := c.w.Flush()
	if cerr := c.tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Chmod(c.tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(c.tmp.Name(), c.file)
}
