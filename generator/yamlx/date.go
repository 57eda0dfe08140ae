package yamlx

import (
	"fmt"
	"time"

	"gopkg.in/yaml.v3"
)

// Date is a calendar day written YYYY-MM-DD, the form every date in site
// files takes (decision dates, news dates). The zero Date means "not given".
type Date struct{ time.Time }

// ParseDate parses s as YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("invalid date `%s`: write dates as YYYY-MM-DD, e.g. 2021-04-06", s)
	}
	return Date{t}, nil
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (d *Date) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("expected a date (YYYY-MM-DD)")
	}
	v, err := ParseDate(n.Value)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// String formats the date as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// VN formats the date the Vietnamese way, dd/mm/yyyy.
func (d Date) VN() string {
	if d.IsZero() {
		return ""
	}
	return d.Format("02/01/2006")
}

// AddMonths returns the date n calendar months later.
func (d Date) AddMonths(n int) Date { return Date{d.AddDate(0, n, 0)} }
