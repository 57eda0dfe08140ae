package qr

import "testing"

const benchURL = "https://so-nn.thanhhoa.example/ocop/san-pham/mat-ong-bon-mua-hoa-rung-nguyen-chat/"

func BenchmarkEncode(b *testing.B) {
	for b.Loop() {
		Encode(benchURL)
	}
}

func BenchmarkSVG(b *testing.B) {
	c, _ := Encode(benchURL)
	for b.Loop() {
		c.SVG(SVGOptions{ID: "qr"})
	}
}

func BenchmarkPNG(b *testing.B) {
	c, _ := Encode(benchURL)
	for b.Loop() {
		c.PNG(10)
	}
}
