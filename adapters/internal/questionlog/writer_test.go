package questionlog_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/internal/questionlog"
	"github.com/talksbot/talksbot/bot"
)

// T0 is the fake clock's start.
var T0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// never is a flush delay no test waits out: batches end when full, at a
// Flush or at Close, so that their sizes do not depend on speed.
const never = time.Hour

// sink is an in-memory question log: its write records each batch.
type sink struct {
	// started, when non-nil, receives each batch's size as its write
	// starts; release, when non-nil, holds each write until it is closed.
	started chan int
	release chan struct{}

	mu      sync.Mutex
	fail    error // returned by every write while set
	calls   int
	batches [][]bot.LogEntry
}

func (s *sink) write(ctx context.Context, entries []bot.LogEntry) error {
	if len(entries) == 0 {
		return errors.New("write of an empty batch")
	}
	if s.started != nil {
		s.started <- len(entries)
	}
	if s.release != nil {
		select {
		case <-s.release:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	if s.fail != nil {
		return s.fail
	}
	s.batches = append(s.batches, slices.Clone(entries))
	return nil
}

func (s *sink) setFail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail = err
}

// sizes returns the sizes of the batches written.
func (s *sink) sizes() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]int, len(s.batches))
	for i, b := range s.batches {
		out[i] = len(b)
	}
	return out
}

// entries returns the entries written, in the order written.
func (s *sink) entries() []bot.LogEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Concat(s.batches...)
}

// ids returns the reply ids written, in the order written.
func (s *sink) ids() []string {
	var out []string
	for _, e := range s.entries() {
		out = append(out, e.ReplyID)
	}
	return out
}

func (s *sink) writeCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

// clock is a fake clock that moves only when told.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// logBuffer collects a logger's text output; safe for concurrent writes.
type logBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *logBuffer) logger() *slog.Logger { return slog.New(slog.NewTextHandler(b, nil)) }

// start starts a writer on s, closed when the test ends.
func start(t *testing.T, s *sink, opts questionlog.Options) *questionlog.Writer {
	t.Helper()
	w := questionlog.Start(s.write, opts)
	t.Cleanup(w.Close)
	return w
}

// logIDs logs one entry per id and fails the test on an error.
func logIDs(t *testing.T, w *questionlog.Writer, ids ...string) {
	t.Helper()
	for _, id := range ids {
		if err := w.Log(t.Context(), bot.LogEntry{ReplyID: id, Question: "q " + id, At: T0}); err != nil {
			t.Fatalf("Log(%s): %v", id, err)
		}
	}
}

// seq returns the ids prefix0 … prefix(n-1).
func seq(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprint(prefix, i)
	}
	return out
}

func TestBatchesAreBoundedAndInOrder(t *testing.T) {
	tests := []struct {
		name      string
		maxBatch  int
		logged    int
		wantSizes []int
	}{
		{"one batch", 0, 5, []int{5}},
		{"split at the bound", 3, 7, []int{3, 3, 1}},
		{"exact multiple", 4, 8, []int{4, 4}},
		{"one by one", 1, 3, []int{1, 1, 1}},
		{"default bound", 0, questionlog.DefaultMaxBatch + 1, []int{questionlog.DefaultMaxBatch, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &sink{}
			w := start(t, s, questionlog.Options{MaxBatch: tt.maxBatch, FlushDelay: never})
			ids := seq("r", tt.logged)
			logIDs(t, w, ids...)
			if err := w.Flush(t.Context()); err != nil {
				t.Fatalf("Flush: %v", err)
			}
			if got := s.sizes(); !slices.Equal(got, tt.wantSizes) {
				t.Errorf("batch sizes = %v, want %v", got, tt.wantSizes)
			}
			if got := s.ids(); !slices.Equal(got, ids) {
				t.Errorf("written %v, want %v in the order logged", got, ids)
			}
		})
	}
}

func TestLoneEntryIsWrittenWithoutFlush(t *testing.T) {
	s := &sink{started: make(chan int, 1)}
	w := start(t, s, questionlog.Options{FlushDelay: time.Millisecond})
	logIDs(t, w, "r1")
	// The flush delay runs out with nobody asking: the entry is written.
	if n := <-s.started; n != 1 {
		t.Errorf("batch of %d entries, want 1", n)
	}
}

func TestFullQueueDropsCountsAndWarns(t *testing.T) {
	const queue = 2
	s := &sink{started: make(chan int, 16), release: make(chan struct{})}
	var logs logBuffer
	clk := &clock{t: T0}
	w := start(t, s, questionlog.Options{Logger: logs.logger(), Now: clk.Now, QueueSize: queue, MaxBatch: 1, FlushDelay: never})

	logIDs(t, w, "r0")
	<-s.started // r0 is being written, and its write is held
	logIDs(t, w, seq("q", queue)...)
	if w.Dropped() != 0 {
		t.Fatalf("Dropped = %d before the queue was full, want 0", w.Dropped())
	}
	warnings := func() int { return strings.Count(logs.String(), "question log queue full") }

	steps := []struct {
		name         string
		advance      time.Duration
		drops        int
		wantWarnings int
	}{
		{"first drops warn once", 0, 5, 1},
		{"more drops within ten seconds stay quiet", 10*time.Second - time.Nanosecond, 3, 1},
		{"ten seconds after the warning, another", time.Nanosecond, 2, 2},
	}
	dropped := 0
	for _, st := range steps {
		clk.Add(st.advance)
		logIDs(t, w, seq(fmt.Sprint("d", dropped, "-"), st.drops)...)
		dropped += st.drops
		if got := w.Dropped(); got != uint64(dropped) {
			t.Errorf("%s: Dropped = %d, want %d", st.name, got, dropped)
		}
		if got := warnings(); got != st.wantWarnings {
			t.Errorf("%s: %d warnings, want %d; log:\n%s", st.name, got, st.wantWarnings, logs.String())
		}
	}
	// Each warning counts the drops so far: the first drop, then the
	// first drop of the last step.
	for _, want := range []string{"dropped_total=1\n", fmt.Sprint("dropped_total=", dropped-steps[len(steps)-1].drops+1, "\n")} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the warnings lack %s; log:\n%s", want, logs.String())
		}
	}

	close(s.release)
	if err := w.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got, want := s.ids(), []string{"r0", "q0", "q1"}; !slices.Equal(got, want) {
		t.Errorf("written %v, want %v (the entries queued before it filled)", got, want)
	}
}

func TestFlushReportsTheLastWrite(t *testing.T) {
	s := &sink{}
	var logs logBuffer
	w := start(t, s, questionlog.Options{Logger: logs.logger(), FlushDelay: never})
	flush := func() error { return w.Flush(t.Context()) }
	diskSaysNo := errors.New("disk says no")

	if err := flush(); err != nil {
		t.Errorf("Flush with nothing logged: %v", err)
	}
	s.setFail(diskSaysNo)
	logIDs(t, w, "a", "b", "c")
	if err := flush(); !errors.Is(err, diskSaysNo) {
		t.Errorf("Flush after a failed write = %v, want the write's failure", err)
	}
	if err := flush(); !errors.Is(err, diskSaysNo) {
		t.Errorf("second Flush, nothing written since = %v, want the failure still", err)
	}
	if w.Dropped() != 3 {
		t.Errorf("Dropped = %d, want 3 (the failed batch)", w.Dropped())
	}
	if !strings.Contains(logs.String(), "question log write failed") || !strings.Contains(logs.String(), "entries=3") {
		t.Errorf("log lacks the failure and its size; log:\n%s", logs.String())
	}
	s.setFail(nil)
	logIDs(t, w, "d")
	if err := flush(); err != nil {
		t.Errorf("Flush after a write succeeded again: %v", err)
	}
	if got := s.ids(); !slices.Equal(got, []string{"d"}) || w.Dropped() != 3 {
		t.Errorf("written %v, dropped %d; want [d], 3", got, w.Dropped())
	}
}

func TestRecheck(t *testing.T) {
	s := &sink{}
	w := start(t, s, questionlog.Options{FlushDelay: never})
	diskSaysNo := errors.New("disk says no")
	var probed []error
	probe := func(result error) func(error) error {
		return func(failure error) error {
			probed = append(probed, failure)
			return result
		}
	}

	if err := w.Recheck(probe(errors.New("unexpected probe"))); err != nil || len(probed) != 0 {
		t.Fatalf("Recheck before any failure = %v after %d probes, want nil and none", err, len(probed))
	}
	s.setFail(diskSaysNo)
	logIDs(t, w, "a")
	_ = w.Flush(t.Context())

	stillDown := errors.New("test write failed too")
	if err := w.Recheck(probe(stillDown)); !errors.Is(err, stillDown) {
		t.Errorf("Recheck with a failing probe = %v, want the probe's error", err)
	}
	if len(probed) != 1 || !errors.Is(probed[0], diskSaysNo) {
		t.Errorf("probe given %v, want the write's failure", probed)
	}
	// The probe succeeds, but a newer write fails meanwhile: that failure
	// is not forgotten.
	err := w.Recheck(func(error) error {
		logIDs(t, w, "b")
		_ = w.Flush(t.Context())
		return nil
	})
	if err != nil {
		t.Errorf("Recheck with a succeeding probe = %v, want nil", err)
	}
	if err := w.Recheck(probe(nil)); err != nil || len(probed) != 2 {
		t.Errorf("Recheck after a newer failure = %v after %d probes, want a probe (2)", err, len(probed))
	}
	if err := w.Recheck(probe(errors.New("unexpected probe"))); err != nil || len(probed) != 2 {
		t.Errorf("Recheck after a probe succeeded = %v after %d probes, want nil and no probe", err, len(probed))
	}
	s.setFail(diskSaysNo)
	logIDs(t, w, "c")
	_ = w.Flush(t.Context())
	s.setFail(nil)
	logIDs(t, w, "d")
	if err := w.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	if err := w.Recheck(probe(errors.New("unexpected probe"))); err != nil || len(probed) != 2 {
		t.Errorf("Recheck after a write succeeded = %v after %d probes, want nil and no probe", err, len(probed))
	}
}

func TestDoneContext(t *testing.T) {
	done, cancel := context.WithCancel(t.Context())
	cancel()

	t.Run("Log", func(t *testing.T) {
		s := &sink{}
		w := start(t, s, questionlog.Options{FlushDelay: never})
		err := w.Log(done, bot.LogEntry{ReplyID: "r1"})
		if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "r1") {
			t.Errorf("Log = %v, want context.Canceled naming the reply", err)
		}
		if err := w.Flush(t.Context()); err != nil {
			t.Fatal(err)
		}
		if len(s.ids()) != 0 || w.Dropped() != 0 {
			t.Errorf("written %v, dropped %d; want nothing", s.ids(), w.Dropped())
		}
	})
	t.Run("Flush behind a full queue", func(t *testing.T) {
		s := &sink{started: make(chan int, 4), release: make(chan struct{})}
		w := start(t, s, questionlog.Options{QueueSize: 1, MaxBatch: 1, FlushDelay: never})
		defer close(s.release)
		logIDs(t, w, "r0")
		<-s.started
		logIDs(t, w, "r1") // the queue is full
		if err := w.Flush(done); !errors.Is(err, context.Canceled) {
			t.Errorf("Flush = %v, want context.Canceled", err)
		}
	})
	t.Run("Flush waiting for a write", func(t *testing.T) {
		s := &sink{started: make(chan int, 4), release: make(chan struct{})}
		w := start(t, s, questionlog.Options{FlushDelay: never})
		defer close(s.release)
		logIDs(t, w, "r0")
		ctx, cancel := context.WithCancel(t.Context())
		errc := make(chan error, 1)
		go func() { errc <- w.Flush(ctx) }()
		<-s.started // the Flush marker reached the writer, whose write is held
		cancel()
		if err := <-errc; !errors.Is(err, context.Canceled) {
			t.Errorf("Flush = %v, want context.Canceled", err)
		}
	})
}

func TestZeroTimeIsTheTimeLogged(t *testing.T) {
	s := &sink{}
	clk := &clock{t: T0}
	w := start(t, s, questionlog.Options{Now: clk.Now, FlushDelay: never})
	given := T0.Add(-time.Hour)
	for _, e := range []bot.LogEntry{{ReplyID: "zero"}, {ReplyID: "given", At: given}} {
		if err := w.Log(t.Context(), e); err != nil {
			t.Fatal(err)
		}
	}
	clk.Add(time.Minute) // written later than logged
	if err := w.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	got := s.entries()
	if len(got) != 2 {
		t.Fatalf("written %d entries, want 2", len(got))
	}
	if !got[0].At.Equal(T0) || !got[1].At.Equal(given) {
		t.Errorf("times written %v, %v; want %v (when logged), %v (as given)", got[0].At, got[1].At, T0, given)
	}
}

func TestCloseWritesWhatIsQueued(t *testing.T) {
	s := &sink{}
	w := questionlog.Start(s.write, questionlog.Options{MaxBatch: 4, FlushDelay: never})
	ids := seq("r", 10)
	logIDs(t, w, ids...)
	w.Close()
	if got, want := s.sizes(), []int{4, 4, 2}; !slices.Equal(got, want) {
		t.Errorf("batch sizes = %v, want %v", got, want)
	}
	if got := s.ids(); !slices.Equal(got, ids) || w.Dropped() != 0 {
		t.Errorf("written %v, dropped %d; want %v, 0", got, w.Dropped(), ids)
	}
	if err := w.Log(t.Context(), bot.LogEntry{ReplyID: "late"}); err == nil || !strings.Contains(err.Error(), "closed") {
		t.Errorf("Log after Close = %v, want an error saying closed", err)
	}
	if err := w.Flush(t.Context()); err != nil {
		t.Errorf("Flush after Close = %v, want nil", err)
	}
	w.Close() // again: returns
	if n := len(s.ids()); n != len(ids) {
		t.Errorf("written %d entries after Close, want %d", n, len(ids))
	}
}

func TestCloseGivesUpWhenTheDatabaseFails(t *testing.T) {
	s := &sink{started: make(chan int, 64), release: make(chan struct{})}
	s.setFail(errors.New("disk says no"))
	var logs logBuffer
	w := questionlog.Start(s.write, questionlog.Options{Logger: logs.logger(), QueueSize: 8, MaxBatch: 1, FlushDelay: never})
	logIDs(t, w, "r0")
	<-s.started // r0's write is held, and will fail
	accepted := 1
	closed := make(chan struct{})
	go func() { w.Close(); close(closed) }()
	// Log until Close has refused entries: from then on the writer knows it
	// is closing.
	for {
		if err := w.Log(t.Context(), bot.LogEntry{ReplyID: "more"}); err != nil {
			break
		}
		accepted++
		runtime.Gosched()
	}
	close(s.release)
	<-closed
	if n := s.writeCalls(); n != 1 {
		t.Errorf("%d writes, want 1: after a failure while closing the rest is dropped unwritten", n)
	}
	if w.Dropped() != uint64(accepted) {
		t.Errorf("Dropped = %d, want %d (every entry accepted)", w.Dropped(), accepted)
	}
	if n := strings.Count(logs.String(), "question log write failed"); n != 1 {
		t.Errorf("%d write failures logged, want 1; log:\n%s", n, logs.String())
	}
}

func TestPrunesEveryNWrites(t *testing.T) {
	s := &sink{}
	var logs logBuffer
	var prunes atomic.Int32
	var pruneErr atomic.Pointer[error]
	w := start(t, s, questionlog.Options{Logger: logs.logger(), FlushDelay: never, PruneEvery: 3,
		Prune: func(ctx context.Context) error {
			if _, ok := ctx.Deadline(); !ok {
				t.Error("prune without a deadline")
			}
			prunes.Add(1)
			if p := pruneErr.Load(); p != nil {
				return *p
			}
			return nil
		}})
	flush := func() { _ = w.Flush(t.Context()) }
	diskSaysNo := errors.New("disk says no")

	steps := []struct {
		name       string
		do         func()
		wantPrunes int32
	}{
		{"two writes elsewhere", func() { w.Wrote(); w.Wrote() }, 0},
		{"a logged question makes three", func() { logIDs(t, w, "a") }, 1},
		{"three writes elsewhere make six", func() { w.Wrote(); w.Wrote(); w.Wrote() }, 2},
		{"a batch of four makes ten", func() { logIDs(t, w, "b", "c", "d", "e") }, 3},
		{"a failed batch counts nothing", func() { s.setFail(diskSaysNo); logIDs(t, w, "f", "g") }, 3},
		{"a prune due after a failed write waits", func() { w.Wrote(); w.Wrote() }, 3},
		{"for the next write that succeeds", func() { s.setFail(nil); logIDs(t, w, "h") }, 4},
	}
	for _, st := range steps {
		st.do()
		flush()
		if got := prunes.Load(); got != st.wantPrunes {
			t.Errorf("%s: %d prunes, want %d", st.name, got, st.wantPrunes)
		}
	}

	pruneErr.Store(&diskSaysNo)
	w.Wrote()
	w.Wrote()
	flush()
	if prunes.Load() != 5 || !strings.Contains(logs.String(), "prune state database") {
		t.Errorf("%d prunes, want 5, and the failure logged; log:\n%s", prunes.Load(), logs.String())
	}
}

func TestWithoutPruneHookWroteDoesNothing(t *testing.T) {
	s := &sink{}
	w := start(t, s, questionlog.Options{PruneEvery: 1, FlushDelay: never})
	for range 5 {
		w.Wrote()
	}
	if err := w.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	if n := s.writeCalls(); n != 0 {
		t.Errorf("%d writes, want none", n)
	}
}

// TestConcurrentLoggers logs, flushes and counts writes from many
// goroutines through a small queue: every entry accepted is written once,
// in its goroutine's order, or counted as dropped; no batch passes the
// bound.
func TestConcurrentLoggers(t *testing.T) {
	const loggers, each, maxBatch = 8, 200, 5
	s := &sink{}
	w := questionlog.Start(s.write, questionlog.Options{QueueSize: 16, MaxBatch: maxBatch, PruneEvery: 7,
		Prune: func(context.Context) error { return nil }})
	var wg sync.WaitGroup
	for g := range loggers {
		wg.Go(func() {
			for i := range each {
				if err := w.Log(t.Context(), bot.LogEntry{ReplyID: fmt.Sprintf("%d-%d", g, i)}); err != nil {
					t.Errorf("Log: %v", err)
					return
				}
				if i%10 == 0 {
					w.Wrote()
				}
				if i%50 == 0 {
					if err := w.Flush(t.Context()); err != nil {
						t.Errorf("Flush: %v", err)
					}
				}
			}
		})
	}
	wg.Wait()
	w.Close()
	checkWritten(t, s, w, loggers*each, maxBatch)
}

// TestCloseWhileLogging closes the writer while goroutines log: every
// entry accepted before Close refused more is written or counted, and
// nothing is written after Close returns.
func TestCloseWhileLogging(t *testing.T) {
	const loggers, maxBatch = 8, 5
	s := &sink{}
	w := questionlog.Start(s.write, questionlog.Options{QueueSize: 16, MaxBatch: maxBatch})
	var (
		wg       sync.WaitGroup
		accepted atomic.Int64
		running  sync.WaitGroup
	)
	running.Add(loggers)
	for g := range loggers {
		wg.Go(func() {
			for i := 0; ; i++ {
				err := w.Log(t.Context(), bot.LogEntry{ReplyID: fmt.Sprintf("%d-%d", g, i)})
				if err != nil {
					return
				}
				if i == 0 {
					running.Done()
				}
				accepted.Add(1)
			}
		})
	}
	running.Wait() // every logger has logged at least once
	w.Close()
	after := s.writeCalls()
	wg.Wait()
	if n := s.writeCalls(); n != after {
		t.Errorf("%d writes after Close returned", n-after)
	}
	checkWritten(t, s, w, int(accepted.Load()), maxBatch)
}

// checkWritten checks that of the accepted entries, ids "g-i", each was
// written once, in order within its goroutine g, or dropped, and that no
// batch had more than maxBatch entries.
func checkWritten(t *testing.T, s *sink, w *questionlog.Writer, accepted, maxBatch int) {
	t.Helper()
	ids := s.ids()
	if len(ids)+int(w.Dropped()) != accepted {
		t.Errorf("written %d + dropped %d, want %d accepted", len(ids), w.Dropped(), accepted)
	}
	last := map[int]int{}
	seen := map[string]bool{}
	for _, id := range ids {
		var g, i int
		if _, err := fmt.Sscanf(id, "%d-%d", &g, &i); err != nil {
			t.Fatalf("bad id %q", id)
		}
		if seen[id] {
			t.Errorf("%s written twice", id)
		}
		seen[id] = true
		if prev, ok := last[g]; ok && i <= prev {
			t.Errorf("logger %d: %d written after %d", g, i, prev)
		}
		last[g] = i
	}
	for _, n := range s.sizes() {
		if n > maxBatch {
			t.Errorf("a batch of %d entries, want at most %d", n, maxBatch)
		}
	}
}
