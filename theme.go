// Package ocop embeds the default theme so the ocop binary can build a
// content repository that has no layouts/ or static/ of its own.
package ocop

import "embed"

// Theme holds layouts/ (html/template files and the translation files in
// layouts/i18n/) and static/ (CSS, JS, icons), as shipped in this repository.
//
//go:embed layouts static
var Theme embed.FS
