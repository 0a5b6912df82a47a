package slack_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/bot"
)

// refusals records what Options.OnRefused is told.
type refusals struct {
	mu  sync.Mutex
	got []bot.Problem
}

func (r *refusals) add(p bot.Problem) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, p)
}

func (r *refusals) list() []bot.Problem {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.got)
}

// held is a core reply that tells entered the text of each request, then
// holds it until release is closed.
func held(entered chan<- string, release <-chan struct{}) func(context.Context, bot.Request) bot.Reply {
	return func(ctx context.Context, req bot.Request) bot.Reply {
		entered <- req.Text
		select {
		case <-release:
		case <-ctx.Done():
		}
		return bot.Reply{ID: "r-" + req.Text, Kind: bot.KindAnswer, Text: "You asked: " + req.Text}
	}
}

func waitEntered(t *testing.T, entered <-chan string, want string) {
	t.Helper()
	select {
	case got := <-entered:
		if got != want {
			t.Fatalf("got %q at the core, want %q", got, want)
		}
	case <-time.After(slacktest.WaitTimeout):
		t.Fatalf("gave up waiting for %q to reach the core", want)
	}
}

func TestWorkersFollowTheOption(t *testing.T) {
	tests := []struct {
		name         string
		workers      int
		queueTimeout time.Duration
		want         []string // what each question is told, in order
		wantRefused  []bot.Problem
	}{
		{"one worker: the second question waits past the queue timeout", 1, time.Second,
			[]string{"You asked: first", "busy"}, []bot.Problem{bot.ProblemBusy}},
		{"two workers: both questions are answered at once", 2, time.Second,
			[]string{"You asked: first", "You asked: second"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entered, release := make(chan string, 2), make(chan struct{})
			core := &fakeCore{reply: held(entered, release)}
			var ref refusals
			// The clock moves only when the test says so.
			base, elapsed := time.Now(), atomic.Int64{}
			slack.SetNow(t, func() time.Time { return base.Add(time.Duration(elapsed.Load())) })
			h := start(t, slack.ModeSocket, core, func(o *slack.Options) {
				o.Workers, o.QueueTimeout = tt.workers, tt.queueTimeout
				o.WorkingAfter = time.Minute
				o.OnRefused = ref.add
			})
			h.fake.SendEvent(t, "Ev7100", 0, directMessage("1700007100.000100", "first"))
			waitEntered(t, entered, "first")
			second := h.fake.SendEvent(t, "Ev7101", 0, directMessage("1700007100.000200", "second"))
			h.fake.WaitAck(t, second) // queued before the first is answered
			if tt.workers > 1 {
				waitEntered(t, entered, "second") // both held by the core at once
			}
			elapsed.Store(int64(2 * tt.queueTimeout)) // the second has waited past the timeout
			close(release)
			for _, want := range tt.want {
				h.fake.WaitMatch(t, "chat.postMessage", func(c slacktest.Call) bool {
					return strings.Contains(joined([]slacktest.Call{c}), want)
				})
			}
			if err := h.stop(t); err != nil {
				t.Fatalf("Run returned %v, want nil", err)
			}
			if got := len(core.Requests()); got != len(tt.want)-len(tt.wantRefused) {
				t.Errorf("got %d questions at the core, want %d", got, len(tt.want)-len(tt.wantRefused))
			}
			if got := ref.list(); !slices.Equal(got, tt.wantRefused) {
				t.Errorf("got refusals %v, want %v", got, tt.wantRefused)
			}
		})
	}
}

func TestCoreRefusalsAreCounted(t *testing.T) {
	core := &fakeCore{reply: func(_ context.Context, req bot.Request) bot.Reply {
		return bot.Reply{ID: "r-" + req.Text, Kind: bot.KindError, Problem: bot.ProblemRateLimited, Text: "Slow down.", Ephemeral: true}
	}}
	var ref refusals
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) { o.OnRefused = ref.add })
	h.fake.SendEvent(t, "Ev7200", 0, directMessage("1700007200.000100", "hello?"))
	h.fake.WaitMatch(t, "chat.postMessage", func(c slacktest.Call) bool {
		return strings.Contains(joined([]slacktest.Call{c}), "Slow down.")
	})
	h.fake.SendSlashCommand(t, map[string]string{"command": "/talks", "text": "ask why?", "user_id": alice,
		"channel_id": channel, "response_url": h.fake.ResponseURL("limited")})
	h.fake.WaitResponses(t, "limited", 1)
	want := []bot.Problem{bot.ProblemRateLimited, bot.ProblemRateLimited}
	if got := ref.list(); !slices.Equal(got, want) {
		t.Errorf("got refusals %v, want %v", got, want)
	}
}
