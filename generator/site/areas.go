package site

import (
	"sort"
	"strconv"
	"strings"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/render"
	"github.com/ocop-vn/ocop/generator/vntext"
)

// areaNode is one administrative unit as the data names it: a province, a
// district under it, or a commune under either (communes sit directly under
// the province in records made after the 2025 reform).
type areaNode struct {
	path     string // "dia-ban/thanh-hoa/huyen-trieu-son/"
	name     string // as printed in the first file that named it
	key      string // name folded, for sorting
	names    []string
	products []*content.Product // public products here and below
	children map[string]*areaNode
}

// areaTree groups public products by area, largest unit first, under the
// units of today (content/areas.yaml) where their printed address is of
// units since merged.
func areaTree(public []*content.Product) *areaNode {
	root := &areaNode{path: "dia-ban/", children: map[string]*areaNode{}}
	// A catalogue names a few hundred units thousands of times; slug each
	// name once.
	slugs := map[string]string{}
	slug := func(name string) string {
		s, ok := slugs[name]
		if !ok {
			s = vntext.Slug(name)
			slugs[name] = s
		}
		return s
	}
	for _, p := range public {
		root.products = append(root.products, p)
		node := root
		a := p.Here()
		for _, name := range []string{a.Province, a.District, a.Commune} {
			seg := slug(name)
			if seg == "" {
				continue
			}
			child, ok := node.children[seg]
			if !ok {
				child = &areaNode{path: node.path + seg + "/", name: name, key: vntext.Fold(name), names: append(append([]string(nil), node.names...), name), children: map[string]*areaNode{}}
				node.children[seg] = child
			}
			child.products = append(child.products, p)
			node = child
		}
	}
	return root
}

func (n *areaNode) sortedChildren() []*areaNode {
	out := make([]*areaNode, 0, len(n.children))
	for _, c := range n.children {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

func (e *edition) childLinks(n *areaNode) []render.Link {
	var links []render.Link
	for _, c := range n.sortedChildren() {
		links = append(links, render.Link{Name: c.name, URL: e.site.Rel(c.path), Count: len(c.products), Lang: e.r.Source()})
	}
	return links
}

// paths lists the listing page of n and every unit below it.
func (n *areaNode) paths(into map[string]bool) map[string]bool {
	into[n.path] = true
	for _, c := range n.children {
		c.paths(into)
	}
	return into
}

// topAreas are the areas offered in the browse menu: the provinces, or the
// units of the only province when the site covers one.
func (e *edition) topAreas(root *areaNode) []render.Link {
	if len(root.children) == 1 {
		for _, only := range root.children {
			if len(only.children) > 0 {
				return e.childLinks(only)
			}
		}
	}
	return e.childLinks(root)
}

// areaPages emits the listing of every area at every level.
func (e *edition) areaPages(root *areaNode, nav []render.NavGroup, add func(string, string, func() *render.Page)) {
	var walk func(n *areaNode)
	walk = func(n *areaNode) {
		heading := e.r.MustT("list.areas")
		crumbs := e.crumbs(heading)
		if len(n.names) > 0 {
			reversed := make([]string, len(n.names))
			for i, name := range n.names {
				reversed[len(n.names)-1-i] = name
			}
			heading = e.r.MustT("list.area", strings.Join(reversed, ", "))
			crumbs = e.crumbs(e.r.MustT("nav.areas"), "dia-ban/")
			p := "dia-ban/"
			for i, name := range n.names {
				p += vntext.Slug(name) + "/"
				c := render.Crumb{Name: name, Lang: e.r.Source()}
				if i < len(n.names)-1 {
					c.URL = e.site.Rel(p)
				}
				crumbs = append(crumbs, c)
			}
		}
		items := n.products // in the order of the sorted public list
		children := e.childLinks(n)
		e.paginate(n.path, items, func(num int, pager *render.Pager, page []*content.Product) *render.Page {
			// The sub-areas are listed on the area's first page only: a
			// province's later pages are about its products, and repeating
			// 63 provinces on each of the country's 800 pages was a tenth
			// of its weight.
			if num > 1 {
				return e.list(pager, num, n.path, heading, page, len(items), nav, nil, crumbs)
			}
			return e.list(pager, num, n.path, heading, page, len(items), nav, children, crumbs)
		}, add)
		for _, c := range n.sortedChildren() {
			walk(c)
		}
	}
	walk(root)
}

func itoa(i int) string { return strconv.Itoa(i) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
