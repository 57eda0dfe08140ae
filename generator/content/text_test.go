package content

import (
	"errors"
	"testing"
	"testing/fstest"
	"time"
)

// TestText reads stories and article bodies back from their files as they
// were loaded (BOM and CRLF removed, NFC), and refuses a file that changed
// after loading rather than publish text that was never checked.
func TestText(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":                {Data: []byte("title: T\n")},
		"content/producers/p.yaml": {Data: []byte("name: HTX P\n")},
		"products/a/product.yaml":  {Data: []byte("name: Chè A\nproducer: p\n")},
		// A BOM, CRLF line ends and a decomposed "è" (e + U+0300).
		"products/a/story.md":            {Data: []byte("\ufeffChe\u0300 xanh.\r\nDo\u0300ng hai.\r\n")},
		"products/b/product.yaml":        {Data: []byte("name: Chè B\nproducer: p\n")},
		"products/b/story.md":            {Data: []byte("")},
		"content/news/2024-01-01-tin.md": {Data: []byte("---\ntitle: Tin\n---\n\nNội dung.\n")},
	}
	c, l := Load(fsys, Options{Now: time.Now()})
	if l.Len() > 0 {
		t.Fatal(l.Err())
	}
	a, b, news := c.ProductBySlug["a"], c.ProductBySlug["b"], c.News[0]
	for _, tt := range []struct {
		name string
		text Text
		want string
		line int
	}{
		{"story", a.Story, "Chè xanh.\nDòng hai.\n", 1},
		{"empty story", b.Story, "", 1},
		{"no English story", a.StoryEN, "", 0},
		{"news body", news.Body, "\nNội dung.\n", 4},
	} {
		got, err := c.Text(tt.text)
		if err != nil || got != tt.want || tt.text.Line != tt.line {
			t.Errorf("%s: got %q, line %d, %v; want %q, line %d", tt.name, got, tt.text.Line, err, tt.want, tt.line)
		}
	}
	if !b.Story.Empty() || b.Story.File != "products/b/story.md" {
		t.Errorf("empty story: %+v", b.Story)
	}

	for name, data := range map[string]string{
		"products/a/story.md":            "Chè xanh.\nDòng ba.\n",                   // other text
		"content/news/2024-01-01-tin.md": "---\ntitle: Tin mới\n---\n\nNội dung.\n", // front matter only: the body is the same
	} {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	if _, err := c.Text(a.Story); !errors.Is(err, ErrChanged) {
		t.Errorf("changed story: %v, want ErrChanged", err)
	}
	if got, err := c.Text(news.Body); err != nil || got != "\nNội dung.\n" {
		t.Errorf("news with its front matter edited: %q, %v", got, err)
	}
	delete(fsys, "products/a/story.md")
	if _, err := c.Text(a.Story); err == nil {
		t.Error("deleted story: no error")
	}
}
