package content

import (
	"io/fs"
	"strings"
	"time"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/vntext"
	"github.com/ocop-vn/ocop/generator/yamlx"
)

// AreasFile maps former administrative units to current ones. Addresses
// stay as printed at recognition; listings group by today's units and pages
// show both ("xã Bình Sơn (nay là xã Thọ Bình)"). From 1 July 2025 the
// district level was abolished and communes were merged, so records before
// and after name different units.
const AreasFile = "content/areas.yaml"

// AreaChange is one entry of content/areas.yaml: an address (or part of
// one: a commune, a whole district) and what it is now.
type AreaChange struct {
	From  Area       `yaml:"from" required:"true"`
	To    Area       `yaml:"to" required:"true"`
	Since yamlx.Date `yaml:"since"`
	Note  string     `yaml:"note"`
}

func (ld *loader) loadAreas() []AreaChange {
	if _, err := fs.Stat(ld.fsys, AreasFile); err != nil {
		return nil
	}
	n := ld.yaml(AreasFile)
	if n == nil {
		return nil
	}
	var changes []AreaChange
	yamlx.DecodeList(AreasFile, n, &changes, ld.l)
	for i, ch := range changes {
		if ch.From == (Area{}) || ch.To == (Area{}) {
			ld.l.Add(diag.Pos{File: AreasFile, Line: n.Content[i].Line, Col: n.Content[i].Column}, "`from` and `to` each need at least one of commune, district, province")
		}
	}
	return changes
}

// current returns what a stands for today under changes, or nil when it is
// unchanged. Of the entries in force on now that match, the most specific
// wins: one naming the commune over one naming only the district.
func current(a Area, changes []AreaChange, now time.Time) *Area {
	best, bestScore := -1, 0
	for i, ch := range changes {
		if !ch.Since.IsZero() && ch.Since.After(now) {
			continue
		}
		score := 0
		ok := true
		for _, f := range []struct {
			from, have string
			weight     int
		}{{ch.From.Commune, a.Commune, 4}, {ch.From.District, a.District, 2}, {ch.From.Province, a.Province, 1}} {
			if f.from == "" {
				continue
			}
			if unitKey(f.from) != unitKey(f.have) {
				ok = false
				break
			}
			score += f.weight
		}
		if ok && score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return nil
	}
	to := changes[best].To
	// Keep the parts the mapping does not speak about: a commune merger
	// leaves the province as it was.
	if to.Province == "" && changes[best].From.Province == "" {
		to.Province = a.Province
	}
	return &to
}

// unitPrefixes are the words that name the kind of unit; "xã Bình Sơn" and
// "Bình Sơn" name the same commune in an address line.
var unitPrefixes = []string{"thanh pho ", "thi tran ", "thi xa ", "phuong ", "huyen ", "quan ", "tinh ", "xa ", "tp. ", "tp ", "tt. ", "tt "}

// unitKey folds a unit name and drops its kind, for matching.
func unitKey(s string) string {
	k := strings.Join(strings.Fields(vntext.Fold(s)), " ")
	for _, p := range unitPrefixes {
		if strings.HasPrefix(k, p) {
			return strings.TrimPrefix(k, p)
		}
	}
	return k
}

// Here returns the area to list the product under: its current units when
// content/areas.yaml maps its printed address, else the address as printed.
func (p *Product) Here() Area {
	if p.Now != nil {
		return *p.Now
	}
	return p.Area
}
