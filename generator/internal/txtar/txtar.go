// Package txtar reads the compact multi-file fixtures used by tests: a
// comment, then files introduced by "-- name --" lines. It is a small
// stdlib-only reader of the format golang.org/x/tools/txtar defines, so
// tests can keep a whole site (and the problems it must produce) in one file.
package txtar

import (
	"os"
	"slices"
	"strings"
	"testing/fstest"
)

// Archive is a parsed fixture.
type Archive struct {
	Comment string
	Files   []File
}

// File is one file of an archive.
type File struct {
	Name string
	Data string
}

// Parse splits src into its comment and files.
func Parse(src string) *Archive {
	a := &Archive{}
	var cur *File
	var b strings.Builder
	flush := func() {
		if cur == nil {
			a.Comment = b.String()
		} else {
			cur.Data = b.String()
			a.Files = append(a.Files, *cur)
		}
		b.Reset()
	}
	for _, line := range strings.SplitAfter(src, "\n") {
		t := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			flush()
			cur = &File{Name: strings.TrimSpace(t[3 : len(t)-3])}
			continue
		}
		b.WriteString(line)
	}
	flush()
	return a
}

// ParseFile reads and parses a fixture file.
func ParseFile(name string) (*Archive, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return Parse(string(src)), nil
}

// Get returns the data of the named file and whether it exists.
func (a *Archive) Get(name string) (string, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return "", false
}

// FS returns the archive's files as an in-memory file system, leaving out
// the names in skip (such as the expected-output section).
func (a *Archive) FS(skip ...string) fstest.MapFS {
	m := fstest.MapFS{}
	for _, f := range a.Files {
		if slices.Contains(skip, f.Name) {
			continue
		}
		m[f.Name] = &fstest.MapFile{Data: []byte(f.Data)}
	}
	return m
}
