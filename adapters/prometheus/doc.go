// Package prometheus exposes talksbot's metrics for Prometheus at /metrics:
// questions by platform and outcome, an answer-latency histogram, LLM calls
// and fallbacks to extractive wording, feedback, and adapter reconnects.
//
// The bot core knows nothing of metrics. Metrics count what passes through
// the bot's own ports: Store wraps a bot.Store and counts each logged
// question and each verdict before handing it on, Drafter wraps a
// bot.Drafter and counts LLM calls, and Metrics is the bot's
// bot.DraftObserver, told once per draft whether the bot used it or fell
// back to extractive wording and why (a failed call, or the reason its
// check refused the draft); metrics never check a draft themselves.
// Adapters report what only they see through small exported methods, each
// handed to them behind a one-method interface of their own: Refused for
// questions the bot refused (httpapi.Counter), Reconnected for platform
// reconnections.
//
// A refused question's outcome label is its bot.Problem's value, and a
// fallback's reason label its bot.Reason's, so the label strings have one
// definition, in the bot.
//
// Every Metrics has its own registry, so tests and several bots in one
// process never share counters.
package prometheus
