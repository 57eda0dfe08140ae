package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestScoreGolden runs `ocop score` on fixture sheets (one clean round, one
// with a stop rule, an unknown criterion and a star that the sheets do not
// support) and compares the output with testdata/*.golden.
func TestScoreGolden(t *testing.T) {
	site := filepath.Join("testdata", "scoresite")
	files := []string{
		filepath.Join(site, "products/che-a/scores/2024-01-10-tinh.yaml"),
		filepath.Join(site, "products/che-a/scores/2024-06-01-tinh.yaml"),
	}
	tests := []struct {
		golden string
		args   []string
		code   int
	}{
		{"score.golden", append([]string{"score", "-s", site}, files...), 1},
		{"score-json.golden", append([]string{"score", "-s", site, "--json"}, files...), 1},
		{"score-blank.golden", []string{"score", "-s", site, "--form", "thu-nghiem/che"}, 0},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		code := run(tt.args, &out, &out)
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d", tt.golden, code, tt.code)
		}
		path := filepath.Join("testdata", tt.golden)
		if *update {
			if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update)", err)
		}
		if !bytes.Equal(out.Bytes(), want) {
			t.Errorf("%s differs:\n%s", tt.golden, out.String())
		}
	}
}

// TestBlankSheetLoads checks that a blank sheet, once dated, is a valid
// score file.
func TestBlankSheetLoads(t *testing.T) {
	var out bytes.Buffer
	if code := run([]string{"score", "-s", "testdata/scoresite", "--form", "thu-nghiem/che"}, &out, &out); code != 0 {
		t.Fatalf("blank sheet: exit %d: %s", code, out.String())
	}
	dir := t.TempDir()
	copyTree(t, "testdata/scoresite", dir)
	sheet := bytes.Replace(out.Bytes(), []byte("YYYY-MM-DD"), []byte("2024-03-01"), 1)
	os.WriteFile(filepath.Join(dir, "products/che-a/scores/2024-03-01-tinh.yaml"), sheet, 0o644)
	var got bytes.Buffer
	run([]string{"score", "-s", dir, filepath.Join(dir, "products/che-a/scores/2024-03-01-tinh.yaml")}, &got, &got)
	if !bytes.Contains(got.Bytes(), []byte("Điểm trung bình: 0 → 1 sao")) {
		t.Errorf("blank sheet did not score as zero:\n%s", got.String())
	}
}

// copyTree copies from into to; with names, only those entries of from.
func copyTree(t *testing.T, from, to string, names ...string) {
	t.Helper()
	if len(names) > 0 {
		for _, n := range names {
			copyTree(t, filepath.Join(from, n), filepath.Join(to, n))
		}
		return
	}
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		os.MkdirAll(filepath.Dir(filepath.Join(to, rel)), 0o755)
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
