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
	"sync/atomic"
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
		return bot.Draft{Text: fmt.Sprintf("Spoilers lash out as talks grow serious; Congress pushed for sanctions [%d].", n), Model: "fake-1"}, nil
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
		second  = " Iranian hardliners seek to narrow the window [%[1]d]."
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
				if err := bot.NewChecker(newIndex(t)).Verify(p, r.Citations); err != nil && tt.wantMode == bot.ModeLLM {
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

// fakeObserver records the draft outcomes the bot reports.
type fakeObserver struct {
	mu       sync.Mutex
	outcomes []bot.DraftOutcome
}

var _ bot.DraftObserver = (*fakeObserver)(nil)

func (o *fakeObserver) ObserveDraft(out bot.DraftOutcome) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.outcomes = append(o.outcomes, out)
}

func (o *fakeObserver) all() []bot.DraftOutcome {
	o.mu.Lock()
	defer o.mu.Unlock()
	return slices.Clone(o.outcomes)
}

// Sentences about the passage on the spoilers; %[1]d stands for its
// number. The third denies what the passage says.
const (
	spoilers1 = "Congress has pushed for “more hard-hitting sanctions” [%[1]d]."
	spoilers2 = " Iranian hardliners seek to narrow the window [%[1]d]."
	spoilers3 = " Iranian hardliners do not seek to narrow the window [%[1]d]."
	spoilers4 = " The risk of spoilers lashing out grows as the talks get serious [%[1]d]."
)

// fillPassage replaces %[1]d in s by the number of the passage about
// sanctions among req's passages.
func fillPassage(req bot.DraftRequest, s string) string {
	return strings.ReplaceAll(s, "%[1]d", strconv.Itoa(passageWith(req.Passages, "hard-hitting sanctions")))
}

// streamWords calls partial with text growing a word at a time, as an LLM
// streams it.
func streamWords(partial func(string), text string) {
	words := strings.SplitAfter(text, " ")
	for i := range words {
		partial(strings.Join(words[:i+1], ""))
	}
}

func TestDraftObserverGetsOneOutcomePerDraft(t *testing.T) {
	tests := []struct {
		name     string
		text     string // summary spoilers when it starts so
		draft    func(req bot.DraftRequest) (bot.Draft, error)
		stream   bool
		want     bot.DraftOutcome
		wantMode string
	}{
		{"used", "What has Congress pushed for?", func(req bot.DraftRequest) (bot.Draft, error) {
			return bot.Draft{Text: fillPassage(req, spoilers1)}, nil
		}, false, bot.DraftOutcome{Kind: bot.KindAnswer, Used: true}, bot.ModeLLM},
		{"contradiction", "What has Congress pushed for?", func(req bot.DraftRequest) (bot.Draft, error) {
			return bot.Draft{Text: fillPassage(req, spoilers1+spoilers3)}, nil
		}, false, bot.DraftOutcome{Kind: bot.KindAnswer, Reason: bot.ReasonContradiction, Sentence: 2}, bot.ModeExtractive},
		{"contradiction while streaming", "What has Congress pushed for?", func(req bot.DraftRequest) (bot.Draft, error) {
			streamWords(req.Partial, fillPassage(req, spoilers1+spoilers3+spoilers2))
			return bot.Draft{Text: fillPassage(req, spoilers1+spoilers3+spoilers2)}, nil
		}, true, bot.DraftOutcome{Kind: bot.KindAnswer, Reason: bot.ReasonContradiction, Sentence: 2}, bot.ModeExtractive},
		{"no citation", "What has Congress pushed for?", func(bot.DraftRequest) (bot.Draft, error) {
			return bot.Draft{Text: "Congress has pushed for sanctions."}, nil
		}, true, bot.DraftOutcome{Kind: bot.KindAnswer, Reason: bot.ReasonNoCitation}, bot.ModeExtractive},
		{"drafter error", "What has Congress pushed for?", func(bot.DraftRequest) (bot.Draft, error) {
			return bot.Draft{}, errors.New("upstream 503")
		}, false, bot.DraftOutcome{Kind: bot.KindAnswer, Reason: bot.ReasonDrafterFailed}, bot.ModeExtractive},
		{"drafter panic", "What has Congress pushed for?", func(bot.DraftRequest) (bot.Draft, error) {
			panic("drafter bug")
		}, true, bot.DraftOutcome{Kind: bot.KindAnswer, Reason: bot.ReasonDrafterFailed}, bot.ModeExtractive},
		{"summary", "summary spoilers", func(req bot.DraftRequest) (bot.Draft, error) {
			return bot.Draft{Text: strings.ReplaceAll(spoilers1, "%[1]d", strconv.Itoa(passageWith(req.Passages, "hard-hitting")))}, nil
		}, false, bot.DraftOutcome{Kind: bot.KindSummary, Used: true}, bot.ModeLLM},
		{"summary with an invented name", "summary spoilers", func(req bot.DraftRequest) (bot.Draft, error) {
			return bot.Draft{Text: fmt.Sprintf("The Senate has pushed for more hard-hitting sanctions [%d].", passageWith(req.Passages, "hard-hitting"))}, nil
		}, false, bot.DraftOutcome{Kind: bot.KindSummary, Reason: bot.ReasonName, Sentence: 1}, bot.ModeExtractive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			obs := &fakeObserver{}
			b := bot.New(newIndex(t), bot.Options{Drafter: &fakeDrafter{draft: tt.draft}, DraftObserver: obs})
			req := bot.Request{Platform: bot.Slack, Text: tt.text}
			if tt.stream {
				req.Progress = func(string) {}
			}
			r := b.Handle(context.Background(), req)
			if r.Mode != tt.wantMode {
				t.Errorf("got mode %q (%q), want %q", r.Mode, r.Text, tt.wantMode)
			}
			if got := obs.all(); len(got) != 1 || got[0] != tt.want {
				t.Errorf("got outcomes %+v, want exactly %+v", got, tt.want)
			}
		})
	}
}

func TestNoDraftNoOutcome(t *testing.T) {
	obs := &fakeObserver{}
	b := bot.New(newIndex(t), bot.Options{Drafter: &fakeDrafter{draft: sanctionsDraft}, DraftObserver: obs})
	ask(t, b, "Who won the World Cup?") // declined: no draft asked for
	ask(t, b, "themes")
	if got := obs.all(); len(got) != 0 {
		t.Errorf("got outcomes %+v, want none", got)
	}
}

func TestStreamingChecksEachSentenceOnce(t *testing.T) {
	for _, stream := range []bool{false, true} {
		t.Run(fmt.Sprintf("streaming %v", stream), func(t *testing.T) {
			const draft = spoilers1 + spoilers2 + "\n" + spoilers4
			d := &fakeDrafter{draft: func(req bot.DraftRequest) (bot.Draft, error) {
				text := fillPassage(req, draft)
				if req.Partial != nil {
					streamWords(req.Partial, text)
					req.Partial(text) // a repeated partial adds nothing to check
				}
				return bot.Draft{Text: text}, nil
			}}
			b := bot.New(newIndex(t), bot.Options{Drafter: d})
			var mu sync.Mutex
			checks := map[string]int{}
			bot.CountChecks(b, func(s string) {
				mu.Lock()
				defer mu.Unlock()
				checks[s]++
			})
			var progress []string
			req := bot.Request{Platform: bot.Slack, Text: "What are the Iranian hardliners seeking?"}
			if stream {
				req.Progress = func(s string) { progress = append(progress, s) }
			}
			r := b.Handle(context.Background(), req)
			if r.Mode != bot.ModeLLM {
				t.Fatalf("got mode %q (%q), want the draft used", r.Mode, r.Text)
			}
			if len(checks) != 3 {
				t.Errorf("got %d sentences checked (%v), want 3", len(checks), checks)
			}
			for s, n := range checks {
				if n != 1 {
					t.Errorf("sentence %q checked %d times, want once", s, n)
				}
			}
			if stream && len(progress) != 3 {
				t.Errorf("got progress %q, want each sentence's prefix once verified, then the draft", progress)
			}
		})
	}
}

func TestStreamedSentencesThenAFailureFallsBack(t *testing.T) {
	d := &fakeDrafter{draft: func(req bot.DraftRequest) (bot.Draft, error) {
		text := fillPassage(req, spoilers1+spoilers2+spoilers3+spoilers4)
		streamWords(req.Partial, text)
		return bot.Draft{Text: text, Model: "fake-1"}, nil
	}}
	obs := &fakeObserver{}
	b := bot.New(newIndex(t), bot.Options{Drafter: d, DraftObserver: obs})
	var progress []string
	r := b.Handle(context.Background(), bot.Request{
		Platform: bot.Slack, Text: "What are the Iranian hardliners seeking?",
		Progress: func(s string) { progress = append(progress, s) },
	})
	if r.Mode != bot.ModeExtractive || r.Text != quoteTexts(r) || r.Model != "" {
		t.Errorf("got %q in mode %q by %q, want the extractive answer", r.Text, r.Mode, r.Model)
	}
	req := d.requests()[0]
	want := []string{fillPassage(req, spoilers1), fillPassage(req, spoilers1+spoilers2)}
	if !slices.Equal(progress, want) {
		t.Errorf("got progress %q, want the two verified sentences %q", progress, want)
	}
	wantOutcome := bot.DraftOutcome{Kind: bot.KindAnswer, Reason: bot.ReasonContradiction, Sentence: 3}
	if got := obs.all(); len(got) != 1 || got[0] != wantOutcome {
		t.Errorf("got outcomes %+v, want %+v", got, wantOutcome)
	}
}

func TestRefusalLogs(t *testing.T) {
	d := &fakeDrafter{draft: func(req bot.DraftRequest) (bot.Draft, error) {
		return bot.Draft{Text: fillPassage(req, spoilers1+spoilers3), Model: "fake-1"}, nil
	}}
	for _, level := range []slog.Level{slog.LevelInfo, slog.LevelDebug} {
		t.Run(level.String(), func(t *testing.T) {
			var logs logBuffer
			b := bot.New(newIndex(t), bot.Options{Drafter: d,
				Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: level}))})
			ask(t, b, "What are the Iranian hardliners seeking?")
			out := logs.String()
			if !strings.Contains(out, "reason=contradiction") || !strings.Contains(out, "sentence=2") {
				t.Errorf("got logs %q, want the reason and the sentence's number", out)
			}
			quoted := strings.Contains(out, "do not seek")
			if level == slog.LevelDebug && !quoted {
				t.Errorf("got logs %q, want the refused sentence at debug level", out)
			}
			if level > slog.LevelDebug && quoted {
				t.Errorf("got logs %q, want no draft text above debug level", out)
			}
		})
	}
}

func TestConcurrentStreamedDrafts(t *testing.T) {
	// Many questions at once, each streamed from another goroutine, with
	// partials still arriving after the draft is done: Progress only ever
	// sees verified, growing text, each sentence is checked once, and each
	// draft gets one verdict.
	ix := newIndex(t)
	check := bot.NewChecker(ix)
	d := &fakeDrafter{draft: func(req bot.DraftRequest) (bot.Draft, error) {
		text := fillPassage(req, spoilers1+spoilers2+spoilers4)
		if strings.Contains(req.Question, "not") {
			text = fillPassage(req, spoilers1+spoilers3)
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			streamWords(req.Partial, text)
		}()
		if !strings.Contains(req.Question, "late") {
			<-done
		}
		return bot.Draft{Text: text}, nil
	}}
	obs := &fakeObserver{}
	b := bot.New(ix, bot.Options{Drafter: d, DraftObserver: obs})
	var checks atomic.Int64
	bot.CountChecks(b, func(string) { checks.Add(1) })

	questions := []string{"What are the Iranian hardliners seeking?", "What are the hardliners not seeking?", "What are the late hardliners seeking?"}
	const rounds = 8
	var wg sync.WaitGroup
	for i := range rounds * len(questions) {
		wg.Go(func() {
			var mu sync.Mutex
			var progress []string
			r := b.Handle(context.Background(), bot.Request{
				Platform: bot.Discord, Text: questions[i%len(questions)],
				Progress: func(s string) {
					mu.Lock()
					defer mu.Unlock()
					progress = append(progress, s)
				},
			})
			mu.Lock()
			defer mu.Unlock()
			for j, p := range progress {
				if j > 0 && !strings.HasPrefix(p, progress[j-1]) {
					t.Errorf("progress %q does not extend %q", p, progress[j-1])
				}
				if err := check.Verify(p, r.Citations); err != nil && r.Mode == bot.ModeLLM {
					t.Errorf("progress %q: %v", p, err)
				}
			}
		})
	}
	wg.Wait()
	if got := len(obs.all()); got != rounds*len(questions) {
		t.Errorf("got %d outcomes, want %d", got, rounds*len(questions))
	}
	// Per round: three sentences of the first draft, two of the second
	// (the second is refused), and of the late one those checked before
	// the draft returned plus the rest at the verdict: three.
	if got, want := checks.Load(), int64(rounds*(3+2+3)); got != want {
		t.Errorf("got %d sentence checks, want %d", got, want)
	}
}

// TestStopDraftingAnswersExtractively holds a draft until StopDrafting is
// called: the answer then comes at once, extractively.
func TestStopDraftingAnswersExtractively(t *testing.T) {
	started := make(chan struct{}, 2)
	d := drafterFunc(func(ctx context.Context, req bot.DraftRequest) (bot.Draft, error) {
		started <- struct{}{}
		<-ctx.Done()
		return bot.Draft{}, ctx.Err()
	})
	b := bot.New(newIndex(t), bot.Options{Drafter: d})
	replies := make(chan bot.Reply, 1)
	go func() { replies <- ask(t, b, "What has Congress pushed for?") }()
	<-started
	b.StopDrafting()
	r := <-replies
	if r.Kind != bot.KindAnswer || r.Mode != bot.ModeExtractive {
		t.Errorf("got %s in mode %s, want the extractive answer", r.Kind, r.Mode)
	}
	// Later questions are not drafted at all.
	if r := ask(t, b, "Is Iran a superpower?"); r.Mode != bot.ModeExtractive {
		t.Errorf("after StopDrafting: got mode %s, want extractive", r.Mode)
	}
	if n := len(started); n != 0 {
		t.Errorf("the drafter was asked %d more times after StopDrafting, want none", n)
	}
}

// drafterFunc is a Drafter made of a function.
type drafterFunc func(ctx context.Context, req bot.DraftRequest) (bot.Draft, error)

func (f drafterFunc) Draft(ctx context.Context, req bot.DraftRequest) (bot.Draft, error) {
	return f(ctx, req)
}
