package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/scaffold"
	"github.com/ocop-vn/ocop/generator/site"
)

const newUsage = "ocop new product|producer|sales-point|news [-s DIR] [--slug SLUG] [--in FOLDER] [--now YYYY-MM-DD] NAME | ocop new score [-s DIR] PRODUCT --level LEVEL [--date YYYY-MM-DD] [--rubric SET] [--form FORM]"

// newFlags lists the flags only some kinds take.
var newFlags = map[string][]string{
	"slug":   {"product", "producer", "sales-point", "news"},
	"in":     {"product"},
	"level":  {"score"},
	"date":   {"score"},
	"rubric": {"score"},
	"form":   {"score"},
}

// runNew creates the files of a new product, score sheet, producer, sales
// point or news article from templates, never replacing a file, and says
// which required keys are left to fill in.
func runNew(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var o scaffold.Options
	var date string
	flags := newFlagSet("new", newUsage, stderr)
	flags.StringVar(&sf.dir, "s", ".", "the site folder (holding site.yaml)")
	flags.StringVar(&sf.lang, "lang", "", "language of messages: vi or en (default: the site's language)")
	flags.StringVar(&sf.now, "now", "", "today's date YYYY-MM-DD, for a news file name and a score sheet without --date (default today)")
	flags.StringVar(&o.Slug, "slug", "", "the slug (file or folder name) instead of the one made from NAME")
	flags.StringVar(&o.In, "in", "", "product: a folder under products/ to create it in, e.g. thanh-hoa/trieu-son")
	flags.StringVar(&o.Level, "level", "", "score: the council level: xa, huyen, tinh or trung-uong")
	flags.StringVar(&date, "date", "", "score: the day the council scored, YYYY-MM-DD (default today)")
	flags.StringVar(&o.Rubric, "rubric", "", "score: a criteria set other than the product's")
	flags.StringVar(&o.Form, "form", "", "score: a scoring form other than the product's")

	// Flags may come before or after the kind and the name.
	var pos []string
	for {
		if err := flags.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return 0
			}
			return 2
		}
		if flags.NArg() == 0 {
			break
		}
		pos = append(pos, flags.Arg(0))
		args = flags.Args()[1:]
	}
	if len(pos) != 2 || !contains(scaffold.Kinds, pos[0]) {
		if len(pos) > 0 && !contains(scaffold.Kinds, pos[0]) {
			fmt.Fprintf(stderr, "ocop new: unknown kind %q; kinds: %s\n", pos[0], strings.Join(scaffold.Kinds, ", "))
		} else if len(pos) > 2 {
			fmt.Fprintf(stderr, "ocop new: put the name in quotes: %q\n", strings.Join(pos[1:], " "))
		}
		fmt.Fprintln(stderr, "usage:", newUsage)
		return 2
	}
	kind, name := pos[0], pos[1]
	bad := ""
	flags.Visit(func(f *flag.Flag) {
		if kinds, ok := newFlags[f.Name]; ok && !contains(kinds, kind) {
			bad = f.Name
		}
	})
	if bad != "" {
		fmt.Fprintf(stderr, "ocop new %s: --%s is for: %s\n", kind, bad, strings.Join(newFlags[bad], ", "))
		return 2
	}
	var err error
	if o.Now, err = sf.date(); err != nil {
		fmt.Fprintln(stderr, "ocop new:", err)
		return 2
	}
	if date != "" {
		if o.Date, err = time.Parse(time.DateOnly, date); err != nil {
			fmt.Fprintf(stderr, "ocop new: --date %q: write the date as YYYY-MM-DD\n", date)
			return 2
		}
	}
	siteFS, err := site.SiteFS(sf.dir)
	if err == nil {
		_, err = fs.Stat(siteFS, config.File)
	}
	if err != nil {
		fmt.Fprintf(stderr, "ocop new: %s is not a site folder (no %s): give the site with -s DIR\n", sf.dir, config.File)
		return 2
	}
	lang := sf.language()
	var res *scaffold.Result
	switch kind {
	case "product":
		res, err = scaffold.Product(siteFS, name, o)
	case "producer":
		res, err = scaffold.Producer(siteFS, name, o)
	case "sales-point":
		res, err = scaffold.SalesPoint(siteFS, name, o)
	case "news":
		res, err = scaffold.News(siteFS, name, o)
	case "score":
		res, err = scaffold.Score(siteFS, name, o)
	}
	if err == nil {
		err = scaffold.Write(sf.dir, res)
	}
	var serr *scaffold.Error
	switch {
	case errors.As(err, &serr):
		fmt.Fprintf(stderr, "ocop new %s: %s\n", kind, serr.In(lang))
		if serr.Usage {
			return 2
		}
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "ocop new %s: %v\n", kind, err)
		return 2
	}
	show := func(p string) string {
		if sf.dir == "." {
			return p
		}
		return filepath.Join(sf.dir, filepath.FromSlash(p))
	}
	fmt.Fprintln(stdout, say(lang, "created:", "Đã tạo:"))
	for _, f := range res.Files {
		fmt.Fprintln(stdout, "  "+show(f.Path))
	}
	if len(res.Fill) > 0 {
		fmt.Fprintf(stdout, say(lang, "to fill in: %s (in %s)\n", "Cần điền: %s (trong %s)\n"), strings.Join(res.Fill, ", "), show(res.Main))
	} else {
		fmt.Fprintln(stdout, say(lang, "every required key has a value; fill in the others you have in "+show(res.Main),
			"Các khóa bắt buộc đã có giá trị; điền thêm các khóa khác trong "+show(res.Main)))
	}
	for _, n := range res.Notes {
		fmt.Fprintln(stdout, say(lang, "note: ", "Lưu ý: ")+n.In(lang))
	}
	check := "ocop check"
	if sf.dir != "." {
		check += " -s " + sf.dir
	}
	fmt.Fprintln(stdout, say(lang, "then run: ", "Sau đó chạy: ")+check)
	return 0
}

// say picks the English or the Vietnamese text by language.
func say(lang, en, vi string) string {
	if lang == "vi" {
		return vi
	}
	return en
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
