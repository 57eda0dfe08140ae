// Package yamlx decodes the YAML files staff write into Go structs strictly
// and with positions: every unknown key (with a "did you mean" hint), wrong
// type, missing required key and syntax error becomes a diag.Problem carrying
// the file, line and column, and decoding carries on so one build reports all
// of them. Strings are normalised to Unicode NFC on the way in.
//
// Struct fields are matched by their `yaml:"key"` tag; a field tagged
// `required:"true"` must be present. Types that implement yaml.Unmarshaler
// (dates, for instance) decode themselves.
package yamlx

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/vntext"
	"gopkg.in/yaml.v3"
)

// maxNodes bounds the work one document may cause. Aliases let a few lines
// expand exponentially (a "YAML bomb"); real site files stay far below this.
const maxNodes = 200000

// Parse parses src as a single YAML document. On a syntax error it records a
// problem and returns nil. An empty document yields an empty mapping node.
func Parse(file string, src []byte, l *diag.List) *yaml.Node {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		l.AddHint(syntaxPos(file, src, err), syntaxHint(err), "%s", syntaxMsg(err))
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	}
	return doc.Content[0]
}

var lineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

func syntaxPos(file string, src []byte, err error) diag.Pos {
	pos := diag.Pos{File: file}
	m := lineRE.FindStringSubmatch(firstLine(err.Error()))
	if m != nil && m[1] != "" {
		pos.Line, _ = strconv.Atoi(m[1])
	}
	// A tab in indentation is the commonest syntax error from editors; point
	// at it exactly.
	lines := strings.Split(string(src), "\n")
	if strings.Contains(err.Error(), "cannot start any token") || strings.Contains(err.Error(), "tab") {
		for i, ln := range lines {
			indent := ln[:len(ln)-len(strings.TrimLeft(ln, " \t"))]
			if j := strings.IndexByte(indent, '\t'); j >= 0 {
				return diag.Pos{File: file, Line: i + 1, Col: j + 1}
			}
		}
	}
	if pos.Line > 0 && pos.Line <= len(lines) {
		pos.Col = 1
	}
	return pos
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func syntaxMsg(err error) string {
	m := lineRE.FindStringSubmatch(firstLine(err.Error()))
	if m == nil {
		return "invalid YAML: " + err.Error()
	}
	return "invalid YAML: " + m[2]
}

func syntaxHint(err error) string {
	s := err.Error()
	switch {
	case strings.Contains(s, "cannot start any token"), strings.Contains(s, "tab character"):
		return "indent with spaces, not tabs"
	case strings.Contains(s, "already defined"):
		return "each key may appear only once"
	case strings.Contains(s, "mapping values are not allowed"):
		return "put text that contains `: ` in quotes"
	}
	return ""
}

// Decode fills v, a pointer to a struct, from node, recording every problem
// in l. It reports whether decoding found no problem.
func Decode(file string, node *yaml.Node, v any, l *diag.List) bool {
	d := decoder{file: file, l: l}
	before := l.Len()
	d.value(node, reflect.ValueOf(v).Elem(), "")
	return l.Len() == before
}

type decoder struct {
	file  string
	l     *diag.List
	nodes int
	// intern is set while decoding a field tagged intern:"true"; its
	// text is shared with every equal value decoded before (see intern).
	intern bool
	bomb   bool
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

var unmarshalerType = reflect.TypeOf((*yaml.Unmarshaler)(nil)).Elem()

// value decodes n into v; key names the field for messages ("" at the top).
func (d *decoder) value(n *yaml.Node, v reflect.Value, key string) {
	if d.bomb {
		return
	}
	d.nodes++
	if d.nodes > maxNodes {
		d.bomb = true
		d.l.AddHint(d.pos(n), "remove the anchors and aliases (& and *)", "document is too large or expands too many aliases")
		return
	}
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return // an empty value leaves the zero value, as if the key were absent
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.value(n, v.Elem(), key)
		return
	}
	if v.CanAddr() && v.Addr().Type().Implements(unmarshalerType) {
		if err := n.Decode(v.Addr().Interface()); err != nil {
			d.l.Add(d.pos(n), "%s%s", fieldPrefix(key), cleanErr(err))
		}
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.structure(n, v, key)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.l.AddHint(d.pos(n), "write one item per line, each starting with `- `", "%sexpected a list, found %s", fieldPrefix(key), describe(n))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			d.value(item, s.Index(i), key)
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.l.Add(d.pos(n), "%sexpected a mapping (key: value lines), found %s", fieldPrefix(key), describe(n))
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
		lines := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			kn, vn := n.Content[i], n.Content[i+1]
			if d.duplicate(lines, kn) {
				continue
			}
			kv := reflect.New(v.Type().Key()).Elem()
			d.value(kn, kv, key)
			ev := reflect.New(v.Type().Elem()).Elem()
			d.value(vn, ev, kn.Value)
			m.SetMapIndex(kv, ev)
		}
		v.Set(m)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.l.Add(d.pos(n), "%sexpected text, found %s", fieldPrefix(key), describe(n))
			return
		}
		// Any scalar is accepted as text: a phone number or a price typed
		// without quotes is still what the staff member meant.
		text := vntext.NFC(n.Value)
		if d.intern {
			text = intern(text)
		}
		v.SetString(text)
	case reflect.Bool:
		var b bool
		if n.Kind != yaml.ScalarNode || n.Decode(&b) != nil {
			d.l.Add(d.pos(n), "%sexpected true or false, found %s", fieldPrefix(key), describe(n))
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int64, reflect.Int32:
		var i int64
		if n.Kind != yaml.ScalarNode || n.Decode(&i) != nil {
			d.l.Add(d.pos(n), "%sexpected a whole number, found %s", fieldPrefix(key), describe(n))
			return
		}
		v.SetInt(i)
	case reflect.Float64, reflect.Float32:
		var f float64
		if n.Kind != yaml.ScalarNode || n.Decode(&f) != nil {
			d.l.Add(d.pos(n), "%sexpected a number, found %s", fieldPrefix(key), describe(n))
			return
		}
		v.SetFloat(f)
	default:
		if err := n.Decode(v.Addr().Interface()); err != nil {
			d.l.Add(d.pos(n), "%s%s", fieldPrefix(key), cleanErr(err))
		}
	}
}

func fieldPrefix(key string) string {
	if key == "" {
		return ""
	}
	return "`" + key + "`: "
}

// describe names what a node holds, for "expected X, found Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		v := n.Value
		if len([]rune(v)) > 40 {
			v = string([]rune(v)[:40]) + "…"
		}
		return "`" + v + "`"
	}
	return "nothing"
}

func cleanErr(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		return lineRE.ReplaceAllString(te.Errors[0], "$2")
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

// field describes one struct field a YAML key maps to.
type field struct {
	index    int
	required bool
	intern   bool // tag intern:"true": see interned
}

// fieldsOf returns the YAML keys of struct type t and their fields, in
// declaration order; computed once per type (tens of thousands of files
// decode into the same few types).
func fieldsOf(t reflect.Type) (map[string]field, []string) {
	if f, ok := typeFields.Load(t); ok {
		f := f.(structFields)
		return f.fields, f.names
	}
	fields, names := computeFields(t)
	typeFields.Store(t, structFields{fields, names})
	return fields, names
}

type structFields struct {
	fields map[string]field
	names  []string
}

var typeFields sync.Map // reflect.Type → structFields

// interned holds one copy of each text decoded into a field tagged
// intern:"true": values that thousands of files repeat (a province, a
// council, a criteria set), which would otherwise each keep their own
// copy for the whole build (megabytes at 20,000 products, scattered among
// the parser's garbage). It is emptied when it grows past maxInterned
// distinct values, so a long preview session cannot grow it without end.
var interned struct {
	sync.Mutex
	m map[string]string
}

const maxInterned = 1 << 16

// intern returns the copy of s kept in interned.
func intern(s string) string {
	if s == "" {
		return s
	}
	interned.Lock()
	defer interned.Unlock()
	if c, ok := interned.m[s]; ok {
		return c
	}
	if interned.m == nil || len(interned.m) >= maxInterned {
		interned.m = make(map[string]string, 1024)
	}
	// A copy: s may be a slice of a larger text the parser allocated.
	c := strings.Clone(s)
	interned.m[c] = c
	return c
}

func computeFields(t reflect.Type) (map[string]field, []string) {
	fields := map[string]field{}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		fields[name] = field{index: i, required: f.Tag.Get("required") == "true", intern: f.Tag.Get("intern") == "true"}
		names = append(names, name)
	}
	return fields, names
}

func (d *decoder) structure(n *yaml.Node, v reflect.Value, key string) {
	if n.Kind != yaml.MappingNode {
		d.l.Add(d.pos(n), "%sexpected a mapping (key: value lines), found %s", fieldPrefix(key), describe(n))
		return
	}
	fields, names := fieldsOf(v.Type())
	seen := map[string]bool{}
	misspelt := map[string]bool{} // required keys an unknown key was probably meant to be
	lines := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		f, ok := fields[kn.Value]
		if !ok {
			hint, guess := suggest(kn.Value, names)
			misspelt[guess] = true
			d.l.AddHint(d.pos(kn), hint, "unknown key `%s`", kn.Value)
			continue
		}
		if d.duplicate(lines, kn) {
			continue
		}
		seen[kn.Value] = true
		outer := d.intern
		d.intern = f.intern
		d.value(vn, v.Field(f.index), kn.Value)
		d.intern = outer
		if f.required && vn.Tag == "!!null" {
			seen[kn.Value] = false
		}
	}
	for _, name := range names {
		if fields[name].required && !seen[name] && !misspelt[name] {
			d.l.Add(d.pos(n), "missing required key `%s`", name)
		}
	}
}

// suggest returns a hint naming the closest known key (also returned), or
// listing them all.
func suggest(key string, names []string) (hint, guess string) {
	best, bestDist := "", 3
	for _, n := range names {
		if dist := distance(strings.ToLower(key), n); dist < bestDist {
			best, bestDist = n, dist
		}
	}
	if best != "" {
		return fmt.Sprintf("did you mean `%s`?", best), best
	}
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	return "known keys: " + strings.Join(sorted, ", "), ""
}

// distance is the Levenshtein edit distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// DecodeMap fills a map from a mapping node with the same checks as Decode.
func DecodeMap[V any](file string, node *yaml.Node, m *map[string]V, l *diag.List) {
	d := decoder{file: file, l: l}
	d.value(node, reflect.ValueOf(m).Elem(), "")
}

// duplicate reports (and records) whether key already appeared in the
// mapping whose keys' lines are in lines; yaml.v3 does not check this when
// parsing into nodes, and a repeated key silently overriding the first is
// exactly the kind of mistake staff cannot see.
func (d *decoder) duplicate(lines map[string]int, key *yaml.Node) bool {
	if first, ok := lines[key.Value]; ok {
		d.l.AddHint(d.pos(key), "each key may appear only once", "key `%s` repeats line %d", key.Value, first)
		return true
	}
	lines[key.Value] = key.Line
	return false
}

// DecodeList fills a slice from a sequence node with the same checks as
// Decode, for files whose top level is a list.
func DecodeList[T any](file string, node *yaml.Node, list *[]T, l *diag.List) {
	d := decoder{file: file, l: l}
	d.value(node, reflect.ValueOf(list).Elem(), "")
}
