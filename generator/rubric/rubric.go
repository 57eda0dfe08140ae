// Package rubric holds the OCOP criteria sets ("bộ tiêu chí") as data: the
// product groups and subgroups a product is classified under, the scoring
// forms with their parts, sections and criteria, the star thresholds, which
// council level may recognise which stars, and how long a certificate is
// valid. The national sets ship embedded (data/*.yaml); a site may add or
// replace one with content/rubrics/<id>.yaml, so a new decision is a new data
// file, not new code.
package rubric

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/yamlx"
)

// Set is one criteria set, as decided by one legal instrument.
type Set struct {
	ID          string      `yaml:"id" required:"true"`
	Title       string      `yaml:"title" required:"true"`
	Decision    string      `yaml:"decision"`
	Source      string      `yaml:"source"`
	ValidFrom   yamlx.Date  `yaml:"valid_from"`
	ValidMonths int         `yaml:"valid_months"`
	Thresholds  []Threshold `yaml:"thresholds"`
	// Recognised lists the stars a decision recognises (default 3, 4, 5).
	Recognised []int `yaml:"recognised"`
	// Levels says which council level may recognise which stars from
	// ValidFrom; Authority lists later changes (QĐ 1489 of 2025 abolished
	// the district level, for instance).
	Levels    map[string][]int `yaml:"levels"`
	Authority []Period         `yaml:"authority"`
	// MaxSpread is the largest difference allowed between council members'
	// totals before the council must discuss and re-score (default 10).
	MaxSpread float64 `yaml:"max_spread"`
	Groups    []Group `yaml:"groups"`
	Parts     []Part  `yaml:"parts"`
	Forms     []Form  `yaml:"forms"`

	// File is where the set was read from, for messages.
	File string `yaml:"-"`
}

// Period is a change of who may recognise which stars, from a date on.
type Period struct {
	From   yamlx.Date       `yaml:"from" required:"true"`
	Note   string           `yaml:"note"`
	Levels map[string][]int `yaml:"levels" required:"true"`
}

// Threshold says that an average total of at least Min earns Star.
type Threshold struct {
	Star int     `yaml:"star" required:"true"`
	Min  float64 `yaml:"min" required:"true"`
}

// Group is a product group ("nhóm"/"ngành") with its subgroups.
type Group struct {
	ID        string     `yaml:"id" required:"true"`
	Code      string     `yaml:"code"`
	Name      string     `yaml:"name" required:"true"`
	NameEN    string     `yaml:"name_en"`
	Subgroups []Subgroup `yaml:"subgroups"`
}

// Subgroup is a product subgroup ("bộ sản phẩm"), scored with one form.
type Subgroup struct {
	ID     string `yaml:"id" required:"true"`
	Code   string `yaml:"code"`
	Name   string `yaml:"name" required:"true"`
	NameEN string `yaml:"name_en"`
	Form   string `yaml:"form"`
}

// Form is the scoring form of one or more subgroups.
type Form struct {
	ID    string `yaml:"id" required:"true"`
	Name  string `yaml:"name"`
	Parts []Part `yaml:"parts"`
}

// Part is one of the three parts A, B, C of a form.
type Part struct {
	ID       string    `yaml:"id" required:"true"`
	Name     string    `yaml:"name"`
	Max      float64   `yaml:"max"`
	Sections []Section `yaml:"sections"`
}

// Section is a group of criteria within a part ("nhóm tiêu chí").
type Section struct {
	ID       string      `yaml:"id" required:"true"`
	Name     string      `yaml:"name"`
	Max      float64     `yaml:"max"`
	Criteria []Criterion `yaml:"criteria"`
}

// Criterion is one scored item of a form.
type Criterion struct {
	ID   string  `yaml:"id" required:"true"`
	Name string  `yaml:"name"`
	Max  float64 `yaml:"max"`
	// Values lists the allowed points when the options are not given.
	Values []float64 `yaml:"values"`
	// Options are the answers on the form, each with its points.
	Options []Option `yaml:"options"`
	// Mandatory criteria must score above zero, whatever the total, or the
	// product is "Không đạt".
	Mandatory bool `yaml:"mandatory"`
	// Minimums are per-star minimum requirements (QĐ 781/2020): to be
	// ranked Star, the council's average on this criterion must reach
	// Points.
	Minimums []Minimum `yaml:"minimums"`
	Note     string    `yaml:"note"`
}

// Option is one answer on the form and the points it earns. Choosing a
// Stop option ends the evaluation ("dừng đánh giá"): the product is
// "Không đạt" whatever its other points.
type Option struct {
	Points float64 `yaml:"points"`
	Text   string  `yaml:"text" required:"true"`
	Stop   bool    `yaml:"stop"`
}

// Minimum is a per-star minimum requirement on one criterion.
type Minimum struct {
	Star   int     `yaml:"star" required:"true"`
	Points float64 `yaml:"points" required:"true"`
	Note   string  `yaml:"note"`
}

// Group returns the group with the given id.
func (s *Set) Group(id string) (*Group, bool) {
	for i := range s.Groups {
		if s.Groups[i].ID == id {
			return &s.Groups[i], true
		}
	}
	return nil, false
}

// Subgroup returns the subgroup with the given id within group g.
func (g *Group) Subgroup(id string) (*Subgroup, bool) {
	for i := range g.Subgroups {
		if g.Subgroups[i].ID == id {
			return &g.Subgroups[i], true
		}
	}
	return nil, false
}

// GroupIDs lists the ids of the set's groups, for hints.
func (s *Set) GroupIDs() []string {
	ids := make([]string, len(s.Groups))
	for i, g := range s.Groups {
		ids[i] = g.ID
	}
	return ids
}

// Star returns the star band an average total falls in: the highest
// threshold whose minimum the total reaches. Bands are half-open, so 69.99
// is below a 70-point threshold.
func (s *Set) Star(total float64) int {
	best, bestMin := 0, -1.0
	for _, t := range s.Thresholds {
		// The tolerance absorbs float rounding in averages (209.99999/3),
		// never a real hundredth of a point.
		if total >= t.Min-1e-9 && t.Min > bestMin {
			best, bestMin = t.Star, t.Min
		}
	}
	return best
}

// Validity returns how many months a certificate under this set is valid.
func (s *Set) Validity() int {
	if s.ValidMonths > 0 {
		return s.ValidMonths
	}
	return 36
}

//go:embed data/*.yaml
var embedded embed.FS

// Registry holds every criteria set a site can use, by id.
type Registry struct {
	sets map[string]*Set
}

// Get returns the set with the given id.
func (r *Registry) Get(id string) (*Set, bool) {
	s, ok := r.sets[id]
	return s, ok
}

// IDs lists the known set ids, sorted.
func (r *Registry) IDs() []string {
	ids := make([]string, 0, len(r.sets))
	for id := range r.sets {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Load reads the embedded national sets and then every content/rubrics/*.yaml
// of the site (fsys rooted at the site), which adds a set or replaces the
// embedded one with the same id.
func Load(site fs.FS, l *diag.List) *Registry {
	r := &Registry{sets: map[string]*Set{}}
	names, _ := fs.Glob(embedded, "data/*.yaml")
	for _, name := range names {
		r.loadFile(embedded, name, "(embedded) "+path.Base(name), l)
	}
	if site != nil {
		names, _ := fs.Glob(site, "content/rubrics/*.yaml")
		for _, name := range names {
			r.loadFile(site, name, name, l)
		}
	}
	return r
}

func (r *Registry) loadFile(fsys fs.FS, name, display string, l *diag.List) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		l.Add(diag.Pos{File: display}, "cannot read: %v", err)
		return
	}
	node := yamlx.Parse(display, src, l)
	if node == nil {
		return
	}
	s := &Set{File: display}
	if !yamlx.Decode(display, node, s, l) {
		return
	}
	s.validate(node, l)
	if want := strings.TrimSuffix(path.Base(name), ".yaml"); s.ID != want {
		l.AddHint(diag.Pos{File: display, Line: 1, Col: 1}, "rename the file or the id so they match",
			"criteria set id `%s` differs from the file name `%s`", s.ID, want)
	}
	r.sets[s.ID] = s
}
