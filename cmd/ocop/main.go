// Command ocop builds the public catalogue website of an OCOP (Mỗi xã một
// sản phẩm) programme from a folder of YAML and Markdown files.
//
//	ocop build   [-s DIR] [-o public] [--now YYYY-MM-DD] [--base-url URL]
//	ocop check   [-s DIR] [--now YYYY-MM-DD] [--base-url URL]
//	ocop serve   [-s DIR] [--bind 127.0.0.1] [--port 1313]
//	ocop score   [-s DIR] [--json] FILE… | --form SET/FORM
//	ocop version
//
// main is thin: run takes the arguments and output streams and returns the
// exit code, so every command is testable in-process.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/diag"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = "dev"

// command is one subcommand: its usage line, a one-line summary, and Run.
type command struct {
	name  string
	usage string
	short string
	run   func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "ocop build [-s DIR] [-o DIR] [--now YYYY-MM-DD] [--base-url URL] [--no-minify] [--file-urls] [--timings] [--clean]", "build the site into the output folder (default public/)", runBuild},
		{"check", "ocop check [-s DIR] [--now YYYY-MM-DD] [--base-url URL]", "validate every file and link; write nothing; exit 1 on any problem", runCheck},
		{"serve", serveUsage, "build into memory, serve on 127.0.0.1:1313 and rebuild on every save", runServe},
		{"score", scoreUsage, "print the breakdown of score files, or a blank sheet (--form)", runScore},
		{"new", newUsage, "create a product, score sheet, producer, sales point or news file from a template", runNew},
		{"schema", schemaUsage, "write JSON Schemas of the site's files for editors (default schemas/)", runSchema},
		{"report", reportUsage, "print a period's figures beside the previous period's; -o writes CSV and Markdown", runReport},
		{"version", "ocop version", "print the version", func(_ []string, stdout, _ io.Writer) int {
			fmt.Fprintln(stdout, "ocop", version)
			return 0
		}},
	}
}

func main() {
	tuneGC()
	stopProfiles := startProfiles()
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	stopProfiles()
	os.Exit(code)
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "ocop: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "ocop builds an OCOP product catalogue website from YAML and Markdown files.")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.short)
	}
	fmt.Fprintln(w, "\nRun 'ocop <command> -h' for a command's flags.")
}

// siteFlags are the flags build and check share.
type siteFlags struct {
	dir     string
	now     string
	baseURL string
	lang    string
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.dir, "s", ".", "the site folder (holding site.yaml)")
	fs.StringVar(&f.lang, "lang", "", "language of messages: vi or en (default: the site's language)")
	fs.StringVar(&f.now, "now", "", "build date YYYY-MM-DD, against which certificates expire (default today)")
	fs.StringVar(&f.baseURL, "base-url", "", "override site.yaml's base_url (absolute URL or sub-path such as /ocop/)")
}

// language is the language messages are printed in: --lang, else the
// site's own language, so staff of a Vietnamese site read Vietnamese.
func (f *siteFlags) language() string {
	if f.lang != "" {
		return f.lang
	}
	var quiet diag.List
	return config.Load(os.DirFS(f.dir), "", &quiet).Language
}

func (f *siteFlags) date() (time.Time, error) {
	if f.now == "" {
		return time.Now(), nil
	}
	t, err := time.Parse(time.DateOnly, f.now)
	if err != nil {
		return time.Time{}, fmt.Errorf("--now %q: write the date as YYYY-MM-DD", f.now)
	}
	return t, nil
}

func newFlagSet(name, usageLine string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage:", usageLine)
		fs.PrintDefaults()
	}
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "ocop %s: unexpected argument %q\n", fs.Name(), strings.Join(fs.Args(), " "))
		return 2, false
	}
	return 0, true
}
