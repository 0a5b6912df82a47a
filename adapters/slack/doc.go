// Package slack connects talksbot to Slack. It turns mentions, direct
// messages, the /talks slash command, button clicks and the message
// shortcut into bot.Requests and bot.Feedback for the core, and renders each
// bot.Reply natively in Block Kit: the answer, every quote with its document
// and section, feedback buttons and, for private answers, a "Share in
// channel" button.
//
// Two transports behave the same way. Socket Mode (Run with an app token)
// needs no public URL; HTTP mode serves POST /slack/events, /slack/commands and
// /slack/interactions through Handler and verifies every request's signature
// before it is parsed. Either way Run owns the workers that answer, so it must
// be running for the adapter to reply.
//
// Slack's AI app surfaces are served too. In the assistant view (a thread
// of the direct message with the app) the bot greets each new thread with
// suggested prompts, shows a status while it answers and titles the thread
// from its first question. The Home tab shows the knowledge base, each
// theme's summary behind a button, and how to ask; KnowledgeChanged has it
// published again after a reload. The message shortcut ShortcutAsk asks
// about the selected message, privately, with Share.
//
// Work is acknowledged to Slack only once a worker queue took it; what the
// adapter cannot take (queue full, not running, shutting down) is left for
// Slack to deliver again. An event is claimed once per event_id through
// the core's delivery store, marked answered once its answer is posted, and
// released again when it could not be, so that Slack's next delivery is
// answered. A slash command or click is claimed in the same store before it
// is acknowledged, under its trigger_id ("slack:trigger:…", or, lacking one,
// the request's signature "slack:sig:…" or Socket Mode envelope
// "slack:envelope:…"), and marked answered as it is acknowledged: a
// delivery again, Slack's or a replay of a captured request, is
// acknowledged as the first was and not answered or recorded again. The
// feedback a click carries is written to the store before the click is
// acknowledged, and a click whose feedback could not be written is not
// acknowledged: nothing Slack was told is done is lost if the process dies.
// The threads the bot follows and the answers behind Share buttons are kept
// by the core's store too, so they survive a restart and are shared by
// replicas. At shutdown the answers in flight get a grace period to finish.
//
// An answer an LLM drafts is shown while it is written, and only the
// sentences the core has verified: streamed into the thread (chat.startStream
// and its appends, within the workspace's stream budget) and finished with
// the citations and feedback buttons, or, where Slack does not stream, as a
// draft message edited at most once a second. The reply takes the draft's
// place in that same message: a draft the core rejects gives way to the
// extractive answer.
//
// The adapter speaks to Slack through github.com/slack-go/slack; no slack-go
// type crosses into package bot.
package slack
