package imaging

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// manifestFile, in the cache folder, maps each source photo to its size,
// modification time, hash and orientation, so an unchanged photo is known
// by a stat instead of a read.
const manifestFile = "manifest.json"

type sourceEntry struct {
	Size        int64  `json:"size"`
	ModTime     int64  `json:"mtime"`
	Hash        string `json:"sha256"`
	Orientation int    `json:"orientation"`
}

// cache is the folder of resized photos: <dir>/<k[:2]>/<k>.jpg, k the key
// of source hash and operation. With dir "" it keeps nothing.
type cache struct {
	dir string

	mu      sync.Mutex
	old     map[string]sourceEntry // manifest as read
	sources map[string]sourceEntry // sources seen in this run
	used    map[string]bool        // keys read or written in this run
}

func openCache(dir string) *cache {
	c := &cache{dir: dir, old: map[string]sourceEntry{}, sources: map[string]sourceEntry{}, used: map[string]bool{}}
	if dir == "" {
		return c
	}
	if data, err := os.ReadFile(filepath.Join(dir, manifestFile)); err == nil {
		_ = json.Unmarshal(data, &c.old) // a damaged manifest only costs re-hashing
	}
	return c
}

func (c *cache) source(name string, fi fs.FileInfo) (sourceEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.sources[name]
	if !ok {
		e, ok = c.old[name]
	}
	if !ok || e.Size != fi.Size() || e.ModTime != fi.ModTime().UnixNano() || e.Hash == "" {
		return sourceEntry{}, false
	}
	return e, true
}

func (c *cache) remember(name string, e sourceEntry) {
	c.mu.Lock()
	c.sources[name] = e
	c.mu.Unlock()
}

func (c *cache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key+".jpg")
}

func (c *cache) get(key string) ([]byte, bool) {
	if c.dir == "" {
		return nil, false
	}
	data, err := os.ReadFile(c.path(key))
	if err != nil || len(data) == 0 {
		return nil, false
	}
	c.mu.Lock()
	c.used[key] = true
	c.mu.Unlock()
	return data, true
}

// put stores an entry by writing a temporary file and renaming it, so a
// killed build or a concurrent one never leaves half a photo under a key.
// Failures are ignored: without a cache the next build redoes the work.
func (c *cache) put(key string, data []byte) {
	if c.dir == "" {
		return
	}
	c.mu.Lock()
	c.used[key] = true
	c.mu.Unlock()
	p := c.path(key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		_ = os.Remove(f.Name())
	}
}

// finish writes the manifest of the sources seen, and with prune removes
// every entry (and leftover temporary file) not used since the cache was
// opened: photos deleted or changed, widths or quality changed.
func (c *cache) finish(prune bool) error {
	if c.dir == "" {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.sources) == 0 && len(c.old) == 0 {
		return nil // a site without photos needs no cache folder
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return err
	}
	data, err := json.Marshal(c.sources)
	if err != nil {
		return err
	}
	tmp := filepath.Join(c.dir, manifestFile+".tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(c.dir, manifestFile)); err != nil {
		return err
	}
	if !prune {
		return nil
	}
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.IsDir() || len(e.Name()) != 2 {
			continue
		}
		sub := filepath.Join(c.dir, e.Name())
		files, err := os.ReadDir(sub)
		if err != nil {
			continue
		}
		left := len(files)
		for _, f := range files {
			if c.used[strings.TrimSuffix(f.Name(), ".jpg")] {
				continue
			}
			if os.Remove(filepath.Join(sub, f.Name())) == nil {
				left--
			}
		}
		if left == 0 {
			_ = os.Remove(sub)
		}
	}
	return nil
}
