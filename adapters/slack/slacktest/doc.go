// Package slackfake is a local stand-in for Slack that tests drive the real
// slack-go client against. It listens on 127.0.0.1 and speaks Slack's
// protocols: Web API form posts (auth.test, chat.postMessage, chat.update,
// chat.postEphemeral, reactions.add and reactions.remove), apps.connections.open
// handing out a ws:// URL to itself, the Socket Mode websocket (hello,
// envelopes, acks by envelope_id, pings, disconnect) and response_url posts.
// Like Slack it checks tokens (an Authorization bearer, else the token
// field), refuses messages that break Block Kit's limits (invalid_blocks,
// no_text) and takes five posts per response_url. Every call is recorded
// for assertions; failures and 429s can be scripted.
package slackfake
