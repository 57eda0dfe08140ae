// Package schema writes JSON Schemas (draft-07, the version
// yaml-language-server reads) for the files staff edit, so an editor such
// as VS Code with the YAML extension completes keys, explains them and
// flags mistakes while typing.
//
// The schemas are made by reflection from the same Go structs the loader
// decodes (content.Product, content.Evaluation, config.Site, …): a field's
// `yaml:"key"` tag is a property, `required:"true"` makes it required, and
// every object is closed (additionalProperties: false), as the loader
// rejects unknown keys. Enumerations come from data: groups, subgroups,
// forms and criterion ids from the criteria sets (the embedded ones and the
// site's content/rubrics), council levels, producer and sales point kinds
// and round results from the content package. Descriptions come from Docs.
//
// The schemas follow what the loader accepts, not more: an empty value
// (`summary:`) is accepted for an optional key because the loader reads it
// as absent, and text keys accept any scalar because the loader reads a
// phone number or a price typed without quotes as text.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/rubric"
	"github.com/ocop-vn/ocop/generator/scoring"
	"github.com/ocop-vn/ocop/generator/yamlx"
)

// Draft is the JSON Schema version written.
const Draft = "http://json-schema.org/draft-07/schema#"

// Patterns the loader enforces on some text values.
const (
	// DatePattern is how every date is written (yamlx.Date).
	DatePattern = `^\d{4}-\d{2}-\d{2}$`
	// SlugPattern is an id that names a file or folder (vntext.IsSlug).
	SlugPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`
	// URLPattern is a web address as the loader checks it (content's
	// urlRE, for website and traceability).
	URLPattern = `^https?://[^\s/$.?#][^\s]*$`
)

// Kind is one kind of file staff edit, and the schema written for it.
type Kind struct {
	// Name is the schema's file name without .json, and the kind's name
	// for `ocop new`.
	Name string
	// Files are the site paths the schema applies to, as globs.
	Files []string
	// Type is the Go struct the loader decodes the file into.
	Type reflect.Type
	// List is true when the file is a YAML list of Type (content/areas.yaml).
	List bool
	// FrontMatter is true for Markdown files whose front matter is Type.
	FrontMatter bool
	// Doc describes a List file as a whole.
	Doc string
}

// Kinds lists every schema, in the order they are written.
var Kinds = []Kind{
	{Name: "site", Files: []string{"site.yaml"}, Type: reflect.TypeFor[config.Site]()},
	{Name: "product", Files: []string{"products/**/product.yaml"}, Type: reflect.TypeFor[content.Product]()},
	{Name: "score", Files: []string{"products/**/scores/*.yaml"}, Type: reflect.TypeFor[content.Evaluation]()},
	{Name: "producer", Files: []string{"content/producers/*.yaml"}, Type: reflect.TypeFor[content.Producer]()},
	{Name: "sales-point", Files: []string{"content/sales-points/*.yaml"}, Type: reflect.TypeFor[content.SalesPoint]()},
	// The English translations come before the files they translate, so
	// that KindFor finds them first.
	{Name: "news-en", Files: []string{"content/news/*.en.md"}, Type: reflect.TypeFor[content.NewsTranslation](), FrontMatter: true},
	{Name: "news", Files: []string{"content/news/*.md"}, Type: reflect.TypeFor[content.News](), FrontMatter: true},
	{Name: "page-en", Files: []string{"content/pages/*.en.md"}, Type: reflect.TypeFor[content.PageTranslation](), FrontMatter: true},
	{Name: "page", Files: []string{"content/pages/*.md"}, Type: reflect.TypeFor[content.Page](), FrontMatter: true},
	{Name: "areas", Files: []string{"content/areas.yaml"}, Type: reflect.TypeFor[content.AreaChange](), List: true,
		Doc: "Đơn vị hành chính cũ và mới: content/areas.yaml, một danh sách. Địa chỉ giữ như trên hồ sơ; danh sách trang nhóm theo đơn vị hiện nay."},
	{Name: "rubric", Files: []string{"content/rubrics/*.yaml"}, Type: reflect.TypeFor[rubric.Set]()},
}

// KindOf returns the kind with the given name.
func KindOf(name string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}

// KindFor returns the kind of the site file at p (slash-separated,
// relative to the site root).
func KindFor(p string) (Kind, bool) {
	for _, k := range Kinds {
		for _, g := range k.Files {
			if match(strings.Split(g, "/"), strings.Split(p, "/")) {
				return k, true
			}
		}
	}
	return Kind{}, false
}

// match reports whether the path segments name match the glob segments
// pat, where "**" matches any number of folders.
func match(pat, name []string) bool {
	if len(pat) == 0 {
		return len(name) == 0
	}
	if pat[0] == "**" {
		for i := 0; i <= len(name); i++ {
			if match(pat[1:], name[i:]) {
				return true
			}
		}
		return false
	}
	if len(name) == 0 {
		return false
	}
	ok, _ := path.Match(pat[0], name[0])
	return ok && match(pat[1:], name[1:])
}

// Schema is a JSON Schema, with the keywords this package uses. Properties
// keep the order of the struct fields, so editors list keys as the README
// does.
type Schema struct {
	Schema               string     `json:"$schema,omitempty"`
	Title                string     `json:"title,omitempty"`
	Description          string     `json:"description,omitempty"`
	Type                 any        `json:"type,omitempty"` // string or []string
	Enum                 []any      `json:"enum,omitempty"`
	Const                any        `json:"const,omitempty"`
	Pattern              string     `json:"pattern,omitempty"`
	Minimum              *float64   `json:"minimum,omitempty"`
	Maximum              *float64   `json:"maximum,omitempty"`
	Items                *Schema    `json:"items,omitempty"`
	Properties           Properties `json:"properties,omitempty"`
	Required             []string   `json:"required,omitempty"`
	AdditionalProperties any        `json:"additionalProperties,omitempty"` // false or *Schema
	PropertyNames        *Schema    `json:"propertyNames,omitempty"`
	AllOf                []*Schema  `json:"allOf,omitempty"`
	If                   *Schema    `json:"if,omitempty"`
	Then                 *Schema    `json:"then,omitempty"`
}

// Property is one key of an object schema.
type Property struct {
	Name   string
	Schema *Schema
}

// Properties are an object's keys in order.
type Properties []Property

// MarshalJSON writes the properties as an object in their order.
func (ps Properties) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.Name)
		b.Write(k)
		b.WriteByte(':')
		v, err := marshal(p.Schema)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Get returns the schema of property name, or nil.
func (ps Properties) Get(name string) *Schema {
	for _, p := range ps {
		if p.Name == name {
			return p.Schema
		}
	}
	return nil
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// Data is what the enumerations are taken from.
type Data struct {
	// Sets are the criteria sets a site can use, by id.
	Sets []*rubric.Set
}

// LoadData reads the criteria sets of the site rooted at site (nil: the
// embedded sets only). Problems in the site's rubric files are left to
// `ocop check`; the sets that load are used.
func LoadData(site fs.FS) *Data {
	var quiet diag.List
	reg := rubric.Load(site, &quiet)
	d := &Data{}
	for _, id := range reg.IDs() {
		s, _ := reg.Get(id)
		d.Sets = append(d.Sets, s)
	}
	return d
}

// File is one written schema.
type File struct {
	Name string // e.g. product.json
	Data []byte
}

// Generate returns every schema for a site whose criteria sets are in d.
func Generate(d *Data) ([]File, error) {
	var out []File
	for _, k := range Kinds {
		s := Build(k, d)
		b, err := marshalIndent(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k.Name, err)
		}
		out = append(out, File{Name: k.Name + ".json", Data: b})
	}
	return out, nil
}

func marshalIndent(s *Schema) ([]byte, error) {
	raw, err := marshal(s)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", "  "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// Build returns the schema of one kind.
func Build(k Kind, d *Data) *Schema {
	g := &gen{data: d, building: map[reflect.Type]bool{}}
	s := g.typeSchema(k.Type)
	s.Description = Doc(k.Type, "")
	if k.List {
		s = &Schema{Type: "array", Items: s, Description: k.Doc}
	}
	s.Schema = Draft
	s.Title = "ocop: " + strings.Join(k.Files, ", ")
	if k.FrontMatter {
		s.Title += " (front matter)"
	}
	return s
}

// Doc returns the description of key of the struct type t ("" for the
// type itself), or "".
func Doc(t reflect.Type, key string) string {
	for _, name := range docKeys(t, key) {
		if d, ok := Docs[name]; ok {
			return d
		}
	}
	return ""
}

func docKeys(t reflect.Type, key string) []string {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	pkg := t.PkgPath()
	pkg = pkg[strings.LastIndex(pkg, "/")+1:]
	q, plain := pkg+"."+t.Name(), t.Name()
	if key != "" {
		q, plain = q+"."+key, plain+"."+key
	}
	return []string{q, plain}
}

// Field is one key of a struct as the loader reads it.
type Field struct {
	Key      string
	Required bool
	Index    int
	Type     reflect.Type
}

// Fields lists the keys of struct t as yamlx decodes them: fields with a
// `yaml:"key"` tag, in order.
func Fields(t reflect.Type) []Field {
	var out []Field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		out = append(out, Field{Key: name, Required: f.Tag.Get("required") == "true", Index: i, Type: f.Type})
	}
	return out
}

var (
	dateType = reflect.TypeFor[yamlx.Date]()
	// textTypes are what a text key accepts: any scalar, as the loader
	// takes a scalar's text whatever YAML would make of it.
	textTypes = []string{"string", "number", "boolean"}
)

type gen struct {
	data     *Data
	building map[reflect.Type]bool
}

func (g *gen) typeSchema(t reflect.Type) *Schema {
	if t.Kind() == reflect.Pointer {
		return g.typeSchema(t.Elem())
	}
	if t == dateType {
		return &Schema{Type: "string", Pattern: DatePattern}
	}
	switch t.Kind() {
	case reflect.Struct:
		if g.building[t] {
			panic("schema: recursive type " + t.String())
		}
		g.building[t] = true
		defer delete(g.building, t)
		s := &Schema{Type: "object", AdditionalProperties: false}
		for _, f := range Fields(t) {
			p := g.typeSchema(f.Type)
			p.Description = Doc(t, f.Key)
			g.refine(t.Name()+"."+f.Key, p)
			if f.Required {
				s.Required = append(s.Required, f.Key)
			} else {
				nullable(p)
			}
			s.Properties = append(s.Properties, Property{f.Key, p})
		}
		g.refineObject(t.Name(), s)
		return s
	case reflect.Slice, reflect.Array:
		return &Schema{Type: "array", Items: g.typeSchema(t.Elem())}
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			panic("schema: map key of " + t.String() + " is not text")
		}
		return &Schema{Type: "object", AdditionalProperties: g.typeSchema(t.Elem())}
	case reflect.String:
		return &Schema{Type: slices.Clone(textTypes)}
	case reflect.Bool:
		return &Schema{Type: "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return &Schema{Type: "integer"}
	case reflect.Float32, reflect.Float64:
		return &Schema{Type: "number"}
	}
	panic("schema: unsupported type " + t.String())
}

// nullable lets a key be written with no value, which the loader reads
// as absent.
func nullable(s *Schema) {
	if s.Enum != nil {
		s.Enum = append(s.Enum, nil)
	}
	switch t := s.Type.(type) {
	case string:
		s.Type = []string{t, "null"}
	case []string:
		s.Type = append(t, "null")
	}
}

func num(f float64) *float64 { return &f }

// refine adds what the loader checks beyond a key's Go type: enumerations
// from the data, ranges and patterns.
func (g *gen) refine(key string, s *Schema) {
	switch key {
	case "Product.group":
		ids, names := g.groups()
		g.enum(s, ids, names)
	case "Product.subgroup":
		// The names are listed per group, in refineObject.
		var all []string
		for _, set := range g.data.Sets {
			for _, gr := range set.Groups {
				for _, sg := range gr.Subgroups {
					if !slices.Contains(all, sg.ID) {
						all = append(all, sg.ID)
					}
				}
			}
		}
		g.enum(s, all, nil)
	case "Product.producer":
		s.Pattern = SlugPattern
	case "Product.sold_at", "News.products":
		s.Items.Pattern = SlugPattern
	case "Product.traceability", "Producer.website", "SalesPoint.website":
		s.Pattern = URLPattern
	case "Site.rubric", "Evaluation.rubric":
		var ids []string
		names := map[string]string{}
		for _, set := range g.data.Sets {
			ids = append(ids, set.ID)
			names[set.ID] = set.Title
		}
		g.enum(s, ids, names)
	case "Site.per_page":
		// 0 is read as "not given" (the default, 24).
		s.Minimum, s.Maximum = num(0), num(500)
	case "Evaluation.form":
		var ids []string
		for _, set := range g.data.Sets {
			for _, id := range set.FormIDs() {
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
		}
		g.enum(s, ids, nil)
	case "Evaluation.level":
		g.enum(s, LevelIDs(), content.Levels)
	case "Evaluation.result":
		g.enum(s, []string{string(scoring.Recognised), string(scoring.NotRecognised), string(scoring.Failed)}, map[string]string{
			string(scoring.Recognised):    "được công nhận (3 sao trở lên)",
			string(scoring.NotRecognised): "chưa được công nhận (dưới 3 sao)",
			string(scoring.Failed):        "Không đạt",
		})
	case "Evaluation.total":
		s.Minimum, s.Maximum = num(0), num(100)
	case "Evaluation.sheets":
		// Sheets score criteria, or sections or parts where the form
		// has no criteria.
		s.Items.PropertyNames = &Schema{Enum: toAny(g.sheetIDs())}
	case "Decision.star":
		var stars []int
		for _, set := range g.data.Sets {
			for st := 1; st <= 5; st++ {
				if set.IsRecognised(st) && !slices.Contains(stars, st) {
					stars = append(stars, st)
				}
			}
		}
		slices.Sort(stars)
		for _, st := range stars {
			s.Enum = append(s.Enum, st)
		}
	case "Producer.kind":
		g.enum(s, sortedKeys(content.ProducerKinds), content.ProducerKinds)
	case "SalesPoint.kind":
		g.enum(s, sortedKeys(content.SalesPointKinds), content.SalesPointKinds)
	case "Geo.lat":
		s.Minimum, s.Maximum = num(-90), num(90)
	case "Geo.lng":
		s.Minimum, s.Maximum = num(-180), num(180)
	case "Set.levels", "Period.levels":
		s.PropertyNames = &Schema{Enum: toAny(LevelIDs())}
	}
}

// LevelIDs lists the council levels (content.Levels) from the commune up.
func LevelIDs() []string {
	order := []string{"xa", "huyen", "tinh", "trung-uong"}
	var out, rest []string
	for _, id := range order {
		if _, ok := content.Levels[id]; ok {
			out = append(out, id)
		}
	}
	for _, id := range sortedKeys(content.Levels) {
		if !slices.Contains(order, id) {
			rest = append(rest, id)
		}
	}
	return append(out, rest...)
}

// refineObject adds constraints between keys of an object.
func (g *gen) refineObject(typ string, s *Schema) {
	if typ != "Product" {
		return
	}
	// A subgroup must belong to the product's group.
	ids, _ := g.groups()
	for _, id := range ids {
		var subs []string
		names := map[string]string{}
		for _, set := range g.data.Sets {
			if gr, ok := set.Group(id); ok {
				for _, sg := range gr.Subgroups {
					if !slices.Contains(subs, sg.ID) {
						subs = append(subs, sg.ID)
						names[sg.ID] = sg.Name
					}
				}
			}
		}
		sub := &Schema{Description: "Bộ sản phẩm của nhóm " + id + "."}
		g.enum(sub, subs, names)
		nullable(sub)
		s.AllOf = append(s.AllOf, &Schema{
			If:   &Schema{Properties: Properties{{"group", &Schema{Const: id}}}, Required: []string{"group"}},
			Then: &Schema{Properties: Properties{{"subgroup", sub}}},
		})
	}
}

// groups lists the group ids of every set, first appearance first, with
// their names.
func (g *gen) groups() ([]string, map[string]string) {
	var ids []string
	names := map[string]string{}
	for _, set := range g.data.Sets {
		for _, gr := range set.Groups {
			if !slices.Contains(ids, gr.ID) {
				ids = append(ids, gr.ID)
				names[gr.ID] = gr.Name
			}
		}
	}
	return ids, names
}

// sheetIDs lists every id a sheet may score: the parts, sections and
// criteria of every set's forms and parts.
func (g *gen) sheetIDs() []string {
	var ids []string
	add := func(id string) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	addParts := func(parts []rubric.Part) {
		for _, p := range parts {
			add(p.ID)
			for _, sec := range p.Sections {
				add(sec.ID)
				for _, c := range sec.Criteria {
					add(c.ID)
				}
			}
		}
	}
	for _, set := range g.data.Sets {
		addParts(set.Parts)
		for _, f := range set.Forms {
			addParts(f.Parts)
		}
	}
	return ids
}

// enum restricts s to ids and lists their names in the description.
func (g *gen) enum(s *Schema, ids []string, names map[string]string) {
	s.Type = "string"
	s.Enum = toAny(ids)
	if len(names) == 0 {
		return
	}
	var parts []string
	for _, id := range ids {
		if n := names[id]; n != "" {
			parts = append(parts, id+": "+n)
		}
	}
	if len(parts) > 0 {
		s.Description += " Giá trị: " + strings.Join(parts, "; ") + "."
	}
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
