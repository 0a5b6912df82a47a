package slack_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

// assistantThread is where the assistant tests converse: a thread of the
// direct message with the app.
const assistantThread = "1700008000.000100"

// threadMessage is a message.im event from alice in the assistant thread.
func threadMessage(ts, text string) map[string]any {
	ev := directMessage(ts, text)
	ev["thread_ts"] = assistantThread
	return ev
}

func TestAssistantThreadGreetsWithPrompts(t *testing.T) {
	h := start(t, slack.ModeSocket, realCore(t), func(o *slack.Options) { o.Workers = 1 })
	env := h.fake.SendEvent(t, "EvA001", 0, slacktest.AssistantThreadStarted(alice, dm, assistantThread))
	h.fake.WaitAck(t, env)

	greeting := h.fake.WaitCalls(t, "chat.postMessage", 1)[0]
	if greeting.Get("channel") != dm || greeting.Get("thread_ts") != assistantThread {
		t.Errorf("got the greeting in %s/%s, want the thread %s/%s", greeting.Get("channel"), greeting.Get("thread_ts"), dm, assistantThread)
	}
	if text := joined([]slacktest.Call{greeting}); !strings.Contains(text, "Hi!") || !strings.Contains(text, articleTitle(t)) {
		t.Errorf("got greeting %q, want a hello naming the article", text)
	}
	th := h.fake.WaitThread(t, dm, assistantThread, "suggested prompts", func(th slacktest.AssistantThread) bool {
		return len(th.Prompts) > 0
	})
	var want []slacktest.Prompt
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		t.Fatal(err)
	}
	for _, theme := range ix.Themes()[:4] {
		want = append(want, slacktest.Prompt{Title: "Summarise: " + theme.Title, Message: "summary " + theme.Title})
	}
	if !slices.Equal(th.Prompts, want) {
		t.Errorf("got prompts %+v, want the four themes to summarise %+v", th.Prompts, want)
	}
	if th.Prompts[0].Title != "Summarise: Handling the Spoilers" {
		t.Errorf("got first prompt %q, want the first theme's", th.Prompts[0].Title)
	}

	// Slack's redelivery of the event is not greeted again.
	again := h.fake.Redeliver(t, env)
	h.fake.WaitAck(t, again)
	// Another thread, greeted once the one worker is done with the
	// redelivery.
	h.fake.SendEvent(t, "EvA002", 0, slacktest.AssistantThreadStarted(alice, dm, "1700008000.999999"))
	h.fake.WaitThread(t, dm, "1700008000.999999", "suggested prompts", func(th slacktest.AssistantThread) bool {
		return len(th.Prompts) > 0
	})
	if n := len(h.fake.Calls("assistant.threads.setSuggestedPrompts")); n != 2 {
		t.Errorf("got %d prompt settings, want one greeting per thread", n)
	}
	if n := len(h.fake.Calls("chat.postMessage")); n != 2 {
		t.Errorf("got %d posts, want one greeting per thread", n)
	}
}

// sentinelSocket sends the DM "sentinel" over Socket Mode and waits for its
// answer: with one worker, everything sent before it is dealt with by then.
func (h *harness) sentinelSocket(t *testing.T) {
	t.Helper()
	h.fake.SendEvent(t, "EvSentinel", 0, directMessage("1700009999.000100", "sentinel"))
	h.waitSentinel(t)
}

// themesCore lists n themes and answers anything else as fakeCore does.
func themesCore(n int) *fakeCore {
	c := &fakeCore{}
	c.reply = func(ctx context.Context, req bot.Request) bot.Reply {
		if req.Command != nil && req.Command.Name == "themes" {
			r := bot.Reply{ID: "themes", Kind: bot.KindThemes}
			for i := range n {
				r.Themes = append(r.Themes, bot.ThemeRef{Number: i + 1, Title: fmt.Sprintf("Theme %d", i+1)})
			}
			return r
		}
		if req.Command != nil && req.Command.Name == "sources" {
			return bot.Reply{ID: "sources", Kind: bot.KindSources, Sources: []bot.SourceRef{{ID: "doc", Title: "Doc"}}}
		}
		return bot.Reply{ID: "r", Kind: bot.KindAnswer, Text: "You asked: " + req.Text}
	}
	return c
}

func TestAssistantPromptsLeaveRoomForAQuestion(t *testing.T) {
	tests := []struct {
		themes int
		want   []string // prompt titles
	}{
		{0, []string{"What is it about?"}},
		{2, []string{"Summarise: Theme 1", "Summarise: Theme 2", "What is it about?"}},
		{3, []string{"Summarise: Theme 1", "Summarise: Theme 2", "Summarise: Theme 3", "What is it about?"}},
		{6, []string{"Summarise: Theme 1", "Summarise: Theme 2", "Summarise: Theme 3", "Summarise: Theme 4"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.themes, " themes"), func(t *testing.T) {
			h := start(t, slack.ModeSocket, themesCore(tt.themes), nil)
			h.fake.SendEvent(t, "EvA002", 0, slacktest.AssistantThreadStarted(alice, dm, assistantThread))
			th := h.fake.WaitThread(t, dm, assistantThread, "suggested prompts", func(th slacktest.AssistantThread) bool {
				return len(th.Prompts) > 0
			})
			var got []string
			for _, p := range th.Prompts {
				got = append(got, p.Title)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got prompts %q, want %q", got, tt.want)
			}
			if last := th.Prompts[len(th.Prompts)-1]; tt.themes < 4 && last.Message != "What is this about?" {
				t.Errorf("got last prompt %+v, want a question", last)
			}
		})
	}
}

func TestAssistantThreadAnswersWithStatusAndTitle(t *testing.T) {
	core := &fakeCore{}
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) {
		o.WorkingAfter = -1 // a reaction would come at once: none must
		o.Workers = 1
	})
	h.fake.SendEvent(t, "EvA010", 0, threadMessage("1700008000.000200", "What has Congress pushed for?"))
	h.fake.WaitCalls(t, "chat.postMessage", 1)
	h.fake.SendEvent(t, "EvA011", 0, threadMessage("1700008000.000300", "and the Iranian side?"))
	h.fake.WaitCalls(t, "chat.postMessage", 2)
	h.sentinelSocket(t)

	reqs := core.Requests()
	if len(reqs) < 2 {
		t.Fatalf("got %d requests, want both questions", len(reqs))
	}
	for _, r := range reqs[:2] {
		if r.Thread != assistantThread || !r.DM || r.Channel != dm {
			t.Errorf("got request %+v, want a direct message in the thread %s, so follow-ups are read in context", r, assistantThread)
		}
	}
	th, ok := h.fake.Thread(dm, assistantThread)
	if !ok {
		t.Fatal("got nothing set on the assistant thread")
	}
	if th.Title != "What has Congress pushed for?" {
		t.Errorf("got title %q, want the first question", th.Title)
	}
	if n := len(h.fake.Calls("assistant.threads.setTitle")); n != 1 {
		t.Errorf("got %d titles set, want one: the first question's", n)
	}
	// Each answer: the status, then the answer, then the status cleared.
	var order []string
	for _, c := range h.fake.Calls("") {
		switch {
		case c.Method == "assistant.threads.setStatus" && c.Get("status") != "":
			order = append(order, "status")
			if lm := c.Get("loading_messages"); !strings.Contains(lm, "Checking every quote") {
				t.Errorf("got loading messages %q, want them shown", lm)
			}
		case c.Method == "assistant.threads.setStatus":
			order = append(order, "cleared")
		case c.Method == "chat.postMessage" && c.Get("thread_ts") == assistantThread:
			order = append(order, "answer")
		}
	}
	if want := []string{"status", "answer", "cleared", "status", "answer", "cleared"}; !slices.Equal(order, want) {
		t.Errorf("got %v, want %v", order, want)
	}
	for _, c := range h.fake.Calls("reactions.add") {
		if c.Get("channel") == dm && c.Get("timestamp") != "1700009999.000100" {
			t.Errorf("got a reaction on %s, want the status instead", c.Get("timestamp"))
		}
	}
}

func TestAssistantPromptIsAnswered(t *testing.T) {
	h := start(t, slack.ModeSocket, realCore(t), nil)
	h.fake.SendEvent(t, "EvA020", 0, slacktest.AssistantThreadStarted(alice, dm, assistantThread))
	th := h.fake.WaitThread(t, dm, assistantThread, "suggested prompts", func(th slacktest.AssistantThread) bool {
		return len(th.Prompts) > 0
	})
	// Picking a prompt sends its message in the thread, as the user.
	h.fake.SendEvent(t, "EvA021", 0, threadMessage("1700008000.000400", th.Prompts[0].Message))
	answer := h.fake.WaitMatch(t, "chat.postMessage", func(c slacktest.Call) bool {
		return c.Get("thread_ts") == assistantThread && !strings.Contains(c.Get("text"), "Hi!")
	})
	if text := joined([]slacktest.Call{answer}); !strings.Contains(text, "Handling the Spoilers") || !strings.Contains(text, "> ") {
		t.Errorf("got %q, want the summary of Handling the Spoilers with its quotes", text)
	}
	title := h.fake.WaitThread(t, dm, assistantThread, "a title", func(th slacktest.AssistantThread) bool { return th.Title != "" })
	if title.Title != th.Prompts[0].Message {
		t.Errorf("got title %q, want the prompt's message %q", title.Title, th.Prompts[0].Message)
	}
}

func TestAssistantStatusRefusedFallsBackToReaction(t *testing.T) {
	h := start(t, slack.ModeSocket, &fakeCore{}, func(o *slack.Options) { o.WorkingAfter = -1 })
	h.fake.FailNext("assistant.threads.setStatus", "not_allowed")
	h.fake.SendEvent(t, "EvA030", 0, threadMessage("1700008000.000500", "still answered?"))
	react := h.fake.WaitCalls(t, "reactions.add", 1)[0]
	if react.Get("timestamp") != "1700008000.000500" || react.Get("name") != "eyes" {
		t.Errorf("got reaction %q on %q, want eyes on the question", react.Get("name"), react.Get("timestamp"))
	}
	h.fake.WaitCalls(t, "chat.postMessage", 1)
}

func TestAssistantContextChangeIsAcknowledged(t *testing.T) {
	h := start(t, slack.ModeSocket, &fakeCore{}, func(o *slack.Options) { o.Workers = 1 })
	env := h.fake.SendEvent(t, "EvA040", 0, slacktest.AssistantThreadContextChanged(alice, dm, assistantThread, channel))
	h.fake.WaitAck(t, env)
	h.sentinelSocket(t)
	for _, c := range h.fake.Calls("") {
		if c.Method != "auth.test" && c.Method != "apps.connections.open" && !strings.Contains(c.Get("text"), "sentinel") {
			t.Errorf("got %s, want nothing done for a context change", c.Method)
		}
	}
	if strings.Contains(h.logs.String(), "level=WARN") || strings.Contains(h.logs.String(), "level=ERROR") {
		t.Errorf("got logs %s, want no warning", h.logs)
	}
}
