package search

import (
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/vntext"
)

var update = flag.Bool("update", false, "rewrite testdata/vectors.json's expected keys")

// vector is one case of testdata/vectors.json, shared with the JavaScript
// client's test (testdata/vectors.test.js).
type vector struct {
	In     string   `json:"in"`
	Note   string   `json:"note,omitempty"`
	Tokens []string `json:"tokens"`
	Exact  []string `json:"exact"`
}

func TestVectors(t *testing.T) {
	data, err := os.ReadFile("testdata/vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var vs []vector
	if err := json.Unmarshal(data, &vs); err != nil {
		t.Fatal(err)
	}
	for i, v := range vs {
		tok, ex := vntext.Tokens(v.In), vntext.ExactTokens(v.In)
		if tok == nil {
			tok = []string{}
		}
		if ex == nil {
			ex = []string{}
		}
		if *update {
			vs[i].Tokens, vs[i].Exact = tok, ex
			continue
		}
		if !reflect.DeepEqual(tok, v.Tokens) || !reflect.DeepEqual(ex, v.Exact) {
			t.Errorf("%q: tokens %q exact %q, want %q %q", v.In, tok, ex, v.Tokens, v.Exact)
		}
	}
	if *update {
		out, _ := json.MarshalIndent(vs, "", " ")
		if err := os.WriteFile("testdata/vectors.json", append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestGaps(t *testing.T) {
	tests := []struct {
		ids  []int32
		want string
	}{
		{nil, ""},
		{[]int32{0}, "A"},
		{[]int32{1, 2, 3}, "BBB"},
		{[]int32{31}, "f"},
		{[]int32{32}, "gB"},
		{[]int32{5, 1029}, "FggB"},
	}
	for _, tt := range tests {
		if got := Gaps(tt.ids); got != tt.want {
			t.Errorf("Gaps(%v) = %q, want %q", tt.ids, got, tt.want)
		}
		if got := decodeGaps(Gaps(tt.ids)); !reflect.DeepEqual(got, tt.ids) && len(tt.ids) > 0 {
			t.Errorf("round trip %v = %v", tt.ids, got)
		}
	}
}

func TestShardKey(t *testing.T) {
	tests := []struct{ key, want string }{
		{"che", "che"},
		{"xanh", "xanh"},
		{"thuong", "thuo"},
		{"ch", "ch"},
		{"100ml", "100m"},
		{"日本語です", "_e697a5e69cace8aa9ee381a7"},
	}
	for _, tt := range tests {
		if got := ShardKey(tt.key); got != tt.want {
			t.Errorf("ShardKey(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func decodeGaps(s string) []int32 {
	var out []int32
	prev, v, shift := int32(0), int32(0), 0
	for i := 0; i < len(s); i++ {
		d := int32(strings.IndexByte(b64, s[i]))
		v |= (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		prev += v
		out = append(out, prev)
		v, shift = 0, 0
	}
	return out
}

// query is the client's ranking (static/js/search.js) over the encoded
// shards, for tests: document numbers, best first.
func query(shards map[string]*shard, q string) []int32 {
	type word struct {
		k, e           string
		marked, prefix bool
	}
	var ws []word
	raw := vntext.Tokens(q)
	exact := vntext.ExactTokens(q)
	open := !strings.HasSuffix(q, " ")
	for i, k := range raw {
		if utf8.RuneCountInString(k) < 2 {
			continue
		}
		ws = append(ws, word{k, exact[i], exact[i] != k, open && i == len(raw)-1})
	}
	if len(ws) == 0 {
		return nil
	}
	weight := []float64{16, 6, 4, 2, 1}
	var maps []map[int32]float64
	for _, w := range ws {
		m := map[int32]float64{}
		short := w.prefix && utf8.RuneCountInString(w.k) < ShardLen
		sk := ShardKey(w.k)
		if short {
			sk = fileKey(w.k)
		}
		s := shards[sk]
		add := func(term string, e []any, factor float64) {
			vars := e[0].([]string)
			ids := decodeGaps(e[1].(string))
			codes := e[2].(string)
			for i, id := range ids {
				c := strings.IndexByte(b64, codes[i])
				tier, v := c%numTiers, c/numTiers
				sc := weight[tier] * factor
				if w.marked && v < len(vars) && strings.HasPrefix(vars[v], w.e) && (term != w.k || vars[v] == w.e) {
					sc *= 1.5
				}
				if old, ok := m[id]; !ok || sc > old {
					m[id] = sc
				}
			}
		}
		if s != nil {
			switch {
			case short:
				if s.Prefix != nil {
					for i, id := range decodeGaps(s.Prefix[0]) {
						m[id] = weight[strings.IndexByte(b64, s.Prefix[1][i])%numTiers] * 0.75
					}
				}
				if e, ok := s.Terms[w.k]; ok {
					add(w.k, e, 1)
				}
			case w.prefix:
				for term, e := range s.Terms {
					if strings.HasPrefix(term, w.k) {
						f := 0.75
						if term == w.k {
							f = 1
						}
						add(term, e, f)
					}
				}
			default:
				if e, ok := s.Terms[w.k]; ok {
					add(w.k, e, 1)
				}
			}
		}
		maps = append(maps, m)
	}
	sort.Slice(maps, func(i, j int) bool { return len(maps[i]) < len(maps[j]) })
	type hit struct {
		id    int32
		score float64
	}
	var hits []hit
	for id, sc := range maps[0] {
		ok := true
		for _, m := range maps[1:] {
			o, found := m[id]
			if !found {
				ok = false
				break
			}
			sc += o
		}
		if ok {
			hits = append(hits, hit{id, sc})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return hits[i].id < hits[j].id
	})
	out := make([]int32, len(hits))
	for i, h := range hits {
		out[i] = h.id
	}
	return out
}

func exampleIndex(t *testing.T) *Index {
	t.Helper()
	cat, l := content.Load(os.DirFS("../.."), content.Options{Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
	if l.Len() > 0 {
		t.Fatalf("example site: %v", l.Err())
	}
	return New(cat, cat.Site, Options{})
}

func TestRanking(t *testing.T) {
	ix := exampleIndex(t)
	shards := ix.shards(ix.records())
	titles := func(ids []int32) []string {
		var out []string
		for _, id := range ids {
			out = append(out, ix.Docs[id].Title)
		}
		return out
	}
	tests := []struct {
		q     string
		first string   // the first result
		has   []string // also among the results
		not   []string // not among the results
	}{
		{q: "che xanh", first: "Chè xanh sạch Bình Sơn", has: []string{"Trà xanh túi lọc Bình Sơn"}, not: []string{"Chè sạch Bình Sơn", "Muối chấm Thọ Tân"}},
		{q: "chè xanh", first: "Chè xanh sạch Bình Sơn"},
		{q: "muoi cham", first: "Muối chấm Thọ Tân"},
		{q: "dong loi", first: "Ổi Lê Đài Loan Đồng Lợi"},
		{q: "DONG LOI", first: "Ổi Lê Đài Loan Đồng Lợi"},
		{q: "đồng lợi", first: "Ổi Lê Đài Loan Đồng Lợi"},
		{q: "Đồng Lợi", first: "Ổi Lê Đài Loan Đồng Lợi"},
		{q: "mat o", first: "Mật ong bốn mùa hoa rừng nguyên chất"}, // "o" is one letter: dropped
		{q: "mat on", first: "Mật ong bốn mùa hoa rừng nguyên chất"},
		{q: "sam bao triso", has: []string{"Siro bổ dưỡng sâm báo Triso", "Viên nang sâm báo Triso"}},
		{q: "tri", has: []string{"Siro bổ dưỡng sâm báo Triso"}},
		{q: "xyzzy", not: []string{"Chè sạch Bình Sơn"}},
	}
	for _, tt := range tests {
		got := titles(query(shards, tt.q))
		if tt.first != "" && (len(got) == 0 || got[0] != tt.first) {
			t.Errorf("%q: first %q, want %q (all: %q)", tt.q, first(got), tt.first, got)
		}
		for _, h := range tt.has {
			if !contains(got, h) {
				t.Errorf("%q: %q missing from %q", tt.q, h, got)
			}
		}
		for _, h := range tt.not {
			if contains(got, h) {
				t.Errorf("%q: %q should not match (%q)", tt.q, h, got)
			}
		}
	}
	// The same results whatever the form of the query.
	want := titles(query(shards, "dong loi"))
	for _, q := range []string{"DONG LOI", "đồng lợi", "ĐỒNG LỢI", "\u0110o\u0302\u0300ng Lo\u031b\u0323i"} {
		if got := titles(query(shards, q)); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %q, want %q as for \"dong loi\"", q, got, want)
		}
	}
}

// Exact diacritics rank first: of two names folding alike, the one written
// as typed wins, whichever comes first in document order.
func TestExactRanksFirst(t *testing.T) {
	ix := &Index{opts: Options{InlineName: 40, InlineOther: 48}}
	for _, name := range []string{"Che Thai", "Chế biến Thái", "Chè Thái"} {
		d := &Doc{Title: name, Group: -1, Province: -1}
		d.words = func() (texts [numTiers][]string, _ []content.Text) {
			texts[TierName] = []string{name}
			return texts, nil
		}
		ix.Docs = append(ix.Docs, d)
	}
	ix.index()
	shards := ix.shards(ix.records())
	for _, tt := range []struct{ q, want string }{
		{"chè", "Chè Thái"}, {"chế", "Chế biến Thái"}, {"hoà", ""}, {"che", "Che Thai"},
	} {
		got := query(shards, tt.q+" ")
		if tt.want == "" {
			if len(got) != 0 {
				t.Errorf("%q: %d results, want none", tt.q, len(got))
			}
			continue
		}
		if len(got) != 3 || ix.Docs[got[0]].Title != tt.want {
			t.Errorf("%q: %v, want %q first of 3", tt.q, got, tt.want)
		}
	}
}

// Document order: products before producers, sales points and news; in
// force before not, then star.
func TestDocumentOrder(t *testing.T) {
	ix := exampleIndex(t)
	prev := ix.Docs[0]
	for _, d := range ix.Docs[1:] {
		if d.Kind < prev.Kind || d.Kind == prev.Kind && d.Kind == KindProduct && (prev.Cert == false && d.Cert || prev.Cert == d.Cert && d.Star > prev.Star) {
			t.Errorf("%q before %q", prev.Title, d.Title)
		}
		prev = d
	}
	m := ix.manifest()
	n := 0
	for i := 0; i < len(m.Runs); i += 6 {
		n += m.Runs[i]
	}
	if n != len(ix.Docs) || n != m.Docs {
		t.Errorf("runs cover %d documents, want %d", n, len(ix.Docs))
	}
	if len(ix.Docs) != 8+5+2+3 {
		t.Errorf("%d documents, want 18 (all public products, producers, sales points, news)", len(ix.Docs))
	}
}

// Every word is in the shard ShardKey names, every two- and three-letter
// prefix has its union, and every shard carries the details of the first
// documents of its words.
func TestShards(t *testing.T) {
	ix := exampleIndex(t)
	shards := ix.shards(ix.records())
	for key := range ix.Terms {
		s := shards[ShardKey(key)]
		if s == nil || s.Terms[key] == nil {
			t.Errorf("%q not in shard %q", key, ShardKey(key))
			continue
		}
		ids := decodeGaps(s.Terms[key][1].(string))
		if len(ids) == 0 || s.Details[itoa(ids[0])] == nil {
			t.Errorf("%q: details of its first document missing", key)
		}
		for n := 2; n < ShardLen && n < utf8.RuneCountInString(key); n++ {
			if p := shards[fileKey(firstRunes(key, n))]; p == nil {
				t.Errorf("no shard for prefix %q", firstRunes(key, n))
			}
		}
	}
	files, err := ix.Files()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !json.Valid(f.Data) {
			t.Errorf("%s: invalid JSON", f.Path)
		}
	}
}

func itoa(n int32) string { b, _ := json.Marshal(n); return string(b) }

func first(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// TestEnglish checks what the index adds for an English edition: English
// titles and subs in the records, English group names in the manifest, and
// English words; and that it adds nothing otherwise.
func TestEnglish(t *testing.T) {
	cat, l := content.Load(os.DirFS("../.."), content.Options{Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
	if l.Len() > 0 {
		t.Fatalf("example site: %v", l.Err())
	}
	labels := map[string]string{"producer_kind.hop-tac-xa": "Cooperative"}
	en := New(cat, cat.Site, Options{English: true, EnglishLabel: func(k string) string { return labels[k] }})
	vi := New(cat, cat.Site, Options{})
	record := func(ix *Index, title string) []any {
		for id, d := range ix.Docs {
			if d.Title == title {
				return ix.record(id)
			}
		}
		t.Fatalf("no document %q", title)
		return nil
	}
	for _, tt := range []struct {
		title string
		want  []any
	}{
		{"Trà xanh túi lọc Bình Sơn", []any{"Bình Sơn green tea bags", "Bình Sơn Agricultural and Forestry Services Cooperative"}},
		{"HTX Dịch vụ nông lâm nghiệp Bình Sơn", []any{"Bình Sơn Agricultural and Forestry Services Cooperative", "Cooperative"}},
		{"Ổi Lê Đài Loan Đồng Lợi", []any{"Đồng Lợi Taiwanese pear guava"}},
		{"Hai sản phẩm sâm báo Triso của Triệu Sơn đạt OCOP 3 sao", nil},
	} {
		if got := record(en, tt.title)[8:]; !reflect.DeepEqual(got, tt.want) && !(len(got) == 0 && tt.want == nil) {
			t.Errorf("%s: English fields %q, want %q", tt.title, got, tt.want)
		}
		if got := record(vi, tt.title); len(got) != 8 {
			t.Errorf("%s: %d fields without English, want 8", tt.title, len(got))
		}
	}
	if m := en.manifest(); len(m.GroupsEN) != len(m.Groups) || !contains(m.GroupsEN, "Food") {
		t.Errorf("English group names %q for %q", m.GroupsEN, m.Groups)
	}
	if m := vi.manifest(); m.GroupsEN != nil {
		t.Errorf("English group names without English: %q", m.GroupsEN)
	}
	if ids := query(en.shards(en.records()), "green tea bags"); len(ids) == 0 || en.Docs[ids[0]].Title != "Trà xanh túi lọc Bình Sơn" {
		t.Errorf("\"green tea bags\" finds %v", ids)
	}
}

// BenchmarkBuildIndex builds the search index of the site in
// $OCOP_SEARCH_SITE, or of the example site.
func BenchmarkBuildIndex(b *testing.B) {
	dir := os.Getenv("OCOP_SEARCH_SITE")
	if dir == "" {
		dir = "../.."
	}
	cat, l := content.Load(os.DirFS(dir), content.Options{Now: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)})
	if l.Len() > 0 {
		b.Fatal(l.Err())
	}
	for b.Loop() {
		// As builds do: every file handed over as it is encoded.
		if err := Write(cat, cat.Site, Options{}, func(File) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPostings: lists built by Add and joined by Append read back as the
// numbers added, across one- and several-byte gaps.
func TestPostings(t *testing.T) {
	for _, tc := range []struct{ a, b []int32 }{
		{nil, nil},
		{[]int32{0}, nil},
		{nil, []int32{0, 1, 2}},
		{[]int32{0, 5, 127, 128}, []int32{129, 16500, 2_000_000}},
		{[]int32{3}, []int32{4}},
	} {
		p, q := newPostings(), newPostings()
		for _, id := range tc.a {
			p.Add(id)
		}
		for _, id := range tc.b {
			q.Add(id)
		}
		p.Append(q)
		var got []int32
		p.Each(func(id int32) { got = append(got, id) })
		want := append(append([]int32(nil), tc.a...), tc.b...)
		if !slices.Equal(got, want) || p.Len() != len(want) {
			t.Errorf("%v + %v: read %v (len %d)", tc.a, tc.b, got, p.Len())
		}
	}
}

// shards makes every shard file's content, by file key, for tests to read.
func (ix *Index) shards(recs []json.RawMessage) map[string]*shard {
	out := map[string]*shard{}
	ix.eachShard(recs, func(k string, s *shard) { out[k] = s })
	return out
}
