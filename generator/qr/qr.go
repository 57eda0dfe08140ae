// Package qr makes the QR codes printed on packaging stamps and fair stands:
// each product and sales point page's address, as SVG (inline in the page,
// and as a file) and PNG. Encoding is done by rsc.io/qr (Russ Cox's small,
// dependency-free encoder); this package only draws the modules.
//
// Output depends only on the text encoded, so builds stay reproducible.
package qr

import (
	"fmt"
	"html"
	"strconv"
	"strings"

	"rsc.io/qr"
)

// Quiet is the white border around the code, in modules: the four the
// standard requires for reliable scanning.
const Quiet = 4

// Code is an encoded QR symbol.
type Code struct {
	// Text is what the code holds.
	Text string
	c    *qr.Code
}

// Encode encodes text with error correction level M (15% of the symbol can
// be damaged — a scuffed sticker still scans — while a product address stays
// a small symbol).
func Encode(text string) (*Code, error) {
	c, err := qr.Encode(text, qr.M)
	if err != nil {
		return nil, fmt.Errorf("QR code of %q: %w", text, err)
	}
	return &Code{Text: text, c: c}, nil
}

// Size is the number of modules on a side, without the quiet zone.
func (c *Code) Size() int { return c.c.Size }

// Black reports whether the module at (x, y) is dark; outside the symbol
// (the quiet zone) it is false.
func (c *Code) Black(x, y int) bool { return c.c.Black(x, y) }

// SVGOptions describe an SVG rendering.
type SVGOptions struct {
	// ID prefixes the ids of the title and description, which must be
	// unique in a page; "" makes a standalone file (with the XML namespace
	// and no ids needed).
	ID string
	// Title and Desc are the accessible name and description. Title
	// defaults to the encoded text.
	Title, Desc string
	// Width is the rendered width and height in CSS pixels; 0 leaves the
	// size to the page's CSS (the image scales to its container).
	Width int
}

// SVG draws the code as one path of unit squares on a white background,
// with a quiet zone, role="img" and a <title>/<desc>. Runs of dark modules
// in a row are merged, so the path stays short.
func (c *Code) SVG(o SVGOptions) string {
	n := c.c.Size + 2*Quiet
	title := o.Title
	if title == "" {
		title = c.Text
	}
	var b strings.Builder
	b.Grow(4096)
	b.WriteString("<svg")
	if o.ID == "" {
		b.WriteString(` xmlns="http://www.w3.org/2000/svg"`)
	}
	fmt.Fprintf(&b, ` class="qr" viewBox="0 0 %d %d"`, n, n)
	if o.Width > 0 {
		fmt.Fprintf(&b, ` width="%d" height="%d"`, o.Width, o.Width)
	}
	b.WriteString(` role="img" shape-rendering="crispEdges"`)
	if o.ID != "" {
		fmt.Fprintf(&b, ` aria-labelledby="%s-title`, o.ID)
		if o.Desc != "" {
			fmt.Fprintf(&b, ` %s-desc`, o.ID)
		}
		b.WriteString(`"`)
	}
	b.WriteString(">")
	b.WriteString("<title")
	if o.ID != "" {
		fmt.Fprintf(&b, ` id="%s-title"`, o.ID)
	}
	b.WriteString(">" + html.EscapeString(title) + "</title>")
	if o.Desc != "" {
		b.WriteString("<desc")
		if o.ID != "" {
			fmt.Fprintf(&b, ` id="%s-desc"`, o.ID)
		}
		b.WriteString(">" + html.EscapeString(o.Desc) + "</desc>")
	}
	// Each run of dark modules in a row is one horizontal stroke, one
	// module wide, along the row's middle; moves between runs are relative,
	// so the numbers stay small. This is about half the size of drawing
	// unit squares, and browsers and printers render it the same.
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#fff"/><path stroke="#000" d="`, n, n)
	curX, curY := -1, -1 // the pen, in modules; -1 until the first move
	for y := 0; y < c.c.Size; y++ {
		for x := 0; x < c.c.Size; {
			if !c.c.Black(x, y) {
				x++
				continue
			}
			run := 1
			for c.c.Black(x+run, y) {
				run++
			}
			// strconv rather than Fprintf: a catalogue draws tens of
			// thousands of codes, each with hundreds of runs.
			if curX < 0 {
				b.WriteByte('M')
				b.WriteString(strconv.Itoa(x + Quiet))
				b.WriteByte(' ')
				b.WriteString(strconv.Itoa(y + Quiet))
				b.WriteString(".5")
			} else {
				b.WriteByte('m')
				b.WriteString(strconv.Itoa(x - curX))
				b.WriteByte(' ')
				b.WriteString(strconv.Itoa(y - curY))
			}
			b.WriteByte('h')
			b.WriteString(strconv.Itoa(run))
			curX, curY = x+run, y
			x += run
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String()
}

// PNG draws the code with scale pixels per module (at least 1), quiet zone
// included, as a 1-bit greyscale PNG. It uses rsc.io/qr's encoder, written
// for QR codes and about 20 times faster than image/png, which matters
// when a catalogue has tens of thousands of products.
func (c *Code) PNG(scale int) ([]byte, error) {
	cp := *c.c
	cp.Scale = max(scale, 1)
	return cp.PNG(), nil
}
