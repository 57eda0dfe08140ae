package content

import (
	"io/fs"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/rubric"
	"github.com/ocop-vn/ocop/generator/scoring"
	"github.com/ocop-vn/ocop/generator/yamlx"
)

// LoadRound reads one score file exactly as Load would — with the site's
// configuration and criteria sets, and the product.yaml of its product
// folder for the default form — without loading the rest of the site. It
// serves `ocop score`, which staff run on a file they are filling in.
func LoadRound(site fs.FS, name string, now time.Time) (*Evaluation, *diag.List) {
	l := &diag.List{}
	c := &Catalog{Site: config.Load(site, "", l), Rubrics: rubric.Load(site, l)}
	ld := loader{fsys: site, l: l, keepSheets: true}
	p := &Product{}
	if dir := path.Dir(path.Dir(name)); path.Base(path.Dir(name)) == "scores" {
		if n := ld.yaml(dir + "/product.yaml"); n != nil {
			// Only the product's classification matters here; its other
			// problems are for `ocop check`.
			var quiet diag.List
			yamlx.Decode(dir+"/product.yaml", n, p, &quiet)
		}
	}
	n := ld.yaml(name)
	if n == nil {
		return nil, l
	}
	ev := &Evaluation{File: name, node: n}
	yamlx.Decode(name, n, ev, l)
	ld.evaluate(c, p, ev)
	ev.node = nil
	return ev, l
}

// Blank returns a score file for form of set with every criterion at 0
// and its options as comments, ready for a council member to fill in.
func Blank(set *rubric.Set, form *rubric.Form) string {
	var b strings.Builder
	b.WriteString("# Phiếu chấm điểm " + form.ID + " — " + set.Title + "\n")
	b.WriteString("# Điền điểm của từng thành viên hội đồng (ẩn danh), mỗi phiếu một mục trong `sheets`.\n")
	b.WriteString("rubric: " + set.ID + "\nform: " + form.ID + "\nlevel: tinh        # xa | huyen | tinh | trung-uong\ncouncil: \ndate: YYYY-MM-DD\nsheets:\n  - ")
	detailed := form.Detailed()
	for _, p := range form.Parts {
		b.WriteString("\n    # " + p.ID + ". " + p.Name + " (tối đa " + fmtPts(p.Maximum()) + ")")
		if !detailed && scoring.ByPart(&p) {
			b.WriteString("\n    \"" + p.ID + "\": 0")
			continue
		}
		for _, sec := range p.Sections {
			b.WriteString("\n    # " + sec.ID + ". " + sec.Name + " (tối đa " + fmtPts(sec.Maximum()) + ")")
			items := sec.Criteria
			if len(items) == 0 {
				items = []rubric.Criterion{{ID: sec.ID, Name: sec.Name, Max: sec.Maximum()}}
			}
			for _, c := range items {
				b.WriteString("\n    " + `"` + c.ID + `": 0    # ` + c.Name + ", tối đa " + fmtPts(c.Maximum()))
				if c.Mandatory {
					b.WriteString(" (bắt buộc)")
				}
				for _, o := range c.Options {
					b.WriteString("\n    #   " + fmtPts(o.Points) + " = " + o.Text)
					if o.Stop {
						b.WriteString(" [dừng đánh giá]")
					}
				}
				if len(c.Options) == 0 && len(c.Values) > 0 {
					vs := make([]string, len(c.Values))
					for i, v := range c.Values {
						vs[i] = fmtPts(v)
					}
					b.WriteString("\n    #   điểm: " + strings.Join(vs, ", "))
				}
			}
		}
	}
	b.WriteString("\n# decision: {number: , date: YYYY-MM-DD, issuer: , star: }\n")
	return b.String()
}

// fmtPts prints points as YAML reads them back: 3, 2.5.
func fmtPts(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
