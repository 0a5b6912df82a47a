package slack_test

import (
	"strings"
	"testing"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

// replicas returns n bots over the article sharing one store, as replicas
// (or a process and its successor) share the state database.
func replicas(t *testing.T, n int) []*bot.Bot {
	t.Helper()
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		t.Fatalf("index the article: %v", err)
	}
	store := bot.NewMemoryStore()
	key := []byte("0123456789abcdef0123456789abcdef")
	bots := make([]*bot.Bot, n)
	for i := range bots {
		bots[i] = bot.New(ix, bot.Options{Store: store, ReplyKey: key})
	}
	return bots
}

func TestFollowUpSurvivesANewAdapter(t *testing.T) {
	bots := replicas(t, 2)
	const thread = "1700005000.000100"
	first := start(t, slack.ModeSocket, bots[0], nil)
	first.fake.SendEvent(t, "EvS001", 0, mention(thread, "", "<@UBOT0001> What has Congress pushed for?"))
	first.fake.WaitCalls(t, "chat.postMessage", 1)
	if err := first.stop(t); err != nil {
		t.Fatalf("Run returned %v, want nil", err)
	}

	// A new adapter, and a new bot, over the same store: the thread is
	// still followed, and the follow-up read in its context.
	second := start(t, slack.ModeSocket, bots[1], func(o *slack.Options) { o.Workers = 1 })
	second.fake.SendEvent(t, "EvS002", 0, map[string]any{"type": "message", "channel_type": "channel", "user": alice,
		"text": "and the Iranian side?", "ts": "1700005000.000200", "thread_ts": thread, "channel": channel, "event_ts": "1700005000.000200"})
	post := second.fake.WaitCalls(t, "chat.postMessage", 1)[0]
	if post.Get("thread_ts") != thread {
		t.Errorf("got the follow-up answered in %q, want the thread %q", post.Get("thread_ts"), thread)
	}
	if texts := joined([]slacktest.Call{post}); !strings.Contains(texts, "Iran") {
		t.Errorf("got %q, want an answer about the Iranian side", texts)
	}
	// The same event delivered to the new adapter again is answered once.
	second.fake.SendEvent(t, "EvS001", 1, mention(thread, "", "<@UBOT0001> What has Congress pushed for?"))
	second.fake.SendEvent(t, "EvS003", 0, directMessage("1700005000.000300", "sentinel"))
	second.fake.WaitMatch(t, "chat.postMessage", func(c slacktest.Call) bool { return c.Get("channel") == dm })
	n := 0
	for _, c := range second.fake.Calls("chat.postMessage") {
		if c.Get("channel") == channel {
			n++
		}
	}
	if n != 1 {
		t.Errorf("got %d posts in the thread, want the follow-up's alone: EvS001 is answered once across adapters", n)
	}
}

func TestShareSurvivesANewAdapter(t *testing.T) {
	bots := replicas(t, 2)
	first := start(t, slack.ModeSocket, bots[0], nil)
	first.fake.SendSlashCommand(t, map[string]string{"command": "/talks", "text": "ask What has Congress pushed for?",
		"user_id": alice, "channel_id": channel, "trigger_id": "5100.1", "response_url": first.fake.ResponseURL("ask")})
	answer := first.fake.WaitResponses(t, "ask", 1)[0]
	var share slacktest.Button
	for _, b := range answer.Buttons() {
		if strings.HasPrefix(b.ActionID, "talks_share:") {
			share = b
		}
	}
	if share.ActionID == "" {
		t.Fatalf("got buttons %+v, want Share", answer.Buttons())
	}
	if err := first.stop(t); err != nil {
		t.Fatalf("Run returned %v, want nil", err)
	}

	second := start(t, slack.ModeSocket, bots[1], nil)
	second.fake.SendInteraction(t, slacktest.ButtonClick("5100.2", alice, channel, "", share, second.fake.ResponseURL("share")))
	shared := second.fake.WaitResponses(t, "share", 1)[0]
	if shared.Get("response_type") != "in_channel" || !strings.Contains(joined([]slacktest.Call{shared}), answerQuote) {
		t.Errorf("got %s %q, want the answer shared in the channel", shared.Get("response_type"), joined([]slacktest.Call{shared}))
	}

	// A second click (a double click, or one before the private copy is
	// gone), posts nothing more.
	second.fake.SendInteraction(t, slacktest.ButtonClick("5100.3", alice, channel, "", share, second.fake.ResponseURL("again")))
	again := second.fake.WaitResponses(t, "again", 1)[0]
	if again.Get("response_type") == "in_channel" || !strings.Contains(joined([]slacktest.Call{again}), "already shared") {
		t.Errorf("got %s %q, want a private note that the answer is shared already", again.Get("response_type"), joined([]slacktest.Call{again}))
	}
}
