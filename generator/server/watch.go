package server

import (
	"context"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchedDirs are the folders of a site whose changes matter; site.yaml is
// watched through the site folder itself (not recursively).
var watchedDirs = []string{"products", "content", "layouts", "static"}

// batchDelay is how long the watcher waits after the last event of a burst
// (an editor's save is often several writes and a rename) before rebuilding.
const batchDelay = 30 * time.Millisecond

type watcher struct {
	root string
	fs   *fsnotify.Watcher
	log  *log.Logger
}

func newWatcher(root string, logger *log.Logger) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, fs: fw, log: logger}
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, d := range watchedDirs {
		w.addTree(filepath.Join(root, d))
	}
	return w, nil
}

// addTree watches dir and every folder below it; fsnotify does not recurse.
func (w *watcher) addTree(dir string) {
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a folder that does not exist (yet) is fine
		}
		if d.IsDir() {
			if ignored(d.Name()) && p != dir {
				return filepath.SkipDir
			}
			if err := w.fs.Add(p); err != nil {
				w.log.Printf("cannot watch %s: %v", p, err)
			}
		}
		return nil
	})
}

func (w *watcher) Close() error { return w.fs.Close() }

// ignored reports editor temporary and hidden files: vim's .swp and 4913,
// emacs's #file# and .#file, backups ending in ~, and dot files.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp") ||
		name == "4913"
}

// relevant reports whether an event path concerns the site: site.yaml at
// the root, or anything under the watched folders.
func (w *watcher) relevant(p string) bool {
	rel, err := filepath.Rel(w.root, p)
	if err != nil || ignored(filepath.Base(p)) {
		return false
	}
	rel = filepath.ToSlash(rel)
	if rel == "site.yaml" {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	for _, d := range watchedDirs {
		if top == d {
			return true
		}
	}
	return false
}

// run batches events and calls rebuild with the changed site paths after
// each burst, until ctx is done.
func (w *watcher) run(ctx context.Context, rebuild func(changed []string)) {
	var timer *time.Timer
	fire := make(chan struct{}, 1)
	changed := map[string]bool{}
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if !w.relevant(ev.Name) {
				continue
			}
			if rel, err := filepath.Rel(w.root, ev.Name); err == nil {
				changed[filepath.ToSlash(rel)] = true
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					w.addTree(ev.Name) // a new product folder, say
				}
			}
			if timer == nil {
				timer = time.AfterFunc(batchDelay, func() {
					select {
					case fire <- struct{}{}:
					default:
					}
				})
			} else {
				timer.Reset(batchDelay)
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			w.log.Printf("watch: %v", err)
		case <-fire:
			paths := make([]string, 0, len(changed))
			for p := range changed {
				paths = append(paths, p)
			}
			changed = map[string]bool{}
			rebuild(paths)
		}
	}
}
