// Package diag collects the problems found in a site's files so that a build
// can report all of them at once, each with the file, line and column a staff
// member needs to find it, sorted the way an editor lists them.
package diag

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
)

// Pos is a place in a site file. Line and Col are 1-based; zero means unknown
// (a problem about a whole file, or a file that could not be read).
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, leaving out unknown parts.
func (p Pos) String() string {
	switch {
	case p.Line > 0 && p.Col > 0:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	case p.Line > 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return p.File
	}
}

// Problem is one thing wrong with the input, with an optional hint that says
// how to fix it.
type Problem struct {
	Pos  Pos
	Msg  string
	Hint string
	// Warning marks something worth a look that does not stop a build
	// (members' totals far apart, say).
	Warning bool
}

// Error formats the problem as "file:line:col: message (hint)", with
// "warning: " before the message of a warning.
func (p Problem) Error() string {
	s := p.Pos.String() + ": "
	if p.Warning {
		s += "warning: "
	}
	s += p.Msg
	if p.Hint != "" {
		s += " (" + p.Hint + ")"
	}
	return s
}

// List gathers problems. The zero value is ready to use and safe for
// concurrent use, because files are loaded in parallel.
type List struct {
	mu       sync.Mutex
	problems []Problem
	// errors counts the problems that are not warnings: Len is called
	// after every file decoded, and a catalogue can carry thousands of
	// warnings, so counting them each time made loading quadratic.
	errors int
}

// Add records a problem at pos.
func (l *List) Add(pos Pos, format string, args ...any) {
	l.AddHint(pos, "", format, args...)
}

// AddHint records a problem at pos with a hint on how to fix it.
func (l *List) AddHint(pos Pos, hint, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	l.add(Problem{Pos: pos, Msg: msg, Hint: hint})
}

// WarnHint records a warning at pos: reported, but not a reason to stop.
func (l *List) WarnHint(pos Pos, hint, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	l.add(Problem{Pos: pos, Msg: msg, Hint: hint, Warning: true})
}

// Replay records a problem found earlier (kept in a cache, say).
func (l *List) Replay(p Problem) { l.add(p) }

func (l *List) add(p Problem) {
	l.mu.Lock()
	l.problems = append(l.problems, p)
	if !p.Warning {
		l.errors++
	}
	l.mu.Unlock()
}

// Merge appends every problem of other.
func (l *List) Merge(other *List) {
	for _, p := range other.Problems() {
		l.add(p)
	}
}

// Len reports how many errors were recorded; warnings do not count, since
// only errors stop a build.
func (l *List) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.errors
}

// Problems returns the problems sorted by file, line and column, with exact
// duplicates removed (the same reference can be checked from two sides).
func (l *List) Problems() []Problem {
	l.mu.Lock()
	ps := append([]Problem(nil), l.problems...)
	l.mu.Unlock()
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Pos, ps[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return ps[i].Msg < ps[j].Msg
	})
	out := ps[:0]
	for i, p := range ps {
		if i > 0 && p == ps[i-1] {
			continue
		}
		out = append(out, p)
	}
	return out
}

// Err returns nil when there are no errors, and otherwise an error whose
// text lists every problem, warnings included, one per line.
func (l *List) Err() error {
	if l.Len() == 0 {
		return nil
	}
	return Error(l.Problems())
}

// Error is a sorted list of problems used as an error value.
type Error []Problem

func (e Error) Error() string {
	var b strings.Builder
	for i, p := range e {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Print writes one problem per line followed by a count, the form `ocop
// check` and `ocop build` show on the terminal.
func (l *List) Print(w io.Writer) {
	ps := l.Problems()
	for _, p := range ps {
		fmt.Fprintln(w, p.Error())
	}
	errs := l.Len()
	if warns := len(ps) - errs; warns > 0 {
		fmt.Fprintf(w, "%s, %s\n", plural(errs, "problem"), plural(warns, "warning"))
	} else if errs > 0 {
		fmt.Fprintln(w, plural(errs, "problem"))
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
