package discord_test

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/discord"
	"github.com/talksbot/talksbot/adapters/discord/discordtest"
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
	// passingShown is the passing sentence as a progress edit shows it.
	passingShown = `Congress has pushed for more hard-hitting sanctions \[1\]. …`
)

// failingMarks betray the failing sentence in anything sent to Discord,
// escaped or not.
var failingMarks = []string{"every demand", "[9"}

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

// feedbackIDs matches the reply id in feedback buttons' custom_ids, which
// differs from reply to reply.
var feedbackIDs = regexp.MustCompile(`(fb:(?:up|down):)[A-Za-z0-9_-]+`)

// TestDraftFailingVerification has a real bot draft an answer whose second
// sentence, or first, fails the bot's checks: whatever was streamed into the
// deferred response gives way to the extractive answer, exactly as the bot
// renders it without a drafter, and the failing sentence is never sent.
func TestDraftFailingVerification(t *testing.T) {
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		t.Fatal(err)
	}
	extractive := bot.New(ix, bot.Options{})
	if r := extractive.Handle(context.Background(), bot.Request{Platform: bot.Discord, Text: draftQuestion}); r.Kind != bot.KindAnswer ||
		r.Mode != bot.ModeExtractive || r.Text != answerQuote || len(r.Citations) == 0 ||
		!strings.Contains(r.Citations[0].Text, strings.TrimSuffix(answerQuote, ".")) {
		t.Fatalf("got extractive reply %+v, want an answer quoting %q from passage [1]", r, answerQuote)
	}
	drafting := func(first, second string, shown <-chan struct{}) func(context.Context, bot.Request) bot.Reply {
		return bot.New(ix, bot.Options{Drafter: &streamingDrafter{first: first, second: second, shown: shown}}).Handle
	}
	shown := make(chan struct{})
	release := sync.OnceFunc(func() { close(shown) })

	core := newFakeCore()
	core.script("c-ref", extractive.Handle)
	core.script("c-mid", drafting(passingSentence, failingSentence, shown))
	core.script("c-first", drafting(failingSentence, passingSentence, nil))
	core.script("c-msg", drafting(passingSentence, failingSentence, nil))
	fx := start(t, discordtest.Options{}, discord.Options{TypingDelay: time.Minute}, core)
	t.Cleanup(release) // before the adapter stops, should the test fail early

	ask := func(channel string) {
		fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-"+channel, "tok-"+channel, 2, channel,
			commandData("ask", stringOption("question", draftQuestion))))
	}
	// answered waits until the response to channel's /talks ask shows an
	// answer: embeds, which no progress edit has.
	answered := func(channel string) discordtest.Message {
		t.Helper()
		var m discordtest.Message
		ctx, cancel := context.WithTimeout(context.Background(), guard)
		defer cancel()
		if err := fx.fake.Wait(ctx, func() bool {
			var ok bool
			m, ok = fx.fake.Original("tok-" + channel)
			return ok && len(embedsOf(t, m.Embeds)) > 0
		}); err != nil {
			t.Fatalf("got no answer to the ask in %s: %v", channel, err)
		}
		return m
	}
	original := func(channel string) string { return "webhooks/" + appID + "/tok-" + channel + "/messages/@original" }

	ask("c-ref")
	want := answered("c-ref")

	ask("c-mid")
	fx.waitCalls(t, 1, func(c discordtest.Call) bool {
		return call("PATCH", original("c-mid"))(c) && decodeSent(t, c).Content == passingShown
	})
	release()
	answered("c-mid")

	ask("c-first")
	answered("c-first")

	fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-draft", "c-msg", guildID, userID, "<@"+botID+"> "+draftQuestion, botID))
	fx.waitCalls(t, 1, call("POST", "channels/c-msg/messages"))

	fx.stop() // every answer in flight has ended: every call is made

	t.Run("the failing sentence is never sent", func(t *testing.T) {
		for _, c := range fx.fake.Calls() {
			for _, mark := range failingMarks {
				if strings.Contains(string(c.Body), mark) {
					t.Errorf("got %s %s sending %q, want the failing sentence never shown", c.Method, c.Path, mark)
				}
			}
		}
	})

	t.Run("the extractive answer shows its quote, citation and mode", func(t *testing.T) {
		es := embedsOf(t, want.Embeds)
		if len(es) != 1 || len(es[0].Fields) == 0 || es[0].Footer == nil {
			t.Fatalf("got embeds %s, want one with the quote and a footer", want.Embeds)
		}
		e := es[0]
		if f := e.Fields[0]; f.Value != "> "+answerQuote || !strings.Contains(f.Name, "Handling the Spoilers") {
			t.Errorf("got quote field %+v, want %q with its section", f, answerQuote)
		}
		if e.Footer.Text != "Quoted from the knowledge base" {
			t.Errorf("got footer %q, want the extractive mode", e.Footer.Text)
		}
		if e.Description != "" {
			t.Errorf("got description %q, want none beside the quote", e.Description)
		}
	})

	// replaced checks that the response to channel's ask shows the
	// extractive answer exactly as want does, and that it is the only
	// message: no follow-up, no deletion.
	replaced := func(t *testing.T, channel string) {
		t.Helper()
		got, ok := fx.fake.Original("tok-" + channel)
		if !ok || got.Deferred {
			t.Fatalf("got original response %+v (ok %t), want the answer", got, ok)
		}
		checkSame(t, got, want)
		for _, c := range fx.fake.Calls() {
			if c.Path == "webhooks/"+appID+"/tok-"+channel || c.Method == "DELETE" && c.Path == original(channel) {
				t.Errorf("got %s %s, want the answer in the one response", c.Method, c.Path)
			}
		}
	}

	t.Run("a draft failing mid-stream is replaced by the extractive answer", func(t *testing.T) {
		edits := fx.fake.Calls()
		var contents []string
		for _, c := range edits {
			if call("PATCH", original("c-mid"))(c) {
				contents = append(contents, decodeSent(t, c).Content)
			}
		}
		if len(contents) < 2 || contents[0] != passingShown {
			t.Errorf("got edits with content %q, want the first sentence shown while streaming, then the answer", contents)
		}
		replaced(t, "c-mid")
	})

	t.Run("a draft failing at its first sentence leaves only the extractive answer", func(t *testing.T) {
		var n int
		for _, c := range fx.fake.Calls() {
			if call("PATCH", original("c-first"))(c) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("got %d edits of the deferred response, want 1: nothing was streamed", n)
		}
		replaced(t, "c-first")
	})

	t.Run("a mention, answered once done, gets the extractive answer alone", func(t *testing.T) {
		var posts []discordtest.Message
		for _, c := range fx.fake.Calls() {
			if !strings.HasPrefix(c.Path, "channels/c-msg/") {
				continue
			}
			if c.Method != "POST" || c.Path != "channels/c-msg/messages" {
				t.Errorf("got %s %s, want the answer posted, nothing else", c.Method, c.Path)
				continue
			}
			var m struct {
				Content    string          `json:"content"`
				Embeds     json.RawMessage `json:"embeds"`
				Components json.RawMessage `json:"components"`
			}
			if err := c.JSON(&m); err != nil {
				t.Fatal(err)
			}
			posts = append(posts, discordtest.Message{Content: m.Content, Embeds: m.Embeds, Components: m.Components})
		}
		if len(posts) != 1 {
			t.Fatalf("got %d posts, want the answer alone", len(posts))
		}
		checkSame(t, posts[0], want)
	})

	fx.acceptedAll(t)
}

// checkSame checks that got shows what want shows: the same content, embeds
// and buttons, whichever reply id the buttons carry.
func checkSame(t *testing.T, got, want discordtest.Message) {
	t.Helper()
	buttons := func(raw json.RawMessage) string { return feedbackIDs.ReplaceAllString(string(raw), "${1}ID") }
	if got.Content != want.Content || string(got.Embeds) != string(want.Embeds) || buttons(got.Components) != buttons(want.Components) {
		t.Errorf("got content %q, embeds %s, components %s;\nwant the extractive answer's: content %q, embeds %s, components %s",
			got.Content, got.Embeds, got.Components, want.Content, want.Embeds, want.Components)
	}
}

// embed is the part of an embed the tests look at.
type embed struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Fields      []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
	Footer *struct {
		Text string `json:"text"`
	} `json:"footer"`
}

// embedsOf decodes a message's embeds array; null or absent is none.
func embedsOf(t *testing.T, raw json.RawMessage) []embed {
	t.Helper()
	var es []embed
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &es); err != nil {
			t.Fatalf("decode embeds %s: %v", raw, err)
		}
	}
	return es
}
