package content

import (
	"io/fs"
	"os"
	"testing"
)

func osDirFS(t testing.TB, dir string) fs.FS {
	t.Helper()
	if _, err := os.Stat(dir + "/site.yaml"); err != nil {
		t.Skip("example site not found")
	}
	return os.DirFS(dir)
}
