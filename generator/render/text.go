package render

import (
	"github.com/ocop-vn/ocop/generator/content"
)

// Text is staff-written text as an edition shows it: S in the edition's
// language when the files give it, else in the content language, with Lang
// set to that language so the layout can mark it (lang="vi"). Lang is ""
// when the text is in the edition's language.
type Text struct {
	S    string
	Lang string
}

// english reports whether the edition shows the English texts of the files
// (name_en, story.en.md, …).
func (r *Renderer) english() bool { return r.lang == "en" }

// pick returns en when the edition shows English and en is given, else the
// original text, marked when the edition is not in the content language.
func (r *Renderer) pick(orig, en string) *Text {
	if r.english() && en != "" {
		return &Text{S: en}
	}
	if orig == "" {
		return nil
	}
	return &Text{S: orig, Lang: r.source}
}

// Name is the name or title of a product, producer, sales point, news
// article or free page in the edition's language. It is never nil for
// those kinds.
func (r *Renderer) Name(v any) *Text {
	var t *Text
	switch v := v.(type) {
	case *content.Product:
		t = r.pick(v.Name, v.NameEN)
	case *content.Producer:
		t = r.pick(v.Name, v.NameEN)
	case *content.SalesPoint:
		t = r.pick(v.Name, v.NameEN)
	case *content.News:
		en := ""
		if v.EN != nil {
			en = v.EN.Title
		}
		t = r.pick(v.Title, en)
	case *content.Page:
		en := ""
		if v.EN != nil {
			en = v.EN.Title
		}
		t = r.pick(v.Title, en)
	}
	if t == nil {
		return &Text{Lang: r.source}
	}
	return t
}

// Summary is the summary of a product or news article, or the description
// of a producer or sales point, in the edition's language; nil when there
// is none.
func (r *Renderer) Summary(v any) *Text {
	switch v := v.(type) {
	case *content.Product:
		return r.pick(v.Summary, v.SummaryEN)
	case *content.Producer:
		return r.pick(v.Description, v.DescriptionEN)
	case *content.SalesPoint:
		return r.pick(v.Description, v.DescriptionEN)
	case *content.News:
		en := ""
		if v.EN != nil {
			en = v.EN.Summary
		}
		return r.pick(v.Summary, en)
	}
	return nil
}

// GroupName is the name of a product's group in the edition's language,
// from the criteria set; nil when the product has no group.
func (r *Renderer) GroupName(p *content.Product) *Text {
	return r.pick(p.GroupName, p.GroupNameEN)
}

// SubgroupName is GroupName for the product's subgroup.
func (r *Renderer) SubgroupName(p *content.Product) *Text {
	return r.pick(p.SubgroupName, p.SubgroupNameEN)
}

// Story is a product's story in the edition's language and its language
// mark ("" or the content language). The catalogue reads the text
// (content.Catalog.Text).
func (r *Renderer) Story(p *content.Product) (story content.Text, lang string) {
	if r.english() && !p.StoryEN.Empty() {
		return p.StoryEN, ""
	}
	return p.Story, r.source
}

// Lang is the edition's language.
func (r *Renderer) Lang() string { return r.lang }

// Source is the language mark of text in the content language: "" in the
// default edition, the content language ("vi") in the others.
func (r *Renderer) Source() string { return r.source }

// kind is the interface string of an id (a producer kind, a council
// level), or "" for an unknown id, which the loader has reported.
func (r *Renderer) kind(prefix, id string) string {
	if id == "" {
		return ""
	}
	return r.strings[prefix+id]
}

// SiteLang is the language mark of one of site.yaml's texts ("title",
// "menu", "contact", "footer") in this edition: the content language when
// the edition shows it untranslated, else "".
func (r *Renderer) SiteLang(field string) string {
	if r.site.Untranslated[field] {
		return r.source
	}
	return ""
}

// Body is the body of a news article or free page in the edition's
// language and its language mark ("" or the content language).
func (r *Renderer) Body(v any) (body content.Text, lang string) {
	switch v := v.(type) {
	case *content.News:
		if r.english() && v.EN != nil {
			return v.EN.Body, ""
		}
		return v.Body, r.source
	case *content.Page:
		if r.english() && v.EN != nil {
			return v.EN.Body, ""
		}
		return v.Body, r.source
	}
	return content.Text{}, ""
}
