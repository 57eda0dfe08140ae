package config

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ocop-vn/ocop/generator/diag"
)

func load(t *testing.T, src string) (*Site, []string) {
	t.Helper()
	l := &diag.List{}
	s := Load(fstest.MapFS{File: {Data: []byte(src)}}, "", l)
	var problems []string
	for _, p := range l.Problems() {
		problems = append(problems, p.Error())
	}
	return s, problems
}

func TestLanguages(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		langs    []string
		problems []string
	}{
		{"default", "title: T\n", []string{"vi"}, nil},
		{"language only", "title: T\nlanguage: en\n", []string{"en"}, nil},
		{"two editions", "title: T\nlanguages: [vi, en]\n", []string{"vi", "en"}, nil},
		{"language agrees", "title: T\nlanguage: vi\nlanguages: [vi, en]\n", []string{"vi", "en"}, nil},
		{"default not first", "title: T\nlanguage: en\nlanguages: [vi, en]\n", []string{"vi", "en"}, []string{
			"site.yaml:2:11: `language` is `en` but `languages` starts with `vi` (the first of `languages` is the default edition: remove `language`, or put it first in `languages`)",
		}},
		{"duplicate", "title: T\nlanguages: [vi, en, vi]\n", []string{"vi", "en"}, []string{
			"site.yaml:2:21: language `vi` is listed twice (list each language once)",
		}},
		{"bad code", "title: T\nlanguages:\n  - vi\n  - English\n", []string{"vi"}, []string{
			"site.yaml:4:5: invalid language code `English` (write a language code such as vi or en)",
		}},
		{"bad single code", "title: T\nlanguage: VI\n", []string{"vi"}, []string{
			"site.yaml:2:11: invalid language code `VI` (write a language code such as vi or en)",
		}},
		{"translation of an unknown language", "title: T\nlanguages: [vi, en]\ntranslations:\n  fr: {title: X}\n", []string{"vi", "en"}, []string{
			"site.yaml:4:3: `translations` has `fr`, which is not one of the other languages (translations are for the other languages of `languages`; the default edition uses the keys at the top of site.yaml)",
		}},
		{"translation of the default language", "title: T\nlanguages: [vi, en]\ntranslations:\n  vi: {title: X}\n", []string{"vi", "en"}, []string{
			"site.yaml:4:3: `translations` has `vi`, which is not one of the other languages (translations are for the other languages of `languages`; the default edition uses the keys at the top of site.yaml)",
		}},
		{"unknown translation key", "title: T\nlanguages: [vi, en]\ntranslations:\n  en: {titel: X}\n", []string{"vi", "en"}, []string{
			"site.yaml:4:8: unknown key `titel` (did you mean `title`?)",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, problems := load(t, tt.src)
			if !reflect.DeepEqual(s.Languages, tt.langs) {
				t.Errorf("Languages = %v, want %v", s.Languages, tt.langs)
			}
			if s.Language != tt.langs[0] {
				t.Errorf("Language = %q, want %q", s.Language, tt.langs[0])
			}
			if strings.Join(problems, "\n") != strings.Join(tt.problems, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(tt.problems, "\n"))
			}
			if len(s.Editions()) != len(s.Languages) {
				t.Errorf("%d editions for %d languages", len(s.Editions()), len(s.Languages))
			}
		})
	}
}

func TestEditions(t *testing.T) {
	s, problems := load(t, `title: Sản phẩm OCOP
base_url: https://ocop.example.vn/tinh/
languages: [vi, en]
menu:
  - {title: Sản phẩm, url: /san-pham/}
footer: Chân trang
translations:
  en:
    title: OCOP products
    menu:
      - {title: Products, url: /san-pham/}
`)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	eds := s.Editions()
	if len(eds) != 2 || eds[0] != s {
		t.Fatalf("editions %v: want the site itself first, then one more", eds)
	}
	vi, en := eds[0], eds[1]
	for _, tt := range []struct{ got, want string }{
		{vi.Rel("san-pham/x/"), "/tinh/san-pham/x/"},
		{en.Rel("san-pham/x/"), "/tinh/en/san-pham/x/"},
		{en.Rel(""), "/tinh/en/"},
		{en.Abs("tin-tuc/"), "https://ocop.example.vn/tinh/en/tin-tuc/"},
		{en.Asset("static/css/site.css"), "/tinh/static/css/site.css"},
		{vi.Asset("data/products.csv"), "/tinh/data/products.csv"},
		{en.Title, "OCOP products"},
		{en.Menu[0].Title, "Products"},
		{en.Footer, "Chân trang"},
		{en.Language, "en"},
		{en.ContentLanguage(), "vi"},
		{vi.Prefix, ""},
		{en.Prefix, "en/"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if !en.Untranslated["footer"] || en.Untranslated["title"] || en.Untranslated["menu"] {
		t.Errorf("Untranslated = %v, want only footer", en.Untranslated)
	}
	if len(vi.Untranslated) != 0 {
		t.Errorf("default edition has untranslated texts %v", vi.Untranslated)
	}
	if got := en.Editions(); len(got) != 2 || got[0] != vi || got[1] != en {
		t.Errorf("an edition does not list the same editions")
	}
	if !en.Multilingual() || !vi.Multilingual() {
		t.Error("not multilingual")
	}
}
