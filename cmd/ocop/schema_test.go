package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ocop-vn/ocop/generator/schema"
)

// TestSchemaShipped checks that the schemas shipped in schemas/ are the
// ones the structs and criteria sets give today: a key added to a content
// struct, or a group added to a set, fails here until
// `go run ./cmd/ocop schema` is run and its output committed.
func TestSchemaShipped(t *testing.T) {
	code, out, errOut := runOcop(t, "schema", "-s", "../..", "--check")
	if code != 0 {
		t.Fatalf("schemas/ is out of date; run `go run ./cmd/ocop schema` and commit it\n%s%s", out, errOut)
	}
	for _, k := range schema.Kinds {
		if _, err := os.Stat(filepath.Join("../../schemas", k.Name+".json")); err != nil {
			t.Errorf("schemas/%s.json is not shipped", k.Name)
		}
	}
}

func TestSchemaWriteAndCheck(t *testing.T) {
	out := filepath.Join(t.TempDir(), "s")
	code, stdout, errOut := runOcop(t, "schema", "-s", "../..", "-o", out, "--lang", "en")
	if code != 0 {
		t.Fatalf("ocop schema: exit %d\n%s", code, errOut)
	}
	if !strings.Contains(stdout, "11 schemas written") {
		t.Errorf("stdout: %q", stdout)
	}
	for _, name := range []string{"site", "product", "score", "producer", "sales-point", "news", "news-en", "page", "page-en", "areas", "rubric"} {
		b, err := os.ReadFile(filepath.Join(out, name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `"$schema": "http://json-schema.org/draft-07/schema#"`) {
			t.Errorf("%s.json is not draft-07", name)
		}
	}
	if code, _, errOut := runOcop(t, "schema", "-s", "../..", "-o", out, "--check"); code != 0 {
		t.Errorf("--check right after writing: exit %d\n%s", code, errOut)
	}
	os.WriteFile(filepath.Join(out, "product.json"), []byte("{}\n"), 0o644)
	os.Remove(filepath.Join(out, "areas.json"))
	code, _, errOut = runOcop(t, "schema", "-s", "../..", "-o", out, "--check", "--lang", "en")
	if code != 1 || !strings.Contains(errOut, "product.json: missing or out of date") || !strings.Contains(errOut, "areas.json: missing or out of date") {
		t.Errorf("--check of stale schemas: exit %d\n%s", code, errOut)
	}
	if code, _, _ := runOcop(t, "schema", "-s", "../..", "extra"); code != 2 {
		t.Errorf("unexpected argument: exit %d, want 2", code)
	}
}

// TestSchemaSiteRubric checks that a site's own criteria set adds its
// groups to the product schema.
func TestSchemaSiteRubric(t *testing.T) {
	out := t.TempDir()
	if code, _, errOut := runOcop(t, "schema", "-s", "testdata/scoresite", "-o", out); code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	b, err := os.ReadFile(filepath.Join(out, "site.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"thu-nghiem"`) {
		t.Error("site.json does not offer the site's criteria set thu-nghiem")
	}
}
