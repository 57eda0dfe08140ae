package content

import (
	"encoding/gob"
	"errors"
	"fmt"
	"io"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/rubric"
	"github.com/ocop-vn/ocop/generator/yamlx"
)

// A product folder — product.yaml, its stories and score sheets — is most
// of what a build reads: at 20,000 products, 70,000 of 88,000 files and
// four fifths of the time spent loading. A build that follows another
// (one product edited) can take the folders nobody touched from what the
// previous build parsed, kept on disk by the site package, instead of
// parsing them again: decoding them is ten times faster.

// ParsedProduct is a product folder as one load found it, before linking:
// what Load made of it (nil when the folder could not be used) and the
// problems reported about it.
type ParsedProduct struct {
	Product  *Product
	Problems []diag.Problem
	// Stamp is the cache owner's fingerprint of the folder's files when
	// they were read; Load neither sets nor reads it.
	Stamp [32]byte
}

// ProductCache lets Load reuse product folders parsed by an earlier build.
type ProductCache interface {
	// Start is called once, before any Product call, with the criteria
	// sets of this load: cached evaluations must point at them.
	Start(reg *rubric.Registry)
	// Product returns folder dir as parsed before, or false when it must
	// be parsed (never seen, or changed since). The product must be the
	// caller's own: linking writes to it.
	Product(dir string) (ParsedProduct, bool)
	// Parsed is told of each folder Load parsed, before the product is
	// linked. Linking writes to the product once Parsed returns, so a
	// cache must encode or copy it (CopyProduct), not keep it.
	Parsed(dir string, p ParsedProduct)
}

// loadProductCached loads the folder dir through ld.products.
func (ld *loader) loadProductCached(c *Catalog, dir string) *Product {
	if pp, ok := ld.products.Product(dir); ok {
		for _, p := range pp.Problems {
			ld.l.Replay(p)
		}
		return pp.Product
	}
	sub := &loader{fsys: ld.fsys, l: &diag.List{}, keepSheets: ld.keepSheets}
	p := sub.loadProduct(c, dir)
	problems := sub.l.Problems()
	for _, pr := range problems {
		ld.l.Replay(pr)
	}
	ld.products.Parsed(dir, ParsedProduct{Product: p, Problems: problems})
	return p
}

// CopyProduct returns a copy of a product as loaded (before linking) that
// shares nothing linking writes to: the product and its evaluations are
// copied; their strings, slices and criteria sets are shared.
func CopyProduct(p *Product) *Product {
	if p == nil {
		return nil
	}
	q := *p
	if p.Evaluations != nil {
		q.Evaluations = make([]*Evaluation, len(p.Evaluations))
		for i, e := range p.Evaluations {
			c := *e
			q.Evaluations[i] = &c
		}
	}
	return &q
}

// parsedVersion changes whenever the encoding below does.
const parsedVersion = 1

// parsedWire is one folder on disk. Criteria sets and scoring forms are
// written as ids and found again in the registry of the load that reads
// them, so records keep pointing at the one set every page shares.
type parsedWire struct {
	Dir      string
	Product  *Product
	Refs     []evalRefs
	Pos      yamlx.Positions
	Problems []diag.Problem
	Stamp    [32]byte
}

type evalRefs struct {
	Set, Form       string
	HasSet, HasForm bool
}

// EncodeParsed writes folders for DecodeParsed, in the order of dirs.
func EncodeParsed(w io.Writer, dirs []string, folders map[string]ParsedProduct) error {
	enc, err := NewParsedEncoder(w)
	if err != nil {
		return err
	}
	for _, dir := range dirs {
		if err := enc.Encode(dir, folders[dir]); err != nil {
			return err
		}
	}
	return nil
}

// ParsedEncoder writes folders one at a time for DecodeParsed, so a cache
// can write each folder as it is parsed rather than keep a copy of every
// product until the load is over.
type ParsedEncoder struct{ enc *gob.Encoder }

// NewParsedEncoder starts a stream of folders on w.
func NewParsedEncoder(w io.Writer) (*ParsedEncoder, error) {
	enc := gob.NewEncoder(w)
	if err := enc.Encode(parsedVersion); err != nil {
		return nil, err
	}
	return &ParsedEncoder{enc}, nil
}

// Encode writes folder dir. Its product must not be linked yet.
func (e *ParsedEncoder) Encode(dir string, pp ParsedProduct) error {
	wire := parsedWire{Dir: dir, Problems: pp.Problems, Stamp: pp.Stamp}
	if p := pp.Product; p != nil {
		q := *p
		// Links are made afresh by every load; none may be written
		// (they lead back to this product).
		q.Rubric, q.Now, q.ProducerRef, q.SalesPointRef, q.News, q.Cert = nil, nil, nil, nil, nil, Certificate{}
		q.Evaluations = make([]*Evaluation, len(p.Evaluations))
		wire.Refs = make([]evalRefs, len(p.Evaluations))
		if len(p.Evaluations) == 0 {
			q.Evaluations, wire.Refs = nil, nil
		}
		for i, e := range p.Evaluations {
			c := *e
			if c.Set != nil {
				wire.Refs[i].Set, wire.Refs[i].HasSet = c.Set.ID, true
			}
			if c.FormRef != nil {
				wire.Refs[i].Form, wire.Refs[i].HasForm = c.FormRef.ID, true
			}
			c.Set, c.FormRef = nil, nil
			q.Evaluations[i] = &c
		}
		wire.Product, wire.Pos = &q, p.pos
	}
	if err := e.enc.Encode(&wire); err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	return nil
}

// DecodeParsed reads what EncodeParsed wrote, finding criteria sets and
// forms in reg. A folder naming a set reg does not have is left out (it
// will be parsed again).
func DecodeParsed(r io.Reader, reg *rubric.Registry) (map[string]ParsedProduct, error) {
	dec := gob.NewDecoder(r)
	var version int
	if err := dec.Decode(&version); err != nil {
		return nil, err
	}
	if version != parsedVersion {
		return nil, fmt.Errorf("parsed products: version %d, want %d", version, parsedVersion)
	}
	out := map[string]ParsedProduct{}
	for {
		var wire parsedWire
		if err := dec.Decode(&wire); err != nil {
			if errors.Is(err, io.EOF) {
				return out, nil
			}
			return nil, err
		}
		if p := wire.Product; p != nil {
			if len(wire.Refs) != len(p.Evaluations) || !resolveRefs(p, wire.Refs, reg) {
				continue
			}
			p.pos = wire.Pos
		}
		out[wire.Dir] = ParsedProduct{Product: wire.Product, Problems: wire.Problems, Stamp: wire.Stamp}
	}
}

func resolveRefs(p *Product, refs []evalRefs, reg *rubric.Registry) bool {
	for i, e := range p.Evaluations {
		if e == nil {
			return false
		}
		r := refs[i]
		if !r.HasSet {
			continue
		}
		set, ok := reg.Get(r.Set)
		if !ok {
			return false
		}
		e.Set = set
		if r.HasForm {
			if e.FormRef, ok = set.FormFor(r.Form); !ok {
				return false
			}
		}
	}
	return true
}
