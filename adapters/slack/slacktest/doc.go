// Package slacktest provides a fake Slack for tests, in the way
// net/http/httptest provides test servers: a Server that the real slack-go
// client (and so the slack adapter, or a whole `talksbot serve`) is pointed
// at through its API URL. It is for tests only; it listens on 127.0.0.1 and
// never reaches the real Slack.
//
// The fake speaks Slack's protocols: Web API form posts (auth.test,
// chat.postMessage, chat.update, chat.postEphemeral, reactions.add and
// reactions.remove), apps.connections.open handing out a ws:// URL to
// itself, the Socket Mode websocket (hello, envelopes, acks by envelope_id,
// redelivery of an envelope, pings, disconnect) and response_url posts.
// Like Slack it checks tokens (an Authorization bearer, else the token
// field), refuses messages that break Block Kit's limits (invalid_blocks,
// no_text) and takes five posts per response_url. Every call is recorded
// for assertions, and every posted message is kept as its updates leave it
// (an update of a message it does not hold fails with message_not_found);
// failures and 429s can be scripted.
package slacktest
