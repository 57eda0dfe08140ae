package main

import (
	"bytes"
	"image"
	"image/jpeg"
	"math"
	"math/rand/v2"
)

// photo draws a w×h product "photo": a diagonal gradient between two
// colours, a disc and a band of stripes, with grain all over so it does not
// compress to nothing (about 400 KB at 1200×900), and encodes it as
// JPEG at quality 90.
func photo(r *rand.Rand, w, h int) []byte {
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	c1 := [3]float64{float64(30 + r.IntN(200)), float64(30 + r.IntN(200)), float64(30 + r.IntN(200))}
	c2 := [3]float64{float64(30 + r.IntN(200)), float64(30 + r.IntN(200)), float64(30 + r.IntN(200))}
	disc := [3]float64{float64(r.IntN(256)), float64(r.IntN(256)), float64(r.IntN(256))}
	cx, cy := (0.3+0.4*r.Float64())*float64(w), (0.3+0.4*r.Float64())*float64(h)
	rad := (0.15 + 0.2*r.Float64()) * float64(min(w, h))
	stripe := 6 + r.IntN(20)
	x := r.Uint64() | 1 // xorshift grain
	for py := range h {
		for px := range w {
			t := float64(px+py) / float64(w+h)
			var c [3]float64
			for i := range c {
				c[i] = c1[i] + (c2[i]-c1[i])*t
			}
			if dx, dy := float64(px)-cx, float64(py)-cy; dx*dx+dy*dy < rad*rad {
				shade := 0.75 + 0.25*(1-math.Sqrt(dx*dx+dy*dy)/rad)
				for i := range c {
					c[i] = disc[i] * shade
				}
			} else if py > h*3/4 && (px/stripe)%2 == 0 {
				for i := range c {
					c[i] *= 0.8
				}
			}
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			n := float64(int(x&31) - 16)
			yy := 0.299*c[0] + 0.587*c[1] + 0.114*c[2] + n
			img.Y[py*img.YStride+px] = clamp(yy)
			if px%2 == 0 && py%2 == 0 {
				ci := (py/2)*img.CStride + px/2
				img.Cb[ci] = clamp(-0.168736*c[0] - 0.331264*c[1] + 0.5*c[2] + 128 + n/4)
				img.Cr[ci] = clamp(0.5*c[0] - 0.418688*c[1] - 0.081312*c[2] + 128 + n/4)
			}
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		panic(err) // cannot fail writing to memory
	}
	return b.Bytes()
}

func clamp(v float64) uint8 {
	switch {
	case v < 0:
		return 0
	case v > 255:
		return 255
	}
	return uint8(v)
}
