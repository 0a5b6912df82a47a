package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
)

// The end-to-end tests of Slack's AI app surfaces: each runs `talksbot
// serve` against the fake Slack (and, for streamed drafts, a fake
// OpenAI-compatible server), as an operator runs it.

const (
	slackUser    = "U0ALICE01"
	slackChannel = "C0TALKS01"
	slackDM      = "D0ALICE01"
)

// slackServe runs serve in Socket Mode against fake, with env on top, and
// waits until the adapter is connected.
func slackServe(t *testing.T, fake *slacktest.Server, env map[string]string) *served {
	t.Helper()
	all := map[string]string{
		"SLACK_BOT_TOKEN":     slackBotToken,
		"SLACK_APP_TOKEN":     slackAppToken,
		"SLACK_API_URL":       fake.APIURL(),
		"TALKSBOT_RATE_LIMIT": "0",
	}
	for k, v := range env {
		all[k] = v
	}
	s := startServe(t, all)
	s.waitReady(t, "slack")
	return s
}

// slackTexts returns the text a call shows: its blocks' and any streamed
// markdown.
func slackTexts(calls ...slacktest.Call) string {
	var b strings.Builder
	for _, c := range calls {
		b.WriteString(c.Get("markdown_text"))
		b.WriteString("\n")
		for _, t := range c.Texts() {
			b.WriteString(t)
			b.WriteString("\n")
		}
	}
	return b.String()
}

// pausingLLM is an OpenAI-compatible server that streams a draft in two
// parts: before, then, once the test resumes it, after. What the bot has
// verified by the pause is therefore settled.
type pausingLLM struct {
	srv           *httptest.Server
	before, after string
	resume        chan struct{}
}

func newPausingLLM(t *testing.T, before, after string) *pausingLLM {
	t.Helper()
	l := &pausingLLM{before: before, after: after, resume: make(chan struct{})}
	l.srv = httptest.NewServer(http.HandlerFunc(l.serve))
	t.Cleanup(l.srv.Close)
	return l
}

func (l *pausingLLM) URL() string { return l.srv.URL + "/v1" }

func (l *pausingLLM) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/v1/chat/completions" {
		http.Error(w, `{"error":{"message":"no such route"}}`, http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	chunk := func(delta map[string]any, finish any) {
		b, _ := json.Marshal(map[string]any{
			"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "fake-model",
			"choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": finish}},
		})
		fmt.Fprintf(w, "data: %s\n\n", b)
		w.(http.Flusher).Flush()
	}
	chunk(map[string]any{"role": "assistant"}, nil)
	for _, word := range strings.SplitAfter(l.before, " ") {
		chunk(map[string]any{"content": word}, nil)
	}
	select {
	case <-l.resume:
	case <-r.Context().Done():
		return
	}
	for _, word := range strings.SplitAfter(l.after, " ") {
		chunk(map[string]any{"content": word}, nil)
	}
	chunk(map[string]any{}, "stop")
	fmt.Fprint(w, "data: [DONE]\n\n")
}

func TestServeSlackStreamsVerifiedDrafts(t *testing.T) {
	const (
		first  = "Congress has pushed for more hard-hitting sanctions [1]."
		second = "Iranian hardliners are seeking ways to narrow the window of opportunity [1]."
		wrong  = "Iran has agreed to every demand [9]."
	)
	tests := []struct {
		name   string
		second string
		// verified: the whole draft stands; otherwise the extractive
		// answer replaces the stream.
		verified bool
	}{
		{"a verified draft", second, true},
		{"a draft failing at its second sentence", wrong, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := slacktest.New(t, slackBotToken, slackAppToken)
			words := strings.SplitN(tt.second, " ", 2)
			// The first sentence is checked once the second has begun.
			llm := newPausingLLM(t, first+" "+words[0]+" ", words[1])
			s := slackServe(t, fake, map[string]string{"OPENAI_BASE_URL": llm.URL(), "TALKSBOT_LLM_MODEL": "fake-model"})

			const thread = "1700004000.000100"
			fake.SendEvent(t, "EvServe1", 0, map[string]any{"type": "app_mention", "user": slackUser,
				"text": "<@" + fake.BotUserID + "> " + congress, "ts": thread, "channel": slackChannel, "event_ts": thread})
			start := fake.WaitCalls(t, "chat.startStream", 1)[0]
			if got := start.Get("markdown_text"); got != first {
				t.Errorf("got the stream started with %q, want the verified first sentence", got)
			}
			if start.Get("thread_ts") != thread || start.Get("recipient_user_id") != slackUser || start.Get("recipient_team_id") != slacktest.TeamID {
				t.Errorf("got a stream in thread %q for %q/%q, want the mention's thread for the asker and team",
					start.Get("thread_ts"), start.Get("recipient_user_id"), start.Get("recipient_team_id"))
			}
			close(llm.resume)
			stop := fake.WaitCalls(t, "chat.stopStream", 1)[0]
			var m slacktest.Message
			if tt.verified {
				m = fake.WaitMessage(t, slackChannel, stop.Get("ts"), "stopped", func(m slacktest.Message) bool { return !m.Streaming })
				if want := first + " " + tt.second; m.Markdown != want {
					t.Errorf("got streamed %q, want the verified draft %q", m.Markdown, want)
				}
				texts := strings.Join(m.Texts(), "\n")
				if !strings.Contains(texts, "Worded by fake-model") || !strings.Contains(texts, sanctions) {
					t.Errorf("got %q under the stream, want the quote and the model", texts)
				}
				b := m.Buttons()
				if len(b) != 2 || !strings.HasPrefix(b[0].ActionID, "talks_feedback:") {
					t.Fatalf("got buttons %+v, want the feedback buttons", b)
				}
				fake.SendInteraction(t, slacktest.ButtonClick("4000.1", slackUser, slackChannel, m.TS, b[0], ""))
				thanks := fake.WaitCalls(t, "chat.postEphemeral", 1)[0]
				if !strings.Contains(slackTexts(thanks), "Thanks for your feedback") {
					t.Errorf("got %q, want the thanks for the feedback", slackTexts(thanks))
				}
			} else {
				m = fake.WaitMessage(t, slackChannel, stop.Get("ts"), "replaced", func(m slacktest.Message) bool {
					return !m.Streaming && m.Markdown == ""
				})
				texts := strings.Join(m.Texts(), "\n")
				if !strings.Contains(texts, "> "+sanctions) || strings.Contains(texts, "Worded by") {
					t.Errorf("got %q, want the extractive answer in the stream's place", texts)
				}
				for _, c := range fake.Calls("") {
					if strings.Contains(slackTexts(c)+c.Get("text"), "every demand") {
						t.Errorf("got %s showing the failing sentence, want it never sent", c.Method)
					}
				}
			}
			if msgs := fake.Messages(slackChannel); len(msgs) != 1 {
				t.Errorf("got %d messages, want the answer alone", len(msgs))
			}
			if code := s.stop(t); code != 0 {
				t.Errorf("got exit %d, want 0", code)
			}
		})
	}
}

func TestServeSlackAssistantThread(t *testing.T) {
	fake := slacktest.New(t, slackBotToken, slackAppToken)
	slackServe(t, fake, nil)
	const thread = "1700004100.000100"
	fake.SendEvent(t, "EvServe2", 0, slacktest.AssistantThreadStarted(slackUser, slackDM, thread))
	greeting := fake.WaitCalls(t, "chat.postMessage", 1)[0]
	if greeting.Get("thread_ts") != thread || !strings.Contains(slackTexts(greeting), "Hi!") {
		t.Errorf("got %q in thread %q, want the greeting in the new thread", slackTexts(greeting), greeting.Get("thread_ts"))
	}
	th := fake.WaitThread(t, slackDM, thread, "suggested prompts", func(th slacktest.AssistantThread) bool { return len(th.Prompts) > 0 })
	var titles []string
	for _, p := range th.Prompts {
		titles = append(titles, p.Title)
	}
	if len(titles) != 4 || titles[0] != "Summarise: Handling the Spoilers" {
		t.Errorf("got prompts %q, want the four themes, Handling the Spoilers first", titles)
	}

	ask := func(id, ts, text string) slacktest.Call {
		t.Helper()
		before := len(fake.Calls("chat.postMessage"))
		fake.SendEvent(t, id, 0, map[string]any{"type": "message", "channel_type": "im", "user": slackUser, "text": text,
			"ts": ts, "thread_ts": thread, "channel": slackDM, "event_ts": ts})
		return fake.WaitCalls(t, "chat.postMessage", before+1)[before]
	}
	answer := ask("EvServe3", "1700004100.000200", congress)
	if answer.Get("thread_ts") != thread || !strings.Contains(slackTexts(answer), sanctions) {
		t.Errorf("got %q in thread %q, want the answer in the assistant thread", slackTexts(answer), answer.Get("thread_ts"))
	}
	// The status is cleared after the answer is posted: wait for it, so
	// that the follow-up's status comes after it, not between.
	fake.WaitThread(t, slackDM, thread, "the first status cleared", func(th slacktest.AssistantThread) bool { return len(th.Statuses) == 2 })
	followUp := ask("EvServe4", "1700004100.000300", "and the Iranian side?")
	if !strings.Contains(slackTexts(followUp), "Iranian") {
		t.Errorf("got %q, want the follow-up read in the thread's context", slackTexts(followUp))
	}
	th = fake.WaitThread(t, slackDM, thread, "two statuses cleared", func(th slacktest.AssistantThread) bool { return len(th.Statuses) == 4 })
	if th.Title != congress {
		t.Errorf("got title %q, want the first question", th.Title)
	}
	for i, st := range th.Statuses {
		if working := i%2 == 0; working != (st.Text != "") || working != (len(st.LoadingMessages) > 0) {
			t.Errorf("got statuses %+v, want each answer's status set, then cleared", th.Statuses)
			break
		}
	}
	if n := len(fake.Calls("reactions.add")); n != 0 {
		t.Errorf("got %d reactions, want the status instead", n)
	}
}

func TestServeSlackHomeTab(t *testing.T) {
	fake := slacktest.New(t, slackBotToken, slackAppToken)
	docs := t.TempDir()
	s := slackServe(t, fake, map[string]string{"TALKSBOT_DOCS": docs})
	fake.SendEvent(t, "EvServe5", 0, slacktest.AppHomeOpened(slackUser, "home"))
	view := fake.WaitHomeViews(t, slackUser, 1)[0]
	texts := strings.Join(view.Texts(), "\n")
	for _, want := range []string{"How to ask", "/talks", "Vienna", "Handling the Spoilers"} {
		if !strings.Contains(texts, want) {
			t.Errorf("got Home tab %q, want %q", texts, want)
		}
	}
	buttons := view.Buttons()
	if len(buttons) != 4 {
		t.Fatalf("got buttons %+v, want a Summary button per theme", buttons)
	}

	fake.SendInteraction(t, slacktest.HomeButtonClick("4200.1", slackUser, "V1", buttons[0].ActionID, buttons[0].Value))
	summary := fake.WaitCalls(t, "chat.postMessage", 1)[0]
	if summary.Get("channel") != slackUser || !strings.Contains(slackTexts(summary), "Handling the Spoilers") {
		t.Errorf("got %q in %s, want the summary as a direct message", slackTexts(summary), summary.Get("channel"))
	}

	// A document added: the Home tab is published again with it.
	doc := "---\ntitle: Field Notes on the Zebra Accord\n---\n# Zebra Accord\n\n" +
		"The zebra accord was signed by the llama council in Oslo after three nights of bargaining.\n"
	if err := os.WriteFile(filepath.Join(docs, "zebra.md"), []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the reload", s.reloads, func(err error) bool { return err == nil })
	again := fake.WaitHomeViews(t, slackUser, 2)[1]
	if texts := strings.Join(again.Texts(), "\n"); !strings.Contains(texts, "Field Notes on the Zebra Accord") || !strings.Contains(texts, "Zebra Accord") {
		t.Errorf("got Home tab %q after the reload, want the new document and its theme", texts)
	}
	if n := len(again.Buttons()); n != 5 {
		t.Errorf("got %d Summary buttons after the reload, want 5", n)
	}
}

func TestServeSlackShortcutOverHTTP(t *testing.T) {
	fake := slacktest.New(t, slackBotToken, slackAppToken)
	s := startServe(t, map[string]string{
		"SLACK_BOT_TOKEN":      slackBotToken,
		"SLACK_SIGNING_SECRET": slackSecret,
		"SLACK_API_URL":        fake.APIURL(),
		"TALKSBOT_RATE_LIMIT":  "0",
	})
	s.waitReady(t, "slack")
	interact := func(payload map[string]any) {
		t.Helper()
		raw, _ := json.Marshal(payload)
		body := url.Values{"payload": {string(raw)}}.Encode()
		req, _ := http.NewRequest(http.MethodPost, s.url+"/slack/interactions", strings.NewReader(body))
		req.Header = slacktest.Signature(slackSecret, time.Now(), body)
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("got %d, want 200", resp.StatusCode)
		}
	}
	const thread = "1700004300.000100"
	msg := slacktest.ShortcutMessage{User: "U0BOB0001", TS: "1700004300.000200", ThreadTS: thread, Text: congress}
	interact(slacktest.MessageShortcut(slack.ShortcutAsk, "4300.1", slackUser, slackChannel, msg, fake.ResponseURL("sc")))
	eph := fake.WaitCalls(t, "chat.postEphemeral", 1)[0]
	if eph.Get("user") != slackUser || eph.Get("thread_ts") != thread || !strings.Contains(slackTexts(eph), sanctions) {
		t.Errorf("got %q for %s in thread %q, want the answer for the asker alone in the message's thread",
			slackTexts(eph), eph.Get("user"), eph.Get("thread_ts"))
	}
	i := slices.IndexFunc(eph.Buttons(), func(b slacktest.Button) bool { return strings.HasPrefix(b.ActionID, "talks_share:") })
	if i < 0 {
		t.Fatalf("got buttons %+v, want Share", eph.Buttons())
	}
	interact(slacktest.ButtonClick("4300.2", slackUser, slackChannel, "", eph.Buttons()[i], fake.ResponseURL("share")))
	shared := fake.WaitCalls(t, "chat.postMessage", 1)[0]
	if shared.Get("thread_ts") != thread || !strings.Contains(slackTexts(shared), "shared this answer") {
		t.Errorf("got %q in thread %q, want the answer shared in the thread", slackTexts(shared), shared.Get("thread_ts"))
	}

	// A message without text gets a clear notice.
	files := slacktest.ShortcutMessage{User: "U0BOB0001", TS: "1700004300.000300", Files: 1}
	interact(slacktest.MessageShortcut(slack.ShortcutAsk, "4300.3", slackUser, slackChannel, files, fake.ResponseURL("sc2")))
	notice := fake.WaitCalls(t, "chat.postEphemeral", 2)[1]
	if !strings.Contains(slackTexts(notice), "no text I can read") {
		t.Errorf("got %q, want the notice that the message has no text", slackTexts(notice))
	}
}

func TestServeSlackThreadsAndSharesSurviveARestart(t *testing.T) {
	fake := slacktest.New(t, slackBotToken, slackAppToken)
	// One worker: what is sent in order is handled in order.
	env := map[string]string{"TALKSBOT_DATA": t.TempDir(), "TALKSBOT_MAX_CONCURRENT": "1"}
	const thread = "1700004400.000100"
	first := slackServe(t, fake, env)
	fake.SendEvent(t, "EvServe6", 0, map[string]any{"type": "app_mention", "user": slackUser,
		"text": "<@" + fake.BotUserID + "> " + congress, "ts": thread, "channel": slackChannel, "event_ts": thread})
	fake.WaitCalls(t, "chat.postMessage", 1)
	fake.SendSlashCommand(t, map[string]string{"command": "/talks", "text": "ask " + congress, "user_id": slackUser,
		"channel_id": slackChannel, "trigger_id": "4400.1", "response_url": fake.ResponseURL("ask")})
	answer := fake.WaitResponses(t, "ask", 1)[0]
	i := slices.IndexFunc(answer.Buttons(), func(b slacktest.Button) bool { return strings.HasPrefix(b.ActionID, "talks_share:") })
	if i < 0 {
		t.Fatalf("got buttons %+v, want Share", answer.Buttons())
	}
	share := answer.Buttons()[i]
	if code := first.stop(t); code != 0 {
		t.Fatalf("got exit %d, want 0", code)
	}

	slackServe(t, fake, env)
	// A reply without a mention in the thread answered before the restart.
	fake.SendEvent(t, "EvServe7", 0, map[string]any{"type": "message", "channel_type": "channel", "user": slackUser,
		"text": "and the Iranian side?", "ts": "1700004400.000200", "thread_ts": thread, "channel": slackChannel,
		"event_ts": "1700004400.000200"})
	followUp := fake.WaitCalls(t, "chat.postMessage", 2)[1]
	if followUp.Get("thread_ts") != thread || !strings.Contains(slackTexts(followUp), "Iranian") {
		t.Errorf("got %q in thread %q, want the follow-up answered in context after the restart", slackTexts(followUp), followUp.Get("thread_ts"))
	}
	fake.SendInteraction(t, slacktest.ButtonClick("4400.2", slackUser, slackChannel, "", share, fake.ResponseURL("share")))
	shared := fake.WaitResponses(t, "share", 1)[0]
	if shared.Get("response_type") != "in_channel" || !strings.Contains(slackTexts(shared), sanctions) {
		t.Errorf("got %s %q, want the answer given before the restart shared in the channel", shared.Get("response_type"), slackTexts(shared))
	}

	// The mention, delivered again after the restart, is not answered
	// again; a direct message sent after it is.
	fake.SendEvent(t, "EvServe6", 1, map[string]any{"type": "app_mention", "user": slackUser,
		"text": "<@" + fake.BotUserID + "> " + congress, "ts": thread, "channel": slackChannel, "event_ts": thread})
	fake.SendEvent(t, "EvServe8", 0, map[string]any{"type": "message", "channel_type": "im", "user": slackUser,
		"text": congress, "ts": "1700004400.000300", "channel": slackDM, "event_ts": "1700004400.000300"})
	fake.WaitMatch(t, "chat.postMessage", func(c slacktest.Call) bool { return c.Get("channel") == slackDM })
	if n := len(fake.Messages(slackChannel)); n != 2 {
		t.Errorf("got %d messages in the channel, want the first answer and the follow-up's: the redelivery answered once", n)
	}
}
