package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles writes Go profiles when the environment asks for them:
// OCOP_CPUPROFILE=FILE for a CPU profile of the whole command and
// OCOP_MEMPROFILE=FILE for a heap profile at its end. They are for
// measuring the generator (see BENCHMARKS.md), not for staff, so they are
// environment variables rather than flags in every command's help.
// The returned function finishes the profiles.
func startProfiles() func() {
	stop := func() {}
	if name := os.Getenv("OCOP_CPUPROFILE"); name != "" {
		f, err := os.Create(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "ocop: cpu profile:", err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "ocop: cpu profile:", err)
			f.Close()
		} else {
			stop = func() { pprof.StopCPUProfile(); f.Close() }
		}
	}
	return func() {
		stop()
		if name := os.Getenv("OCOP_MEMPROFILE"); name != "" {
			f, err := os.Create(name)
			if err != nil {
				fmt.Fprintln(os.Stderr, "ocop: heap profile:", err)
				return
			}
			defer f.Close()
			runtime.GC()
			if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
				fmt.Fprintln(os.Stderr, "ocop: heap profile:", err)
			}
		}
	}
}
