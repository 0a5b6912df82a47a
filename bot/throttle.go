package bot

import (
	"context"
	"strings"
	"sync"
	"time"
)

// Throttle shows text that keeps changing, such as an answer streaming in
// through Request.Progress, without flooding a chat platform with edits: it
// applies the first text at once and then at most one text per interval,
// always the latest, dropping those overtaken in between. Blank text is
// ignored, since a draft has nothing to show yet.
//
// Apply runs on the Throttle's own goroutine, one call at a time. Stop ends
// the goroutine; every method of a nil *Throttle does nothing.
type Throttle struct {
	interval time.Duration
	apply    func(ctx context.Context, text string)
	after    func(time.Duration) <-chan time.Time

	mu      sync.Mutex
	text    string
	pending bool // text has not been applied yet
	stopped bool

	wake chan struct{} // holds a token while text is pending
	quit chan struct{} // closed by Stop
	done chan struct{} // closed when the goroutine ends
}

// NewThrottle starts a Throttle that calls apply with ctx and the latest
// text, at most once per interval. It runs until Stop is called or ctx is
// done; the caller must call Stop.
func NewThrottle(ctx context.Context, interval time.Duration, apply func(ctx context.Context, text string)) *Throttle {
	return newThrottle(ctx, interval, apply, time.After)
}

// newThrottle is NewThrottle with the timer source injected, so tests decide
// when an interval has passed.
func newThrottle(ctx context.Context, interval time.Duration, apply func(ctx context.Context, text string), after func(time.Duration) <-chan time.Time) *Throttle {
	t := &Throttle{
		interval: interval,
		apply:    apply,
		after:    after,
		wake:     make(chan struct{}, 1),
		quit:     make(chan struct{}),
		done:     make(chan struct{}),
	}
	go t.run(ctx)
	return t
}

// Update records text as the latest to show. It never blocks; text that is
// blank, or that arrives after Stop, is ignored.
func (t *Throttle) Update(text string) {
	if t == nil || strings.TrimSpace(text) == "" {
		return
	}
	t.mu.Lock()
	if t.stopped {
		t.mu.Unlock()
		return
	}
	t.text, t.pending = text, true
	t.mu.Unlock()
	select {
	case t.wake <- struct{}{}:
	default: // a wake-up is queued already; it will read the latest text
	}
}

// Stop ends the Throttle without applying pending text and waits for an
// apply in flight to return. It may be called more than once.
func (t *Throttle) Stop() {
	if t == nil {
		return
	}
	t.mu.Lock()
	first := !t.stopped
	t.stopped = true
	t.mu.Unlock()
	if first {
		close(t.quit)
	}
	<-t.done
}

func (t *Throttle) run(ctx context.Context) {
	defer close(t.done)
	for {
		select {
		case <-t.quit:
			return
		case <-ctx.Done():
			return
		case <-t.wake:
		}
		text, ok := t.take(ctx)
		if !ok {
			continue
		}
		t.apply(ctx, text)
		if t.interval <= 0 {
			continue
		}
		// Updates arriving meanwhile wait in text and wake.
		select {
		case <-t.quit:
			return
		case <-ctx.Done():
			return
		case <-t.after(t.interval):
		}
	}
}

// take returns the pending text, if any and the Throttle is still running.
func (t *Throttle) take(ctx context.Context) (string, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped || !t.pending || ctx.Err() != nil {
		return "", false
	}
	t.pending = false
	return t.text, true
}
