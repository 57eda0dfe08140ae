package site

import (
	"runtime"
	"sync"
)

// parallel calls f for every item, on as many goroutines as there are
// cores, and returns when all calls have.
func parallel[T any](items []T, f func(T)) {
	parallelN(items, runtime.GOMAXPROCS(0), f)
}

// parallelN is parallel on n goroutines: more than the cores for work
// that mostly waits on the file system.
func parallelN[T any](items []T, n int, f func(T)) {
	var wg sync.WaitGroup
	work := make(chan T)
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range work {
				f(it)
			}
		}()
	}
	for _, it := range items {
		work <- it
	}
	close(work)
	wg.Wait()
}
