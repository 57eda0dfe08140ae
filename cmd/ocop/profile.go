package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"time"
)

// startProfiles writes Go profiles when the environment asks for them:
// OCOP_CPUPROFILE=FILE for a CPU profile of the whole command and
// OCOP_MEMPROFILE=FILE for a heap profile taken when the live heap was at
// its largest (that moment, not the end, is what peak memory is made of).
// They are for measuring the generator (see BENCHMARKS.md), not for
// staff, so they are environment variables rather than flags in every
// command's help. The returned function finishes the profiles.
func startProfiles() func() {
	var stops []func()
	if name := os.Getenv("OCOP_CPUPROFILE"); name != "" {
		f, err := os.Create(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "ocop: cpu profile:", err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "ocop: cpu profile:", err)
			f.Close()
		} else {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if name := os.Getenv("OCOP_MEMPROFILE"); name != "" {
		stops = append(stops, peakHeapProfile(name))
	}
	return func() {
		for _, stop := range stops {
			stop()
		}
	}
}

// peakHeapProfile watches the live heap (as measured by the last garbage
// collection) and keeps a heap profile of the largest one seen; the
// returned function writes it to name.
func peakHeapProfile(name string) func() {
	var (
		mu   sync.Mutex
		best uint64
		snap bytes.Buffer
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	check := func() {
		metrics.Read(sample)
		live := sample[0].Value.Uint64()
		mu.Lock()
		defer mu.Unlock()
		if live <= best {
			return
		}
		best = live
		snap.Reset()
		if err := pprof.Lookup("heap").WriteTo(&snap, 0); err != nil {
			fmt.Fprintln(os.Stderr, "ocop: heap profile:", err)
		}
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				check()
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		check()
		fmt.Fprintf(os.Stderr, "ocop: heap profile at the largest live heap seen, %.0f MB\n", float64(best)/1e6)
		if err := os.WriteFile(name, snap.Bytes(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "ocop: heap profile:", err)
		}
	}
}
