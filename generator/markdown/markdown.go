// Package markdown converts the Markdown staff write (product stories, news,
// free pages) to HTML with one configured goldmark instance: GitHub-flavoured
// tables and lists, heading ids, raw HTML left out (staff text must never
// inject markup), and site-absolute links ("/san-pham/x/") moved under the
// site's base path so they work when the site is served from a sub-path.
package markdown

import (
	"bytes"
	"html/template"
	"strings"

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
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(baseLinks{base: basePath}, 100)),
		),
	)
	return &Converter{md: md}
}

// Convert renders src. goldmark drops raw HTML and dangerous link schemes
// (javascript:, vbscript:, data: other than images) in its default, safe
// mode, so the result may be trusted as template.HTML.
func (c *Converter) Convert(src string) (template.HTML, error) {
	var buf bytes.Buffer
	if err := c.md.Convert([]byte(src), &buf); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// baseLinks rewrites link and image destinations that start with a single
// "/" so they sit under the site's base path.
type baseLinks struct{ base string }

func (b baseLinks) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	if b.base == "/" {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = b.rebase(n.Destination)
		case *ast.Image:
			n.Destination = b.rebase(n.Destination)
		}
		return ast.WalkContinue, nil
	})
}

func (b baseLinks) rebase(dest []byte) []byte {
	s := string(dest)
	if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") && !strings.HasPrefix(s, b.base) {
		return []byte(b.base + strings.TrimPrefix(s, "/"))
	}
	return dest
}
