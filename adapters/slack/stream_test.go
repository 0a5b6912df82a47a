package slack_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/bot"
)

// A second sentence passage [1] supports.
const secondSentence = "Iranian hardliners are seeking ways to narrow the window of opportunity [1]."

// steppedDrafter streams sentences one at a time as an LLM does, each only
// once the test lets it (next), so that what the adapter shows does not
// depend on timing.
type steppedDrafter struct {
	sentences []string
	next      chan struct{} // one value lets the next sentence out
}

var _ bot.Drafter = (*steppedDrafter)(nil)

func (d *steppedDrafter) Draft(ctx context.Context, req bot.DraftRequest) (bot.Draft, error) {
	var text string
	for i, s := range d.sentences {
		if i > 0 {
			select {
			case <-d.next:
			case <-ctx.Done():
				return bot.Draft{}, ctx.Err()
			}
			text += " "
		}
		text += s
		// The bot checks a sentence once the next one has begun: the first
		// word of the following sentence, or the end of the draft, does.
		if i+1 < len(d.sentences) {
			req.Partial(text + " " + strings.Fields(d.sentences[i+1])[0])
		}
	}
	select {
	case <-d.next:
	case <-ctx.Done():
		return bot.Draft{}, ctx.Err()
	}
	req.Partial(text)
	return bot.Draft{Text: text, Model: "fake-llm"}, nil
}

func TestStreamedDraftEndsWithFeedback(t *testing.T) {
	slack.SetDraftInterval(t, 0)
	d := &steppedDrafter{sentences: []string{passingSentence, secondSentence}, next: make(chan struct{})}
	core := draftingCore(t, d)
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) { o.WorkingAfter = time.Minute })
	release := sync.OnceFunc(func() { close(d.next) })
	t.Cleanup(release)

	const ts = "1700009300.000100"
	h.fake.SendEvent(t, "Ev9300", 0, mention(ts, "", "<@UBOT0001> "+draftQuestion))
	start := h.fake.WaitCalls(t, "chat.startStream", 1)[0]
	if got, want := start.Get("markdown_text"), passingSentence; got != want {
		t.Errorf("got the stream started with %q, want the first verified sentence %q", got, want)
	}
	if start.Get("channel") != channel || start.Get("thread_ts") != ts {
		t.Errorf("got a stream in %s/%s, want the mention's thread %s/%s", start.Get("channel"), start.Get("thread_ts"), channel, ts)
	}
	if start.Get("recipient_user_id") != alice || start.Get("recipient_team_id") != slacktest.TeamID {
		t.Errorf("got recipients %q/%q, want the asker %s of %s", start.Get("recipient_user_id"), start.Get("recipient_team_id"), alice, slacktest.TeamID)
	}
	d.next <- struct{}{} // the second sentence, checked once the draft ends
	release()            // the end of the draft
	stop := h.fake.WaitCalls(t, "chat.stopStream", 1)[0]
	m := h.fake.WaitMessage(t, channel, stop.Get("ts"), "stopped", func(m slacktest.Message) bool { return !m.Streaming })
	if msgs := h.fake.Messages(channel); len(msgs) != 1 {
		t.Fatalf("got %d messages, want the stream alone", len(msgs))
	}
	if want := passingSentence + " " + secondSentence; m.Markdown != want || m.Streaming {
		t.Errorf("got streamed %q (streaming %v), want %q, stopped", m.Markdown, m.Streaming, want)
	}
	if stop.Get("ts") != m.TS {
		t.Errorf("got the stop of %q, want the stream's %q", stop.Get("ts"), m.TS)
	}
	texts := strings.Join(m.Texts(), "\n")
	for _, want := range []string{"> " + answerQuote, articleTitle(t), "Worded by fake-llm"} {
		if !strings.Contains(texts, want) {
			t.Errorf("got blocks %q under the stream, want %q", texts, want)
		}
	}
	if strings.Contains(texts, passingSentence) {
		t.Errorf("got blocks %q, want the wording shown once, in the stream", texts)
	}
	buttons := m.Buttons()
	if len(buttons) != 2 || !strings.HasPrefix(buttons[0].ActionID, "talks_feedback:") ||
		buttons[0].Value != "helpful" || buttons[1].Value != "not_helpful" {
		t.Fatalf("got buttons %+v, want the feedback buttons", buttons)
	}
	for _, method := range []string{"chat.update", "chat.postMessage"} {
		if n := len(h.fake.Calls(method)); n != 0 {
			t.Errorf("got %d %s calls, want the stream alone", n, method)
		}
	}

	// A click on the feedback buttons is recorded as any feedback is.
	env := h.fake.SendInteraction(t, slacktest.ButtonClick("9300.1.a", alice, channel, m.TS, buttons[1], ""))
	h.fake.WaitAck(t, env)
	fb := core.Feedbacks()
	replyID := strings.TrimPrefix(buttons[1].ActionID, "talks_feedback:")
	if len(fb) != 1 || fb[0].ReplyID != replyID || fb[0].Helpful || fb[0].User != alice {
		t.Errorf("got feedback %+v, want Not helpful on %s by %s", fb, replyID, alice)
	}
}

func TestStreamAppendsEachVerifiedSentence(t *testing.T) {
	slack.SetDraftInterval(t, 0)
	third := "The only way to neutralize them is to build confidence through tangible deliverables [1]."
	d := &steppedDrafter{sentences: []string{passingSentence, secondSentence, third}, next: make(chan struct{})}
	h := start(t, slack.ModeSocket, draftingCore(t, d), func(o *slack.Options) { o.WorkingAfter = time.Minute })
	release := sync.OnceFunc(func() { close(d.next) })
	t.Cleanup(release)

	h.fake.SendEvent(t, "Ev9400", 0, mention("1700009400.000100", "", "<@UBOT0001> "+draftQuestion))
	h.fake.WaitCalls(t, "chat.startStream", 1) // the first sentence, checked once the second began
	d.next <- struct{}{}                       // the third begins: the second is checked, then appended
	d.next <- struct{}{}                       // the third is written; it is checked once the draft ends
	app := h.fake.WaitCalls(t, "chat.appendStream", 1)[0]
	if got := app.Get("markdown_text"); got != " "+secondSentence {
		t.Errorf("got append %q, want the second sentence alone", got)
	}
	release()
	stop := h.fake.WaitCalls(t, "chat.stopStream", 1)[0]
	m := h.fake.WaitMessage(t, channel, stop.Get("ts"), "stopped", func(m slacktest.Message) bool { return !m.Streaming })
	if want := passingSentence + " " + secondSentence + " " + third; m.Markdown != want {
		t.Errorf("got %q, want every sentence once, in order: %q", m.Markdown, want)
	}
}

func TestStreamKeepsToTheAppendBudget(t *testing.T) {
	slack.SetDraftInterval(t, 0)
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	slack.SetNow(t, func() time.Time { return now }) // the budget never refills
	const steps = 13
	shown := make(chan struct{})
	core := &fakeCore{reply: func(ctx context.Context, req bot.Request) bot.Reply {
		text := ""
		for i := range steps {
			text += fmt.Sprintf("Sentence %d [1]. ", i+1)
			req.Progress(strings.TrimSpace(text))
			select {
			case <-shown:
			case <-ctx.Done():
			}
		}
		return bot.Reply{ID: "r-budget", Kind: bot.KindAnswer, Mode: bot.ModeLLM, Model: "fake-llm",
			Text: strings.TrimSpace(text) + " The end [1]."}
	}}
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) { o.WorkingAfter = time.Minute })
	h.fake.SendEvent(t, "Ev9500", 0, mention("1700009500.000100", "", "<@UBOT0001> go"))
	h.fake.WaitCalls(t, "chat.startStream", 1)
	shown <- struct{}{}
	// Ten appends fit the workspace's budget; the eleventh waits.
	for i := 1; i <= 10; i++ {
		h.fake.WaitCalls(t, "chat.appendStream", i)
		shown <- struct{}{}
	}
	h.logs.waitFor(t, "slack stream append budget spent")
	close(shown)
	stop := h.fake.WaitCalls(t, "chat.stopStream", 1)[0]
	if n := len(h.fake.Calls("chat.appendStream")); n != 10 {
		t.Errorf("got %d appends, want the budget's 10", n)
	}
	if got := stop.Get("markdown_text"); !strings.HasPrefix(got, " Sentence 12 [1].") || !strings.HasSuffix(got, "The end [1].") {
		t.Errorf("got the stop with %q, want the text the budget held back", got)
	}
	m := h.fake.WaitMessage(t, channel, stop.Get("ts"), "stopped", func(m slacktest.Message) bool { return !m.Streaming })
	if !strings.HasSuffix(m.Markdown, "Sentence 13 [1]. The end [1].") || strings.Count(m.Markdown, "Sentence") != steps {
		t.Errorf("got %q, want every sentence once", m.Markdown)
	}
}

// progressCore answers with an LLM reply shown first as a draft: it waits
// for a value on shown before returning.
func progressCore(shown <-chan struct{}) *fakeCore {
	return &fakeCore{reply: func(ctx context.Context, req bot.Request) bot.Reply {
		const first = "Congress has pushed for sanctions [1]."
		req.Progress(first)
		select {
		case <-shown:
		case <-ctx.Done():
		}
		return bot.Reply{ID: "r-" + req.Thread, Kind: bot.KindAnswer, Mode: bot.ModeLLM, Model: "fake-llm",
			Text: first + " More [1]."}
	}}
}

func TestStreamFallsBackToEdits(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); defer mu.Unlock(); now = now.Add(d) }
	slack.SetNow(t, clock)

	tests := []struct {
		name   string
		setup  func(h *harness)
		starts int  // chat.startStream calls the question makes
		stream bool // the answer is streamed
	}{
		{"streams while allowed", func(*harness) {}, 1, true},
		{"slack refuses the stream", func(h *harness) { h.fake.RefuseStreams("not_allowed") }, 1, false},
		{"refused lately: not tried", func(h *harness) { h.fake.RefuseStreams("") }, 0, false},
		// The pause also refilled the budget: four starts and stops, two
		// streams at once, and none comes back while the clock stands.
		{"tried again after the pause", func(*harness) { advance(10 * time.Minute) }, 1, true},
		{"streams while the budget lasts", func(*harness) {}, 1, true},
		{"the start budget is spent", func(*harness) {}, 0, false},
	}
	shown := make(chan struct{})
	h := start(t, slack.ModeSocket, progressCore(shown), func(o *slack.Options) {
		o.WorkingAfter = time.Minute
		o.Workers = 1
	})
	starts := 0
	for i, tt := range tests {
		tt.setup(h)
		thread := fmt.Sprintf("17000096%02d.000100", i)
		h.fake.SendEvent(t, fmt.Sprintf("Ev96%02d", i), 0, mention(thread, "", "<@UBOT0001> again"))
		// The draft is on screen, streamed or posted.
		var draft slacktest.Message
		h.fake.WaitMessages(t, channel, i+1)
		for _, m := range h.fake.Messages(channel) {
			if m.Thread == thread {
				draft = m
			}
		}
		shown <- struct{}{}
		final := h.fake.WaitMessage(t, channel, draft.TS, "the answer in place", func(m slacktest.Message) bool {
			return !m.Streaming && strings.Contains(seen(m), "More [1].")
		})
		starts += tt.starts
		if got := len(h.fake.Calls("chat.startStream")); got != starts {
			t.Errorf("%s: got %d stream starts in all, want %d", tt.name, got, starts)
		}
		if got := draft.Markdown != ""; got != tt.stream {
			t.Errorf("%s: got streamed %v, want %v (draft %+v)", tt.name, got, tt.stream, draft)
		}
		if shows := seen(final); strings.Contains(shows, "writing…") {
			t.Errorf("%s: got %q, want the whole answer, no draft", tt.name, shows)
		}
	}
	h.logs.waitFor(t, `reason="stream budget spent"`)
}

// startRejectedDraft starts an adapter whose drafter writes a sentence
// that passes the check, then, once released, one that fails it; it
// returns the extractive answer that replaces the draft.
func startRejectedDraft(t *testing.T) (h *harness, want slacktest.Message, release func()) {
	t.Helper()
	slack.SetDraftInterval(t, 0)
	d := &steppedDrafter{sentences: []string{passingSentence, failingSentence}, next: make(chan struct{})}
	h = start(t, slack.ModeSocket, draftingCore(t, d), func(o *slack.Options) { o.WorkingAfter = time.Minute })
	release = sync.OnceFunc(func() { close(d.next) })
	t.Cleanup(release)
	return h, extractiveAnswer(t, h), release
}

// chatCalls returns the chat.* methods called on channel, in order.
func chatCalls(h *harness, channel string) []string {
	var methods []string
	for _, c := range h.fake.Calls("") {
		if strings.HasPrefix(c.Method, "chat.") && c.Get("channel") == channel {
			methods = append(methods, c.Method)
		}
	}
	return methods
}

func TestStreamRejectedDraftStopsAndIsReplaced(t *testing.T) {
	h, want, release := startRejectedDraft(t)

	const thread = "1700009700.000100"
	h.fake.SendEvent(t, "Ev9700", 0, mention(thread, "", "<@UBOT0001> "+draftQuestion))
	h.fake.WaitCalls(t, "chat.startStream", 1)
	release()
	if err := h.stop(t); err != nil {
		t.Errorf("Run returned %v, want nil", err)
	}
	got := checkReplaced(t, h, channel, thread, want)
	if got.Markdown != "" || got.Streaming {
		t.Errorf("got streamed text %q left (streaming %v), want the extractive answer alone", got.Markdown, got.Streaming)
	}
	stops := h.fake.Calls("chat.stopStream")
	if len(stops) != 1 || stops[0].Get("markdown_text") != "" || stops[0].Get("blocks") != "" {
		t.Errorf("got stops %+v, want one, adding nothing", stops)
	}
	if methods, want := chatCalls(h, channel), []string{"chat.startStream", "chat.stopStream", "chat.update"}; !slices.Equal(methods, want) {
		t.Errorf("got calls %v, want the stream stopped, then replaced", methods)
	}
}

func TestStreamEndRefusedReplacesTheStream(t *testing.T) {
	shown := make(chan struct{})
	h := start(t, slack.ModeSocket, progressCore(shown), func(o *slack.Options) { o.WorkingAfter = time.Minute })
	// Slack refuses the stop that would end the stream with the citations
	// and buttons: the stream is stopped bare and the answer replaces it.
	h.fake.FailNext("chat.stopStream", "invalid_blocks")
	h.fake.SendEvent(t, "Ev9800", 0, mention("1700009800.000100", "", "<@UBOT0001> go"))
	h.fake.WaitCalls(t, "chat.startStream", 1)
	ts := h.fake.WaitMessages(t, channel, 1)[0].TS
	shown <- struct{}{}
	m := h.fake.WaitMessage(t, channel, ts, "the answer in place", func(m slacktest.Message) bool {
		return !m.Streaming && strings.Contains(seen(m), "More [1].")
	})
	if m.Markdown != "" || len(m.Buttons()) != 2 {
		t.Errorf("got %q with buttons %+v, want the rendered answer in the stream's place", seen(m), m.Buttons())
	}
	if n := len(h.fake.Calls("chat.stopStream")); n != 2 {
		t.Errorf("got %d stops, want the refused one and a bare one", n)
	}
}

func TestStreamReplacementRefusedIsDeletedAndReposted(t *testing.T) {
	h, want, release := startRejectedDraft(t)
	// Slack refuses to replace the stopped stream with the extractive
	// answer: the unfinished draft is deleted and the answer posted anew,
	// with no apology.
	h.fake.FailNext("chat.update", "cant_update_message")

	const thread = "1700009750.000100"
	h.fake.SendEvent(t, "Ev9750", 0, mention(thread, "", "<@UBOT0001> "+draftQuestion))
	h.fake.WaitCalls(t, "chat.startStream", 1)
	release()
	if err := h.stop(t); err != nil {
		t.Errorf("Run returned %v, want nil", err)
	}
	checkReplaced(t, h, channel, thread, want)
	if methods, want := chatCalls(h, channel), []string{"chat.startStream", "chat.stopStream", "chat.update", "chat.delete", "chat.postMessage"}; !slices.Equal(methods, want) {
		t.Errorf("got calls %v, want the stream stopped, the refused replacement, the draft deleted and the answer posted", methods)
	}
}
