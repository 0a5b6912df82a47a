package slacktest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// The payloads below are what Slack sends an app, built as Slack builds
// them: deliver one over Socket Mode with SendEvent or SendInteraction, or
// over HTTP inside EventCallback (JSON) or an interactions form
// ("payload=" the JSON), signed with Signature.

// EventCallback wraps an inner event as the Events API delivers it: the
// body of a POST to an app's events URL, and the payload of a Socket Mode
// events_api envelope.
func EventCallback(eventID string, event map[string]any) map[string]any {
	return map[string]any{
		"token": "verification", "team_id": TeamID, "api_app_id": "A0000001",
		"type": "event_callback", "event_id": eventID, "event_time": 1700000000, "event": event,
	}
}

// AssistantThreadStarted is the assistant_thread_started event Slack sends
// when user opens a new assistant thread: threadTS in the direct message
// channel between user and the app.
func AssistantThreadStarted(user, channel, threadTS string) map[string]any {
	return assistantThreadEvent("assistant_thread_started", user, channel, threadTS, "")
}

// AssistantThreadContextChanged is the assistant_thread_context_changed
// event Slack sends when user, with the assistant thread open, moves to
// another channel (contextChannel).
func AssistantThreadContextChanged(user, channel, threadTS, contextChannel string) map[string]any {
	return assistantThreadEvent("assistant_thread_context_changed", user, channel, threadTS, contextChannel)
}

func assistantThreadEvent(typ, user, channel, threadTS, contextChannel string) map[string]any {
	ctx := map[string]any{}
	if contextChannel != "" {
		ctx = map[string]any{"channel_id": contextChannel, "team_id": TeamID, "enterprise_id": ""}
	}
	return map[string]any{
		"type": typ,
		"assistant_thread": map[string]any{
			"user_id": user, "channel_id": channel, "thread_ts": threadTS, "context": ctx,
		},
		"event_ts": threadTS,
	}
}

// AppHomeOpened is the app_home_opened event Slack sends when user opens
// the app's tab ("home" or "messages").
func AppHomeOpened(user, tab string) map[string]any {
	return map[string]any{
		"type": "app_home_opened", "user": user, "channel": "D" + user[1:], "tab": tab,
		"event_ts": "1700000000.000001",
	}
}

// ShortcutMessage is the message a message shortcut was used on.
type ShortcutMessage struct {
	User     string
	TS       string
	ThreadTS string // "" for a message outside threads
	Text     string
	// Files and Attachments count the files and legacy attachments the
	// message carries (a message of files alone has no text).
	Files, Attachments int
}

// MessageShortcut is the message_action payload Slack sends when user picks
// the message shortcut callbackID on m in channel.
func MessageShortcut(callbackID, triggerID, user, channel string, m ShortcutMessage, responseURL string) map[string]any {
	msg := map[string]any{"type": "message", "user": m.User, "ts": m.TS, "text": m.Text}
	if m.ThreadTS != "" {
		msg["thread_ts"] = m.ThreadTS
	}
	if m.Files > 0 {
		files := make([]any, m.Files)
		for i := range files {
			files[i] = map[string]any{"id": fmt.Sprintf("F%07d", i+1), "name": "file.pdf"}
		}
		msg["files"] = files
	}
	if m.Attachments > 0 {
		atts := make([]any, m.Attachments)
		for i := range atts {
			atts[i] = map[string]any{"id": i + 1, "fallback": "an attachment"}
		}
		msg["attachments"] = atts
	}
	return map[string]any{
		"type": "message_action", "token": "verification", "action_ts": "1700000000.000001",
		"callback_id": callbackID, "trigger_id": triggerID, "response_url": responseURL,
		"team":    map[string]any{"id": TeamID, "domain": "fake"},
		"user":    map[string]any{"id": user, "name": "user", "team_id": TeamID},
		"channel": map[string]any{"id": channel, "name": "talks"},
		"message": msg, "message_ts": m.TS,
	}
}

// HomeButtonClick is the block_actions payload Slack sends when user
// clicks the button actionID (with value) in the Home tab view viewID. A
// click in a view carries no channel and no response_url.
func HomeButtonClick(triggerID, user, viewID, actionID, value string) map[string]any {
	return map[string]any{
		"type": "block_actions", "token": "verification", "trigger_id": triggerID,
		"team":      map[string]any{"id": TeamID, "domain": "fake"},
		"user":      map[string]any{"id": user, "name": "user", "team_id": TeamID},
		"container": map[string]any{"type": "view", "view_id": viewID},
		"view":      map[string]any{"id": viewID, "type": "home"},
		"actions": []any{map[string]any{
			"type": "button", "action_id": actionID, "block_id": "b1", "value": value,
			"action_ts": "1700000000.000002",
		}},
	}
}

// Signature returns the v0 signature headers Slack sends with body at the
// time at, signed with the app's signing secret.
func Signature(secret string, at time.Time, body string) http.Header {
	stamp := strconv.FormatInt(at.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", stamp, body)
	h := http.Header{}
	h.Set("X-Slack-Request-Timestamp", stamp)
	h.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return h
}

// ButtonClick is the block_actions payload Slack sends when user clicks the
// button b of the message at messageTS in channel: for a feedback_buttons
// element, one of its two buttons (b's action_id and value).
func ButtonClick(triggerID, user, channel, messageTS string, b Button, responseURL string) map[string]any {
	return map[string]any{
		"type": "block_actions", "token": "verification", "trigger_id": triggerID, "response_url": responseURL,
		"team":      map[string]any{"id": TeamID, "domain": "fake"},
		"user":      map[string]any{"id": user, "name": "user", "team_id": TeamID},
		"channel":   map[string]any{"id": channel, "name": "talks"},
		"container": map[string]any{"type": "message", "channel_id": channel, "message_ts": messageTS},
		"actions": []any{map[string]any{
			"type": "button", "action_id": b.ActionID, "block_id": "b1", "value": b.Value,
			"action_ts": "1700000000.000002",
		}},
	}
}
