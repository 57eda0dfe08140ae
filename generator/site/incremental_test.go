package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	ocop "github.com/ocop-vn/ocop"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/viewhash"
)

// copyExample copies the example site's content (not its theme, which the
// embedded one provides) into a new folder.
func copyExample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, root := range []string{"site.yaml", "content", "products"} {
		src := filepath.Join(repoRoot, root)
		info, err := os.Stat(src)
		if err != nil {
			t.Fatal(err)
		}
		if !info.IsDir() {
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, root), data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.CopyFS(filepath.Join(dir, root), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameTrees reports every file that differs between two builds.
func sameTrees(t *testing.T, got, want map[string][]byte) {
	t.Helper()
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			t.Errorf("incremental build lacks %s", name)
		case !bytes.Equal(g, w):
			t.Errorf("%s differs from a clean build", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("incremental build has %s, a clean build does not", name)
		}
	}
}

func edit(t *testing.T, dir, name, old, new string) {
	t.Helper()
	p := filepath.Join(dir, name)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestIncrementalEqualsClean builds the example site, changes it step by
// step, and after each change builds it again over the previous output:
// the result must be byte for byte what a clean build of the same content
// makes, and the build must have taken the expected way.
func TestIncrementalEqualsClean(t *testing.T) {
	t.Run("two editions", func(t *testing.T) { incrementalSteps(t, copyExample(t)) })
	t.Run("one edition", func(t *testing.T) {
		dir := copyExample(t)
		singleEdition(t, dir)
		incrementalSteps(t, dir)
	})
}

// singleEdition turns the example into a Vietnamese-only site: no
// `languages`, no `translations` block.
func singleEdition(t *testing.T, dir string) {
	t.Helper()
	p := filepath.Join(dir, "site.yaml")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	skipping := false
	for _, line := range strings.Split(string(data), "\n") {
		top := line != "" && line[0] != ' ' && line[0] != '#'
		if top {
			skipping = strings.HasPrefix(line, "translations:")
		}
		if skipping || strings.HasPrefix(line, "languages:") {
			continue
		}
		out = append(out, line)
	}
	if err := os.WriteFile(p, []byte(strings.Join(out, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}

func incrementalSteps(t *testing.T, dir string) {
	out := filepath.Join(t.TempDir(), "public")
	opts := Options{Now: exampleNow, Theme: ocop.Theme, BaseURL: "https://ocop.example.vn/", ImageCache: filepath.Join(t.TempDir(), "images")}
	build := func(o Options, into string) *Result {
		t.Helper()
		res, l := Build(dir, into, o)
		if l.Len() > 0 {
			t.Fatalf("build problems:\n%v", l.Err())
		}
		return res
	}
	// Files written just before a build are not trusted to be unchanged
	// (see racyWindow); the steps below are meant to find them unchanged.
	time.Sleep(2 * racyWindow)
	if res := build(opts, out); res.Mode != ModeFull {
		t.Fatalf("first build: mode %q, want %q", res.Mode, ModeFull)
	}
	steps := []struct {
		name   string
		change func()
		mode   string
		// most is the most files an update may write (0: no limit): the
		// changed pages, and the search index files whose documents moved.
		most int
	}{
		{"nothing changed", func() {}, ModeUpToDate, 0},
		{"file touched, same content", func() {
			p := filepath.Join(dir, "products/muoi-cham-tho-tan/product.yaml")
			data, _ := os.ReadFile(p)
			os.WriteFile(p, data, 0o644)
		}, ModeUpdate, 0},
		{"product renamed", func() {
			edit(t, dir, "products/muoi-cham-tho-tan/product.yaml", "name: Muối chấm Thọ Tân", "name: Muối chấm truyền thống Thọ Tân")
		}, ModeUpdate, 400},
		{"story edited", func() {
			edit(t, dir, "products/tra-xanh-tui-loc-binh-son/story.md", "Bình Sơn", "Bình Sơn (Triệu Sơn)")
		}, ModeUpdate, 400},
		{"producer renamed (cards on sales point pages)", func() {
			edit(t, dir, "content/producers/htx-dv-nong-lam-nghiep-binh-son.yaml", "name: HTX", "name: Hợp tác xã")
		}, ModeUpdate, 0},
		{"sales point edited", func() {
			edit(t, dir, "content/sales-points/cua-hang-htx-binh-son.yaml", "name: ", "name: Quầy ")
		}, ModeUpdate, 0},
		{"score sheet changed", func() {
			edit(t, dir, "products/tra-xanh-tui-loc-binh-son/scores/2021-03-15-tinh.yaml", `"1.1": 3, "1.2": 2`, `"1.1": 2, "1.2": 2`)
		}, ModeUpdate, 0},
		{"news added", func() {
			src := filepath.Join(dir, "content/news/2021-08-05-san-pham-sam-bao-triso-dat-ocop-3-sao.md")
			data, _ := os.ReadFile(src)
			os.WriteFile(filepath.Join(dir, "content/news/2021-08-06-tin-them.md"), bytes.Replace(data, []byte("title: "), []byte("title: Thêm — "), 1), 0o644)
		}, "", 0},
		{"product deleted", func() {
			if err := os.RemoveAll(filepath.Join(dir, "products/oi-le-dai-loan-dong-loi")); err != nil {
				t.Fatal(err)
			}
			edit(t, dir, "content/news/2020-03-18-ke-hoach-627-kh-ubnd-chuong-trinh-ocop-2020.md", "  - oi-le-dai-loan-dong-loi\n", "")
		}, ModeFull, 0},
		{"news deleted", func() {
			os.Remove(filepath.Join(dir, "content/news/2021-08-06-tin-them.md"))
		}, ModeFull, 0},
		{"template changed", func() {
			p := filepath.Join(dir, "layouts/partials/stars.html")
			os.MkdirAll(filepath.Dir(p), 0o755)
			data, err := fs.ReadFile(ocop.Theme, "layouts/partials/stars.html")
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(p, bytes.Replace(data, []byte("★"), []byte("✪"), 1), 0o644)
		}, ModeFull, 0},
		{"build date changed", func() { opts.Now = opts.Now.AddDate(1, 0, 0) }, ModeFull, 0},
	}
	for _, s := range steps {
		s.change()
		res := build(opts, out)
		clean := opts
		clean.Clean = true
		cleanOut := filepath.Join(t.TempDir(), "public")
		build(clean, cleanOut)
		if s.mode != "" && res.Mode != s.mode {
			t.Errorf("%s: mode %q (%s), want %q", s.name, res.Mode, res.Why, s.mode)
		}
		if res.Mode == ModeUpdate && res.ParsedReused == 0 {
			t.Errorf("%s: no product folder taken from the parse cache", s.name)
		}
		if s.most > 0 && res.Written > s.most {
			t.Errorf("%s: %d files written, want at most %d", s.name, res.Written, s.most)
		}
		t.Logf("%s: %s (%s), %d written, %d kept, %d product folders from the parse cache", s.name, res.Mode, res.Why, res.Written, res.Reused, res.ParsedReused)
		sameTrees(t, readTree(t, out), readTree(t, cleanOut))
		if t.Failed() {
			t.Fatalf("after %q", s.name)
		}
	}
}

// TestIncrementalInterrupted: an update that did not finish (its marker is
// left) is followed by a full build.
func TestIncrementalInterrupted(t *testing.T) {
	dir := copyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	opts := Options{Now: exampleNow, Theme: ocop.Theme, ImageCache: filepath.Join(t.TempDir(), "images")}
	if _, l := Build(dir, out, opts); l.Len() > 0 {
		t.Fatal(l.Err())
	}
	inc := openIncremental(dir, out, opts)
	if inc.prev == nil {
		t.Fatalf("no manifest after a build: %s", inc.why)
	}
	os.WriteFile(inc.file+".dirty", nil, 0o644)
	edit(t, dir, "products/muoi-cham-tho-tan/product.yaml", "name: Muối chấm Thọ Tân", "name: Muối chấm Thọ Tân (mới)")
	res, l := Build(dir, out, opts)
	if l.Len() > 0 {
		t.Fatal(l.Err())
	}
	if res.Mode != ModeFull {
		t.Errorf("after an interrupted update: mode %q, want %q", res.Mode, ModeFull)
	}
	if _, err := os.Stat(inc.file + ".dirty"); err == nil {
		t.Error("the interrupted-update marker is still there")
	}
}

// TestIncrementalBadInputLeavesOutput: a problem found in an update leaves
// the output folder as it was.
func TestIncrementalBadInputLeavesOutput(t *testing.T) {
	dir := copyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	opts := Options{Now: exampleNow, Theme: ocop.Theme, ImageCache: filepath.Join(t.TempDir(), "images")}
	if _, l := Build(dir, out, opts); l.Len() > 0 {
		t.Fatal(l.Err())
	}
	before := readTree(t, out)
	edit(t, dir, "products/muoi-cham-tho-tan/product.yaml", "producer: ", "producer: khong-co-chu-the-nay-")
	if _, l := Build(dir, out, opts); l.Len() == 0 {
		t.Fatal("a product with an unknown producer built without problems")
	}
	sameTrees(t, readTree(t, out), before)
}

// TestIncrementalOutputTouched: an output folder changed since the previous
// build (a file deleted or added by hand) is built in full, and comes back
// whole.
func TestIncrementalOutputTouched(t *testing.T) {
	for _, tc := range []struct {
		name  string
		touch func(out string)
	}{
		{"file deleted", func(out string) { os.Remove(filepath.Join(out, "san-pham", "index.html")) }},
		{"file added", func(out string) { os.WriteFile(filepath.Join(out, "extra.html"), []byte("x"), 0o644) }},
		{"folder deleted", func(out string) { os.RemoveAll(out) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyExample(t)
			out := filepath.Join(t.TempDir(), "public")
			opts := Options{Now: exampleNow, Theme: ocop.Theme, ImageCache: filepath.Join(t.TempDir(), "images")}
			if _, l := Build(dir, out, opts); l.Len() > 0 {
				t.Fatal(l.Err())
			}
			want := readTree(t, out)
			tc.touch(out)
			res, l := Build(dir, out, opts)
			if l.Len() > 0 {
				t.Fatal(l.Err())
			}
			if res.Mode != ModeFull {
				t.Errorf("mode %q (%s), want %q", res.Mode, res.Why, ModeFull)
			}
			sameTrees(t, readTree(t, out), want)
		})
	}
}

// TestParsedCacheInvalid: the kept product folders are used only when they
// can be trusted; a damaged file, or a change to what parsing depends on,
// means parsing everything again — never a wrong or failed build.
func TestParsedCacheInvalid(t *testing.T) {
	dir := copyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	opts := Options{Now: exampleNow, Theme: ocop.Theme, BaseURL: "https://ocop.example.vn/", ImageCache: filepath.Join(t.TempDir(), "images")}
	time.Sleep(2 * racyWindow)
	build := func(step string) *Result {
		t.Helper()
		res, l := Build(dir, out, opts)
		if l.Len() > 0 {
			t.Fatalf("%s: %v", step, l.Err())
		}
		clean := opts
		clean.Clean = true
		cleanOut := filepath.Join(t.TempDir(), "public")
		if _, l := Build(dir, cleanOut, clean); l.Len() > 0 {
			t.Fatal(l.Err())
		}
		sameTrees(t, readTree(t, out), readTree(t, cleanOut))
		return res
	}
	build("first build")
	file := filepath.Join(filepath.Dir(opts.ImageCache), parsedFile)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("no parsed products kept: %v", err)
	}
	for i, s := range []struct {
		name   string
		change func()
		reused bool
	}{
		{"cut in half", func() { os.WriteFile(file, data[:len(data)/2], 0o644) }, false},
		{"kept again", func() {}, true},
		{"garbage", func() { os.WriteFile(file, bytes.Repeat([]byte{0xff}, 100), 0o644) }, false},
		{"site.yaml changed", func() {
			p := filepath.Join(dir, "site.yaml")
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(p, append(src, "\n# edited\n"...), 0o644)
		}, false},
		{"kept after the change", func() {}, true},
	} {
		s.change()
		// A product edit, so that the build loads the content.
		edit(t, dir, "products/muoi-cham-tho-tan/product.yaml", "name: Muối chấm Thọ Tân", fmt.Sprintf("name: Muối chấm Thọ Tân %d", i))
		time.Sleep(2 * racyWindow)
		res := build(s.name)
		if got := res.ParsedReused > 0; got != s.reused {
			t.Errorf("%s: %d product folders taken from the cache", s.name, res.ParsedReused)
		}
	}
}

// TestManifestRoundTrip: the build record, written in chunks, reads back
// as it was, across chunk boundaries; a cut file or another version is not
// taken for a record.
func TestManifestRoundTrip(t *testing.T) {
	for _, n := range []int{0, 1, manifestChunk, manifestChunk + 1, 2*manifestChunk + 7} {
		m := &manifest{Version: manifestVersion, Key: viewhash.Bytes([]byte("k")), Derived: viewhash.Bytes([]byte("d")),
			Stamped: 42, Pages: n, Products: n / 2, Inputs: map[string]stamp{}, Files: map[string]outFile{}}
		for i := range n {
			name := fmt.Sprintf("f/%d/index.html", i)
			m.Files[name] = outFile{Size: int64(i), Sum: viewhash.Bytes([]byte(name)), Keyed: i%2 == 0}
			m.Inputs[fmt.Sprintf("products/p%d/product.yaml", i)] = stamp{Size: int64(i), MTime: int64(i) * 7}
			m.Warnings = append(m.Warnings, diag.Problem{Pos: diag.Pos{File: name, Line: i}, Msg: "w"})
		}
		var buf bytes.Buffer
		if err := writeManifest(&buf, m); err != nil {
			t.Fatal(err)
		}
		got, err := decodeManifest(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%d entries: %v", n, err)
		}
		if !reflect.DeepEqual(normalise(got), normalise(m)) {
			t.Errorf("%d entries: read back differs", n)
		}
		if n > 0 {
			if _, err := decodeManifest(bytes.NewReader(buf.Bytes()[:buf.Len()-10])); err == nil {
				t.Errorf("%d entries: a cut record was read without error", n)
			}
		}
	}
	var buf bytes.Buffer
	if err := writeManifest(&buf, &manifest{Version: manifestVersion + 1, Files: map[string]outFile{"a": {}}}); err != nil {
		t.Fatal(err)
	}
	if got, err := decodeManifest(&buf); err != nil || got.Version == manifestVersion || got.Files != nil {
		t.Errorf("another version: %+v, %v", got, err)
	}
}

// normalise makes an empty warning list nil, as a read one is.
func normalise(m *manifest) *manifest {
	c := *m
	if len(c.Warnings) == 0 {
		c.Warnings = nil
	}
	return &c
}
