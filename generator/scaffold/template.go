package scaffold

import (
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/ocop-vn/ocop/generator/schema"
	"github.com/ocop-vn/ocop/generator/yamlx"
	"gopkg.in/yaml.v3"
)

// template writes a commented YAML file from a struct the loader decodes:
// every key, after its description from schema.Docs.
type template struct {
	// choices are extra comment lines after a key's description, keyed
	// "Type.key": the values it may take.
	choices map[string][]string
}

func newTemplate() *template { return &template{choices: map[string][]string{}} }

var dateType = reflect.TypeFor[yamlx.Date]()

// width is the column comments are wrapped at.
const width = 78

// write writes the keys of the struct typ at indent. values gives keys
// their value; other keys are left empty (lists [], flags false), and a
// block whose keys would then be read as given (a pointer to a struct, such
// as geo) is written commented out. It returns the required keys left
// empty.
func (t *template) write(b *strings.Builder, typ reflect.Type, values map[string]string, indent string) []string {
	var fill []string
	for _, f := range schema.Fields(typ) {
		if indent == "" {
			b.WriteByte('\n')
		}
		doc := schema.Doc(typ, f.Key)
		if f.Required {
			doc = "Bắt buộc. " + doc
		}
		for _, l := range wrap(doc, "", width-len(indent)-2) {
			b.WriteString(indent + "# " + l + "\n")
		}
		for _, l := range t.choices[typ.Name()+"."+f.Key] {
			b.WriteString(indent + "# " + l + "\n")
		}
		if v, ok := values[f.Key]; ok {
			if f.Type != dateType { // a date is written bare, as staff write dates
				v = scalar(v)
			}
			b.WriteString(indent + f.Key + ": " + v + "\n")
			continue
		}
		ft := f.Type
		switch {
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct && ft.Elem() != dateType:
			b.WriteString(indent + "# " + f.Key + ":\n")
			for _, sub := range schema.Fields(ft.Elem()) {
				line := indent + "#   " + sub.Key + ":"
				if d := schema.Doc(ft.Elem(), sub.Key); d != "" {
					line += "    # " + d
				}
				b.WriteString(line + "\n")
			}
		case ft.Kind() == reflect.Struct && ft != dateType:
			b.WriteString(indent + f.Key + ":\n")
			for _, k := range t.write(b, ft, nil, indent+"  ") {
				fill = append(fill, f.Key+"."+k)
			}
		case ft.Kind() == reflect.Slice:
			b.WriteString(indent + f.Key + ": []\n")
		case ft.Kind() == reflect.Bool:
			b.WriteString(indent + f.Key + ": false\n")
		default:
			b.WriteString(indent + f.Key + ":\n")
			if f.Required {
				fill = append(fill, f.Key)
			}
		}
	}
	return fill
}

// scalar writes s as a YAML value, quoted where YAML needs it.
func scalar(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return `""`
	}
	return strings.TrimSuffix(string(out), "\n")
}

// wrap breaks text into lines of at most w characters (a longer word
// stays whole); continuation lines start with cont.
func wrap(text, cont string, w int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
			line = word
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > w:
			lines = append(lines, line)
			line = cont + word
		default:
			line += " " + word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
