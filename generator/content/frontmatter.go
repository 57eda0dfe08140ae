package content

import (
	"bytes"
	"errors"
)

// errNoFrontMatter and errUnclosed explain why a Markdown file could not be
// split; the loader turns them into positioned problems.
var (
	errNoFrontMatter = errors.New("missing front matter: the file must start with a line `---`, then YAML keys, then `---`")
	errUnclosed      = errors.New("front matter is not closed: add a line `---` after the YAML keys")
)

// splitFrontMatter separates a Markdown file into its YAML front matter and
// body. The YAML comes back with the opening `---` line blanked rather than
// removed, so yaml.v3's line numbers are the file's line numbers; bodyLine is
// the 1-based line where the body starts. src must already have its BOM
// stripped and line endings normalised to "\n".
func splitFrontMatter(src []byte) (yaml, body []byte, bodyLine int, err error) {
	if !bytes.HasPrefix(src, []byte("---")) || !isFence(firstLineOf(src)) {
		return nil, src, 1, errNoFrontMatter
	}
	start := len(firstLineOf(src)) // up to the newline of the first line
	line := 2
	for i := start; i < len(src); {
		if src[i] != '\n' {
			return nil, src, 1, errUnclosed // cannot happen: i is at a newline
		}
		j := bytes.IndexByte(src[i+1:], '\n')
		end := len(src)
		if j >= 0 {
			end = i + 1 + j
		}
		if isFence(src[i+1 : end]) {
			yaml = append([]byte("\n"), src[start+1:i+1]...)
			if end < len(src) {
				return yaml, src[end+1:], line + 1, nil
			}
			return yaml, nil, line + 1, nil
		}
		if j < 0 {
			break
		}
		i = end
		line++
	}
	return nil, src, 1, errUnclosed
}

func firstLineOf(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i]
	}
	return b
}

// isFence reports whether a line is a front matter fence: three hyphens and
// optional trailing spaces.
func isFence(line []byte) bool {
	return bytes.Equal(bytes.TrimRight(line, " \t"), []byte("---"))
}

// normalise strips a UTF-8 byte order mark and turns CRLF and lone CR line
// endings into LF, so files saved by Windows editors read like any other.
func normalise(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}
