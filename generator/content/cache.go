package content

import (
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/ocop-vn/ocop/generator/diag"
)

// Cache keeps what loading each file (or product folder) produced — the
// decoded value and its problems — between loads of the same site. The
// preview server invalidates the paths an edit touched and reloads; all
// other files are taken from the cache, so a save costs one file's parse
// plus the cross-file checks, not a re-read of the whole catalogue.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry
	// productDirs is the list of product folders, kept until an edit may
	// have added or removed one.
	productDirs []string
	dirProblems []diag.Problem
	// suspects are product.yaml files an edit touched: if one appeared or
	// vanished, the list of product folders must be made again.
	suspects []string
	// dirs keeps the listings of the record folders (producers, news…);
	// dirSuspects the paths an edit touched in each.
	dirs        map[string][]fs.DirEntry
	dirSuspects map[string][]string
}

// rubricsKey is the cache entry of the criteria sets.
const rubricsKey = "content/rubrics"

type cacheEntry struct {
	val      any
	problems []diag.Problem
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{entries: map[string]cacheEntry{}, dirs: map[string][]fs.DirEntry{}, dirSuspects: map[string][]string{}}
}

// Invalidate forgets what was loaded from the given site paths (slash
// separated, relative to the site root): a file's own entry, or the product
// folder it belongs to. A change to site.yaml or to a criteria set affects
// how every score file is read, so it clears everything.
func (c *Cache) Invalidate(paths ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range paths {
		if p == "site.yaml" || strings.HasPrefix(p, "content/rubrics/") || p == "content" || p == "products" {
			c.entries, c.productDirs = map[string]cacheEntry{}, nil
			c.dirs, c.dirSuspects = map[string][]fs.DirEntry{}, map[string][]string{}
			return
		}
		if d := path.Dir(p); c.dirs[d] != nil {
			c.dirSuspects[d] = append(c.dirSuspects[d], p)
		}
		if c.dirs[p] != nil {
			delete(c.dirs, p) // the folder itself was made or removed
		}
		// A folder made or removed, or a product.yaml added or deleted,
		// changes which folders are products; edits of other files do not.
		switch {
		case strings.HasPrefix(p, "products/") && path.Ext(p) == "":
			c.productDirs = nil // a folder made or removed
		case strings.HasPrefix(p, "products/") && path.Base(p) == "product.yaml":
			c.suspects = append(c.suspects, p)
		}
		for key := range c.entries {
			if key == p || strings.HasPrefix(p, key+"/") || strings.HasPrefix(key, p+"/") {
				delete(c.entries, key)
			}
		}
	}
}

// Len reports how many entries the cache holds.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// cached returns what load produced for key, from the cache when present.
// load runs with a loader of its own problem list, so the problems can be
// stored with the value and replayed on every later load.
func (ld *loader) cached(key string, load func(ld *loader) any) any {
	if ld.cache == nil {
		return load(ld)
	}
	ld.cache.mu.Lock()
	e, ok := ld.cache.entries[key]
	ld.cache.mu.Unlock()
	if !ok {
		sub := &loader{fsys: ld.fsys, l: &diag.List{}, keepSheets: ld.keepSheets}
		e = cacheEntry{val: load(sub), problems: sub.l.Problems()}
		ld.cache.mu.Lock()
		ld.cache.entries[key] = e
		ld.cache.mu.Unlock()
	}
	for _, p := range e.problems {
		ld.l.Replay(p)
	}
	return fresh(e.val)
}

// fresh returns a shallow copy of a cached record, so that linking one load
// (which sets producer, sales point and news references on the records)
// never writes to records an earlier load — still being served by the
// preview — is reading.
func fresh(v any) any {
	switch v := v.(type) {
	case *Product:
		if v == nil {
			return v
		}
		c := *v
		return &c
	case *Producer:
		c := *v
		return &c
	case *SalesPoint:
		c := *v
		return &c
	case *News:
		if v == nil {
			return v
		}
		c := *v
		return &c
	case *Page:
		if v == nil {
			return v
		}
		c := *v
		return &c
	}
	return v // read-only values: criteria sets
}

// productDirs returns the product folders, from the cache when still valid.
func (ld *loader) productDirs() []string {
	if ld.cache == nil {
		var dirs []string
		ld.findProducts("products", &dirs)
		return dirs
	}
	ld.cache.mu.Lock()
	dirs, problems, suspects := ld.cache.productDirs, ld.cache.dirProblems, ld.cache.suspects
	ld.cache.suspects = nil
	ld.cache.mu.Unlock()
	if dirs != nil && len(suspects) > 0 {
		known := make(map[string]bool, len(dirs))
		for _, d := range dirs {
			known[d] = true
		}
		for _, s := range suspects {
			_, err := fs.Stat(ld.fsys, s)
			if (err == nil) != known[path.Dir(s)] {
				dirs = nil // a product.yaml appeared or vanished
				break
			}
		}
	}
	if dirs == nil {
		sub := &loader{fsys: ld.fsys, l: &diag.List{}}
		dirs = []string{}
		sub.findProducts("products", &dirs)
		problems = sub.l.Problems()
		ld.cache.mu.Lock()
		ld.cache.productDirs, ld.cache.dirProblems = dirs, problems
		ld.cache.mu.Unlock()
	}
	for _, p := range problems {
		ld.l.Replay(p)
	}
	return dirs
}

// readDir lists a record folder, from the cache when no edit since can have
// added or removed a file in it.
func (ld *loader) readDir(dir string) ([]fs.DirEntry, error) {
	if ld.cache == nil {
		return fs.ReadDir(ld.fsys, dir)
	}
	ld.cache.mu.Lock()
	entries, ok := ld.cache.dirs[dir]
	suspects := ld.cache.dirSuspects[dir]
	delete(ld.cache.dirSuspects, dir)
	ld.cache.mu.Unlock()
	if ok {
		names := make(map[string]bool, len(entries))
		for _, e := range entries {
			names[e.Name()] = true
		}
		for _, s := range suspects {
			_, err := fs.Stat(ld.fsys, s)
			if (err == nil) != names[path.Base(s)] {
				ok = false // a file appeared or vanished
				break
			}
		}
	}
	if ok {
		return entries, nil
	}
	entries, err := fs.ReadDir(ld.fsys, dir)
	if err != nil {
		return nil, err
	}
	ld.cache.mu.Lock()
	ld.cache.dirs[dir] = entries
	ld.cache.mu.Unlock()
	return entries, nil
}
