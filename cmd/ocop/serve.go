package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	ocop "github.com/ocop-vn/ocop"
	"github.com/ocop-vn/ocop/generator/server"
	"github.com/ocop-vn/ocop/generator/site"
)

const serveUsage = "ocop serve [-s DIR] [--bind 127.0.0.1] [--port 1313] [--now YYYY-MM-DD] [--base-url URL]"

// runServe builds the site into memory, serves it for preview and rebuilds
// on every save, until Ctrl-C.
func runServe(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	var bind string
	var port int
	flags := newFlagSet("serve", serveUsage, stderr)
	sf.register(flags)
	flags.StringVar(&bind, "bind", "127.0.0.1", "address to listen on; anything but loopback exposes the preview to the network")
	flags.IntVar(&port, "port", 1313, "port to listen on")
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	now, err := sf.date()
	if err != nil {
		fmt.Fprintln(stderr, "ocop serve:", err)
		return 2
	}
	if _, err := os.Stat(sf.dir + "/site.yaml"); err != nil {
		fmt.Fprintf(stderr, "ocop serve: no site.yaml in %s: run ocop in the site folder or pass -s\n", sf.dir)
		return 2
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(port)))
	if err != nil {
		fmt.Fprintln(stderr, "ocop serve:", err)
		return 2
	}
	if !server.IsLoopback(bind) {
		fmt.Fprintf(stderr, "warning: the preview is reachable from the network on %s\n", bind)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := server.New(server.Options{Dir: sf.dir, Log: stdout, Lang: sf.language(),
		Site: site.Options{Now: now, BaseURL: sf.baseURL, Theme: ocop.Theme}})
	fmt.Fprintf(stdout, "Xem trước tại http://%s/ — Ctrl-C để dừng (preview; press Ctrl-C to stop)\n", ln.Addr())
	if err := srv.Serve(ctx, ln); err != nil {
		fmt.Fprintln(stderr, "ocop serve:", err)
		return 2
	}
	fmt.Fprintln(stdout, "stopped")
	return 0
}
