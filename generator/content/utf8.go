package content

import "unicode/utf8"

func decodeRune(b []byte) (rune, int, bool) {
	r, size := utf8.DecodeRune(b)
	return r, size, !(r == utf8.RuneError && size <= 1)
}
