package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	tmp := t.TempDir()
	out := filepath.Join(tmp, "public")
	bad := filepath.Join(tmp, "bad")
	if err := os.MkdirAll(filepath.Join(bad, "products", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(bad, "site.yaml"), []byte("title: T\ntitel: U\n"), 0o644)
	os.WriteFile(filepath.Join(bad, "products", "x", "product.yaml"), []byte("name: X\nproducer: khong-co\n"), 0o644)

	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string // substring expected on stdout
		stderr     string // substring expected on stderr
		wantOutput bool
	}{
		{"help", []string{"help"}, 0, "Commands:", "", false},
		{"version", []string{"version"}, 0, "ocop ", "", false},
		{"unknown command", []string{"bild"}, 2, "", `unknown command "bild"`, false},
		{"bad --now", []string{"build", "-s", "../..", "--now", "30/11/2026"}, 2, "", "write the date as YYYY-MM-DD", false},
		{"check example", []string{"check", "-s", "../..", "--now", "2026-11-30", "--lang", "en"}, 0, "ok:", "", false},
		{"check example in Vietnamese", []string{"check", "-s", "../..", "--now", "2026-11-30"}, 0, "tốt: đã kiểm tra 8 sản phẩm", "", false},
		{"check bad site", []string{"check", "-s", bad, "--lang", "en"}, 1, "", "site.yaml:2:1: unknown key `titel` (did you mean `title`?)", false},
		{"check bad site in Vietnamese", []string{"check", "-s", bad}, 1, "", "site.yaml:2:1: khóa `titel` không hợp lệ (có phải ý bạn là `title`?)", false},
		{"check reports all", []string{"check", "-s", bad, "--lang", "en"}, 1, "", "products/x/product.yaml:2:11: unknown producer `khong-co`", false},
		{"build bad site", []string{"build", "-s", bad, "-o", out, "--lang", "en"}, 1, "", "build failed", false},
		{"build example", []string{"build", "-s", "../..", "-o", out, "--now", "2026-11-30", "--lang", "en"}, 0, "built ", "", true},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(tt.args, &stdout, &stderr)
		if code != tt.code {
			t.Errorf("%s: run(%q) = %d, want %d\nstderr: %s", tt.name, tt.args, code, tt.code, stderr.String())
		}
		if !strings.Contains(stdout.String(), tt.stdout) {
			t.Errorf("%s: stdout %q lacks %q", tt.name, stdout.String(), tt.stdout)
		}
		if !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("%s: stderr %q lacks %q", tt.name, stderr.String(), tt.stderr)
		}
		if _, err := os.Stat(filepath.Join(out, "index.html")); (err == nil) != tt.wantOutput {
			t.Errorf("%s: output exists = %v, want %v", tt.name, err == nil, tt.wantOutput)
		}
	}
}
