package server

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	ocop "github.com/ocop-vn/ocop"
	"github.com/ocop-vn/ocop/generator/internal/txtar"
	"github.com/ocop-vn/ocop/generator/site"
)

const fixture = `
-- site.yaml --
title: Xem trước
-- content/producers/p.yaml --
name: HTX P
-- products/che-a/product.yaml --
name: Chè A
producer: p
`

func writeSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse(fixture).Files {
		p := filepath.Join(dir, f.Name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(f.Data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func newServer(t *testing.T, dir string) *Server {
	return New(Options{Dir: dir, Site: site.Options{Theme: ocop.Theme, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}})
}

func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	req := httptest.NewRequest("GET", "http://preview"+path, nil)
	req.URL.Path = path // keep the raw path, "/../" included
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func TestServeAndOverlay(t *testing.T) {
	dir := writeSite(t)
	s := newServer(t, dir)
	s.Rebuild()
	code, body := get(t, s, "/san-pham/che-a/")
	if code != 200 || !strings.Contains(body, "Chè A") || !strings.Contains(body, scriptPath) {
		t.Fatalf("product page: %d, reload script present=%v", code, strings.Contains(body, scriptPath))
	}
	css := regexp.MustCompile(`href="\.\./\.\./(static/css/site\.[0-9a-f]+\.css)"`).FindStringSubmatch(body)
	if css == nil {
		t.Fatal("page does not link a fingerprinted stylesheet")
	}
	if code, _ := get(t, s, "/"+css[1]); code != 200 {
		t.Errorf("fingerprinted stylesheet %s: %d, want 200", css[1], code)
	}
	if code, _ := get(t, s, "/khong-co/"); code != 404 {
		t.Errorf("missing page: %d, want 404", code)
	}
	if code, _ := get(t, s, "/../site.yaml"); code != 400 {
		t.Errorf("path outside the output: %d, want 400", code)
	}

	// A broken file: the last good page stays, with the problem over it.
	os.WriteFile(filepath.Join(dir, "products/che-a/product.yaml"), []byte("name: Chè A\nproducer: p\nnmae: x\n"), 0o644)
	s.Rebuild("products/che-a/product.yaml")
	_, body = get(t, s, "/san-pham/che-a/")
	if !strings.Contains(body, `id="ocop-problems"`) || !strings.Contains(body, "products/che-a/product.yaml:3:1: unknown key `nmae` (did you mean `name`?)") {
		t.Errorf("overlay missing or wrong:\n%s", body)
	}
	if !strings.Contains(body, "Chè A") {
		t.Error("last good page not kept")
	}

	// The next good save removes the overlay.
	os.WriteFile(filepath.Join(dir, "products/che-a/product.yaml"), []byte("name: Chè A mới\nproducer: p\n"), 0o644)
	s.Rebuild("products/che-a/product.yaml")
	_, body = get(t, s, "/san-pham/che-a/")
	if strings.Contains(body, "ocop-problems") || !strings.Contains(body, "Chè A mới") {
		t.Error("good save did not clear the overlay or update the page")
	}
}

// TestWatchReload runs the real server: an edit, and a product folder made
// after start, each rebuild the site and send "reload" to open pages.
func TestWatchReload(t *testing.T) {
	dir := writeSite(t)
	s := newServer(t, dir)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	base := "http://" + ln.Addr().String()

	var resp *http.Response
	for i := 0; i < 50; i++ { // wait for the first build and the listener
		if resp, err = http.Get(base + eventsPath); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 10)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if line := sc.Text(); strings.HasPrefix(line, "data: ") {
				events <- strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	wait := func(what string) {
		t.Helper()
		select {
		case ev := <-events:
			if ev != "reload" {
				t.Fatalf("%s: event %q", what, ev)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: no reload event", what)
		}
	}

	os.WriteFile(filepath.Join(dir, "products/che-a/product.yaml"), []byte("name: Chè A sửa\nproducer: p\n"), 0o644)
	wait("edit")
	if _, body := get(t, s, "/san-pham/che-a/"); !strings.Contains(body, "Chè A sửa") {
		t.Error("edit not rebuilt")
	}

	newDir := filepath.Join(dir, "products", "thanh-hoa", "mat-ong-b")
	os.MkdirAll(newDir, 0o755)
	time.Sleep(150 * time.Millisecond) // let the watcher add the new folders
	os.WriteFile(filepath.Join(newDir, "product.yaml"), []byte("name: Mật ong B\nproducer: p\n"), 0o644)
	deadline := time.Now().Add(5 * time.Second)
	for {
		if code, _ := get(t, s, "/san-pham/mat-ong-b/"); code == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("product in a folder created after start was not picked up")
		}
		time.Sleep(50 * time.Millisecond)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("shutdown: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("server did not shut down")
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"product.yaml": false, "story.md": false, ".product.yaml.swp": true, "product.yaml~": true,
		"#story.md#": true, "4913": true, ".#story.md": true, "x.tmp": true,
	} {
		if got := ignored(name); got != want {
			t.Errorf("ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	for host, want := range map[string]bool{"127.0.0.1": true, "::1": true, "localhost": true, "0.0.0.0": false, "192.168.1.5": false} {
		if got := IsLoopback(host); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", host, got, want)
		}
	}
}

// TestRequestsDuringRebuilds serves pages from many goroutines while the
// site is rebuilt again and again (run with -race): every response is a
// whole page of one build or the other, never a half-written one.
func TestRequestsDuringRebuilds(t *testing.T) {
	dir := writeSite(t)
	s := newServer(t, dir)
	s.Rebuild()
	stop := make(chan struct{})
	errs := make(chan string, 100)
	for g := 0; g < 4; g++ {
		go func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				code, body := get(t, s, "/san-pham/che-a/")
				if code != 200 || !strings.Contains(body, "</html>") || !strings.Contains(body, "Chè A") {
					errs <- body
					return
				}
			}
		}()
	}
	for i := 0; i < 20; i++ {
		os.WriteFile(filepath.Join(dir, "products/che-a/product.yaml"), []byte("name: Chè A "+strings.Repeat("I", i%3+1)+"\nproducer: p\n"), 0o644)
		s.Rebuild("products/che-a/product.yaml")
	}
	close(stop)
	select {
	case body := <-errs:
		t.Fatalf("incomplete page served during a rebuild:\n%.300s", body)
	default:
	}
}
