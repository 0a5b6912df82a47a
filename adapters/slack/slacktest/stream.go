package slacktest

import (
	"net/http"
	"strings"
	"unicode/utf8"
)

// RefuseStreams makes every chat.startStream from now on answer ok:false
// with code, as Slack does for a workspace or app that may not stream;
// "" takes streams again.
func (s *Server) RefuseStreams(code string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuse = code
}

// serveStream answers chat.startStream, chat.appendStream and
// chat.stopStream, keeping the streamed message among Messages. It refuses
// what Slack refuses: a stream outside a thread (invalid_arguments), one in
// a channel without recipient_user_id and recipient_team_id (a direct
// message, channel "D…", needs none), markdown_text over MaxMarkdownText
// (msg_too_long), an append without text (no_text), an append or stop of a
// message it does not hold (message_not_found) or of a stream stopped
// already (message_not_in_streaming_state), and a stop whose blocks break
// Block Kit's limits (invalid_blocks).
func (s *Server) serveStream(w http.ResponseWriter, c Call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	channel, markdown := c.Form.Get("channel"), c.Form.Get("markdown_text")
	if utf8.RuneCountInString(markdown) > MaxMarkdownText {
		writeJSON(w, map[string]any{"ok": false, "error": "msg_too_long"})
		return
	}
	if c.Method == "chat.startStream" {
		code, m := s.startLocked(c)
		if code != "" {
			writeJSON(w, map[string]any{"ok": false, "error": code})
			return
		}
		writeJSON(w, map[string]any{"ok": true, "channel": channel, "ts": m.TS})
		return
	}
	m := s.messageLocked(channel, c.Form.Get("ts"))
	var code string
	switch {
	case m == nil:
		code = "message_not_found"
	case !m.Streaming:
		code = "message_not_in_streaming_state"
	case c.Method == "chat.appendStream" && markdown == "":
		code = "no_text"
	case c.Method == "chat.stopStream" && !validBlocks(c.Blocks, MaxBlocks):
		code = "invalid_blocks"
	}
	if code != "" {
		writeJSON(w, map[string]any{"ok": false, "error": code})
		return
	}
	m.Markdown += markdown
	if c.Method == "chat.stopStream" {
		m.Streaming, m.Blocks = false, c.Blocks
	}
	s.notify()
	writeJSON(w, map[string]any{"ok": true, "channel": channel, "ts": m.TS})
}

// startLocked starts the stream c asks for, or returns the error code
// Slack refuses it with; s.mu must be held.
func (s *Server) startLocked(c Call) (string, *Message) {
	channel := c.Form.Get("channel")
	user, team := c.Form.Get("recipient_user_id"), c.Form.Get("recipient_team_id")
	dm := strings.HasPrefix(channel, "D")
	switch {
	case s.refuse != "":
		return s.refuse, nil
	case channel == "":
		return "channel_not_found", nil
	case c.Form.Get("thread_ts") == "":
		// Slack streams replies only, never a message of its own.
		return "invalid_arguments", nil
	case !dm && user == "":
		return "missing_recipient_user_id", nil
	case !dm && team == "":
		return "missing_recipient_team_id", nil
	}
	m := Message{Channel: channel, TS: s.nextTSLocked(), Thread: c.Form.Get("thread_ts"),
		Markdown: c.Form.Get("markdown_text"), Streaming: true}
	if user != "" || team != "" {
		m.Recipient = user + "/" + team
	}
	s.messages = append(s.messages, m)
	s.notify()
	return "", &s.messages[len(s.messages)-1]
}
