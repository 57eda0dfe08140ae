package publish

import (
	"bytes"
	"strings"
)

// urlAttrs are the attributes whose values are addresses.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "poster": true, "srcset": true}

// Relativize rewrites every site-internal address in an HTML page (one that
// starts with basePath) to a path relative to the page's own folder, so the
// output works wherever it is put: under any sub-path, on a USB stick,
// opened from disk. pageDir is the page's folder relative to the site root
// ("" for the home page, "san-pham/x/" for a product). With fileURLs, links
// to folders get an explicit "index.html", which browsers need to open a
// page from disk (file://) rather than list the folder. A canonical link,
// and a <link> naming a language version (hreflang), keep their address:
// search engines read them as the page's own addresses. visit, if not
// nil, sees every address as written.
//
// The page must come from html/template, which always double-quotes
// attribute values. It is scanned once, by hand: a regular expression here
// was the most expensive step of a build.
func Relativize(page []byte, pageDir, basePath string, fileURLs bool, visit func(url string)) []byte {
	return AppendRelative(make([]byte, 0, len(page)+len(page)/16), page, pageDir, basePath, fileURLs, visit)
}

// AppendRelative is Relativize appending the page to dst, so a build can
// reuse one buffer for page after page.
func AppendRelative(dst, page []byte, pageDir, basePath string, fileURLs bool, visit func(url string)) []byte {
	up := strings.Repeat("../", strings.Count(pageDir, "/"))
	out := dst
	last := 0
	for pos := 0; ; {
		i := bytes.Index(page[pos:], []byte(`="`))
		if i < 0 {
			break
		}
		eq := pos + i
		start := eq + 2
		end := bytes.IndexByte(page[start:], '"')
		if end < 0 {
			break
		}
		end += start
		pos = end + 1
		name := attrName(page, eq)
		if !urlAttrs[name] {
			continue
		}
		val := string(page[start:end])
		parts := []string{val}
		if name == "srcset" {
			parts = strings.Split(val, ",")
		}
		if visit != nil {
			for _, p := range parts {
				if u, _, _ := strings.Cut(strings.TrimSpace(p), " "); u != "" {
					visit(u)
				}
			}
		}
		if name == "href" && keepsAddress(page, eq) {
			continue
		}
		var b strings.Builder
		for j, p := range parts {
			if j > 0 {
				b.WriteString(", ")
			}
			u, rest, _ := strings.Cut(strings.TrimSpace(p), " ")
			b.WriteString(relative(u, up, basePath, fileURLs))
			if rest != "" {
				b.WriteString(" " + rest)
			}
		}
		if nv := b.String(); nv != val {
			out = append(out, page[last:start]...)
			out = append(out, nv...)
			last = end
		}
	}
	return append(out, page[last:]...)
}

// attrName returns the attribute name ending just before page[eq] ('='),
// or "" when what precedes is not an attribute name after whitespace.
func attrName(page []byte, eq int) string {
	i := eq
	for i > 0 {
		c := page[i-1]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' {
			i--
			continue
		}
		break
	}
	if i == eq || i == 0 || (page[i-1] != ' ' && page[i-1] != '\n' && page[i-1] != '\t') {
		return ""
	}
	return strings.ToLower(string(page[i:eq]))
}

// keepsAddress reports whether the attribute at eq belongs to a tag with
// rel="canonical", or to a <link> with hreflang.
func keepsAddress(page []byte, eq int) bool {
	tagStart := bytes.LastIndexByte(page[:eq], '<')
	if tagStart < 0 {
		return false
	}
	tagEnd := bytes.IndexByte(page[eq:], '>')
	if tagEnd < 0 {
		tagEnd = len(page) - eq
	}
	tag := page[tagStart : eq+tagEnd]
	return bytes.Contains(tag, []byte(`rel="canonical"`)) ||
		bytes.HasPrefix(tag, []byte("<link ")) && bytes.Contains(tag, []byte(` hreflang="`))
}

func relative(u, up, basePath string, fileURLs bool) string {
	if !strings.HasPrefix(u, basePath) || strings.HasPrefix(u, "//") {
		return u
	}
	rest := strings.TrimPrefix(u, basePath)
	p, suffix := rest, ""
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		p, suffix = rest[:i], rest[i:]
	}
	if fileURLs && (p == "" || strings.HasSuffix(p, "/")) {
		p += "index.html"
	}
	r := up + p
	if r == "" {
		r = "./"
	}
	return r + suffix
}
