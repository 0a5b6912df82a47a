package slack_test

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/bot"
)

// gate is a core reply that blocks the request whose text is "block" until
// released, and answers others at once.
type gate struct {
	entered chan struct{} // closed once "block" reached the core
	release chan struct{} // close to let it finish
	once    sync.Once
	// watchCtx makes the blocked request give up when its context is done.
	watchCtx bool
}

func newGate(watchCtx bool) *gate {
	return &gate{entered: make(chan struct{}), release: make(chan struct{}), watchCtx: watchCtx}
}

func (g *gate) reply(ctx context.Context, req bot.Request) bot.Reply {
	if req.Text == "block" {
		g.once.Do(func() { close(g.entered) })
		if g.watchCtx {
			select {
			case <-g.release:
			case <-ctx.Done():
				return bot.Reply{ID: "cancelled", Kind: bot.KindError, Text: "cancelled"}
			}
		} else {
			<-g.release
		}
	}
	return bot.Reply{ID: "r-" + req.Text, Kind: bot.KindAnswer, Text: "You asked: " + req.Text}
}

// wait waits until the blocking request reached the core.
func (g *gate) wait(t *testing.T) {
	t.Helper()
	select {
	case <-g.entered:
	case <-time.After(slacktest.WaitTimeout):
		t.Fatal("gave up waiting for the request to reach the core")
	}
}

func TestShutdownFinishesAnswersInFlight(t *testing.T) {
	for _, mode := range []string{slack.ModeSocket, slack.ModeHTTP} {
		t.Run(mode, func(t *testing.T) {
			g := newGate(true)
			core := &fakeCore{reply: g.reply}
			h := start(t, mode, core, func(o *slack.Options) { o.WorkingAfter = time.Minute })
			ev := directMessage("1700005000.000100", "block")
			if mode == slack.ModeSocket {
				h.fake.SendEvent(t, "Ev5000", 0, ev)
			} else if got, _ := h.postSigned(t, "/slack/events", jsonType, mustJSON(t, callback("Ev5000", ev))); got != http.StatusOK {
				t.Fatalf("got status %d, want 200", got)
			}
			g.wait(t)

			h.cancel() // Run's context is done while the answer is being worked on...
			close(g.release)
			if err := h.stop(t); err != nil { // ...and Run waits for it.
				t.Fatalf("Run returned %v, want nil", err)
			}
			posts := h.fake.Calls("chat.postMessage")
			if len(posts) != 1 || !strings.Contains(joined(posts), "You asked: block") {
				t.Errorf("got posts %q, want the answer posted during the grace period", joined(posts))
			}
			if got := core.Forgotten(); len(got) != 0 {
				t.Errorf("got released events %v, want none", got)
			}
		})
	}
}

func TestShutdownPastGraceReleasesTheEvent(t *testing.T) {
	g := newGate(true)
	core := &fakeCore{reply: g.reply}
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) {
		o.ShutdownGrace = -1 // cancel the answers in flight at once
		o.WorkingAfter = time.Minute
	})
	h.fake.SendEvent(t, "Ev5100", 0, directMessage("1700005100.000100", "block"))
	g.wait(t)
	if err := h.stop(t); err != nil {
		t.Fatalf("Run returned %v, want nil", err)
	}
	if posts := h.fake.Calls("chat.postMessage"); len(posts) != 0 {
		t.Errorf("got posts %q, want none after the answer was cancelled", joined(posts))
	}
	if got, want := core.Forgotten(), []string{"Ev5100"}; !slices.Equal(got, want) {
		t.Errorf("got released events %v, want %v so that Slack's retry is answered", got, want)
	}
	if !strings.Contains(h.logs.String(), "abandoned at shutdown") {
		t.Errorf("got logs %q, want the abandoned answer logged", h.logs.String())
	}
}

func TestFailedPostLeavesTheEventForTheRetry(t *testing.T) {
	core := &fakeCore{}
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) { o.Workers = 1 })
	h.fake.FailNext("chat.postMessage", "internal_error")
	ev := mention("1700005200.000100", "", "<@UBOT0001> what has Congress pushed for?")
	h.fake.SendEvent(t, "Ev5200", 0, ev)
	sorry := h.fake.WaitCalls(t, "chat.postMessage", 2)[1]
	if !strings.Contains(joined([]slacktest.Call{sorry}), "Sorry") {
		t.Errorf("got %q, want the apology after the failed post", joined([]slacktest.Call{sorry}))
	}
	// Slack delivers the event again; one worker takes jobs in order.
	h.fake.SendEvent(t, "Ev5200", 1, ev)
	h.fake.SendEvent(t, "Ev5201", 0, directMessage("1700005200.000200", "sentinel"))
	h.waitSentinel(t)

	posts := h.fake.Calls("chat.postMessage")
	if len(posts) != 4 {
		t.Fatalf("got %d posts, want 4: the failed answer, the apology, the retry's answer, the sentinel", len(posts))
	}
	if texts := joined(posts[2:3]); !strings.Contains(texts, "You asked: what has Congress pushed for?") {
		t.Errorf("got %q, want the retried event answered", texts)
	}
	if got, want := core.Forgotten(), []string{"Ev5200"}; !slices.Equal(got, want) {
		t.Errorf("got released events %v, want %v", got, want)
	}
	// Marked answered once the retry was: before the one worker took the
	// sentinel.
	if got := core.Done(); len(got) == 0 || got[0] != "Ev5200" {
		t.Errorf("got events marked answered %v, want Ev5200 first", got)
	}
}

func TestPanicStillApologises(t *testing.T) {
	core := &fakeCore{reply: func(_ context.Context, req bot.Request) bot.Reply {
		panic("core bug")
	}}
	h := start(t, slack.ModeSocket, core, nil)

	t.Run("mention", func(t *testing.T) {
		const ts = "1700005300.000100"
		h.fake.SendEvent(t, "Ev5300", 0, mention(ts, "", "<@UBOT0001> boom"))
		sorry := h.fake.WaitCalls(t, "chat.postMessage", 1)[0]
		if !strings.Contains(joined([]slacktest.Call{sorry}), "Sorry") || sorry.Get("thread_ts") != ts {
			t.Errorf("got %q in thread %q, want the apology in the mention's thread", joined([]slacktest.Call{sorry}), sorry.Get("thread_ts"))
		}
		if got, want := core.Forgotten(), []string{"Ev5300"}; !slices.Equal(got, want) {
			t.Errorf("got released events %v, want %v", got, want)
		}
	})
	t.Run("slash command", func(t *testing.T) {
		h.fake.SendSlashCommand(t, map[string]string{"command": "/talks", "text": "boom", "user_id": alice,
			"channel_id": channel, "response_url": h.fake.ResponseURL("boom")})
		got := h.fake.WaitResponses(t, "boom", 1)[0]
		if !strings.Contains(joined([]slacktest.Call{got}), "Sorry") || got.Get("response_type") != "ephemeral" {
			t.Errorf("got %q (%s), want an ephemeral apology", joined([]slacktest.Call{got}), got.Get("response_type"))
		}
	})
	if !strings.Contains(h.logs.String(), "panicked") {
		t.Errorf("got logs %q, want the panic logged", h.logs.String())
	}
}

func TestSocketDeclinesWorkWhenBusy(t *testing.T) {
	g := newGate(true)
	core := &fakeCore{reply: g.reply}
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) {
		o.Workers, o.Queue = 1, 1
		o.WorkingAfter = time.Minute
	})
	h.fake.SendEvent(t, "Ev5400", 0, directMessage("1700005400.000100", "block"))
	g.wait(t) // the one worker is busy...
	queued := h.fake.SendEvent(t, "Ev5401", 0, directMessage("1700005400.000200", "queued"))
	h.fake.WaitAck(t, queued) // ...and the queue is full.

	overflow := h.fake.SendEvent(t, "Ev5402", 0, directMessage("1700005400.000300", "overflow"))
	cmd := h.fake.SendSlashCommand(t, map[string]string{"command": "/talks", "text": "themes", "user_id": alice,
		"channel_id": channel, "response_url": h.fake.ResponseURL("busy")})
	click := h.fake.SendInteraction(t, blockAction(slacktest.Button{ActionID: "talks_share:r-1"}, "", h.fake.ResponseURL("click")))
	// A feedback click needs no worker to be recorded.
	vote := h.fake.SendInteraction(t, blockAction(slacktest.Button{ActionID: "talks_helpful:r-1"}, "", h.fake.ResponseURL("vote")))
	// Envelopes are handled in order: once the last one is acknowledged,
	// the others were dealt with.
	last := h.fake.SendSlashCommand(t, map[string]string{"command": "/talks", "text": "help", "user_id": alice,
		"channel_id": channel, "response_url": h.fake.ResponseURL("last")})
	h.fake.WaitAck(t, last)

	if _, ok := h.fake.Acked(overflow); ok {
		t.Error("got the event acknowledged, want it left for Slack to deliver again")
	}
	if _, ok := h.fake.Acked(click); ok {
		t.Error("got the click acknowledged, want it left unacknowledged so the user sees it failed")
	}
	if _, ok := h.fake.Acked(vote); !ok {
		t.Error("got the feedback click unacknowledged, want it acknowledged once recorded")
	}
	if fb := core.Feedbacks(); len(fb) != 1 || fb[0].ReplyID != "r-1" {
		t.Errorf("got feedback %+v, want the vote on r-1 recorded while busy", fb)
	}
	payload, ok := h.fake.Acked(cmd)
	var reply map[string]string
	if !ok || json.Unmarshal(payload, &reply) != nil || reply["response_type"] != "ephemeral" || !strings.Contains(reply["text"], "busy") {
		t.Errorf("got the command acknowledged with %s (acked %v), want an ephemeral busy reply", payload, ok)
	}

	close(g.release)
	h.fake.WaitMatch(t, "chat.postMessage", func(c slacktest.Call) bool {
		return strings.Contains(joined([]slacktest.Call{c}), "You asked: queued")
	})
	if err := h.stop(t); err != nil {
		t.Fatalf("Run returned %v, want nil", err)
	}
	if texts := joined(h.fake.Calls("chat.postMessage")); strings.Contains(texts, "overflow") {
		t.Errorf("got %q, want the declined event not answered", texts)
	}
}

func TestHTTPDeclinesWorkWhenBusy(t *testing.T) {
	g := newGate(true)
	core := &fakeCore{reply: g.reply}
	h := start(t, slack.ModeHTTP, core, func(o *slack.Options) {
		o.Workers, o.Queue = 1, 1
		o.WorkingAfter = time.Minute
	})
	event := func(id, ts, text string) int {
		t.Helper()
		got, _ := h.postSigned(t, "/slack/events", jsonType, mustJSON(t, callback(id, directMessage(ts, text))))
		return got
	}
	if got := event("Ev5500", "1700005500.000100", "block"); got != http.StatusOK {
		t.Fatalf("got status %d, want 200", got)
	}
	g.wait(t)
	if got := event("Ev5501", "1700005500.000200", "queued"); got != http.StatusOK {
		t.Fatalf("got status %d for the queued event, want 200", got)
	}
	if got := event("Ev5502", "1700005500.000300", "overflow"); got != http.StatusServiceUnavailable {
		t.Errorf("got status %d for an event beyond the queue, want 503 so Slack retries", got)
	}
	status, body := h.postSigned(t, "/slack/commands", formType, form(map[string]string{
		"command": "/talks", "text": "themes", "user_id": alice, "channel_id": channel, "response_url": h.fake.ResponseURL("x")}))
	if status != http.StatusOK || !strings.Contains(body, `"response_type":"ephemeral"`) || !strings.Contains(body, "busy") {
		t.Errorf("got %d %q for a command, want an ephemeral busy reply", status, body)
	}
	click := mustJSON(t, blockAction(slacktest.Button{ActionID: "talks_share:r-1"}, "", h.fake.ResponseURL("click")))
	if got, _ := h.postSigned(t, "/slack/interactions", formType, form(map[string]string{"payload": click})); got != http.StatusServiceUnavailable {
		t.Errorf("got status %d for a click, want 503", got)
	}
	// A feedback click needs no worker to be recorded.
	vote := mustJSON(t, blockAction(slacktest.Button{ActionID: "talks_helpful:r-1"}, "", h.fake.ResponseURL("vote")))
	if got, _ := h.postSigned(t, "/slack/interactions", formType, form(map[string]string{"payload": vote})); got != http.StatusOK {
		t.Errorf("got status %d for a feedback click, want 200 once it is recorded", got)
	}
	if fb := core.Feedbacks(); len(fb) != 1 || fb[0].ReplyID != "r-1" {
		t.Errorf("got feedback %+v, want the vote on r-1 recorded while busy", fb)
	}
	close(g.release)
}

func TestHTTPAnswers503WhenNotRunning(t *testing.T) {
	core := &fakeCore{}
	a, err := slack.New(slack.Options{BotToken: botToken, SigningSecret: secret, APIURL: "http://127.0.0.1:9/api/"}, core)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	notStarted := &harness{url: newServer(t, a.Handler())}
	stopped := start(t, slack.ModeHTTP, core, nil)
	if err := stopped.stop(t); err != nil {
		t.Fatalf("Run returned %v, want nil", err)
	}

	for name, h := range map[string]*harness{"before Run": notStarted, "after Run": stopped} {
		t.Run(name, func(t *testing.T) {
			body := mustJSON(t, callback("Ev5600", directMessage("1700005600.000100", "anyone?")))
			if got, _ := h.postSigned(t, "/slack/events", jsonType, body); got != http.StatusServiceUnavailable {
				t.Errorf("got status %d for an event, want 503 so Slack retries", got)
			}
			click := mustJSON(t, blockAction(slacktest.Button{ActionID: "talks_share:r-1"}, "", ""))
			if got, _ := h.postSigned(t, "/slack/interactions", formType, form(map[string]string{"payload": click})); got != http.StatusServiceUnavailable {
				t.Errorf("got status %d for a click, want 503", got)
			}
			// Each command is a request of its own, with its own trigger_id.
			status, reply := h.postSigned(t, "/slack/commands", formType, form(map[string]string{"user_id": alice, "text": "themes",
				"trigger_id": "5600." + name}))
			if status != http.StatusOK || !strings.Contains(reply, "busy") {
				t.Errorf("got %d %q for a command, want a busy reply", status, reply)
			}
			status, reply = h.postSigned(t, "/slack/events", jsonType, `{"type":"url_verification","challenge":"c-1"}`)
			if status != http.StatusOK || !strings.Contains(reply, "c-1") {
				t.Errorf("got %d %q for url_verification, want the challenge without Run", status, reply)
			}
		})
	}
	if reqs := core.Requests(); len(reqs) != 0 {
		t.Errorf("got requests %+v, want none", reqs)
	}
}

func TestConnected(t *testing.T) {
	for _, mode := range []string{slack.ModeSocket, slack.ModeHTTP} {
		t.Run(mode, func(t *testing.T) {
			h := start(t, mode, &fakeCore{}, nil)
			ev := directMessage("1700005700.000100", "up?")
			if mode == slack.ModeSocket {
				h.fake.SendEvent(t, "Ev5700", 0, ev)
			} else {
				h.postSigned(t, "/slack/events", jsonType, mustJSON(t, callback("Ev5700", ev)))
			}
			// An answered event shows Run took work (and, in Socket Mode,
			// connected first).
			h.fake.WaitCalls(t, "chat.postMessage", 1)
			if !h.adapter.Connected() {
				t.Error("got Connected false while answering, want true")
			}
			if err := h.stop(t); err != nil {
				t.Fatalf("Run returned %v, want nil", err)
			}
			if h.adapter.Connected() {
				t.Error("got Connected true after Run returned, want false")
			}
		})
	}
	a, err := slack.New(slack.Options{BotToken: botToken, SigningSecret: secret}, &fakeCore{})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	if a.Connected() {
		t.Error("got Connected true before Run, want false")
	}
}
