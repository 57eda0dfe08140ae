package publish

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDirRelativeOutput builds into output folders given as relative paths,
// as `ocop build -o public` does: folders are made down to the file and
// the commit puts them in place.
func TestDirRelativeOutput(t *testing.T) {
	for _, out := range []string{"public", "./public", "site/../public", "nested/public"} {
		t.Run(out, func(t *testing.T) {
			t.Chdir(t.TempDir())
			d, err := NewDir(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, rel := range []string{"index.html", "san-pham/che/index.html", "san-pham/che/anh/01-bia-320.jpg", "a/b/c/d.txt"} {
				if err := d.WriteFile(rel, []byte(rel)); err != nil {
					t.Fatalf("%s: %v", rel, err)
				}
			}
			if err := d.Commit(); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(filepath.Join(out, "san-pham", "che", "anh", "01-bia-320.jpg"))
			if err != nil || string(data) != "san-pham/che/anh/01-bia-320.jpg" {
				t.Fatalf("file not in place: %q, %v", data, err)
			}
		})
	}
}
