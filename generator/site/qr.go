package site

import (
	"html/template"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/qr"
	"github.com/ocop-vn/ocop/generator/render"
	"github.com/ocop-vn/ocop/generator/viewhash"
)

// QR codes hold a page's canonical address, so a phone scanning a packaging
// stamp or a fair stand's poster opens the product or sales point page.
// Each such page has the code inline and as two files beside it:
// <page>/qr.svg (scales to any print size) and <page>/qr.png, written by
// the page's own job right after the page, so that the code is encoded
// once and held only while its page is made.
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

// qrTarget is the address the code of the page at dir (in the edition)
// holds, or "" when the site has no absolute address.
func (e *edition) qrTarget(dir string) string {
	if e.site.Origin == "" {
		return ""
	}
	return e.site.Abs(dir)
}

// qrView is the inline code and file links of the page at dir (a folder
// path such as "san-pham/che-a/") about name; nil when there is no code.
func (e *edition) qrView(dir, name string) *render.QRCode {
	target := e.qrTarget(dir)
	if target == "" {
		return nil
	}
	s := e.site
	title, desc := e.r.MustT("qr.alt", name), e.r.MustT("qr.desc", target)
	return render.NewQRCode(target, title, desc, s.Rel(dir+qrSVGName), s.Rel(dir+qrPNGName), func() template.HTML {
		c := e.qrCode(dir, target)
		if c == nil {
			return ""
		}
		return template.HTML(c.SVG(qr.SVGOptions{ID: "qr", Title: title, Desc: desc}))
	})
}

// qrCode encodes the code holding target once: the page's inline code and
// its two files share it (qrFile, run right after the page, forgets it).
// A failure is reported once.
func (e *edition) qrCode(dir, target string) *qr.Code {
	if c, ok := e.qrCodes.Load(target); ok {
		return c.(*qr.Code)
	}
	c, err := qr.Encode(target)
	if err != nil {
		if _, dup := e.qrCodes.LoadOrStore(target, (*qr.Code)(nil)); !dup {
			e.l.Add(diag.Pos{File: e.site.Prefix + dir}, "%v", err)
		}
		return nil
	}
	e.qrCodes.Store(target, c)
	return c
}

func (e *edition) qrFile(dir, name string) {
	target := e.qrTarget(dir)
	out := e.site.Prefix + dir
	title := e.r.MustT("qr.alt", name)
	if e.inc != nil {
		// The files depend on the address and the title alone.
		key := viewhash.Bytes([]byte(target), []byte(title), []byte{qrPNGScale})
		e.inc.setKey(out+qrSVGName, key)
		e.inc.setKey(out+qrPNGName, key)
		svgKept := e.inc.reuse(e.pub, out+qrSVGName, key)
		if pngKept := e.inc.reuse(e.pub, out+qrPNGName, key); svgKept && pngKept {
			return
		}
	}
	c := e.qrCode(dir, target)
	if c == nil {
		return
	}
	e.qrCodes.Delete(target) // the page, drawn before, was its other user
	// The SVG is drawn minimal already; minifying its path costs more than
	// writing the file.
	e.writeRaw(out+qrSVGName, []byte(c.SVG(qr.SVGOptions{Title: title, Desc: target})))
	png, err := c.PNG(qrPNGScale)
	if err != nil {
		e.l.Add(diag.Pos{File: out}, "writing %s: %v", out+qrPNGName, err)
		return
	}
	e.writeRaw(out+qrPNGName, png)
}
