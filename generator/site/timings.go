package site

import (
	"cmp"
	"slices"
	"sync"
	"time"
)

// layoutTimes sums, per layout, the time its pages took from view to
// written file, across the render workers.
type layoutTimes struct {
	mu sync.Mutex
	m  map[string]*Timing
}

func (t *layoutTimes) add(kind string, d time.Duration) {
	if kind == "" {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.m == nil {
		t.m = map[string]*Timing{}
	}
	e := t.m[kind]
	if e == nil {
		e = &Timing{Name: kind}
		t.m[kind] = e
	}
	e.Duration += d
	e.Count++
}

// sorted returns the layouts, slowest first.
func (t *layoutTimes) sorted() []Timing {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]Timing, 0, len(t.m))
	for _, e := range t.m {
		out = append(out, *e)
	}
	slices.SortFunc(out, func(a, b Timing) int {
		return cmp.Or(cmp.Compare(b.Duration, a.Duration), cmp.Compare(a.Name, b.Name))
	})
	return out
}
