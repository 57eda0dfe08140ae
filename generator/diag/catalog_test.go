package diag

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// messageFormats finds every message the code can produce: the format and
// hint literals passed to Add, AddHint and WarnHint, the Msg and Hint of
// scoring issues, and the command output formats passed to diag.T.
func messageFormats(t *testing.T) map[string]string {
	t.Helper()
	found := map[string]string{}
	lit := func(e ast.Expr) (string, bool) {
		switch e := e.(type) {
		case *ast.BasicLit:
			if e.Kind == token.STRING {
				s, err := strconv.Unquote(e.Value)
				return s, err == nil
			}
		case *ast.BinaryExpr: // "known keys: " + strings.Join(…)
			if l, ok := e.X.(*ast.BasicLit); ok && e.Op == token.ADD {
				s, err := strconv.Unquote(l.Value)
				return s + "%s", err == nil
			}
		case *ast.CallExpr: // fmt.Sprintf("…", …)
			if sel, ok := e.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Sprintf" && len(e.Args) > 0 {
				if l, ok := e.Args[0].(*ast.BasicLit); ok {
					s, err := strconv.Unquote(l.Value)
					return s, err == nil
				}
			}
		}
		return "", false
	}
	fset := token.NewFileSet()
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				var idx []int
				switch sel.Sel.Name {
				case "Add":
					idx = []int{1}
				case "AddHint", "WarnHint":
					idx = []int{1, 2}
				case "T":
					if x, ok := sel.X.(*ast.Ident); ok && x.Name == "diag" {
						idx = []int{1}
					}
				}
				for _, i := range idx {
					if i < len(n.Args) {
						if s, ok := lit(n.Args[i]); ok {
							found[s] = fset.Position(n.Pos()).String()
						}
					}
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && (k.Name == "Msg" || k.Name == "Hint") && strings.Contains(path, "scoring") {
					if s, ok := lit(n.Value); ok {
						found[s] = fset.Position(n.Pos()).String()
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Formats that are only verbs carry a library's text (a YAML parser's
	// message, an error): nothing to translate.
	for s := range found {
		if strings.TrimSpace(verbRE.ReplaceAllString(s, "")) == "" {
			delete(found, s)
		}
	}
	return found
}

// TestCatalogComplete checks that every message has its Vietnamese
// version, with as many arguments, and that no entry is left over.
func TestCatalogComplete(t *testing.T) {
	formats := messageFormats(t)
	var missing []string
	for f, where := range formats {
		vi, ok := Vietnamese[f]
		if !ok {
			missing = append(missing, strconv.Quote(f)+": \"\", // "+where)
			continue
		}
		if a, b := len(verbRE.FindAllString(f, -1)), len(verbRE.FindAllString(vi, -1)); a != b {
			t.Errorf("%q has %d arguments, its translation %d", f, a, b)
		}
		// The arguments are taken back from the English message as text,
		// so a translation can only print them as text.
		for _, v := range verbRE.FindAllString(vi, -1) {
			if !strings.HasSuffix(v, "s") && !strings.HasSuffix(v, "v") {
				t.Errorf("%q: translation %q prints an argument with %s; use %%s", f, vi, v)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d messages have no Vietnamese translation:\n%s", len(missing), strings.Join(missing, "\n"))
	}
	for en := range Vietnamese {
		if _, used := formats[en]; !used && !extraMessages[en] {
			t.Errorf("catalogue entry %q is not used by the code", en)
		}
	}
}

func TestTranslate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"unknown key `nmae`", "khóa `nmae` không hợp lệ"},
		{"did you mean `name`?", "có phải ý bạn là `name`?"},
		{"1 problem", "1 lỗi"},
		{"3 problems", "3 lỗi"},
		{"something new", "something new"},
	}
	for _, tt := range tests {
		if got := Vietnamese.Translate(tt.in); got != tt.want {
			t.Errorf("Translate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	p := Problem{Pos: Pos{File: "a.yaml", Line: 1, Col: 1}, Msg: "unknown key `nmae`", Hint: "did you mean `name`?"}
	if got, want := p.In("vi"), "a.yaml:1:1: khóa `nmae` không hợp lệ (có phải ý bạn là `name`?)"; got != want {
		t.Errorf("In(vi) = %q, want %q", got, want)
	}
	if got := p.In("en"); got != p.Error() {
		t.Errorf("In(en) = %q", got)
	}
}
