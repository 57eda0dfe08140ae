// Package vntext holds the Vietnamese text rules every other package shares:
// Unicode NFC normalisation of what staff type or paste, and one folding
// function (lower case, tone and vowel marks removed, đ → d) from which URL
// slugs and, later, search keys are made. Keeping one implementation means a
// slug and a search key for the same name can never disagree.
package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode Normalization Form C. Text pasted from other tools
// often arrives decomposed (NFD), which looks the same but compares unequal.
func NFC(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// Fold lower-cases s and removes every diacritic, mapping đ and Đ to d, so
// that "Chè xanh Đồng Lợi", its NFD form and "che xanh dong loi" fold to the
// same string. Old and new tone placement ("hoà", "hòa") fold alike because
// the tone mark is dropped wherever it sits.
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s) // the common case of ids and unaccented text
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// Tone and vowel marks (and the deprecated U+0340/U+0341 tones).
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Slug turns a Vietnamese name into a URL path segment: folded, with every
// run of characters other than a–z and 0–9 replaced by one hyphen, and no
// hyphen at either end. "Chè xanh sạch Bình Sơn" becomes
// "che-xanh-sach-binh-son". It returns "" when nothing usable is left.
func Slug(s string) string {
	f := Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	dash := false
	for _, r := range f {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// IsSlug reports whether s is already a valid slug, the form ids of
// producers, sales points and products must have: a–z and 0–9 in runs
// joined by single hyphens.
func IsSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// ValidUTF8 reports whether b is UTF-8; staff files in legacy encodings
// (TCVN3, VNI, Windows-1258) must be converted before they can be read.
func ValidUTF8(b []byte) bool { return utf8.Valid(b) }
