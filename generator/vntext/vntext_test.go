package vntext

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Chè xanh", "che xanh"},
		{"Đồng Lợi", "dong loi"},
		{"ĐỒNG LỢI", "dong loi"},
		{norm.NFD.String("Thọ Tân"), "tho tan"},
		{"hoà", "hoa"},
		{"hòa", "hoa"},
		{"Thuỷ", "thuy"},
		{"Thủy", "thuy"},
		{"Mật ong bốn mùa hoa rừng", "mat ong bon mua hoa rung"},
		{"Ổi Lê Đài Loan", "oi le dai loan"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Chè xanh sạch Bình Sơn", "che-xanh-sach-binh-son"},
		{"Ổi Lê Đài Loan", "oi-le-dai-loan"},
		{"  Muối chấm -- Thọ Tân!  ", "muoi-cham-tho-tan"},
		{"Siro bổ dưỡng sâm báo Triso (100 ml)", "siro-bo-duong-sam-bao-triso-100-ml"},
		{norm.NFD.String("Trà xanh túi lọc"), "tra-xanh-tui-loc"},
		{"../../etc", "etc"},
		{"!!!", ""},
		{"日本", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNFC(t *testing.T) {
	nfd := norm.NFD.String("Thanh Hóa")
	if got := NFC(nfd); got != "Thanh Hóa" {
		t.Errorf("NFC(%q) = %q, want %q", nfd, got, "Thanh Hóa")
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Chè xanh", "Đồng Lợi", "a--b", "../x", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if got != "" && !IsSlug(got) {
			t.Fatalf("Slug(%q) = %q, which is not itself a slug", s, got)
		}
		for _, r := range got {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("Slug(%q) = %q contains %q", s, got, r)
			}
		}
	})
}
