package prometheus

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"time"

	promclient "github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/talksbot/talksbot/bot"
)

// Namespace prefixes every talksbot metric name.
const Namespace = "talksbot"

// Question outcomes, the values of questions_total's outcome label. A
// question the bot refused is counted under its bot.Problem's value
// ("bad_input", "rate_limited", "busy", "unavailable", "internal"), or
// OutcomeError when the refusal names no problem.
const (
	OutcomeAnswered = "answered"
	OutcomeDeclined = "declined"
	OutcomeError    = "error"
)

// LLM call outcomes, the values of llm_calls_total's outcome label.
const (
	LLMOK    = "ok"    // a draft came back
	LLMError = "error" // the call failed (or panicked)
)

// Fallback kinds, the values of llm_fallbacks_total's kind label: what
// fell back to extractive wording because the draft failed or did not pass
// the bot's check. Its reason label is the bot.Reason the bot gave, or
// ReasonOther for one this package does not know.
const (
	FallbackAnswer  = "answer"
	FallbackSummary = "summary"
	ReasonOther     = "other"
)

// problems are the refusals counted under their own outcome, from the start
// so that their series read as zero rather than missing.
var problems = []bot.Problem{
	bot.ProblemBadInput, bot.ProblemRateLimited, bot.ProblemBusy, bot.ProblemUnavailable, bot.ProblemInternal,
}

// answerBuckets span extractive answers (well under a millisecond in
// process) to slow LLM drafts (tens of seconds), in seconds.
var answerBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

// Metrics holds talksbot's metrics in a registry of its own. It is safe for
// concurrent use.
type Metrics struct {
	reg           *promclient.Registry
	questions     *promclient.CounterVec
	answerSeconds *promclient.HistogramVec
	llmCalls      *promclient.CounterVec
	fallbacks     *promclient.CounterVec
	feedback      *promclient.CounterVec
	reconnects    *promclient.CounterVec
}

// New returns Metrics registered in a new registry together with the Go
// runtime and process collectors.
func New() *Metrics {
	m := &Metrics{
		reg: promclient.NewRegistry(),
		questions: promclient.NewCounterVec(promclient.CounterOpts{
			Namespace: Namespace,
			Name:      "questions_total",
			Help:      "Questions by platform and outcome: answered, declined, or the problem that refused them (bad_input, rate_limited, busy, unavailable, internal).",
		}, []string{"platform", "outcome"}),
		answerSeconds: promclient.NewHistogramVec(promclient.HistogramOpts{
			Namespace: Namespace,
			Name:      "answer_seconds",
			Help:      "Time to answer or decline a question, by platform.",
			Buckets:   answerBuckets,
		}, []string{"platform"}),
		llmCalls: promclient.NewCounterVec(promclient.CounterOpts{
			Namespace: Namespace,
			Name:      "llm_calls_total",
			Help:      "LLM draft calls by outcome (ok, error).",
		}, []string{"outcome"}),
		fallbacks: promclient.NewCounterVec(promclient.CounterOpts{
			Namespace: Namespace,
			Name:      "llm_fallbacks_total",
			Help:      "Answers and summaries given in extractive wording because the LLM draft failed or did not pass the bot's check, by kind (answer, summary) and reason (drafter_failed, no_citation, bad_citation, uncited, quote, link, number, name, contradiction, unsupported).",
		}, []string{"kind", "reason"}),
		feedback: promclient.NewCounterVec(promclient.CounterOpts{
			Namespace: Namespace,
			Name:      "feedback_total",
			Help:      "Feedback on replies, by whether the user found the reply helpful.",
		}, []string{"helpful"}),
		reconnects: promclient.NewCounterVec(promclient.CounterOpts{
			Namespace: Namespace,
			Name:      "adapter_reconnects_total",
			Help:      "Reconnections of platform connections (Slack Socket Mode, Discord gateway), by adapter.",
		}, []string{"adapter"}),
	}
	m.reg.MustRegister(
		m.questions, m.answerSeconds, m.llmCalls, m.fallbacks, m.feedback, m.reconnects,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	// Series that exist from the start read as zero rather than missing,
	// so rates and alerts work before the first event.
	for _, p := range []bot.Platform{bot.Slack, bot.Discord, bot.HTTP} {
		m.questions.WithLabelValues(string(p), OutcomeAnswered)
		m.questions.WithLabelValues(string(p), OutcomeDeclined)
		for _, pr := range problems {
			m.questions.WithLabelValues(string(p), string(pr))
		}
	}
	for _, o := range []string{LLMOK, LLMError} {
		m.llmCalls.WithLabelValues(o)
	}
	for _, k := range []string{FallbackAnswer, FallbackSummary} {
		for _, r := range bot.Reasons {
			m.fallbacks.WithLabelValues(k, string(r))
		}
	}
	m.feedback.WithLabelValues("true")
	m.feedback.WithLabelValues("false")
	return m
}

// Handler serves the metrics in the Prometheus exposition format, for
// GET /metrics.
func (m *Metrics) Handler() http.Handler {
	return promhttp.InstrumentMetricHandler(m.reg,
		promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg}))
}

// Refused counts a question the bot refused (a KindError reply), under
// its problem as the outcome. Answered and declined questions are counted by
// Store as they reach the question log. Adapters call it through their own
// one-method interface, such as httpapi.Counter.
func (m *Metrics) Refused(platform bot.Platform, problem bot.Problem) {
	outcome := string(problem)
	if !slices.Contains(problems, problem) {
		outcome = OutcomeError // keeps the label's values bounded
	}
	m.questions.WithLabelValues(string(platform), outcome).Inc()
}

// CountDroppedQuestions exports read, the state store's count of
// question-log entries lost (such as the sqlite Store's DroppedQuestions),
// as talksbot_question_log_dropped_total. It fails when called twice.
func (m *Metrics) CountDroppedQuestions(read func() uint64) error {
	err := m.reg.Register(promclient.NewCounterFunc(promclient.CounterOpts{
		Namespace: Namespace,
		Name:      "question_log_dropped_total",
		Help:      "Question-log entries lost: dropped while the log's queue was full, or in a write that failed.",
	}, func() float64 { return float64(read()) }))
	if err != nil {
		return fmt.Errorf("count dropped questions: %w", err)
	}
	return nil
}

// GaugeStateSize exports read, the size of the state database in bytes, as
// talksbot_state_database_bytes. It fails when called twice.
func (m *Metrics) GaugeStateSize(read func() int64) error {
	err := m.reg.Register(promclient.NewGaugeFunc(promclient.GaugeOpts{
		Namespace: Namespace,
		Name:      "state_database_bytes",
		Help:      "Size of the state database on disk, its write-ahead log included.",
	}, func() float64 { return float64(read()) }))
	if err != nil {
		return fmt.Errorf("gauge state size: %w", err)
	}
	return nil
}

// Reconnected counts one reconnection of a platform connection; adapter
// names it ("slack", "discord").
func (m *Metrics) Reconnected(adapter string) {
	m.reconnects.WithLabelValues(adapter).Inc()
}

// Store returns a bot.Store that counts what passes through it and hands it
// on to next.
func (m *Metrics) Store(next bot.Store) *Store { return &Store{next: next, m: m} }

// Store is a bot.Store that counts logged questions (by platform and
// outcome, with their latency) and feedback, then delegates to the store it
// wraps. Counting comes first: a question was answered whether or not the
// log write succeeds.
type Store struct {
	next bot.Store
	m    *Metrics
}

var _ bot.Store = (*Store)(nil)

// LogQuestion counts the question and its latency, then logs it.
func (s *Store) LogQuestion(ctx context.Context, e bot.LogEntry) error {
	outcome := OutcomeDeclined
	if e.Answered {
		outcome = OutcomeAnswered
	}
	s.m.questions.WithLabelValues(string(e.Platform), outcome).Inc()
	s.m.answerSeconds.WithLabelValues(string(e.Platform)).Observe(e.Latency.Seconds())
	return s.next.LogQuestion(ctx, e)
}

// SaveFeedback counts the verdict, then saves it.
func (s *Store) SaveFeedback(ctx context.Context, f bot.Feedback) error {
	helpful := "false"
	if f.Helpful {
		helpful = "true"
	}
	s.m.feedback.WithLabelValues(helpful).Inc()
	return s.next.SaveFeedback(ctx, f)
}

// Claim delegates to the wrapped store.
func (s *Store) Claim(ctx context.Context, key string, now time.Time, lease time.Duration) (bool, error) {
	return s.next.Claim(ctx, key, now, lease)
}

// Complete delegates to the wrapped store.
func (s *Store) Complete(ctx context.Context, key string, now time.Time) error {
	return s.next.Complete(ctx, key, now)
}

// Release delegates to the wrapped store.
func (s *Store) Release(ctx context.Context, key string, claimed time.Time) error {
	return s.next.Release(ctx, key, claimed)
}

// SaveTurn delegates to the wrapped store.
func (s *Store) SaveTurn(ctx context.Context, key string, t bot.Turn, at time.Time) error {
	return s.next.SaveTurn(ctx, key, t, at)
}

// LastTurn delegates to the wrapped store.
func (s *Store) LastTurn(ctx context.Context, key string) (bot.Turn, time.Time, error) {
	return s.next.LastTurn(ctx, key)
}

// SaveShare delegates to the wrapped store.
func (s *Store) SaveShare(ctx context.Context, key string, payload []byte, at time.Time) error {
	return s.next.SaveShare(ctx, key, payload, at)
}

// LoadShare delegates to the wrapped store.
func (s *Store) LoadShare(ctx context.Context, key string) ([]byte, error) {
	return s.next.LoadShare(ctx, key)
}

// Take delegates to the wrapped store.
func (s *Store) Take(ctx context.Context, key string, perSecond float64, burst int, now time.Time) (bool, error) {
	return s.next.Take(ctx, key, perSecond, burst, now)
}

// ObserveDraft counts a draft the bot did not use as a fallback to
// extractive wording, by kind and by the reason the bot gave: the bot's
// verdict, reached once, never recomputed here. It implements
// bot.DraftObserver; give Metrics to the bot as Options.DraftObserver.
func (m *Metrics) ObserveDraft(o bot.DraftOutcome) {
	if o.Used {
		return
	}
	kind := FallbackAnswer
	if o.Kind == bot.KindSummary {
		kind = FallbackSummary
	}
	reason := string(o.Reason)
	if !slices.Contains(bot.Reasons, o.Reason) {
		reason = ReasonOther // keeps the label's values bounded
	}
	m.fallbacks.WithLabelValues(kind, reason).Inc()
}

var _ bot.DraftObserver = (*Metrics)(nil)

// Drafter returns a bot.Drafter that counts its calls to next by outcome
// (ok, error). The drafts the bot does not use are counted through
// ObserveDraft, from the bot's own verdict.
func (m *Metrics) Drafter(next bot.Drafter) *Drafter { return &Drafter{next: next, m: m} }

// Drafter is a bot.Drafter that counts calls to the one it wraps.
type Drafter struct {
	next bot.Drafter
	m    *Metrics
}

var _ bot.Drafter = (*Drafter)(nil)

// Draft calls the wrapped Drafter and counts the call: ok when a draft came
// back, whatever the bot then makes of it, error when it failed. A panic
// is counted as a failed call, then passed on for the bot to recover.
func (d *Drafter) Draft(ctx context.Context, req bot.DraftRequest) (dr bot.Draft, err error) {
	defer func() {
		if p := recover(); p != nil {
			d.m.llmCalls.WithLabelValues(LLMError).Inc()
			panic(p)
		}
	}()
	dr, err = d.next.Draft(ctx, req)
	outcome := LLMOK
	if err != nil {
		outcome = LLMError
	}
	d.m.llmCalls.WithLabelValues(outcome).Inc()
	return dr, err
}
