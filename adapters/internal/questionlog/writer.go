package questionlog

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// The defaults of Options.
const (
	// DefaultQueueSize bounds the entries waiting to be written.
	DefaultQueueSize = 4096
	// DefaultMaxBatch bounds the entries written in one batch.
	DefaultMaxBatch = 256
	// DefaultFlushDelay is how long the writer waits for more entries after
	// the first one of a batch, so that a moderate stream of questions
	// shares commits (fsyncs, round trips).
	DefaultFlushDelay = 5 * time.Millisecond
	// DefaultBatchTimeout bounds one batch's write, lock waits and
	// connecting included, and one prune.
	DefaultBatchTimeout = 30 * time.Second
	// DefaultPruneEvery is how many writes pass between two prunes.
	DefaultPruneEvery = 1024
)

// dropWarnEvery spaces out the warnings about a full queue.
const dropWarnEvery = 10 * time.Second

// WriteFunc writes a batch of entries, in the order logged, whole or not at
// all: on error none of them is stored. It is called from the writer's
// goroutine only, one batch at a time, never with an empty batch; the
// writer reuses entries once it returns.
type WriteFunc func(ctx context.Context, entries []bot.LogEntry) error

// Options configure a Writer. Zero values take the defaults.
type Options struct {
	// Logger receives the writer's warnings and errors: a full queue, a
	// failed write, a failed prune. nil discards.
	Logger *slog.Logger
	// QueueSize bounds the entries waiting to be written (DefaultQueueSize);
	// past it, entries are dropped.
	QueueSize int
	// MaxBatch bounds the entries of one write (DefaultMaxBatch).
	MaxBatch int
	// FlushDelay is how long the writer gathers entries after the first
	// one of a batch (DefaultFlushDelay).
	FlushDelay time.Duration
	// BatchTimeout bounds one write and one prune (DefaultBatchTimeout).
	BatchTimeout time.Duration
	// Prune, when set, is the store's upkeep: the writer's goroutine runs
	// it once a batch is written, every PruneEvery writes. A failure is
	// logged; a later round retries.
	Prune func(ctx context.Context) error
	// PruneEvery is how many writes pass between two prunes
	// (DefaultPruneEvery).
	PruneEvery uint64
	// Now is the clock for an entry logged without a time and for spacing
	// out warnings; nil is time.Now.
	Now func() time.Time
}

// Writer is a question log's queue and the goroutine that writes it. It is
// safe for concurrent use. Start it with Start, stop it with Close.
type Writer struct {
	write        WriteFunc
	log          *slog.Logger
	now          func() time.Time
	maxBatch     int
	flushDelay   time.Duration
	batchTimeout time.Duration
	prune        func(ctx context.Context) error
	pruneEvery   uint64

	mu      sync.RWMutex // held to send on queue; Close takes it to close queue
	closed  bool
	closing atomic.Bool // set before closed, read by the writer goroutine
	queue   chan item
	done    chan struct{}

	dropped  atomic.Uint64
	writes   atomic.Uint64         // logged entries written and writes reported, for pruning
	lastWarn atomic.Int64          // unix nanoseconds of the last "queue full" warning
	failure  atomic.Pointer[error] // the last write's failure; nil after a success
}

// item is one element of the queue.
type item struct {
	entry bot.LogEntry
	// flushed, when non-nil, marks a Flush: it receives the outcome once
	// every entry queued before it is written.
	flushed chan error
	// prune asks the writer to prune once the batch is written.
	prune bool
}

// Start starts a writer that writes batches with write, and its goroutine;
// Close stops it.
func Start(write WriteFunc, opts Options) *Writer {
	w := &Writer{
		write:        write,
		log:          opts.Logger,
		now:          opts.Now,
		maxBatch:     orDefault(opts.MaxBatch, DefaultMaxBatch),
		flushDelay:   orDefault(opts.FlushDelay, DefaultFlushDelay),
		batchTimeout: orDefault(opts.BatchTimeout, DefaultBatchTimeout),
		prune:        opts.Prune,
		pruneEvery:   orDefault(opts.PruneEvery, DefaultPruneEvery),
		queue:        make(chan item, orDefault(opts.QueueSize, DefaultQueueSize)),
		done:         make(chan struct{}),
	}
	if w.log == nil {
		w.log = slog.New(slog.DiscardHandler)
	}
	if w.now == nil {
		w.now = time.Now
	}
	go w.run()
	return w
}

func orDefault[T int | uint64 | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// Log queues one entry and returns without waiting for the database: the
// entry is written in a batch, FlushDelay later at most when the database
// keeps up. An entry without a time is stamped now, the time asked rather
// than the time written. When the queue is full the entry is dropped,
// counted (Dropped) and a warning logged, at most one every ten seconds;
// the caller is never held up. It fails only when ctx is done or the
// writer is closed.
func (w *Writer) Log(ctx context.Context, e bot.LogEntry) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("log question of reply %s: %w", e.ReplyID, err)
	}
	if e.At.IsZero() {
		e.At = w.now()
	}
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.closed {
		return fmt.Errorf("log question of reply %s: state database is closed", e.ReplyID)
	}
	select {
	case w.queue <- item{entry: e}:
		return nil
	default:
	}
	n := w.dropped.Add(1)
	now := w.now().UnixNano()
	if last := w.lastWarn.Load(); now-last >= int64(dropWarnEvery) && w.lastWarn.CompareAndSwap(last, now) {
		w.log.Warn("question log queue full: dropping entries", "dropped_total", n)
	}
	return nil
}

// Flush waits until every entry logged before it is written. It returns an
// error when the last write before it failed (those entries are lost and
// counted in Dropped). After Close it returns nil at once: Close wrote
// everything it could.
func (w *Writer) Flush(ctx context.Context) error {
	done := make(chan error, 1)
	w.mu.RLock()
	if w.closed {
		w.mu.RUnlock()
		return nil
	}
	select {
	case w.queue <- item{flushed: done}:
		w.mu.RUnlock()
	case <-ctx.Done():
		w.mu.RUnlock()
		return fmt.Errorf("flush question log: %w", ctx.Err())
	}
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("flush question log: %w", err)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("flush question log: %w", ctx.Err())
	}
}

// Dropped returns how many entries were lost since Start: dropped because
// the queue was full, or in a batch whose write failed.
func (w *Writer) Dropped() uint64 { return w.dropped.Load() }

// Wrote counts one write the store made outside the log (a claim, a turn,
// a share, a take) and, when that makes PruneEvery since the last prune,
// asks the writer to prune after its current batch. The request is skipped
// when the queue is full or closed: the next one will do.
func (w *Writer) Wrote() {
	if !w.counted(1) {
		return
	}
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.closed {
		return
	}
	select {
	case w.queue <- item{prune: true}:
	default:
	}
}

// counted notes n writes and reports whether the count passed a multiple
// of pruneEvery: time to prune, so that a long-running process does not
// grow its tables without bound.
func (w *Writer) counted(n uint64) bool {
	if w.prune == nil {
		return false
	}
	after := w.writes.Add(n)
	return (after-n)/w.pruneEvery != after/w.pruneEvery
}

// Recheck is for a readiness probe. When the last write succeeded (or none
// was made) it returns nil. After a failure it calls probe with that
// failure; probe makes a small write of its own and returns nil when the
// database took it, and then the failure is forgotten, unless a newer one
// came meanwhile. Recheck returns probe's error.
func (w *Writer) Recheck(probe func(failure error) error) error {
	p := w.failure.Load()
	if p == nil {
		return nil
	}
	if err := probe(*p); err != nil {
		return err
	}
	w.failure.CompareAndSwap(p, nil)
	return nil
}

// Close refuses further entries and waits until the queued ones are
// written. When a write fails while closing, the rest is dropped and
// counted rather than each batch waiting out its timeout. Calling it
// again waits for the first call.
func (w *Writer) Close() {
	w.closing.Store(true)
	w.mu.Lock()
	if !w.closed {
		w.closed = true
		close(w.queue)
	}
	w.mu.Unlock()
	<-w.done
}

// round is what the writer gathered for one write, and what it carries
// from one write to the next.
type round struct {
	batch   []bot.LogEntry
	waiters []chan error
	prune   bool
	giveUp  bool  // a write failed while closing: drop the rest
	lastErr error // the last batch's outcome, for a Flush with nothing to write
}

func (r *round) take(it item) {
	switch {
	case it.flushed != nil:
		r.waiters = append(r.waiters, it.flushed)
	case it.prune:
		r.prune = true
	default:
		r.batch = append(r.batch, it.entry)
	}
}

// run is the writer goroutine. It takes the first waiting item, gathers
// more, writes the batch, and starts over until the queue is closed and
// empty.
func (w *Writer) run() {
	defer close(w.done)
	r := round{batch: make([]bot.LogEntry, 0, w.maxBatch)}
	timer := time.NewTimer(w.flushDelay)
	timer.Stop()
	for {
		it, open := <-w.queue
		if !open {
			return
		}
		r.take(it)
		open = w.gather(&r, timer)
		w.finish(&r)
		if !open {
			return
		}
	}
}

// gather adds to r what arrives within the flush delay, until the batch is
// full or a Flush asks. It reports whether the queue is still open.
func (w *Writer) gather(r *round, timer *time.Timer) (open bool) {
	timer.Reset(w.flushDelay)
	defer timer.Stop()
	for len(r.batch) < w.maxBatch && len(r.waiters) == 0 {
		select {
		case it, ok := <-w.queue:
			if !ok {
				return false
			}
			r.take(it)
		case <-timer.C:
			return true
		}
	}
	return true
}

// finish writes r's batch, prunes when it is time, answers the Flushes
// waiting and empties r for the next round.
func (w *Writer) finish(r *round) {
	if len(r.batch) > 0 { // else only a Flush or a prune request
		switch {
		case r.giveUp:
			w.dropped.Add(uint64(len(r.batch)))
			r.lastErr = errors.New("question log not written: the database failed while closing")
		default:
			r.lastErr = w.writeBatch(r.batch)
			// While closing, a failing database would hold Close up for a
			// timeout per batch: the rest is dropped instead.
			r.giveUp = r.lastErr != nil && w.closing.Load()
			if r.lastErr == nil && w.counted(uint64(len(r.batch))) {
				r.prune = true
			}
		}
	}
	if r.prune && r.lastErr == nil {
		r.prune = false
		w.runPrune()
	}
	r.batch = r.batch[:0]
	for _, c := range r.waiters {
		c <- r.lastErr
	}
	r.waiters = r.waiters[:0]
}

// writeBatch writes entries. On failure the entries are lost: they are
// counted as dropped, the error is logged, and Recheck reports it until a
// write succeeds again.
func (w *Writer) writeBatch(entries []bot.LogEntry) error {
	ctx, cancel := context.WithTimeout(context.Background(), w.batchTimeout)
	defer cancel()
	if err := w.write(ctx, entries); err != nil {
		w.dropped.Add(uint64(len(entries)))
		w.failure.Store(&err)
		w.log.Error("question log write failed", "entries", len(entries), "err", err)
		return err
	}
	w.failure.Store(nil)
	return nil
}

// runPrune runs the Prune hook, logging a failure: the next round retries.
func (w *Writer) runPrune() {
	ctx, cancel := context.WithTimeout(context.Background(), w.batchTimeout)
	defer cancel()
	if err := w.prune(ctx); err != nil {
		w.log.Warn("prune state database", "err", err)
	}
}
