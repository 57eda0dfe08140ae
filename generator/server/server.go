// Package server is the preview server of `ocop serve`: it builds the site
// into memory, serves it over HTTP on the loopback interface, watches the
// site's folders, rebuilds on every save and tells every open page to reload
// through Server-Sent Events. When a save breaks the site, the last good
// build stays served and every page shows an overlay listing the problems,
// until the next good save.
//
// A rebuild is cheap whatever the catalogue's size: files are parsed once
// and kept in a content.Cache, a save re-reads only the files it touched,
// and pages are rendered when the browser asks for them (site.Preview).
package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"log"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ocop-vn/ocop/generator/content"
	"github.com/ocop-vn/ocop/generator/diag"
	"github.com/ocop-vn/ocop/generator/site"
)

// Options configure a preview.
type Options struct {
	// Dir is the site folder.
	Dir string
	// Site holds the build options (theme, build date, base URL).
	Site site.Options
	// Log receives one line per rebuild; nil discards.
	Log io.Writer
	// Lang is the language problems are shown in ("vi", "en").
	Lang string
}

// snapshot is one build: the site and its problems. A failed build keeps
// the site of the last good one.
type snapshot struct {
	site     *site.Preview
	problems []diag.Problem
	failed   bool
	took     time.Duration
}

// Server serves the latest build of a site and pushes reload events.
type Server struct {
	opts Options
	log  *log.Logger

	current atomic.Pointer[snapshot]
	builds  sync.Mutex // one build at a time
	cache   *content.Cache

	mu      sync.Mutex
	clients map[chan string]bool
	// closing is closed at shutdown so event streams end and the HTTP
	// server can stop at once.
	closing   chan struct{}
	closeOnce sync.Once
}

// New returns a server for the site in opts.Dir; call Rebuild once before
// serving.
func New(opts Options) *Server {
	out := opts.Log
	if out == nil {
		out = io.Discard
	}
	s := &Server{opts: opts, log: log.New(out, "", 0), clients: map[chan string]bool{}, closing: make(chan struct{}), cache: content.NewCache()}
	s.current.Store(&snapshot{})
	return s
}

// Rebuild reloads the site after changes to the given site paths (slash
// separated, relative to the site folder; none for the first build). On
// success the new site replaces the old; on failure the old stays and the
// problems are shown over every page. Either way open pages reload.
func (s *Server) Rebuild(changed ...string) {
	s.builds.Lock()
	defer s.builds.Unlock()
	start := time.Now()
	s.cache.Invalidate(changed...)
	var preview *site.Preview
	l := &diag.List{}
	if fsys, err := site.SiteFS(s.opts.Dir); err != nil {
		l.Add(diag.Pos{File: s.opts.Dir}, "cannot open the site folder: %v", err)
	} else {
		preview, l = site.NewPreview(fsys, s.opts.Site, s.cache)
	}
	next := &snapshot{site: preview, problems: l.Problems(), took: time.Since(start)}
	if preview == nil {
		next.failed = true
		next.site = s.current.Load().site
		s.log.Printf("build failed in %s: %d problems", next.took.Round(time.Millisecond), l.Len())
		for _, p := range next.problems {
			s.log.Print("  ", p.In(s.opts.Lang))
		}
	} else {
		s.log.Printf("ready: %d pages in %s", preview.Pages(), next.took.Round(time.Millisecond))
	}
	s.current.Store(next)
	s.broadcast("reload")
}

// Problems returns the problems of the latest build.
func (s *Server) Problems() []diag.Problem { return s.current.Load().problems }

func (s *Server) broadcast(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		select {
		case c <- msg:
		default: // a slow client misses one reload, not the server
		}
	}
}

// reloadPath and eventsPath are the preview's own addresses; no site file
// can take them because site paths never start with "__".
const (
	eventsPath     = "/__ocop/events"
	scriptPath     = "/__ocop/reload.js"
	overlayCSSPath = "/__ocop/overlay.css"
)

const overlayCSS = `#ocop-problems{position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;z-index:2147483647;background:#fff4f4;color:#5c0000;border-bottom:4px solid #a4161a;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.5rem;box-shadow:0 4px 16px rgba(0,0,0,.3)}#ocop-problems p{font:bold 16px system-ui,sans-serif;margin:0 0 .5rem}#ocop-problems ol{margin:0;padding-left:1.5rem}`

const reloadScript = `(function(){var es=new EventSource("` + eventsPath + `");es.onmessage=function(e){if(e.data==="reload"){location.reload();}};})();`

// ServeHTTP serves the site, the reload script and the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case eventsPath:
		s.events(w, r)
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, reloadScript)
		return
	case overlayCSSPath:
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		io.WriteString(w, overlayCSS)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := filePath(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	snap := s.current.Load()
	if snap.site == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write(inject([]byte("<!doctype html><html lang=vi><title>ocop</title><body></body></html>"), snap, s.opts.Lang))
		return
	}
	data, found := snap.site.File(name)
	status := http.StatusOK
	if !found {
		if _, dir := snap.site.File(name + "/index.html"); dir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		data, _ = snap.site.File("404.html")
		status, name = http.StatusNotFound, "404.html"
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, snap, s.opts.Lang)
	}
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// filePath maps a URL path to a file of the build, refusing any path that
// would leave it.
func filePath(urlPath string) (string, bool) {
	if strings.Contains(urlPath, "\x00") {
		return "", false
	}
	for _, seg := range strings.Split(urlPath, "/") {
		if seg == ".." {
			return "", false
		}
	}
	p := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if p == "" || strings.HasSuffix(urlPath, "/") {
		if p != "" {
			p += "/"
		}
		p += "index.html"
	}
	return p, fs.ValidPath(p)
}

// inject adds the reload script, and the problem overlay after a failed
// build, to an HTML page.
func inject(page []byte, snap *snapshot, lang string) []byte {
	var add bytes.Buffer
	if snap.failed {
		// The page's Content-Security-Policy allows no inline style, so the
		// overlay's look comes from a stylesheet of the preview's own.
		add.WriteString(`<link rel="stylesheet" href="` + overlayCSSPath + `"><div id="ocop-problems" role="alert">`)
		fmt.Fprintf(&add, `<p>Bản xem trước chưa cập nhật: %d lỗi (the last good build is shown)</p><ol>`, countErrors(snap.problems))
		for _, p := range snap.problems {
			add.WriteString("<li>" + html.EscapeString(p.In(lang)) + "</li>")
		}
		add.WriteString("</ol></div>")
	}
	add.WriteString(`<script src="` + scriptPath + `"></script>`)
	if i := bytes.LastIndex(page, []byte("</body>")); i >= 0 {
		out := make([]byte, 0, len(page)+add.Len())
		out = append(out, page[:i]...)
		out = append(out, add.Bytes()...)
		return append(out, page[i:]...)
	}
	return append(append([]byte(nil), page...), add.Bytes()...)
}

func countErrors(ps []diag.Problem) int {
	n := 0
	for _, p := range ps {
		if !p.Warning {
			n++
		}
	}
	return n
}

// events streams Server-Sent Events: one "reload" per rebuild.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan string, 1)
	s.mu.Lock()
	s.clients[c] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	io.WriteString(w, ": connected\n\n")
	flusher.Flush()
	keepAlive := time.NewTicker(20 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		case msg := <-c:
			fmt.Fprintf(w, "data: %s\n\n", msg)
			flusher.Flush()
		case <-keepAlive.C:
			io.WriteString(w, ": ping\n\n")
			flusher.Flush()
		}
	}
}

// IsLoopback reports whether host (an IP or "localhost") is a loopback
// address, the only kind the preview binds to unless told otherwise.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Serve builds the site, serves it on addr and rebuilds on every change
// until ctx is done, then shuts down cleanly.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.Rebuild()
	w, err := newWatcher(s.opts.Dir, s.log)
	if err != nil {
		return err
	}
	defer w.Close()
	go w.run(ctx, func(changed []string) { s.Rebuild(changed...) })
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		s.closeOnce.Do(func() { close(s.closing) })
		err := srv.Shutdown(shutdown)
		if errors.Is(err, context.DeadlineExceeded) {
			return srv.Close()
		}
		return err
	case err := <-errc:
		return err
	}
}
