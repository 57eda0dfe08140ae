package site

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	ocop "github.com/ocop-vn/ocop"
	"github.com/ocop-vn/ocop/generator/publish"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden/")

// repoRoot is the example site bundled with the repository.
const repoRoot = "../.."

var exampleNow = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)

func generate(t *testing.T, fsys fs.FS, opts Options) *publish.Memory {
	t.Helper()
	mem := publish.NewMemory()
	if opts.Theme == nil {
		opts.Theme = ocop.Theme
	}
	if opts.Now.IsZero() {
		opts.Now = exampleNow
	}
	_, l := Generate(fsys, mem, opts)
	if l.Len() > 0 {
		t.Fatalf("build problems:\n%v", l.Err())
	}
	return mem
}

var (
	titleRE     = regexp.MustCompile(`<title>[^<]+</title>`)
	canonicalRE = regexp.MustCompile(`<link rel="?canonical"? href="?([^" >]+)`)
	attrRE      = regexp.MustCompile(`\s(href|src|srcset|action|content)=("[^"]*"|[^\s>]+)`)
	tagRE       = regexp.MustCompile(`<(script|link|img|iframe|source|video|audio)\b[^>]*>`)
)

// walkSite checks every page of a built site: a title, the language (en
// for the English edition under en/, else vi), a canonical link, every
// internal link and asset resolving to a written file, and nothing loaded
// from another host.
func walkSite(t *testing.T, mem *publish.Memory, base string) {
	t.Helper()
	pages := 0
	for name, data := range mem.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		page := string(data)
		if !titleRE.MatchString(page) {
			t.Errorf("%s: no <title>", name)
		}
		lang := "vi"
		if strings.HasPrefix(name, "en/") {
			lang = "en"
		}
		if !strings.Contains(page, `<html lang="`+lang+`"`) && !strings.Contains(page, `<html lang=`+lang+`>`) {
			t.Errorf("%s: no lang=%q", name, lang)
		}
		if !canonicalRE.MatchString(page) {
			t.Errorf("%s: no canonical link", name)
		}
		for _, m := range attrRE.FindAllStringSubmatch(page, -1) {
			attr, val := m[1], strings.Trim(m[2], `"`)
			if attr == "content" {
				continue
			}
			for _, u := range strings.Split(val, ",") {
				u = strings.Fields(strings.TrimSpace(u) + " x")[0]
				checkInternal(t, mem, name, base, u)
			}
		}
		for _, tag := range tagRE.FindAllString(page, -1) {
			if strings.Contains(tag, "canonical") || strings.Contains(tag, "alternate") {
				continue
			}
			if strings.Contains(tag, "://") || strings.Contains(tag, `="//`) {
				t.Errorf("%s: loads from another host: %s", name, tag)
			}
		}
	}
	if pages < 20 {
		t.Errorf("only %d pages", pages)
	}
}

func checkInternal(t *testing.T, mem *publish.Memory, page, base, u string) {
	t.Helper()
	if u == "" || strings.HasPrefix(u, "#") || strings.Contains(u, ":") {
		return // external, mailto:, tel:
	}
	p := u
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	switch {
	case strings.HasPrefix(p, "/"):
		if !strings.HasPrefix(p, base) {
			t.Errorf("%s: link %q is not under the base path %q", page, u, base)
			return
		}
		p = strings.TrimPrefix(p, base)
	default:
		dirLink := strings.HasSuffix(p, "/") || p == "."
		p = path.Join(path.Dir(page), p)
		switch {
		case strings.HasPrefix(p, ".."):
			t.Errorf("%s: link %q leaves the site", page, u)
			return
		case p == ".":
			p = ""
		case dirLink:
			p += "/"
		}
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	if _, ok := mem.Files[p]; !ok {
		t.Errorf("%s: broken link %q", page, u)
	}
}

func TestExampleSite(t *testing.T) {
	mem := generate(t, os.DirFS(repoRoot), Options{})
	walkSite(t, mem, "/")
	for _, want := range []string{
		"index.html", "404.html", "sitemap.xml", "robots.txt", "tin-tuc/atom.xml",
		"san-pham/index.html", "san-pham/tra-xanh-tui-loc-binh-son/index.html",
		"hang-sao/3-sao/index.html", "nhom/thuc-pham/index.html", "dia-ban/index.html",
		"chu-the/index.html", "diem-ban/index.html", "tin-tuc/index.html", "gioi-thieu/index.html",
		"trang-thai/dang-phat-trien/index.html", "tim-kiem/index.html",
	} {
		if _, ok := mem.Files[want]; !ok {
			t.Errorf("missing %s", want)
		}
	}
}

func TestExampleSiteUnderSubPath(t *testing.T) {
	mem := generate(t, os.DirFS(repoRoot), Options{BaseURL: "/ocop/"})
	walkSite(t, mem, "/ocop/")
	mem = generate(t, os.DirFS(repoRoot), Options{BaseURL: "https://so-nn.thanhhoa.example/ocop/"})
	walkSite(t, mem, "/ocop/")
	if sm := string(mem.Files["sitemap.xml"]); !strings.Contains(sm, "<loc>https://so-nn.thanhhoa.example/ocop/san-pham/") {
		t.Errorf("sitemap lacks absolute product URLs:\n%s", sm)
	}
}

func TestBuildIsReproducible(t *testing.T) {
	a := generate(t, os.DirFS(repoRoot), Options{})
	b := generate(t, os.DirFS(repoRoot), Options{})
	if ha, hb := hashFiles(a.Files), hashFiles(b.Files); ha != hb {
		t.Errorf("two builds differ")
	}
}

func hashFiles(files map[string][]byte) string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(files[n]))
		h.Write(files[n])
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// TestFailedBuildLeavesOutput builds the example, then builds a copy with a
// broken file into the same folder and checks nothing there changed.
func TestFailedBuildLeavesOutput(t *testing.T) {
	tmp := t.TempDir()
	out := filepath.Join(tmp, "public")
	if _, l := Build(repoRoot, out, Options{Now: exampleNow, Theme: ocop.Theme}); l.Len() > 0 {
		t.Fatalf("build: %v", l.Err())
	}
	before := hashDir(t, out)

	broken := filepath.Join(tmp, "site")
	copyDir(t, repoRoot, broken)
	p := filepath.Join(broken, "products", "muoi-cham-tho-tan", "product.yaml")
	if err := os.WriteFile(p, []byte("name: [unclosed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, l := Build(broken, out, Options{Now: exampleNow, Theme: ocop.Theme})
	if l.Len() == 0 {
		t.Fatal("broken site built without problems")
	}
	if !strings.Contains(l.Err().Error(), "products/muoi-cham-tho-tan/product.yaml:1:") {
		t.Errorf("problem does not name the file and line: %v", l.Err())
	}
	if after := hashDir(t, out); after != before {
		t.Error("a failed build changed the output folder")
	}
	entries, _ := os.ReadDir(tmp)
	for _, e := range entries {
		if strings.Contains(e.Name(), "building") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

func hashDir(t *testing.T, dir string) string {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		files[p] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return hashFiles(files)
}

// copyDir copies the site's own folders (not public/ or .git).
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	for _, top := range []string{"site.yaml", "products", "content"} {
		err := filepath.WalkDir(filepath.Join(from, top), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(from, p)
			dst := filepath.Join(to, rel)
			if d.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			return os.WriteFile(dst, data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// singleLanguage is the example site with only its Vietnamese edition:
// site.yaml without `languages` and `translations`. The English texts of
// its files are loaded but not published.
func singleLanguage(t *testing.T) fs.FS {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repoRoot, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	yaml := string(src)
	if i := strings.Index(yaml, "\ntranslations:"); i >= 0 {
		yaml = yaml[:i+1]
	}
	yaml = strings.Replace(yaml, "languages: [vi, en]\n", "language: vi\n", 1)
	if strings.Contains(yaml, "\nlanguages:") || strings.Contains(yaml, "\ntranslations:") {
		t.Fatal("cannot make the example site single-language")
	}
	return overlay{top: fstest.MapFS{"site.yaml": {Data: []byte(yaml)}}, base: os.DirFS(repoRoot)}
}

// TestGolden compares representative pages, rendered without minification,
// with testdata/golden/: pages of the example site as a single-language
// site, and pages of its two-language form (the English edition's, and
// the sitemap with its alternates) in testdata/golden/multilingual/. Run
// `go test ./generator/site -run TestGolden -update` after an intended
// change to the theme and review the diff.
func TestGolden(t *testing.T) {
	compareGolden(t, "golden", generate(t, singleLanguage(t), Options{NoMinify: true}), []string{
		"index.html",
		"san-pham/index.html",
		"san-pham/tra-xanh-tui-loc-binh-son/index.html",
		"san-pham/oi-le-dai-loan-dong-loi/index.html",
		"chu-the/htx-dv-nong-lam-nghiep-binh-son/index.html",
		"diem-ban/diem-ocop-91-nguyen-chi-thanh/index.html",
		"tin-tuc/index.html",
		"tin-tuc/atom.xml",
		"sitemap.xml",
	})
	compareGolden(t, filepath.Join("golden", "multilingual"), generate(t, os.DirFS(repoRoot), Options{NoMinify: true}), []string{
		// translated: English name, summary and story
		"en/san-pham/tra-xanh-tui-loc-binh-son/index.html",
		// falls back to the Vietnamese summary and story, marked lang="vi"
		"en/san-pham/oi-le-dai-loan-dong-loi/index.html",
		"san-pham/oi-le-dai-loan-dong-loi/index.html",
		"en/tin-tuc/atom.xml",
		"sitemap.xml",
	})
}

func compareGolden(t *testing.T, dir string, mem *publish.Memory, pages []string) {
	t.Helper()
	for _, page := range pages {
		golden := filepath.Join("testdata", dir, strings.ReplaceAll(page, "/", "_"))
		got, ok := mem.Files[page]
		if !ok {
			t.Errorf("%s not built", page)
			continue
		}
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; run `go test ./generator/site -run TestGolden -update` and review the diff", page, golden)
		}
	}
}

// TestReproducibleAcrossPaths builds copies of the example site kept at two
// different paths into two different output folders: the trees must match
// byte for byte (no path, clock or scheduling order leaks into files).
func TestReproducibleAcrossPaths(t *testing.T) {
	var hashes []string
	for _, name := range []string{"mot", "hai/ba"} {
		dir := filepath.Join(t.TempDir(), name)
		copyDir(t, repoRoot, dir)
		out := filepath.Join(t.TempDir(), "out-"+filepath.Base(name))
		if _, l := Build(dir, out, Options{Now: exampleNow, Theme: ocop.Theme}); l.Len() > 0 {
			t.Fatal(l.Err())
		}
		files := map[string][]byte{}
		filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				data, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(out, p)
				files[rel] = data
			}
			return nil
		})
		hashes = append(hashes, hashFiles(files))
	}
	if hashes[0] != hashes[1] {
		t.Error("builds of the same site at two paths differ")
	}
}
