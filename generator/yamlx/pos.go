package yamlx

import (
	"encoding/binary"
	"errors"
	"math"

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

// Positions remembers where some keys of a mapping (and the items of their
// lists) were written, so a problem found after the YAML tree has been
// dropped can still point at them. Cross-file checks run once every file
// is loaded; holding 20,000 product trees until then cost about 150 MB.
type Positions struct {
	file string
	base lineCol // the mapping's; zero when nothing was remembered
	keys []keyPositions
}

// lineCol is a position in the file of its Positions: every product
// keeps a few, so they hold no file name and no 64-bit numbers.
type lineCol struct{ line, col int32 }

type keyPositions struct {
	key   string
	pos   lineCol
	items []lineCol
}

func lineColOf(n *yaml.Node) lineCol { return lineCol{int32(n.Line), int32(n.Column)} }

func (p Positions) at(lc lineCol) diag.Pos {
	return diag.Pos{File: p.file, Line: int(lc.line), Col: int(lc.col)}
}

// Remember records the positions of keys in mapping m of file.
func Remember(file string, m *yaml.Node, keys ...string) Positions {
	base := PosOf(file, m, "")
	p := Positions{file: file, base: lineCol{int32(base.Line), int32(base.Col)}}
	for _, key := range keys {
		v := Value(m, key)
		if v == nil {
			continue
		}
		k := keyPositions{key: key, pos: lineColOf(v)}
		if v.Kind == yaml.SequenceNode {
			k.items = make([]lineCol, len(v.Content))
			for i, item := range v.Content {
				k.items[i] = lineColOf(item)
			}
		}
		p.keys = append(p.keys, k)
	}
	return p
}

// Of is PosOf for a remembered key: its value's position, else the
// mapping's, else line 1 of the file.
func (p Positions) Of(key string) diag.Pos {
	for _, k := range p.keys {
		if k.key == key {
			return p.at(k.pos)
		}
	}
	if p.base.line == 0 {
		return diag.Pos{File: p.file, Line: 1, Col: 1}
	}
	return p.at(p.base)
}

// Item is ItemPos for a remembered key.
func (p Positions) Item(key string, i int) diag.Pos {
	for _, k := range p.keys {
		if k.key == key && i < len(k.items) {
			return p.at(k.items[i])
		}
	}
	return p.Of(key)
}

// GobEncode lets Positions be kept with a parsed record (see
// content.EncodeParsed). Every position is in the same file, so only
// lines and columns are written, as varints.
func (p Positions) GobEncode() ([]byte, error) {
	b := binary.AppendUvarint(nil, uint64(len(p.file)))
	b = append(b, p.file...)
	pos := func(lc lineCol) {
		b = binary.AppendUvarint(b, uint64(lc.line))
		b = binary.AppendUvarint(b, uint64(lc.col))
	}
	pos(p.base)
	b = binary.AppendUvarint(b, uint64(len(p.keys)))
	for _, k := range p.keys {
		b = binary.AppendUvarint(b, uint64(len(k.key)))
		b = append(b, k.key...)
		pos(k.pos)
		b = binary.AppendUvarint(b, uint64(len(k.items)))
		for _, it := range k.items {
			pos(it)
		}
	}
	return b, nil
}

// GobDecode is the inverse of GobEncode.
func (p *Positions) GobDecode(data []byte) error {
	bad := false
	num := func() int {
		v, n := binary.Uvarint(data)
		if n <= 0 || v > uint64(len(data))*8+1<<20 {
			bad = true
			return 0
		}
		data = data[n:]
		return int(v)
	}
	str := func() string {
		n := num()
		if bad || n > len(data) {
			bad = true
			return ""
		}
		s := string(data[:n])
		data = data[n:]
		return s
	}
	file := str()
	pos := func() lineCol {
		line, col := num(), num()
		if line > math.MaxInt32 || col > math.MaxInt32 {
			bad = true
		}
		return lineCol{int32(line), int32(col)}
	}
	q := Positions{file: file, base: pos()}
	for n := num(); n > 0 && !bad; n-- {
		k := keyPositions{key: str(), pos: pos()}
		items := num()
		if items > len(data) {
			bad = true
		}
		for ; items > 0 && !bad; items-- {
			k.items = append(k.items, pos())
		}
		q.keys = append(q.keys, k)
	}
	if bad {
		return errors.New("yamlx: corrupt positions")
	}
	*p = q
	return nil
}
