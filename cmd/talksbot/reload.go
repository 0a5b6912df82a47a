package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

// reloadDebounce is how long the documents folder must be quiet before a
// change is reloaded: copying a folder or saving from an editor makes a
// burst of events, which should cost one rebuild.
const reloadDebounce = 500 * time.Millisecond

// buildIndex builds the knowledge base: the embedded article plus the
// documents under docs ("" for none). Each document that cannot be used is
// passed to skipped and left out; an error means no index could be built
// (the folder is unreadable, or nothing indexable is left).
func buildIndex(docs string, skipped func(err error)) (*knowledge.Index, error) {
	all := []*knowledge.Document{knowledge.Default()}
	if docs != "" {
		extra, bad, err := knowledge.LoadDir(docs)
		for _, s := range bad {
			skipped(s)
		}
		if err != nil {
			return nil, fmt.Errorf("load documents: %w", err)
		}
		all = append(all, extra...)
	}
	ix, err := knowledge.NewIndex(all)
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	return ix, nil
}

// reloader rebuilds the knowledge base on SIGHUP and when files under the
// documents folder change, and swaps it into the bot. A new index is built
// aside: a broken document is skipped with a warning, and a build that fails
// leaves the current index serving.
type reloader struct {
	docs   string
	log    *slog.Logger
	bot    *bot.Bot     // set once the bot exists
	ranker *embedRanker // nil without embeddings
	done   func(error)  // called after each reload; nil for none
	mu     sync.Mutex   // one build at a time
	ix     atomic.Pointer[knowledge.Index]
}

// current returns the index serving now.
func (r *reloader) current() *knowledge.Index { return r.ix.Load() }

// build builds an index from the documents and makes it the current one
// (without giving it to the bot).
func (r *reloader) build() (*knowledge.Index, error) {
	ix, err := buildIndex(r.docs, func(err error) {
		r.log.Warn("document skipped", "reason", oneLine(err.Error()))
	})
	if err != nil {
		return nil, err
	}
	r.ix.Store(ix)
	return ix, nil
}

// reload rebuilds the index and swaps it into the bot; why says what set it
// off, for the log.
func (r *reloader) reload(ctx context.Context, why string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	start := time.Now()
	ix, err := r.build()
	if err == nil && r.ranker != nil {
		r.ranker.index(ctx, ix)
	}
	if err != nil {
		r.log.Error("reload failed: the current index keeps serving", "trigger", why, "err", err)
	} else {
		r.bot.SetIndex(ix)
		r.log.Info("index reloaded", "trigger", why, "documents", len(ix.Documents()),
			"passages", len(ix.Passages()), "themes", len(ix.Themes()), "took", time.Since(start).Round(time.Microsecond))
	}
	if r.done != nil {
		r.done(err)
	}
	return err
}

// run reloads on SIGHUP and on changes under the documents folder until ctx
// is done. Without a documents folder, or when the folder cannot be
// watched, SIGHUP still works.
func (r *reloader) run(ctx context.Context) error {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	if r.ranker != nil {
		r.mu.Lock()
		r.ranker.index(ctx, r.current())
		r.mu.Unlock()
	}

	var events <-chan fsnotify.Event
	var watchErrs <-chan error
	var w *fsnotify.Watcher
	if r.docs != "" {
		var err error
		w, err = fsnotify.NewWatcher()
		if err != nil {
			r.log.Warn("cannot watch the documents folder: reload with SIGHUP", "docs", r.docs, "err", err)
		} else {
			defer w.Close()
			if err := watchTree(w, r.docs); err != nil {
				r.log.Warn("cannot watch all of the documents folder: reload with SIGHUP", "docs", r.docs, "err", err)
			}
			events, watchErrs = w.Events, w.Errors
		}
	}

	debounce := time.NewTimer(time.Hour)
	debounce.Stop()
	defer debounce.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-hup:
			r.log.Info("SIGHUP: reloading the knowledge base")
			_ = r.reload(ctx, "sighup")
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					if err := watchTree(w, ev.Name); err != nil {
						r.log.Warn("cannot watch a new folder", "path", ev.Name, "err", err)
					}
				}
			}
			if (ev.Has(fsnotify.Chmod) && !ev.Has(fsnotify.Write)) || hidden(ev.Name) {
				continue // editors' swap files and metadata changes leave the documents as they were
			}
			r.log.Debug("documents changed", "path", ev.Name, "op", ev.Op.String())
			debounce.Reset(reloadDebounce)
		case err, ok := <-watchErrs:
			if !ok {
				watchErrs = nil
				continue
			}
			r.log.Warn("watching the documents folder", "err", err)
		case <-debounce.C:
			_ = r.reload(ctx, "documents changed")
		}
	}
}

// watchTree watches dir and every folder below it that is not hidden, as
// knowledge.LoadDir reads them.
func watchTree(w *fsnotify.Watcher, dir string) error {
	var errs []error
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		if path != dir && hidden(path) {
			return filepath.SkipDir
		}
		if err := w.Add(path); err != nil {
			errs = append(errs, fmt.Errorf("watch %s: %w", path, err))
		}
		return nil
	})
	return errors.Join(append(errs, err)...)
}

// hidden reports names starting with a dot, which LoadDir ignores.
func hidden(path string) bool {
	return strings.HasPrefix(filepath.Base(path), ".")
}
