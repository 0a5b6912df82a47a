// Package slacktest provides a fake Slack for tests, in the way
// net/http/httptest provides test servers: a Server that the real slack-go
// client (and so the slack adapter, or a whole `talksbot serve`) is pointed
// at through its API URL. It is for tests only; it listens on 127.0.0.1 and
// never reaches the real Slack.
//
// The fake speaks Slack's protocols: Web API form and JSON posts
// (auth.test, chat.postMessage, chat.update, chat.delete, chat.postEphemeral,
// chat.startStream, chat.appendStream, chat.stopStream,
// assistant.threads.setSuggestedPrompts, setStatus and setTitle,
// views.publish, reactions.add and reactions.remove), apps.connections.open
// handing out a new ws:// URL to itself for each connection, the Socket
// Mode websocket (hello with the number of open connections, envelopes,
// acks by envelope_id, redelivery of an envelope, pings, disconnect) and
// response_url posts. Like Slack it holds several connections of one app at
// once: an envelope goes to a chosen connection, or envelopes are spread
// among them in turn, and one unacknowledged (or any) is redelivered to
// another connection with retry_attempt and retry_reason set. It builds the payloads Slack sends an
// app (events, assistant thread and App Home events, message shortcuts,
// clicks in a Home tab) and signs them for HTTP mode.
//
// Like Slack it checks tokens (an Authorization bearer, else the token
// field), refuses messages that break Block Kit's limits (invalid_blocks,
// no_text), takes five posts per response_url, and refuses a stream outside
// a thread or in a channel without its recipient ids, appends and stops of
// a stream it does not hold or that has stopped, more than four suggested
// prompts and Home views over a hundred blocks. Every call is recorded for
// assertions; every posted or streamed message is kept as its appends,
// stop and updates leave it, what was set on each assistant thread and
// every Home view published are kept too. Failures, 429s with Retry-After
// and a workspace that refuses streams can be scripted.
package slacktest
