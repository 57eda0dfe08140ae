// Package markdown converts the Markdown staff write (product stories, news,
// free pages) to HTML with one configured goldmark instance: GitHub-flavoured
// tables and lists, heading ids, raw HTML left out (staff text must never
// inject markup), and site-absolute links ("/san-pham/x/") moved under the
// site's base path so they work when the site is served from a sub-path.
package markdown

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"

	"github.com/ocop-vn/ocop/generator/vntext"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Converter turns Markdown into safe HTML for one site.
type Converter struct {
	md goldmark.Markdown
}

// New returns a converter whose site-absolute links are prefixed with
// basePath ("/" or "/ocop/").
func New(basePath string) *Converter {
	return newConverter(baseLinks{base: basePath})
}

// NewEdition returns the converter of a language edition whose pages sit
// under basePath+prefix ("/en/"): a site-absolute link to a page the
// edition has (isPage of the path below the base, "san-pham/x/") leads to
// the edition's page; images and links to other files stay under
// basePath, where every edition finds them.
func NewEdition(basePath, prefix string, isPage func(path string) bool) *Converter {
	return newConverter(baseLinks{base: basePath, prefix: prefix, isPage: isPage})
}

func newConverter(links baseLinks) *Converter {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(links, 100)),
		),
	)
	return &Converter{md: md}
}

// Convert renders src. goldmark drops raw HTML and dangerous link schemes
// (javascript:, vbscript:, data: other than images) in its default, safe
// mode, so the result may be trusted as template.HTML.
func (c *Converter) Convert(src string) (template.HTML, error) {
	var buf bytes.Buffer
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{seen: map[string]bool{}}))
	if err := c.md.Convert([]byte(src), &buf, parser.WithContext(ctx)); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// headingIDs names headings after their Vietnamese text folded to ASCII
// ("Nguồn gốc" → "nguon-goc"). goldmark's own ids keep only ASCII letters,
// which made "ngun-gc" of the same heading. Ids are unique in a document
// (a second "Nguồn gốc" is "nguon-goc-1").
type headingIDs struct {
	seen map[string]bool
}

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := vntext.Slug(string(value))
	if base == "" {
		base = "muc"
	}
	id := base
	for i := 1; h.seen[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	h.seen[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.seen[string(value)] = true }

// baseLinks rewrites link and image destinations that start with a single
// "/" so they sit under the site's base path, and links to pages under the
// edition's prefix.
type baseLinks struct {
	base   string
	prefix string
	isPage func(path string) bool
}

func (b baseLinks) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	if b.base == "/" && b.prefix == "" {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = b.rebase(n.Destination, true)
		case *ast.Image:
			n.Destination = b.rebase(n.Destination, false)
		}
		return ast.WalkContinue, nil
	})
}

func (b baseLinks) rebase(dest []byte, link bool) []byte {
	s := string(dest)
	if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") {
		return dest
	}
	p, ok := strings.CutPrefix(s, b.base)
	if !ok {
		p = strings.TrimPrefix(s, "/")
	}
	if link && b.prefix != "" {
		page := p
		if i := strings.IndexAny(page, "?#"); i >= 0 {
			page = page[:i]
		}
		if b.isPage(page) {
			return []byte(b.base + b.prefix + p)
		}
	}
	return []byte(b.base + p)
}
