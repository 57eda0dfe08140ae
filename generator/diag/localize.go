package diag

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Catalog translates the English messages of ocop into another language.
// Keys are the format strings the code passes to Add, AddHint and WarnHint
// (and command output), values the same message in the other language,
// with %s (or %[n]s to reorder) where the English has a verb. Messages are
// matched against the formats when printed, so problems are recorded in one
// language and shown in the staff member's.
type Catalog map[string]string

// Languages lists the catalogues by language code; English needs none.
var Languages = map[string]Catalog{"vi": Vietnamese}

var (
	patternsMu sync.Mutex
	patterns   = map[string]*regexp.Regexp{}
	verbRE     = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[svdqgfx]`)
)

// pattern compiles an English format into a regexp capturing its
// arguments.
func pattern(format string) *regexp.Regexp {
	patternsMu.Lock()
	defer patternsMu.Unlock()
	if re, ok := patterns[format]; ok {
		return re
	}
	var b strings.Builder
	b.WriteString("^")
	last := 0
	for _, loc := range verbRE.FindAllStringIndex(format, -1) {
		b.WriteString(regexp.QuoteMeta(strings.ReplaceAll(format[last:loc[0]], "%%", "%")))
		b.WriteString("(.*?)")
		last = loc[1]
	}
	b.WriteString(regexp.QuoteMeta(strings.ReplaceAll(format[last:], "%%", "%")))
	b.WriteString("$")
	re := regexp.MustCompile(b.String())
	patterns[format] = re
	return re
}

// Translate renders an English message (already formatted) in the
// catalogue's language, or returns it unchanged when no entry matches.
func (c Catalog) Translate(msg string) string {
	if c == nil || msg == "" {
		return msg
	}
	if t, ok := c[msg]; ok && !verbRE.MatchString(msg) {
		return t
	}
	best, bestLen := "", -1
	var bestArgs []any
	for _, f := range c.formats() {
		// A format matches only messages that start with its text
		// before the first verb: a cheap test that spares running every
		// format's expression on every message (a build may print ten
		// thousand warnings).
		if !strings.HasPrefix(msg, f.prefix) {
			continue
		}
		en, tr := f.en, f.tr
		m := pattern(en).FindStringSubmatch(msg)
		// Prefer the most specific format: the one with the most literal
		// text.
		if m != nil && len(en) > bestLen {
			best, bestLen = tr, len(en)
			bestArgs = make([]any, len(m)-1)
			for i, a := range m[1:] {
				bestArgs[i] = c.Translate(a)
			}
		}
	}
	if bestLen < 0 {
		return msg
	}
	return fmt.Sprintf(best, bestArgs...)
}

// format is a catalogue entry with verbs, and its text before the first.
type format struct{ en, tr, prefix string }

type formatList struct {
	size    int
	formats []format
}

var formatLists sync.Map // the catalogue's map pointer → formatList

// formats lists the entries of c that have verbs, in a fixed order.
func (c Catalog) formats() []format {
	key := reflect.ValueOf(c).Pointer()
	if l, ok := formatLists.Load(key); ok && l.(formatList).size == len(c) {
		return l.(formatList).formats
	}
	var out []format
	for en, tr := range c {
		if loc := verbRE.FindStringIndex(en); loc != nil {
			out = append(out, format{en: en, tr: tr, prefix: strings.ReplaceAll(en[:loc[0]], "%%", "%")})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].en < out[j].en })
	formatLists.Store(key, formatList{len(c), out})
	return out
}

// In returns the problem as text in lang ("vi", "en").
func (p Problem) In(lang string) string {
	c := Languages[lang]
	if c == nil {
		return p.Error()
	}
	q := p
	q.Msg, q.Hint = c.Translate(p.Msg), c.Translate(p.Hint)
	s := q.Pos.String() + ": "
	if q.Warning {
		s += c.Translate("warning: ")
	}
	s += q.Msg
	if q.Hint != "" {
		s += " (" + q.Hint + ")"
	}
	return s
}

// T formats a command's own message in lang.
func T(lang, format string, args ...any) string {
	msg := fmt.Sprintf(format, args...)
	return Languages[lang].Translate(msg)
}

// PrintIn is Print in lang.
func (l *List) PrintIn(w interface{ Write([]byte) (int, error) }, lang string) {
	ps := l.Problems()
	for _, p := range ps {
		fmt.Fprintln(w, p.In(lang))
	}
	errs := l.Len()
	c := Languages[lang]
	if warns := len(ps) - errs; warns > 0 {
		fmt.Fprintln(w, c.Translate(plural(errs, "problem"))+", "+c.Translate(plural(warns, "warning")))
	} else if errs > 0 {
		fmt.Fprintln(w, c.Translate(plural(errs, "problem")))
	}
}
