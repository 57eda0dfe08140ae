package site

import (
	"io/fs"
	"strings"
	"sync"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/publish"
	"github.com/ocop-vn/ocop/generator/render"
)

// Preview is a site loaded and planned but not rendered: each page is
// rendered when it is asked for. With a content.Cache, a save costs the
// re-read of the edited file, the cross-file checks and the rendering of the
// one page the browser reloads — not a build of the whole catalogue — which
// keeps save-to-reload short for tens of thousands of products. Output is
// not minified, and the link check is left to `ocop check`.
type Preview struct {
	b      *builder
	pages  map[string]job
	images map[string]string // output path → source path
	assets map[string]string // fingerprinted static path → theme path

	extrasOnce sync.Once
	extras     *publish.Memory
}

// NewPreview loads and plans the site in fsys. It returns nil, with the
// problems, when the site cannot be built.
func NewPreview(fsys fs.FS, opts Options, cache *content.Cache) (*Preview, *diag.List) {
	opts.NoMinify = true
	mem := publish.NewMemory()
	b, jobs, l := prepare(fsys, mem, opts, cache, nil)
	if b == nil {
		return nil, l
	}
	p := &Preview{b: b, pages: make(map[string]job, len(jobs)), images: map[string]string{}, assets: map[string]string{}, extras: mem}
	for name, hashed := range b.editions[0].r.Assets() {
		p.assets[hashed] = name
	}
	for _, j := range jobs {
		p.pages[j.path] = j
	}
	for _, prod := range b.cat.Products {
		if prod.Draft {
			continue
		}
		for _, img := range prod.Photos {
			p.images[render.ProductImagePath(prod.Slug, img.Name)] = img.Path
		}
	}
	return p, l
}

// Pages reports how many pages the site has.
func (p *Preview) Pages() int { return len(p.pages) }

// File returns the output file at path (slash separated, relative to the
// site root), rendering it if it is a page.
func (p *Preview) File(path string) ([]byte, bool) {
	if j, ok := p.pages[path]; ok {
		var kind string
		html, err := p.b.page(j, j.view(), &kind, new(pageBuffer))
		if err != nil {
			return []byte("<!doctype html><title>Lỗi giao diện</title><pre>" + htmlEscape(err.Error()) + "</pre>"), true
		}
		return html, true
	}
	if strings.HasPrefix(path, "static/") {
		if name, ok := p.assets[path]; ok {
			path = name
		}
		data, err := fs.ReadFile(p.b.theme, path)
		return data, err == nil
	}
	if src, ok := p.images[path]; ok {
		data, err := fs.ReadFile(p.b.site, src)
		return data, err == nil
	}
	// Feeds, sitemap and search index: made once per preview, the first
	// time one of them is asked for.
	p.extrasOnce.Do(func() {
		jobs := make([]job, 0, len(p.pages))
		for _, j := range p.pages {
			jobs = append(jobs, j)
		}
		p.b.extras(jobs)
	})
	data, ok := p.extras.Get(path)
	return data, ok
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
