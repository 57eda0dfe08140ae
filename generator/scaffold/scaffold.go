// Package scaffold makes the files of a new product, score sheet, producer,
// sales point or news article (`ocop new`), so staff start from a file that
// lists every key with its meaning instead of copying an old one.
//
// The templates are made from the loader's own structs (content.Product,
// content.Producer, …) and the descriptions of generator/schema, so a key
// added to a struct appears in new files without touching this package.
// Each function reads the site (an fs.FS rooted at the site folder) and
// returns the files to create; Write creates them and never replaces a file
// that exists. Each YAML file starts with a yaml-language-server line
// naming its JSON Schema in the site's schemas/ folder.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/rubric"
	"github.com/ocop-vn/ocop/generator/schema"
	"github.com/ocop-vn/ocop/generator/vntext"
)

// Kinds are the kinds of file `ocop new` makes, in the order its usage
// lists them.
var Kinds = []string{"product", "score", "producer", "sales-point", "news"}

// SchemaDir is the site folder the JSON Schemas are written to.
const SchemaDir = "schemas"

// File is one file to create, at a slash path relative to the site root.
// An empty .gitkeep file stands for a folder to create (git keeps no empty
// folders).
type File struct {
	Path string
	Data []byte
}

// Msg is a message in English and Vietnamese; the command prints the one
// of the site's language.
type Msg struct{ EN, VI string }

// In returns the message in lang ("vi" or another).
func (m Msg) In(lang string) string {
	if lang == "vi" {
		return m.VI
	}
	return m.EN
}

// Result is what one scaffold makes.
type Result struct {
	Files []File
	// Main is the file to edit first.
	Main string
	// Fill lists the keys of Main that must still be filled in before
	// `ocop check` passes.
	Fill []string
	// Notes are further hints for the person who ran the command.
	Notes []Msg
}

// Error is a reason a scaffold cannot be made.
type Error struct {
	Msg
	// Exists is true when the files exist already (or the name is taken).
	Exists bool
	// Usage is true when the arguments are wrong.
	Usage bool
}

func (e *Error) Error() string { return e.EN }

func usageErr(en, vi string) *Error   { return &Error{Msg: Msg{en, vi}, Usage: true} }
func existsErr(en, vi string) *Error  { return &Error{Msg: Msg{en, vi}, Exists: true} }
func contentErr(en, vi string) *Error { return &Error{Msg: Msg{en, vi}} }

// Options tune what is made.
type Options struct {
	// Now is today: the date of a news article and, without Date, of a
	// score sheet.
	Now time.Time
	// Slug replaces the slug made from the name.
	Slug string
	// In is a folder under products/ to put a new product in
	// (e.g. "thanh-hoa/trieu-son").
	In string
	// Level, Date, Rubric and Form are for a score sheet: the council
	// level (required), the round's date, and a criteria set and form
	// other than the product's.
	Level  string
	Date   time.Time
	Rubric string
	Form   string
}

// slugFor returns the slug of name, or the Slug option.
func slugFor(name string, o Options) (string, error) {
	if strings.TrimSpace(name) == "" {
		return "", usageErr("the name is empty", "tên đang trống")
	}
	if strings.ContainsAny(name, "\n\r") {
		return "", usageErr("the name must be one line", "tên phải nằm trên một dòng")
	}
	if !utf8.ValidString(name) {
		return "", usageErr("the name is not UTF-8 text", "tên không phải văn bản UTF-8")
	}
	s := o.Slug
	if s == "" {
		s = vntext.Slug(name)
		if s == "" {
			return "", usageErr(fmt.Sprintf("no slug can be made from %q; give one with --slug", name),
				fmt.Sprintf("không tạo được mã (slug) từ %q; ghi mã bằng --slug", name))
		}
	}
	if !vntext.IsSlug(s) {
		return "", usageErr(fmt.Sprintf("%q is not a slug: use a–z, 0–9 and single hyphens, e.g. %s", s, vntext.Slug(s)),
			fmt.Sprintf("%q không phải mã hợp lệ: chỉ dùng a–z, 0–9 và dấu gạch nối, ví dụ %s", s, vntext.Slug(s)))
	}
	return s, nil
}

func exists(site fs.FS, name string) bool {
	_, err := fs.Stat(site, name)
	return err == nil
}

// modeline is the first line of a YAML file: it names the file's schema,
// relative to the file, for yaml-language-server.
func modeline(file, kind string) string {
	up := ""
	if d := path.Dir(file); d != "." {
		up = strings.Repeat("../", strings.Count(d, "/")+1)
	}
	return "# yaml-language-server: $schema=" + up + SchemaDir + "/" + kind + ".json\n"
}

func schemaNote(site fs.FS, kind string) []Msg {
	if exists(site, SchemaDir+"/"+kind+".json") {
		return nil
	}
	return []Msg{{
		EN: "there is no " + SchemaDir + "/" + kind + ".json yet: run `ocop schema` so editors complete and check the keys",
		VI: "chưa có " + SchemaDir + "/" + kind + ".json: chạy `ocop schema` để trình soạn thảo gợi ý và kiểm tra khóa",
	}}
}

// siteSet returns the site's default criteria set, or nil.
func siteSet(site fs.FS) (*rubric.Set, *rubric.Registry) {
	var quiet diag.List
	cfg := config.Load(site, "", &quiet)
	reg := rubric.Load(site, &quiet)
	s, _ := reg.Get(cfg.Rubric)
	return s, reg
}

// Product makes products/[In/]<slug>/ with product.yaml, story.md, and
// the folders images/ and scores/.
func Product(site fs.FS, name string, o Options) (*Result, error) {
	slug, err := slugFor(name, o)
	if err != nil {
		return nil, err
	}
	dir := "products"
	if o.In != "" {
		in := strings.Trim(path.Clean(filepath.ToSlash(o.In)), "/")
		in = strings.TrimPrefix(in, "products/")
		for _, seg := range strings.Split(in, "/") {
			if !vntext.IsSlug(seg) {
				return nil, usageErr(fmt.Sprintf("--in %q: each folder name must be a slug (a–z, 0–9, hyphens)", o.In),
					fmt.Sprintf("--in %q: tên mỗi thư mục phải là mã (a–z, 0–9, gạch nối)", o.In))
			}
		}
		dir += "/" + in
		if exists(site, dir+"/product.yaml") {
			return nil, usageErr(fmt.Sprintf("--in %q is a product folder", o.In), fmt.Sprintf("--in %q là thư mục của một sản phẩm", o.In))
		}
	}
	dir += "/" + slug
	if exists(site, dir) {
		return nil, existsErr(fmt.Sprintf("%s exists already; nothing was written", dir), fmt.Sprintf("%s đã có; không ghi gì", dir))
	}
	if other := findProduct(site, slug); other != "" {
		return nil, existsErr(fmt.Sprintf("product slug %s is taken by %s (a product's folder name must be unique); choose another with --slug", slug, other),
			fmt.Sprintf("mã sản phẩm %s đã dùng cho %s (tên thư mục sản phẩm không được trùng); chọn mã khác bằng --slug", slug, other))
	}
	file := dir + "/product.yaml"
	t := newTemplate()
	if set, _ := siteSet(site); set != nil {
		t.choices["Product.group"] = groupChoices(set)
		t.choices["Product.subgroup"] = subgroupChoices(set)
	}
	var b strings.Builder
	b.WriteString(modeline(file, "product"))
	b.WriteString("# Sản phẩm: " + name + "\n")
	b.WriteString("# Tạo bằng `ocop new product`. Mỗi khóa có chú thích; khóa bắt buộc ghi \"Bắt buộc\".\n")
	b.WriteString("# Để trống khóa không dùng, hoặc xóa cả dòng. Chạy `ocop check` sau khi điền.\n")
	fill := t.write(&b, reflect.TypeFor[content.Product](), map[string]string{"name": name}, "")
	story := "<!--\nCâu chuyện sản phẩm " + name + ", viết bằng Markdown (không có phần đầu ---).\n" +
		"Gợi ý: nguồn gốc và vùng nguyên liệu; người làm ra sản phẩm; cách làm;\n" +
		"điểm khác biệt; cách dùng, cách bảo quản. Các đoạn cách nhau một dòng trống,\n" +
		"tiêu đề nhỏ bắt đầu bằng ##. Khối chú thích này không hiện trên trang; xóa\n" +
		"khi viết xong.\n-->\n"
	return &Result{
		Files: []File{
			{file, []byte(b.String())},
			{dir + "/story.md", []byte(story)},
			{dir + "/images/.gitkeep", nil},
			{dir + "/scores/.gitkeep", nil},
		},
		Main:  file,
		Fill:  fill,
		Notes: schemaNote(site, "product"),
	}, nil
}

// findProduct returns the folder of the product with slug at any depth
// under products/, or "".
func findProduct(site fs.FS, slug string) string {
	found := ""
	fs.WalkDir(site, "products", func(p string, d fs.DirEntry, err error) error {
		if err != nil || found != "" {
			return fs.SkipDir
		}
		if d.IsDir() && p != "products" && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if d.IsDir() && (d.Name() == "images" || d.Name() == "scores") && exists(site, path.Dir(p)+"/product.yaml") {
			return fs.SkipDir
		}
		if d.IsDir() && d.Name() == slug && exists(site, p+"/product.yaml") {
			found = p
			return fs.SkipAll
		}
		return nil
	})
	return found
}

func groupChoices(set *rubric.Set) []string {
	lines := []string{"Nhóm của bộ tiêu chí " + set.ID + ":"}
	for _, g := range set.Groups {
		lines = append(lines, "  "+g.ID+" = "+g.Name)
	}
	return lines
}

func subgroupChoices(set *rubric.Set) []string {
	lines := []string{"Bộ sản phẩm theo nhóm (" + set.ID + "):"}
	for _, g := range set.Groups {
		var ids []string
		for _, sg := range g.Subgroups {
			ids = append(ids, sg.ID)
		}
		ls := wrap(g.ID+": "+strings.Join(ids, ", "), "    ", 74)
		ls[0] = "  " + ls[0]
		lines = append(lines, ls...)
	}
	return lines
}

// Producer makes content/producers/<slug>.yaml.
func Producer(site fs.FS, name string, o Options) (*Result, error) {
	return record(site, name, o, "producer", "content/producers", "Chủ thể", "chủ thể", reflect.TypeFor[content.Producer](),
		map[string][]string{"Producer.kind": kindChoices(content.ProducerKinds)})
}

// SalesPoint makes content/sales-points/<slug>.yaml.
func SalesPoint(site fs.FS, name string, o Options) (*Result, error) {
	return record(site, name, o, "sales-point", "content/sales-points", "Điểm bán", "điểm bán", reflect.TypeFor[content.SalesPoint](),
		map[string][]string{"SalesPoint.kind": kindChoices(content.SalesPointKinds)})
}

func kindChoices(kinds map[string]string) []string {
	ids := make([]string, 0, len(kinds))
	for id := range kinds {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	lines := []string{"Giá trị:"}
	for _, id := range ids {
		lines = append(lines, "  "+id+" = "+kinds[id])
	}
	return lines
}

func record(site fs.FS, name string, o Options, kind, dir, title, what string, typ reflect.Type, choices map[string][]string) (*Result, error) {
	slug, err := slugFor(name, o)
	if err != nil {
		return nil, err
	}
	file := dir + "/" + slug + ".yaml"
	if exists(site, file) {
		return nil, existsErr(fmt.Sprintf("%s exists already; nothing was written", file), fmt.Sprintf("%s đã có; không ghi gì", file))
	}
	t := newTemplate()
	for k, v := range choices {
		t.choices[k] = v
	}
	var b strings.Builder
	b.WriteString(modeline(file, kind))
	b.WriteString("# " + title + ": " + name + "\n")
	b.WriteString("# Tạo bằng `ocop new " + kind + "`. Mã " + what + " là tên tệp: " + slug + "\n")
	b.WriteString("# Để trống khóa không dùng, hoặc xóa cả dòng. Chạy `ocop check` sau khi điền.\n")
	fill := t.write(&b, typ, map[string]string{"name": name}, "")
	return &Result{Files: []File{{file, []byte(b.String())}}, Main: file, Fill: fill, Notes: schemaNote(site, kind)}, nil
}

// News makes content/news/<date>-<slug>.md, dated Now.
func News(site fs.FS, title string, o Options) (*Result, error) {
	slug, err := slugFor(title, o)
	if err != nil {
		return nil, err
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	date := o.Now.Format(time.DateOnly)
	file := "content/news/" + date + "-" + slug + ".md"
	entries, _ := fs.ReadDir(site, "content/news")
	for _, e := range entries {
		if e.Name() == date+"-"+slug+".md" {
			return nil, existsErr(fmt.Sprintf("%s exists already; nothing was written", file), fmt.Sprintf("%s đã có; không ghi gì", file))
		}
		if len(e.Name()) > 11 && e.Name()[11:] == slug+".md" {
			return nil, existsErr(fmt.Sprintf("news slug %s is taken by content/news/%s (both would be /tin-tuc/%s/); choose another with --slug", slug, e.Name(), slug),
				fmt.Sprintf("mã bài tin %s đã dùng cho content/news/%s (cả hai sẽ là /tin-tuc/%s/); chọn mã khác bằng --slug", slug, e.Name(), slug))
		}
	}
	t := newTemplate()
	var b strings.Builder
	b.WriteString("---\n")
	b.WriteString("# Bài tin tạo bằng `ocop new news`. Địa chỉ bài: /tin-tuc/" + slug + "/\n")
	fill := t.write(&b, reflect.TypeFor[content.News](), map[string]string{"title": title, "date": date}, "")
	b.WriteString("---\n<!-- Viết nội dung bài bằng Markdown dưới dòng ---; khối chú thích này không hiện trên trang. -->\n")
	return &Result{Files: []File{{file, []byte(b.String())}}, Main: file, Fill: fill}, nil
}

// Score makes products/**/<slug>/scores/<date>-<level>.yaml: a blank
// sheet listing every criterion of the product's form, under the criteria
// set of its newest evaluation or the site's default set.
func Score(site fs.FS, slug string, o Options) (*Result, error) {
	if _, ok := content.Levels[o.Level]; !ok {
		levels := schema.LevelIDs()
		if o.Level == "" {
			return nil, usageErr("give the council level with --level: "+strings.Join(levels, ", "),
				"ghi cấp hội đồng bằng --level: "+strings.Join(levels, ", "))
		}
		return nil, usageErr(fmt.Sprintf("unknown council level %q; use one of: %s", o.Level, strings.Join(levels, ", ")),
			fmt.Sprintf("không có cấp hội đồng %q; dùng một trong: %s", o.Level, strings.Join(levels, ", ")))
	}
	date := o.Date
	if date.IsZero() {
		date = o.Now
	}
	if date.IsZero() {
		date = time.Now()
	}
	c, _ := content.Load(site, content.Options{Now: date})
	p := c.ProductBySlug[slug]
	if p == nil {
		return nil, contentErr(fmt.Sprintf("there is no product %s (a folder products/**/%s/ holding product.yaml)", slug, slug),
			fmt.Sprintf("không có sản phẩm %s (thư mục products/**/%s/ có product.yaml)", slug, slug))
	}
	set := p.Rubric
	if o.Rubric != "" {
		s, ok := c.Rubrics.Get(o.Rubric)
		if !ok {
			return nil, usageErr(fmt.Sprintf("unknown criteria set %q; known sets: %s", o.Rubric, strings.Join(c.Rubrics.IDs(), ", ")),
				fmt.Sprintf("không có bộ tiêu chí %q; các bộ: %s", o.Rubric, strings.Join(c.Rubrics.IDs(), ", ")))
		}
		set = s
	}
	if set == nil {
		return nil, contentErr(fmt.Sprintf("the site's criteria set %q is unknown; fix `rubric` in site.yaml or give --rubric", c.Site.Rubric),
			fmt.Sprintf("không có bộ tiêu chí %q của trang; sửa `rubric` trong site.yaml hoặc ghi --rubric", c.Site.Rubric))
	}
	var form *rubric.Form
	if o.Form != "" {
		f, ok := set.FormFor(o.Form)
		if !ok {
			return nil, usageErr(fmt.Sprintf("%s has no form %q; forms: %s", set.ID, o.Form, strings.Join(set.FormIDs(), ", ")),
				fmt.Sprintf("bộ %s không có phiếu %q; các phiếu: %s", set.ID, o.Form, strings.Join(set.FormIDs(), ", ")))
		}
		form = f
	} else {
		form = productForm(set, p)
	}
	day := date.Format(time.DateOnly)
	file := p.Dir + "/scores/" + day + "-" + o.Level + ".yaml"
	if exists(site, file) {
		return nil, existsErr(fmt.Sprintf("%s exists already; nothing was written", file), fmt.Sprintf("%s đã có; không ghi gì", file))
	}
	var b strings.Builder
	b.WriteString(modeline(file, "score"))
	b.WriteString("# Đợt đánh giá " + strings.ToLower(content.Levels[o.Level]) + " ngày " + date.Format("02/01/2006") + ": " + p.Name + "\n")
	b.WriteString("# Tạo bằng `ocop new score`. Thay __ ở mỗi tiêu chí bằng điểm của thành viên;\n")
	b.WriteString("# mỗi thành viên một phiếu (thêm phiếu: chép cả khối bắt đầu bằng \"- \"). Khi có quyết định\n")
	b.WriteString("# công nhận, bỏ dấu # ở dòng decision cuối tệp. Xem tổng điểm và hạng sao:\n")
	b.WriteString("#   ocop score " + file + "\n")
	b.WriteString(fillBlank(content.Blank(set, form), o.Level, day))
	var notes []Msg
	if !set.ValidFrom.IsZero() && date.Before(set.ValidFrom.Time) {
		notes = append(notes, Msg{
			EN: fmt.Sprintf("criteria set %s applies from %s, after %s: name the set in force with --rubric", set.ID, set.ValidFrom, day),
			VI: fmt.Sprintf("bộ tiêu chí %s áp dụng từ %s, sau ngày %s: ghi bộ đang có hiệu lực bằng --rubric", set.ID, set.ValidFrom, day),
		})
	}
	for _, id := range c.Rubrics.IDs() {
		if o.Rubric != "" {
			break
		}
		if s, _ := c.Rubrics.Get(id); s != set && s.ValidFrom.After(set.ValidFrom.Time) && !s.ValidFrom.After(date) {
			notes = append(notes, Msg{
				EN: fmt.Sprintf("the sheet follows %s, the set of the product's last round; %s applies from %s: if this round follows it, run again with --rubric %s", set.ID, s.ID, s.ValidFrom, s.ID),
				VI: fmt.Sprintf("phiếu theo bộ %s của lần đánh giá trước; bộ %s áp dụng từ %s: nếu đợt này chấm theo bộ mới, chạy lại với --rubric %s", set.ID, s.ID, s.ValidFrom, s.ID),
			})
		}
	}
	notes = append(notes, Msg{
		EN: "each criterion holds __ where a member's points go: `ocop check` points at every one left, so an unfilled sheet cannot be published",
		VI: "mỗi tiêu chí ghi __ ở chỗ điền điểm của thành viên: `ocop check` báo từng chỗ còn trống, nên phiếu chưa điền không thể được đăng",
	})
	notes = append(notes, schemaNote(site, "score")...)
	return &Result{Files: []File{{file, []byte(b.String())}}, Main: file, Fill: []string{"council", "sheets"}, Notes: notes}, nil
}

// productForm is the form of the product's subgroup in set, or the set's
// parts and sections when it has none.
func productForm(set *rubric.Set, p *content.Product) *rubric.Form {
	id := ""
	if g, ok := set.Group(p.Group); ok {
		if sg, ok := g.Subgroup(p.Subgroup); ok {
			id = sg.Form
			if id == "" {
				id = sg.ID
			}
		}
	}
	if f, ok := set.FormFor(id); ok {
		return f
	}
	f, _ := set.FormFor("")
	return f
}

// placeholder is what a criterion's points read until they are filled
// in: not a number, so `ocop check` fails on a sheet left blank instead of
// publishing a round of zeros (which would rank the product "chưa công
// nhận").
const placeholder = "__"

var zeroRE = regexp.MustCompile(`^(\s+"[^"]+": )0(\s|$)`)

// fillBlank sets the level and date lines of a content.Blank sheet and
// puts the placeholder where each member's points go.
func fillBlank(blank, level, day string) string {
	lines := strings.Split(blank, "\n")
	for i, l := range lines {
		lines[i] = zeroRE.ReplaceAllString(l, "${1}"+placeholder+"${2}")
	}
	levels := schema.LevelIDs()
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "# Phiếu chấm điểm  — "): // a set's parts, no form
			lines[i] = "# Phiếu chấm điểm theo phần — " + strings.TrimPrefix(l, "# Phiếu chấm điểm  — ")
		case strings.HasPrefix(l, "level:"):
			lines[i] = "level: " + level + "    # " + strings.Join(levels, " | ")
		case strings.HasPrefix(l, "date:"):
			lines[i] = "date: " + day
		case strings.HasPrefix(l, "council:"):
			lines[i] = "council:    # tên hội đồng"
		}
	}
	return strings.Join(lines, "\n")
}

// Write creates the files of r in the site folder dir. It writes nothing
// when any of them exists, and never replaces a file.
func Write(dir string, r *Result) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	for _, f := range r.Files {
		if _, err := root.Lstat(filepath.FromSlash(f.Path)); err == nil {
			return existsErr(fmt.Sprintf("%s exists already; nothing was written", f.Path), fmt.Sprintf("%s đã có; không ghi gì", f.Path))
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	var made []string
	undo := func() {
		for _, p := range slices.Backward(made) {
			root.Remove(p)
		}
	}
	for _, f := range r.Files {
		name := filepath.FromSlash(f.Path)
		// Note which folders this call makes, to remove them on failure.
		var newDirs []string
		for d := filepath.Dir(name); d != "."; d = filepath.Dir(d) {
			if _, err := root.Lstat(d); err != nil {
				newDirs = append(newDirs, d)
			}
		}
		if err := root.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			undo()
			return err
		}
		slices.Reverse(newDirs)
		made = append(made, newDirs...)
		w, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			undo()
			if errors.Is(err, fs.ErrExist) {
				return existsErr(fmt.Sprintf("%s exists already", f.Path), fmt.Sprintf("%s đã có", f.Path))
			}
			return err
		}
		made = append(made, name)
		_, err = w.Write(f.Data)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			undo()
			return err
		}
	}
	return nil
}
