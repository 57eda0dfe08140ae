package content

import (
	"testing"
	"testing/fstest"
	"time"
)

// TestTranslations loads the English texts of a multilingual site, and
// reloads an edited translation through the preview's cache.
func TestTranslations(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":                   {Data: []byte("title: T\nlanguages: [vi, en]\n")},
		"content/producers/p.yaml":    {Data: []byte("name: HTX P\nname_en: P Cooperative\ndescription: Mô tả\ndescription_en: About P\n")},
		"content/sales-points/s.yaml": {Data: []byte("name: Điểm S\nname_en: Shop S\n")},
		"products/a/product.yaml": {Data: []byte("name: Chè A\nname_en: Tea A\nsummary: Tóm tắt\nsummary_en: Summary\n" +
			"producer: p\ngroup: thuc-pham\nsubgroup: che-tuoi-che-bien\n")},
		"products/a/story.md":               {Data: []byte("Câu chuyện.\n")},
		"products/a/story.en.md":            {Data: []byte("The story.\n")},
		"content/news/2024-01-01-tin.md":    {Data: []byte("---\ntitle: Tin\nproducts: [a]\n---\nNội dung.\n")},
		"content/news/2024-01-01-tin.en.md": {Data: []byte("---\ntitle: News\nsummary: In short\n---\nBody.\n")},
		"content/pages/gioi-thieu.md":       {Data: []byte("---\ntitle: Giới thiệu\nmenu: 1\n---\nTrang.\n")},
		"content/pages/gioi-thieu.en.md":    {Data: []byte("---\ntitle: About\n---\nPage.\n")},
	}
	cache := NewCache()
	load := func() *Catalog {
		t.Helper()
		c, l := Load(fsys, Options{Now: time.Now(), Cache: cache})
		if l.Len() > 0 {
			t.Fatal(l.Err())
		}
		return c
	}
	c := load()
	p := c.ProductBySlug["a"]
	text := func(x Text) string {
		s, err := c.Text(x)
		if err != nil {
			t.Fatalf("%s: %v", x.File, err)
		}
		return s
	}
	for _, tt := range []struct{ got, want string }{
		{p.NameEN, "Tea A"},
		{p.SummaryEN, "Summary"},
		{text(p.StoryEN), "The story.\n"},
		{p.StoryEN.File, "products/a/story.en.md"},
		{p.GroupNameEN, "Food"},
		{p.SubgroupNameEN, "Fresh and processed tea"},
		{c.ProducerByID["p"].NameEN, "P Cooperative"},
		{c.ProducerByID["p"].DescriptionEN, "About P"},
		{c.SalesPointByID["s"].NameEN, "Shop S"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if len(c.News) != 1 || c.News[0].EN == nil || c.News[0].EN.Title != "News" || c.News[0].EN.Summary != "In short" || text(c.News[0].EN.Body) != "Body.\n" || c.News[0].EN.Body.Line != 5 {
		t.Fatalf("news translation: %+v", c.News[0].EN)
	}
	if len(c.Pages) != 1 || c.Pages[0].EN == nil || c.Pages[0].EN.Title != "About" || text(c.Pages[0].EN.Body) != "Page.\n" {
		t.Fatalf("page translation: %+v", c.Pages[0].EN)
	}

	fsys["content/news/2024-01-01-tin.en.md"] = &fstest.MapFile{Data: []byte("---\ntitle: News, edited\n---\nBody.\n")}
	cache.Invalidate("content/news/2024-01-01-tin.en.md")
	if c := load(); c.News[0].EN == nil || c.News[0].EN.Title != "News, edited" {
		t.Errorf("edited translation not reloaded: %+v", c.News[0].EN)
	}
	delete(fsys, "content/news/2024-01-01-tin.en.md")
	cache.Invalidate("content/news/2024-01-01-tin.en.md")
	if c := load(); c.News[0].EN != nil {
		t.Errorf("deleted translation still attached: %+v", c.News[0].EN)
	}
}
