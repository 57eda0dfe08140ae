package content

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ocop-vn/ocop/generator/internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/invalid/*.txtar")

var testNow = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

// loadCase lays a case archive over testdata/base.txtar and loads it.
func loadCase(t *testing.T, name string) (*txtar.Archive, []string) {
	t.Helper()
	base, err := txtar.ParseFile("testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := base.FS()
	var c *txtar.Archive
	if name != "" {
		if c, err = txtar.ParseFile(name); err != nil {
			t.Fatal(err)
		}
		for k, v := range c.FS("want") {
			fsys[k] = v
		}
	}
	_, l := Load(fsys, Options{Now: testNow})
	var got []string
	for _, p := range l.Problems() {
		got = append(got, p.Error())
	}
	return c, got
}

func TestBaseFixtureIsValid(t *testing.T) {
	if _, got := loadCase(t, ""); len(got) > 0 {
		t.Fatalf("base fixture has problems:\n%s", strings.Join(got, "\n"))
	}
}

// TestInvalid checks that each invalid case yields exactly the problems its
// "want" section lists, in order, with file, line, column and hint.
func TestInvalid(t *testing.T) {
	files, _ := filepath.Glob("testdata/invalid/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			c, got := loadCase(t, file)
			want, _ := c.Get("want")
			gotText := strings.Join(got, "\n") + "\n"
			if *update {
				src, _ := os.ReadFile(file)
				i := strings.Index(string(src), "-- want --\n")
				if err := os.WriteFile(file, []byte(string(src[:i])+"-- want --\n"+gotText), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if gotText != want {
				t.Errorf("problems:\n%s\nwant:\n%s", gotText, want)
			}
		})
	}
}
