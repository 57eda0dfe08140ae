package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/yamlx"
)

// theme is the default theme in the repository.
const theme = "../.."

func readStrings(t *testing.T, lang string) map[string]string {
	t.Helper()
	name := "layouts/i18n/" + lang + ".yaml"
	src, err := os.ReadFile(filepath.Join(theme, name))
	if err != nil {
		t.Fatal(err)
	}
	l := &diag.List{}
	m := map[string]string{}
	if n := yamlx.Parse(name, src, l); n != nil {
		yamlx.DecodeMap(name, n, &m, l)
	}
	if l.Len() > 0 {
		t.Fatal(l.Err())
	}
	return m
}

var verbRE = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

// TestTranslationsMatch checks that every language file of the theme has
// exactly the keys of vi.yaml, each with the same printf verbs in the same
// order, so no edition misses a string or formats one wrongly.
func TestTranslationsMatch(t *testing.T) {
	vi := readStrings(t, "vi")
	langs := Languages(os.DirFS(theme))
	if !slices.Contains(langs, "en") {
		t.Fatalf("languages %v: want en among them", langs)
	}
	for _, lang := range langs {
		if lang == "vi" {
			continue
		}
		other := readStrings(t, lang)
		for key, v := range vi {
			o, ok := other[key]
			if !ok {
				t.Errorf("%s.yaml lacks %s", lang, key)
				continue
			}
			if a, b := verbRE.FindAllString(v, -1), verbRE.FindAllString(o, -1); !slices.Equal(a, b) {
				t.Errorf("%s: vi has verbs %q, %s %q", key, a, lang, b)
			}
			if strings.TrimSpace(o) == "" {
				t.Errorf("%s.yaml: %s is empty", lang, key)
			}
		}
		for key := range other {
			if _, ok := vi[key]; !ok {
				t.Errorf("%s.yaml has %s, which vi.yaml does not", lang, key)
			}
		}
	}
}

// TestKindsTranslated checks that every council level and producer and
// sales point kind the loader accepts has an interface string, and that
// the Vietnamese ones match the names the loader and schemas use.
func TestKindsTranslated(t *testing.T) {
	vi := readStrings(t, "vi")
	for prefix, kinds := range map[string]map[string]string{
		"level.": content.Levels, "producer_kind.": content.ProducerKinds, "sales_kind.": content.SalesPointKinds,
	} {
		for id, name := range kinds {
			if got := vi[prefix+id]; got != name {
				t.Errorf("vi.yaml %s%s = %q, want %q as in package content", prefix, id, got, name)
			}
		}
	}
}

// TestKeysUsedExist checks that every key the layouts ({{t "key"}}) and
// the Go code (MustT("key")) name literally is in vi.yaml. Keys built at
// run time ("status." + id) are checked by the two tests above and by the
// build, which fails on a missing key.
func TestKeysUsedExist(t *testing.T) {
	vi := readStrings(t, "vi")
	used := map[string]string{}
	tRE := regexp.MustCompile(`\{\{-?\s*t "([^"]+)"|\(t "([^"]+)"`)
	goRE := regexp.MustCompile(`MustT\("([^"]+)"`)
	scan := func(dir, ext string, re *regexp.Regexp) {
		err := filepath.WalkDir(filepath.Join(theme, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ext) || strings.HasSuffix(p, "_test.go") {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, m := range re.FindAllStringSubmatch(string(src), -1) {
				for _, k := range m[1:] {
					if k != "" && !strings.HasSuffix(k, ".") {
						used[k] = p
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	scan("layouts", ".html", tRE)
	scan("generator", ".go", goRE)
	if len(used) < 50 {
		t.Fatalf("found only %d keys in use", len(used))
	}
	var missing []string
	for k, where := range used {
		if _, ok := vi[k]; !ok {
			missing = append(missing, k+" ("+where+")")
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("keys used but not in vi.yaml: %s", strings.Join(missing, ", "))
	}
}
