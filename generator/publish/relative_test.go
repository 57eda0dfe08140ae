package publish

import (
	"strings"
	"testing"
)

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
		{`<link href="/x/" rel="canonical">`, "a/", "/", false, `<link href="/x/" rel="canonical">`},
		{`<link rel="alternate" hreflang="en" href="/en/x/"><a href="/en/x/" hreflang="en">`, "a/", "/", false, `<link rel="alternate" hreflang="en" href="/en/x/"><a href="../en/x/" hreflang="en">`},
		{`<a data-href="/x/" title="a=&quot;b">`, "a/", "/", false, `<a data-href="/x/" title="a=&quot;b">`},
		{`<p>x="/y/"</p>`, "a/", "/", false, `<p>x="/y/"</p>`},
	}
	for _, tt := range tests {
		if got := string(Relativize([]byte(tt.page), tt.dir, tt.base, tt.file, nil)); got != tt.want {
			t.Errorf("Relativize(%q, %q, %q, %v) = %q, want %q", tt.page, tt.dir, tt.base, tt.file, got, tt.want)
		}
	}
}

func TestRelativizeVisits(t *testing.T) {
	var got []string
	Relativize([]byte(`<a href="/a/"><img src="/b.jpg" srcset="/c.jpg 1x, /d.jpg 2x"><a href="https://x.vn/">`), "", "/", false, func(u string) { got = append(got, u) })
	want := "/a/ /b.jpg /c.jpg /d.jpg https://x.vn/"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("visited %q, want %q", s, want)
	}
}
