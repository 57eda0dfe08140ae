package site

import (
	"runtime"
	"sync"
)

// parallel calls f for every item, on as many goroutines as there are
// cores, and returns when all calls have.
func parallel[T any](items []T, f func(T)) {
	var wg sync.WaitGroup
	work := make(chan T)
	for range runtime.GOMAXPROCS(0) {
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
