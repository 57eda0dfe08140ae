package site

import (
	"html/template"
	"runtime"
	"sync"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/qr"
	"github.com/ocop-vn/ocop/generator/render"
)

// QR codes hold a page's canonical address, so a phone scanning a packaging
// stamp or a fair stand's poster opens the product or sales point page.
// Each such page has the code inline and as two files beside it:
// <page>/qr.svg (scales to any print size) and <page>/qr.png.
//
// A code must hold a full address, so there are none when base_url is a bare
// path ("/" or "/ocop/"): set base_url, or pass --base-url, to the address the
// site is published at.

const (
	qrSVGName = "qr.svg"
	qrPNGName = "qr.png"
	// qrPNGScale is pixels per module: a product address (about 41 modules
	// with the quiet zone) makes a PNG of about 400 px, sharp at 3–4 cm.
	qrPNGScale = 10
)

// qrTarget is the address the code of the page at dir holds, or "" when the
// site has no absolute address.
func (b *builder) qrTarget(dir string) string {
	if b.cat.Site.Origin == "" {
		return ""
	}
	return b.cat.Site.Abs(dir)
}

// qrView is the inline code and file links of the page at dir (a folder
// path such as "san-pham/che-a/") about name; nil when there is no code.
func (b *builder) qrView(dir, name string) *render.QRCode {
	target := b.qrTarget(dir)
	if target == "" {
		return nil
	}
	c := b.qrCode(dir, target)
	if c == nil {
		return nil
	}
	s := b.cat.Site
	svg := c.SVG(qr.SVGOptions{ID: "qr", Title: b.r.MustT("qr.alt", name), Desc: b.r.MustT("qr.desc", target)})
	return &render.QRCode{Target: target, SVG: template.HTML(svg), SVGURL: s.Rel(dir + qrSVGName), PNGURL: s.Rel(dir + qrPNGName)}
}

// qrFiles writes the SVG and PNG codes of every public product and sales
// point page, in parallel.
func (b *builder) qrFiles() {
	if b.cat.Site.Origin == "" {
		return
	}
	type page struct{ dir, name string }
	work := make(chan page)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				b.qrFile(p.dir, p.name)
			}
		}()
	}
	for _, p := range b.publicProducts() {
		work <- page{render.ProductPath(p.Slug), p.Name}
	}
	for _, s := range b.cat.SalesPoints {
		work <- page{render.SalesPointPath(s.ID), s.Name}
	}
	close(work)
	wg.Wait()
}

// qrCode encodes the code of the page at dir once per build: the page's
// inline code and its two files share it. A failure is reported once.
func (b *builder) qrCode(dir, target string) *qr.Code {
	if c, ok := b.qrCodes.Load(dir); ok {
		return c.(*qr.Code)
	}
	c, err := qr.Encode(target)
	if err != nil {
		if _, dup := b.qrCodes.LoadOrStore(dir, (*qr.Code)(nil)); !dup {
			b.l.Add(diag.Pos{File: dir}, "%v", err)
		}
		return nil
	}
	b.qrCodes.Store(dir, c)
	return c
}

func (b *builder) qrFile(dir, name string) {
	target := b.qrTarget(dir)
	c := b.qrCode(dir, target)
	if c == nil {
		return
	}
	// The SVG is drawn minimal already; minifying its path costs more than
	// writing the file.
	b.writeRaw(dir+qrSVGName, []byte(c.SVG(qr.SVGOptions{Title: b.r.MustT("qr.alt", name), Desc: target})))
	png, err := c.PNG(qrPNGScale)
	if err != nil {
		b.l.Add(diag.Pos{File: dir}, "writing %s: %v", dir+qrPNGName, err)
		return
	}
	b.writeRaw(dir+qrPNGName, png)
}
