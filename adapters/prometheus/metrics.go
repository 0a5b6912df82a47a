package prometheus

import (
	"context"
	"net/http"
	"sync/atomic"

	promclient "github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/talksbot/talksbot/bot"
)

// Namespace prefixes every talksbot metric name.
const Namespace = "talksbot"

// Question outcomes, the values of questions_total's outcome label.
const (
	OutcomeAnswered    = "answered"
	OutcomeDeclined    = "declined"
	OutcomeError       = "error"
	OutcomeRateLimited = "rate_limited"
)

// LLM call outcomes, the values of llm_calls_total's outcome label.
const (
	LLMOK       = "ok"       // a draft came back
	LLMError    = "error"    // the call failed
	LLMFallback = "fallback" // an answer fell back to extractive wording
)

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
	feedback      *promclient.CounterVec
	reconnects    *promclient.CounterVec
	// drafting is set once a Drafter is wrapped: from then on an answer in
	// extractive mode means the draft was not used.
	drafting atomic.Bool
}

// New returns Metrics registered in a new registry together with the Go
// runtime and process collectors.
func New() *Metrics {
	m := &Metrics{
		reg: promclient.NewRegistry(),
		questions: promclient.NewCounterVec(promclient.CounterOpts{
			Namespace: Namespace,
			Name:      "questions_total",
			Help:      "Questions by platform and outcome (answered, declined, error, rate_limited).",
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
			Help:      "LLM draft calls by outcome (ok, error), and answers that fell back to extractive wording (fallback).",
		}, []string{"outcome"}),
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
		m.questions, m.answerSeconds, m.llmCalls, m.feedback, m.reconnects,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	// Series that exist from the start read as zero rather than missing,
	// so rates and alerts work before the first event.
	for _, p := range []bot.Platform{bot.Slack, bot.Discord, bot.HTTP} {
		for _, o := range []string{OutcomeAnswered, OutcomeDeclined, OutcomeError, OutcomeRateLimited} {
			m.questions.WithLabelValues(string(p), o)
		}
	}
	for _, o := range []string{LLMOK, LLMError, LLMFallback} {
		m.llmCalls.WithLabelValues(o)
	}
	m.feedback.WithLabelValues("true")
	m.feedback.WithLabelValues("false")
	return m
}

// Registry returns the registry, for collectors other packages add (such as
// the database's connection statistics).
func (m *Metrics) Registry() *promclient.Registry { return m.reg }

// Handler serves the metrics in the Prometheus exposition format, for
// GET /metrics.
func (m *Metrics) Handler() http.Handler {
	return promhttp.InstrumentMetricHandler(m.reg,
		promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg}))
}

// Question counts a question that never reaches the question log, such as
// one refused by a rate limit (OutcomeRateLimited) or one that failed
// (OutcomeError). Answered and declined questions are counted by Store.
func (m *Metrics) Question(platform bot.Platform, outcome string) {
	m.questions.WithLabelValues(string(platform), outcome).Inc()
}

// LLMCall counts one LLM call with its outcome: LLMOK, LLMError or
// LLMFallback. Drafter counts its calls itself.
func (m *Metrics) LLMCall(outcome string) {
	m.llmCalls.WithLabelValues(outcome).Inc()
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
		if e.Mode == bot.ModeExtractive && s.m.drafting.Load() {
			s.m.LLMCall(LLMFallback)
		}
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

// FirstDelivery delegates to the wrapped store.
func (s *Store) FirstDelivery(ctx context.Context, eventID string) (bool, error) {
	return s.next.FirstDelivery(ctx, eventID)
}

// Drafter returns a bot.Drafter that counts its calls to next by outcome.
// Once a Drafter is in use, Store also counts answers that fell back to
// extractive wording (the draft failed or did not check out) as
// LLMFallback.
func (m *Metrics) Drafter(next bot.Drafter) *Drafter {
	m.drafting.Store(true)
	return &Drafter{next: next, m: m}
}

// Drafter is a bot.Drafter that counts calls to the one it wraps.
type Drafter struct {
	next bot.Drafter
	m    *Metrics
}

var _ bot.Drafter = (*Drafter)(nil)

// Draft calls the wrapped Drafter and counts the outcome.
func (d *Drafter) Draft(ctx context.Context, req bot.DraftRequest) (bot.Draft, error) {
	dr, err := d.next.Draft(ctx, req)
	if err != nil {
		d.m.LLMCall(LLMError)
	} else {
		d.m.LLMCall(LLMOK)
	}
	return dr, err
}
