package markdown

import (
	"strings"
	"testing"
)

func TestConvert(t *testing.T) {
	tests := []struct {
		name, base, in string
		want, notWant  []string
	}{
		{"heading and paragraph", "/", "## Nguồn gốc\n\nChè xanh.", []string{`<h2 id=`, "<p>Chè xanh.</p>"}, nil},
		{"raw html dropped", "/", "<script>alert(1)</script>\n\nx <b>y</b>", []string{"<!-- raw HTML omitted -->"}, []string{"<script>", "<b>"}},
		{"javascript link dropped", "/", "[x](javascript:alert(1))", []string{`href=""`}, []string{"javascript:"}},
		{"site link under base", "/ocop/", "[Sản phẩm](/san-pham/)", []string{`href="/ocop/san-pham/"`}, nil},
		{"external link kept", "/ocop/", "[a](https://example.vn/x)", []string{`href="https://example.vn/x"`}, nil},
		{"table", "/", "|a|b|\n|-|-|\n|1|2|", []string{"<table>"}, nil},
	}
	for _, tt := range tests {
		got, err := New(tt.base).Convert(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		for _, w := range tt.want {
			if !strings.Contains(string(got), w) {
				t.Errorf("%s: Convert(%q) = %q, want it to contain %q", tt.name, tt.in, got, w)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(string(got), w) {
				t.Errorf("%s: Convert(%q) = %q, must not contain %q", tt.name, tt.in, got, w)
			}
		}
	}
}

func FuzzConvert(f *testing.F) {
	for _, s := range []string{"# x", "[a](/b)", "<script>", "| a |\n|-|", "![i](javascript:x)"} {
		f.Add(s)
	}
	c := New("/ocop/")
	f.Fuzz(func(t *testing.T, s string) {
		out, err := c.Convert(s)
		if err != nil {
			return
		}
		if strings.Contains(strings.ToLower(string(out)), "<script") {
			t.Fatalf("Convert(%q) produced a script element: %q", s, out)
		}
	})
}
