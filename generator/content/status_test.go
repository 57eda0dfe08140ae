package content

import (
	"strings"
	"testing"
	"time"

	"github.com/ocop-vn/ocop/generator/internal/txtar"
)

// statusSite has one product per history: recognised once (2021-04-06, 36
// months → last valid day 2024-04-05), revoked, re-recognised, upgraded,
// evaluated without recognition, and in development.
const statusSite = `
-- site.yaml --
title: T
rubric: qd1048-2019
-- content/producers/p.yaml --
name: P
-- products/mot-lan/product.yaml --
name: Một lần
producer: p
-- products/mot-lan/scores/2021-03-15-tinh.yaml --
level: tinh
date: 2021-03-15
decision: {number: 1114/QĐ-UBND, date: 2021-04-06, star: 3}
-- products/thu-hoi/product.yaml --
name: Thu hồi
producer: p
-- products/thu-hoi/scores/2021-03-15-tinh.yaml --
level: tinh
date: 2021-03-15
decision: {date: 2021-04-06, star: 3}
revoked: {number: 58/QĐ-UBND, date: 2022-02-10, reason: Không đánh giá lại}
-- products/cong-nhan-lai/product.yaml --
name: Công nhận lại
producer: p
-- products/cong-nhan-lai/scores/2021-03-15-tinh.yaml --
level: tinh
date: 2021-03-15
decision: {date: 2021-04-06, star: 3}
-- products/cong-nhan-lai/scores/2024-03-01-tinh.yaml --
rubric: qd148-2023
level: huyen
date: 2024-03-01
total: 61.5
decision: {date: 2024-03-20, star: 3}
-- products/nang-hang/product.yaml --
name: Nâng hạng
producer: p
-- products/nang-hang/scores/2021-03-15-tinh.yaml --
level: tinh
date: 2021-03-15
total: 64
decision: {date: 2021-04-06, star: 3}
-- products/nang-hang/scores/2022-09-01-tinh.yaml --
level: tinh
date: 2022-09-01
total: 72.25
decision: {date: 2022-09-20, star: 4}
-- products/chua-dat/product.yaml --
name: Chưa đạt
producer: p
-- products/chua-dat/scores/2022-09-01-huyen.yaml --
level: huyen
date: 2022-09-01
total: 45
-- products/phat-trien/product.yaml --
name: Phát triển
producer: p
`

func TestStatus(t *testing.T) {
	fsys := txtar.Parse(statusSite).FS()
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		product, now string
		status       Status
		star         int
		until        string
	}{
		{"mot-lan", "2021-04-05", NotRanked, 0, ""}, // evaluated, decision not yet issued
		{"mot-lan", "2021-04-06", Valid, 3, "2024-04-05"},
		{"mot-lan", "2024-01-06", Expiring, 3, "2024-04-05"}, // within 90 days
		{"mot-lan", "2024-04-05", Expiring, 3, "2024-04-05"}, // last valid day
		{"mot-lan", "2024-04-06", Expired, 3, "2024-04-05"},
		{"thu-hoi", "2022-02-09", Valid, 3, "2024-04-05"},
		{"thu-hoi", "2022-02-10", Revoked, 3, "2022-02-09"},
		{"cong-nhan-lai", "2024-03-19", Expiring, 3, "2024-04-05"},
		{"cong-nhan-lai", "2024-03-20", Valid, 3, "2027-03-19"},
		{"nang-hang", "2022-09-19", Valid, 3, "2024-04-05"},
		{"nang-hang", "2022-09-20", Valid, 4, "2025-09-19"},
		{"chua-dat", "2026-01-01", NotRanked, 0, ""},
		{"phat-trien", "2026-01-01", Development, 0, ""},
	}
	for _, tt := range tests {
		c, l := Load(fsys, Options{Now: day(tt.now)})
		if l.Len() > 0 {
			t.Fatalf("fixture has problems:\n%v", l.Err())
		}
		p := c.ProductBySlug[tt.product]
		if p.Cert.Status != tt.status || p.Cert.Star != tt.star || p.Cert.ValidUntil.String() != tt.until {
			t.Errorf("%s at %s: status %s, %d stars, until %q; want %s, %d, %q",
				tt.product, tt.now, p.Cert.Status, p.Cert.Star, p.Cert.ValidUntil, tt.status, tt.star, tt.until)
		}
	}
}

// TestExampleRecords checks the real records of the example site (OCOP.md
// §9) carry their decisions and show the right status on the day the
// example was last reviewed.
func TestExampleRecords(t *testing.T) {
	c, l := Load(osDirFS(t, "../.."), Options{Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
	if l.Len() > 0 {
		t.Fatalf("example site has problems:\n%v", l.Err())
	}
	tests := []struct {
		slug, decision string
		star           int
		status         Status
	}{
		{"tra-xanh-tui-loc-binh-son", "1114/QĐ-UBND", 3, Expired},
		{"vien-nang-sam-bao-triso", "2942/QĐ-UBND", 3, Expired},
		{"siro-bo-duong-sam-bao-triso", "2942/QĐ-UBND", 3, Expired},
		{"che-sach-binh-son", "", 3, Expired},
		{"mat-ong-bon-mua-hoa-rung-nguyen-chat", "", 3, Expired},
		{"oi-le-dai-loan-dong-loi", "", 0, Development},
		{"muoi-cham-tho-tan", "", 0, Development},
		{"che-xanh-sach-binh-son", "", 0, Development},
	}
	for _, tt := range tests {
		p, ok := c.ProductBySlug[tt.slug]
		if !ok {
			t.Errorf("%s missing", tt.slug)
			continue
		}
		number := ""
		if p.Cert.Decision != nil {
			number = p.Cert.Decision.Number
		}
		if number != tt.decision || p.Cert.Star != tt.star || p.Cert.Status != tt.status {
			t.Errorf("%s: decision %q, %d stars, %s; want %q, %d, %s", tt.slug, number, p.Cert.Star, p.Cert.Status, tt.decision, tt.star, tt.status)
		}
	}
	if p := c.ProductBySlug["tra-xanh-tui-loc-binh-son"]; !strings.HasPrefix(p.Cert.ValidUntil.String(), "2024-04-05") {
		t.Errorf("Trà xanh túi lọc valid until %s, want 2024-04-05 (36 months from 06/04/2021)", p.Cert.ValidUntil)
	}
}
