package slack_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/bot"
)

func TestSocketMentionAnswersInThread(t *testing.T) {
	h := start(t, slack.ModeSocket, realCore(t), nil)
	const ts = "1700000100.000100"
	env := h.fake.SendEvent(t, "Ev0001", 0, mention(ts, "", "<@UBOT0001> what has Congress pushed for?"))
	h.fake.WaitAck(t, env)

	post := h.fake.WaitCalls(t, "chat.postMessage", 1)[0]
	if got := post.Get("channel"); got != channel {
		t.Errorf("got channel %q, want %q", got, channel)
	}
	if got := post.Get("thread_ts"); got != ts {
		t.Errorf("got thread_ts %q, want the mention's ts %q", got, ts)
	}
	if post.Get("text") == "" {
		t.Error("got an empty fallback text, want the answer")
	}
	texts := joined([]slacktest.Call{post})
	if !strings.Contains(texts, "> ") || !strings.Contains(texts, "Congress") {
		t.Errorf("got blocks %q, want a quote about Congress", texts)
	}
	if !strings.Contains(texts, articleTitle(t)) {
		t.Errorf("got blocks %q, want the article title %q in a citation", texts, articleTitle(t))
	}
	buttons := post.Buttons()
	if len(buttons) != 2 || !strings.HasPrefix(buttons[0].ActionID, "talks_helpful:") ||
		!strings.HasPrefix(buttons[1].ActionID, "talks_not_helpful:") {
		t.Errorf("got buttons %+v, want Helpful and Not helpful", buttons)
	}
	if got := h.fake.Origins(); len(got) == 0 || got[0] != slacktest.SlackOrigin {
		t.Errorf("got websocket origins %q, want %q", got, slacktest.SlackOrigin)
	}
}

func TestSocketMentionTranslation(t *testing.T) {
	core := &fakeCore{}
	h := start(t, slack.ModeSocket, core, nil)
	const thread, ts = "1700000100.000100", "1700000200.000200"
	h.fake.SendEvent(t, "Ev0002", 0, mention(ts, thread,
		"<@UBOT0001> and the Iranian side &amp; <https://example.org/a|the site>?"))
	post := h.fake.WaitCalls(t, "chat.postMessage", 1)[0]

	reqs := core.Requests()
	if len(reqs) != 1 {
		t.Fatalf("got %d requests, want 1", len(reqs))
	}
	want := bot.Request{Platform: bot.Slack, User: alice, Channel: channel, Thread: thread,
		Text: "and the Iranian side & the site?"}
	got := reqs[0]
	got.Progress = nil
	if got.Platform != want.Platform || got.User != want.User || got.Channel != want.Channel ||
		got.Thread != want.Thread || got.Text != want.Text {
		t.Errorf("got request %+v, want %+v", got, want)
	}
	if reqs[0].Progress == nil {
		t.Error("got no Progress callback, want one for streamed drafts")
	}
	if got := post.Get("thread_ts"); got != thread {
		t.Errorf("got thread_ts %q, want the thread %q", got, thread)
	}
}

func TestSocketDirectMessage(t *testing.T) {
	h := start(t, slack.ModeSocket, realCore(t), nil)
	h.fake.SendEvent(t, "Ev0003", 0, directMessage("1700000300.000100", "What has Congress pushed for?"))
	post := h.fake.WaitCalls(t, "chat.postMessage", 1)[0]
	if got := post.Get("channel"); got != dm {
		t.Errorf("got channel %q, want the DM %q", got, dm)
	}
	if got := post.Get("thread_ts"); got != "" {
		t.Errorf("got thread_ts %q, want a top-level answer in the DM", got)
	}
	if texts := joined([]slacktest.Call{post}); !strings.Contains(texts, "Congress") {
		t.Errorf("got blocks %q, want an answer about Congress", texts)
	}
}

func TestSocketThreadFollowUp(t *testing.T) {
	core := &fakeCore{}
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) { o.Workers = 1 })
	const thread = "1700000400.000100"
	h.fake.SendEvent(t, "Ev0010", 0, mention(thread, "", "<@UBOT0001> what has Congress pushed for?"))
	h.fake.WaitCalls(t, "chat.postMessage", 1)

	reply := func(ts, thread, text string) map[string]any {
		return map[string]any{"type": "message", "channel_type": "channel", "user": alice, "text": text,
			"ts": ts, "thread_ts": thread, "channel": channel, "event_ts": ts}
	}
	// Not a thread the bot answered in: ignored.
	h.fake.SendEvent(t, "Ev0011", 0, reply("1700000400.000300", "1600000000.000001", "unrelated chatter"))
	// The bot's thread without a mention: a follow-up.
	h.fake.SendEvent(t, "Ev0012", 0, reply("1700000400.000200", thread, "and the Iranian side?"))
	posts := h.fake.WaitCalls(t, "chat.postMessage", 2)

	reqs := core.Requests()
	if len(reqs) != 2 {
		t.Fatalf("got %d requests, want 2 (the mention and the follow-up)", len(reqs))
	}
	if reqs[1].Text != "and the Iranian side?" || reqs[1].Thread != thread {
		t.Errorf("got follow-up %q in thread %q, want %q in %q", reqs[1].Text, reqs[1].Thread, "and the Iranian side?", thread)
	}
	if got := posts[1].Get("thread_ts"); got != thread {
		t.Errorf("got follow-up answer in thread %q, want %q", got, thread)
	}
}

// slashCases are /talks invocations and a text each answer must show.
var slashCases = []struct {
	name, text, want string
}{
	{"ask", "ask What has Congress pushed for?", "Congress"},
	{"bare question", "What has Congress pushed for?", "Congress"},
	{"summary of a theme", "summary spoilers", "spoilers"},
	{"summary of every theme", "summary", "Handling the Spoilers"},
	{"themes", "themes", "The themes I can summarise"},
	{"sources", "sources", "I answer from"},
	{"help", "help", "Commands"},
	{"empty", "", "Commands"},
}

// checkSlashAnswer checks an ephemeral /talks answer with a Share button.
func checkSlashAnswer(t *testing.T, calls []slacktest.Call, want string) {
	t.Helper()
	for _, c := range calls {
		if got := c.Get("response_type"); got != "ephemeral" {
			t.Errorf("got response_type %q, want ephemeral", got)
		}
	}
	if texts := joined(calls); !strings.Contains(strings.ToLower(texts), strings.ToLower(want)) {
		t.Errorf("got blocks %q, want them to contain %q", texts, want)
	}
	last := calls[len(calls)-1].Buttons()
	if len(last) == 0 || !strings.HasPrefix(last[len(last)-1].ActionID, "talks_share:") {
		t.Errorf("got buttons %+v, want a Share in channel button last", last)
	}
}

func TestSocketSlashCommands(t *testing.T) {
	h := start(t, slack.ModeSocket, realCore(t), nil)
	for _, tt := range slashCases {
		t.Run(tt.name, func(t *testing.T) {
			env := h.fake.SendSlashCommand(t, map[string]string{
				"command": "/talks", "text": tt.text, "user_id": alice, "channel_id": channel,
				"response_url": h.fake.ResponseURL("socket-" + tt.name), "team_id": "T0000001",
			})
			h.fake.WaitAck(t, env)
			checkSlashAnswer(t, h.fake.WaitResponses(t, "socket-"+tt.name, 1), tt.want)
		})
	}
}

func TestSocketRetryAnsweredOnce(t *testing.T) {
	core := &fakeCore{}
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) { o.Workers = 1 })
	ev := mention("1700000500.000100", "", "<@UBOT0001> what has Congress pushed for?")
	h.fake.SendEvent(t, "Ev0020", 0, ev)
	h.fake.SendEvent(t, "Ev0020", 1, ev)
	h.fake.SendEvent(t, "Ev0020", 2, ev)
	// One worker answers in order: once the next event is answered, the
	// retries are done with.
	h.fake.SendEvent(t, "Ev0021", 0, directMessage("1700000500.000200", "sentinel"))
	h.waitSentinel(t)

	if got := len(h.fake.Calls("chat.postMessage")); got != 2 {
		t.Errorf("got %d posts, want 2: the event answered once and the sentinel", got)
	}
	if got := len(core.Requests()); got != 2 {
		t.Errorf("got %d requests to the core, want 2", got)
	}
}

func TestSocketIgnoresBots(t *testing.T) {
	core := &fakeCore{}
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) { o.Workers = 1 })
	withBotID := directMessage("1700000600.000100", "I am another bot")
	withBotID["bot_id"] = "BOTHER001"
	botMessage := directMessage("1700000600.000200", "a bot_message")
	botMessage["subtype"] = "bot_message"
	delete(botMessage, "user")
	own := directMessage("1700000600.000300", "my own answer")
	own["user"] = "UBOT0001"
	botMention := mention("1700000600.000400", "", "<@UBOT0001> hello from a bot")
	botMention["bot_id"] = "BOTHER001"
	edited := directMessage("1700000600.000500", "edited")
	edited["subtype"] = "message_changed"

	for i, ev := range []map[string]any{withBotID, botMessage, own, botMention, edited} {
		h.fake.SendEvent(t, "Ev003"+string(rune('0'+i)), 0, ev)
	}
	h.fake.SendEvent(t, "Ev0039", 0, directMessage("1700000600.000900", "sentinel"))
	h.waitSentinel(t)

	reqs := core.Requests()
	if len(reqs) != 1 || reqs[0].Text != "sentinel" {
		t.Errorf("got requests %+v, want only the sentinel", reqs)
	}
	if got := len(h.fake.Calls("chat.postMessage")); got != 1 {
		t.Errorf("got %d posts, want 1", got)
	}
}

func TestSocketFeedbackClick(t *testing.T) {
	tests := []struct {
		name     string
		button   int // 0 Helpful, 1 Not helpful
		fbErr    error
		helpful  bool
		wantAck  bool
		wantText string
	}{
		{name: "helpful", button: 0, helpful: true, wantAck: true, wantText: "Thanks"},
		{name: "not helpful", button: 1, helpful: false, wantAck: true, wantText: "Thanks"},
		// Unacknowledged, the click shows the user it failed.
		{name: "store fails", button: 0, helpful: true, fbErr: errors.New("disk full"), wantText: "couldn't record"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			core := &fakeCore{fbErr: tt.fbErr}
			h := start(t, slack.ModeSocket, core, nil)
			h.fake.SendEvent(t, "Ev0040", 0, mention("1700000700.000100", "", "<@UBOT0001> what has Congress pushed for?"))
			post := h.fake.WaitCalls(t, "chat.postMessage", 1)[0]
			buttons := post.Buttons()
			if len(buttons) < 2 {
				t.Fatalf("got buttons %+v, want feedback buttons", buttons)
			}
			b := buttons[tt.button]

			env := h.fake.SendInteraction(t, blockAction(b, post.Get("ts"), h.fake.ResponseURL("fb")))
			// Envelopes are handled in order: once a later one is
			// acknowledged, the click was dealt with.
			h.fake.WaitAck(t, h.fake.SendEvent(t, "Ev0041", 0, mention("1700000700.000200", "", "<@UBOT0001> sentinel")))
			if _, acked := h.fake.Acked(env); acked != tt.wantAck {
				t.Errorf("got the click acknowledged %v, want %v", acked, tt.wantAck)
			}
			ack := h.fake.WaitResponses(t, "fb", 1)[0]
			if got := ack.Get("response_type"); got != "ephemeral" {
				t.Errorf("got response_type %q, want ephemeral (the clicker alone)", got)
			}
			if got := ack.Get("replace_original"); got != "false" {
				t.Errorf("got replace_original %q, want false", got)
			}
			if texts := joined([]slacktest.Call{ack}); !strings.Contains(texts, tt.wantText) {
				t.Errorf("got %q, want it to contain %q", texts, tt.wantText)
			}
			fb := core.Feedbacks()
			if len(fb) != 1 {
				t.Fatalf("got %d feedbacks, want 1", len(fb))
			}
			want := bot.Feedback{ReplyID: "reply-1", Platform: bot.Slack, User: alice, Helpful: tt.helpful, Theme: "Handling the Spoilers"}
			got := fb[0]
			if got.At.IsZero() {
				t.Error("got a zero feedback time")
			}
			got.At = time.Time{}
			if got != want {
				t.Errorf("got feedback %+v, want %+v", got, want)
			}
		})
	}
}

// triggers numbers the trigger_ids of the clicks the tests make: Slack
// gives every click its own.
var triggers atomic.Int64

// blockAction is a block_actions payload for a click on b by alice, with a
// trigger_id of its own.
func blockAction(b slacktest.Button, messageTS, responseURL string) map[string]any {
	return map[string]any{
		"type":         "block_actions",
		"user":         map[string]any{"id": alice, "username": "alice"},
		"channel":      map[string]any{"id": channel, "name": "talks"},
		"container":    map[string]any{"type": "message", "message_ts": messageTS, "channel_id": channel},
		"response_url": responseURL,
		"trigger_id":   fmt.Sprintf("%d.2.3", triggers.Add(1)),
		"actions": []map[string]any{{
			"type": "button", "action_id": b.ActionID, "block_id": "talks_actions", "value": b.Value,
			"action_ts": "1700000800.000100",
		}},
	}
}

func TestSocketShareInChannel(t *testing.T) {
	core := &fakeCore{}
	h := start(t, slack.ModeSocket, core, nil)
	h.fake.SendSlashCommand(t, map[string]string{"command": "/talks", "text": "ask what has Congress pushed for?",
		"user_id": alice, "channel_id": channel, "response_url": h.fake.ResponseURL("cmd")})
	answer := h.fake.WaitResponses(t, "cmd", 1)[0]
	buttons := answer.Buttons()
	share := buttons[len(buttons)-1]
	if !strings.HasPrefix(share.ActionID, "talks_share:") {
		t.Fatalf("got buttons %+v, want Share in channel last", buttons)
	}

	h.fake.SendInteraction(t, blockAction(share, "", h.fake.ResponseURL("share")))
	posts := h.fake.WaitResponses(t, "share", 2)
	shared, removed := posts[0], posts[1]
	if got := shared.Get("response_type"); got != "in_channel" {
		t.Errorf("got response_type %q, want in_channel", got)
	}
	texts := joined([]slacktest.Call{shared})
	if !strings.Contains(texts, "<@"+alice+"> shared this answer") || !strings.Contains(texts, "You asked: ask what has Congress pushed for?") {
		t.Errorf("got shared blocks %q, want the answer and who shared it", texts)
	}
	for _, b := range shared.Buttons() {
		if strings.HasPrefix(b.ActionID, "talks_share:") {
			t.Errorf("got a share button %+v on the shared answer, want none", b)
		}
	}
	if got := removed.Get("delete_original"); got != "true" {
		t.Errorf("got delete_original %q, want true: the private copy goes", got)
	}

	t.Run("oversize answer", func(t *testing.T) {
		core.mu.Lock()
		core.reply = func(_ context.Context, req bot.Request) bot.Reply {
			if req.Text == "sentinel" {
				return bot.Reply{ID: "s", Kind: bot.KindAnswer, Text: "sentinel"}
			}
			return hugeReply()
		}
		core.mu.Unlock()
		h.fake.SendSlashCommand(t, map[string]string{"command": "/talks", "text": "everything",
			"user_id": alice, "channel_id": channel, "response_url": h.fake.ResponseURL("big")})
		parts := h.fake.WaitResponses(t, "big", 5)
		buttons := parts[4].Buttons()
		share := buttons[len(buttons)-1]
		h.fake.SendInteraction(t, blockAction(share, "", h.fake.ResponseURL("share-big")))
		// The deletion of the private copy comes last.
		h.fake.WaitMatch(t, "response_url", func(c slacktest.Call) bool {
			return c.Name == "share-big" && c.Get("delete_original") == "true"
		})
		posts := h.fake.WaitResponses(t, "share-big", 5)
		if len(posts) != 5 {
			t.Fatalf("got %d posts to the response_url, want 5, all it takes", len(posts))
		}
		checkLimits(t, posts[:4])
		if !strings.Contains(joined(posts[3:4]), "too long to show") {
			t.Errorf("got last part %q, want a note that the answer was cut", joined(posts[3:4]))
		}
		if posts[4].Get("delete_original") != "true" {
			t.Errorf("got last post %v, want the private copy deleted", posts[4].JSON)
		}
		if eph := h.fake.Calls("chat.postEphemeral"); len(eph) != 0 {
			t.Errorf("got %q, want no apology", joined(eph))
		}
	})

	t.Run("unknown answer", func(t *testing.T) {
		gone := slacktest.Button{ActionID: "talks_share:nope", Value: "nope"}
		h.fake.SendInteraction(t, blockAction(gone, "", h.fake.ResponseURL("gone")))
		got := h.fake.WaitResponses(t, "gone", 1)[0]
		if texts := joined([]slacktest.Call{got}); !strings.Contains(texts, "no longer available") || got.Get("response_type") != "ephemeral" {
			t.Errorf("got %q (%s), want an ephemeral note that it expired", texts, got.Get("response_type"))
		}
	})
}

func TestSocketWorkingReaction(t *testing.T) {
	release := make(chan struct{})
	core := &fakeCore{reply: func(ctx context.Context, req bot.Request) bot.Reply {
		select {
		case <-release:
		case <-ctx.Done():
		}
		return bot.Reply{ID: "slow", Kind: bot.KindAnswer, Text: "done"}
	}}
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) { o.WorkingAfter = -1 })
	const ts = "1700000900.000100"
	h.fake.SendEvent(t, "Ev0050", 0, mention(ts, "", "<@UBOT0001> slow question"))
	add := h.fake.WaitCalls(t, "reactions.add", 1)[0]
	close(release)
	h.fake.WaitCalls(t, "reactions.remove", 1)

	if add.Get("name") != "eyes" || add.Get("channel") != channel || add.Get("timestamp") != ts {
		t.Errorf("got reaction %v, want eyes on %s/%s", add.Form, channel, ts)
	}
	var order []string
	for _, c := range h.fake.Calls("") {
		switch c.Method {
		case "reactions.add", "chat.postMessage", "reactions.remove":
			order = append(order, c.Method)
		}
	}
	want := []string{"reactions.add", "chat.postMessage", "reactions.remove"}
	if strings.Join(order, ",") != strings.Join(want, ",") {
		t.Errorf("got calls %v, want %v", order, want)
	}
}

func TestSocketFastAnswerGetsNoReaction(t *testing.T) {
	h := start(t, slack.ModeSocket, &fakeCore{}, func(o *slack.Options) {
		o.Workers = 1
		o.WorkingAfter = time.Minute
	})
	h.fake.SendEvent(t, "Ev0055", 0, mention("1700000950.000100", "", "<@UBOT0001> quick one"))
	// One worker: once the sentinel is answered, the mention's job,
	// reaction timer included, is over.
	h.fake.SendEvent(t, "Ev0056", 0, directMessage("1700000950.000200", "sentinel"))
	h.waitSentinel(t)
	if got := h.fake.Calls("reactions.add"); len(got) != 0 {
		t.Errorf("got %d reactions.add calls, want none for an answer faster than WorkingAfter", len(got))
	}
	if got := len(h.fake.Calls("chat.postMessage")); got != 2 {
		t.Errorf("got %d posts, want 2", got)
	}
}

func TestSocketProgressDraft(t *testing.T) {
	release := make(chan struct{})
	core := &fakeCore{reply: func(ctx context.Context, req bot.Request) bot.Reply {
		req.Progress("Congress has pushed <for>")
		select {
		case <-release:
		case <-ctx.Done():
		}
		return bot.Reply{ID: "llm", Kind: bot.KindAnswer, Text: "Congress has pushed for sanctions [1].", Mode: bot.ModeLLM, Model: "fake-1"}
	}}
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) { o.WorkingAfter = time.Minute })
	// A direct message outside a thread: Slack streams only thread
	// replies, so the draft is a message edited as it grows.
	h.fake.SendEvent(t, "Ev0060", 0, directMessage("1700001000.000100", "stream please"))
	draft := h.fake.WaitCalls(t, "chat.postMessage", 1)[0]
	if texts := joined([]slacktest.Call{draft}); !strings.Contains(texts, "Congress has pushed &lt;for&gt;") {
		t.Errorf("got draft %q, want the partial answer, escaped", texts)
	}
	if got := draft.Get("thread_ts"); got != "" {
		t.Errorf("got draft in thread %q, want it in the direct message itself", got)
	}
	close(release)
	final := h.fake.WaitCalls(t, "chat.update", 1)[0]
	if got := final.Get("ts"); got != "1700000000.000001" {
		t.Errorf("got update of %q, want the draft's ts", got)
	}
	if texts := joined([]slacktest.Call{final}); !strings.Contains(texts, "sanctions [1]") || !strings.Contains(texts, "fake-1") {
		t.Errorf("got final %q, want the drafted answer and its model", texts)
	}
	if got := len(h.fake.Calls("chat.postMessage")); got != 1 {
		t.Errorf("got %d posts, want only the draft (the answer replaces it)", got)
	}
}

func TestSocketReconnects(t *testing.T) {
	reconnects := make(chan struct{}, 8)
	h := start(t, slack.ModeSocket, &fakeCore{}, func(o *slack.Options) {
		o.OnReconnect = func() { reconnects <- struct{}{} }
	})
	h.fake.WaitConnected(t, 1)
	h.fake.SendDisconnect(t)
	h.fake.WaitConnected(t, 2)
	select {
	case <-reconnects:
	case <-time.After(slacktest.WaitTimeout):
		t.Fatal("got no OnReconnect call after the reconnect")
	}
	h.fake.SendEvent(t, "Ev0070", 0, directMessage("1700001100.000100", "still there?"))
	h.fake.WaitCalls(t, "chat.postMessage", 1)
	opens := h.fake.Calls("apps.connections.open")
	if len(opens) < 2 {
		t.Fatalf("got %d apps.connections.open calls, want 2", len(opens))
	}
	for _, c := range opens {
		if c.Token != appToken {
			t.Errorf("got apps.connections.open with token %q, want the app token", c.Token)
		}
	}
	if err := h.stop(t); err != nil {
		t.Errorf("Run returned %v, want nil", err)
	}
	// The first connection is no reconnect.
	if n := len(reconnects); n != 0 {
		t.Errorf("got %d more OnReconnect calls, want 1 in all", n)
	}
}

func TestSocketEphemeralReplies(t *testing.T) {
	h := start(t, slack.ModeSocket, realCore(t), nil)
	// Help is for the asker alone: ephemeral in a channel thread...
	h.fake.SendEvent(t, "Ev0080", 0, mention("1700001200.000100", "", "<@UBOT0001> help"))
	eph := h.fake.WaitCalls(t, "chat.postEphemeral", 1)[0]
	if eph.Get("user") != alice || eph.Get("channel") != channel || eph.Get("thread_ts") != "1700001200.000100" {
		t.Errorf("got ephemeral %v, want it for %s in the mention's thread", eph.Form, alice)
	}
	if texts := joined([]slacktest.Call{eph}); !strings.Contains(texts, "Commands") {
		t.Errorf("got %q, want the help", texts)
	}
	// ...and a plain message in a DM, which is private already.
	h.fake.SendEvent(t, "Ev0081", 0, directMessage("1700001200.000200", "help"))
	post := h.fake.WaitCalls(t, "chat.postMessage", 1)[0]
	if post.Get("channel") != dm || !strings.Contains(joined([]slacktest.Call{post}), "Commands") {
		t.Errorf("got %v, want the help posted in the DM", post.Form)
	}
}

func TestSocketDirectMessageKnownByChannelType(t *testing.T) {
	core := &fakeCore{reply: func(context.Context, bot.Request) bot.Reply {
		return bot.Reply{ID: "h1", Kind: bot.KindHelp, Text: "Commands: ask", Ephemeral: true}
	}}
	h := start(t, slack.ModeSocket, core, nil)
	// Channel ids are opaque: the event's channel_type says it is a DM.
	ev := directMessage("1700001250.000100", "help")
	ev["channel"] = "C0DIRECT1"
	h.fake.SendEvent(t, "Ev0085", 0, ev)
	post := h.fake.WaitCalls(t, "chat.postMessage", 1)[0]
	if post.Get("channel") != "C0DIRECT1" {
		t.Errorf("got the reply in %q, want it posted in the DM", post.Get("channel"))
	}
	if eph := h.fake.Calls("chat.postEphemeral"); len(eph) != 0 {
		t.Errorf("got %d ephemeral posts, want none in a DM", len(eph))
	}
	if reqs := core.Requests(); len(reqs) != 1 || !reqs[0].DM {
		t.Errorf("got requests %+v, want one marked DM", reqs)
	}
}
