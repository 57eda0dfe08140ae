package render

import (
	"html/template"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/yamlx"
)

// Page is what every layout receives as its dot. Fields common to all pages
// sit here; the kind-specific view is in Data (see the types below and the
// table in the package comment).
type Page struct {
	Site *config.Site
	// Kind is the layout name without ".html": "home", "list", "product"…
	Kind string
	// Path is the page's output path relative to the site root, e.g.
	// "san-pham/che-sach-binh-son/index.html".
	Path string
	// URL is the page's root-relative address (under the base path);
	// Canonical is absolute when base_url is.
	URL       string
	Canonical string
	Title     string
	// Description is the meta description and Open Graph description.
	Description string
	// Image is the absolute (or root-relative) Open Graph image, if any.
	Image  string
	OGType string // "website" or "article"
	// JSONLD is schema.org data; html/template JSON-encodes it safely inside
	// <script type="application/ld+json">.
	JSONLD      any
	Breadcrumbs []Crumb
	Menu        []MenuLink
	// NoIndex marks pages (404) that must not be indexed.
	NoIndex bool
	// Editions lists the page in every language edition of a
	// multilingual site, this one marked Current, for the hreflang links
	// and the language switcher; XDefault is the default edition's
	// address. Both are empty on a single-language site.
	Editions []EditionLink
	XDefault string
	Data     any
}

// EditionLink is a page in one language edition.
type EditionLink struct {
	Lang   string // "vi", "en"
	Name   string // the language's own name: "Tiếng Việt", "English"
	Locale string // Open Graph locale: "vi_VN", "en_US"
	// URL is the page's root-relative address, for links; Href is its
	// canonical one (absolute when base_url is), for hreflang.
	URL, Href string
	Current   bool
}

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Name string
	URL  string // "" for the current page
	Lang string // language mark of Name, as Text.Lang
}

// MenuLink is one main-menu entry with whether it is the current section.
type MenuLink struct {
	Title   string
	URL     string
	Current bool
	Lang    string // language mark of Title, as Text.Lang
}

// Link is a named link with a count, used for listing navigation (stars,
// groups, areas, statuses).
type Link struct {
	Name    string
	URL     string
	Count   int
	Current bool
	// Gap marks a pager link that follows skipped page numbers.
	Gap bool
	// Lang is the language mark of Name, as Text.Lang.
	Lang string
}

// Pager describes the position of a listing page among its siblings.
type Pager struct {
	Page, Pages int
	Prev, Next  string // "" at the ends
	First, Last string
	Links       []Link // one per page number, Current marked
}

// HomeData is the view of the home page.
type HomeData struct {
	Certified int
	Stars     []Link // one per star 5, 4, 3 with counts
	Groups    []Link
	Featured  []*content.Product
	News      []*content.News
	Intro     template.HTML
}

// ListData is the view of every product listing: the catalogue, a star, a
// group, an area, a status.
type ListData struct {
	Heading  string
	Intro    string
	Products []*content.Product
	Total    int
	// Nav groups links to sibling listings: {"Hạng sao": [...], ...}.
	Nav []NavGroup
	// Children are sub-listings (districts of a province, communes…).
	Children []Link
	Pager    *Pager
}

// NavGroup is a titled list of links.
type NavGroup struct {
	Title string
	Links []Link
}

// ProductData is the view of a product page.
type ProductData struct {
	P     *content.Product
	Story template.HTML
	// StoryLang is the language mark of Story, as Text.Lang.
	StoryLang string
	// Photos carries the output URLs of the product's photos, cover first.
	Photos []Photo
	// Evaluations is the history, newest first.
	Evaluations []*content.Evaluation
	Related     []*content.Product // same producer, other products
	// QR is the code of the page's address, nil when the site has no
	// absolute base_url (a code must hold a full address to be scanned).
	QR *QRCode
}

// QRCode is a page's QR code: inline SVG and the downloadable files.
type QRCode struct {
	// Target is the address the code holds; Title and Desc the inline
	// code's accessible name and description.
	Target, Title, Desc string
	// SVGURL and PNGURL are the downloadable files.
	SVGURL, PNGURL string
	// draw makes the inline SVG. It runs when the page is rendered, not
	// when its view is made: an incremental build makes the views of all
	// pages to fingerprint them, and the fields above say all the code
	// depends on.
	draw func() template.HTML
}

// NewQRCode returns a code whose inline SVG draw makes on demand.
func NewQRCode(target, title, desc, svgURL, pngURL string, draw func() template.HTML) *QRCode {
	return &QRCode{Target: target, Title: title, Desc: desc, SVGURL: svgURL, PNGURL: pngURL, draw: draw}
}

// SVG is the inline code.
func (q *QRCode) SVG() template.HTML {
	if q.draw == nil {
		return ""
	}
	return q.draw()
}

// Photo is an output image. URL is its largest published size and Width
// and Height its displayed size; Srcset lists every published width
// ("…/anh/01-bia-320.jpg 320w, …") when the build publishes several, for the
// template to pair with a `sizes` that fits its layout.
type Photo struct {
	URL           string
	Width, Height int
	Alt           string
	Srcset        string
}

// ProducerData is the view of a producer page.
type ProducerData struct {
	P *content.Producer
}

// SalesPointData is the view of a sales-point page.
type SalesPointData struct {
	S      *content.SalesPoint
	MapURL string
	QR     *QRCode // as on ProductData
}

// DirectoryData lists producers or sales points.
type DirectoryData struct {
	Heading     string
	Producers   []*content.Producer
	SalesPoints []*content.SalesPoint
}

// NewsListData is the view of the paginated news list.
type NewsListData struct {
	News  []*content.News
	Pager *Pager
	Feed  string
}

// ArticleData is the view of a news article or free page.
type ArticleData struct {
	News *content.News // nil for a free page
	Page *content.Page // nil for news
	Body template.HTML
	// BodyLang is the language mark of Body, as Text.Lang.
	BodyLang string
}

// SearchData is the view of the search page (the no-JavaScript fallback
// lists ways to browse).
type SearchData struct {
	Nav []NavGroup
}

// StatsData is the view of the statistics page: figures as of Date, one
// chart per figure with its numbers as a table, and the open data files.
type StatsData struct {
	Date     yamlx.Date
	Products int
	// Statuses are the products by status, linked to their listings.
	Statuses []Link
	Charts   []StatsChart
	// Expiring are the products whose certificate ends within the
	// expiring chart's months, soonest first.
	Expiring  []*content.Product
	Downloads []Download
}

// StatsChart is one figure: an inline SVG chart drawn at build time and
// the same numbers as rows of a table.
type StatsChart struct {
	ID, Title string
	SVG       template.HTML
	// Head names the table's first column; Series the value columns.
	Head   string
	Series []string
	Rows   []StatsRow
}

// StatsRow is one row of a chart's table.
type StatsRow struct {
	Label  string
	URL    string // "" when the category has no page
	Values []int
}

// Download is an open data file.
type Download struct {
	Title, URL, Format, Description string
}
