package content

import (
	"time"

	"github.com/ocop-vn/ocop/generator/yamlx"
)

// Status is a product's public standing, derived from its score files and
// the build date.
type Status string

// The statuses, from best to worst for a buyer. Their values are used in
// URLs and CSS classes.
const (
	Valid       Status = "con-hieu-luc"    // recognised, certificate in force
	Expiring    Status = "sap-het-han"     // in force, ends within ExpiringWindow
	Expired     Status = "het-hieu-luc"    // certificate ended
	Revoked     Status = "da-thu-hoi"      // recognition withdrawn by a decision
	NotRanked   Status = "chua-cong-nhan"  // evaluated, no 3★+ recognition
	Development Status = "dang-phat-trien" // no evaluation yet
)

// ExpiringWindow is how long before the end date a certificate counts as
// expiring soon: under QĐ 148 the issuing body notifies the producer 30 days
// ahead, and re-recognition takes a council round, so three months gives
// buyers and staff a useful warning.
const ExpiringWindow = 90 * 24 * time.Hour

// Certified reports whether the product currently holds a recognised star.
func (s Status) Certified() bool { return s == Valid || s == Expiring }

// Certificate is the recognition a product currently holds or last held.
type Certificate struct {
	Status     Status
	Star       int // star of the newest recognition decision (0 if none)
	Decision   *Decision
	Evaluation *Evaluation
	Issued     yamlx.Date
	// ValidUntil is the last day the certificate is in force: the end of
	// its validity, or the day before a revocation took effect.
	ValidUntil yamlx.Date
	Revocation *Revocation
}

// certify derives p.Cert from its evaluations as of now. The newest
// recognition decision of 3 stars or more issued by now sets the star (so a
// re-recognition or an upgrade in a newer round replaces the older one); its
// end date is the decision's valid_until or the decision date plus the
// criteria set's validity (36 months), or the revocation date.
func (p *Product) certify(now time.Time) {
	p.Cert = Certificate{Status: Development}
	for _, e := range p.Evaluations {
		if !e.Date.After(now) {
			p.Cert.Status = NotRanked
		}
	}
	for i := len(p.Evaluations) - 1; i >= 0; i-- {
		e := p.Evaluations[i]
		d := e.Decision
		if d == nil || d.Star < 3 || (e.Set != nil && !e.Set.IsRecognised(d.Star)) {
			continue
		}
		issued := d.Date
		if issued.IsZero() {
			issued = e.Date
		}
		if issued.After(now) {
			continue // not yet in force on the build date
		}
		until := d.ValidUntil
		if until.IsZero() && !issued.IsZero() {
			months := 36
			if e.Set != nil {
				months = e.Set.Validity()
			}
			until = yamlx.Date{Time: issued.AddDate(0, months, -1)}
		}
		p.Cert = Certificate{Star: d.Star, Decision: d, Evaluation: e, Issued: issued, ValidUntil: until}
		if r := e.Revoked; r != nil && !r.Date.After(now) {
			p.Cert.Status, p.Cert.Revocation = Revoked, r
			p.Cert.ValidUntil = yamlx.Date{Time: r.Date.AddDate(0, 0, -1)}
			return
		}
		switch {
		case until.IsZero():
			p.Cert.Status = Valid
		case now.After(until.Time):
			p.Cert.Status = Expired
		case until.Time.Sub(now) <= ExpiringWindow:
			p.Cert.Status = Expiring
		default:
			p.Cert.Status = Valid
		}
		return
	}
}
