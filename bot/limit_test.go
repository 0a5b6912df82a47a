package bot_test

import (
	"context"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
)

func TestHandleRateLimitsPerUser(t *testing.T) {
	clk := newClock(0)
	var logs logBuffer
	b := bot.New(newIndex(t), bot.Options{RatePerMinute: 2, Burst: 2, Now: clk.Now,
		Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))})
	send := func(p bot.Platform, user string) bot.Reply {
		return b.Handle(context.Background(), bot.Request{Platform: p, User: user, Text: "themes"})
	}
	for i := range 2 {
		if r := send(bot.Slack, "U1"); r.Kind != bot.KindThemes {
			t.Fatalf("request %d: got kind %q (%q), want %q within the burst", i+1, r.Kind, r.Text, bot.KindThemes)
		}
	}
	r := send(bot.Slack, "U1")
	if r.Kind != bot.KindError || !r.Ephemeral {
		t.Fatalf("got %s (ephemeral %v), want an ephemeral error past the burst", r.Kind, r.Ephemeral)
	}
	if want := "You're asking faster than I can answer — try again in a few seconds."; r.Text != want {
		t.Errorf("got text %q, want %q", r.Text, want)
	}
	if r.Problem != bot.ProblemRateLimited {
		t.Errorf("got problem %q, want %q", r.Problem, bot.ProblemRateLimited)
	}
	if logs.String() != "" {
		t.Errorf("got logs %q at info level, want none: a flood must not flood the log", logs.String())
	}
	if r := send(bot.Slack, "U2"); r.Kind != bot.KindThemes {
		t.Errorf("got kind %q for another user, want %q", r.Kind, bot.KindThemes)
	}
	if r := send(bot.Discord, "U1"); r.Kind != bot.KindThemes {
		t.Errorf("got kind %q for the same id on another platform, want %q", r.Kind, bot.KindThemes)
	}
	if r := send(bot.HTTP, ""); r.Kind != bot.KindThemes {
		t.Errorf("got kind %q without a user, want %q", r.Kind, bot.KindThemes)
	}
	clk.Advance(30 * time.Second) // one token at 2 a minute
	if r := send(bot.Slack, "U1"); r.Kind != bot.KindThemes {
		t.Errorf("got kind %q after 30 s, want %q", r.Kind, bot.KindThemes)
	}
	if r := send(bot.Slack, "U1"); r.Kind != bot.KindError {
		t.Errorf("got kind %q right after, want %q", r.Kind, bot.KindError)
	}
}

// blockingDrafter holds every draft until release is closed. entered
// (buffered) tells when a draft has started.
type blockingDrafter struct {
	entered chan struct{}
	release chan struct{}
}

func (d *blockingDrafter) Draft(ctx context.Context, req bot.DraftRequest) (bot.Draft, error) {
	select {
	case d.entered <- struct{}{}:
	default:
	}
	<-d.release
	return bot.Draft{}, context.Canceled
}

func TestHandleBoundsConcurrentAnswers(t *testing.T) {
	d := &blockingDrafter{entered: make(chan struct{}, 1), release: make(chan struct{})}
	b := bot.New(newIndex(t), bot.Options{Drafter: d, MaxConcurrent: 1})

	var wg sync.WaitGroup
	var first bot.Reply
	wg.Add(1)
	go func() {
		defer wg.Done()
		first = ask(t, b, "What has Congress pushed for?")
	}()
	<-d.entered // the only slot is taken

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	busy := b.Handle(ctx, bot.Request{Platform: bot.Slack, Text: "What has Congress pushed for?"})
	if busy.Kind != bot.KindError || busy.Text == "" {
		t.Errorf("got %s %q while busy, want an error reply", busy.Kind, busy.Text)
	}
	if r := b.Handle(ctx, bot.Request{Platform: bot.Slack, Text: "summary spoilers"}); r.Kind != bot.KindError {
		t.Errorf("got kind %q for a summary while busy, want %q", r.Kind, bot.KindError)
	}
	if r := b.Handle(ctx, bot.Request{Platform: bot.Slack, Text: "help"}); r.Kind != bot.KindHelp {
		t.Errorf("got kind %q for help while busy, want %q: help needs no slot", r.Kind, bot.KindHelp)
	}

	close(d.release)
	wg.Wait()
	if first.Kind != bot.KindAnswer {
		t.Errorf("got kind %q for the first request, want %q", first.Kind, bot.KindAnswer)
	}
	// The slot is free again.
	if r := ask(t, b, "What has Congress pushed for?"); r.Kind != bot.KindAnswer {
		t.Errorf("got kind %q after the slot freed, want %q", r.Kind, bot.KindAnswer)
	}
}

func TestHandleQueueTimeout(t *testing.T) {
	tests := []struct {
		name    string
		timeout time.Duration
	}{
		{"zero waits up to the default", 0},
		{"negative waits as long as the context", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &blockingDrafter{entered: make(chan struct{}, 1), release: make(chan struct{})}
			b := bot.New(newIndex(t), bot.Options{Drafter: d, MaxConcurrent: 1, QueueTimeout: tt.timeout})
			var wg sync.WaitGroup
			replies := make([]bot.Reply, 2)
			wg.Add(1)
			go func() {
				defer wg.Done()
				replies[0] = ask(t, b, "What has Congress pushed for?")
			}()
			<-d.entered // the only slot is taken
			wg.Add(1)
			go func() {
				defer wg.Done()
				replies[1] = ask(t, b, "summary spoilers") // waits for the slot
			}()
			close(d.release)
			wg.Wait()
			if replies[0].Kind != bot.KindAnswer || replies[1].Kind != bot.KindSummary {
				t.Errorf("got %s and %s, want an answer and a summary once the slot frees", replies[0].Kind, replies[1].Kind)
			}
		})
	}

	t.Run("gives up", func(t *testing.T) {
		d := &blockingDrafter{entered: make(chan struct{}, 1), release: make(chan struct{})}
		b := bot.New(newIndex(t), bot.Options{Drafter: d, MaxConcurrent: 1, QueueTimeout: time.Millisecond})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			ask(t, b, "What has Congress pushed for?")
		}()
		<-d.entered // the only slot is taken until release
		defer func() {
			close(d.release)
			wg.Wait()
		}()
		// The request's context never ends: only QueueTimeout can end the wait.
		for _, text := range []string{"What has Congress pushed for?", "summary spoilers"} {
			r := b.Handle(context.Background(), bot.Request{Platform: bot.Slack, User: "U2", Text: text})
			if r.Kind != bot.KindError || r.Problem != bot.ProblemBusy || !r.Ephemeral {
				t.Errorf("%s: got %s %q (problem %q), want an ephemeral busy reply", text, r.Kind, r.Text, r.Problem)
			}
		}
	})
}

func TestHandleIsSafeForConcurrentUse(t *testing.T) {
	b := bot.New(newIndex(t), bot.Options{RatePerMinute: 1000, Burst: 1000, MaxConcurrent: 4})
	questions := []string{"What has Congress pushed for?", "and Khamenei?", "summary 3", "themes", "Who won the World Cup?"}
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j, q := range questions {
				r := b.Handle(context.Background(), bot.Request{Platform: bot.Slack, User: "U", Channel: "C", Thread: "T", Text: q})
				if r.Kind == bot.KindError {
					t.Errorf("worker %d question %d: got error %q", i, j, r.Text)
				}
			}
		}()
	}
	wg.Wait()
}

// TestDefaultBurst checks the README's word: a user may ask DefaultBurst
// questions in a quick row before the rate applies.
func TestDefaultBurst(t *testing.T) {
	clk := newClock(0)
	b := bot.New(newIndex(t), bot.Options{RatePerMinute: 20, Now: clk.Now})
	for i := range bot.DefaultBurst {
		if r := b.Handle(context.Background(), bot.Request{Platform: bot.Slack, User: "U1", Text: "themes"}); r.Kind != bot.KindThemes {
			t.Fatalf("request %d: got %s, want it within the burst of %d", i+1, r.Kind, bot.DefaultBurst)
		}
	}
	if r := b.Handle(context.Background(), bot.Request{Platform: bot.Slack, User: "U1", Text: "themes"}); r.Problem != bot.ProblemRateLimited {
		t.Errorf("request %d: got %s, want it rate-limited", bot.DefaultBurst+1, r.Kind)
	}
	if bot.DefaultBurst != 5 {
		t.Errorf("DefaultBurst is %d; the README says 5", bot.DefaultBurst)
	}
}
