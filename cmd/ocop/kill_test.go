package main

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary act as the ocop command, so the kill test
// can run real builds as subprocesses.
func TestMain(m *testing.M) {
	if os.Getenv("OCOP_TEST_RUN_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestKilledBuild kills `ocop build` at random moments and checks that the
// output folder is always a complete build — the previous one, or the new
// one if the kill came after the swap — and that what a killed build left
// behind does not stay or break the next build.
func TestKilledBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	// Make the build long enough to be killed in the middle: 100 copies
	// of the example products.
	tmp, _, out, build := killSite(t, 100)
	if b, err := build().CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	old := treeHash(t, out)
	start := time.Now()
	if b, err := build("--base-url", "/moi/").CombinedOutput(); err != nil {
		t.Fatalf("second build: %v\n%s", err, b)
	}
	took := time.Since(start)
	newer := treeHash(t, out)
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	if b, err := build().CombinedOutput(); err != nil {
		t.Fatal(err, string(b))
	}

	rng := rand.New(rand.NewSource(1))
	outcomes := map[string]int{}
	for i := 0; i < 6; i++ {
		cmd := build("--base-url", "/moi/")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int63n(int64(took))))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		switch h := treeHash(t, out); h {
		case old:
			outcomes["previous output intact"]++
		case newer:
			outcomes["new output complete"]++
			if b, err := build().CombinedOutput(); err != nil { // back to the old content
				t.Fatal(err, string(b))
			}
		default:
			t.Fatalf("run %d: the output folder is neither the previous nor the new build", i)
		}
	}
	t.Logf("6 kills in a build of %s: %v", took.Round(time.Millisecond), outcomes)
	// The next build cleans up what the killed ones left.
	if b, err := build().CombinedOutput(); err != nil {
		t.Fatal(err, string(b))
	}
	left, _ := filepath.Glob(filepath.Join(tmp, ".public.building-*"))
	if len(left) > 0 {
		t.Errorf("temporary folders left after a clean build: %v", left)
	}
}

// TestKilledUpdate kills incremental builds (an edit of one product,
// written in place) at random moments: whatever the moment, the next build
// must give exactly what a clean build of the same content gives.
func TestKilledUpdate(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	tmp, site, out, build := killSite(t, 40)
	if b, err := build().CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	product := filepath.Join(site, "products", "muoi-cham-tho-tan", "product.yaml")
	orig, err := os.ReadFile(product)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 5; i++ {
		edited := strings.Replace(string(orig), "name: Muối chấm Thọ Tân", fmt.Sprintf("name: Muối chấm Thọ Tân %d", i), 1)
		if err := os.WriteFile(product, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		cmd := build()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int63n(int64(1500 * time.Millisecond))))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		killedAfter := time.Since(start)
		if b, err := build().CombinedOutput(); err != nil {
			t.Fatalf("build after the kill: %v\n%s", err, b)
		}
		clean := filepath.Join(tmp, fmt.Sprintf("clean-%d", i))
		cmd = exec.Command(os.Args[0], "build", "-s", site, "-o", clean, "--now", "2026-11-30", "--clean")
		cmd.Env = append(os.Environ(), "OCOP_TEST_RUN_MAIN=1")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("clean build: %v\n%s", err, b)
		}
		if treeHash(t, out) != treeHash(t, clean) {
			t.Fatalf("run %d (killed after %s): the build after the kill differs from a clean build", i, killedAfter.Round(time.Millisecond))
		}
		os.RemoveAll(clean)
	}
}

// killSite copies the example site with copies extra copies of its
// products into a new folder, and returns the folder, the site, the output
// folder and a function making an `ocop build` of it (this test binary
// acting as the command, see TestMain) with extra flags.
func killSite(t *testing.T, copies int) (tmp, site, out string, build func(extra ...string) *exec.Cmd) {
	t.Helper()
	tmp = t.TempDir()
	site = filepath.Join(tmp, "site")
	copyTree(t, "../..", site, "site.yaml", "products", "content")
	entries, _ := os.ReadDir(filepath.Join(site, "products"))
	for i := 0; i < copies; i++ {
		for _, e := range entries {
			copyTree(t, filepath.Join(site, "products", e.Name()), filepath.Join(site, "products", "ban-sao", fmt.Sprintf("%s-%d", e.Name(), i)))
		}
	}
	out = filepath.Join(tmp, "public")
	build = func(extra ...string) *exec.Cmd {
		cmd := exec.Command(os.Args[0], append([]string{"build", "-s", site, "-o", out, "--now", "2026-11-30"}, extra...)...)
		cmd.Env = append(os.Environ(), "OCOP_TEST_RUN_MAIN=1")
		return cmd
	}
	return tmp, site, out, build
}

func treeHash(t *testing.T, dir string) string {
	t.Helper()
	var names []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", strings.TrimPrefix(n, dir), len(data))
		h.Write(data)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}
