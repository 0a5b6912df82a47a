package prometheus_test

import (
	"bufio"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/prometheus"
	"github.com/talksbot/talksbot/bot"
)

// recordingStore is a bot.Store that remembers what it was given.
type recordingStore struct {
	questions []bot.LogEntry
	feedback  []bot.Feedback
	events    []string
	err       error
}

func (s *recordingStore) SaveFeedback(_ context.Context, f bot.Feedback) error {
	s.feedback = append(s.feedback, f)
	return s.err
}

func (s *recordingStore) LogQuestion(_ context.Context, e bot.LogEntry) error {
	s.questions = append(s.questions, e)
	return s.err
}

func (s *recordingStore) FirstDelivery(_ context.Context, id string) (bool, error) {
	s.events = append(s.events, id)
	return len(s.events) == 1, s.err
}

// fakeDrafter returns err, or a draft when err is nil.
type fakeDrafter struct{ err error }

func (d fakeDrafter) Draft(context.Context, bot.DraftRequest) (bot.Draft, error) {
	if d.err != nil {
		return bot.Draft{}, d.err
	}
	return bot.Draft{Text: "drafted [1]", Model: "test-model"}, nil
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
	next := &recordingStore{}
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
		// No Drafter was wrapped: extractive answers are not fallbacks.
		`talksbot_llm_calls_total{outcome="fallback"}`: 0,
	})
}

func TestStorePassesErrorsAndDeliveries(t *testing.T) {
	ctx := t.Context()
	m := prometheus.New()
	boom := errors.New("disk full")
	next := &recordingStore{err: boom}
	s := m.Store(next)

	if err := s.LogQuestion(ctx, bot.LogEntry{Platform: bot.HTTP, Answered: true}); !errors.Is(err, boom) {
		t.Errorf("LogQuestion error = %v, want %v", err, boom)
	}
	if err := s.SaveFeedback(ctx, bot.Feedback{ReplyID: "r", Helpful: true}); !errors.Is(err, boom) {
		t.Errorf("SaveFeedback error = %v, want %v", err, boom)
	}
	next.err = nil
	for i, want := range []bool{true, false} {
		got, err := s.FirstDelivery(ctx, "evt")
		if err != nil || got != want {
			t.Errorf("FirstDelivery #%d = %v, %v; want %v, nil", i+1, got, err, want)
		}
	}
	// Counting comes first: the question was answered even if logging failed.
	wantSamples(t, scrape(t, m), map[string]float64{
		`talksbot_questions_total{outcome="answered",platform="http"}`: 1,
		`talksbot_feedback_total{helpful="true"}`:                      1,
	})
}

func TestStoreCountsFeedback(t *testing.T) {
	ctx := t.Context()
	m := prometheus.New()
	next := &recordingStore{}
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

func TestDrafterAndFallback(t *testing.T) {
	ctx := t.Context()
	m := prometheus.New()
	ok := m.Drafter(fakeDrafter{})
	failing := m.Drafter(fakeDrafter{err: errors.New("timeout")})

	d, err := ok.Draft(ctx, bot.DraftRequest{Question: "q"})
	if err != nil || d.Model != "test-model" {
		t.Fatalf("Draft = %+v, %v; want the wrapped draft", d, err)
	}
	if _, err := failing.Draft(ctx, bot.DraftRequest{Question: "q"}); err == nil {
		t.Fatal("failing Draft: got no error, want the wrapped one")
	}
	s := m.Store(&recordingStore{})
	for _, e := range []bot.LogEntry{
		{Platform: bot.Slack, Answered: true, Mode: bot.ModeLLM},
		{Platform: bot.Slack, Answered: true, Mode: bot.ModeExtractive},  // the draft was not used
		{Platform: bot.Slack, Answered: false, Mode: bot.ModeExtractive}, // declines are never drafted
	} {
		if err := s.LogQuestion(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	m.LLMCall(prometheus.LLMError)
	wantSamples(t, scrape(t, m), map[string]float64{
		`talksbot_llm_calls_total{outcome="ok"}`:       1,
		`talksbot_llm_calls_total{outcome="error"}`:    2,
		`talksbot_llm_calls_total{outcome="fallback"}`: 1,
	})
}

func TestAdapterEvents(t *testing.T) {
	m := prometheus.New()
	m.Reconnected("slack")
	m.Reconnected("slack")
	m.Reconnected("discord")
	m.Question(bot.Discord, prometheus.OutcomeRateLimited)
	m.Question(bot.HTTP, prometheus.OutcomeError)
	wantSamples(t, scrape(t, m), map[string]float64{
		`talksbot_adapter_reconnects_total{adapter="slack"}`:                  2,
		`talksbot_adapter_reconnects_total{adapter="discord"}`:                1,
		`talksbot_questions_total{outcome="rate_limited",platform="discord"}`: 1,
		`talksbot_questions_total{outcome="error",platform="http"}`:           1,
		`talksbot_questions_total{outcome="error",platform="slack"}`:          0,
	})
}

func TestFreshScrape(t *testing.T) {
	got := scrape(t, prometheus.New())
	for _, series := range []string{
		`talksbot_questions_total{outcome="answered",platform="slack"}`,
		`talksbot_questions_total{outcome="rate_limited",platform="http"}`,
		`talksbot_llm_calls_total{outcome="fallback"}`,
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
	if a.Registry() == b.Registry() {
		t.Error("two Metrics share a registry")
	}
}
