package site

import (
	"errors"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/search"
)

// search builds the search index (see package search) and writes its
// files under search/, once for every edition. They are written as they are: encoding/json output
// has no whitespace to remove, and passing 40 MB of it through the JSON
// minifier at 20,000 products cost a second for nothing.
func (b *builder) search() {
	s := b.cat.Site
	opts := search.Options{FileURLs: b.fileURLs}
	if s.ContentLanguage() != "en" {
		for _, e := range b.editions {
			if e.site.Language == "en" {
				opts.English = true
				opts.EnglishLabel = func(key string) string { t, _ := e.r.T(key); return t }
			}
		}
	}
	err := search.Write(b.cat, s, opts, func(f search.File) error {
		if err := b.pub.WriteRaw(f.Path, f.Data); err != nil {
			b.l.Add(diag.Pos{File: f.Path}, "writing: %v", err)
		}
		return nil
	})
	var te *search.TextError
	switch {
	case errors.As(err, &te):
		b.textProblem(te.Text, te.Err)
	case err != nil:
		b.l.Add(diag.Pos{File: "search"}, "%v", err)
	}
}
