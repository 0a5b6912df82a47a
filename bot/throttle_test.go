package bot

// An internal test: it injects the timer through newThrottle, so that the
// test, not the wall clock, decides when an interval has passed.

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

// throttleFixture runs a Throttle whose interval passes only when the test
// sends on fire, and whose applies arrive on applied.
type throttleFixture struct {
	th      *Throttle
	applied chan string        // every applied text, in order
	asked   chan time.Duration // every interval the Throttle waits for
	fire    chan time.Time     // ends the interval being waited for
	cancel  context.CancelFunc
}

const testInterval = time.Hour

func newThrottleFixture(t *testing.T, interval time.Duration, apply func(text string)) *throttleFixture {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	fx := &throttleFixture{
		applied: make(chan string, 16),
		asked:   make(chan time.Duration, 16),
		fire:    make(chan time.Time),
		cancel:  cancel,
	}
	after := func(d time.Duration) <-chan time.Time {
		fx.asked <- d
		return fx.fire
	}
	fx.th = newThrottle(ctx, interval, func(_ context.Context, text string) {
		if apply != nil {
			apply(text)
		}
		fx.applied <- text
	}, after)
	t.Cleanup(func() {
		cancel()
		fx.th.Stop()
	})
	return fx
}

// next returns the next applied text; a missing apply hangs the test until
// go test's own timeout reports it.
func (fx *throttleFixture) next(t *testing.T) string {
	t.Helper()
	return <-fx.applied
}

// noneApplied fails unless nothing was applied beyond what the test read.
func (fx *throttleFixture) noneApplied(t *testing.T) {
	t.Helper()
	select {
	case text := <-fx.applied:
		t.Errorf("got apply of %q, want none", text)
	default:
	}
}

func TestThrottleAppliesFirstTextAtOnce(t *testing.T) {
	fx := newThrottleFixture(t, testInterval, nil)
	fx.th.Update("Talks resumed.")
	if got, want := fx.next(t), "Talks resumed."; got != want {
		t.Errorf("got first apply %q, want %q", got, want)
	}
	if got := <-fx.asked; got != testInterval {
		t.Errorf("got wait of %v after an apply, want %v", got, testInterval)
	}
}

func TestThrottleCoalescesWithinInterval(t *testing.T) {
	fx := newThrottleFixture(t, testInterval, nil)
	fx.th.Update("a")
	if got, want := fx.next(t), "a"; got != want {
		t.Fatalf("got first apply %q, want %q", got, want)
	}
	<-fx.asked // the Throttle now waits for fire
	fx.th.Update("a b")
	fx.th.Update("a b c")
	fx.noneApplied(t)
	fx.fire <- time.Time{}
	if got, want := fx.next(t), "a b c"; got != want {
		t.Errorf("got apply %q after the interval, want the latest %q", got, want)
	}
	<-fx.asked
	fx.th.Stop()
	fx.noneApplied(t)
}

func TestThrottleCoalescesWhileApplying(t *testing.T) {
	entered := make(chan struct{}, 16)
	gate := make(chan struct{})
	fx := newThrottleFixture(t, 0, func(string) {
		entered <- struct{}{}
		<-gate
	})
	fx.th.Update("a")
	<-entered
	// Update must not block while apply does.
	for _, text := range []string{"a b", "a b c", "a b c d"} {
		fx.th.Update(text)
	}
	close(gate)
	for _, want := range []string{"a", "a b c d"} {
		if got := fx.next(t); got != want {
			t.Errorf("got apply %q, want %q", got, want)
		}
	}
	fx.th.Stop()
	fx.noneApplied(t)
}

func TestThrottleIgnoresBlankText(t *testing.T) {
	tests := []struct {
		name  string
		blank string
	}{
		{"empty", ""},
		{"spaces", "   "},
		{"newlines and tabs", "\n\t \n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entered := make(chan struct{}, 16)
			gate := make(chan struct{})
			fx := newThrottleFixture(t, 0, func(string) {
				entered <- struct{}{}
				<-gate
			})
			fx.th.Update(tt.blank)
			fx.th.Update("a")
			<-entered
			fx.th.Update("a b")
			fx.th.Update(tt.blank)
			close(gate)
			for _, want := range []string{"a", "a b"} {
				if got := fx.next(t); got != want {
					t.Errorf("got apply %q, want %q", got, want)
				}
			}
		})
	}
}

func TestThrottleStopWaitsForApplyInFlight(t *testing.T) {
	entered := make(chan struct{})
	gate := make(chan struct{})
	var finished atomic.Bool
	fx := newThrottleFixture(t, testInterval, func(string) {
		close(entered)
		<-gate
		finished.Store(true)
	})
	fx.th.Update("a")
	<-entered
	// afterApply tells, once Stop has returned, whether the apply had.
	afterApply := make(chan bool, 1)
	go func() {
		fx.th.Stop()
		afterApply <- finished.Load()
	}()
	<-fx.th.quit // Stop has begun
	select {
	case <-afterApply:
		t.Fatal("got Stop returning during an apply, want it to wait")
	default:
	}
	close(gate)
	if !<-afterApply {
		t.Error("got Stop returning before the apply in flight, want after")
	}
}

func TestThrottleStopDuringInterval(t *testing.T) {
	fx := newThrottleFixture(t, testInterval, nil)
	fx.th.Update("a")
	fx.next(t)
	<-fx.asked
	fx.th.Update("a b")
	fx.th.Stop() // must not wait for the interval to pass
	fx.noneApplied(t)
	fx.th.Update("a b c")
	fx.th.Stop() // a second Stop is harmless
	fx.noneApplied(t)
}

func TestThrottleUpdateAfterStop(t *testing.T) {
	fx := newThrottleFixture(t, 0, nil)
	fx.th.Stop()
	fx.th.Update("a")
	<-fx.th.done
	fx.noneApplied(t)
	if fx.th.pending {
		t.Error("got text pending after Stop, want Update ignored")
	}
}

func TestThrottleEndsWithContext(t *testing.T) {
	tests := []struct {
		name     string
		interval time.Duration
		applied  bool // cancel after a first apply, while the interval runs
	}{
		{"idle", testInterval, false},
		{"during interval", testInterval, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fx := newThrottleFixture(t, tt.interval, nil)
			if tt.applied {
				fx.th.Update("a")
				fx.next(t)
				<-fx.asked
			}
			fx.cancel()
			<-fx.th.done // the goroutine ends without Stop
			fx.th.Update("a b")
			fx.noneApplied(t)
			fx.th.Stop()
		})
	}
}

func TestThrottleCancelledContextNotApplied(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var calls atomic.Int32
	th := NewThrottle(ctx, 0, func(context.Context, string) { calls.Add(1) })
	th.Update("a")
	th.Stop()
	if got := calls.Load(); got != 0 {
		t.Errorf("got %d applies with a cancelled context, want 0", got)
	}
}

func TestThrottleNil(t *testing.T) {
	var th *Throttle
	th.Update("a")
	th.Stop()
}
