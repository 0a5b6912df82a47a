package bot_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/talksbot/talksbot/bot"
)

// fakeDrafter records its requests and answers with draft.
type fakeDrafter struct {
	mu    sync.Mutex
	reqs  []bot.DraftRequest
	draft func(req bot.DraftRequest) (bot.Draft, error)
}

var _ bot.Drafter = (*fakeDrafter)(nil)

func (d *fakeDrafter) Draft(ctx context.Context, req bot.DraftRequest) (bot.Draft, error) {
	d.mu.Lock()
	d.reqs = append(d.reqs, req)
	d.mu.Unlock()
	return d.draft(req)
}

func (d *fakeDrafter) requests() []bot.DraftRequest {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]bot.DraftRequest(nil), d.reqs...)
}

// passageWith returns the 1-based number of the first passage holding s.
func passageWith(passages []bot.Citation, s string) int {
	for i, p := range passages {
		if strings.Contains(p.Text, s) {
			return i + 1
		}
	}
	return 0
}

// sanctionsDraft cites the passage about sanctions correctly.
func sanctionsDraft(req bot.DraftRequest) (bot.Draft, error) {
	n := passageWith(req.Passages, "hard-hitting sanctions")
	return bot.Draft{Text: fmt.Sprintf("Congress has pushed for “more hard-hitting sanctions” [%d].", n), Model: "fake-1"}, nil
}

func TestDrafterPaths(t *testing.T) {
	tests := []struct {
		name     string
		draft    func(req bot.DraftRequest) (bot.Draft, error)
		wantMode string
		wantLog  string
	}{
		{"verified draft", sanctionsDraft, bot.ModeLLM, ""},
		{"invented citation", func(bot.DraftRequest) (bot.Draft, error) {
			return bot.Draft{Text: "Congress wants sanctions [9].", Model: "fake-1"}, nil
		}, bot.ModeExtractive, "cites a passage"},
		{"no citation", func(bot.DraftRequest) (bot.Draft, error) {
			return bot.Draft{Text: "Congress wants sanctions.", Model: "fake-1"}, nil
		}, bot.ModeExtractive, "cites no passage"},
		{"invented quote", func(req bot.DraftRequest) (bot.Draft, error) {
			return bot.Draft{Text: `Congress demanded "an immediate military strike" [1].`, Model: "fake-1"}, nil
		}, bot.ModeExtractive, "quotes text"},
		{"error", func(bot.DraftRequest) (bot.Draft, error) {
			return bot.Draft{}, errors.New("upstream 503")
		}, bot.ModeExtractive, "upstream 503"},
		{"panic", func(bot.DraftRequest) (bot.Draft, error) {
			panic("drafter bug")
		}, bot.ModeExtractive, "drafter bug"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs logBuffer
			d := &fakeDrafter{draft: tt.draft}
			ix := newIndex(t)
			b := bot.New(ix, bot.Options{Drafter: d, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
			r := ask(t, b, "What has Congress pushed for?")

			if r.Kind != bot.KindAnswer {
				t.Fatalf("got kind %q (%q), want %q", r.Kind, r.Text, bot.KindAnswer)
			}
			if r.Mode != tt.wantMode {
				t.Errorf("got mode %q, want %q", r.Mode, tt.wantMode)
			}
			checkGrounded(t, ix, r)
			reqs := d.requests()
			if len(reqs) != 1 {
				t.Fatalf("got %d draft requests, want 1", len(reqs))
			}
			if got := reqs[0]; got.Question != "What has Congress pushed for?" || len(got.Passages) != len(r.Citations) || got.Summary != "" {
				t.Errorf("got draft request %+v, want the question and the reply's %d citations", got, len(r.Citations))
			}
			switch tt.wantMode {
			case bot.ModeLLM:
				want, _ := sanctionsDraft(reqs[0])
				if r.Text != want.Text || r.Model != "fake-1" {
					t.Errorf("got text %q model %q, want the draft %q by fake-1", r.Text, r.Model, want.Text)
				}
			default:
				if r.Text != quoteTexts(r) || r.Model != "" {
					t.Errorf("got text %q model %q, want the extractive answer %q", r.Text, r.Model, quoteTexts(r))
				}
				if !strings.Contains(logs.String(), tt.wantLog) || !strings.Contains(logs.String(), r.ID) {
					t.Errorf("got logs %q, want the reason %q with reply id %s", logs.String(), tt.wantLog, r.ID)
				}
			}
			if strings.Contains(logs.String(), "military strike") {
				t.Errorf("got logs %q, want no draft body at info level", logs.String())
			}
		})
	}
}

func TestDrafterGetsPreviousTurnAndProgress(t *testing.T) {
	d := &fakeDrafter{draft: func(req bot.DraftRequest) (bot.Draft, error) {
		good, _ := sanctionsDraft(req)
		req.Partial(good.Text + " Iran")
		return sanctionsDraft(req)
	}}
	b := bot.New(newIndex(t), bot.Options{Drafter: d})
	first := inThread(t, b, "T1", "What did Congress push for?")

	var progress []string
	r := b.Handle(context.Background(), bot.Request{
		Platform: bot.Slack, Channel: "C1", Thread: "T1", Text: "and the Iranian side?",
		Progress: func(s string) { progress = append(progress, s) },
	})
	if r.Kind != bot.KindAnswer {
		t.Fatalf("got kind %q, want %q", r.Kind, bot.KindAnswer)
	}
	reqs := d.requests()
	if len(reqs) != 2 {
		t.Fatalf("got %d draft requests, want 2", len(reqs))
	}
	if reqs[0].Previous != nil {
		t.Errorf("got previous turn %+v for the first question, want none", reqs[0].Previous)
	}
	prev := reqs[1].Previous
	if prev == nil || prev.Question != "What did Congress push for?" || prev.Answer != first.Text {
		t.Errorf("got previous turn %+v, want the first question and its answer %q", prev, first.Text)
	}
	if want, _ := sanctionsDraft(reqs[1]); len(progress) != 1 || progress[0] != want.Text {
		t.Errorf("got progress %q, want the verified sentence %q", progress, want.Text)
	}
}

func TestDrafterNotCalledForDecline(t *testing.T) {
	d := &fakeDrafter{draft: sanctionsDraft}
	b := bot.New(newIndex(t), bot.Options{Drafter: d})
	if r := ask(t, b, "Who won the World Cup?"); r.Kind != bot.KindDeclined {
		t.Fatalf("got kind %q, want %q", r.Kind, bot.KindDeclined)
	}
	if n := len(d.requests()); n != 0 {
		t.Errorf("got %d draft requests for a declined question, want 0", n)
	}
}

func TestDrafterSummary(t *testing.T) {
	good := func(req bot.DraftRequest) (bot.Draft, error) {
		n := passageWith(req.Passages, "Congress has pushed")
		return bot.Draft{Text: fmt.Sprintf("Spoilers on both sides threaten the talks; Congress pushed for sanctions [%d].", n), Model: "fake-1"}, nil
	}
	bad := func(bot.DraftRequest) (bot.Draft, error) {
		return bot.Draft{Text: "Spoilers abound [7]."}, nil
	}
	for _, tt := range []struct {
		name     string
		draft    func(bot.DraftRequest) (bot.Draft, error)
		wantMode string
	}{
		{"verified", good, bot.ModeLLM},
		{"rejected", bad, bot.ModeExtractive},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ix := newIndex(t)
			d := &fakeDrafter{draft: tt.draft}
			r := ask(t, bot.New(ix, bot.Options{Drafter: d}), "summary spoilers")
			if r.Kind != bot.KindSummary || r.Mode != tt.wantMode {
				t.Fatalf("got %s in mode %q (%q), want a summary in mode %q", r.Kind, r.Mode, r.Text, tt.wantMode)
			}
			reqs := d.requests()
			if len(reqs) != 1 || reqs[0].Summary != "Handling the Spoilers" {
				t.Fatalf("got draft requests %+v, want one for the spoilers theme", reqs)
			}
			if len(reqs[0].Passages) < 2 {
				t.Errorf("got %d passages, want the section's passages", len(reqs[0].Passages))
			}
			for _, p := range reqs[0].Passages {
				if p.Section != "Handling the Spoilers" {
					t.Errorf("got passage %s from section %q, want only the theme's section", p.ID, p.Section)
				}
			}
			checkGrounded(t, ix, r)
			if tt.wantMode == bot.ModeLLM {
				want, _ := good(reqs[0])
				if r.Text != want.Text || len(r.Citations) != len(reqs[0].Passages) {
					t.Errorf("got text %q with %d citations, want the draft with the %d passages it numbers", r.Text, len(r.Citations), len(reqs[0].Passages))
				}
			} else if r.Text != quoteTexts(r) {
				t.Errorf("got text %q, want the extractive summary", r.Text)
			}
		})
	}
}

func TestDrafterProgressForwardsOnlyVerifiedSentences(t *testing.T) {
	// Every partial below is the draft so far; %[1]d stands for the number
	// of the passage about sanctions.
	const (
		good    = "Congress has pushed for “more hard-hitting sanctions” [%[1]d]."
		second  = " Hardliners resist it [%[1]d]."
		invent  = " Iran will build a bomb by May."
		badCite = " Congress wants sanctions [9]."
	)
	tests := []struct {
		name     string
		partials []string
		final    string
		want     []string // what Progress receives
		wantMode string
	}{
		{
			name:     "a good sentence then an invented one",
			partials: []string{"Congress has", good, good + " Iran", good + invent, good + invent + " And"},
			final:    good + invent,
			want:     []string{good},
			wantMode: bot.ModeExtractive,
		},
		{
			name:     "nothing after an invented sentence",
			partials: []string{"Iran will build a bomb.", "Iran will build a bomb. " + good, "Iran will build a bomb. " + good + " More"},
			final:    "Iran will build a bomb. " + good,
			want:     nil,
			wantMode: bot.ModeExtractive,
		},
		{
			name:     "growing by whole sentences",
			partials: []string{"Congress", good, good + " Hard", good + second, good + second + " More", good + second + " More"},
			final:    good + second,
			want:     []string{good, good + second},
			wantMode: bot.ModeLLM,
		},
		{
			name:     "a citation arriving after the period",
			partials: []string{"Congress has pushed for sanctions.", "Congress has pushed for sanctions. [", "Congress has pushed for sanctions. [%[1]d] Hard"},
			final:    "Congress has pushed for sanctions. [%[1]d]",
			want:     []string{"Congress has pushed for sanctions. [%[1]d]"},
			wantMode: bot.ModeLLM,
		},
		{
			name:     "an unclosed quotation",
			partials: []string{"Congress pushed for “more hard-hitting sanctions [%[1]d]. Hard", "Congress pushed for “more hard-hitting sanctions [%[1]d]. Hardliners resist [%[1]d]. X"},
			final:    "Congress pushed for “more hard-hitting sanctions [%[1]d].",
			want:     nil,
			wantMode: bot.ModeExtractive,
		},
		{
			name:     "an invented citation",
			partials: []string{good + badCite + " More"},
			final:    good + badCite,
			want:     []string{good},
			wantMode: bot.ModeExtractive,
		},
		{
			name:     "the last sentence once the whole draft verifies",
			partials: []string{good + " Hard", good + second},
			final:    good + second,
			want:     []string{good, good + second},
			wantMode: bot.ModeLLM,
		},
		{
			name:     "a lead-in alone is not shown",
			partials: []string{"In short:\nCongress", "In short:\n" + good + " More"},
			final:    "In short:\n" + good,
			want:     []string{"In short:\n" + good},
			wantMode: bot.ModeLLM,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var late func(string)
			n := 0
			fill := func(req bot.DraftRequest, s string) string {
				if n == 0 {
					n = passageWith(req.Passages, "hard-hitting sanctions")
				}
				return strings.ReplaceAll(s, "%[1]d", strconv.Itoa(n))
			}
			d := &fakeDrafter{draft: func(req bot.DraftRequest) (bot.Draft, error) {
				for _, p := range tt.partials {
					req.Partial(fill(req, p))
				}
				late = req.Partial
				return bot.Draft{Text: fill(req, tt.final), Model: "fake-1"}, nil
			}}
			var progress []string
			b := bot.New(newIndex(t), bot.Options{Drafter: d})
			r := b.Handle(context.Background(), bot.Request{
				Platform: bot.Slack, Text: "What are the Iranian hardliners seeking?",
				Progress: func(s string) { progress = append(progress, s) },
			})
			if r.Kind != bot.KindAnswer || r.Mode != tt.wantMode {
				t.Fatalf("got %s in mode %q (%q), want an answer in mode %q", r.Kind, r.Mode, r.Text, tt.wantMode)
			}
			late(fill(bot.DraftRequest{}, tt.final+" Late sentence [%[1]d]. Later"))
			var want []string
			for _, w := range tt.want {
				want = append(want, fill(bot.DraftRequest{}, w))
			}
			if !slices.Equal(progress, want) {
				t.Errorf("got progress %q, want %q", progress, want)
			}
			for _, p := range progress {
				if err := bot.Verify(p, r.Citations); err != nil && tt.wantMode == bot.ModeLLM {
					t.Errorf("progress %q: %v", p, err)
				}
			}
		})
	}
}

func TestDrafterSummaryProgress(t *testing.T) {
	d := &fakeDrafter{draft: func(req bot.DraftRequest) (bot.Draft, error) {
		n := passageWith(req.Passages, "Congress has pushed")
		good := fmt.Sprintf("Congress pushed for sanctions [%d].", n)
		req.Partial(good + " Iran will strike.")
		req.Partial(good + " Iran will strike. Soon")
		return bot.Draft{Text: good + " Iran will strike."}, nil
	}}
	var progress []string
	r := bot.New(newIndex(t), bot.Options{Drafter: d}).Handle(context.Background(), bot.Request{
		Platform: bot.Discord, Text: "summary spoilers",
		Progress: func(s string) { progress = append(progress, s) },
	})
	if r.Kind != bot.KindSummary || r.Mode != bot.ModeExtractive {
		t.Fatalf("got %s in mode %q, want an extractive summary", r.Kind, r.Mode)
	}
	if len(progress) != 1 || strings.Contains(progress[0], "Iran") {
		t.Errorf("got progress %q, want only the cited sentence", progress)
	}
}
