package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// The garbage collector's GOGC, when the environment sets none, follows
// the live heap: Go's default of 100 while the heap is small, down to 55
// once it is large.
//
// GOGC is the share of the live heap the heap may grow by before the next
// collection. Most of what a large build holds live is the catalogue,
// loaded once and kept to the end, so Go's 100 let the heap grow to twice
// the catalogue: at 20,000 products on the 2-core VM of BENCHMARKS.md a
// cold build peaked near 500 MiB at 100, 385-388 MiB at 60 and 373-378
// MiB at 55 (session 5; 50 was slower). But a lower GOGC means more
// collections for the same allocations at any heap size, and a small
// catalogue gains nothing worth it: at 1,000 products (session 6) 55 spent
// 1.1-1.3 s of CPU collecting against 0.6 s at 100, in builds of about
// 4 s, to save 7 MiB (45 against 52 MiB). So the headroom is at least
// gcMinHeadroom, which small catalogues never outgrow, and 55 % of the
// live heap past that.
const (
	gcMaxPercent  = 100      // Go's default
	gcMinPercent  = 55       // for a heap large enough that memory matters
	gcMinHeadroom = 64 << 20 // bytes the heap may always grow by
)

// gcPercentFor returns the GOGC for a live heap of live bytes: enough to
// let the heap grow by gcMinHeadroom, between gcMinPercent and
// gcMaxPercent. The switch is gradual: 100 up to 64 MiB live, 55 from
// about 116 MiB.
func gcPercentFor(live uint64) int {
	if live == 0 {
		return gcMaxPercent
	}
	p := 100 * uint64(gcMinHeadroom) / live
	return int(min(max(p, gcMinPercent), gcMaxPercent))
}

// tuneGC keeps GOGC at gcPercentFor(live heap) for the life of the
// process, unless GOGC is set: a host can still choose (GOGC=100 for speed
// on a machine with memory to spare, GOMEMLIMIT for a hard ceiling; see
// README, "Memory").
func tuneGC() {
	if _, set := os.LookupEnv("GOGC"); set {
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	t := &gcTuner{
		live: func() uint64 {
			metrics.Read(sample)
			return sample[0].Value.Uint64()
		},
		set:     func(p int) { debug.SetGCPercent(p) },
		percent: gcMaxPercent, // Go's default, what the process starts with
	}
	t.arm()
}

// gcTuner sets GOGC after each collection, from the live heap that
// collection measured. Its methods run on the runtime's finalizer
// goroutine, one at a time.
type gcTuner struct {
	live    func() uint64
	set     func(percent int)
	percent int // the GOGC last set
}

// gcHook is garbage from birth: the collection after arm finds it
// unreachable and runs its finalizer, which adjusts GOGC and arms a new
// hook for the next collection. It holds a pointer so that it is never
// placed in a tiny-allocation block, whose finalizers may not run.
type gcHook struct{ t *gcTuner }

func (t *gcTuner) arm() {
	runtime.SetFinalizer(&gcHook{t}, func(h *gcHook) {
		h.t.adjust()
		h.t.arm()
	})
}

func (t *gcTuner) adjust() {
	if p := gcPercentFor(t.live()); p != t.percent {
		t.percent = p
		t.set(p)
	}
}
