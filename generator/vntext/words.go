package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Search keys. A text is split into words, runs of letters, digits and
// combining marks; everything else (spaces, punctuation, symbols) separates
// words and is dropped. Each word has two keys:
//
//   - Key, the folded form: Fold of the word, so "Đồng", "ĐỒNG", "đồng" in
//     NFC or NFD, and "dong" all give "dong". The index is looked up by it.
//   - Exact, the word as written but normalised: NFC, lower case and one
//     tone placement ("hoà" and "hòa" both give "hòa", "thuỷ" and "thủy"
//     both "thủy"), marks kept. A query typed with marks ranks documents
//     whose word has the same Exact key above those that only fold alike
//     ("chè" above "chế").
//
// The JavaScript client (static/js/search.js) implements the same rules;
// generator/search/testdata/vectors.json holds the cases both must pass.

// EachWord calls f with every word of s, as a substring of NFC(s).
func EachWord(s string, f func(word string)) { EachWordNFC(NFC(s), f) }

// EachWordNFC is EachWord for text already in NFC (as everything
// generator/content loads is), sparing the check.
func EachWordNFC(s string, f func(word string)) {
	// A run of marks alone (a stray combining accent) is no word: it would
	// fold to an empty key.
	emit := func(w string) {
		if hasASCII(w) || Key(w) != "" {
			f(w)
		}
	}
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			emit(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		emit(s[start:])
	}
}

// hasASCII reports whether w holds an ASCII byte: a word rune that is ASCII
// is a letter or digit, so the word's key is not empty. It spares folding
// every word just to test that, which was most of the search index's time.
func hasASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < utf8.RuneSelf {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// Key is the folded search key of one word (see EachWord).
func Key(word string) string { return Fold(word) }

// Tokens returns the folded keys of the words of s, in order.
func Tokens(s string) []string {
	var out []string
	EachWord(s, func(w string) { out = append(out, Key(w)) })
	return out
}

// ExactTokens returns the exact keys of the words of s, in order.
func ExactTokens(s string) []string {
	var out []string
	EachWord(s, func(w string) { out = append(out, Exact(w)) })
	return out
}

// Tone marks; the deprecated U+0340 and U+0341 stand for U+0300 and U+0301.
func toneMark(r rune) (rune, bool) {
	switch r {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return r, true
	case '\u0340':
		return '\u0300', true
	case '\u0341':
		return '\u0301', true
	}
	return 0, false
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// unit is a base letter with the combining marks that follow it.
type unit struct {
	base  rune
	marks []rune
}

// Exact is the exact key of one word: lower case, NFC, with the tone mark
// of the vowel pairs oa, oe and uy placed one way. Old-style spelling puts
// the tone of an open syllable on the second vowel ("hoà", "thuỷ", "khoẻ"),
// new-style on the first ("hòa", "thủy", "khỏe"); in a closed syllable
// both put it on the second ("hoàng", "khoét"). Exact keys use the new
// style, and also move a misplaced tone of a closed syllable ("hòang").
func Exact(word string) string {
	if isASCII(word) {
		return strings.ToLower(word)
	}
	var units []unit
	tone := rune(0)
	tonePos := -1
	for _, r := range norm.NFD.String(word) {
		if t, ok := toneMark(r); ok {
			if tone == 0 && len(units) > 0 {
				tone, tonePos = t, len(units)-1
			}
			continue
		}
		if unicode.Is(unicode.Mn, r) && len(units) > 0 {
			u := &units[len(units)-1]
			u.marks = append(u.marks, r)
			continue
		}
		units = append(units, unit{base: unicode.ToLower(r)})
	}
	if tone != 0 {
		tonePos = placeTone(units, tonePos)
	}
	var b strings.Builder
	b.Grow(len(word) + 2)
	for i, u := range units {
		b.WriteRune(u.base)
		for _, m := range u.marks {
			b.WriteRune(m)
		}
		if i == tonePos {
			b.WriteRune(tone)
		}
	}
	return norm.NFC.String(b.String())
}

// placeTone returns where the tone goes: pos unchanged except in a
// syllable whose only vowel group is oa, oe or uy without other marks.
func placeTone(units []unit, pos int) int {
	first, last := -1, -1
	for i, u := range units {
		if !isVowel(u.base) {
			if first >= 0 && last < 0 {
				last = i - 1
			}
			continue
		}
		if first < 0 {
			first = i
		} else if last >= 0 {
			return pos // a second vowel group: not one Vietnamese syllable
		}
	}
	if first < 0 {
		return pos
	}
	if last < 0 {
		last = len(units) - 1
	}
	// "qu" + vowel: the u belongs to the onset ("quý" keeps its tone on y).
	if first > 0 && units[first-1].base == 'q' && units[first].base == 'u' {
		first++
	}
	if last-first != 1 || len(units[first].marks) > 0 || len(units[last].marks) > 0 {
		return pos
	}
	pair := string([]rune{units[first].base, units[last].base})
	if pair != "oa" && pair != "oe" && pair != "uy" {
		return pos
	}
	if pos != first && pos != last {
		return pos
	}
	if last == len(units)-1 {
		return first // open syllable: hòa, khỏe, thủy
	}
	return last // closed syllable: hoàng, khoét, huýt
}
