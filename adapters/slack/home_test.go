package slack_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

const bob = "U0BOB0001"

// knowledgeCore lists the documents and themes it is given, which a test
// may change as a reload would, and answers a summary with the theme asked
// for.
type knowledgeCore struct {
	fakeCore
	mu      sync.Mutex
	sources []bot.SourceRef
	themes  []bot.ThemeRef
}

func newKnowledgeCore(docs, themes int) *knowledgeCore {
	c := &knowledgeCore{}
	c.set(docs, themes, "Theme")
	c.reply = func(ctx context.Context, req bot.Request) bot.Reply {
		c.mu.Lock()
		defer c.mu.Unlock()
		switch {
		case req.Command != nil && req.Command.Name == "sources":
			return bot.Reply{Kind: bot.KindSources, Sources: c.sources}
		case req.Command != nil && req.Command.Name == "themes":
			return bot.Reply{Kind: bot.KindThemes, Themes: c.themes}
		case req.Command != nil && req.Command.Name == "summary":
			return bot.Reply{ID: "sum-1", Kind: bot.KindSummary, Mode: bot.ModeExtractive, Text: "Summary of " + req.Command.Arg}
		}
		return bot.Reply{ID: "r", Kind: bot.KindAnswer, Text: "You asked: " + req.Text}
	}
	return c
}

// set replaces the knowledge: docs documents and themes themes named
// prefix 1, prefix 2, ...
func (c *knowledgeCore) set(docs, themes int, prefix string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sources, c.themes = nil, nil
	for i := range docs {
		c.sources = append(c.sources, bot.SourceRef{ID: fmt.Sprint("doc-", i+1), Title: fmt.Sprint("Document ", i+1), Passages: 3})
	}
	for i := range themes {
		c.themes = append(c.themes, bot.ThemeRef{Number: i + 1, Title: fmt.Sprint(prefix, " ", i+1), Doc: "Document 1"})
	}
}

func TestHomeTabShowsTheKnowledgeBase(t *testing.T) {
	h := start(t, slack.ModeSocket, realCore(t), func(o *slack.Options) { o.Workers = 1 })
	h.fake.SendEvent(t, "EvH001", 0, slacktest.AppHomeOpened(alice, "messages"))
	h.fake.SendEvent(t, "EvH002", 0, slacktest.AppHomeOpened(alice, "home"))
	views := h.fake.WaitHomeViews(t, alice, 1)
	// With one worker, the Messages tab was dealt with before Bob's Home.
	h.fake.SendEvent(t, "EvH003", 0, slacktest.AppHomeOpened(bob, "home"))
	h.fake.WaitHomeViews(t, bob, 1)
	if n := len(h.fake.HomeViews(alice)); n != 1 {
		t.Errorf("got %d views, want one: the Messages tab opened publishes none", n)
	}
	v := views[0]
	texts := strings.Join(v.Texts(), "\n")
	for _, want := range []string{"How to ask", "@talksbot", "/talks", "assistant", "Ask talksbot about this",
		"Knowledge base", articleTitle(t), "Themes"} {
		if !strings.Contains(texts, want) {
			t.Errorf("got Home tab %q, want %q", texts, want)
		}
	}
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		t.Fatal(err)
	}
	buttons := v.Buttons()
	if len(buttons) != len(ix.Themes()) {
		t.Fatalf("got buttons %+v, want one per theme", buttons)
	}
	for i, th := range ix.Themes() {
		want := slacktest.Button{ActionID: fmt.Sprint("talks_summary:", th.Number), Value: th.Title, Label: "Summary"}
		if buttons[i] != want {
			t.Errorf("got button %+v, want %+v", buttons[i], want)
		}
		if !strings.Contains(texts, fmt.Sprintf("*%d. %s*", th.Number, th.Title)) {
			t.Errorf("got Home tab %q, want theme %d, %s", texts, th.Number, th.Title)
		}
	}
}

func TestHomeSummaryButtonSendsTheSummary(t *testing.T) {
	for _, mode := range []string{slack.ModeSocket, slack.ModeHTTP} {
		t.Run(mode, func(t *testing.T) {
			h := start(t, mode, realCore(t), nil)
			click := slacktest.HomeButtonClick("8001."+mode, alice, "V00000001", "talks_summary:1", "Handling the Spoilers")
			if mode == slack.ModeSocket {
				h.fake.WaitAck(t, h.fake.SendInteraction(t, click))
			} else if got, _ := h.postSigned(t, "/slack/interactions", formType, form(map[string]string{"payload": mustJSON(t, click)})); got != http.StatusOK {
				t.Fatalf("got status %d, want 200", got)
			}
			post := h.fake.WaitCalls(t, "chat.postMessage", 1)[0]
			if post.Get("channel") != alice || post.Get("thread_ts") != "" {
				t.Errorf("got the summary in %s/%s, want it in the direct message with %s", post.Get("channel"), post.Get("thread_ts"), alice)
			}
			texts := joined([]slacktest.Call{post})
			if !strings.Contains(texts, "> ") || !strings.Contains(texts, "Handling the Spoilers") {
				t.Errorf("got %q, want the summary of Handling the Spoilers with its quotes", texts)
			}
			if b := post.Buttons(); len(b) != 2 || !strings.HasPrefix(b[0].ActionID, "talks_helpful:") {
				t.Errorf("got buttons %+v, want the feedback buttons", b)
			}
		})
	}
}

func TestHomeSummaryButtonAfterTheNumbersChanged(t *testing.T) {
	core := newKnowledgeCore(1, 3)
	h := start(t, slack.ModeSocket, core, nil)
	// The button of a view published before a reload names the theme by
	// its title; without one, by its number.
	h.fake.SendInteraction(t, slacktest.HomeButtonClick("8002.1", alice, "V1", "talks_summary:9", "Theme 2"))
	h.fake.SendInteraction(t, slacktest.HomeButtonClick("8002.2", alice, "V1", "talks_summary:3", ""))
	posts := h.fake.WaitCalls(t, "chat.postMessage", 2)
	got := joined(posts)
	for _, want := range []string{"Summary of Theme 2", "Summary of 3"} {
		if !strings.Contains(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestHomeTabKeepsWithinSlackLimits(t *testing.T) {
	tests := []struct {
		docs, themes int
		wantMore     []string
	}{
		{1, 0, []string{"no themes"}},
		{3, 40, nil},
		{80, 150, []string{"…and 30 more: `/talks sources`", "more themes: `/talks themes` lists them all."}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.docs, " documents, ", tt.themes, " themes"), func(t *testing.T) {
			h := start(t, slack.ModeSocket, newKnowledgeCore(tt.docs, tt.themes), nil)
			h.fake.SendEvent(t, "EvH010", 0, slacktest.AppHomeOpened(alice, "home"))
			// The fake refuses a view over 100 blocks, as Slack does.
			v := h.fake.WaitHomeViews(t, alice, 1)[0]
			if len(v.Blocks) > slacktest.MaxViewBlocks {
				t.Errorf("got %d blocks, want at most %d", len(v.Blocks), slacktest.MaxViewBlocks)
			}
			texts := strings.Join(v.Texts(), "\n")
			for _, want := range tt.wantMore {
				if !strings.Contains(texts, want) {
					t.Errorf("got %q, want %q", texts, want)
				}
			}
			shown := len(v.Buttons())
			if tt.themes <= 80 && shown != tt.themes {
				t.Errorf("got %d theme buttons, want all %d", shown, tt.themes)
			}
			if tt.themes > 80 {
				if want := fmt.Sprintf("…and %d more themes", tt.themes-shown); !strings.Contains(texts, want) {
					t.Errorf("got %q, want the %d themes left out counted", texts, tt.themes-shown)
				}
				if shown < 80 {
					t.Errorf("got %d themes shown, want the view filled", shown)
				}
			}
		})
	}
}

func TestHomeTabPublishedAgainAfterAReload(t *testing.T) {
	slack.SetMaxHomeUsers(t, 2)
	core := newKnowledgeCore(1, 2)
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) { o.Workers = 1 })
	const carol = "U0CAROL01"
	for i, user := range []string{carol, alice, bob} {
		h.fake.SendEvent(t, fmt.Sprint("EvH02", i), 0, slacktest.AppHomeOpened(user, "home"))
		h.fake.WaitHomeViews(t, user, 1)
	}
	core.set(1, 3, "Reloaded")
	h.adapter.KnowledgeChanged()
	for _, user := range []string{alice, bob} {
		v := h.fake.WaitHomeViews(t, user, 2)[1]
		if texts := strings.Join(v.Texts(), "\n"); !strings.Contains(texts, "Reloaded 3") {
			t.Errorf("got %s's Home tab %q, want the reloaded themes", user, texts)
		}
	}
	h.logs.waitFor(t, `msg="slack home tabs published again" adapter=slack users=2`)
	// Two users are remembered: the first to open it is forgotten.
	if n := len(h.fake.HomeViews(carol)); n != 1 {
		t.Errorf("got %d views for %s, want the one she opened: the bound keeps two users", n, carol)
	}
}

func TestHomeSummaryFailureIsToldInAMessage(t *testing.T) {
	core := &fakeCore{reply: func(context.Context, bot.Request) bot.Reply { panic("core bug") }}
	h := start(t, slack.ModeSocket, core, nil)
	// A click in the Home tab has no channel and no response_url: the
	// apology comes as a direct message.
	h.fake.SendInteraction(t, slacktest.HomeButtonClick("8003.1", alice, "V1", "talks_summary:1", "Theme 1"))
	sorry := h.fake.WaitCalls(t, "chat.postMessage", 1)[0]
	if sorry.Get("channel") != alice || !strings.Contains(joined([]slacktest.Call{sorry}), "something went wrong") {
		t.Errorf("got %q in %s, want the apology as a direct message to %s", joined([]slacktest.Call{sorry}), sorry.Get("channel"), alice)
	}
}
