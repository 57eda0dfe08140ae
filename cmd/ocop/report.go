package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/site"
	"github.com/ocop-vn/ocop/generator/stats"
)

const reportUsage = "ocop report [-s DIR] --from YYYY-MM-DD --to YYYY-MM-DD [-o DIR] [--lang vi|en]"

// runReport prints the figures of a reporting period beside those of the
// period before it — the six-monthly and yearly reports the programme asks
// local governments for — and with -o also writes them as CSV and Markdown.
// Figures depend only on the files and the dates given (certificates are
// judged as of --to), so a report can be made again later and agree.
func runReport(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var from, to, out string
	flags := newFlagSet("report", reportUsage, stderr)
	flags.StringVar(&sf.dir, "s", ".", "the site folder (holding site.yaml)")
	flags.StringVar(&sf.lang, "lang", "", "language of the report and messages: vi or en (default: the site's language)")
	flags.StringVar(&from, "from", "", "first day of the period, YYYY-MM-DD")
	flags.StringVar(&to, "to", "", "last day of the period, YYYY-MM-DD")
	flags.StringVar(&out, "o", "", "also write the report as CSV and Markdown into this folder")
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	period, err := parsePeriod(from, to)
	if err != nil {
		fmt.Fprintln(stderr, "ocop report:", err)
		fmt.Fprintln(stderr, "usage:", reportUsage)
		return 2
	}
	lang := sf.language()
	fsys, err := site.SiteFS(sf.dir)
	if err != nil {
		fmt.Fprintln(stderr, "ocop report:", err)
		return 2
	}
	cat, problems := content.Load(fsys, content.Options{Now: period.To})
	if problems.Len() > 0 {
		problems.PrintIn(stderr, lang)
		return 1
	}
	var public []*content.Product
	for _, p := range cat.Products {
		if !p.Draft && cat.ProductBySlug[p.Slug] == p {
			public = append(public, p)
		}
	}
	r := stats.NewReport(public, period, period.To)
	words := reportWords(lang)
	fmt.Fprint(stdout, reportText(r, cat.Site.Title, words))
	if out == "" {
		return 0
	}
	base := filepath.Join(out, "bao-cao-"+period.From.Format(time.DateOnly)+"-"+period.To.Format(time.DateOnly))
	if err := os.MkdirAll(out, 0o755); err != nil {
		fmt.Fprintln(stderr, "ocop report:", err)
		return 2
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{base + ".csv", reportCSV(r, words)}, {base + ".md", []byte(reportMarkdown(r, cat.Site.Title, words))}} {
		if err := os.WriteFile(f.name, f.data, 0o644); err != nil {
			fmt.Fprintln(stderr, "ocop report:", err)
			return 2
		}
		fmt.Fprintln(stdout, words["wrote"], f.name)
	}
	return 0
}

func parsePeriod(from, to string) (stats.Period, error) {
	if from == "" || to == "" {
		return stats.Period{}, fmt.Errorf("--from and --to are both required")
	}
	f, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return stats.Period{}, fmt.Errorf("--from %q: write the date as YYYY-MM-DD", from)
	}
	t, err := time.Parse(time.DateOnly, to)
	if err != nil {
		return stats.Period{}, fmt.Errorf("--to %q: write the date as YYYY-MM-DD", to)
	}
	if t.Before(f) {
		return stats.Period{}, fmt.Errorf("--to %s is before --from %s", to, from)
	}
	return stats.Period{From: f, To: t}, nil
}

// reportWords are the report's headings and labels in lang (vi, else en).
func reportWords(lang string) map[string]string {
	if lang == "vi" {
		return map[string]string{
			"title": "Báo cáo kết quả Chương trình OCOP", "period": "Kỳ báo cáo: %s – %s; so sánh với kỳ trước: %s – %s.",
			"figure": "Chỉ tiêu", "current": "Kỳ này", "prior": "Kỳ trước", "change": "Tăng/giảm", "wrote": "đã ghi",
			"evaluated": "Đánh giá, phân hạng", "evaluated/rounds": "Số đợt đánh giá (hội đồng)", "evaluated/products": "Số sản phẩm được đánh giá",
			"outcome": "Kết quả các đợt đánh giá", "outcome/cong-nhan": "Được công nhận", "outcome/chua-cong-nhan": "Chưa đạt 3 sao", "outcome/khong-dat": "Không đạt",
			"star": "Sản phẩm được công nhận, theo hạng sao", "star/n": "%d sao", "star/total": "Tổng số",
			"group": "Sản phẩm được công nhận, theo nhóm", "group/": "Chưa phân nhóm",
			"area": "Sản phẩm được công nhận, theo địa bàn", "area/": "Chưa rõ địa bàn",
			"certificates": "Giấy chứng nhận", "certificates/in-force": "Còn hiệu lực vào cuối kỳ", "certificates/expired": "Hết hiệu lực trong kỳ (không được công nhận lại)",
			"certificates/revoked": "Bị thu hồi trong kỳ", "certificates/expiring": "Sẽ hết hiệu lực trong 90 ngày sau kỳ",
		}
	}
	return map[string]string{
		"title": "OCOP programme report", "period": "Period: %s – %s; compared with the previous period: %s – %s.",
		"figure": "Figure", "current": "This period", "prior": "Previous", "change": "Change", "wrote": "wrote",
		"evaluated": "Evaluations", "evaluated/rounds": "Council rounds held", "evaluated/products": "Products evaluated",
		"outcome": "Outcomes of the rounds", "outcome/cong-nhan": "Recognised", "outcome/chua-cong-nhan": "Below 3 stars", "outcome/khong-dat": "Failed (không đạt)",
		"star": "Recognitions by star", "star/n": "%d stars", "star/total": "Total",
		"group": "Recognitions by product group", "group/": "No group",
		"area": "Recognitions by area", "area/": "Area unknown",
		"certificates": "Certificates", "certificates/in-force": "In force at the end of the period", "certificates/expired": "Expired in the period (not renewed)",
		"certificates/revoked": "Revoked in the period", "certificates/expiring": "Expiring within 90 days after the period",
	}
}

// label is how a report line is named in the report's language.
func label(l stats.Line, w map[string]string) string {
	switch {
	case l.Section == "star" && l.Key != "total":
		n, _ := strconv.Atoi(l.Key)
		return fmt.Sprintf(w["star/n"], n)
	case (l.Section == "group" || l.Section == "area") && l.Key != "":
		return l.Label
	}
	if s, ok := w[l.Section+"/"+l.Key]; ok {
		return s
	}
	return l.Label
}

func vnDate(t time.Time) string { return t.Format("02/01/2006") }

func periodLine(r *stats.Report, w map[string]string) string {
	return fmt.Sprintf(w["period"], vnDate(r.Current.Period.From), vnDate(r.Current.Period.To), vnDate(r.Prior.Period.From), vnDate(r.Prior.Period.To))
}

func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// sections groups the report's lines by section, in order.
func sections(r *stats.Report) [][]stats.Line {
	var out [][]stats.Line
	for _, l := range r.Lines {
		if len(out) == 0 || out[len(out)-1][0].Section != l.Section {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], l)
	}
	return out
}

func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// reportText is the report as printed: one block per section, numbers in
// right-aligned columns.
func reportText(r *stats.Report, title string, w map[string]string) string {
	width := utf8.RuneCountInString(w["figure"])
	for _, l := range r.Lines {
		width = max(width, utf8.RuneCountInString(label(l, w))+2)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n%s\n", w["title"], title, periodLine(r, w))
	fmt.Fprintf(&b, "\n%s %12s %12s %12s\n", pad(w["figure"], width), w["current"], w["prior"], w["change"])
	for _, sec := range sections(r) {
		fmt.Fprintf(&b, "\n%s\n", w[sec[0].Section])
		for _, l := range sec {
			fmt.Fprintf(&b, "%s %12d %12d %12s\n", pad("  "+label(l, w), width), l.Current, l.Prior, signed(l.Change()))
		}
	}
	return b.String()
}

// reportMarkdown is the report as a Markdown document, one table per
// section, for pasting into the written report.
func reportMarkdown(r *stats.Report, title string, w map[string]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s — %s\n\n%s\n", w["title"], title, periodLine(r, w))
	for _, sec := range sections(r) {
		fmt.Fprintf(&b, "\n## %s\n\n| %s | %s | %s | %s |\n|---|--:|--:|--:|\n", w[sec[0].Section], w["figure"], w["current"], w["prior"], w["change"])
		for _, l := range sec {
			fmt.Fprintf(&b, "| %s | %d | %d | %s |\n", strings.ReplaceAll(label(l, w), "|", "\\|"), l.Current, l.Prior, signed(l.Change()))
		}
	}
	return b.String()
}

// reportCSV is the report as CSV (UTF-8 with BOM): section, key, label,
// the two periods' figures and the change; the periods' dates are in the
// header, so a file read alone says what it covers.
func reportCSV(r *stats.Report, w map[string]string) []byte {
	cur, prev := r.Current.Period, r.Prior.Period
	header := []string{"section", "key", "label",
		"current " + cur.From.Format(time.DateOnly) + "/" + cur.To.Format(time.DateOnly),
		"previous " + prev.From.Format(time.DateOnly) + "/" + prev.To.Format(time.DateOnly), "change"}
	var recs [][]string
	for _, l := range r.Lines {
		recs = append(recs, []string{l.Section, l.Key, label(l, w), strconv.Itoa(l.Current), strconv.Itoa(l.Prior), signed(l.Change())})
	}
	return stats.CSV(header, recs)
}
