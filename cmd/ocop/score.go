package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/rubric"
	"github.com/ocop-vn/ocop/generator/scoring"
	"github.com/ocop-vn/ocop/generator/site"
)

const scoreUsage = "ocop score [-s DIR] [--json] [--now YYYY-MM-DD] FILE… | ocop score [-s DIR] --form SET/FORM"

// runScore prints the breakdown of score files: the scoring tool the
// programme asks for. With --form it prints a blank sheet instead.
func runScore(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var asJSON bool
	var form string
	flags := newFlagSet("score", scoreUsage, stderr)
	sf.register(flags)
	flags.BoolVar(&asJSON, "json", false, "print the results as JSON")
	flags.StringVar(&form, "form", "", "print a blank sheet for a form, e.g. qd1048-2019/che-tuoi-che-bien")
	if err := flags.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	now, err := sf.date()
	if err != nil {
		fmt.Fprintln(stderr, "ocop score:", err)
		return 2
	}
	siteFS, err := site.SiteFS(sf.dir)
	if err != nil {
		fmt.Fprintln(stderr, "ocop score:", err)
		return 2
	}
	if form != "" {
		return blankSheet(siteFS, form, stdout, stderr)
	}
	if flags.NArg() == 0 {
		fmt.Fprintln(stderr, "usage:", scoreUsage)
		return 2
	}
	code := 0
	var results []roundJSON
	for _, file := range flags.Args() {
		name, err := siteRelative(sf.dir, file)
		if err != nil {
			fmt.Fprintln(stderr, "ocop score:", err)
			code = 1
			continue
		}
		ev, problems := content.LoadRound(siteFS, name, now)
		if ev != nil {
			if asJSON {
				results = append(results, toJSON(ev, problems))
			} else {
				printRound(stdout, ev)
			}
		}
		if problems.Len() > 0 {
			code = 1
		}
		if !asJSON {
			problems.PrintIn(stderr, sf.language())
		}
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(results); err != nil {
			fmt.Fprintln(stderr, "ocop score:", err)
			return 1
		}
	}
	return code
}

// siteRelative turns a file argument into a slash path inside the site.
func siteRelative(dir, file string) (string, error) {
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(absDir, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", fmt.Errorf("%s is not inside the site folder %s", file, dir)
	}
	return filepath.ToSlash(rel), nil
}

func blankSheet(site fs.FS, spec string, stdout, stderr io.Writer) int {
	setID, formID, ok := strings.Cut(spec, "/")
	l := &diag.List{}
	reg := rubric.Load(site, l)
	set, found := reg.Get(setID)
	if !ok || !found {
		fmt.Fprintf(stderr, "ocop score: unknown form %q; write SET/FORM, sets: %s\n", spec, strings.Join(reg.IDs(), ", "))
		return 2
	}
	f, found := set.FormFor(formID)
	if !found {
		fmt.Fprintf(stderr, "ocop score: %s has no form %q; forms: %s\n", setID, formID, strings.Join(set.FormIDs(), ", "))
		return 2
	}
	fmt.Fprint(stdout, content.Blank(set, f))
	return 0
}

// printRound writes one round as an aligned table: every criterion with
// each sheet's points and the average, then subtotals, star and outcome.
func printRound(w io.Writer, ev *content.Evaluation) {
	fmt.Fprintf(w, "%s\n", ev.File)
	if ev.Set != nil {
		fmt.Fprintf(w, "Bộ tiêu chí: %s (%s)", ev.Set.ID, ev.Set.Title)
	}
	if ev.FormRef != nil && ev.FormRef.ID != "" {
		fmt.Fprintf(w, " · phiếu %s", ev.FormRef.ID)
	}
	fmt.Fprintf(w, "\nCấp: %s · ngày %s\n\n", or(ev.Level, "—"), or(ev.Date.VN(), "—"))
	res := ev.Score
	if len(res.Sheets) > 0 {
		// Labels left-aligned, numbers right-aligned in fixed columns;
		// widths count runes, which suits NFC Vietnamese text.
		type line struct {
			label string
			cells []string
		}
		var lines []line
		head := []string{"Tối đa"}
		for i := range res.Sheets {
			head = append(head, fmt.Sprintf("Phiếu %d", i+1))
		}
		lines = append(lines, line{"Tiêu chí", append(head, "TB")})
		row := func(label string, max float64, pts func(b scoring.Breakdown) float64, mean float64) {
			cells := []string{scoring.Format(max)}
			for _, b := range res.Sheets {
				cells = append(cells, scoring.Format(pts(b)))
			}
			lines = append(lines, line{label, append(cells, scoring.Format(mean))})
		}
		for pi, p := range res.Mean.Parts {
			for si, s := range p.Sections {
				for ci, c := range s.Criteria {
					row("    "+c.ID+" "+c.Name, c.Max, func(b scoring.Breakdown) float64 { return b.Parts[pi].Sections[si].Criteria[ci].Points }, c.Points)
				}
				row("  "+s.ID+". "+s.Name, s.Max, func(b scoring.Breakdown) float64 { return b.Parts[pi].Sections[si].Points }, s.Points)
			}
			row(p.ID+". "+p.Name, p.Max, func(b scoring.Breakdown) float64 { return b.Parts[pi].Points }, p.Points)
		}
		row("Tổng", 100, func(b scoring.Breakdown) float64 { return b.Total }, res.Average)
		width := 0
		for _, ln := range lines {
			width = max(width, utf8.RuneCountInString(ln.label))
		}
		for _, ln := range lines {
			fmt.Fprint(w, ln.label, strings.Repeat(" ", width-utf8.RuneCountInString(ln.label)))
			for _, c := range ln.cells {
				fmt.Fprintf(w, " %8s", c)
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w)
	}
	switch {
	case ev.HasScore:
		fmt.Fprintf(w, "Điểm trung bình: %s → %d sao · kết quả: %s\n", scoring.Format(ev.Average), res.Star, outcomeText(ev.Outcome))
		for _, r := range res.Reasons {
			fmt.Fprintf(w, "  - %s\n", r)
		}
	default:
		fmt.Fprintln(w, "Điểm chấm không được công bố.")
	}
	if d := ev.Decision; d != nil {
		fmt.Fprintf(w, "Quyết định: %s ngày %s (%s), %d sao", or(d.Number, "(không rõ số)"), or(d.Date.VN(), "—"), or(d.Issuer, "—"), d.Star)
		if until := validUntil(ev); !until.IsZero() {
			fmt.Fprintf(w, ", hiệu lực đến hết ngày %s", until.Format("02/01/2006"))
		}
		fmt.Fprintln(w)
	}
	if r := ev.Revoked; r != nil {
		fmt.Fprintf(w, "Thu hồi: %s ngày %s %s\n", r.Number, r.Date.VN(), r.Reason)
	}
	fmt.Fprintln(w)
}

// validUntil is the decision's last valid day, the same rule the site uses.
func validUntil(ev *content.Evaluation) time.Time {
	d := ev.Decision
	if !d.ValidUntil.IsZero() {
		return d.ValidUntil.Time
	}
	if d.Date.IsZero() {
		return time.Time{}
	}
	months := 36
	if ev.Set != nil {
		months = ev.Set.Validity()
	}
	return d.Date.AddDate(0, months, -1)
}

func outcomeText(o scoring.Outcome) string {
	switch o {
	case scoring.Recognised:
		return "được công nhận"
	case scoring.NotRecognised:
		return "chưa đạt hạng 3 sao"
	case scoring.Failed:
		return "KHÔNG ĐẠT"
	}
	return "—"
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// roundJSON is the --json form of one round.
type roundJSON struct {
	File     string              `json:"file"`
	Rubric   string              `json:"rubric"`
	Form     string              `json:"form,omitempty"`
	Level    string              `json:"level,omitempty"`
	Date     string              `json:"date,omitempty"`
	Average  *float64            `json:"average,omitempty"`
	Star     int                 `json:"star,omitempty"`
	Outcome  string              `json:"outcome,omitempty"`
	Reasons  []string            `json:"reasons,omitempty"`
	Sheets   []scoring.Breakdown `json:"sheets,omitempty"`
	Mean     *scoring.Breakdown  `json:"mean,omitempty"`
	Decision *content.Decision   `json:"decision,omitempty"`
	Problems []string            `json:"problems,omitempty"`
}

func toJSON(ev *content.Evaluation, problems *diag.List) roundJSON {
	r := roundJSON{File: ev.File, Rubric: ev.Rubric, Level: ev.Level, Date: ev.Date.String(),
		Outcome: string(ev.Outcome), Reasons: ev.Score.Reasons, Decision: ev.Decision}
	if ev.FormRef != nil {
		r.Form = ev.FormRef.ID
	}
	if ev.HasScore {
		avg := ev.Average
		r.Average, r.Star = &avg, ev.Score.Star
	}
	if len(ev.Score.Sheets) > 0 {
		r.Sheets, r.Mean = ev.Score.Sheets, &ev.Score.Mean
	}
	for _, p := range problems.Problems() {
		r.Problems = append(r.Problems, p.Error())
	}
	return r
}
