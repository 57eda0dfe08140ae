package content

import (
	"testing"
)

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		yaml     string
		body     string
		bodyLine int
		err      error
	}{
		{"basic", "---\ntitle: A\n---\nBody\n", "\ntitle: A\n", "Body\n", 4, nil},
		{"empty front matter", "---\n---\nBody", "\n", "Body", 3, nil},
		{"no body", "---\ntitle: A\n---", "\ntitle: A\n", "", 4, nil},
		{"trailing spaces on fence", "--- \ntitle: A\n---  \nx", "\ntitle: A\n", "x", 4, nil},
		{"missing", "title: A\n", "", "title: A\n", 1, errNoFrontMatter},
		{"unclosed", "---\ntitle: A\n", "", "---\ntitle: A\n", 1, errUnclosed},
		{"four hyphens is not a fence", "----\ntitle: A\n---\n", "", "----\ntitle: A\n---\n", 1, errNoFrontMatter},
		{"empty file", "", "", "", 1, errNoFrontMatter},
	}
	for _, tt := range tests {
		y, b, line, err := splitFrontMatter([]byte(tt.in))
		if string(y) != tt.yaml || string(b) != tt.body || line != tt.bodyLine || err != tt.err {
			t.Errorf("%s: splitFrontMatter(%q) = %q, %q, %d, %v; want %q, %q, %d, %v",
				tt.name, tt.in, y, b, line, err, tt.yaml, tt.body, tt.bodyLine, tt.err)
		}
	}
}

func TestNormalise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\xef\xbb\xbfa\r\nb\r\n", "a\nb\n"},
		{"a\rb", "a\nb"},
		{"plain\n", "plain\n"},
	}
	for _, tt := range tests {
		if got := string(normalise([]byte(tt.in))); got != tt.want {
			t.Errorf("normalise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{"---\na: 1\n---\nbody", "---\n", "", "---\n---", "----\n---\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		src = normalise(src)
		y, body, line, err := splitFrontMatter(src)
		if err != nil {
			return
		}
		if line < 2 {
			t.Fatalf("body line %d < 2 for %q", line, src)
		}
		// The YAML keeps one line per source line before the body.
		if n := countLines(y); n != line-2 {
			t.Fatalf("yaml has %d newlines, want %d (src %q)", n, line-2, src)
		}
		if len(body) > len(src) {
			t.Fatalf("body longer than source")
		}
	})
}

func countLines(b []byte) int {
	n := 0
	for _, c := range b {
		if c == '\n' {
			n++
		}
	}
	return n
}
