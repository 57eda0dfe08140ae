package publish

import (
	"bytes"
	"regexp"
	"strings"
)

// attrURLRE matches the URL attributes html/template writes, always
// double-quoted: href, src, action, poster and srcset.
var attrURLRE = regexp.MustCompile(`\s(?:href|src|action|poster|srcset)="([^"]*)"`)

// Relativize rewrites every site-internal address in an HTML page (one that
// starts with basePath) to a path relative to the page's own folder, so the
// output works wherever it is put: under any sub-path, on a USB stick,
// opened from disk. pageDir is the page's folder relative to the site root
// ("" for the home page, "san-pham/x/" for a product). With fileURLs, links
// to folders get an explicit "index.html", which browsers need to open a
// page from disk (file://) rather than list the folder.
func Relativize(page []byte, pageDir, basePath string, fileURLs bool) []byte {
	depth := strings.Count(pageDir, "/")
	up := strings.Repeat("../", depth)
	var out []byte
	last := 0
	for _, loc := range attrURLRE.FindAllIndex(page, -1) {
		out = append(out, page[last:loc[0]]...)
		last = loc[1]
		m := page[loc[0]:loc[1]]
		// A canonical link names the page's one true address; it stays as
		// written (absolute when base_url is).
		if tagStart := bytes.LastIndexByte(page[:loc[0]], '<'); tagStart >= 0 && bytes.Contains(page[tagStart:loc[0]], []byte(`rel="canonical"`)) {
			out = append(out, m...)
			continue
		}
		out = append(out, relativizeAttr(m, up, basePath, fileURLs)...)
	}
	return append(out, page[last:]...)
}

// relativizeAttr rewrites one matched attribute.
func relativizeAttr(m []byte, up, basePath string, fileURLs bool) []byte {
	i := bytes.IndexByte(m, '"')
	val := string(m[i+1 : len(m)-1])
	var out strings.Builder
	for j, part := range splitSrcset(m, val) {
		if j > 0 {
			out.WriteString(", ")
		}
		u, rest, _ := strings.Cut(strings.TrimSpace(part), " ")
		out.WriteString(relative(u, up, basePath, fileURLs))
		if rest != "" {
			out.WriteString(" " + rest)
		}
	}
	return append(append(append([]byte(nil), m[:i+1]...), out.String()...), '"')
}

// splitSrcset returns the candidates of a srcset attribute, or the value
// itself for any other attribute.
func splitSrcset(attr []byte, val string) []string {
	if bytes.Contains(attr[:bytes.IndexByte(attr, '=')], []byte("srcset")) {
		return strings.Split(val, ",")
	}
	return []string{val}
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
