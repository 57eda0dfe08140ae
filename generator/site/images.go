package site

import (
	"os"
	"path/filepath"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/imaging"
	"github.com/ocop-vn/ocop/generator/render"
)

// The image step publishes every product photo of a build in the widths of
// site.yaml's `images` (see generator/imaging): planned before rendering,
// so pages can name each size and its pixel dimensions in srcset, and done
// after rendering, in parallel, from the cache when the photo is unchanged.

// DefaultImageCache is the image cache folder, relative to the site folder.
const DefaultImageCache = ".ocop-cache/images"

type imageStep struct {
	proc  *imaging.Processor
	jobs  []imaging.Job
	stats imaging.Stats
}

// imageCacheDir is the cache folder for a site folder: the option, else
// $OCOP_IMAGE_CACHE, else DefaultImageCache inside the site.
func imageCacheDir(siteDir, opt string) string {
	if opt != "" {
		return opt
	}
	if env := os.Getenv("OCOP_IMAGE_CACHE"); env != "" {
		return env
	}
	return filepath.Join(siteDir, filepath.FromSlash(DefaultImageCache))
}

// planImages reads each public photo's EXIF orientation (from the cache's
// manifest when the file is unchanged), gives the product its displayed
// dimensions, and lists the variants to make. Oversized photos are
// reported here, before any page is rendered.
func (b *builder) planImages(cacheDir string) {
	s := b.cat.Site
	s.Images.Variants = true
	proc := imaging.New(imaging.Config{Widths: s.Images.Widths, Quality: s.Images.Quality, CacheDir: cacheDir})
	step := &imageStep{proc: proc}
	b.images = step

	var photos []*content.Product
	for _, p := range b.cat.Products {
		if !p.Draft && len(p.Photos) > 0 {
			photos = append(photos, p)
		}
	}
	parallel(photos, func(p *content.Product) { b.orientPhotos(proc, p) })

	for _, p := range photos {
		dir := render.ProductImagePath(p.Slug, "")
		names := map[string]string{} // output file → photo, per product
		for _, img := range p.Photos {
			if err := imaging.CheckSize(img.Width, img.Height, 0); err != nil {
				b.l.AddHint(diag.Pos{File: img.Path}, "open the photo in an image editor and export it again as JPEG, at most 40 megapixels", "photo `%s` cannot be published: %v", img.Path, err)
				continue
			}
			vs := imaging.Variants(img.Name, img.Width, img.Height, s.Images.Widths)
			outs := []string{img.Name}
			for _, v := range vs {
				outs = append(outs, v.Name)
			}
			clash := ""
			for _, o := range outs {
				if prev, dup := names[o]; dup {
					clash = prev
				}
			}
			if clash != "" {
				b.l.AddHint(diag.Pos{File: img.Path}, "rename one of the two photos",
					"photo `%s` would be published under the same names as `%s`", img.Name, clash)
				continue
			}
			for _, o := range outs {
				names[o] = img.Name
			}
			step.jobs = append(step.jobs, imaging.Job{Source: img.Path, Dir: dir, Variants: vs, Thumb: dir + img.Name})
		}
	}
}

// orientPhotos gives p's photos their displayed dimensions: a photo a
// phone stored on its side, with an EXIF tag saying so, is shown upright,
// so its width is the stored height. The product gets a new slice (a
// cached product's photos are shared with the previous load).
func (b *builder) orientPhotos(proc *imaging.Processor, p *content.Product) {
	var turned []content.Image
	for i, img := range p.Photos {
		o, err := proc.Inspect(b.site, img.Path)
		if err != nil {
			b.l.Add(diag.Pos{File: img.Path}, "cannot read: %v", err)
			continue
		}
		if !imaging.Swaps(o) {
			continue
		}
		if turned == nil {
			turned = append([]content.Image(nil), p.Photos...)
		}
		turned[i].Width, turned[i].Height = img.Height, img.Width
	}
	if turned != nil {
		p.Photos = turned
	}
}

// publishImages makes every planned variant (or takes it from the cache)
// and writes it. The smallest size is also written under the photo's own
// name, where the search page's result cards look for a thumbnail. Stale
// cache entries are pruned only after a run without problems, so a failed
// build never costs the next one its cache.
func (b *builder) publishImages() {
	step := b.images
	if step == nil {
		return
	}
	st, problems := step.proc.Run(b.site, step.jobs, b.pub.WriteRaw)
	for _, pr := range problems {
		b.l.AddHint(diag.Pos{File: pr.File}, "open the photo in an image editor and export it again as JPEG, at most 40 megapixels", "photo `%s` cannot be published: %v", pr.File, pr.Err)
	}
	if err := step.proc.Finish(len(problems) == 0 && b.l.Len() == 0); err != nil {
		b.l.WarnHint(diag.Pos{File: DefaultImageCache}, "check that the cache folder can be written, or delete it", "cannot update the image cache: %v", err)
	}
	step.stats = st
}

// imageStats is what the build's image step did.
func (b *builder) imageStats() imaging.Stats {
	if b.images == nil {
		return imaging.Stats{}
	}
	return b.images.stats
}
