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
//	images:    quality (JPEG, 1–100; default 80) and widths (default
//	           [320, 640, 1280]) of the published product photos
package config

import (
	"io/fs"
	"net/url"
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
	Title    string     `yaml:"title" required:"true"`
	BaseURL  string     `yaml:"base_url"`
	Language string     `yaml:"language"`
	Area     Area       `yaml:"area"`
	Rubric   string     `yaml:"rubric"`
	PerPage  int        `yaml:"per_page"`
	Menu     []MenuItem `yaml:"menu"`
	Contact  string     `yaml:"contact"`
	Footer   string     `yaml:"footer"`
	Images   Images     `yaml:"images"`

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
	return s
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

// Abs returns the absolute URL of a site path ("san-pham/x/") when the
// base URL is absolute, and the root-relative one otherwise.
func (s *Site) Abs(p string) string {
	return s.Origin + s.Rel(p)
}

// Rel returns the root-relative URL of a site path, under the base path.
func (s *Site) Rel(p string) string {
	return s.BasePath + strings.TrimPrefix(p, "/")
}
