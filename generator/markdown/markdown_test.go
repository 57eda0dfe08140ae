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
		{"heading and paragraph", "/", "## Nguồn gốc\n\nChè xanh.", []string{`<h2 id="nguon-goc">`, "<p>Chè xanh.</p>"}, nil},
		{"heading ids unique", "/", "## Đặc điểm\n\n## Đặc điểm", []string{`id="dac-diem"`, `id="dac-diem-1"`}, nil},
		{"heading without letters", "/", "## ***", []string{`<h2 id="muc">`}, nil},
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

func TestEditionLinks(t *testing.T) {
	isPage := func(p string) bool { return p == "san-pham/che-a/" || p == "" }
	tests := []struct{ base, in, want string }{
		{"/", "[Chè A](/san-pham/che-a/)", `href="/en/san-pham/che-a/"`},
		{"/", "[Chè A](/san-pham/che-a/#cau-chuyen)", `href="/en/san-pham/che-a/#cau-chuyen"`},
		{"/", "[Home](/)", `href="/en/"`},
		{"/", "[CSV](/data/products.csv)", `href="/data/products.csv"`},
		{"/", "![Ảnh](/san-pham/che-a/)", `src="/san-pham/che-a/"`},
		{"/ocop/", "[Chè A](/san-pham/che-a/)", `href="/ocop/en/san-pham/che-a/"`},
		{"/ocop/", "[Chè A](/ocop/san-pham/che-a/)", `href="/ocop/en/san-pham/che-a/"`},
		{"/ocop/", "[x](/tin-tuc/khong-co/)", `href="/ocop/tin-tuc/khong-co/"`},
		{"/ocop/", "[x](https://example.vn/san-pham/che-a/)", `href="https://example.vn/san-pham/che-a/"`},
	}
	for _, tt := range tests {
		got, err := NewEdition(tt.base, "en/", isPage).Convert(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), tt.want) {
			t.Errorf("base %s: Convert(%q) = %q, want %s", tt.base, tt.in, got, tt.want)
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
