package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ocop-vn/ocop/generator/rubric"
	"github.com/ocop-vn/ocop/generator/scoring"
	"github.com/ocop-vn/ocop/generator/vntext"
)

// Config says what to generate.
type Config struct {
	N      int
	Seed   uint64
	Images int       // JPEGs per product
	Now    time.Time // the build date the statuses are planned against
}

// Legal dates of the programme.
var (
	qd148From  = day(2023, 2, 24) // QĐ 148/QĐ-TTg: new criteria; district recognises 3 stars
	qd1489From = day(2025, 7, 6)  // QĐ 1489/QĐ-TTg: no more district level
	firstRound = day(2019, 9, 1)  // first rounds under QĐ 1048/2019
	merged     = day(2025, 3, 1)  // ministries merged: Bộ Nông nghiệp và Môi trường
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

type district struct {
	name, province string
	communes       []string // "xã X"
	lat, lng       float64
}

type area struct {
	commune, cshort, district, province string
	lat, lng                            float64
}

type producer struct {
	id, name, kind, address, phone, email, website, rep, desc string
	area                                                      area
}

type salesPoint struct {
	id, name, kind, address, phone, hours, website string
	area                                           area
	lat, lng                                       float64
}

type round struct {
	set      *rubric.Set
	form     string
	level    string
	council  string
	date     time.Time
	sheets   []scoring.Sheet
	order    []string // criterion ids in form order, for writing sheets
	total    float64
	hasTotal bool
	decision *decision
	revoked  *revocation
}

type decision struct {
	number, issuer string
	date           time.Time
	star           int
}

type revocation struct {
	number, issuer, reason string
	date                   time.Time
}

type product struct {
	slug, name, nameEN, base string
	kind                     *kind
	group, subgroup          string
	producer                 *producer
	area                     area
	dir                      string // folder under products/
	summary, price, trace    string
	specs, stds, tags        []string
	soldAt                   []string
	draft                    bool
	story                    string
	rounds                   []*round
	visible                  bool // public and evaluated: news may name it
	star                     int
}

type news struct {
	slug, title, summary string
	date                 time.Time
	tags, products       []string
	body                 string
}

// gen holds one generation: a single random stream drawn in a fixed order,
// so the same seed always gives the same catalogue.
type gen struct {
	cfg  Config
	r    *rand.Rand
	sets *rubric.Registry
	q148 *rubric.Set
	q48  *rubric.Set // qd1048-2019

	districts   []*district
	producers   []*producer
	salesPoints []*salesPoint
	spByProv    map[string][]*salesPoint
	products    []*product
	news        []*news
	used        map[string]int
}

func newGen(cfg Config, sets *rubric.Registry) *gen {
	g := &gen{cfg: cfg, r: rand.New(rand.NewPCG(cfg.Seed, 0x6f636f70)), sets: sets, used: map[string]int{}, spByProv: map[string][]*salesPoint{}}
	g.q148, _ = sets.Get("qd148-2023")
	g.q48, _ = sets.Get("qd1048-2019")
	return g
}

func (g *gen) intn(n int) int       { return g.r.IntN(n) }
func (g *gen) between(a, b int) int { return a + g.r.IntN(b-a+1) }
func (g *gen) chance(p float64) bool {
	return g.r.Float64() < p
}
func pick[T any](g *gen, xs []T) T { return xs[g.r.IntN(len(xs))] }

// weighted picks an index with the given weights.
func (g *gen) weighted(ws ...int) int {
	sum := 0
	for _, w := range ws {
		sum += w
	}
	n := g.r.IntN(sum)
	for i, w := range ws {
		if n < w {
			return i
		}
		n -= w
	}
	return len(ws) - 1
}

// sample picks k distinct items, in the order drawn.
func sample[T any](g *gen, xs []T, k int) []T {
	idx := g.r.Perm(len(xs))[:min(k, len(xs))]
	out := make([]T, len(idx))
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

func (g *gen) dateBetween(lo, hi time.Time) time.Time {
	span := int(hi.Sub(lo).Hours() / 24)
	if span <= 0 {
		return lo
	}
	return lo.AddDate(0, 0, g.intn(span+1))
}

// unique returns base, or base-2, base-3… the second time on.
func (g *gen) unique(kind, base string) string {
	key := kind + "\x00" + base
	g.used[key]++
	if k := g.used[key]; k > 1 {
		return fmt.Sprintf("%s-%d", base, k)
	}
	return base
}

func (g *gen) place() string { return pick(g, syl1) + " " + pick(g, syl2) }

func (g *gen) person() string {
	if g.chance(0.5) {
		return pick(g, family) + " " + pick(g, middleM) + " " + pick(g, givenM)
	}
	return pick(g, family) + " " + pick(g, middleF) + " " + pick(g, givenF)
}

func (g *gen) phone() string {
	if g.chance(0.6) {
		return fmt.Sprintf("0%d%d %03d %03d", pick(g, []int{9, 8, 3, 7}), g.intn(10), g.intn(1000), g.intn(1000))
	}
	return fmt.Sprintf("02%02d %d%02d %04d", g.between(3, 99), g.between(3, 6), g.intn(100), g.intn(10000))
}

func (g *gen) build() {
	g.buildAreas()
	g.buildProducers()
	g.buildSalesPoints()
	g.buildProducts()
	g.buildNews()
}

func (g *gen) buildAreas() {
	n := g.cfg.N
	nprov := min(len(provinces), max(5, n/40))
	provs := sample(g, provinces, nprov)
	ndist := min(700, max(12, n/25))
	seen := map[string]bool{}
	for len(g.districts) < ndist {
		prov := provs[len(g.districts)%nprov]
		name := g.place()
		if seen[prov+name] {
			continue
		}
		seen[prov+name] = true
		kind := []string{"huyện", "thị xã", "thành phố"}[g.weighted(85, 10, 5)]
		d := &district{name: kind + " " + name, province: prov}
		for range g.between(6, 14) {
			d.communes = append(d.communes, []string{"xã", "phường", "thị trấn"}[g.weighted(85, 8, 7)]+" "+g.place())
		}
		pi := slices.Index(provinces, prov)
		d.lat = 22.8 - float64(pi)*0.22 + g.r.Float64()*0.6 - 0.3
		d.lng = 104.0 + float64(pi%9)*0.5 + g.r.Float64()*0.6 - 0.3
		g.districts = append(g.districts, d)
	}
}

func (g *gen) area(d *district) area {
	if d == nil {
		d = pick(g, g.districts)
	}
	c := pick(g, d.communes)
	_, short, _ := strings.Cut(c, " ")
	if strings.HasPrefix(c, "thị trấn ") {
		short = strings.TrimPrefix(c, "thị trấn ")
	}
	return area{commune: c, cshort: short, district: d.name, province: d.province, lat: d.lat, lng: d.lng}
}

func (g *gen) address(a area) string {
	var head string
	if g.chance(0.5) {
		head = "Thôn " + pick(g, []string{"1", "2", "3", "4", "5", "Đông", "Tây", "Trung", "Nam", "Bắc", g.place()})
	} else {
		head = fmt.Sprintf("Số %d đường %s", g.between(1, 250), pick(g, streets))
	}
	return head + ", " + a.commune + ", " + a.district + ", " + a.province
}

func (g *gen) buildProducers() {
	kinds := []struct{ id, word string }{{"hop-tac-xa", "Hợp tác xã"}, {"doanh-nghiep", "Công ty TNHH"}, {"to-hop-tac", "Tổ hợp tác"}, {"ho-kinh-doanh", "Hộ kinh doanh"}}
	trades := []string{"Nông nghiệp", "Dịch vụ nông nghiệp", "Sản xuất và kinh doanh", "Nông nghiệp hữu cơ", "Chế biến nông sản", "Thương mại", "Làng nghề", "Dược liệu"}
	descs := []string{"Đơn vị chuyên sản xuất và cung ứng các sản phẩm đặc sản của địa phương.",
		"Hiện có hàng chục thành viên, tạo việc làm ổn định cho lao động nông thôn.",
		"Đơn vị liên kết với nông dân xây dựng vùng nguyên liệu an toàn, bền vững.",
		"Sản phẩm của đơn vị đã có mặt tại nhiều tỉnh, thành phố trong cả nước."}
	for range max(1, g.cfg.N/2) {
		a := g.area(nil)
		k := kinds[g.weighted(45, 25, 10, 20)]
		rep := g.person()
		year := g.between(1995, 2022)
		trade := pick(g, trades)
		var name, short string
		switch k.id {
		case "ho-kinh-doanh":
			name, short = "Hộ kinh doanh "+rep, "HKD "+rep
		case "doanh-nghiep":
			name, short = "Công ty TNHH "+trade+" "+a.cshort, "Cty "+trade+" "+a.cshort
		case "hop-tac-xa":
			name, short = "Hợp tác xã "+trade+" "+a.cshort, "HTX "+trade+" "+a.cshort
		default:
			name, short = "Tổ hợp tác "+trade+" "+a.cshort, "THT "+trade+" "+a.cshort
		}
		id := g.unique("producer", vntext.Slug(short))
		domain := strings.ReplaceAll(id, "-", "")
		domain = domain[:min(len(domain), 24)]
		p := &producer{id: id, name: name, kind: k.id, area: a, address: g.address(a), phone: g.phone()}
		if g.chance(0.5) {
			p.email = domain[:min(len(domain), 20)] + "@gmail.com"
		} else {
			p.email = "lienhe@" + domain + ".vn"
		}
		if g.chance(0.35) {
			p.website = "https://" + domain + ".vn"
		}
		if g.chance(0.6) {
			p.rep = rep
		}
		p.desc = fmt.Sprintf("%s được thành lập năm %d tại %s, %s. %s", name, year, a.commune, a.district, pick(g, descs))
		g.producers = append(g.producers, p)
	}
}

func (g *gen) buildSalesPoints() {
	kinds := []struct{ id, word string }{{"showroom", "Điểm giới thiệu và bán sản phẩm OCOP"}, {"cua-hang", "Cửa hàng OCOP"}, {"hoi-cho", "Gian hàng OCOP"}, {"online", "Cửa hàng trực tuyến OCOP"}}
	hours := []string{"7:30–17:30, thứ Hai đến Chủ nhật", "8:00–21:00 hằng ngày", "7:00–11:30 và 13:30–17:00, thứ Hai đến thứ Bảy", "Theo lịch hội chợ", "24/7 (đặt hàng trực tuyến)"}
	for range max(1, g.cfg.N/10) {
		a := g.area(nil)
		k := kinds[g.weighted(40, 35, 10, 15)]
		where := a.commune
		if g.chance(0.6) {
			where = a.district
		}
		name := k.word + " " + where
		if k.id == "hoi-cho" {
			name = fmt.Sprintf("%s tại Hội chợ %s %d", k.word, a.province, g.between(2019, 2025))
		}
		short := strings.NewReplacer("Điểm giới thiệu và bán sản phẩm", "Điểm", "Cửa hàng trực tuyến", "Online").Replace(name)
		id := g.unique("sp", vntext.Slug(short))
		s := &salesPoint{id: id, name: name, kind: k.id, area: a, address: g.address(a), phone: g.phone(), hours: pick(g, hours)}
		s.lat = math.Round((a.lat+g.r.Float64()*0.1-0.05)*1e5) / 1e5
		s.lng = math.Round((a.lng+g.r.Float64()*0.1-0.05)*1e5) / 1e5
		if k.id == "online" || g.chance(0.2) {
			s.website = "https://ocop-" + strings.Trim(id[:min(len(id), 20)], "-") + ".vn"
		}
		g.salesPoints = append(g.salesPoints, s)
		g.spByProv[a.province] = append(g.spByProv[a.province], s)
	}
}

func (g *gen) buildProducts() {
	weights := make([]int, len(kinds))
	for i, k := range kinds {
		weights[i] = k.weight
	}
	for i := range g.cfg.N {
		k := &kinds[g.weighted(weights...)]
		base := pick(g, k.bases)
		pr := g.producers[i%len(g.producers)]
		if i >= len(g.producers) {
			pr = pick(g, g.producers)
		}
		a := pr.area
		if g.chance(0.2) { // same district, another commune
			for _, d := range g.districts {
				if d.name == a.district && d.province == a.province {
					a = g.area(d)
					break
				}
			}
		}
		name := base
		if q := pick(g, qualifiers); q != "" {
			name += " " + q
		}
		name += " " + a.cshort
		p := &product{slug: g.unique("product", vntext.Slug(name)), name: name, base: base, kind: k, producer: pr, area: a}
		if en, ok := nameEN[base]; ok && g.chance(0.6) {
			p.nameEN = titleASCII(vntext.Slug(a.cshort)) + " " + en
		}
		status := []string{"certified", "expired", "unrecognised"}[g.weighted(85, 10, 5)]
		star := []int{3, 4, 5}[g.weighted(68, 28, 4)]
		g.makeRounds(p, status, star)
		last := p.rounds[len(p.rounds)-1]
		p.group, p.subgroup = k.g148, k.sg148
		if last.set == g.q48 {
			p.group, p.subgroup = k.g1048, k.sg1048
		}
		p.summary = strings.NewReplacer("{n}", name, "{c}", a.cshort, "{pr}", pr.name, "{d}", a.district, "{pv}", a.province).Replace(pick(g, []string{
			"{n} được sản xuất từ nguyên liệu địa phương {c}, theo quy trình khép kín, an toàn.",
			"{n} mang hương vị đặc trưng của vùng đất {c}, là món quà quê ý nghĩa.",
			"Sản phẩm {n} của {pr}, được người tiêu dùng tin chọn.",
			"{n}: sản phẩm truyền thống của {d}, {pv}, chất lượng ổn định, mẫu mã đẹp.",
		}))
		p.specs = sample(g, k.packs, g.between(1, min(3, len(k.packs))))
		p.specs = append(p.specs, fmt.Sprintf("Hạn sử dụng %d tháng; bảo quản nơi khô ráo.", pick(g, []int{6, 12, 18, 24, 36})))
		p.stds = sample(g, standards, g.between(0, 3))
		slices.Sort(p.stds)
		if g.chance(0.5) {
			p.trace = "https://truyxuat.example.vn/" + p.slug
		}
		if g.chance(0.7) {
			lo := pick(g, []int{25, 40, 60, 80, 120, 150, 200, 350, 500}) * 1000
			hi := lo + pick(g, []int{0, 10, 20, 50, 100})*1000
			if lo == hi {
				p.price = vnd(lo) + " đ/" + k.unit
			} else {
				p.price = vnd(lo) + "–" + vnd(hi) + " đ/" + k.unit
			}
		}
		local := g.spByProv[a.province]
		for range []int{0, 1, 2, 3, 4}[g.weighted(10, 35, 30, 15, 10)] {
			pool := g.salesPoints
			if len(local) > 0 && g.chance(0.7) {
				pool = local
			}
			if id := pick(g, pool).id; !slices.Contains(p.soldAt, id) {
				p.soldAt = append(p.soldAt, id)
			}
		}
		p.tags = sample(g, tags, g.between(1, 3))
		p.draft = g.chance(0.01)
		p.story = g.story(p)
		p.visible = !p.draft && p.star > 0
		g.products = append(g.products, p)
	}
}

func vnd(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// makeRounds plans 1–3 council rounds ending in the product's status on
// the build date: a certificate in force, one expired, or no recognition.
func (g *gen) makeRounds(p *product, status string, final int) {
	now := g.cfg.Now
	k := []int{1, 2, 3}[g.weighted(50, 35, 15)]
	onlyNew := p.kind.g1048 == "" // no such group before QĐ 148
	var last time.Time            // decision date of the last round (or its round date)
	switch status {
	case "certified":
		last = g.dateBetween(now.AddDate(0, -36, 20), now.AddDate(0, 0, -40))
	case "expired":
		last = g.dateBetween(firstRound.AddDate(0, 2, 0), now.AddDate(-3, -2, 0))
	default:
		last = g.dateBetween(day(2020, 1, 1), now.AddDate(0, 0, -20))
	}
	newFrom := qd148From.AddDate(0, 2, 0) // rounds 10–45 days before their decision stay under QĐ 148
	if onlyNew && last.Before(newFrom) {
		status = "certified"
		last = g.dateBetween(newFrom, now.AddDate(0, 0, -40))
	}
	stars := make([]int, k)
	for i := range stars {
		stars[i] = max(2, final-g.intn(2))
		if status == "unrecognised" {
			stars[i] = 2
		}
	}
	slices.Sort(stars)
	stars[k-1] = final
	if status == "unrecognised" {
		stars[k-1] = 2
	}
	// Round dates, newest first, going back 8–30 months each.
	dates := []time.Time{last}
	for len(dates) < k {
		d := dates[len(dates)-1].AddDate(0, 0, -g.between(240, 900))
		if d.Before(firstRound.AddDate(0, 2, 0)) || (onlyNew && d.Before(newFrom)) {
			break
		}
		dates = append(dates, d)
	}
	slices.Reverse(dates)
	stars = stars[len(stars)-len(dates):]
	for i, d := range dates {
		r := g.round(p, d, stars[i], status != "unrecognised" || stars[i] >= 3)
		if r == nil {
			continue
		}
		p.rounds = append(p.rounds, r)
	}
	for _, r := range p.rounds {
		if r.decision != nil {
			p.star = r.decision.star
		}
	}
	// A few recognitions in force are withdrawn early.
	if lr := p.rounds[len(p.rounds)-1]; status == "certified" && lr.decision != nil && g.chance(0.005) {
		if rd := g.dateBetween(lr.decision.date.AddDate(0, 0, 30), now.AddDate(0, 0, -1)); rd.After(lr.decision.date) {
			lr.revoked = &revocation{number: fmt.Sprintf("%d/QĐ-UBND", g.between(100, 9999)), issuer: lr.decision.issuer, date: rd,
				reason: pick(g, []string{"Chủ thể ngừng sản xuất sản phẩm", "Vi phạm quy định về an toàn thực phẩm", "Chủ thể đề nghị thu hồi"})}
		}
	}
}

// round makes one council round dated (around) d that ends with the given
// star, under the criteria set in force then; recognise says whether a
// decision follows when the star allows it.
func (g *gen) round(p *product, decided time.Time, star int, recognise bool) *round {
	date := decided.AddDate(0, 0, -g.between(10, 45))
	set := g.q148
	form := p.kind.sg148
	if date.Before(qd148From) {
		set, form = g.q48, p.kind.sg1048
	}
	r := &round{set: set, form: form, date: date}
	// The council level: the one allowed to recognise this star on the
	// decision date; for a round below 3 stars, the lowest council then.
	levels := []string{"huyen", "tinh", "trung-uong"}
	for _, lv := range levels {
		if ok, _ := set.MayRecognise(lv, star, decided); ok {
			r.level = lv
			break
		}
	}
	if r.level == "" {
		r.level = "tinh"
		if ok, _ := set.MayRecognise("huyen", 3, decided); ok {
			r.level = "huyen"
		}
	}
	switch r.level {
	case "huyen":
		r.council = "Hội đồng đánh giá, phân hạng sản phẩm OCOP " + p.area.district
	case "tinh":
		r.council = "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh " + p.area.province
	default:
		r.council = "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp Trung ương"
	}
	g.score(r, star)
	if recognise && star >= 3 {
		d := &decision{date: decided, star: star}
		switch r.level {
		case "huyen":
			d.issuer = "UBND " + p.area.district
			d.number = fmt.Sprintf("%d/QĐ-UBND", g.between(100, 9999))
		case "tinh":
			d.issuer = "UBND tỉnh " + p.area.province
			d.number = fmt.Sprintf("%d/QĐ-UBND", g.between(100, 9999))
		default:
			d.issuer, d.number = "Bộ Nông nghiệp và Phát triển nông thôn", fmt.Sprintf("%d/QĐ-BNN-KTHT", g.between(100, 9999))
			if !decided.Before(merged) {
				d.issuer, d.number = "Bộ Nông nghiệp và Môi trường", fmt.Sprintf("%d/QĐ-BNNMT", g.between(100, 9999))
			}
		}
		r.decision = d
	}
	return r
}

// bands are the average totals that earn each star, kept a little inside
// the thresholds.
var bands = map[int][2]float64{2: {36, 49}, 3: {51, 69}, 4: {71, 89}, 5: {90.5, 97}}

// score records the round's points: mostly the council's average total;
// for about one round in four, the members' sheets — by part (A, B, C) on
// QĐ 148, by section on QĐ 1048 forms without criteria, by criterion on
// the transcribed forms — checked with the scoring package to give the star.
func (g *gen) score(r *round, star int) {
	b := bands[star]
	if g.chance(0.25) {
		form, ok := r.set.FormFor(r.form)
		if ok {
			members := map[string]int{"huyen": 5, "tinh": 7, "trung-uong": 9}[r.level] + g.intn(3)
			for range 40 {
				sheets, order := g.sheets(form, b[0]+g.r.Float64()*(b[1]-b[0]), members)
				res, issues := scoring.Rate(r.set, form, sheets)
				if len(issues) == 0 && res.Star == star && len(res.Reasons) == 0 {
					r.sheets, r.order = sheets, order
					return
				}
			}
		}
	}
	r.total = math.Round((b[0]+g.r.Float64()*(b[1]-b[0]))*10) / 10
	r.hasTotal = true
}

// sheets fills members' sheets of form near target points out of 100.
func (g *gen) sheets(form *rubric.Form, target float64, members int) ([]scoring.Sheet, []string) {
	q := target / 100
	detailed := form.Detailed()
	var order []string
	out := make([]scoring.Sheet, members)
	for m := range out {
		qm := min(1, max(0.05, q+g.r.Float64()*0.06-0.03))
		sheet := scoring.Sheet{}
		for pi := range form.Parts {
			part := &form.Parts[pi]
			if !detailed && scoring.ByPart(part) {
				sheet[part.ID] = math.Round(qm * part.Maximum())
				if m == 0 {
					order = append(order, part.ID)
				}
				continue
			}
			for si := range part.Sections {
				sec := &part.Sections[si]
				if !detailed {
					sheet[sec.ID] = math.Round(qm * sec.Maximum())
					if m == 0 {
						order = append(order, sec.ID)
					}
					continue
				}
				for ci := range sec.Criteria {
					c := &sec.Criteria[ci]
					sheet[c.ID] = g.criterion(c, qm)
					if m == 0 {
						order = append(order, c.ID)
					}
				}
			}
		}
		out[m] = sheet
	}
	return out, order
}

// criterion picks the allowed points nearest qm of the maximum (with a
// little noise), never a stop option, above zero when mandatory, and at
// least every per-star minimum.
func (g *gen) criterion(c *rubric.Criterion, qm float64) float64 {
	allowed := c.Allowed()
	if len(allowed) == 0 {
		return math.Round(qm * c.Maximum())
	}
	floor := 0.0
	for _, m := range c.Minimums {
		floor = max(floor, m.Points)
	}
	want := qm*c.Maximum() + g.r.Float64()*1.4 - 0.7
	best, bestD := -1.0, math.Inf(1)
	for _, v := range allowed {
		if _, stop := c.StopAt(v); stop || v < floor || (c.Mandatory && v == 0) {
			continue
		}
		if d := math.Abs(v - want); d < bestD {
			best, bestD = v, d
		}
	}
	if best < 0 {
		return allowed[len(allowed)-1]
	}
	return best
}

// filler is one sentence from the phrase slots.
func (g *gen) filler() string {
	rep := strings.NewReplacer("{year}", strconv.Itoa(g.between(2010, 2020)), "{year2}", strconv.Itoa(g.between(2019, 2024)),
		"{qty}", strconv.Itoa(g.between(5, 900)), "{rev}", strconv.Itoa(g.between(1, 60)), "{jobs}", strconv.Itoa(g.between(8, 250)),
		"{inc}", strconv.Itoa(g.between(5, 15)), "{ha}", strconv.Itoa(g.between(3, 400)), "{provn}", strconv.Itoa(g.between(5, 40)),
		"{pct}", strconv.Itoa(g.between(10, 60)))
	switch f := g.r.Float64(); {
	case f < 0.55:
		return rep.Replace(pick(g, fTime) + ", " + pick(g, fSubj) + " " + pick(g, fVerb) + " " + pick(g, fAct) + " " + pick(g, fGoal) + ".")
	case f < 0.8:
		return rep.Replace(pick(g, fTime) + ", " + pick(g, fDet) + ".")
	default:
		return rep.Replace("Nhờ " + pick(g, fAct) + ", " + pick(g, fDet) + ".")
	}
}

func words(s string) int { return len(strings.Fields(s)) }

// story is 150–400 words of Markdown: headings, paragraphs, a list.
func (g *gen) story(p *product) string {
	ctx := strings.NewReplacer("{name}", p.name, "{producer}", p.producer.name, "{commune}", p.area.commune,
		"{district}", p.area.district, "{province}", p.area.province, "{cshort}", p.area.cshort,
		"{base}", strings.ToLower(p.base), "{year}", strconv.Itoa(g.between(2005, 2020)), "{standard}", pick(g, standards))
	target := g.between(150, 400)
	tail := fmt.Sprintf("**Hạn sử dụng:** %d tháng kể từ ngày sản xuất. *Bảo quản:* nơi khô ráo, thoáng mát.", pick(g, []int{6, 12, 18, 24}))
	join := func(xs []string) string {
		for i := range xs {
			xs[i] = ctx.Replace(xs[i])
		}
		return strings.Join(xs, " ")
	}
	out := []string{"## Nguồn gốc", "", join(sample(g, storyIntro, g.between(2, 4))), "",
		"## Quy trình sản xuất", "", join(sample(g, storyProcess, g.between(1, 2))), ""}
	for _, s := range sample(g, storySteps, g.between(3, 5)) {
		out = append(out, "- "+s)
	}
	out = append(out, "", "## Đặc điểm và cách dùng", "")
	n := words(strings.Join(out, "\n")) + words(tail)
	pool := append(append(slices.Clone(storyUse), storyProcess...), storyIntro...)
	g.r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	var para []string
	for misses := 0; n < target && misses < 8; {
		var s string
		if len(pool) > 0 && g.chance(0.5) {
			s, pool = ctx.Replace(pool[len(pool)-1]), pool[:len(pool)-1]
		} else {
			s = g.filler()
		}
		if n+words(s) > max(target, 180) {
			misses++
			continue
		}
		para = append(para, s)
		n += words(s)
		if len(para) == 4 {
			out = append(out, strings.Join(para, " "), "")
			para = nil
		}
	}
	for n < 150 { // short stories get one more sentence
		s := g.filler()
		para = append(para, s)
		n += words(s)
	}
	if len(para) > 0 {
		out = append(out, strings.Join(para, " "), "")
	}
	return strings.Join(append(out, tail, ""), "\n")
}

func (g *gen) buildNews() {
	var visible []*product
	for _, p := range g.products {
		if p.visible {
			visible = append(visible, p)
		}
	}
	if len(visible) == 0 {
		return
	}
	for range max(1, g.cfg.N/4) {
		p := pick(g, visible)
		a := p.area
		d := g.dateBetween(day(2019, 1, 1), g.cfg.Now.AddDate(0, 0, -1))
		org := pick(g, []string{"UBND " + a.district, "Sở Nông nghiệp và Phát triển nông thôn " + a.province, "Văn phòng Điều phối nông thôn mới tỉnh " + a.province})
		ctx := strings.NewReplacer("{district}", a.district, "{commune}", a.commune, "{province}", a.province,
			"{year}", strconv.Itoa(d.Year()), "{count}", strconv.Itoa(g.between(3, 60)), "{pname}", p.name,
			"{star}", strconv.Itoa(p.star), "{day}", d.Format("02/01/2006"), "{producer}", p.producer.name,
			"{org}", org, "{area}", pick(g, []string{"huyện", "tỉnh"}))
		title := ctx.Replace(pick(g, newsTitles))
		if r, size := utf8.DecodeRuneInString(title); size > 0 {
			title = string(unicode.ToUpper(r)) + title[size:]
		}
		target := g.between(330, 660)
		var paras []string
		pool := slices.Clone(newsParas)
		g.r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		for n := 0; n < target; {
			var ss []string
			for range g.between(2, 4) {
				if len(pool) > 0 && g.chance(0.6) {
					ss, pool = append(ss, ctx.Replace(pool[len(pool)-1])), pool[:len(pool)-1]
				} else {
					ss = append(ss, g.filler())
				}
			}
			para := strings.Join(ss, " ")
			paras = append(paras, para)
			n += words(para)
			if g.chance(0.12) {
				paras = append(paras, "> "+pick(g, newsQuotes))
			}
			if g.chance(0.08) && len(paras) > 1 {
				paras = append(paras, "## "+pick(g, []string{"Kết quả nổi bật", "Nhiệm vụ thời gian tới", "Khó khăn, vướng mắc", "Một số sản phẩm tiêu biểu"}))
			}
		}
		related := []string{p.slug}
		for _, o := range sample(g, visible, g.between(0, 2)) {
			if !slices.Contains(related, o.slug) {
				related = append(related, o.slug)
			}
		}
		slug := vntext.Slug(title)
		if len(slug) > 70 {
			slug = strings.Trim(slug[:70], "-")
		}
		first, _, _ := strings.Cut(paras[0], ". ")
		g.news = append(g.news, &news{slug: g.unique("news", slug), title: title, date: d,
			summary: strings.TrimSuffix(first, ".") + ".", body: strings.Join(paras, "\n\n") + "\n",
			tags:     sample(g, []string{"OCOP", "hội chợ", "tập huấn", "đánh giá phân hạng", "xúc tiến thương mại", "nông thôn mới", "du lịch"}, g.between(1, 3)),
			products: related})
	}
}

// titleASCII turns "dong-loi" into "Dong Loi".
func titleASCII(slug string) string {
	parts := strings.Split(slug, "-")
	for i, w := range parts {
		if w != "" {
			parts[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(parts, " ")
}
