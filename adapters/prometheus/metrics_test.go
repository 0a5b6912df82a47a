package prometheus_test

import (
	"bufio"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/httpapi"
	"github.com/talksbot/talksbot/adapters/prometheus"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/storetest"
	"github.com/talksbot/talksbot/knowledge"
)

// The HTTP API counts its refusals through Metrics, with the bot's problems
// as the outcome labels.
var _ httpapi.Counter = (*prometheus.Metrics)(nil)

// recordingStore is a bot.Store that remembers the journal it was given
// and keeps the rest in memory.
type recordingStore struct {
	*bot.MemoryStore
	questions []bot.LogEntry
	feedback  []bot.Feedback
	err       error
}

func newRecordingStore() *recordingStore {
	return &recordingStore{MemoryStore: bot.NewMemoryStore()}
}

func (s *recordingStore) SaveFeedback(_ context.Context, f bot.Feedback) error {
	s.feedback = append(s.feedback, f)
	return s.err
}

func (s *recordingStore) LogQuestion(_ context.Context, e bot.LogEntry) error {
	s.questions = append(s.questions, e)
	return s.err
}

// fakeDrafter returns err, or a draft with text when err is nil; panics
// when text is "panic".
type fakeDrafter struct {
	text string
	err  error
}

func (d fakeDrafter) Draft(context.Context, bot.DraftRequest) (bot.Draft, error) {
	if d.err != nil {
		return bot.Draft{}, d.err
	}
	if d.text == "panic" {
		panic("drafter exploded")
	}
	return bot.Draft{Text: d.text, Model: "test-model"}, nil
}

// scrape fetches the metrics through the handler and returns each sample by
// its series ("name{labels}"), as the exposition format prints it.
func scrape(t *testing.T, m *prometheus.Metrics) map[string]float64 {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /metrics: status %d, want 200", rec.Code)
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("Content-Type = %q, want text/plain", ct)
	}
	samples := map[string]float64{}
	sc := bufio.NewScanner(rec.Body)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("bad sample line %q: %v", line, err)
		}
		samples[line[:i]] = v
	}
	return samples
}

func wantSamples(t *testing.T, got map[string]float64, want map[string]float64) {
	t.Helper()
	for series, w := range want {
		g, ok := got[series]
		if !ok {
			t.Errorf("%s: missing from the scrape", series)
			continue
		}
		if g != w {
			t.Errorf("%s = %v, want %v", series, g, w)
		}
	}
}

func TestStoreCountsQuestions(t *testing.T) {
	ctx := t.Context()
	m := prometheus.New()
	next := newRecordingStore()
	s := m.Store(next)
	entries := []bot.LogEntry{
		{ReplyID: "a", Platform: bot.Slack, Answered: true, Mode: bot.ModeExtractive, Latency: 2 * time.Millisecond},
		{ReplyID: "b", Platform: bot.Slack, Answered: true, Mode: bot.ModeLLM, Latency: 3 * time.Second},
		{ReplyID: "c", Platform: bot.Slack, Answered: false, Mode: bot.ModeExtractive, Latency: time.Millisecond},
		{ReplyID: "d", Platform: bot.Discord, Answered: false, Latency: time.Millisecond},
	}
	for _, e := range entries {
		if err := s.LogQuestion(ctx, e); err != nil {
			t.Fatalf("LogQuestion: %v", err)
		}
	}
	if len(next.questions) != len(entries) {
		t.Fatalf("wrapped store got %d questions, want %d", len(next.questions), len(entries))
	}
	wantSamples(t, scrape(t, m), map[string]float64{
		`talksbot_questions_total{outcome="answered",platform="slack"}`:   2,
		`talksbot_questions_total{outcome="declined",platform="slack"}`:   1,
		`talksbot_questions_total{outcome="declined",platform="discord"}`: 1,
		`talksbot_questions_total{outcome="answered",platform="discord"}`: 0,
		`talksbot_answer_seconds_count{platform="slack"}`:                 3,
		`talksbot_answer_seconds_bucket{platform="slack",le="0.0025"}`:    2,
		`talksbot_answer_seconds_bucket{platform="slack",le="5"}`:         3,
		`talksbot_answer_seconds_sum{platform="discord"}`:                 0.001,
		// The question log knows nothing of drafts: no fallbacks from it.
		`talksbot_llm_fallbacks_total{kind="answer",reason="unsupported"}`: 0,
	})
}

func TestStorePassesErrors(t *testing.T) {
	ctx := t.Context()
	m := prometheus.New()
	boom := errors.New("disk full")
	next := &recordingStore{MemoryStore: bot.NewMemoryStore(), err: boom}
	s := m.Store(next)

	if err := s.LogQuestion(ctx, bot.LogEntry{Platform: bot.HTTP, Answered: true}); !errors.Is(err, boom) {
		t.Errorf("LogQuestion error = %v, want %v", err, boom)
	}
	if err := s.SaveFeedback(ctx, bot.Feedback{ReplyID: "r", Helpful: true}); !errors.Is(err, boom) {
		t.Errorf("SaveFeedback error = %v, want %v", err, boom)
	}
	// Counting comes first: the question was answered even if logging failed.
	wantSamples(t, scrape(t, m), map[string]float64{
		`talksbot_questions_total{outcome="answered",platform="http"}`: 1,
		`talksbot_feedback_total{helpful="true"}`:                      1,
	})
}

// verdictStore gives the wrapped MemoryStore's feedback to the contract
// suite.
type verdictStore struct {
	*prometheus.Store
	mem *bot.MemoryStore
}

func (s verdictStore) Verdicts(_ context.Context, replyID string) ([]bot.Feedback, error) {
	var out []bot.Feedback
	for _, f := range s.mem.Feedbacks() {
		if f.ReplyID == replyID {
			out = append(out, f)
		}
	}
	return out, nil
}

// TestStoreContract checks that the wrapper passes every method through:
// wrapped around a MemoryStore, it keeps the whole Store contract.
func TestStoreContract(t *testing.T) {
	storetest.Run(t, func(*testing.T) bot.Store {
		mem := bot.NewMemoryStore()
		return verdictStore{Store: prometheus.New().Store(mem), mem: mem}
	})
}

func TestStoreCountsFeedback(t *testing.T) {
	ctx := t.Context()
	m := prometheus.New()
	next := newRecordingStore()
	s := m.Store(next)
	for _, helpful := range []bool{true, true, false} {
		if err := s.SaveFeedback(ctx, bot.Feedback{ReplyID: "r", User: "u", Helpful: helpful}); err != nil {
			t.Fatal(err)
		}
	}
	if len(next.feedback) != 3 {
		t.Errorf("wrapped store got %d verdicts, want 3", len(next.feedback))
	}
	wantSamples(t, scrape(t, m), map[string]float64{
		`talksbot_feedback_total{helpful="true"}`:  2,
		`talksbot_feedback_total{helpful="false"}`: 1,
	})
}

func TestDrafterCountsCalls(t *testing.T) {
	passages := []bot.Citation{{ID: "d#1", Text: "Congress pushed for hard-hitting sanctions."}}
	answer := bot.DraftRequest{Question: "q", Passages: passages}
	tests := []struct {
		name    string
		drafter fakeDrafter
		want    map[string]float64
	}{
		{"a draft came back", fakeDrafter{text: "Congress wanted sanctions [1]."}, map[string]float64{
			`talksbot_llm_calls_total{outcome="ok"}`:    1,
			`talksbot_llm_calls_total{outcome="error"}`: 0,
		}},
		{"failed call", fakeDrafter{err: errors.New("timeout")}, map[string]float64{
			`talksbot_llm_calls_total{outcome="ok"}`:    0,
			`talksbot_llm_calls_total{outcome="error"}`: 1,
		}},
		// The wrapper does not judge drafts: one the bot would refuse is a
		// call that went well, and no fallback until the bot says so.
		{"a draft the bot would refuse", fakeDrafter{text: `Congress said "we will bomb them all" [7].`}, map[string]float64{
			`talksbot_llm_calls_total{outcome="ok"}`:                            1,
			`talksbot_llm_fallbacks_total{kind="answer",reason="quote"}`:        0,
			`talksbot_llm_fallbacks_total{kind="answer",reason="bad_citation"}`: 0,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := prometheus.New()
			d, err := m.Drafter(tt.drafter).Draft(t.Context(), answer)
			if err != tt.drafter.err || d.Text != tt.drafter.text {
				t.Errorf("Draft = %+v, %v; want the wrapped draft and error", d, err)
			}
			wantSamples(t, scrape(t, m), tt.want)
		})
	}
}

func TestDrafterPanicIsCountedAndPassedOn(t *testing.T) {
	m := prometheus.New()
	d := m.Drafter(fakeDrafter{text: "panic"})
	func() {
		defer func() {
			if p := recover(); p != "drafter exploded" {
				t.Errorf("recovered %v, want the drafter's panic", p)
			}
		}()
		d.Draft(t.Context(), bot.DraftRequest{Question: "q"})
	}()
	wantSamples(t, scrape(t, m), map[string]float64{
		`talksbot_llm_calls_total{outcome="error"}`: 1,
	})
}

func TestObserveDraftCountsFallbacksByReason(t *testing.T) {
	m := prometheus.New()
	for _, o := range []bot.DraftOutcome{
		{Kind: bot.KindAnswer, Used: true},
		{Kind: bot.KindAnswer, Reason: bot.ReasonContradiction, Sentence: 2},
		{Kind: bot.KindAnswer, Reason: bot.ReasonContradiction, Sentence: 1},
		{Kind: bot.KindAnswer, Reason: bot.ReasonDrafterFailed},
		{Kind: bot.KindSummary, Reason: bot.ReasonName, Sentence: 3},
		{Kind: bot.KindSummary, Reason: "made_up"},
	} {
		m.ObserveDraft(o)
	}
	wantSamples(t, scrape(t, m), map[string]float64{
		`talksbot_llm_fallbacks_total{kind="answer",reason="contradiction"}`:  2,
		`talksbot_llm_fallbacks_total{kind="answer",reason="drafter_failed"}`: 1,
		`talksbot_llm_fallbacks_total{kind="answer",reason="unsupported"}`:    0,
		`talksbot_llm_fallbacks_total{kind="summary",reason="name"}`:          1,
		`talksbot_llm_fallbacks_total{kind="summary",reason="other"}`:         1,
		`talksbot_llm_fallbacks_total{kind="summary",reason="contradiction"}`: 0,
	})
}

func TestDraftOutcomesThroughTheBot(t *testing.T) {
	// The bot reaches its verdict once and tells Metrics; wrapping a
	// Drafter changes nothing about how the question log is counted.
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		draft  fakeDrafter
		mode   string
		series string // the fallback counted, "" for none
	}{
		{"used", fakeDrafter{text: "Congress has pushed for more hard-hitting sanctions [1]."}, bot.ModeLLM, ""},
		{"no citation", fakeDrafter{text: "No citation here."}, bot.ModeExtractive,
			`talksbot_llm_fallbacks_total{kind="answer",reason="no_citation"}`},
		{"contradiction", fakeDrafter{text: "Congress has not pushed for more hard-hitting sanctions [1]."}, bot.ModeExtractive,
			`talksbot_llm_fallbacks_total{kind="answer",reason="contradiction"}`},
		{"failed call", fakeDrafter{err: errors.New("timeout")}, bot.ModeExtractive,
			`talksbot_llm_fallbacks_total{kind="answer",reason="drafter_failed"}`},
		{"panic", fakeDrafter{text: "panic"}, bot.ModeExtractive,
			`talksbot_llm_fallbacks_total{kind="answer",reason="drafter_failed"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := prometheus.New()
			b := bot.New(ix, bot.Options{
				Drafter:       m.Drafter(tt.draft),
				DraftObserver: m,
				Store:         m.Store(bot.NewMemoryStore()),
			})
			reply := b.Handle(t.Context(), bot.Request{Platform: bot.Slack, User: "U1", Text: "What has Congress pushed for?"})
			if reply.Kind != bot.KindAnswer || reply.Mode != tt.mode {
				t.Fatalf("reply %s in mode %q (%q), want an answer in mode %q", reply.Kind, reply.Mode, reply.Text, tt.mode)
			}
			got := scrape(t, m)
			var fallbacks float64
			for series, v := range got {
				if strings.HasPrefix(series, "talksbot_llm_fallbacks_total{") {
					fallbacks += v
				}
			}
			want := map[string]float64{`talksbot_questions_total{outcome="answered",platform="slack"}`: 1}
			wantFallbacks := 0.0
			if tt.series != "" {
				want[tt.series], wantFallbacks = 1, 1
			}
			wantSamples(t, got, want)
			if fallbacks != wantFallbacks {
				t.Errorf("got %v fallbacks in all, want %v", fallbacks, wantFallbacks)
			}
		})
	}
}

func TestAdapterEvents(t *testing.T) {
	m := prometheus.New()
	m.Reconnected("slack")
	m.Reconnected("slack")
	m.Reconnected("discord")
	m.Refused(bot.Discord, bot.ProblemRateLimited)
	m.Refused(bot.HTTP, bot.ProblemBusy)
	m.Refused(bot.HTTP, bot.ProblemBusy)
	m.Refused(bot.HTTP, "")
	m.Refused(bot.HTTP, "made_up")
	wantSamples(t, scrape(t, m), map[string]float64{
		`talksbot_adapter_reconnects_total{adapter="slack"}`:                  2,
		`talksbot_adapter_reconnects_total{adapter="discord"}`:                1,
		`talksbot_questions_total{outcome="rate_limited",platform="discord"}`: 1,
		`talksbot_questions_total{outcome="busy",platform="http"}`:            2,
		`talksbot_questions_total{outcome="error",platform="http"}`:           2,
		`talksbot_questions_total{outcome="busy",platform="slack"}`:           0,
	})
}

func TestCountDroppedQuestions(t *testing.T) {
	m := prometheus.New()
	var dropped atomic.Uint64
	if err := m.CountDroppedQuestions(dropped.Load); err != nil {
		t.Fatal(err)
	}
	dropped.Store(7)
	wantSamples(t, scrape(t, m), map[string]float64{"talksbot_question_log_dropped_total": 7})
	if err := m.CountDroppedQuestions(dropped.Load); err == nil {
		t.Error("second CountDroppedQuestions: got no error, want one")
	}
}

func TestFreshScrape(t *testing.T) {
	got := scrape(t, prometheus.New())
	for _, series := range []string{
		`talksbot_questions_total{outcome="answered",platform="slack"}`,
		`talksbot_questions_total{outcome="rate_limited",platform="http"}`,
		`talksbot_questions_total{outcome="bad_input",platform="discord"}`,
		`talksbot_questions_total{outcome="internal",platform="slack"}`,
		`talksbot_llm_calls_total{outcome="error"}`,
		`talksbot_llm_fallbacks_total{kind="summary",reason="unsupported"}`,
		`talksbot_feedback_total{helpful="false"}`,
		"go_goroutines",
	} {
		if _, ok := got[series]; !ok {
			t.Errorf("%s: missing from a fresh scrape", series)
		}
	}
}

func TestRegistriesAreSeparate(t *testing.T) {
	a, b := prometheus.New(), prometheus.New()
	a.Reconnected("slack")
	if _, ok := scrape(t, b)[`talksbot_adapter_reconnects_total{adapter="slack"}`]; ok {
		t.Error("a reconnect counted in one Metrics shows in another")
	}
}
