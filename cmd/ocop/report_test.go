package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// reportSite writes the statistics fixture (generator/stats/testdata/
// catalogue.txtar, whose counts are listed in its comment) into a folder.
func reportSite(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("../../generator/stats/testdata/catalogue.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var name string
	var body strings.Builder
	flush := func() {
		if name == "" {
			return
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, line := range strings.SplitAfter(string(src), "\n") {
		if l := strings.TrimSpace(line); strings.HasPrefix(l, "-- ") && strings.HasSuffix(l, " --") {
			flush()
			name, body = strings.TrimSuffix(strings.TrimPrefix(l, "-- "), " --"), strings.Builder{}
			continue
		}
		body.WriteString(line)
	}
	flush()
	return dir
}

const reportH1Vi = `Báo cáo kết quả Chương trình OCOP — Thống kê thử nghiệm
Kỳ báo cáo: 01/01/2020 – 30/06/2020; so sánh với kỳ trước: 01/07/2019 – 31/12/2019.

Chỉ tiêu                                                 Kỳ này     Kỳ trước    Tăng/giảm

Đánh giá, phân hạng
  Số đợt đánh giá (hội đồng)                                  3            1           +2
  Số sản phẩm được đánh giá                                   3            1           +2

Kết quả các đợt đánh giá
  Được công nhận                                              2            1           +1
  Chưa đạt 3 sao                                              1            0           +1
  Không đạt                                                   0            0            0

Sản phẩm được công nhận, theo hạng sao
  5 sao                                                       0            0            0
  4 sao                                                       1            0           +1
  3 sao                                                       1            1            0
  Tổng số                                                     2            1           +1

Sản phẩm được công nhận, theo nhóm
  Thực phẩm                                                   2            0           +2
  Lưu niệm - nội thất - trang trí                             0            1           -1
  Đồ uống                                                     0            0            0
  Thảo dược                                                   0            0            0

Sản phẩm được công nhận, theo địa bàn
  xã A                                                        1            0           +1
  xã B                                                        1            0           +1
  xã C                                                        0            1           -1
  Chưa rõ địa bàn                                             0            0            0

Giấy chứng nhận
  Còn hiệu lực vào cuối kỳ                                    2            1           +1
  Hết hiệu lực trong kỳ (không được công nhận lại)            0            0            0
  Bị thu hồi trong kỳ                                         1            0           +1
  Sẽ hết hiệu lực trong 90 ngày sau kỳ                        0            0            0
`

// The first half of 2024 in English: ruou recognised 4★; sam (in force
// until 2024-08-04) expires within 90 days of 30/06/2024; mat-ong ended in
// the previous half (2023-06-09) and che-a's first certificate was renewed
// before it ended, so only one expiry there.
const reportH1En2024 = `OCOP programme report — Thống kê thử nghiệm
Period: 01/01/2024 – 30/06/2024; compared with the previous period: 01/07/2023 – 31/12/2023.

Figure                                      This period     Previous       Change

Evaluations
  Council rounds held                                 1            0           +1
  Products evaluated                                  1            0           +1

Outcomes of the rounds
  Recognised                                          1            0           +1
  Below 3 stars                                       0            0            0
  Failed (không đạt)                                  0            0            0

Recognitions by star
  5 stars                                             0            0            0
  4 stars                                             1            0           +1
  3 stars                                             0            0            0
  Total                                               1            0           +1

Recognitions by product group
  Thực phẩm                                           0            0            0
  Đồ uống                                             1            0           +1
  Thảo dược                                           0            0            0
  Lưu niệm - nội thất - trang trí                     0            0            0

Recognitions by area
  xã A                                                0            0            0
  xã B                                                1            0           +1
  xã C                                                0            0            0
  Area unknown                                        0            0            0

Certificates
  In force at the end of the period                   3            2           +1
  Expired in the period (not renewed)                 0            0            0
  Revoked in the period                               0            0            0
  Expiring within 90 days after the period            1            0           +1
`

func TestReport(t *testing.T) {
	dir := reportSite(t)
	for _, tc := range []struct {
		name         string
		args         []string
		code         int
		stdout       string // exact
		stderrSubstr string
	}{
		{"first half of 2020", []string{"report", "-s", dir, "--from", "2020-01-01", "--to", "2020-06-30"}, 0, reportH1Vi, ""},
		{"first half of 2024 in English", []string{"report", "-s", dir, "--from", "2024-01-01", "--to", "2024-06-30", "--lang", "en"}, 0, reportH1En2024, ""},
		{"missing --to", []string{"report", "-s", dir, "--from", "2020-01-01"}, 2, "", "--from and --to are both required"},
		{"bad date", []string{"report", "-s", dir, "--from", "2020-01-01", "--to", "30/06/2020"}, 2, "", `--to "30/06/2020": write the date as YYYY-MM-DD`},
		{"reversed", []string{"report", "-s", dir, "--from", "2020-06-30", "--to", "2020-01-01"}, 2, "", "--to 2020-01-01 is before --from 2020-06-30"},
		{"no site", []string{"report", "-s", filepath.Join(dir, "missing"), "--from", "2020-01-01", "--to", "2020-06-30"}, 2, "", "ocop report:"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		if code != tc.code {
			t.Errorf("%s: exit %d, want %d\nstderr: %s", tc.name, code, tc.code, stderr.String())
		}
		if stdout.String() != tc.stdout {
			t.Errorf("%s: stdout\n%s\nwant\n%s", tc.name, stdout.String(), tc.stdout)
		}
		if !strings.Contains(stderr.String(), tc.stderrSubstr) {
			t.Errorf("%s: stderr %q lacks %q", tc.name, stderr.String(), tc.stderrSubstr)
		}
	}
}

func TestReportFiles(t *testing.T) {
	dir := reportSite(t)
	out := filepath.Join(t.TempDir(), "bao-cao")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"report", "-s", dir, "--from", "2020-01-01", "--to", "2020-06-30", "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	base := filepath.Join(out, "bao-cao-2020-01-01-2020-06-30")
	if !strings.HasSuffix(stdout.String(), "đã ghi "+base+".csv\nđã ghi "+base+".md\n") {
		t.Errorf("stdout does not list the files written:\n%s", stdout.String())
	}
	data, err := os.ReadFile(base + ".csv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Error("CSV has no UTF-8 BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{
		"section,key,label,current 2020-01-01/2020-06-30,previous 2019-07-01/2019-12-31,change",
		"evaluated,rounds,Số đợt đánh giá (hội đồng),3,1,+2",
	} {
		if got := strings.Join(recs[i], ","); got != want {
			t.Errorf("CSV line %d: %s, want %s", i+1, got, want)
		}
	}
	if got := strings.Join(recs[len(recs)-2], ","); got != "certificates,revoked,Bị thu hồi trong kỳ,1,0,+1" {
		t.Errorf("CSV revoked line: %s", got)
	}
	md, err := os.ReadFile(base + ".md")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# Báo cáo kết quả Chương trình OCOP — Thống kê thử nghiệm\n",
		"## Sản phẩm được công nhận, theo hạng sao\n\n| Chỉ tiêu | Kỳ này | Kỳ trước | Tăng/giảm |\n|---|--:|--:|--:|\n| 5 sao | 0 | 0 | 0 |\n| 4 sao | 1 | 0 | +1 |\n| 3 sao | 1 | 1 | 0 |\n| Tổng số | 2 | 1 | +1 |\n",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
}
