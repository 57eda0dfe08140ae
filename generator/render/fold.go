package render

import (
	"html/template"
	"io"
	"strings"
	"text/template/parse"
)

// foldTranslations replaces each {{t "key"}} of t's templates that html/template
// escapes as plain text or as an attribute value by the translation itself,
// escaped as html/template would have escaped it. A page has about seventy
// such strings and a build renders tens of thousands of pages; each was a
// reflective function call, then an escaper's. The output is the same byte
// for byte (the golden pages test it).
//
// The templates must have been escaped first: only then does each action
// say, by the escaper html/template gave it, in which context it writes.
// Actions in any other context (a script, a URL, a style) are left alone.
func (r *Renderer) foldTranslations(t *template.Template) {
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		r.foldList(tt.Tree.Root)
	}
}

func (r *Renderer) foldList(list *parse.ListNode) {
	if list == nil {
		return
	}
	for i, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if text, ok := r.foldable(n); ok {
				list.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte(text)}
			}
		case *parse.IfNode:
			r.foldList(n.List)
			r.foldList(n.ElseList)
		case *parse.RangeNode:
			r.foldList(n.List)
			r.foldList(n.ElseList)
		case *parse.WithNode:
			r.foldList(n.List)
			r.foldList(n.ElseList)
		case *parse.ListNode:
			r.foldList(n)
		}
	}
}

// foldable reports whether n is exactly {{t "key"}} followed by the text
// or attribute escaper, and returns the escaped translation.
func (r *Renderer) foldable(n *parse.ActionNode) (string, bool) {
	p := n.Pipe
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 2 {
		return "", false
	}
	call, esc := p.Cmds[0], p.Cmds[1]
	if len(call.Args) != 2 || len(esc.Args) != 1 {
		return "", false
	}
	fn, ok := call.Args[0].(*parse.IdentifierNode)
	key, isString := call.Args[1].(*parse.StringNode)
	escaper, isIdent := esc.Args[0].(*parse.IdentifierNode)
	if !ok || !isString || !isIdent || fn.Ident != "t" {
		return "", false
	}
	switch escaper.Ident {
	case "_html_template_htmlescaper", "_html_template_attrescaper":
	default:
		return "", false
	}
	s, found := r.strings[key.Text]
	if !found || strings.ContainsRune(s, 0) {
		return "", false
	}
	return htmlEscaper.Replace(s), true
}

// htmlEscaper escapes as html/template does in text and quoted attribute
// values (which, unlike template.HTMLEscapeString, also escapes "+").
var htmlEscaper = strings.NewReplacer(`"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// escape makes html/template escape t's templates now (it does so on
// first execution): executing with no data fails after escaping, which is
// all that is wanted. It reports whether escaping succeeded.
func escape(t *template.Template, name string) bool {
	err := t.ExecuteTemplate(io.Discard, name, nil)
	if err == nil {
		return true
	}
	_, escErr := err.(*template.Error)
	return !escErr
}
