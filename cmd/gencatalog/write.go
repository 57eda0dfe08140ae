package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ocop-vn/ocop/generator/vntext"
)

// writer writes files on several goroutines; the content of every file is
// decided before it is queued, so the tree does not depend on scheduling.
type writer struct {
	root  string
	work  chan func() error
	wg    sync.WaitGroup
	mu    sync.Mutex
	err   error
	dirs  sync.Map
	files int
	bytes int64
}

func newWriter(root string, workers int) *writer {
	w := &writer{root: root, work: make(chan func() error, 256)}
	for range workers {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			for f := range w.work {
				if err := f(); err != nil {
					w.mu.Lock()
					if w.err == nil {
						w.err = err
					}
					w.mu.Unlock()
				}
			}
		}()
	}
	return w
}

func (w *writer) file(rel string, data []byte) {
	w.mu.Lock()
	w.files++
	w.bytes += int64(len(data))
	w.mu.Unlock()
	w.work <- func() error { return w.write(rel, data) }
}

// later queues a file whose bytes are made on the worker (photos).
func (w *writer) later(rel string, make func() []byte) {
	w.work <- func() error {
		data := make()
		w.mu.Lock()
		w.files++
		w.bytes += int64(len(data))
		w.mu.Unlock()
		return w.write(rel, data)
	}
}

func (w *writer) write(rel string, data []byte) error {
	full := filepath.Join(w.root, filepath.FromSlash(rel))
	dir := filepath.Dir(full)
	if _, ok := w.dirs.Load(dir); !ok {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		w.dirs.Store(dir, true)
	}
	return os.WriteFile(full, data, 0o644)
}

func (w *writer) close() error {
	close(w.work)
	w.wg.Wait()
	return w.err
}

// y is a YAML scalar: plain when unambiguous, else double-quoted.
func y(s string) string {
	if plainOK(s) {
		return s
	}
	return q(s)
}

var yamlSpecial = regexp.MustCompile(`(?i)^(~|null|true|false|yes|no|on|off|y|n|[-+]?[0-9._:eE+-]+|\.(inf|nan))$`)

func plainOK(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || yamlSpecial.MatchString(s) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	if strings.ContainsAny(s, "#:{}[]&*!|>'\"%@`\n\t\\") {
		return false
	}
	return !strings.HasSuffix(s, ":")
}

// q is a double-quoted YAML scalar.
func q(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func ylist(xs []string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = y(x)
		if strings.ContainsAny(out[i], ",") && out[i][0] != '"' {
			out[i] = q(x)
		}
	}
	return "[" + strings.Join(out, ", ") + "]"
}

func date(t time.Time) string { return t.Format("2006-01-02") }

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func areaYAML(b *strings.Builder, indent string, a area) {
	fmt.Fprintf(b, "%sarea:\n%s  commune: %s\n%s  district: %s\n%s  province: %s\n", indent, indent, y(a.commune), indent, y(a.district), indent, y(a.province))
}

// emit writes the catalogue as a site folder.
func (g *gen) emit(w *writer) {
	w.file("site.yaml", []byte(`# Synthetic OCOP catalogue written by cmd/gencatalog (seed `+strconv.FormatUint(g.cfg.Seed, 10)+`, `+
		strconv.Itoa(g.cfg.N)+` products, statuses planned for --now `+date(g.cfg.Now)+`). Not real records.
title: Sản phẩm OCOP Việt Nam (dữ liệu tổng hợp)
base_url: https://ocop.example.vn/
language: vi
area:
  note: toàn quốc (dữ liệu tổng hợp để đo hiệu năng)
rubric: qd148-2023
per_page: 24
contact: Văn phòng Điều phối Chương trình OCOP (dữ liệu tổng hợp)
footer: Dữ liệu tổng hợp, không phải hồ sơ thật. Sinh bởi cmd/gencatalog.
`))
	for _, p := range g.products {
		g.emitProduct(w, p)
	}
	for _, p := range g.producers {
		var b strings.Builder
		fmt.Fprintf(&b, "name: %s\nkind: %s\naddress: %s\n", y(p.name), p.kind, y(p.address))
		areaYAML(&b, "", p.area)
		fmt.Fprintf(&b, "phone: %s\nemail: %s\n", q(p.phone), y(p.email))
		if p.website != "" {
			fmt.Fprintf(&b, "website: %s\n", p.website)
		}
		if p.rep != "" {
			fmt.Fprintf(&b, "representative: %s\n", y(p.rep))
		}
		fmt.Fprintf(&b, "description: %s\n", y(p.desc))
		w.file("content/producers/"+p.id+".yaml", []byte(b.String()))
	}
	for _, s := range g.salesPoints {
		var b strings.Builder
		fmt.Fprintf(&b, "name: %s\nkind: %s\naddress: %s\n", y(s.name), s.kind, y(s.address))
		areaYAML(&b, "", s.area)
		fmt.Fprintf(&b, "geo: {lat: %s, lng: %s}\nphone: %s\nhours: %s\n", num(s.lat), num(s.lng), q(s.phone), y(s.hours))
		if s.website != "" {
			fmt.Fprintf(&b, "website: %s\n", s.website)
		}
		w.file("content/sales-points/"+s.id+".yaml", []byte(b.String()))
	}
	for _, n := range g.news {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\ndate: %s\nsummary: %s\ntags: %s\nproducts: %s\n---\n\n%s",
			y(n.title), date(n.date), y(n.summary), ylist(n.tags), ylist(n.products), n.body)
		w.file("content/news/"+date(n.date)+"-"+n.slug+".md", []byte(b.String()))
	}
	w.file("content/pages/gioi-thieu.md", []byte(`---
title: Giới thiệu Chương trình OCOP
menu: 1
---
Chương trình Mỗi xã một sản phẩm (OCOP) là chương trình phát triển kinh tế khu vực nông thôn theo hướng phát huy nội lực và gia tăng giá trị.

Sản phẩm được đánh giá theo bộ tiêu chí quốc gia gồm ba phần, tổng 100 điểm, và phân hạng từ 1 đến 5 sao. Sản phẩm đạt từ 3 sao trở lên được công nhận là sản phẩm OCOP, có hiệu lực 36 tháng.
`))
	w.file("content/pages/lien-he.md", []byte(`---
title: Liên hệ
menu: 2
---
Mọi thông tin xin liên hệ Văn phòng Điều phối Chương trình OCOP. Trang này thuộc bộ dữ liệu tổng hợp dùng để đo hiệu năng.
`))
}

func (g *gen) emitProduct(w *writer, p *product) {
	var b strings.Builder
	fmt.Fprintf(&b, "name: %s\n", y(p.name))
	if p.nameEN != "" {
		fmt.Fprintf(&b, "name_en: %s\n", y(p.nameEN))
	}
	fmt.Fprintf(&b, "group: %s\nsubgroup: %s\nproducer: %s\n", p.group, p.subgroup, p.producer.id)
	areaYAML(&b, "", p.area)
	fmt.Fprintf(&b, "summary: %s\n", y(p.summary))
	b.WriteString("specs:\n")
	for _, s := range p.specs {
		fmt.Fprintf(&b, "  - %s\n", y(s))
	}
	if len(p.stds) > 0 {
		fmt.Fprintf(&b, "standards: %s\n", ylist(p.stds))
	}
	if p.trace != "" {
		fmt.Fprintf(&b, "traceability: %s\n", p.trace)
	}
	if p.price != "" {
		fmt.Fprintf(&b, "price: %s\n", y(p.price))
	}
	if len(p.soldAt) > 0 {
		fmt.Fprintf(&b, "sold_at: [%s]\n", strings.Join(p.soldAt, ", "))
	}
	fmt.Fprintf(&b, "tags: %s\n", ylist(p.tags))
	if p.draft {
		b.WriteString("draft: true\n")
	}
	dir := "products/" + p.dir + "/"
	w.file(dir+"product.yaml", []byte(b.String()))
	w.file(dir+"story.md", []byte(p.story))
	for _, r := range p.rounds {
		var b strings.Builder
		fmt.Fprintf(&b, "rubric: %s\nform: %s\nlevel: %s\ncouncil: %s\ndate: %s\n", r.set.ID, r.form, r.level, y(r.council), date(r.date))
		if r.hasTotal {
			fmt.Fprintf(&b, "total: %s\n", num(r.total))
		} else {
			b.WriteString("sheets:\n")
			for _, s := range r.sheets {
				items := make([]string, len(r.order))
				for i, id := range r.order {
					items[i] = q(id) + ": " + num(s[id])
				}
				fmt.Fprintf(&b, "  - {%s}\n", strings.Join(items, ", "))
			}
		}
		if d := r.decision; d != nil {
			fmt.Fprintf(&b, "decision:\n  number: %s\n  date: %s\n  issuer: %s\n  star: %d\n", y(d.number), date(d.date), y(d.issuer), d.star)
		}
		if v := r.revoked; v != nil {
			fmt.Fprintf(&b, "revoked:\n  number: %s\n  date: %s\n  issuer: %s\n  reason: %s\n", y(v.number), date(v.date), y(v.issuer), y(v.reason))
		}
		w.file(fmt.Sprintf("%sscores/%s-%s.yaml", dir, date(r.date), r.level), []byte(b.String()))
	}
	for k := range g.cfg.Images {
		seed := g.cfg.Seed
		name := fmt.Sprintf("%simages/%02d.jpg", dir, k+1)
		slug := p.slug
		w.later(name, func() []byte {
			// own stream per photo: -images does not change the rest
			h := uint64(14695981039346656037)
			for _, c := range []byte(slug) {
				h = (h ^ uint64(c)) * 1099511628211
			}
			return photo(rand.New(rand.NewPCG(seed, h+uint64(k))), 1200, 900)
		})
	}
}

// shard places product folders under products/: one folder per province,
// split by district where a province would hold more than limit products,
// so no folder lists more than about a thousand entries.
func (g *gen) shard(limit int) {
	byProv := map[string][]*product{}
	for _, p := range g.products {
		byProv[p.area.province] = append(byProv[p.area.province], p)
	}
	for prov, ps := range byProv {
		pslug := vntext.Slug(prov)
		for _, p := range ps {
			p.dir = pslug + "/" + p.slug
			if len(ps) > limit {
				p.dir = pslug + "/" + vntext.Slug(p.area.district) + "/" + p.slug
			}
		}
	}
}

func workers() int { return max(4, 2*runtime.GOMAXPROCS(0)) }
