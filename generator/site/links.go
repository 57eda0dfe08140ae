package site

import (
	"sort"

	"github.com/ocop-vn/ocop/generator/diag"
)

// checkLinks reports every internal link that does not resolve to a file of
// the output: a missing page is a bug in the theme or the data, and must not
// be published.
func (b *builder) checkLinks() {
	pages := make([]string, 0, len(b.links))
	for p := range b.links {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	for _, page := range pages {
		seen := map[string]bool{}
		for _, href := range b.links[page] {
			target, ok := b.internalPath(href)
			if !ok || seen[target] {
				continue
			}
			seen[target] = true
			if !b.pub.Has(target) {
				b.l.AddHint(diag.Pos{File: "public/" + page}, "fix the link in the content or the layout that produced this page",
					"broken internal link %s", href)
			}
		}
	}
}
