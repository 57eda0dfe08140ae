// Package content loads a catalogue site's files into a typed, checked
// Catalog. It is the contract with programme staff:
//
//	products/**/<slug>/product.yaml   a product (folders may nest to any depth;
//	                                  the slug is the product folder's name)
//	products/**/<slug>/story.md       the product story, Markdown
//	products/**/<slug>/images/*       photos; the first is the cover
//	products/**/<slug>/scores/*.yaml  evaluation rounds and decisions
//	content/producers/<id>.yaml       producers (chủ thể)
//	content/sales-points/<id>.yaml    sales points (điểm bán)
//	content/news/<yyyy-mm-dd>-<slug>.md  news, YAML front matter + Markdown
//	content/pages/<slug>.md           free pages, YAML front matter + Markdown
//
// A multilingual site (site.yaml `languages: [vi, en]`) gives English text
// beside the Vietnamese: `name_en` and `summary_en` in product.yaml,
// products/**/<slug>/story.en.md, `name_en` and `description_en` of
// producers and sales points, and content/news/<name>.en.md and
// content/pages/<slug>.en.md beside the file they translate. Where there is
// none, the English edition shows the Vietnamese text.
//
// Every key of every file is listed on the struct that decodes it below;
// unknown keys are errors. Fields tagged intern:"true" hold values that
// many files repeat (places, councils, criteria sets); yamlx keeps one
// copy of each such value. Text is normalised to Unicode NFC on load. Load
// never stops at the first problem: it returns the catalogue together with
// every problem found, each with file, line and column.
package content

import (
	"io/fs"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/rubric"
	"github.com/ocop-vn/ocop/generator/scoring"
	"github.com/ocop-vn/ocop/generator/yamlx"
	"gopkg.in/yaml.v3"
)

// Area is an address as printed at recognition: free text, no fixed
// hierarchy, because administrative units were merged in 2025 and older
// records keep their old names.
type Area struct {
	Commune  string `yaml:"commune" intern:"true"`
	District string `yaml:"district" intern:"true"`
	Province string `yaml:"province" intern:"true"`
}

// Product is products/**/<slug>/product.yaml plus what the loader derives.
type Product struct {
	Name         string   `yaml:"name" required:"true"`
	NameEN       string   `yaml:"name_en"`
	Group        string   `yaml:"group" intern:"true"`
	Subgroup     string   `yaml:"subgroup" intern:"true"`
	Producer     string   `yaml:"producer" required:"true" intern:"true"`
	Area         Area     `yaml:"area"`
	Summary      string   `yaml:"summary"`
	SummaryEN    string   `yaml:"summary_en"`
	Images       []string `yaml:"images"`
	Specs        []string `yaml:"specs"`
	Standards    []string `yaml:"standards" intern:"true"`
	Traceability string   `yaml:"traceability"`
	Price        string   `yaml:"price"`
	SoldAt       []string `yaml:"sold_at" intern:"true"`
	Tags         []string `yaml:"tags" intern:"true"`
	Draft        bool     `yaml:"draft"`

	Slug string // the folder name, which is the URL segment
	// SortName is the folded name listings sort by, computed once.
	SortName string
	Dir      string // the folder, relative to the site root
	File     string // Dir + "/product.yaml"
	Story    Text   // story.md (empty when absent)
	// StoryEN is story.en.md, the English story (empty when absent).
	StoryEN     Text
	Photos      []Image
	Evaluations []*Evaluation // oldest first
	Cert        Certificate
	// Rubric is the criteria set the product is classified under: that of
	// its newest evaluation, else the site's default.
	Rubric       *rubric.Set
	GroupName    string
	SubgroupName string
	// GroupNameEN and SubgroupNameEN are the English names the criteria
	// set gives, if any.
	GroupNameEN    string
	SubgroupNameEN string
	// Now is the product's area today when content/areas.yaml maps the
	// printed one to merged units; nil when unchanged.
	Now           *Area
	ProducerRef   *Producer
	SalesPointRef []*SalesPoint
	News          []*News // related news, newest first

	pos yamlx.Positions // where references were written, for link
}

// Image is one photo of a product, checked to exist and to be an image.
type Image struct {
	Path   string // relative to the site root
	Name   string // file name
	Width  int
	Height int
}

// Evaluation is one council round: products/**/<slug>/scores/*.yaml.
type Evaluation struct {
	Rubric   string               `yaml:"rubric" intern:"true"`
	Form     string               `yaml:"form" intern:"true"`
	Level    string               `yaml:"level" intern:"true"`
	Council  string               `yaml:"council" intern:"true"`
	Date     yamlx.Date           `yaml:"date"`
	Sheets   []map[string]float64 `yaml:"sheets"`
	Total    *float64             `yaml:"total"`
	Decision *Decision            `yaml:"decision"`
	// Result states the round's outcome where the record gives it without
	// points: cong-nhan, chua-cong-nhan or khong-dat.
	Result  string      `yaml:"result" intern:"true"`
	Revoked *Revocation `yaml:"revoked"`

	File string
	// Average is the mean of the members' totals, or Total; HasScore says
	// whether either is known.
	Average  float64
	HasScore bool
	Set      *rubric.Set
	FormRef  *rubric.Form
	// Score is the computed outcome: breakdown, star, recognised or not.
	// A full site load drops the raw sheets and per-sheet breakdowns once
	// checked, since a national catalogue holds hundreds of thousands of
	// them, and keeps the council's mean breakdown packed in MeanPoints
	// (see Mean) instead of in Score.Mean.
	Score scoring.Result
	// MeanPoints is Score.Mean packed (scoring.Pack) by a site load.
	MeanPoints []float64
	// SheetCount is how many members' sheets the round had.
	SheetCount int
	// Outcome is Score.Outcome where points are on record, else the stated
	// Result, else what the decision implies.
	Outcome scoring.Outcome

	node *yaml.Node
}

// Mean is the council's average breakdown by part, section and criterion;
// empty when only a total is on record.
func (e *Evaluation) Mean() scoring.Breakdown {
	if len(e.Score.Mean.Parts) > 0 {
		return e.Score.Mean
	}
	return scoring.Unpack(e.FormRef, e.MeanPoints)
}

// Decision is the recognition decision issued after an evaluation.
type Decision struct {
	Number     string     `yaml:"number"`
	Date       yamlx.Date `yaml:"date"`
	Issuer     string     `yaml:"issuer" intern:"true"`
	Star       int        `yaml:"star"`
	ValidUntil yamlx.Date `yaml:"valid_until"`
}

// Revocation is a decision withdrawing a recognition before it expires.
type Revocation struct {
	Number string     `yaml:"number"`
	Date   yamlx.Date `yaml:"date" required:"true"`
	Issuer string     `yaml:"issuer" intern:"true"`
	Reason string     `yaml:"reason"`
}

// Levels lists the council level ids a score file may name, with their
// Vietnamese names.
var Levels = map[string]string{
	"xa":         "Cấp xã",
	"huyen":      "Cấp huyện",
	"tinh":       "Cấp tỉnh",
	"trung-uong": "Cấp Trung ương",
}

// Producer is content/producers/<id>.yaml.
type Producer struct {
	Name           string `yaml:"name" required:"true"`
	NameEN         string `yaml:"name_en"`
	Kind           string `yaml:"kind" intern:"true"`
	Address        string `yaml:"address"`
	Area           Area   `yaml:"area"`
	Phone          string `yaml:"phone"`
	Email          string `yaml:"email"`
	Website        string `yaml:"website"`
	Representative string `yaml:"representative"`
	Description    string `yaml:"description"`
	DescriptionEN  string `yaml:"description_en"`

	ID       string
	File     string
	Products []*Product // public products, best star first
}

// ProducerKinds lists the producer kind ids with their Vietnamese names.
var ProducerKinds = map[string]string{
	"hop-tac-xa":    "Hợp tác xã",
	"doanh-nghiep":  "Doanh nghiệp",
	"to-hop-tac":    "Tổ hợp tác",
	"ho-kinh-doanh": "Hộ kinh doanh",
}

// SalesPoint is content/sales-points/<id>.yaml.
type SalesPoint struct {
	Name          string `yaml:"name" required:"true"`
	NameEN        string `yaml:"name_en"`
	Kind          string `yaml:"kind" intern:"true"`
	Address       string `yaml:"address"`
	Area          Area   `yaml:"area"`
	Geo           *Geo   `yaml:"geo"`
	Phone         string `yaml:"phone"`
	Hours         string `yaml:"hours"`
	Website       string `yaml:"website"`
	Description   string `yaml:"description"`
	DescriptionEN string `yaml:"description_en"`

	ID       string
	File     string
	Products []*Product
}

// Geo is a WGS 84 coordinate.
type Geo struct {
	Lat float64 `yaml:"lat" required:"true"`
	Lng float64 `yaml:"lng" required:"true"`
}

// SalesPointKinds lists the sales point kind ids with their Vietnamese names.
var SalesPointKinds = map[string]string{
	"showroom": "Điểm giới thiệu và bán sản phẩm",
	"cua-hang": "Cửa hàng",
	"hoi-cho":  "Gian hàng hội chợ",
	"online":   "Cửa hàng trực tuyến",
}

// News is content/news/<yyyy-mm-dd>-<slug>.md.
type News struct {
	Title    string     `yaml:"title" required:"true"`
	Date     yamlx.Date `yaml:"date"`
	Summary  string     `yaml:"summary"`
	Image    string     `yaml:"image"`
	Tags     []string   `yaml:"tags" intern:"true"`
	Products []string   `yaml:"products" intern:"true"`
	Draft    bool       `yaml:"draft"`

	Slug        string
	File        string
	Body        Text
	ProductRefs []*Product
	ImagePath   string // Image resolved relative to the site root
	// EN is the English version, content/news/<name>.en.md; nil if none.
	EN *NewsTranslation

	pos yamlx.Positions // where references were written, for link
}

// NewsTranslation is the English version of a news article:
// content/news/<name>.en.md beside the article's <name>.md, with its own
// title, summary and body. The date, image, tags, related products and
// draft flag are the article's.
type NewsTranslation struct {
	Title   string `yaml:"title" required:"true"`
	Summary string `yaml:"summary"`

	File string
	Body Text
}

// Page is content/pages/<slug>.md.
type Page struct {
	Title string `yaml:"title" required:"true"`
	Menu  int    `yaml:"menu"`
	Draft bool   `yaml:"draft"`

	Slug string
	File string
	Body Text
	// EN is the English version, content/pages/<slug>.en.md; nil if none.
	EN *PageTranslation
}

// PageTranslation is the English version of a free page:
// content/pages/<slug>.en.md beside <slug>.md. The menu place and draft
// flag are the page's.
type PageTranslation struct {
	Title string `yaml:"title" required:"true"`

	File string
	Body Text
}

// Catalog is everything a site holds, loaded and cross-checked.
type Catalog struct {
	Site    *config.Site
	Rubrics *rubric.Registry

	Products    []*Product // every product, drafts included, by slug
	Producers   []*Producer
	SalesPoints []*SalesPoint
	News        []*News // newest first, drafts included
	Pages       []*Page

	// AreaChanges is content/areas.yaml.
	AreaChanges []AreaChange

	ProductBySlug  map[string]*Product
	ProducerByID   map[string]*Producer
	SalesPointByID map[string]*SalesPoint

	// fsys is the site folder, which Text reads stories and articles from.
	fsys fs.FS
}
