// Package slack connects talksbot to Slack. It turns mentions, direct
// messages, the /talks slash command and button clicks into bot.Requests and
// bot.Feedback for the core, and renders each bot.Reply natively in Block Kit:
// the answer, every quote with its document and section, feedback buttons and,
// for slash commands, a "Share in channel" button.
//
// Two transports behave the same way. Socket Mode (Run with an app token)
// needs no public URL; HTTP mode serves POST /slack/events, /slack/commands and
// /slack/interactions through Handler and verifies every request's signature
// before it is parsed. Either way Run owns the workers that answer, so it must
// be running for the adapter to reply.
//
// Work is acknowledged to Slack only once a worker queue took it; what the
// adapter cannot take (queue full, not running, shutting down) is left for
// Slack to deliver again. An event is answered once per event_id through
// the core's delivery store, and released again when its answer could not
// be posted, so that Slack's next delivery is answered. A slash command or
// click is claimed in the same store before it is acknowledged, under its
// trigger_id ("slack:trigger:…", or, lacking one, the request's signature
// "slack:sig:…" or Socket Mode envelope "slack:envelope:…"): a delivery
// again, Slack's or a replay of a captured request, is acknowledged as the
// first was and not answered or recorded again. The feedback a click
// carries is written to the store before the click is acknowledged, and a
// click whose feedback could not be written is not acknowledged: nothing
// Slack was told is done is lost if the process dies. At shutdown the
// answers in flight get a grace period to finish.
//
// An answer an LLM drafts streams into a draft message in the thread (or
// DM), edited at most once a second and showing only the sentences the core
// has verified. The reply replaces the draft in that same message, blocks
// and all: a draft the core rejects gives way to the extractive answer.
//
// The adapter speaks to Slack through github.com/slack-go/slack; no slack-go
// type crosses into package bot.
package slack
