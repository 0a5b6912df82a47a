package slack_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

// A question and the sentences a drafter streams for it: the passing one
// says what passage [1] says and cites it; the failing one cites [9], a
// passage the drafter was not given.
const (
	draftQuestion   = "What has Congress pushed for?"
	passingSentence = "Congress has pushed for more hard-hitting sanctions [1]."
	failingSentence = "Iran has agreed to every demand [9]."
	answerQuote     = "Congress has pushed for more hard-hitting sanctions."
)

// failingMarks betray the failing sentence in anything sent to Slack.
var failingMarks = []string{"every demand", "[9]"}

// streamingDrafter is a bot.Drafter that streams a draft of two sentences as
// an LLM does, a few words at a time.
type streamingDrafter struct {
	first, second string
	// shown, when not nil, is closed by the test once the first sentence is
	// on screen; the drafter streams the second only then, so what the
	// adapter shows does not depend on timing.
	shown <-chan struct{}
}

var _ bot.Drafter = (*streamingDrafter)(nil)

func (d *streamingDrafter) Draft(ctx context.Context, req bot.DraftRequest) (bot.Draft, error) {
	draft := d.first + " " + d.second
	req.Partial(d.first)
	// The bot checks a sentence once the next one has begun.
	req.Partial(d.first + " " + strings.Fields(d.second)[0])
	if d.shown != nil {
		select {
		case <-d.shown:
		case <-ctx.Done():
			return bot.Draft{}, ctx.Err()
		}
	}
	req.Partial(draft)
	return bot.Draft{Text: draft, Model: "fake-llm"}, nil
}

// draftingCore answers through a real bot over the article drafting with d,
// except in refChannel, where a real bot without a drafter answers: the
// extractive answer the draft must give way to.
func draftingCore(t *testing.T, d bot.Drafter) *fakeCore {
	t.Helper()
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		t.Fatalf("index the article: %v", err)
	}
	drafting, extractive := bot.New(ix, bot.Options{Drafter: d}), bot.New(ix, bot.Options{})
	ref := extractive.Handle(context.Background(), bot.Request{Platform: bot.Slack, Text: draftQuestion})
	if ref.Kind != bot.KindAnswer || ref.Mode != bot.ModeExtractive || len(ref.Citations) == 0 ||
		!strings.Contains(ref.Citations[0].Text, strings.TrimSuffix(answerQuote, ".")) || ref.Text != answerQuote {
		t.Fatalf("got extractive reply %+v, want an answer quoting %q from passage [1]", ref, answerQuote)
	}
	return &fakeCore{reply: func(ctx context.Context, req bot.Request) bot.Reply {
		if req.Channel == refChannel {
			return extractive.Handle(ctx, req)
		}
		return drafting.Handle(ctx, req)
	}}
}

const refChannel = "C0EXTRACT"

// extractiveAnswer asks draftQuestion in refChannel and returns the answer
// as shown there.
func extractiveAnswer(t *testing.T, h *harness) slacktest.Message {
	t.Helper()
	ev := mention("1700009000.000100", "", "<@UBOT0001> "+draftQuestion)
	ev["channel"] = refChannel
	h.fake.SendEvent(t, "EvRef", 0, ev)
	return h.fake.WaitMessages(t, refChannel, 1)[0]
}

// draftPaths are the ways a question reaches the bot with its answer
// streamed: a mention, answered in its thread, and a direct message.
var draftPaths = []struct {
	name    string
	channel string
	thread  string // where the answer goes
	event   map[string]any
}{
	{"mention", channel, "1700009100.000100", mention("1700009100.000100", "", "<@UBOT0001> "+draftQuestion)},
	{"direct message", dm, "", directMessage("1700009100.000100", draftQuestion)},
}

// checkReplaced checks that the bot's only message in the path's channel
// shows the extractive answer exactly as want shows it, and that nothing
// Slack was sent showed the failing sentence.
func checkReplaced(t *testing.T, h *harness, channel, thread string, want slacktest.Message) slacktest.Message {
	t.Helper()
	for _, c := range h.fake.Calls("") {
		sent := c.Get("text") + "\n" + c.Get("blocks") + "\n" + c.Get("markdown_text")
		for _, mark := range failingMarks {
			if strings.Contains(sent, mark) {
				t.Errorf("got %s showing %q, want the failing sentence never shown", c.Method, mark)
			}
		}
	}
	msgs := h.fake.Messages(channel)
	if len(msgs) != 1 {
		t.Fatalf("got %d messages in %s, want only the answer", len(msgs), channel)
	}
	got := msgs[0]
	if got.Thread != thread {
		t.Errorf("got the answer in thread %q, want %q", got.Thread, thread)
	}
	texts := strings.Join(got.Texts(), "\n")
	if !strings.Contains(texts, "> "+answerQuote) || !strings.Contains(texts, articleTitle(t)) {
		t.Errorf("got %q, want the quote with its citation", texts)
	}
	for _, no := range []string{"writing…", "Worded by", passingSentence} {
		if strings.Contains(texts, no) {
			t.Errorf("got %q, want no %q: the extractive answer replaces the draft", texts, no)
		}
	}
	if !slices.Equal(got.Texts(), want.Texts()) || got.Text != want.Text {
		t.Errorf("got blocks %q (fallback %q), want the extractive answer's %q (fallback %q)",
			got.Texts(), got.Text, want.Texts(), want.Text)
	}
	if g, w := buttonKinds(got), buttonKinds(want); !slices.Equal(g, w) {
		t.Errorf("got buttons %v, want the extractive answer's %v", g, w)
	}
	return got
}

// seen returns what m shows: the text it streamed, then its blocks' text.
func seen(m slacktest.Message) string {
	return m.Markdown + "\n" + strings.Join(m.Texts(), "\n")
}

// buttonKinds returns the action ids of m's buttons without the reply id.
func buttonKinds(m slacktest.Message) []string {
	var out []string
	for _, b := range m.Buttons() {
		kind, _, _ := strings.Cut(b.ActionID, ":")
		out = append(out, kind)
	}
	return out
}

func TestSocketDraftFailingMidStreamIsReplaced(t *testing.T) {
	for _, p := range draftPaths {
		t.Run(p.name, func(t *testing.T) {
			shown := make(chan struct{})
			d := &streamingDrafter{first: passingSentence, second: failingSentence, shown: shown}
			h := start(t, slack.ModeSocket, draftingCore(t, d), func(o *slack.Options) { o.WorkingAfter = time.Minute })
			release := sync.OnceFunc(func() { close(shown) })
			t.Cleanup(release) // before the adapter stops, should the test fail early
			want := extractiveAnswer(t, h)

			h.fake.SendEvent(t, "Ev9100", 0, p.event)
			draft := h.fake.WaitMessages(t, p.channel, 1)[0]
			if texts := seen(draft); !strings.Contains(texts, passingSentence) {
				t.Errorf("got draft %q, want the first sentence shown while streaming", texts)
			}
			release()
			// Stopping waits for the answer in flight: every call is made.
			if err := h.stop(t); err != nil {
				t.Errorf("Run returned %v, want nil", err)
			}

			// The one message left is the draft, updated.
			got := checkReplaced(t, h, p.channel, p.thread, want)
			for _, u := range h.fake.Calls("chat.update") {
				if u.Get("channel") != p.channel || u.Get("ts") != got.TS {
					t.Errorf("got an update of %s %s, want only the draft's (%s) updated", u.Get("channel"), u.Get("ts"), got.TS)
				}
			}
		})
	}
}

func TestSocketDraftFailingAtFirstSentencePostsOnlyTheAnswer(t *testing.T) {
	for _, p := range draftPaths {
		t.Run(p.name, func(t *testing.T) {
			d := &streamingDrafter{first: failingSentence, second: passingSentence}
			h := start(t, slack.ModeSocket, draftingCore(t, d), func(o *slack.Options) { o.WorkingAfter = time.Minute })
			want := extractiveAnswer(t, h)

			h.fake.SendEvent(t, "Ev9200", 0, p.event)
			h.fake.WaitMessages(t, p.channel, 1)
			if err := h.stop(t); err != nil {
				t.Errorf("Run returned %v, want nil", err)
			}

			checkReplaced(t, h, p.channel, p.thread, want)
			if n := len(h.fake.Calls("chat.update")); n != 0 {
				t.Errorf("got %d updates, want none: nothing was streamed", n)
			}
		})
	}
}
