package content

import (
	"fmt"
	"strings"

	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/scoring"
	"github.com/ocop-vn/ocop/generator/yamlx"
	"gopkg.in/yaml.v3"
)

// evaluate resolves a round's criteria set and form, scores its sheets and
// checks the round against the rules in force: points within the form,
// stated star against computed star, who may recognise that star on that
// date, dates in order.
func (ld *loader) evaluate(c *Catalog, p *Product, ev *Evaluation) {
	file, n := ev.File, ev.node
	if ev.Rubric == "" {
		ev.Rubric = c.Site.Rubric
	}
	set, ok := c.Rubrics.Get(ev.Rubric)
	if !ok {
		ld.l.AddHint(yamlx.PosOf(file, n, "rubric"), "known criteria sets: "+strings.Join(c.Rubrics.IDs(), ", "),
			"unknown criteria set `%s`", ev.Rubric)
	}
	ev.Set = set
	if ev.Level != "" {
		if _, ok := Levels[ev.Level]; !ok {
			ld.l.AddHint(yamlx.PosOf(file, n, "level"), "use one of: "+strings.Join(sortedKeys(Levels), ", "), "unknown council level `%s`", ev.Level)
		}
	}
	if ev.Date.IsZero() && ev.Decision != nil {
		ev.Date = ev.Decision.Date
	}
	if ev.Date.IsZero() && yamlx.Value(n, "date") == nil {
		ld.l.AddHint(yamlx.PosOf(file, n, "date"), "add `date: YYYY-MM-DD`, the day the council met", "evaluation has no date")
	}
	if set != nil && !ev.Date.IsZero() && !set.ValidFrom.IsZero() && ev.Date.Before(set.ValidFrom.Time) {
		ld.l.AddHint(yamlx.PosOf(file, n, "rubric"), "name the criteria set in force on that date in `rubric`",
			"criteria set `%s` applies from %s, but the round is dated %s", set.ID, set.ValidFrom, ev.Date)
	}
	if ev.Result != "" && ev.Result != string(scoring.Recognised) && ev.Result != string(scoring.NotRecognised) && ev.Result != string(scoring.Failed) {
		ld.l.AddHint(yamlx.PosOf(file, n, "result"), "use cong-nhan, chua-cong-nhan or khong-dat", "unknown result `%s`", ev.Result)
	}
	ld.score(p, ev)
	ld.checkDecision(ev)
	ev.SheetCount = len(ev.Sheets)
	if !ld.keepSheets {
		ev.Sheets, ev.Score.Sheets = nil, nil
		ev.MeanPoints, ev.Score.Mean = scoring.Pack(ev.Score.Mean), scoring.Breakdown{}
	}
}

// score computes the round's points, if any are on record.
func (ld *loader) score(p *Product, ev *Evaluation) {
	file, n, set := ev.File, ev.node, ev.Set
	if ev.Total != nil && (*ev.Total < 0 || *ev.Total > 100) {
		ld.l.Add(yamlx.PosOf(file, n, "total"), "`total` must be between 0 and 100, found %g", *ev.Total)
		ev.Total = nil
	}
	if set == nil {
		return
	}
	f, ok := set.FormFor(ev.Form)
	if ev.Form == "" {
		// Without a `form`, the product's subgroup names it; an unknown
		// subgroup is reported on the product, so fall back quietly to the
		// set's part and section maxima.
		if f, ok = set.FormFor(p.Subgroup); !ok {
			f, ok = set.FormFor("")
		}
	}
	if !ok {
		ld.l.AddHint(yamlx.PosOf(file, n, "form"), "forms of "+set.ID+": "+strings.Join(set.FormIDs(), ", "),
			"unknown scoring form `%s`", ev.Form)
		return
	}
	ev.FormRef = f
	switch {
	case len(ev.Sheets) > 0:
		sheets := make([]scoring.Sheet, len(ev.Sheets))
		for i, s := range ev.Sheets {
			sheets[i] = s
		}
		res, issues := scoring.Rate(set, f, sheets)
		for _, is := range issues {
			pos := sheetPos(file, n, is.Sheet, is.Criterion)
			if is.Warning {
				ld.l.WarnHint(pos, is.Hint, "%s", is.Msg)
			} else {
				ld.l.AddHint(pos, is.Hint, "%s", is.Msg)
			}
		}
		ev.Score, ev.Average, ev.HasScore = res, res.Average, true
		if ev.Total != nil {
			ld.l.AddHint(yamlx.PosOf(file, n, "total"), "remove `total`: it is computed from the sheets", "both `sheets` and `total` given")
		}
	case ev.Total != nil:
		ev.Score = scoring.RateTotal(set, *ev.Total)
		ev.Average, ev.HasScore = *ev.Total, true
	}
	ev.Outcome = ev.Score.Outcome
	if ev.HasScore && ev.Result != "" && ev.Result != string(ev.Score.Outcome) {
		ld.l.AddHint(yamlx.PosOf(file, n, "result"), "check the sheets or the stated result",
			"`result` is %s but the points give %s", ev.Result, ev.Score.Outcome)
	}
	if !ev.HasScore {
		ev.Outcome = scoring.Outcome(ev.Result)
	}
}

// sheetPos finds where sheet i (and criterion id in it) is written.
func sheetPos(file string, n *yaml.Node, i int, id string) diag.Pos {
	if i < 0 {
		return yamlx.PosOf(file, n, "sheets")
	}
	item := yamlx.Value(n, "sheets")
	if item == nil || item.Kind != yaml.SequenceNode || i >= len(item.Content) {
		return yamlx.PosOf(file, n, "sheets")
	}
	sheet := item.Content[i]
	if id != "" && sheet.Kind == yaml.MappingNode {
		for k := 0; k+1 < len(sheet.Content); k += 2 {
			if sheet.Content[k].Value == id {
				return diag.Pos{File: file, Line: sheet.Content[k].Line, Col: sheet.Content[k].Column}
			}
		}
	}
	return diag.Pos{File: file, Line: sheet.Line, Col: sheet.Column}
}

// checkDecision checks a recognition decision against the round.
func (ld *loader) checkDecision(ev *Evaluation) {
	d, file, set := ev.Decision, ev.File, ev.Set
	if d == nil {
		if ev.Revoked != nil {
			ld.l.Add(yamlx.PosOf(file, ev.node, "revoked"), "`revoked` needs the `decision` it revokes")
		}
		return
	}
	dn := yamlx.Value(ev.node, "decision")
	starPos := yamlx.PosOf(file, dn, "star")
	if d.Date.IsZero() && yamlx.Value(dn, "date") == nil {
		ld.l.AddHint(yamlx.PosOf(file, dn, "date"), "add `date: YYYY-MM-DD` as printed on the decision", "decision has no date")
	}
	if !d.Date.IsZero() && !ev.Date.IsZero() && d.Date.Before(ev.Date.Time) {
		ld.l.AddHint(yamlx.PosOf(file, dn, "date"), "a decision follows the council's evaluation; check both dates",
			"decision dated %s, before the evaluation of %s", d.Date, ev.Date)
	}
	if !d.ValidUntil.IsZero() && !d.Date.IsZero() && !d.ValidUntil.After(d.Date.Time) {
		ld.l.Add(yamlx.PosOf(file, dn, "valid_until"), "`valid_until` %s is not after the decision date %s", d.ValidUntil, d.Date)
	}
	if r := ev.Revoked; r != nil && !r.Date.IsZero() && !d.Date.IsZero() && r.Date.Before(d.Date.Time) {
		ld.l.Add(yamlx.PosOf(file, yamlx.Value(ev.node, "revoked"), "date"), "revocation dated %s, before the decision of %s", r.Date, d.Date)
	}
	if d.Star < 1 || d.Star > 5 {
		ld.l.Add(starPos, "decision `star` must be 1 to 5, found %d", d.Star)
		d.Star = 0
		return
	}
	if set == nil {
		return
	}
	if !set.IsRecognised(d.Star) {
		ld.l.AddHint(starPos, "only products of 3 stars or more are recognised; leave `decision` out for a lower result",
			"a recognition decision cannot grant %d stars", d.Star)
		return
	}
	if ev.HasScore {
		switch {
		case ev.Score.Outcome == scoring.Failed:
			ld.l.AddHint(starPos, "check the sheets or the decision",
				"the decision recognises %d stars, but the sheets are \"Không đạt\": %s", d.Star, strings.Join(ev.Score.Reasons, "; "))
		case ev.Score.Star != d.Star:
			ld.l.AddHint(starPos, "a star is the band of the average total: 50–69,99 → 3, 70–89,99 → 4, from 90 → 5; check the sheets or the decision",
				"the decision states %d stars, but the average total %s gives %d stars", d.Star, scoring.Format(ev.Average), ev.Score.Star)
		}
	} else if ev.Outcome == "" {
		ev.Outcome = scoring.Recognised
	}
	day := d.Date
	if day.IsZero() {
		day = ev.Date
	}
	if ev.Level != "" && !day.IsZero() {
		if ok, could := set.MayRecognise(ev.Level, d.Star, day.Time); !ok {
			hint := fmt.Sprintf("on that date %d stars are recognised at level: %s", d.Star, strings.Join(could, ", "))
			if len(could) == 0 {
				hint = fmt.Sprintf("no level recognises %d stars under %s on that date", d.Star, set.ID)
			}
			ld.l.AddHint(yamlx.PosOf(file, ev.node, "level"), hint,
				"a `%s` council may not recognise %d stars on %s under %s", ev.Level, d.Star, day, set.ID)
		}
	}
}

// checkRounds reports two score files for the same day and level.
func (ld *loader) checkRounds(evs []*Evaluation) {
	seen := map[string]string{}
	for _, ev := range evs {
		if ev.Date.IsZero() {
			continue
		}
		key := ev.Date.String() + "/" + ev.Level
		if prev, dup := seen[key]; dup {
			ld.l.AddHint(diag.Pos{File: ev.File}, "merge the two files, or fix the date or level of one",
				"round of %s at level `%s` is also recorded in %s", ev.Date, ev.Level, prev)
			continue
		}
		seen[key] = ev.File
	}
}
