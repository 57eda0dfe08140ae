// Package config reads site.yaml, the one file that describes a catalogue
// site as a whole: its title, the address it is served from, the area it
// covers, the default criteria set, and the menu and footer text.
//
// Keys (unknown keys are errors):
//
//	title:     site title (required)
//	base_url:  absolute URL (https://ocop.example.vn/) or a sub-path (/ocop/); default "/"
//	language:  language code of the content; default "vi"
//	area:      province, district (and note): the area the site covers
//	rubric:    id of the default criteria set; default "qd148-2023"
//	per_page:  cards per listing page; default 24
//	menu:      list of {title, url}; url is site-relative (/san-pham/) or absolute
//	contact:   contact text shown in the footer
//	footer:    footer text
package config

import (
	"io/fs"
	"net/url"
	"strings"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/yamlx"
	"gopkg.in/yaml.v3"
)

// File is the name of the site configuration file at the site root.
const File = "site.yaml"

// Site is the decoded site.yaml.
type Site struct {
	Title    string     `yaml:"title" required:"true"`
	BaseURL  string     `yaml:"base_url"`
	Language string     `yaml:"language"`
	Area     Area       `yaml:"area"`
	Rubric   string     `yaml:"rubric"`
	PerPage  int        `yaml:"per_page"`
	Menu     []MenuItem `yaml:"menu"`
	Contact  string     `yaml:"contact"`
	Footer   string     `yaml:"footer"`

	// Origin is the scheme and host of an absolute base URL ("" for a bare
	// sub-path); BasePath always starts and ends with "/".
	Origin   string `yaml:"-"`
	BasePath string `yaml:"-"`
}

// Area is the part of the country a site covers.
type Area struct {
	Province string `yaml:"province"`
	District string `yaml:"district"`
	Note     string `yaml:"note"`
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
	return s
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

// Abs returns the absolute URL of a site path ("san-pham/x/") when the
// base URL is absolute, and the root-relative one otherwise.
func (s *Site) Abs(p string) string {
	return s.Origin + s.Rel(p)
}

// Rel returns the root-relative URL of a site path, under the base path.
func (s *Site) Rel(p string) string {
	return s.BasePath + strings.TrimPrefix(p, "/")
}
