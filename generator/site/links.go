package site

import (
	"sort"

	"github.com/ocop-vn/ocop/generator/diag"
)

// pendingLink is a link of a rendered page to a file that is not a page
// (a style sheet, a feed, a QR code): whether it resolves is known only
// once everything is written.
type pendingLink struct {
	target string // the output file, relative to the output folder
	href   string // the link as the layout or content wrote it
}

// linkUse is how the pages link one such file: the first page in path
// order (the one a problem is reported at, the same on every build) with
// its link, and how many pages link it.
type linkUse struct {
	page, href string
	pages      int
}

// add counts one more page linking the target; u may be nil.
func (u *linkUse) add(page, href string) *linkUse {
	if u == nil {
		return &linkUse{page: page, href: href, pages: 1}
	}
	u.pages++
	if page < u.page {
		u.page, u.href = page, href
	}
	return u
}

// checkLinks reports every internal link that does not resolve to a file of
// the output: a missing page is a bug in the theme or the data, and must not
// be published. A target many pages link (a layout's style sheet, say) is
// one problem, at the first of those pages, with the number of others.
func (b *builder) checkLinks() {
	targets := make([]string, 0, len(b.pending))
	for t := range b.pending {
		targets = append(targets, t)
	}
	sort.Strings(targets)
	for _, t := range targets {
		if b.pub.Has(t) {
			continue
		}
		u := b.pending[t]
		pos := diag.Pos{File: "public/" + u.page}
		if u.pages == 1 {
			b.l.AddHint(pos, "fix the link in the content or the layout that produced this page",
				"broken internal link %s", u.href)
		} else {
			b.l.AddHint(pos, "fix the link in the layout that produced these pages",
				"broken internal link %s (also on %d other pages)", u.href, u.pages-1)
		}
	}
}
