package vntext

import (
	"strings"
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

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Chè xanh sạch Bình Sơn", []string{"che", "xanh", "sach", "binh", "son"}},
		{"  ĐỒNG   LỢI!! ", []string{"dong", "loi"}},
		{norm.NFD.String("Đồng Lợi"), []string{"dong", "loi"}},
		{"Siro (100ml) – Triso, 25.000 đ/chai", []string{"siro", "100ml", "triso", "25", "000", "d", "chai"}},
		{"Bà Rịa-Vũng Tàu", []string{"ba", "ria", "vung", "tau"}},
		{"<img src=x onerror=alert(1)>", []string{"img", "src", "x", "onerror", "alert", "1"}},
		{"", nil},
		{"!!! ---", nil},
	}
	for _, tt := range tests {
		got := Tokens(tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Chè", "chè"},
		{"hoà", "hòa"},
		{"hòa", "hòa"},
		{"HOÀ", "hòa"},
		{"thuỷ", "thủy"},
		{"Thủy", "thủy"},
		{"khoẻ", "khỏe"},
		{"hoàng", "hoàng"},
		{"hòang", "hoàng"},
		{"quý", "quý"},
		{"Quỳnh", "quỳnh"},
		{"hoặc", "hoặc"},
		{norm.NFD.String("Đồng"), "đồng"},
		{"che", "che"},
		{"Thanh Hoá", "thanh hóa"}, // not one word, but the rule is per syllable group
		{"tòa", "tòa"},
		{"toà", "tòa"},
		{"Triso", "triso"},
		{"a\u0341", "á"},
	}
	for _, tt := range tests {
		var got []string
		EachWord(tt.in, func(w string) { got = append(got, Exact(w)) })
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Exact(%q) = %q, want %q", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}
