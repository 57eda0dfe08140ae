// Package config reads site.yaml, the one file that describes a catalogue
// site as a whole: its title, the address it is served from, the area it
// covers, the default criteria set, and the menu and footer text.
//
// Keys (unknown keys are errors):
//
//	title:     site title (required)
//	base_url:  absolute URL (https://ocop.example.vn/) or a sub-path (/ocop/); default "/"
//	language:  language code of the content; default "vi"
//	languages: the editions of a multilingual site, e.g. [vi, en]: the
//	           first is the default edition at the site root and the
//	           language the files are written in; each other one is an
//	           edition under /<code>/ with the same page paths. Every
//	           language needs interface strings, layouts/i18n/<code>.yaml.
//	translations: per-language replacements of title, menu, contact and
//	           footer for the other editions, e.g.
//	           translations: {en: {title: OCOP products of …, menu: […]}}
//	area:      province, district (and note): the area the site covers
//	rubric:    id of the default criteria set; default "qd148-2023"
//	per_page:  cards per listing page; default 24
//	menu:      list of {title, url}; url is site-relative (/san-pham/) or absolute
//	contact:   contact text shown in the footer
//	footer:    footer text
//	images:    quality (JPEG, 1–100; default 80) and widths (default
//	           [320, 640, 1280]) of the published product photos
package config

import (
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/yamlx"
	"gopkg.in/yaml.v3"
)

// File is the name of the site configuration file at the site root.
const File = "site.yaml"

// Site is the decoded site.yaml.
type Site struct {
	Title        string                 `yaml:"title" required:"true"`
	BaseURL      string                 `yaml:"base_url"`
	Language     string                 `yaml:"language"`
	Languages    []string               `yaml:"languages"`
	Area         Area                   `yaml:"area"`
	Rubric       string                 `yaml:"rubric"`
	PerPage      int                    `yaml:"per_page"`
	Menu         []MenuItem             `yaml:"menu"`
	Contact      string                 `yaml:"contact"`
	Footer       string                 `yaml:"footer"`
	Images       Images                 `yaml:"images"`
	Translations map[string]Translation `yaml:"translations"`

	// Origin is the scheme and host of an absolute base URL ("" for a bare
	// sub-path); BasePath always starts and ends with "/".
	Origin   string `yaml:"-"`
	BasePath string `yaml:"-"`

	// Prefix is where this edition's pages sit under BasePath: "" for the
	// default edition, "en/" for the English one. Files every edition
	// shares (static/, product photos, data/, search/) sit at BasePath.
	Prefix string `yaml:"-"`
	// LanguagePos is where site.yaml names each language, for problems
	// found later (a language without interface strings).
	LanguagePos map[string]diag.Pos `yaml:"-"`
	// Untranslated marks the texts ("title", "menu", "contact", "footer")
	// this edition shows in the content language, for want of a
	// translation, so layouts can mark them (lang="vi").
	Untranslated map[string]bool `yaml:"-"`
	// editions lists the site as each language edition sees it, default
	// first; every edition holds the same list.
	editions []*Site
}

// Translation replaces the site-wide texts of site.yaml in one of the
// other editions of a multilingual site. Keys left out keep the default
// edition's text.
type Translation struct {
	Title   string     `yaml:"title"`
	Menu    []MenuItem `yaml:"menu"`
	Contact string     `yaml:"contact"`
	Footer  string     `yaml:"footer"`
}

// Area is the part of the country a site covers.
type Area struct {
	Province string `yaml:"province"`
	District string `yaml:"district"`
	Note     string `yaml:"note"`
}

// Images configures how product photos are published: each is scaled down
// to every width of Widths it is wider than, and encoded as JPEG at
// Quality.
type Images struct {
	Quality int   `yaml:"quality"`
	Widths  []int `yaml:"widths"`

	// Variants is set by a build that publishes the photos in Widths, so
	// pages offer them (srcset); the preview serves the originals and
	// leaves it false.
	Variants bool `yaml:"-"`
}

// MenuItem is one entry of the main menu.
type MenuItem struct {
	Title string `yaml:"title" required:"true"`
	URL   string `yaml:"url" required:"true"`
}

// Load reads site.yaml from the site root. A missing file is a problem, since
// without it the folder is not a site.
func Load(site fs.FS, baseURLOverride string, l *diag.List) *Site {
	s := &Site{}
	src, err := fs.ReadFile(site, File)
	if err != nil {
		l.AddHint(diag.Pos{File: File}, "run ocop in the folder that holds site.yaml, or create one (see README)", "cannot read site configuration")
		s.applyDefaults()
		s.setBase("/", nil, l)
		return s
	}
	node := yamlx.Parse(File, src, l)
	if node != nil {
		yamlx.Decode(File, node, s, l)
	}
	s.applyDefaults()
	var at *yaml.Node
	if node != nil {
		at = yamlx.Value(node, "base_url")
	}
	if baseURLOverride != "" {
		s.BaseURL, at = baseURLOverride, nil
	}
	s.setBase(s.BaseURL, at, l)
	if s.PerPage < 1 || s.PerPage > 500 {
		l.Add(yamlx.PosOf(File, node, "per_page"), "`per_page` must be between 1 and 500, found %d", s.PerPage)
		s.PerPage = 24
	}
	s.checkImages(node, l)
	s.checkLanguages(node, l)
	return s
}

// languageRE is a language code as used in lang and hreflang attributes
// and in folder names: "vi", "en", "zh-hans".
var languageRE = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8})*$`)

// checkLanguages validates `language`, `languages` and `translations`, and
// makes the editions.
func (s *Site) checkLanguages(node *yaml.Node, l *diag.List) {
	s.LanguagePos = map[string]diag.Pos{}
	if len(s.Languages) == 0 {
		if !languageRE.MatchString(s.Language) {
			l.AddHint(yamlx.PosOf(File, node, "language"), "write a language code such as vi or en", "invalid language code `%s`", s.Language)
			s.Language = "vi"
		}
		s.Languages = []string{s.Language}
		s.LanguagePos[s.Language] = yamlx.PosOf(File, node, "language")
	} else {
		var langs []string
		for i, code := range s.Languages {
			pos := yamlx.ItemPos(File, node, "languages", i)
			switch {
			case !languageRE.MatchString(code):
				l.AddHint(pos, "write a language code such as vi or en", "invalid language code `%s`", code)
			case slices.Contains(langs, code):
				l.AddHint(pos, "list each language once", "language `%s` is listed twice", code)
			default:
				langs = append(langs, code)
				s.LanguagePos[code] = pos
			}
		}
		if len(langs) == 0 {
			langs = []string{"vi"}
		}
		if yamlx.Value(node, "language") != nil && s.Language != langs[0] {
			l.AddHint(yamlx.PosOf(File, node, "language"), "the first of `languages` is the default edition: remove `language`, or put it first in `languages`",
				"`language` is `%s` but `languages` starts with `%s`", s.Language, langs[0])
		}
		s.Languages, s.Language = langs, langs[0]
	}
	tr := yamlx.Value(node, "translations")
	for _, code := range sortedKeys(s.Translations) {
		if code == s.Language || !slices.Contains(s.Languages, code) {
			l.AddHint(keyPos(tr, code), "translations are for the other languages of `languages`; the default edition uses the keys at the top of site.yaml",
				"`translations` has `%s`, which is not one of the other languages", code)
		}
	}
	s.editions = []*Site{s}
	for _, code := range s.Languages[1:] {
		e := *s
		e.Language, e.Prefix = code, code+"/"
		t := s.Translations[code]
		e.Untranslated = map[string]bool{}
		if t.Title != "" {
			e.Title = t.Title
		} else {
			e.Untranslated["title"] = true
		}
		if t.Menu != nil {
			e.Menu = t.Menu
		} else if len(s.Menu) > 0 {
			e.Untranslated["menu"] = true
		}
		if t.Contact != "" {
			e.Contact = t.Contact
		} else if s.Contact != "" {
			e.Untranslated["contact"] = true
		}
		if t.Footer != "" {
			e.Footer = t.Footer
		} else if s.Footer != "" {
			e.Untranslated["footer"] = true
		}
		s.editions = append(s.editions, &e)
	}
	for _, e := range s.editions[1:] {
		e.editions = s.editions
	}
}

// keyPos is the position of key in mapping m (the key itself, not its
// value), or of m when the key is absent.
func keyPos(m *yaml.Node, key string) diag.Pos {
	if m != nil && m.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if k := m.Content[i]; k.Value == key {
				return diag.Pos{File: File, Line: k.Line, Col: k.Column}
			}
		}
	}
	return yamlx.PosOf(File, m, key)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Editions returns the site as each of its language editions sees it, the
// default edition (the site itself) first. A single-language site has one.
func (s *Site) Editions() []*Site {
	if len(s.editions) == 0 {
		return []*Site{s}
	}
	return s.editions
}

// Multilingual reports whether the site has more than one edition.
func (s *Site) Multilingual() bool { return len(s.Languages) > 1 }

// ContentLanguage is the language the site's files are written in: the
// default edition's.
func (s *Site) ContentLanguage() string {
	if len(s.Languages) == 0 {
		return s.Language
	}
	return s.Languages[0]
}

// checkImages validates the `images` keys and sorts the widths.
func (s *Site) checkImages(node *yaml.Node, l *diag.List) {
	im := yamlx.Value(node, "images")
	if s.Images.Quality < 1 || s.Images.Quality > 100 {
		l.Add(yamlx.PosOf(File, im, "quality"), "`images.quality` must be between 1 and 100, found %d", s.Images.Quality)
		s.Images.Quality = 80
	}
	for _, w := range s.Images.Widths {
		if w < 16 || w > 8192 {
			l.Add(yamlx.PosOf(File, im, "widths"), "`images.widths` must be between 16 and 8192 pixels, found %d", w)
			s.Images.Widths = []int{320, 640, 1280}
			break
		}
	}
	slices.Sort(s.Images.Widths)
	s.Images.Widths = slices.Compact(s.Images.Widths)
}

func (s *Site) applyDefaults() {
	if s.Language == "" {
		s.Language = "vi"
	}
	if s.Rubric == "" {
		s.Rubric = "qd148-2023"
	}
	if s.PerPage == 0 {
		s.PerPage = 24
	}
	if s.BaseURL == "" {
		s.BaseURL = "/"
	}
	if s.Images.Quality == 0 {
		s.Images.Quality = 80
	}
	if len(s.Images.Widths) == 0 {
		s.Images.Widths = []int{320, 640, 1280}
	}
}

func (s *Site) setBase(raw string, at *yaml.Node, l *diag.List) {
	pos := diag.Pos{File: File}
	if at != nil {
		pos.Line, pos.Col = at.Line, at.Column
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") || (u.Scheme != "" && u.Host == "") || (u.Scheme == "" && !strings.HasPrefix(raw, "/")) || u.RawQuery != "" || u.Fragment != "" {
		l.AddHint(pos, "write an absolute URL such as https://ocop.example.vn/ or a sub-path such as /ocop/", "invalid `base_url` %q", raw)
		s.Origin, s.BasePath = "", "/"
		return
	}
	if u.Scheme != "" {
		s.Origin = u.Scheme + "://" + u.Host
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	s.BasePath = p
}

// Abs returns the absolute URL of a page path ("san-pham/x/") of this
// edition when the base URL is absolute, and the root-relative one
// otherwise.
func (s *Site) Abs(p string) string {
	return s.Origin + s.Rel(p)
}

// Rel returns the root-relative URL of a page path of this edition, under
// the base path and the edition's prefix.
func (s *Site) Rel(p string) string {
	return s.BasePath + s.Prefix + strings.TrimPrefix(p, "/")
}

// Asset returns the root-relative URL of a file every edition shares
// (static/, product photos, data/, search/), under the base path.
func (s *Site) Asset(p string) string {
	return s.BasePath + strings.TrimPrefix(p, "/")
}
