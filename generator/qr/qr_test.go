package qr

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	gozxingqr "github.com/makiuchi-d/gozxing/qrcode"
)

var urls = []string{
	"https://ocop.thanhhoa.example/san-pham/tra-xanh-tui-loc-binh-son/",
	"https://so-nn.thanhhoa.example/ocop/diem-ban/diem-ocop-91-nguyen-chi-thanh/",
	"/san-pham/che-a/",
}

// decode reads a QR code back with ZXing's Go port, a decoder independent
// of the encoder.
func decode(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmap(gozxing.NewHybridBinarizer(gozxing.NewLuminanceSourceFromImage(img)))
	if err != nil {
		t.Fatal(err)
	}
	res, err := gozxingqr.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true})
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	return res.GetText()
}

func TestPNGDecodesToText(t *testing.T) {
	for _, u := range urls {
		c, err := Encode(u)
		if err != nil {
			t.Fatal(err)
		}
		data, err := c.PNG(6)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if got := decode(t, img); got != u {
			t.Errorf("PNG decodes to %q, want %q", got, u)
		}
		if w := img.Bounds().Dx(); w != (c.Size()+2*Quiet)*6 {
			t.Errorf("PNG width %d, want %d", w, (c.Size()+2*Quiet)*6)
		}
	}
}

var pathRE = regexp.MustCompile(`<path stroke="#000" d="([^"]*)"`)

// strokeRE is one command of the path: an absolute or relative move, or a
// horizontal line.
var strokeRE = regexp.MustCompile(`([Mmh])(-?\d+(?:\.5)?)(?: (-?\d+(?:\.5)?))?`)

// rasterize draws an SVG made by SVG (one-module-wide horizontal strokes
// along row middles) at scale pixels per module, as a browser would.
func rasterize(t *testing.T, svg string, scale int) image.Image {
	t.Helper()
	m := regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`).FindStringSubmatch(svg)
	if m == nil {
		t.Fatal("no viewBox")
	}
	n, _ := strconv.Atoi(m[1])
	img := image.NewGray(image.Rect(0, 0, n*scale, n*scale))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	d := pathRE.FindStringSubmatch(svg)
	if d == nil {
		t.Fatal("no path")
	}
	var x, y float64 // y is the row's middle
	for _, c := range strokeRE.FindAllStringSubmatch(d[1], -1) {
		a, _ := strconv.ParseFloat(c[2], 64)
		b, _ := strconv.ParseFloat(c[3], 64)
		switch c[1] {
		case "M":
			x, y = a, b
		case "m":
			x, y = x+a, y+b
		case "h":
			row := int(y - 0.5)
			for px := int(x) * scale; px < int(x+a)*scale; px++ {
				for py := row * scale; py < (row+1)*scale; py++ {
					img.SetGray(px, py, color.Gray{})
				}
			}
			x += a
		}
	}
	return img
}

func TestSVGDecodesToText(t *testing.T) {
	for _, u := range urls {
		c, err := Encode(u)
		if err != nil {
			t.Fatal(err)
		}
		svg := c.SVG(SVGOptions{})
		if got := decode(t, rasterize(t, svg, 5)); got != u {
			t.Errorf("SVG decodes to %q, want %q", got, u)
		}
	}
}

// wellFormed parses s as XML to the end.
func wellFormed(t *testing.T, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		if _, err := d.Token(); err == io.EOF {
			return
		} else if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, s)
		}
	}
}

func TestSVGWellFormedAccessibleDeterministic(t *testing.T) {
	c, err := Encode(urls[0])
	if err != nil {
		t.Fatal(err)
	}
	file := c.SVG(SVGOptions{Title: `Mã QR "Trà xanh" <Bình Sơn>`, Desc: "Quét & xem", Width: 160})
	wellFormed(t, file)
	for _, want := range []string{`xmlns="http://www.w3.org/2000/svg"`, `role="img"`, `width="160"`, `<title>Mã QR &#34;Trà xanh&#34; &lt;Bình Sơn&gt;</title>`, `<desc>Quét &amp; xem</desc>`} {
		if !strings.Contains(file, want) {
			t.Errorf("standalone SVG lacks %s", want)
		}
	}
	inline := c.SVG(SVGOptions{ID: "qr-1", Desc: "d"})
	wellFormed(t, inline)
	for _, want := range []string{`aria-labelledby="qr-1-title qr-1-desc"`, `<title id="qr-1-title">` + urls[0] + `</title>`, `<desc id="qr-1-desc">d</desc>`} {
		if !strings.Contains(inline, want) {
			t.Errorf("inline SVG lacks %s:\n%s", want, inline)
		}
	}
	if strings.Contains(inline, "xmlns") {
		t.Error("inline SVG carries a namespace it does not need")
	}
	again, _ := Encode(urls[0])
	if again.SVG(SVGOptions{ID: "qr-1", Desc: "d"}) != inline {
		t.Error("SVG differs between two runs")
	}
	p1, _ := c.PNG(4)
	p2, _ := again.PNG(4)
	if !bytes.Equal(p1, p2) {
		t.Error("PNG differs between two runs")
	}
}

func TestEncodeTooLong(t *testing.T) {
	if _, err := Encode(strings.Repeat("x", 5000)); err == nil {
		t.Error("5000 bytes encoded")
	}
}
