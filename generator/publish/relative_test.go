package publish

import "testing"

func TestRelativize(t *testing.T) {
	tests := []struct {
		page, dir, base string
		file            bool
		want            string
	}{
		{`<a href="/san-pham/x/">`, "", "/", false, `<a href="san-pham/x/">`},
		{`<a href="/">`, "", "/", false, `<a href="./">`},
		{`<a href="/">`, "san-pham/x/", "/", false, `<a href="../../">`},
		{`<link href="/static/css/site.css">`, "san-pham/x/", "/", false, `<link href="../../static/css/site.css">`},
		{`<a href="/ocop/tin-tuc/">`, "tin-tuc/a/", "/ocop/", false, `<a href="../../tin-tuc/">`},
		{`<a href="/khac/">`, "", "/ocop/", false, `<a href="/khac/">`},
		{`<a href="https://example.vn/">`, "", "/", false, `<a href="https://example.vn/">`},
		{`<a href="//cdn.example/">`, "", "/", false, `<a href="//cdn.example/">`},
		{`<a href="/san-pham/?q=1#a">`, "x/", "/", true, `<a href="../san-pham/index.html?q=1#a">`},
		{`<a href="/">`, "x/", "/", true, `<a href="../index.html">`},
		{`<img srcset="/a/1.jpg 320w, /a/2.jpg 640w">`, "x/", "/", false, `<img srcset="../a/1.jpg 320w, ../a/2.jpg 640w">`},
		{`<form action="/tim-kiem/">`, "a/b/", "/", false, `<form action="../../tim-kiem/">`},
		{`<link rel="canonical" content="/x/">`, "a/", "/", false, `<link rel="canonical" content="/x/">`},
		{`<link rel="canonical" href="/x/"><a href="/x/">`, "a/", "/", false, `<link rel="canonical" href="/x/"><a href="../x/">`},
	}
	for _, tt := range tests {
		if got := string(Relativize([]byte(tt.page), tt.dir, tt.base, tt.file)); got != tt.want {
			t.Errorf("Relativize(%q, %q, %q, %v) = %q, want %q", tt.page, tt.dir, tt.base, tt.file, got, tt.want)
		}
	}
}
