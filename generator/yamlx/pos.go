package yamlx

import (
	"github.com/ocop-vn/ocop/generator/diag"
	"gopkg.in/yaml.v3"
)

// Value returns the value node of key in mapping m, or nil.
func Value(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// PosOf returns the position of key's value in mapping m, falling back to the
// mapping itself (or line 1) when the key is absent, so a cross-file problem
// can always point somewhere useful.
func PosOf(file string, m *yaml.Node, key string) diag.Pos {
	if v := Value(m, key); v != nil {
		return diag.Pos{File: file, Line: v.Line, Col: v.Column}
	}
	if m != nil && m.Line > 0 {
		return diag.Pos{File: file, Line: m.Line, Col: m.Column}
	}
	return diag.Pos{File: file, Line: 1, Col: 1}
}

// ItemPos returns the position of the i-th item of the list under key.
func ItemPos(file string, m *yaml.Node, key string, i int) diag.Pos {
	if v := Value(m, key); v != nil && v.Kind == yaml.SequenceNode && i < len(v.Content) {
		return diag.Pos{File: file, Line: v.Content[i].Line, Col: v.Content[i].Column}
	}
	return PosOf(file, m, key)
}
