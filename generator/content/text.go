package content

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io/fs"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/vntext"
)

// Text is a Markdown text — a product story, the body of a news article or
// free page — as where it is rather than what it says. Stories and
// articles are most of a catalogue's bytes (70 MB at 20,000 products) and
// each is needed only while its own page renders and while the search
// index reads it, so a catalogue keeps their place and digest and
// Catalog.Text reads them again when asked. The digest stands for the
// text in page fingerprints and proves, on reading, that the file is still
// the one that was loaded and checked.
type Text struct {
	// File is the file, relative to the site root; "" when there is none.
	File string
	// Line is the line of File where the text starts, for messages.
	Line int
	// Front says File opens with YAML front matter, which is not part of
	// the text.
	Front bool
	// Size is the text's length in bytes as read (0: empty or none).
	Size int
	// Sum is the SHA-256 of the text as read, cut to 16 bytes.
	Sum [16]byte
}

// Empty reports whether there is no text (no file, or an empty one).
func (t Text) Empty() bool { return t.Size == 0 }

// Pos is where the text starts, for messages about it.
func (t Text) Pos() diag.Pos { return diag.Pos{File: t.File, Line: t.Line} }

// newText describes body, the text of file starting at line.
func newText(file string, line int, front bool, body []byte) Text {
	t := Text{File: file, Line: line, Front: front, Size: len(body)}
	sum := sha256.Sum256(body)
	copy(t.Sum[:], sum[:])
	return t
}

// ErrChanged is returned by Catalog.Text when a file no longer holds the
// text that was loaded from it.
var ErrChanged = errors.New("the file changed while the site was being built")

// Text returns t's Markdown, normalised to NFC, read from the site folder
// the catalogue was loaded from. It fails when the file cannot be read or
// no longer holds the text that was loaded and checked; the error names
// no file, since callers report it at t.Pos().
func (c *Catalog) Text(t Text) (string, error) {
	if t.Empty() {
		return "", nil
	}
	if c.fsys == nil {
		return "", fs.ErrNotExist
	}
	ld := loader{fsys: c.fsys, l: &diag.List{}}
	src, ok := ld.read(t.File)
	if !ok {
		if p := ld.l.Problems(); len(p) > 0 {
			return "", errors.New(p[0].Msg)
		}
		return "", ErrChanged
	}
	body := src
	if t.Front {
		_, b, _, err := splitFrontMatter(src)
		if err != nil {
			return "", ErrChanged
		}
		body = b
	}
	if len(body) != t.Size {
		return "", ErrChanged
	}
	if sum := sha256.Sum256(body); !bytes.Equal(sum[:len(t.Sum)], t.Sum[:]) {
		return "", ErrChanged
	}
	return vntext.NFC(string(body)), nil
}
