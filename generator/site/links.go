package site

import (
	"sort"

	"github.com/ocop-vn/ocop/generator/diag"
)

// checkLinks reports every internal link that does not resolve to a file of
// the output: a missing page is a bug in the theme or the data, and must not
// be published.
func (b *builder) checkLinks() {
	pages := make([]string, 0, len(b.pending))
	for p := range b.pending {
		pages = append(pages, p)
	}
	sort.Strings(pages)
	for _, page := range pages {
		for _, href := range b.pending[page] {
			target, _ := b.internalPath(href)
			if !b.pub.Has(target) {
				b.l.AddHint(diag.Pos{File: "public/" + page}, "fix the link in the content or the layout that produced this page",
					"broken internal link %s", href)
			}
		}
	}
}
