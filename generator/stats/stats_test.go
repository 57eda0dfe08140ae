package stats

import (
	"fmt"
	"testing"
)

func rows(rs []Row) string {
	s := ""
	for _, r := range rs {
		s += fmt.Sprintf("%s|%s|%v\n", r.Key, r.Label, r.Values)
	}
	return s
}

func TestCompute(t *testing.T) {
	c := Compute(fixture(t, fixtureNow), fixtureNow)
	for _, tc := range []struct {
		name string
		got  []Row
		want string
	}{
		{"statuses", c.Statuses, "con-hieu-luc|con-hieu-luc|[2]\nsap-het-han|sap-het-han|[1]\nhet-hieu-luc|het-hieu-luc|[1]\nda-thu-hoi|da-thu-hoi|[1]\nchua-cong-nhan|chua-cong-nhan|[1]\ndang-phat-trien|dang-phat-trien|[1]\n"},
		{"stars", c.Stars, "5|5|[0 0]\n4|4|[1 2]\n3|3|[2 3]\n"},
		{"groups", c.Groups, "thuc-pham|Thực phẩm|[1 2]\ndo-uong|Đồ uống|[1 1]\nthao-duoc|Thảo dược|[1 1]\nluu-niem-noi-that-trang-tri|Lưu niệm - nội thất - trang trí|[0 1]\n"},
		{"areas", c.Areas, "thanh-hoa/huyen-trieu-son/xa-a|xã A|[2 2]\nthanh-hoa/huyen-trieu-son/xa-b|xã B|[1 2]\nthanh-hoa/huyen-trieu-son/xa-c|xã C|[0 1]\n||[0 0]\n"},
		{"years", c.Years, "2019|2019|[1 1]\n2020|2020|[3 2]\n2021|2021|[1 1]\n2022|2022|[0 0]\n2023|2023|[1 1]\n2024|2024|[1 1]\n"},
		{"expiring", c.Expiring, "2024-06|06/2024|[0]\n2024-07|07/2024|[0]\n2024-08|08/2024|[1]\n2024-09|09/2024|[0]\n2024-10|10/2024|[0]\n2024-11|11/2024|[0]\n2024-12|12/2024|[0]\n2025-01|01/2025|[0]\n2025-02|02/2025|[0]\n2025-03|03/2025|[0]\n2025-04|04/2025|[0]\n2025-05|05/2025|[0]\n"},
	} {
		if got := rows(tc.got); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
	if c.Products != 7 {
		t.Errorf("products = %d, want 7", c.Products)
	}
	if len(c.ExpiringProducts) != 1 || c.ExpiringProducts[0].Slug != "sam" {
		t.Errorf("expiring products = %v", c.ExpiringProducts)
	}
}

// TestComputeEmpty: a catalogue with nothing still has the star and month
// rows, all zero.
func TestComputeEmpty(t *testing.T) {
	c := Compute(nil, fixtureNow)
	if len(c.Stars) != 3 || len(c.Expiring) != ExpiringMonths || len(c.Years) != 0 || len(c.Groups) != 0 {
		t.Errorf("empty catalogue: %d stars, %d months, %d years, %d groups", len(c.Stars), len(c.Expiring), len(c.Years), len(c.Groups))
	}
}

func TestPrevious(t *testing.T) {
	for _, tc := range []struct{ from, to, wantFrom, wantTo string }{
		{"2020-01-01", "2020-06-30", "2019-07-01", "2019-12-31"}, // half-year
		{"2021-01-01", "2021-12-31", "2020-01-01", "2020-12-31"}, // year
		{"2020-07-01", "2020-09-30", "2020-04-01", "2020-06-30"}, // quarter
		{"2020-03-01", "2020-03-31", "2020-02-01", "2020-02-29"}, // month, leap year
		{"2020-01-10", "2020-01-19", "2019-12-31", "2020-01-09"}, // ten days
	} {
		p := Period{From: day(tc.from), To: day(tc.to)}.Previous()
		if got := p.From.Format("2006-01-02") + " " + p.To.Format("2006-01-02"); got != tc.wantFrom+" "+tc.wantTo {
			t.Errorf("%s–%s: previous %s, want %s %s", tc.from, tc.to, got, tc.wantFrom, tc.wantTo)
		}
	}
}

func TestForPeriod(t *testing.T) {
	ps := fixture(t, fixtureNow)
	for _, tc := range []struct {
		from, to string
		want     string
	}{
		{"2020-01-01", "2020-06-30", "rounds 3 evaluated 3 outcomes map[chua-cong-nhan:1 cong-nhan:2] stars map[3:1 4:1] expired 0 revoked 1 expiring 0 in force 2"},
		{"2019-07-01", "2019-12-31", "rounds 1 evaluated 1 outcomes map[cong-nhan:1] stars map[3:1] expired 0 revoked 0 expiring 0 in force 1"},
		// che-a's first certificate ends 2023-03-31 but was renewed on
		// 2023-03-25: not expired. mat-ong's ends 2023-06-09.
		{"2023-01-01", "2023-06-30", "rounds 1 evaluated 1 outcomes map[cong-nhan:1] stars map[3:1] expired 1 revoked 0 expiring 0 in force 2"},
		// On 2024-06-30 sam has 35 days left.
		{"2024-01-01", "2024-06-30", "rounds 1 evaluated 1 outcomes map[cong-nhan:1] stars map[4:1] expired 0 revoked 0 expiring 1 in force 3"},
	} {
		f := ForPeriod(ps, Period{From: day(tc.from), To: day(tc.to)})
		got := fmt.Sprintf("rounds %d evaluated %d outcomes %v stars %v expired %d revoked %d expiring %d in force %d",
			f.Rounds, f.Evaluated, f.Outcomes, f.Recognised, f.Expired, f.Revoked, f.Expiring, f.InForce)
		if got != tc.want {
			t.Errorf("%s–%s:\n got %s\nwant %s", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestReportLines(t *testing.T) {
	r := NewReport(fixture(t, fixtureNow), Period{From: day("2020-01-01"), To: day("2020-06-30")}, fixtureNow)
	got := ""
	for _, l := range r.Lines {
		got += fmt.Sprintf("%s %s %d %d %+d\n", l.Section, l.Key, l.Current, l.Prior, l.Change())
	}
	want := `evaluated rounds 3 1 +2
evaluated products 3 1 +2
outcome cong-nhan 2 1 +1
outcome chua-cong-nhan 1 0 +1
outcome khong-dat 0 0 +0
star 5 0 0 +0
star 4 1 0 +1
star 3 1 1 +0
star total 2 1 +1
group thuc-pham 2 0 +2
group do-uong 0 0 +0
group thao-duoc 0 0 +0
group luu-niem-noi-that-trang-tri 0 1 -1
area thanh-hoa/huyen-trieu-son/xa-a 1 0 +1
area thanh-hoa/huyen-trieu-son/xa-b 1 0 +1
area thanh-hoa/huyen-trieu-son/xa-c 0 1 -1
area  0 0 +0
certificates in-force 2 1 +1
certificates expired 0 0 +0
certificates revoked 1 0 +1
certificates expiring 0 0 +0
`
	if got != want {
		t.Errorf("report lines:\n%s\nwant\n%s", got, want)
	}
}
