package slacktest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// AssistantThread is what the assistant.threads methods set on one
// assistant thread.
type AssistantThread struct {
	PromptsTitle string   // the title over the suggested prompts
	Prompts      []Prompt // the suggested prompts last set
	Title        string   // the thread's title
	// Statuses are every status set, oldest first; "" clears it.
	Statuses []Status
}

// Prompt is a suggested prompt: the title shown and the message sent when
// the user picks it.
type Prompt struct {
	Title   string `json:"title"`
	Message string `json:"message"`
}

// Status is one assistant.threads.setStatus.
type Status struct {
	Text            string
	LoadingMessages []string
}

// Thread returns what was set on the assistant thread at threadTS in
// channel, and whether anything was.
func (s *Server) Thread(channel, threadTS string) (AssistantThread, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	th, ok := s.threads[channel+"/"+threadTS]
	if !ok {
		return AssistantThread{}, false
	}
	out := *th
	out.Prompts = append([]Prompt(nil), th.Prompts...)
	out.Statuses = append([]Status(nil), th.Statuses...)
	return out, true
}

// WaitThread waits until cond holds for the assistant thread at threadTS
// in channel and returns it.
func (s *Server) WaitThread(t testing.TB, channel, threadTS string, what string, cond func(AssistantThread) bool) AssistantThread {
	t.Helper()
	var out AssistantThread
	s.wait(t, fmt.Sprintf("assistant thread %s/%s: %s", channel, threadTS, what), func() bool {
		th, ok := s.threads[channel+"/"+threadTS]
		if !ok {
			return false
		}
		out = *th
		out.Prompts = append([]Prompt(nil), th.Prompts...)
		out.Statuses = append([]Status(nil), th.Statuses...)
		return cond(out)
	})
	return out
}

// serveAssistant answers assistant.threads.setSuggestedPrompts, setStatus
// and setTitle. Like Slack it wants channel_id and thread_ts, at least one
// and at most MaxPrompts prompts each with a title and a message, and a
// title for setTitle; anything else is invalid_arguments.
func (s *Server) serveAssistant(w http.ResponseWriter, c Call) {
	channel, thread := c.Form.Get("channel_id"), c.Form.Get("thread_ts")
	if channel == "" || thread == "" {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	var apply func(th *AssistantThread)
	switch c.Method {
	case "assistant.threads.setSuggestedPrompts":
		var prompts []Prompt
		if json.Unmarshal([]byte(c.Form.Get("prompts")), &prompts) != nil || !validPrompts(prompts) {
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_arguments"})
			return
		}
		title := c.Form.Get("title")
		apply = func(th *AssistantThread) { th.Prompts, th.PromptsTitle = prompts, title }
	case "assistant.threads.setStatus":
		st := Status{Text: c.Form.Get("status")}
		if lm := c.Form.Get("loading_messages"); lm != "" {
			st.LoadingMessages = strings.Split(lm, ",")
		}
		apply = func(th *AssistantThread) { th.Statuses = append(th.Statuses, st) }
	case "assistant.threads.setTitle":
		title := c.Form.Get("title")
		if strings.TrimSpace(title) == "" {
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_arguments"})
			return
		}
		apply = func(th *AssistantThread) { th.Title = title }
	}
	s.mu.Lock()
	key := channel + "/" + thread
	th, ok := s.threads[key]
	if !ok {
		th = &AssistantThread{}
		s.threads[key] = th
	}
	apply(th)
	s.notify()
	s.mu.Unlock()
	writeJSON(w, map[string]any{"ok": true})
}

func validPrompts(ps []Prompt) bool {
	if len(ps) == 0 || len(ps) > MaxPrompts {
		return false
	}
	for _, p := range ps {
		if strings.TrimSpace(p.Title) == "" || strings.TrimSpace(p.Message) == "" {
			return false
		}
	}
	return true
}
