package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/imaging"
	"github.com/ocop-vn/ocop/generator/vntext"
)

// The site's URL scheme, in one place. Paths are relative to the site root
// (to the edition's folder, /en/, for the pages of another language
// edition) and end in "/" (a folder holding index.html), so addresses are
// "pretty". Product photos sit once at the root for every edition.

// ProductPath is the page of a product.
func ProductPath(slug string) string { return "san-pham/" + slug + "/" }

// ProductImagePath is where a product photo is published.
func ProductImagePath(slug, name string) string { return "san-pham/" + slug + "/anh/" + name }

// ProducerPath is the page of a producer.
func ProducerPath(id string) string { return "chu-the/" + id + "/" }

// SalesPointPath is the page of a sales point.
func SalesPointPath(id string) string { return "diem-ban/" + id + "/" }

// NewsPath is the page of a news article.
func NewsPath(slug string) string { return "tin-tuc/" + slug + "/" }

// StarPath is the listing of certified products with n stars.
func StarPath(n int) string { return fmt.Sprintf("hang-sao/%d-sao/", n) }

// GroupPath is the listing of a product group.
func GroupPath(id string) string { return "nhom/" + id + "/" }

// StatusPath is the listing of products with a status.
func StatusPath(s content.Status) string { return "trang-thai/" + string(s) + "/" }

// AreaSegments folds the non-empty parts of an area, largest first, into
// URL segments.
func AreaSegments(a content.Area) []string {
	var segs []string
	for _, s := range []string{a.Province, a.District, a.Commune} {
		if slug := vntext.Slug(s); slug != "" {
			segs = append(segs, slug)
		}
	}
	return segs
}

// PagedPath is page n of a paginated listing at base ("san-pham/").
func PagedPath(base string, n int) string {
	if n <= 1 {
		return base
	}
	return fmt.Sprintf("%strang/%d/", base, n)
}

// Cover returns the product's cover photo with alt text alt, or nil.
func Cover(s *config.Site, p *content.Product, alt string) *Photo {
	if len(p.Photos) == 0 {
		return nil
	}
	ph := ProductPhoto(s, p.Slug, p.Photos[0], alt)
	return &ph
}

// ProductPhoto is a product photo as pages show it. When the build
// publishes photos in several widths (s.Images.Variants), URL is the largest
// and Srcset lists them all; otherwise (the preview) URL is the original.
func ProductPhoto(s *config.Site, slug string, img content.Image, alt string) Photo {
	ph := Photo{URL: s.Asset(ProductImagePath(slug, img.Name)), Width: img.Width, Height: img.Height, Alt: alt}
	if !s.Images.Variants {
		return ph
	}
	vs := imaging.Variants(img.Name, img.Width, img.Height, s.Images.Widths)
	if len(vs) == 0 {
		return ph
	}
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s.Asset(ProductImagePath(slug, v.Name)))
		b.WriteString(" " + strconv.Itoa(v.Width) + "w")
	}
	top := vs[len(vs)-1]
	ph.URL, ph.Width, ph.Height, ph.Srcset = s.Asset(ProductImagePath(slug, top.Name)), top.Width, top.Height, b.String()
	return ph
}
