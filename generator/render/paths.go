package render

import (
	"fmt"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/vntext"
)

// The site's URL scheme, in one place. Paths are relative to the site root
// and end in "/" (a folder holding index.html), so addresses are "pretty".

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

// Cover returns the product's cover photo, or nil.
func Cover(s *config.Site, p *content.Product) *Photo {
	if len(p.Photos) == 0 {
		return nil
	}
	img := p.Photos[0]
	return &Photo{URL: s.Rel(ProductImagePath(p.Slug, img.Name)), Width: img.Width, Height: img.Height, Alt: p.Name}
}
