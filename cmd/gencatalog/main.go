// Command gencatalog writes a synthetic OCOP catalogue — a complete site
// folder that `ocop check` accepts — for benchmarks and tests:
//
//	go run ./cmd/gencatalog -n 20000 -o /tmp/cat [-seed 1] [-images K] [-now 2025-12-31]
//
// It writes n products (sharded by province under products/, so no folder
// lists more than about a thousand entries) with realistic Vietnamese names
// (base product, quality word, place), stories of 150–400 words and 1–3
// council rounds each under the embedded criteria sets (QĐ 1048/2019 before
// 24/02/2023, QĐ 148/2023 after), with decisions by the council level
// allowed to recognise the star on that date; some certificates expired,
// some products not recognised, a few revoked, about 1% drafts; n/2
// producers, n/10 sales points, n/4 news articles and two pages. With
// -images K each product gets K JPEG photos of about 400 KB. The same
// flags give the same files, byte for byte.
//
// Statuses are planned against -now; build the site with the same --now.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/rubric"
)

// DefaultNow is the default build date of the generated catalogue: after
// QĐ 1489 (06/07/2025), so all three periods of who recognises what occur.
const DefaultNow = "2025-12-31"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("gencatalog", flag.ContinueOnError)
	fl.SetOutput(stderr)
	n := fl.Int("n", 1000, "number of products")
	out := fl.String("o", "", "output folder (created; an earlier catalogue there is replaced, its .ocop-cache kept)")
	seed := fl.Uint64("seed", 1, "random seed")
	images := fl.Int("images", 0, "JPEG photos per product")
	nowText := fl.String("now", DefaultNow, "build date the statuses are planned for (YYYY-MM-DD)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	now, err := time.Parse("2006-01-02", *nowText)
	if *out == "" || *n < 1 || *images < 0 || err != nil || fl.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: gencatalog -n N -o DIR [-seed S] [-images K] [-now YYYY-MM-DD]")
		return 2
	}
	start := time.Now()
	st, err := Generate(*out, Config{N: *n, Seed: *seed, Images: *images, Now: now})
	if err != nil {
		fmt.Fprintln(stderr, "gencatalog:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s in %s\nbuild it with: ocop build -s %s --now %s\n", st, time.Since(start).Round(time.Millisecond), *out, *nowText)
	return 0
}

// Stats counts what Generate wrote.
type Stats struct {
	Products, Drafts, Certified, Expired, Unrecognised, Revoked int
	Producers, SalesPoints, News, Rounds, Sheets                int
	Files                                                       int
	Bytes                                                       int64
}

func (s Stats) String() string {
	return fmt.Sprintf("%d products (%d drafts; %d with a recognition, %d of them expired, %d revoked; %d never recognised), %d rounds (%d with members' sheets), %d producers, %d sales points, %d news; %d files, %.1f MB",
		s.Products, s.Drafts, s.Certified, s.Expired, s.Revoked, s.Unrecognised, s.Rounds, s.Sheets, s.Producers, s.SalesPoints, s.News, s.Files, float64(s.Bytes)/1e6)
}

// Generate writes the catalogue described by cfg into dir.
func Generate(dir string, cfg Config) (Stats, error) {
	if err := prepare(dir); err != nil {
		return Stats{}, err
	}
	l := &diag.List{}
	sets := rubric.Load(nil, l)
	if l.Len() > 0 {
		return Stats{}, l.Err()
	}
	g := newGen(cfg, sets)
	g.build()
	g.shard(900)
	w := newWriter(dir, workers())
	g.emit(w)
	if err := w.close(); err != nil {
		return Stats{}, err
	}
	st := Stats{Products: len(g.products), Producers: len(g.producers), SalesPoints: len(g.salesPoints), News: len(g.news), Files: w.files, Bytes: w.bytes}
	for _, p := range g.products {
		if p.draft {
			st.Drafts++
		}
		st.Rounds += len(p.rounds)
		recognised, last := false, time.Time{}
		for _, r := range p.rounds {
			if r.sheets != nil {
				st.Sheets++
			}
			if r.decision != nil {
				recognised, last = true, r.decision.date
				if r.revoked != nil {
					st.Revoked++
				}
			}
		}
		switch {
		case !recognised:
			st.Unrecognised++
		default:
			st.Certified++
			if !last.AddDate(3, 0, 0).After(cfg.Now) {
				st.Expired++
			}
		}
	}
	return st, nil
}

// prepare makes dir ready: created if missing; an earlier generated
// catalogue is removed (but not its image cache); any other content is
// refused.
func prepare(dir string) error {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	head, _ := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if !strings.Contains(firstLine(string(head)), "cmd/gencatalog") {
		return fmt.Errorf("%s is not empty and holds no generated catalogue; choose another folder", dir)
	}
	for _, name := range []string{"site.yaml", "products", "content"} {
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
