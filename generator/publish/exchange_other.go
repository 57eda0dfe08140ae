//go:build !linux

package publish

import "errors"

// exchange is unavailable outside Linux; Commit falls back to two renames.
func exchange(a, b string) error { return errors.New("atomic exchange not supported") }
