package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ocop-vn/ocop/generator/content"
)

// TestScale reports the index of a large site: OCOP_SEARCH_SITE=DIR go test
// ./generator/search -run TestScale -v (e.g. a corpus of
// /work/shared/peers/gencorpus.py). Skipped without the variable.
func TestScale(t *testing.T) {
	dir := os.Getenv("OCOP_SEARCH_SITE")
	if dir == "" {
		t.Skip("OCOP_SEARCH_SITE not set")
	}
	start := time.Now()
	cat, l := content.Load(os.DirFS(dir), content.Options{Now: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)})
	if l.Len() > 0 {
		t.Logf("%d load problems", l.Len())
	}
	t.Logf("load %s", time.Since(start))
	start = time.Now()
	ix := New(cat, cat.Site, Options{})
	t.Logf("index %s: %s", time.Since(start), ix.Stats())
	start = time.Now()
	files, err := ix.Files()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("encode %s: %d files", time.Since(start), len(files))
	type sz struct {
		path    string
		raw, gz int
	}
	var all []sz
	var raw, gz int
	for _, f := range files {
		var b bytes.Buffer
		w, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
		w.Write(f.Data)
		w.Close()
		all = append(all, sz{f.Path, len(f.Data), b.Len()})
		raw += len(f.Data)
		gz += b.Len()
	}
	t.Logf("total %d files, %.1f MB raw, %.1f MB gzip", len(files), float64(raw)/1e6, float64(gz)/1e6)
	sort.Slice(all, func(i, j int) bool { return all[i].gz > all[j].gz })
	for _, s := range all[:min(15, len(all))] {
		t.Logf("  %-24s %7d raw %7d gz", s.path, s.raw, s.gz)
	}
	for _, want := range strings.Fields(os.Getenv("OCOP_SEARCH_SHOW")) {
		for _, s := range all {
			if s.path == want {
				t.Logf("  %-24s %7d raw %7d gz", s.path, s.raw, s.gz)
			}
		}
	}
}

func gzLen(v any) (int, int) {
	data, _ := json.Marshal(v)
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
	w.Write(data)
	w.Close()
	return len(data), b.Len()
}

func TestScaleShards(t *testing.T) {
	dir := os.Getenv("OCOP_SEARCH_SITE")
	if dir == "" {
		t.Skip("OCOP_SEARCH_SITE not set")
	}
	cat, _ := content.Load(os.DirFS(dir), content.Options{Now: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)})
	ix := New(cat, cat.Site, Options{})
	sh := ix.shards(ix.records())
	for _, k := range strings.Fields(os.Getenv("OCOP_SEARCH_SHOW")) {
		s := sh[k]
		if s == nil {
			continue
		}
		tr, tg := gzLen(s.Terms)
		dr, dg := gzLen(s.Details)
		ur, ug := gzLen(s.Prefix)
		t.Logf("%s: terms %d/%d, details %d docs %d/%d, prefix %d/%d", k, tr, tg, len(s.Details), dr, dg, ur, ug)
		for term, e := range s.Terms {
			r, g := gzLen(e)
			if g > 2000 {
				t.Logf("   %s %d/%d %v", term, r, g, e[0])
			}
		}
	}
}
