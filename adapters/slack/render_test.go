package slack_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/bot"
)

// hugeReply is far beyond what one Slack message holds.
func hugeReply() bot.Reply {
	var text strings.Builder
	for i := range 30 {
		fmt.Fprintf(&text, "Paragraph %d: ", i)
		for range 60 {
			text.WriteString("talks & <sanctions> ")
		}
		text.WriteString("\n\n")
	}
	r := bot.Reply{ID: "huge", Kind: bot.KindAnswer, Text: text.String(), Mode: bot.ModeExtractive,
		Citations: []bot.Citation{{ID: "p1", Title: "Vienna", Section: "Spoilers"}}}
	for i := range 120 {
		r.Quotes = append(r.Quotes, bot.Quote{Text: fmt.Sprintf("Quote number %d says <something> & more.", i), Citation: 0})
	}
	return r
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// checkLimits checks every message against Block Kit's limits.
func checkLimits(t *testing.T, calls []slacktest.Call) {
	t.Helper()
	for i, c := range calls {
		if n := len(c.Blocks); n == 0 || n > 50 {
			t.Errorf("message %d: got %d blocks, want 1 to 50", i, n)
		}
		for _, text := range c.Texts() {
			if len(text) > 3000 {
				t.Errorf("message %d: got a text of %d bytes, want at most 3000", i, len(text))
			}
		}
		if fb := c.Get("text"); fb == "" || len(fb) > 3000 {
			t.Errorf("message %d: got a fallback text of %d bytes, want 1 to 3000", i, len(fb))
		}
	}
}

func TestOversizeAnswerIsSplit(t *testing.T) {
	reply := hugeReply()
	core := &fakeCore{reply: func(_ context.Context, req bot.Request) bot.Reply {
		if req.Text == "sentinel" {
			return bot.Reply{ID: "s", Kind: bot.KindAnswer, Text: "sentinel"}
		}
		return reply
	}}
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) { o.Workers = 1 })
	h.fake.SendEvent(t, "Ev3000", 0, mention("1700004000.000100", "", "<@UBOT0001> tell me everything"))
	h.fake.SendEvent(t, "Ev3001", 0, directMessage("1700004000.000200", "sentinel"))
	// One worker answers in order: once the sentinel is answered, every
	// part of the huge answer is posted.
	h.fake.WaitMatch(t, "chat.postMessage", func(c slacktest.Call) bool { return c.Get("channel") == dm })
	var posts []slacktest.Call
	for _, c := range h.fake.Calls("chat.postMessage") {
		if c.Get("channel") == channel {
			posts = append(posts, c)
		}
	}
	if len(posts) < 2 {
		t.Fatalf("got %d messages, want the answer split into several", len(posts))
	}
	checkLimits(t, posts)
	for i, p := range posts {
		if p.Get("thread_ts") != "1700004000.000100" {
			t.Errorf("message %d: got thread_ts %q, want the mention's thread", i, p.Get("thread_ts"))
		}
		if buttons := p.Buttons(); (len(buttons) > 0) != (i == len(posts)-1) {
			t.Errorf("message %d: got buttons %+v, want them on the last message only", i, buttons)
		}
	}
	texts := joined(posts)
	flat := strings.Join(strings.Fields(texts), " ")
	if want := strings.Join(strings.Fields(escaper.Replace(reply.Text)), " "); !strings.Contains(flat, want) {
		t.Error("got the answer text cut short or altered, want all of it, escaped, in order")
	}
	for _, q := range reply.Quotes {
		if !strings.Contains(texts, "> "+escaper.Replace(q.Text)) {
			t.Errorf("got no quote %q", q.Text)
		}
	}
}

func TestOversizeSlashAnswerIsCapped(t *testing.T) {
	core := &fakeCore{reply: func(_ context.Context, req bot.Request) bot.Reply {
		if req.Text == "sentinel" {
			return bot.Reply{ID: "s", Kind: bot.KindAnswer, Text: "sentinel"}
		}
		return hugeReply()
	}}
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) { o.Workers = 1 })
	for _, name := range []string{"big", "sentinel"} {
		h.fake.SendSlashCommand(t, map[string]string{"command": "/talks", "text": name, "user_id": alice,
			"channel_id": channel, "response_url": h.fake.ResponseURL(name)})
	}
	h.fake.WaitResponses(t, "sentinel", 1)
	big := h.fake.WaitResponses(t, "big", 1)
	if len(big) != 5 {
		t.Fatalf("got %d response_url posts, want 5 (Slack takes no more)", len(big))
	}
	checkLimits(t, big)
	last := big[len(big)-1]
	if !strings.Contains(joined([]slacktest.Call{last}), "too long to show") {
		t.Errorf("got last message %q, want a note that the answer was cut", joined([]slacktest.Call{last}))
	}
	if b := last.Buttons(); len(b) == 0 || !strings.HasPrefix(b[len(b)-1].ActionID, "talks_share:") {
		t.Errorf("got buttons %+v on the last message, want Share in channel", b)
	}
}

func TestMrkdwnIsEscaped(t *testing.T) {
	core := &fakeCore{reply: func(context.Context, bot.Request) bot.Reply {
		return bot.Reply{ID: "e", Kind: bot.KindAnswer, Mode: bot.ModeExtractive,
			Text:      "a < b && c > d <!channel> <@U0EVE0001> <https://evil.example|click>",
			Quotes:    []bot.Quote{{Text: "x <y> & z", Citation: 0}},
			Citations: []bot.Citation{{Title: "T&C", Section: "<S>"}}}
	}}
	h := start(t, slack.ModeSocket, core, nil)
	h.fake.SendEvent(t, "Ev3100", 0, directMessage("1700004100.000100", "escape"))
	post := h.fake.WaitCalls(t, "chat.postMessage", 1)[0]
	texts := post.Texts()
	want := []string{
		"a &lt; b &amp;&amp; c &gt; d &lt;!channel&gt; &lt;@U0EVE0001&gt; &lt;https://evil.example|click&gt;",
		"> x &lt;y&gt; &amp; z",
		"*T&amp;C* · &lt;S&gt;",
	}
	if strings.Join(texts, "\n") != strings.Join(want, "\n") {
		t.Errorf("got texts\n%q\nwant\n%q", texts, want)
	}
	if fb := post.Get("text"); strings.ContainsAny(strings.ReplaceAll(fb, "> ", ""), "<>") {
		t.Errorf("got fallback %q, want it escaped", fb)
	}
}

func TestDeclinedShowsThemesWithoutSources(t *testing.T) {
	h := start(t, slack.ModeSocket, realCore(t), nil)
	h.fake.SendEvent(t, "Ev3200", 0, directMessage("1700004200.000100", "What is the weather on Mars?"))
	post := h.fake.WaitCalls(t, "chat.postMessage", 1)[0]
	texts := joined([]slacktest.Call{post})
	if !strings.Contains(texts, "doesn't cover") || !strings.Contains(texts, "Handling the Spoilers") {
		t.Errorf("got %q, want the decline and the themes", texts)
	}
	for _, text := range post.Texts() {
		if strings.HasPrefix(text, "> ") || strings.Contains(text, articleTitle(t)+"*") {
			t.Errorf("got %q, want no quotes or citations in a decline", text)
		}
	}
}

// TestThemeAskedByPlaceShowsItsQuotes checks that an answer about one of
// the article's themes, which the bot heads with the theme's label, shows
// its quotes under their section as any answer does, not its text again.
func TestThemeAskedByPlaceShowsItsQuotes(t *testing.T) {
	h := start(t, slack.ModeSocket, realCore(t), nil)
	h.fake.SendEvent(t, "Ev3201", 0, directMessage("1700004200.000200", "What's the second big issue the author lists?"))
	post := h.fake.WaitCalls(t, "chat.postMessage", 1)[0]
	texts := joined([]slacktest.Call{post})
	if !strings.Contains(texts, "Keeping Support At The Top") || !strings.Contains(texts, "The enormity of the task") {
		t.Fatalf("got %q, want the theme's quotes under its section", texts)
	}
	for _, text := range post.Texts() {
		if strings.Contains(text, "2) Keeping Support At The Top") {
			t.Errorf("got %q, want the label left to the quotes' sections, not the text run together", text)
		}
	}
}
