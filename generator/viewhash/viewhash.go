// Package viewhash fingerprints the data a page is rendered from, so an
// incremental build can tell which pages would come out differently
// without rendering them.
//
// A page's view is a graph of Go values: the view struct, and the records
// (products, producers, sales points, news…) it points to, which point to
// each other. Hashing the graph naively would walk the whole catalogue from
// any product. Instead the caller names the record types, and each record
// is hashed once:
//
//   - own(r) hashes r's fields, with every pointer to another record
//     written as that record's identity (its File);
//   - deep(r) hashes own(r), and for every record n that r points to,
//     own(n) and the own hashes of the records n points to.
//
// A view's hash writes deep(r) wherever the view reaches a record r. So a
// page's hash changes when anything a template can reach within three
// steps of the view changes: a product page sees a renamed producer, and a
// sales point page sees the producer name on each product card. Templates
// that reach further than that (view → record → record → record → field)
// would be missed; the theme's do not, and the incremental build's tests
// compare incremental and clean output byte for byte to keep it so.
//
// Some values are the same for the whole build and already part of its
// key (the site configuration, the criteria sets): the caller names those
// types as global and they are written by identity only.
package viewhash

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"maps"
	"math"
	"reflect"
	"slices"
	"sync"
	"time"
)

// Sum is a fingerprint.
type Sum [sha256.Size]byte

// Hasher hashes views. It memoises record hashes by address, so it must
// not outlive the records (one build), and it is safe for concurrent use.
type Hasher struct {
	records map[reflect.Type]bool // pointers to these are cut points
	global  map[reflect.Type]bool // pointers to these are written by type
	skip    map[reflect.Type]bool // values of these types are not written
	own     memo
	ring    memo
	deep    memo
}

// memo maps records to their sums. A plain map under a lock rather than a
// sync.Map, which boxes every key and value in an allocation of its own
// beside its trie nodes (held to the end of the build, for every record);
// two to four workers rarely wait on the lock.
type memo struct {
	mu sync.RWMutex
	m  map[recordKey]Sum
}

func (m *memo) Load(k recordKey) (Sum, bool) {
	m.mu.RLock()
	s, ok := m.m[k]
	m.mu.RUnlock()
	return s, ok
}

func (m *memo) Store(k recordKey, s Sum) {
	m.mu.Lock()
	if m.m == nil {
		m.m = map[recordKey]Sum{}
	}
	m.m[k] = s
	m.mu.Unlock()
}

type recordKey struct {
	t reflect.Type
	p uintptr
}

// New returns a Hasher. records, global and skip are example values of
// the record types (pointers, e.g. (*content.Product)(nil)), the global
// types (also pointers) and the types to leave out (e.g. parse trees kept
// only for error positions).
func New(records, global, skip []any) *Hasher {
	h := &Hasher{records: map[reflect.Type]bool{}, global: map[reflect.Type]bool{}, skip: map[reflect.Type]bool{}}
	for _, r := range records {
		h.records[reflect.TypeOf(r)] = true
	}
	for _, g := range global {
		h.global[reflect.TypeOf(g)] = true
	}
	for _, s := range skip {
		h.skip[reflect.TypeOf(s)] = true
	}
	return h
}

// View returns the fingerprint of v (any value; typically *render.Page).
func (h *Hasher) View(v any) Sum {
	w := walker{h: h, mode: modeView, buf: getBuf()}
	w.value(reflect.ValueOf(v))
	s := Sum(sha256.Sum256(w.buf))
	putBuf(w.buf)
	return s
}

// bufs holds walkers' buffers for reuse: a build fingerprints every page
// and record, and fresh buffers for each were most of the garbage this
// package made (0.7 GB at 20,000 products).
var bufs sync.Pool

func getBuf() []byte {
	if b, ok := bufs.Get().(*[]byte); ok {
		return (*b)[:0]
	}
	return make([]byte, 0, 4096)
}

func putBuf(b []byte) { bufs.Put(&b) }

// Bytes returns the fingerprint of data, for inputs that are not views.
func Bytes(parts ...[]byte) Sum {
	d := sha256.New()
	var n [8]byte
	for _, p := range parts {
		binary.LittleEndian.PutUint64(n[:], uint64(len(p)))
		d.Write(n[:])
		d.Write(p)
	}
	var s Sum
	d.Sum(s[:0])
	return s
}

const (
	modeView = iota // records are written as deep(r)
	modeOwn         // records are written as their identity
)

type walker struct {
	h    *Hasher
	mode int
	buf  []byte
	// seen guards against cycles through pointers that are not records.
	seen map[recordKey]int
}

func (w *walker) byte(b byte) { w.buf = append(w.buf, b) }
func (w *walker) uint(u uint64) {
	w.buf = binary.AppendUvarint(w.buf, u)
}
func (w *walker) str(s string) {
	w.uint(uint64(len(s)))
	w.buf = append(w.buf, s...)
}
func (w *walker) sum(s Sum) { w.buf = append(w.buf, s[:]...) }

var timeType = reflect.TypeOf(time.Time{})

func (w *walker) value(v reflect.Value) {
	if !v.IsValid() {
		w.byte(0)
		return
	}
	t := v.Type()
	if w.h.skip[t] {
		w.byte(1)
		return
	}
	switch t.Kind() {
	case reflect.Bool:
		if v.Bool() {
			w.byte(3)
		} else {
			w.byte(2)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.byte(4)
		w.uint(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.byte(5)
		w.uint(v.Uint())
	case reflect.Float32, reflect.Float64:
		w.byte(6)
		w.uint(math.Float64bits(v.Float()))
	case reflect.String:
		w.byte(7)
		w.str(v.String())
	case reflect.Slice:
		// An empty slice is written as nil: no template can tell them
		// apart, and records decoded from the parse cache have nil where
		// parsing may have made an empty one.
		if v.Len() == 0 {
			w.byte(8)
			return
		}
		if t.Elem().Kind() == reflect.Uint8 {
			w.byte(9)
			w.uint(uint64(v.Len()))
			w.buf = append(w.buf, v.Bytes()...)
			return
		}
		fallthrough
	case reflect.Array:
		w.byte(10)
		w.uint(uint64(v.Len()))
		for i := range v.Len() {
			w.value(v.Index(i))
		}
	case reflect.Struct:
		if t == timeType && v.CanInterface() {
			tm := v.Interface().(time.Time)
			w.byte(11)
			w.uint(uint64(tm.UnixNano()))
			w.str(tm.Location().String())
			return
		}
		w.byte(12)
		for i := range v.NumField() {
			w.value(v.Field(i))
		}
	case reflect.Map:
		w.mapValue(v)
	case reflect.Pointer:
		w.pointer(v)
	case reflect.Interface:
		if v.IsNil() {
			w.byte(13)
			return
		}
		e := v.Elem()
		w.byte(14)
		w.str(e.Type().String())
		w.value(e)
	default:
		// Functions and channels carry no page data.
		w.byte(15)
		w.str(t.String())
	}
}

func (w *walker) mapValue(v reflect.Value) {
	if v.Len() == 0 { // as nil, like an empty slice

		w.byte(16)
		return
	}
	// Entries in the order of their encoded keys, so the hash does not
	// depend on map iteration order.
	type entry struct{ k, v []byte }
	entries := make([]entry, 0, v.Len())
	it := v.MapRange()
	for it.Next() {
		// Each entry sees the pointers visited before the map (so a cycle
		// back to them ends) but not those of other entries, whose order
		// is random: back-references must not depend on it.
		kw := walker{h: w.h, mode: w.mode, seen: maps.Clone(w.seen)}
		kw.value(it.Key())
		vw := walker{h: w.h, mode: w.mode, seen: maps.Clone(w.seen)}
		vw.value(it.Value())
		entries = append(entries, entry{kw.buf, vw.buf})
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(string(a.k), string(b.k)) })
	w.byte(17)
	w.uint(uint64(len(entries)))
	for _, e := range entries {
		w.buf = append(w.buf, e.k...)
		w.buf = append(w.buf, e.v...)
	}
}

func (w *walker) pointer(v reflect.Value) {
	if v.IsNil() {
		w.byte(18)
		return
	}
	t := v.Type()
	switch {
	case w.h.global[t]:
		w.byte(19)
		w.str(t.String())
		if id := v.Elem().FieldByName("ID"); id.IsValid() && id.Kind() == reflect.String {
			w.str(id.String())
		}
		return
	case w.h.records[t]:
		w.byte(20)
		if w.mode == modeView {
			w.sum(w.h.deepSum(v))
		} else {
			w.str(t.String())
			w.str(identity(v))
		}
		return
	}
	k := recordKey{t, v.Pointer()}
	if i, ok := w.seen[k]; ok {
		w.byte(21) // a cycle: refer back to the first visit
		w.uint(uint64(i))
		return
	}
	if w.seen == nil {
		w.seen = map[recordKey]int{}
	}
	w.seen[k] = len(w.seen)
	w.byte(22)
	w.value(v.Elem())
}

// identity names a record: its File field (every record has one), or its
// address when it has none.
func identity(v reflect.Value) string {
	if f := v.Elem().FieldByName("File"); f.IsValid() && f.Kind() == reflect.String {
		return f.String()
	}
	return ""
}

// ownSum is own(r).
func (h *Hasher) ownSum(v reflect.Value) Sum {
	k := recordKey{v.Type(), v.Pointer()}
	if s, ok := h.own.Load(k); ok {
		return s
	}
	w := walker{h: h, mode: modeOwn, buf: getBuf()}
	w.str(v.Type().String())
	w.value(v.Elem())
	s := Sum(sha256.Sum256(w.buf))
	putBuf(w.buf)
	h.own.Store(k, s)
	return s
}

// deepSum is deep(r): own(r), then for each record n that r points to,
// own(n) and the own hashes of the records n points to.
func (h *Hasher) deepSum(v reflect.Value) Sum {
	k := recordKey{v.Type(), v.Pointer()}
	if s, ok := h.deep.Load(k); ok {
		return s
	}
	own := h.ownSum(v)
	// One ring hash per neighbour, sorted: the order of neighbours is
	// already in own(r) (it writes their identities in order), and sorting
	// keeps the hash independent of map iteration order.
	var rings []Sum
	for _, n := range h.neighbours(v) {
		rings = append(rings, h.ringSum(n))
	}
	slices.SortFunc(rings, func(a, b Sum) int { return bytes.Compare(a[:], b[:]) })
	buf := append([]byte(nil), own[:]...)
	for _, r := range rings {
		buf = append(buf, r[:]...)
	}
	s := Sum(sha256.Sum256(buf))
	h.deep.Store(k, s)
	return s
}

// ringSum hashes own(n) and the own hashes of the records n points to,
// once per record: a sales point selling a thousand products is a
// neighbour of each of them.
func (h *Hasher) ringSum(n reflect.Value) Sum {
	k := recordKey{n.Type(), n.Pointer()}
	if s, ok := h.ring.Load(k); ok {
		return s
	}
	own := h.ownSum(n)
	var sums []Sum
	for _, m := range h.neighbours(n) {
		sums = append(sums, h.ownSum(m))
	}
	// Sorted, as in deepSum: own(n) has the order, and neighbours found
	// in a map come in random order.
	slices.SortFunc(sums, func(a, b Sum) int { return bytes.Compare(a[:], b[:]) })
	buf := append([]byte(nil), own[:]...)
	for _, m := range sums {
		buf = append(buf, m[:]...)
	}
	s := Sum(sha256.Sum256(buf))
	h.ring.Store(k, s)
	return s
}

// neighbours lists the records r points to directly: record pointers in
// its fields, in slices and arrays of them, and in structs and pointers to
// structs it holds (not through other records).
func (h *Hasher) neighbours(v reflect.Value) []reflect.Value {
	var out []reflect.Value
	seen := map[recordKey]bool{}
	var visit func(x reflect.Value, top bool)
	visit = func(x reflect.Value, top bool) {
		if !x.IsValid() || h.skip[x.Type()] {
			return
		}
		switch x.Kind() {
		case reflect.Pointer:
			if x.IsNil() || h.global[x.Type()] {
				return
			}
			k := recordKey{x.Type(), x.Pointer()}
			if seen[k] {
				return
			}
			seen[k] = true
			if h.records[x.Type()] && !top {
				out = append(out, x)
				return
			}
			visit(x.Elem(), false)
		case reflect.Struct:
			for i := range x.NumField() {
				visit(x.Field(i), false)
			}
		case reflect.Slice, reflect.Array:
			if x.Kind() == reflect.Slice && x.Type().Elem().Kind() == reflect.Uint8 {
				return
			}
			for i := range x.Len() {
				visit(x.Index(i), false)
			}
		case reflect.Map:
			it := x.MapRange()
			for it.Next() {
				visit(it.Value(), false)
			}
		case reflect.Interface:
			if !x.IsNil() {
				visit(x.Elem(), false)
			}
		}
	}
	visit(v, true)
	return out
}
