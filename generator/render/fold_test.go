package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
)

// TestFoldTranslations: folding {{t "key"}} into the template changes no
// byte of the output, in any context, and folds only text and attribute
// values.
func TestFoldTranslations(t *testing.T) {
	r := &Renderer{strings: map[string]string{
		"k":     `<a href="x">'&+ Chè "xanh"`,
		"plain": "Sản phẩm",
	}}
	src := `<p title="{{t "k"}}" data-x='{{t "plain"}}'>{{t "k"}} {{t "plain"}}</p>` +
		`<script>var s = {{t "k"}};</script><a href="/{{t "plain"}}">{{t "missing" | printf "%s"}}</a>` +
		`{{define "inner"}}<b>{{t "k"}}</b>{{end}}{{template "inner"}}{{if true}}<i>{{t "plain"}}</i>{{end}}`
	mk := func() *template.Template {
		return template.Must(template.New("p").Funcs(template.FuncMap{"t": func(k string) string { return r.strings[k] }}).Parse(src))
	}
	var want, got bytes.Buffer
	if err := mk().Execute(&want, nil); err != nil {
		t.Fatal(err)
	}
	folded := mk()
	if !escape(folded, "p") {
		t.Fatal("escaping failed")
	}
	r.foldTranslations(folded)
	if err := folded.Execute(&got, nil); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("folded output differs:\n got %s\nwant %s", &got, &want)
	}
	left := 0
	for _, tt := range folded.Templates() {
		left += strings.Count(tt.Tree.Root.String(), `t "`)
	}
	// The script's, the URL's and the piped one stay calls.
	if left != 3 {
		t.Errorf("%d calls of t left, want 3 (in the script, the URL and the pipeline)", left)
	}
}
