package vntext

import "testing"

func TestIsSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"che-xanh": true, "a": true, "2020-ke-hoach": true, "": false, "-a": false, "a-": false,
		"a--b": false, "Che": false, "chè": false, "a_b": false, "a b": false,
	} {
		if got := IsSlug(s); got != want {
			t.Errorf("IsSlug(%q) = %v, want %v", s, got, want)
		}
		if got := IsSlug(s); got != (s != "" && Slug(s) == s) {
			t.Errorf("IsSlug(%q) disagrees with Slug", s)
		}
	}
}
