package site

import (
	"runtime"
	"sync"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/search"
)

// search builds the search index (see package search) and writes its
// files under search/, minified like every other file.
func (b *builder) search() {
	files, err := search.Build(b.cat, b.cat.Site, search.Options{FileURLs: b.fileURLs})
	if err != nil {
		b.l.Add(diag.Pos{File: "search"}, "%v", err)
		return
	}
	var wg sync.WaitGroup
	work := make(chan search.File)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range work {
				b.write(f.Path, f.Data)
			}
		}()
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
}
