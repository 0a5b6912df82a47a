package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

const (
	// reloadDebounce is how long the documents folder must be quiet before
	// a change is reloaded: copying a folder or saving from an editor makes
	// a burst of events, which should cost one rebuild.
	reloadDebounce = 500 * time.Millisecond
	// reloadMaxWait bounds how long changes that keep coming (a slow copy,
	// a log file written under the folder) can put a reload off.
	reloadMaxWait = 5 * time.Second
	// embedTimeout bounds one run of embedding an index's passages. Passages
	// left without a vector are embedded when a question next ranks them.
	embedTimeout = 5 * time.Minute
)

// reloadDelay is how long after now to reload for changes pending since
// first: the debounce, but never later than reloadMaxWait after first.
func reloadDelay(first, now time.Time) time.Duration {
	return max(0, min(reloadDebounce, first.Add(reloadMaxWait).Sub(now)))
}

// buildIndex builds the knowledge base: the embedded article plus the
// documents under docs ("" for none). Each document that cannot be used is
// passed to skipped and left out; an error means no index could be built
// (the folder is unreadable, or nothing indexable is left).
func buildIndex(docs string, syn *knowledge.Synonyms, skipped func(err error)) (*knowledge.Index, error) {
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
	ix, err := knowledge.NewIndex(all, knowledge.WithSynonyms(syn))
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	return ix, nil
}

// loadSynonyms reads the operator's synonyms file named by
// TALKSBOT_SYNONYMS; nil when none is set. A file that cannot be used is a
// configuration error.
func loadSynonyms(path string) (*knowledge.Synonyms, error) {
	if path == "" {
		return nil, nil
	}
	syn, err := knowledge.LoadSynonyms(path)
	if err != nil {
		return nil, &configError{err: fmt.Errorf("TALKSBOT_SYNONYMS: %w", err)}
	}
	return syn, nil
}

// reloader rebuilds the knowledge base on SIGHUP and when files under the
// documents folder change, and swaps it into the bot. A new index is built
// aside: a document that cannot be used is skipped with a warning (or, when
// an earlier version of it was good, that version keeps serving), and a build
// that fails leaves the current index serving.
//
// The watcher is set up by watch before the first build, so that no change
// made while serve starts goes unnoticed; run then handles its events.
type reloader struct {
	docs       string
	synonyms   string // TALKSBOT_SYNONYMS, read again on every reload; "" for none
	log        *slog.Logger
	hup        <-chan os.Signal // SIGHUP, registered by serve
	bot        *bot.Bot         // set once the bot exists
	embeddings *embeddings      // nil without embeddings
	done       func(error)      // called after each reload; nil for none
	// changed are told, without blocking, that a reload swapped a new
	// index in: adapters showing the knowledge base show it again.
	changed []func()

	w *fsnotify.Watcher // nil without a documents folder or when it cannot be watched

	mu   sync.Mutex                     // one build at a time; guards good, syn and cancelEmbed
	good map[string]*knowledge.Document // the last version of each file that parsed, as parsed
	syn  *knowledge.Synonyms            // the last synonyms file that parsed
	// warned remembers, per skipped file, the warning given and the file's
	// state then, so that a file is warned about once per change, not on
	// every reload.
	warned map[string]string
	ix     atomic.Pointer[knowledge.Index]

	cancelEmbed context.CancelFunc // stops the embedding run under way; nil for none
	embeds      sync.WaitGroup     // embedding runs under way
}

// current returns the index serving now.
func (r *reloader) current() *knowledge.Index { return r.ix.Load() }

// watch starts watching the documents folder. Without one, or when it
// cannot be watched, reloads come from SIGHUP alone.
func (r *reloader) watch() {
	if r.docs == "" {
		return
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		r.log.Warn("cannot watch the documents folder: reload with SIGHUP", "docs", r.docs, "err", err)
		return
	}
	if err := watchTree(w, r.docs); err != nil {
		r.log.Warn("cannot watch all of the documents folder: reload with SIGHUP", "docs", r.docs, "err", err)
	}
	// The folder's parent tells when the folder itself is created again.
	if err := w.Add(filepath.Dir(filepath.Clean(r.docs))); err != nil {
		r.log.Debug("cannot watch the documents folder's parent", "err", err)
	}
	r.w = w
}

// rearm watches the documents folder again after a reload: a folder that
// was removed and created again has lost its watches, and adding a watch
// that is there already changes nothing.
func (r *reloader) rearm() {
	if r.w == nil || r.docs == "" {
		return
	}
	if err := watchTree(r.w, r.docs); err != nil {
		r.log.Warn("cannot watch all of the documents folder: reload with SIGHUP", "docs", r.docs, "err", err)
	}
}

// close stops watching the documents folder.
func (r *reloader) close() {
	if r.w != nil {
		_ = r.w.Close()
	}
}

// build builds an index from the documents and makes it the current one
// (without giving it to the bot). Callers hold r.mu, or own r alone.
func (r *reloader) build() (*knowledge.Index, error) {
	syn, err := loadSynonyms(r.synonyms)
	switch {
	case err != nil && r.syn == nil:
		return nil, err
	case err != nil:
		// An edit in progress must not take the operator's words away.
		r.log.Warn("synonyms file skipped: its last good version keeps serving", "err", oneLine(err.Error()))
		syn = r.syn
	}
	all := []*knowledge.Document{knowledge.Default()}
	var good map[string]*knowledge.Document
	if r.docs != "" {
		extra, bad, err := knowledge.LoadDir(r.docs)
		if err != nil {
			return nil, fmt.Errorf("load documents: %w", err)
		}
		good = make(map[string]*knowledge.Document, len(extra)+len(bad))
		for _, d := range extra {
			good[d.Path] = d
		}
		warned := make(map[string]string, len(bad))
		for _, err := range bad {
			var de *knowledge.DocumentError
			if !errors.As(err, &de) {
				r.log.Warn("document skipped", "reason", oneLine(err.Error()))
				continue
			}
			old, kept := r.good[de.Path]
			if kept {
				// A file being rewritten, or a mistake in an edit,
				// must not take a document away from users.
				good[de.Path] = old
			}
			seen := fileState(de.Path) + "\x00" + de.Reason
			warned[de.Path] = seen
			if r.warned[de.Path] == seen {
				continue
			}
			if kept {
				r.log.Warn("document skipped: its last good version keeps serving", "path", de.Path, "reason", oneLine(de.Reason))
			} else {
				r.log.Warn("document skipped", "reason", oneLine(err.Error()))
			}
		}
		r.warned = warned
		// NewIndex renumbers documents whose IDs collide, in place: it gets
		// copies, so the versions kept stay as parsed and the index serving
		// now is never written to.
		for _, path := range slices.Sorted(maps.Keys(good)) {
			all = append(all, cloneDocument(good[path]))
		}
	}
	ix, err := knowledge.NewIndex(all, knowledge.WithSynonyms(syn))
	if err != nil {
		return nil, fmt.Errorf("build index: %w", err)
	}
	r.good, r.syn = good, syn
	r.ix.Store(ix)
	return ix, nil
}

// fileState describes a file as it stands (its size, time and mode, or its
// absence), so that a change to it can be told from another reload.
func fileState(path string) string {
	fi, err := os.Lstat(path)
	if err != nil {
		return "absent"
	}
	return fmt.Sprintf("%d %d %v", fi.Size(), fi.ModTime().UnixNano(), fi.Mode())
}

// cloneDocument copies d deep enough for knowledge.NewIndex to renumber the
// copy without touching d.
func cloneDocument(d *knowledge.Document) *knowledge.Document {
	c := *d
	c.Sections = slices.Clone(d.Sections)
	for i := range c.Sections {
		c.Sections[i].Passages = slices.Clone(c.Sections[i].Passages)
	}
	return &c
}

// reload rebuilds the index and swaps it into the bot; why says what set it
// off, for the log. With embeddings on, the new passages are embedded in
// the background afterwards: questions are answered from the new index at
// once, ranked by keywords until their vectors arrive.
func (r *reloader) reload(ctx context.Context, why string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	start := time.Now()
	ix, err := r.build()
	if err != nil {
		r.log.Error("reload failed: the current index keeps serving", "trigger", why, "err", err)
	} else {
		r.rearm()
		r.bot.SetIndex(ix)
		r.log.Info("index reloaded", "trigger", why, "documents", len(ix.Documents()),
			"passages", len(ix.Passages()), "themes", len(ix.Themes()), "took", time.Since(start).Round(time.Microsecond))
		r.embed(ctx, ix)
		for _, f := range r.changed {
			f()
		}
	}
	if r.done != nil {
		r.done(err)
	}
	return err
}

// embed embeds the passages of ix in the background, within embedTimeout,
// cancelling the run for an older index. Callers hold r.mu.
func (r *reloader) embed(ctx context.Context, ix *knowledge.Index) {
	if r.embeddings == nil {
		return
	}
	if r.cancelEmbed != nil {
		r.cancelEmbed()
	}
	ectx, cancel := context.WithTimeout(ctx, embedTimeout)
	r.cancelEmbed = cancel
	r.embeds.Go(func() {
		defer cancel()
		r.embeddings.index(ectx, ix)
	})
}

// run reloads on SIGHUP and on changes under the documents folder until ctx
// is done, and embeds the first index's passages when embeddings are on.
// Without a documents folder, or when the folder cannot be watched, SIGHUP
// still works.
func (r *reloader) run(ctx context.Context) error {
	defer r.embeds.Wait()
	r.mu.Lock()
	r.embed(ctx, r.current())
	r.mu.Unlock()

	var events <-chan fsnotify.Event
	var watchErrs <-chan error
	if r.w != nil {
		events, watchErrs = r.w.Events, r.w.Errors
	}
	debounce := time.NewTimer(time.Hour)
	debounce.Stop()
	defer debounce.Stop()
	var pendingSince time.Time // when the first change not reloaded yet came; zero for none
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-r.hup:
			r.log.Info("SIGHUP: reloading the knowledge base")
			_ = r.reload(ctx, "sighup")
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			if !r.inDocs(ev.Name) {
				continue // a sibling of the documents folder, seen through its parent
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					if err := watchTree(r.w, ev.Name); err != nil {
						r.log.Warn("cannot watch a new folder", "path", ev.Name, "err", err)
					}
				}
			}
			if (ev.Has(fsnotify.Chmod) && !ev.Has(fsnotify.Write)) || hidden(ev.Name) {
				continue // editors' swap files and metadata changes leave the documents as they were
			}
			r.log.Debug("documents changed", "path", ev.Name, "op", ev.Op.String())
			now := time.Now()
			if pendingSince.IsZero() {
				pendingSince = now
			}
			debounce.Reset(reloadDelay(pendingSince, now))
		case err, ok := <-watchErrs:
			if !ok {
				watchErrs = nil
				continue
			}
			r.log.Warn("watching the documents folder", "err", err)
		case <-debounce.C:
			pendingSince = time.Time{}
			_ = r.reload(ctx, "documents changed")
		}
	}
}

// inDocs reports whether path is the documents folder or under it.
func (r *reloader) inDocs(path string) bool {
	docs := filepath.Clean(r.docs)
	path = filepath.Clean(path)
	return path == docs || strings.HasPrefix(path, docs+string(filepath.Separator))
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
