package main

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/ocop-vn/ocop/generator/diag"

	ocop "github.com/ocop-vn/ocop"
	"github.com/ocop-vn/ocop/generator/site"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var out string
	var noMinify, fileURLs, timings, clean bool
	fs := newFlagSet("build", "ocop build [-s DIR] [-o DIR] [--now YYYY-MM-DD] [--base-url URL] [--no-minify] [--file-urls] [--timings] [--clean]", stderr)
	sf.register(fs)
	fs.StringVar(&out, "o", "public", "output folder; replaced only when the build succeeds")
	fs.BoolVar(&noMinify, "no-minify", false, "write pages as rendered, for reading a theme's output")
	fs.BoolVar(&fileURLs, "file-urls", false, "end links with index.html so the output can be browsed from disk (USB stick)")
	fs.BoolVar(&timings, "timings", false, "print the time of each step and of each layout's pages")
	fs.BoolVar(&clean, "clean", false, "ignore the previous build: build every file into a new folder")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	now, err := sf.date()
	if err != nil {
		fmt.Fprintln(stderr, "ocop build:", err)
		return 2
	}
	res, problems := site.Build(sf.dir, out, site.Options{Now: now, BaseURL: sf.baseURL, Theme: ocop.Theme, NoMinify: noMinify, FileURLs: fileURLs, Clean: clean})
	if problems.Len() > 0 {
		lang := sf.language()
		problems.PrintIn(stderr, lang)
		fmt.Fprintln(stderr, diag.T(lang, "build failed: %s left unchanged", out))
		return 1
	}
	lang := sf.language()
	printWarnings(stderr, problems, lang)
	summary := diag.T(lang, "%d pages, %d files, %.1f MB, %d products in %s", res.Pages, res.Files, float64(res.Bytes)/1e6, res.Products, res.Duration.Round(time.Millisecond))
	fmt.Fprintln(stdout, diag.T(lang, "built %s into %s", summary, out))
	switch res.Mode {
	case site.ModeUpToDate:
		fmt.Fprintln(stdout, diag.T(lang, "up to date: no file changed since the previous build"))
	case site.ModeUpdate:
		fmt.Fprintln(stdout, diag.T(lang, "incremental: %d files written, %d kept from the previous build", res.Written, res.Reused))
	}
	if timings {
		printTimings(stdout, res)
	}
	return 0
}

// printTimings writes the step and layout times of a build as two aligned
// tables (step names and layout names are not translated: they name code).
func printTimings(w io.Writer, res *site.Result) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	if res.Why != "" {
		fmt.Fprintf(w, "build mode: %s (%s)\n", res.Mode, res.Why)
	} else {
		fmt.Fprintf(w, "build mode: %s\n", res.Mode)
	}
	if res.ParsedReused > 0 {
		fmt.Fprintf(w, "product folders as previously parsed: %d\n", res.ParsedReused)
	}
	fmt.Fprintln(tw, "step\tseconds\t")
	for _, s := range res.Steps {
		fmt.Fprintf(tw, "%s\t%.3f\t\n", s.Name, s.Duration.Seconds())
	}
	fmt.Fprintln(tw, "\t\t")
	fmt.Fprintln(tw, "layout\tpages\tseconds (all workers)\tms per page\t")
	for _, l := range res.Layouts {
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.2f\t\n", l.Name, l.Count, l.Duration.Seconds(), l.Duration.Seconds()*1000/float64(max(l.Count, 1)))
	}
	tw.Flush()
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	fs := newFlagSet("check", "ocop check [-s DIR] [--now YYYY-MM-DD] [--base-url URL]", stderr)
	sf.register(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	now, err := sf.date()
	if err != nil {
		fmt.Fprintln(stderr, "ocop check:", err)
		return 2
	}
	res, problems := site.Check(sf.dir, site.Options{Now: now, BaseURL: sf.baseURL, Theme: ocop.Theme})
	if problems.Len() > 0 {
		problems.PrintIn(stderr, sf.language())
		return 1
	}
	printWarnings(stderr, problems, sf.language())
	fmt.Fprintln(stdout, diag.T(sf.language(), "ok: %d products, %d pages checked", res.Products, res.Pages))
	return 0
}

// printWarnings shows the warnings of a successful build or check.
func printWarnings(w io.Writer, problems *diag.List, lang string) {
	if len(problems.Problems()) > 0 {
		problems.PrintIn(w, lang)
	}
}
