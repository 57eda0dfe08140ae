// Package search builds the site's search index: static JSON files under
// search/ that the browser client (static/js/search.js) fetches piece by
// piece, so a phone downloads only what a query needs.
//
// # Documents
//
// Every public product, producer, sales point and news article is one
// document. Documents are numbered in one order — kind (products first),
// certificate in force first, star (high first), product group, province,
// then name — so that
//
//   - a lower number is the better document when scores tie (static rank),
//   - the facets kind, in-force, star, group and province of a document
//     follow from the run of numbers it falls in: the manifest lists the
//     runs, a few thousand at 20,000 products, instead of a value per
//     document.
//
// # Words
//
// Texts are split into words with vntext.EachWord; a word is indexed under
// its folded key (vntext.Key) with its exact key (vntext.Exact) as a
// variant, and in the best field it occurs in (the tier): 0 the name or
// title, 1 producer and area, 2 group, kind and tags, 3 summary or
// description, 4 the story or body. The client weighs tiers, and ranks a
// query word typed with marks higher where its exact key matches.
//
// # Files
//
//	search/m.json            manifest: counts, facet labels (in English
//	                         too for a site with an English edition),
//	                         document runs
//	search/t/<key>.json      shard: the words starting with key (the first
//	                         four letters of the folded word; a shard of two
//	                         or three letters also holds the union of the
//	                         words starting with them, for a word still
//	                         being typed), and the details of the
//	                         best documents of each word, so that the first
//	                         results need no other file
//	search/d/<n>.json        details of documents n·100 … n·100+99
//	search/a/<p>.json        communes of province p and their documents,
//	                         fetched when that province is chosen
//
// A query therefore costs the script plus one shard per distinct key of its
// words: two requests for "mật ong", three for "chè xanh".
package search

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ocop-vn/ocop/generator/config"
	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/render"
	"github.com/ocop-vn/ocop/generator/vntext"
)

// Version is the format of the index files; the client checks it.
const Version = 1

// Document kinds, in document order.
const (
	KindProduct = iota
	KindProducer
	KindSalesPoint
	KindNews
)

// Tiers: the field a word was found in, best first.
const (
	TierName = iota
	TierProducerArea
	TierGroupTags
	TierSummary
	TierBody
	numTiers
)

// ShardLen is the number of leading letters of a word that name its
// shard; shorter prefixes (two letters up) have a union entry instead.
const ShardLen = 4

// ChunkSize is the number of documents per details file search/d/<n>.json.
const ChunkSize = 100

// Statuses lists the product statuses in the order details refer to them
// by number (0 for documents that are not products).
var Statuses = []content.Status{"", content.Valid, content.Expiring, content.Expired, content.Revoked, content.NotRanked, content.Development}

// Options tune a build.
type Options struct {
	// FileURLs ends page addresses with index.html (ocop build --file-urls).
	FileURLs bool
	// English indexes the English texts too (name_en, summary_en, …) and
	// gives the client English titles and group names, for the English
	// edition of a multilingual site. The index is shared by every
	// edition: its paths are relative to an edition's root, which the
	// search page names (data-edition="en/").
	English bool
	// EnglishLabel, with English, gives the English interface string of
	// a producer or sales point kind ("producer_kind.hop-tac-xa"), shown
	// under those documents' titles.
	EnglishLabel func(key string) string
	// InlineName and InlineOther bound the documents whose details a shard
	// carries per word: the first InlineName found in the word's name tier,
	// then others up to InlineOther in all. Zero means the defaults.
	InlineName, InlineOther int
}

// TextError is a story or article body the index could not read (see
// content.Catalog.Text).
type TextError struct {
	Text content.Text
	Err  error
}

func (e *TextError) Error() string { return e.Text.File + ": " + e.Err.Error() }
func (e *TextError) Unwrap() error { return e.Err }

// File is one output file, its path relative to the site root.
type File struct {
	Path string
	Data []byte
}

// Doc is one searchable document, as numbered in the index.
type Doc struct {
	Kind     int
	Title    string
	TitleEN  string // with Options.English: the English title, if any
	SubEN    string // and the English Sub
	Path     string // page address relative to the root of an edition
	Star     int    // products: the star shown on the card
	Status   int    // products: index into Statuses
	Cert     bool   // products: certificate in force
	Thumb    string // products: cover file name (under Path + "anh/")
	Area     string // address as printed, smallest unit first
	Sub      string // products: producer name
	Group    int    // index into the manifest's groups, -1 for none
	Province int    // index into the manifest's provinces, -1 for none
	Commune  string

	sortKey string
	// words gives the document's texts by tier, and the stories (Markdown
	// texts of the body tier, read from their files only then; see
	// content.Text), from its record when the document is indexed: made
	// for all documents up front, they were megabytes held beside the
	// first pages for the whole indexing.
	words func() (texts [numTiers][]string, stories []content.Text)
}

// Index is the built index, before it is written as files.
type Index struct {
	Docs      []*Doc
	Groups    []string // group names, by id order
	GroupsEN  []string // with Options.English: their English names
	Provinces []string
	Terms     map[string]*Term
	opts      Options
	// cat reads the documents' stories and article bodies; err is the
	// first text it could not read.
	cat     *content.Catalog
	errOnce sync.Once
	err     error
	// consume lets Write drop the terms once the shards hold them, for an
	// index that is written once and thrown away.
	consume bool
}

// Term is one folded word: its exact variants and, per variant and tier,
// the documents holding it (ascending).
type Term struct {
	Variants []string
	Lists    map[listKey]*Postings
}

// Postings is an ascending list of document numbers, kept as the
// differences between neighbours in varints: about a byte a posting
// rather than four (a 20,000-product catalogue has millions of postings,
// held while the index is built beside the pages).
type Postings struct {
	data []byte
	last int32 // the last number added; -1 when empty
	n    int
}

func newPostings() *Postings { return &Postings{last: -1} }

// Add appends id, which must be larger than every number already there.
func (p *Postings) Add(id int32) {
	p.data = binary.AppendUvarint(p.data, uint64(id-p.last))
	p.last = id
	p.n++
}

// Append adds all of q, whose numbers must all be larger than p's.
func (p *Postings) Append(q *Postings) {
	if q.n == 0 {
		return
	}
	first, w := binary.Uvarint(q.data)
	id := int32(first) - 1 // q's first number, from q's start of -1
	p.data = binary.AppendUvarint(p.data, uint64(id-p.last))
	p.data = append(p.data, q.data[w:]...)
	p.last = q.last
	p.n += q.n
}

// Len is the number of postings.
func (p *Postings) Len() int { return p.n }

// Each calls f with every number, ascending.
func (p *Postings) Each(f func(id int32)) {
	id := int32(-1)
	for data := p.data; len(data) > 0; {
		d, w := binary.Uvarint(data)
		data = data[w:]
		id += int32(d)
		f(id)
	}
}

type listKey struct {
	Variant int
	Tier    int
}

// Write indexes the public documents of cat and hands the files to write as
// they are made (see Index.Write).
func Write(cat *content.Catalog, site *config.Site, opts Options, write func(File) error) error {
	ix := New(cat, site, opts)
	ix.consume = true
	return ix.Write(write)
}

// New collects and indexes the documents of cat.
func New(cat *content.Catalog, site *config.Site, opts Options) *Index {
	if opts.InlineName == 0 {
		opts.InlineName = 24
	}
	if opts.InlineOther == 0 {
		opts.InlineOther = 32
	}
	ix := &Index{opts: opts, cat: cat}
	ix.collect(cat)
	ix.index()
	return ix
}

func (ix *Index) collect(cat *content.Catalog) {
	groupID := map[string]string{} // group id → name
	groupEN := map[string]string{}
	provName := map[string]string{}
	var docs []*Doc
	provOf := map[*Doc]string{}
	groupOf := map[*Doc]string{}
	page := func(p string) string {
		if ix.opts.FileURLs {
			return p + "index.html"
		}
		return p
	}
	place := func(d *Doc, a content.Area) {
		if k := vntext.Slug(a.Province); k != "" {
			provOf[d] = k
			if _, ok := provName[k]; !ok {
				provName[k] = a.Province
			}
		}
		d.Commune = a.Commune
	}
	for _, p := range cat.Products {
		if p.Draft || cat.ProductBySlug[p.Slug] != p {
			continue
		}
		d := &Doc{Kind: KindProduct, Title: p.Name, Path: page(render.ProductPath(p.Slug)), Star: p.Cert.Star,
			Cert: p.Cert.Status.Certified(), Area: render.AreaText(p.Area), sortKey: vntext.Fold(p.Name) + "\x00" + p.Slug}
		for i, s := range Statuses {
			if s == p.Cert.Status {
				d.Status = i
			}
		}
		if len(p.Photos) > 0 {
			d.Thumb = p.Photos[0].Name
		}
		now := p.Area
		if p.Now != nil {
			now = *p.Now
		}
		place(d, now)
		if p.Group != "" {
			groupOf[d] = p.Group
			if _, ok := groupID[p.Group]; !ok {
				groupID[p.Group] = firstNonEmpty(p.GroupName, p.Group)
				groupEN[p.Group] = firstNonEmpty(p.GroupNameEN, p.GroupName, p.Group)
			}
		}
		if p.ProducerRef != nil {
			d.Sub = p.ProducerRef.Name
		}
		if ix.opts.English {
			d.TitleEN = p.NameEN
			if p.ProducerRef != nil {
				d.SubEN = p.ProducerRef.NameEN
			}
		}
		d.words = func() (texts [numTiers][]string, stories []content.Text) {
			texts[TierName] = []string{p.Name}
			area := []string{p.Area.Commune, p.Area.District, p.Area.Province}
			if p.Now != nil {
				area = append(area, p.Now.Commune, p.Now.District, p.Now.Province)
			}
			if p.ProducerRef != nil {
				area = append(area, p.ProducerRef.Name)
			}
			texts[TierProducerArea] = area
			texts[TierGroupTags] = append([]string{p.GroupName, p.SubgroupName, p.NameEN}, p.Tags...)
			texts[TierSummary] = []string{p.Summary}
			body := append([]string{p.Price}, p.Specs...)
			texts[TierBody] = append(body, p.Standards...)
			stories = []content.Text{p.Story}
			if ix.opts.English {
				texts[TierGroupTags] = append(texts[TierGroupTags], p.GroupNameEN, p.SubgroupNameEN)
				texts[TierSummary] = append(texts[TierSummary], p.SummaryEN)
				stories = append(stories, p.StoryEN)
			}
			return texts, stories
		}
		docs = append(docs, d)
	}
	for _, pr := range cat.Producers {
		d := &Doc{Kind: KindProducer, Title: pr.Name, Path: page(render.ProducerPath(pr.ID)), Area: render.AreaText(pr.Area),
			Sub: content.ProducerKinds[pr.Kind], sortKey: vntext.Fold(pr.Name) + "\x00" + pr.ID}
		place(d, pr.Area)
		if ix.opts.English {
			d.TitleEN, d.SubEN = pr.NameEN, ix.englishLabel("producer_kind.", pr.Kind)
		}
		d.words = func() (texts [numTiers][]string, stories []content.Text) {
			texts[TierName] = []string{pr.Name}
			texts[TierProducerArea] = []string{pr.Area.Commune, pr.Area.District, pr.Area.Province, pr.Address, pr.Representative}
			tags := []string{content.ProducerKinds[pr.Kind]}
			for _, p := range pr.Products {
				tags = append(tags, p.Name)
			}
			texts[TierGroupTags] = tags
			texts[TierSummary] = []string{pr.Description}
			if ix.opts.English {
				texts[TierGroupTags] = append(texts[TierGroupTags], pr.NameEN)
				texts[TierSummary] = append(texts[TierSummary], pr.DescriptionEN)
			}
			return texts, stories
		}
		docs = append(docs, d)
	}
	for _, sp := range cat.SalesPoints {
		d := &Doc{Kind: KindSalesPoint, Title: sp.Name, Path: page(render.SalesPointPath(sp.ID)), Area: render.AreaText(sp.Area),
			Sub: content.SalesPointKinds[sp.Kind], sortKey: vntext.Fold(sp.Name) + "\x00" + sp.ID}
		place(d, sp.Area)
		if ix.opts.English {
			d.TitleEN, d.SubEN = sp.NameEN, ix.englishLabel("sales_kind.", sp.Kind)
		}
		d.words = func() (texts [numTiers][]string, stories []content.Text) {
			texts[TierName] = []string{sp.Name}
			texts[TierProducerArea] = []string{sp.Area.Commune, sp.Area.District, sp.Area.Province, sp.Address}
			texts[TierGroupTags] = []string{content.SalesPointKinds[sp.Kind]}
			texts[TierSummary] = []string{sp.Description, sp.Hours}
			if ix.opts.English {
				texts[TierGroupTags] = append(texts[TierGroupTags], sp.NameEN)
				texts[TierSummary] = append(texts[TierSummary], sp.DescriptionEN)
			}
			return texts, stories
		}
		docs = append(docs, d)
	}
	for i, n := range cat.News {
		if n.Draft {
			continue
		}
		d := &Doc{Kind: KindNews, Title: n.Title, Path: page(render.NewsPath(n.Slug)), Area: n.Date.VN(),
			sortKey: fmt.Sprintf("%08d", i)} // newest first, as loaded
		if ix.opts.English && n.EN != nil {
			d.TitleEN = n.EN.Title
		}
		d.words = func() (texts [numTiers][]string, stories []content.Text) {
			texts[TierName] = []string{n.Title}
			tags := append([]string(nil), n.Tags...)
			for _, p := range n.ProductRefs {
				tags = append(tags, p.Name)
			}
			texts[TierGroupTags] = tags
			texts[TierSummary] = []string{n.Summary}
			stories = []content.Text{n.Body}
			if ix.opts.English && n.EN != nil {
				texts[TierGroupTags] = append(texts[TierGroupTags], n.EN.Title)
				texts[TierSummary] = append(texts[TierSummary], n.EN.Summary)
				stories = append(stories, n.EN.Body)
			}
			return texts, stories
		}
		docs = append(docs, d)
	}

	// Facet labels, in folded alphabetical order.
	ids := sortedKeys(groupID, func(k string) string { return vntext.Fold(groupID[k]) + "\x00" + k })
	gIndex := map[string]int{}
	for i, id := range ids {
		gIndex[id] = i
		ix.Groups = append(ix.Groups, groupID[id])
		if ix.opts.English {
			ix.GroupsEN = append(ix.GroupsEN, groupEN[id])
		}
	}
	provs := sortedKeys(provName, func(k string) string { return k })
	pIndex := map[string]int{}
	for i, k := range provs {
		pIndex[k] = i
		ix.Provinces = append(ix.Provinces, provName[k])
	}
	for _, d := range docs {
		d.Group, d.Province = -1, -1
		if g, ok := groupOf[d]; ok {
			d.Group = gIndex[g]
		}
		if p, ok := provOf[d]; ok {
			d.Province = pIndex[p]
		}
	}
	sort.SliceStable(docs, func(i, j int) bool { return less(docs[i], docs[j]) })
	ix.Docs = docs
}

func (ix *Index) englishLabel(prefix, id string) string {
	if id == "" || ix.opts.EnglishLabel == nil {
		return ""
	}
	return ix.opts.EnglishLabel(prefix + id)
}

// less is the document order (see the package comment).
func less(a, b *Doc) bool {
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	if a.Cert != b.Cert {
		return a.Cert
	}
	if a.Star != b.Star {
		return a.Star > b.Star
	}
	if a.Group != b.Group {
		return a.Group < b.Group
	}
	if a.Province != b.Province {
		return a.Province < b.Province
	}
	return a.sortKey < b.sortKey
}

// facetKey is what a run of documents shares.
func (d *Doc) facetKey() [5]int {
	c := 0
	if d.Cert {
		c = 1
	}
	return [5]int{d.Kind, c, d.Star, d.Group + 1, d.Province + 1}
}

func sortedKeys(m map[string]string, key func(string) string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return key(out[i]) < key(out[j]) })
	return out
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// wordKeys caches the keys of a word as written.
type wordKeys struct{ key, exact string }

// partial is the postings of a block of documents.
type partial map[string]map[string]*[numTiers]*Postings // key → exact → tier → docs

// index builds Terms, splitting the documents into blocks indexed in
// parallel and merged in order, so every list stays ascending.
func (ix *Index) index() {
	workers := max(1, runtime.GOMAXPROCS(0))
	n := len(ix.Docs)
	block := (n + workers - 1) / max(workers, 1)
	parts := make([]partial, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*block, min(n, (w+1)*block)
		if lo >= hi {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[w] = ix.indexBlock(lo, hi)
		}()
	}
	wg.Wait()
	ix.Terms = map[string]*Term{}
	for i, part := range parts {
		// Each block's postings are let go as soon as they are merged, so
		// the index is not held twice over.
		parts[i] = nil
		for key, vars := range part {
			delete(part, key)
			t := ix.Terms[key]
			if t == nil {
				t = &Term{Lists: map[listKey]*Postings{}}
				ix.Terms[key] = t
			}
			for exact, tiers := range vars {
				vi := -1
				for i, v := range t.Variants {
					if v == exact {
						vi = i
					}
				}
				if vi < 0 {
					vi = len(t.Variants)
					t.Variants = append(t.Variants, exact)
				}
				for tier, docs := range tiers {
					if docs != nil {
						k := listKey{vi, tier}
						if prev := t.Lists[k]; prev == nil {
							t.Lists[k] = docs // the block's own list, not a copy
						} else {
							prev.Append(docs)
						}
					}
				}
			}
		}
	}
	// Variants in a stable order: most documents first, then by key.
	for _, t := range ix.Terms {
		count := make([]int, len(t.Variants))
		for k, l := range t.Lists {
			count[k.Variant] += l.Len()
		}
		order := make([]int, len(t.Variants))
		for i := range order {
			order[i] = i
		}
		sort.Slice(order, func(i, j int) bool {
			a, b := order[i], order[j]
			if count[a] != count[b] {
				return count[a] > count[b]
			}
			return t.Variants[a] < t.Variants[b]
		})
		newIndex := make([]int, len(order))
		vars := make([]string, len(order))
		for to, from := range order {
			newIndex[from] = to
			vars[to] = t.Variants[from]
		}
		lists := make(map[listKey]*Postings, len(t.Lists))
		for k, l := range t.Lists {
			lists[listKey{newIndex[k.Variant], k.Tier}] = l
		}
		t.Variants, t.Lists = vars, lists
	}
}

func (ix *Index) indexBlock(lo, hi int) partial {
	cache := map[string]wordKeys{}
	part := partial{}
	best := map[string]int{} // exact → best tier in this document
	for id := lo; id < hi; id++ {
		d := ix.Docs[id]
		clear(best)
		var texts [numTiers][]string
		var stories []content.Text
		if d.words != nil {
			texts, stories = d.words()
			d.words = nil
		}
		for _, t := range stories {
			text, err := ix.cat.Text(t)
			if err != nil {
				ix.errOnce.Do(func() { ix.err = &TextError{Text: t, Err: err} })
			}
			texts[TierBody] = append(texts[TierBody], text)
		}
		for tier := range numTiers {
			for _, text := range texts[tier] {
				vntext.EachWordNFC(text, func(w string) {
					k, ok := cache[w]
					if !ok {
						// w is often a slice of a whole story, and the
						// keys made from it may be w itself: a copy, so
						// the index does not keep every story it reads.
						w = strings.Clone(w)
						k = wordKeys{key: vntext.Key(w), exact: vntext.Exact(w)}
						cache[w] = k
					}
					if utf8.RuneCountInString(k.key) < 2 {
						return
					}
					if t, seen := best[k.exact]; !seen || tier < t {
						best[k.exact] = tier
					}
				})
			}
		}
		for exact, tier := range best {
			ck, ok := cache[exact]
			if !ok {
				ck = wordKeys{key: vntext.Key(exact), exact: vntext.Exact(exact)}
				cache[exact] = ck
			}
			key := ck.key
			vars := part[key]
			if vars == nil {
				vars = map[string]*[numTiers]*Postings{}
				part[key] = vars
			}
			lists := vars[exact]
			if lists == nil {
				lists = new([numTiers]*Postings)
				vars[exact] = lists
			}
			if lists[tier] == nil {
				lists[tier] = newPostings()
			}
			lists[tier].Add(int32(id))
		}
	}
	return part
}

// ShardKey is the shard a folded word lives in: its first four letters
// (all of it when shorter), spelled for a file name.
func ShardKey(key string) string {
	n := 0
	for i := range key {
		if n == ShardLen {
			key = key[:i]
			break
		}
		n++
	}
	return fileKey(key)
}

// fileKey spells a key for a file name: itself when it is a–z and 0–9,
// else "_" and the hex of its UTF-8 bytes.
func fileKey(k string) string {
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return "_" + hex.EncodeToString([]byte(k))
		}
	}
	return k
}

// Files encodes the index.
func (ix *Index) Files() ([]File, error) {
	var mu sync.Mutex
	var files []File
	err := ix.Write(func(f File) error {
		mu.Lock()
		defer mu.Unlock()
		files = append(files, File{Path: f.Path, Data: slices.Clone(f.Data)})
		return nil
	})
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, err
}

// Write encodes the index file by file on every core and hands each file
// to write as soon as it is encoded; write is called from several
// goroutines and must be done with the data when it returns. Neither the
// encoded files (40 MB at 20,000 products) nor the records of the files
// already written stay in memory.
func (ix *Index) Write(write func(File) error) error {
	if ix.err != nil {
		return ix.err // a story could not be read: the index would lack it
	}
	type job struct {
		path string
		v    any
	}
	var (
		errOnce sync.Once
		first   error
	)
	fail := func(err error) { errOnce.Do(func() { first = err }) }
	var wg sync.WaitGroup
	next := make(chan job)
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(true)
			for j := range next {
				buf.Reset()
				if err := enc.Encode(j.v); err != nil {
					fail(fmt.Errorf("search: encoding %s: %w", j.path, err))
					continue
				}
				data := bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
				if err := write(File{Path: j.path, Data: data}); err != nil {
					fail(err)
				}
			}
		}()
	}
	next <- job{"search/m.json", ix.manifest()}
	recs := ix.records()
	// Each shard is encoded as soon as it is complete (with consume, its
	// terms are dropped as it is made).
	ix.eachShard(recs, func(k string, s *shard) { next <- job{"search/t/" + k + ".json", s} })
	for lo := 0; lo < len(ix.Docs); lo += ChunkSize {
		next <- job{fmt.Sprintf("search/d/%d.json", lo/ChunkSize), recs[lo:min(lo+ChunkSize, len(ix.Docs))]}
	}
	for p := range ix.Provinces {
		next <- job{fmt.Sprintf("search/a/%d.json", p), ix.communes(p)}
	}
	close(next)
	wg.Wait()
	return first
}

// record is a document's details as the client reads them:
// [kind, title, path, star, status, thumb, area, sub], followed, when the
// document has them (Options.English), by its English title and sub.
func (ix *Index) record(id int) []any {
	d := ix.Docs[id]
	rec := []any{d.Kind, d.Title, d.Path, d.Star, d.Status, d.Thumb, d.Area, d.Sub}
	if d.TitleEN != "" || d.SubEN != "" {
		rec = append(rec, d.TitleEN)
	}
	if d.SubEN != "" {
		rec = append(rec, d.SubEN)
	}
	return rec
}

// manifest is search/m.json.
type manifest struct {
	Version   int      `json:"v"`
	Docs      int      `json:"n"`
	Chunk     int      `json:"c"`
	Groups    []string `json:"g"`
	GroupsEN  []string `json:"ge,omitempty"`
	Provinces []string `json:"p"`
	// Runs is flat: for each run of documents sharing their facets, its
	// length, kind, in force (0/1), star, group+1, province+1.
	Runs []int `json:"r"`
}

func (ix *Index) manifest() *manifest {
	m := &manifest{Version: Version, Docs: len(ix.Docs), Chunk: ChunkSize, Groups: ix.Groups, GroupsEN: ix.GroupsEN, Provinces: ix.Provinces, Runs: []int{}}
	if m.Groups == nil {
		m.Groups = []string{}
	}
	if m.Provinces == nil {
		m.Provinces = []string{}
	}
	for i := 0; i < len(ix.Docs); {
		k := ix.Docs[i].facetKey()
		j := i + 1
		for j < len(ix.Docs) && ix.Docs[j].facetKey() == k {
			j++
		}
		m.Runs = append(m.Runs, j-i, k[0], k[1], k[2], k[3], k[4])
		i = j
	}
	return m
}

// communes is search/a/<p>.json: the communes of province p (as written,
// folded alike merged) and, per commune, its documents as gaps.
func (ix *Index) communes(p int) map[string]any {
	names := map[string]string{}
	docs := map[string][]int32{}
	for id, d := range ix.Docs {
		if d.Province != p || d.Commune == "" {
			continue
		}
		k := vntext.Slug(d.Commune)
		if _, ok := names[k]; !ok {
			names[k] = d.Commune
		}
		docs[k] = append(docs[k], int32(id))
	}
	keys := sortedKeys(names, func(k string) string { return k })
	out := map[string]any{"c": []string{}, "d": [][]int32{}}
	var cs []string
	var ds [][]int32
	for _, k := range keys {
		cs = append(cs, names[k])
		ds = append(ds, gaps(docs[k]))
	}
	if cs != nil {
		out["c"], out["d"] = cs, ds
	}
	return out
}

// gaps delta-encodes an ascending list: the first number, then
// differences.
func gaps(ids []int32) []int32 {
	out := make([]int32, len(ids))
	prev := int32(0)
	for i, id := range ids {
		out[i] = id - prev
		prev = id
	}
	return out
}

// shard is search/t/<key>.json.
type shard struct {
	// Terms maps each folded word to [variants, docs, codes]: docs are the
	// documents holding the word (Gaps), codes one character per document
	// (Code) telling the best tier it is found in and the variant found
	// there.
	Terms map[string][]any `json:"t"`
	// Prefix, in shards named by fewer than ShardLen letters, is [docs,
	// codes] for the union of the words starting with the key (codes: the
	// best tier only), for a word still being typed.
	Prefix []string `json:"u,omitempty"`
	// Details holds the records of the documents most likely to be shown.
	Details map[string]json.RawMessage `json:"d"`
}

// MaxVariant is the highest variant number a code can carry; documents
// whose best variant comes later are coded with it and get no exact bonus.
const MaxVariant = 11

// b64 is the alphabet of Gaps and Code (URL-safe base64).
const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// Gaps encodes an ascending list of document numbers as the gaps between
// them (the first from 0), each as a little-endian varint of base-64
// digits: five bits of value per character, the sixth set on all but the
// last character of a number. Dense lists cost one character per document.
func Gaps(ids []int32) string {
	var b strings.Builder
	b.Grow(len(ids) + len(ids)/4)
	prev := int32(0)
	for _, id := range ids {
		g := uint32(id - prev)
		prev = id
		for g >= 32 {
			b.WriteByte(b64[32|g&31])
			g >>= 5
		}
		b.WriteByte(b64[g])
	}
	return b.String()
}

// Code is the character of a posting: variant·5 + tier.
func Code(variant, tier int) byte { return b64[min(variant, MaxVariant)*numTiers+tier] }

// eachShard makes the shard files' contents and hands each to emit, under
// its file key, as soon as it is complete. A shard holds the words that
// start with its key and, for a key shorter than ShardLen, their union;
// with the words in sorted order those come one after another, so only
// the few shards whose key is a prefix of the current word are open at a
// time, rather than the whole index twice over (once as terms, once as
// shards).
func (ix *Index) eachShard(recs []json.RawMessage, emit func(key string, s *shard)) {
	open := map[string]*shard{} // by prefix, as the words spell it
	get := func(prefix string) *shard {
		s := open[prefix]
		if s == nil {
			s = &shard{Terms: map[string][]any{}, Details: map[string]json.RawMessage{}}
			open[prefix] = s
		}
		return s
	}
	inline := func(s *shard, ids []int32) {
		for _, id := range ids {
			s.Details[strconv.Itoa(int(id))] = recs[id]
		}
	}
	keys := make([]string, 0, len(ix.Terms))
	for k := range ix.Terms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	sc := newScratch(len(ix.Docs))
	// Each two- or three-letter prefix's union is made as its words go by
	// and finished when the prefix changes.
	type union struct {
		prefix string
		open   bool
		sc     *scratch
	}
	unions := make([]union, ShardLen)
	for n := 2; n < ShardLen; n++ {
		unions[n].sc = newScratch(len(ix.Docs))
	}
	finish := func(u *union) {
		if !u.open {
			return
		}
		u.open = false
		s := get(u.prefix)
		ids := u.sc.sorted()
		codes := make([]byte, len(ids))
		tiers := make([]uint16, len(ids))
		for i, id := range ids {
			tiers[i] = u.sc.best[id]
			codes[i] = Code(0, int(tiers[i]))
		}
		s.Prefix = []string{Gaps(ids), string(codes)}
		inline(s, ix.best(ids, tiers))
	}
	// done emits the open shards that no word from key on can add to
	// (all of them, for key ""): words sharing a prefix are contiguous in
	// sorted order.
	done := func(key string) {
		for n := 2; n < ShardLen; n++ {
			if u := &unions[n]; u.open && (key == "" || !strings.HasPrefix(key, u.prefix)) {
				finish(u)
			}
		}
		for prefix, s := range open {
			if key == "" || !strings.HasPrefix(key, prefix) {
				delete(open, prefix)
				emit(fileKey(prefix), s)
			}
		}
	}
	for _, key := range keys {
		done(key)
		t := ix.Terms[key]
		if ix.consume {
			delete(ix.Terms, key)
		}
		s := get(firstRunes(key, ShardLen))
		docs, codes := sc.postings(t)
		cb := make([]byte, len(codes))
		for i, c := range codes {
			cb[i] = Code(int(c>>4), int(c&15))
		}
		s.Terms[key] = []any{t.Variants, Gaps(docs), string(cb)}
		inline(s, ix.best(docs, codes))
		for n := 2; n < ShardLen; n++ {
			p := firstRunes(key, n)
			if utf8.RuneCountInString(p) < n {
				break
			}
			u := &unions[n]
			if !u.open {
				u.prefix, u.open = p, true
				u.sc.reset()
			}
			for i, id := range docs {
				u.sc.see(id, codes[i]&15)
			}
		}
	}
	done("")
}

// scratch merges postings with arrays indexed by document, reused across
// words: much cheaper than maps at millions of postings.
type scratch struct {
	best  []uint16
	stamp []uint32
	now   uint32
	ids   []int32
}

func newScratch(n int) *scratch {
	return &scratch{best: make([]uint16, n), stamp: make([]uint32, n)}
}

func (s *scratch) reset() { s.now++; s.ids = s.ids[:0] }

// see records code c (variant<<4 | tier) for id, keeping the best tier
// and, on a tie, the first variant.
func (s *scratch) see(id int32, c uint16) {
	if s.stamp[id] != s.now {
		s.stamp[id] = s.now
		s.best[id] = c
		s.ids = append(s.ids, id)
		return
	}
	b := s.best[id]
	if c&15 < b&15 || c&15 == b&15 && c>>4 < b>>4 {
		s.best[id] = c
	}
}

func (s *scratch) sorted() []int32 {
	ids := append([]int32(nil), s.ids...)
	slices.Sort(ids)
	return ids
}

// postings merges the lists of t: every document once, ascending, with its
// best tier and the variant found there (the first such variant), packed
// as variant<<4 | tier.
func (s *scratch) postings(t *Term) ([]int32, []uint16) {
	s.reset()
	for k, l := range t.Lists {
		c := uint16(k.Variant<<4 | k.Tier)
		l.Each(func(id int32) { s.see(id, c) })
	}
	ids := s.sorted()
	codes := make([]uint16, len(ids))
	for i, id := range ids {
		codes[i] = s.best[id]
	}
	return ids, codes
}

// records encodes every document's details once.
func (ix *Index) records() []json.RawMessage {
	out := make([]json.RawMessage, len(ix.Docs))
	for id := range ix.Docs {
		out[id], _ = json.Marshal(ix.record(id))
	}
	return out
}

// best lists the documents whose details a shard carries for a word, given
// its documents and their codes: the first of its name tier, then the first
// of the other tiers, in document order.
func (ix *Index) best(docs []int32, codes []uint16) []int32 {
	var out []int32
	for tier := range numTiers {
		limit := ix.opts.InlineOther
		if tier == TierName {
			limit = ix.opts.InlineName
		}
		for i, id := range docs {
			if len(out) >= limit {
				break
			}
			if int(codes[i]&15) == tier {
				out = append(out, id)
			}
		}
		if len(out) >= ix.opts.InlineOther {
			break
		}
	}
	return out
}

func firstRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// Stats summarises an index for benchmarks.
func (ix *Index) Stats() string {
	postings := 0
	for _, t := range ix.Terms {
		for _, l := range t.Lists {
			postings += l.Len()
		}
	}
	return fmt.Sprintf("%d documents, %d words, %d postings", len(ix.Docs), len(ix.Terms), postings)
}
