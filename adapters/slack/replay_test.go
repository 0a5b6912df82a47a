package slack_test

import (
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
)

// sentinel sends a DM "sentinel" over HTTP and waits for its answer: with
// one worker, everything queued before it has been dealt with by then.
func (h *harness) sentinel(t *testing.T, eventID string) {
	t.Helper()
	body := mustJSON(t, callback(eventID, directMessage("1700009999.000100", "sentinel")))
	if got, _ := h.postSigned(t, "/slack/events", jsonType, body); got != http.StatusOK {
		t.Fatalf("got status %d for the sentinel, want 200", got)
	}
	h.waitSentinel(t)
}

// countResponses returns how many posts the response_url called name got.
func countResponses(fake *slacktest.Server, name string) int {
	n := 0
	for _, c := range fake.Calls("response_url") {
		if c.Name == name {
			n++
		}
	}
	return n
}

func TestHTTPReplayedCommandAnsweredOnce(t *testing.T) {
	now := time.Now()
	tests := []struct {
		name    string
		trigger string // "" sends none
		// again signs the second delivery: the same headers for a replay
		// of the captured request, new ones for a delivery signed anew.
		again     func(first http.Header, body string) http.Header
		wantKey   string // the namespace of the claimed key
		wantTimes int    // how often the command is answered
	}{
		{
			name: "replay with a trigger_id", trigger: "7001.42.abc",
			again:   func(first http.Header, _ string) http.Header { return first },
			wantKey: "slack:trigger:7001.42.abc", wantTimes: 1,
		},
		{
			name: "same trigger_id signed anew", trigger: "7002.42.abc",
			again:   func(_ http.Header, body string) http.Header { return sign(now.Add(-time.Second), body) },
			wantKey: "slack:trigger:7002.42.abc", wantTimes: 1,
		},
		{
			name:    "replay without a trigger_id",
			again:   func(first http.Header, _ string) http.Header { return first },
			wantKey: "slack:sig:v0=", wantTimes: 1,
		},
		{
			// Without a trigger_id only the signature tells deliveries
			// apart: two signed by Slack at different times are two
			// requests.
			name:    "no trigger_id, signed anew",
			again:   func(_ http.Header, body string) http.Header { return sign(now.Add(-time.Second), body) },
			wantKey: "slack:sig:v0=", wantTimes: 2,
		},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			core := &fakeCore{}
			h := start(t, slack.ModeHTTP, core, func(o *slack.Options) { o.Workers = 1 })
			fields := map[string]string{"command": "/talks", "text": "themes", "user_id": alice,
				"channel_id": channel, "response_url": h.fake.ResponseURL("cmd")}
			if tt.trigger != "" {
				fields["trigger_id"] = tt.trigger
			}
			body := form(fields)
			first := sign(now, body)
			for n, header := range []http.Header{first, tt.again(first, body)} {
				status, reply := h.post(t, "/slack/commands", formType, body, header)
				if status != http.StatusOK || reply != "" {
					t.Fatalf("delivery %d: got %d %q, want an empty 200", n+1, status, reply)
				}
			}
			h.sentinel(t, "Ev700"+string(rune('0'+i)))

			if got := countResponses(h.fake, "cmd"); got != tt.wantTimes {
				t.Errorf("got %d answers on the response_url, want %d", got, tt.wantTimes)
			}
			if got := len(core.Requests()); got != tt.wantTimes+1 {
				t.Errorf("got %d requests to the core, want %d and the sentinel", got, tt.wantTimes)
			}
			claims := core.Claims()
			if len(claims) < 2 || !strings.HasPrefix(claims[0], tt.wantKey) || !strings.HasPrefix(claims[1], tt.wantKey) {
				t.Errorf("got claims %q, want both deliveries claimed under %q", claims, tt.wantKey)
			}
			// Marked answered before it was acknowledged: a replay once the
			// claim's lease is over is not answered either.
			if done := core.Done(); len(claims) > 0 && !slices.Contains(done, claims[0]) {
				t.Errorf("got %q marked answered, want the command's %q", done, claims[0])
			}
		})
	}
}

// feedbackClick is a click on the Helpful button of reply r-7 by alice, as
// Slack posts it to the interactions URL.
func feedbackClick(t *testing.T, trigger, responseURL string) string {
	t.Helper()
	payload := map[string]any{
		"type":         "block_actions",
		"user":         map[string]any{"id": alice},
		"channel":      map[string]any{"id": channel},
		"response_url": responseURL,
		"actions": []map[string]any{{"type": "button", "action_id": "talks_helpful:r-7",
			"block_id": "talks_actions", "value": "Handling the Spoilers"}},
	}
	if trigger != "" {
		payload["trigger_id"] = trigger
	}
	return form(map[string]string{"payload": mustJSON(t, payload)})
}

func TestHTTPReplayedClickRecordedOnce(t *testing.T) {
	for i, trigger := range []string{"7101.42.abc", ""} {
		name := "trigger_id"
		if trigger == "" {
			name = "signature"
		}
		t.Run(name, func(t *testing.T) {
			core := &fakeCore{}
			h := start(t, slack.ModeHTTP, core, func(o *slack.Options) { o.Workers = 1 })
			body := feedbackClick(t, trigger, h.fake.ResponseURL("fb"))
			header := sign(time.Now(), body)
			for n := range 2 {
				status, reply := h.post(t, "/slack/interactions", formType, body, header)
				if status != http.StatusOK || reply != "" {
					t.Fatalf("delivery %d: got %d %q, want an empty 200", n+1, status, reply)
				}
				// Recorded and marked answered before the 200, once.
				if fb := core.Feedbacks(); len(fb) != 1 || fb[0].ReplyID != "r-7" || !fb[0].Helpful {
					t.Fatalf("delivery %d: got feedback %+v, want the one vote on r-7", n+1, fb)
				}
				if claims, done := core.Claims(), core.Done(); !slices.Contains(done, claims[0]) {
					t.Fatalf("delivery %d: got %q marked answered, want the click's %q", n+1, done, claims[0])
				}
			}
			h.sentinel(t, "Ev710"+string(rune('0'+i)))
			if got := countResponses(h.fake, "fb"); got != 1 {
				t.Errorf("got %d thanks, want 1", got)
			}
		})
	}
}

// TestHTTPClickRecordedBeforeAcknowledged holds the only worker, so that
// nothing queued can run: a click's feedback must be in the store by the
// time the click gets its 200 all the same.
func TestHTTPClickRecordedBeforeAcknowledged(t *testing.T) {
	g := newGate(true)
	core := &fakeCore{reply: g.reply}
	h := start(t, slack.ModeHTTP, core, func(o *slack.Options) { o.Workers, o.Queue = 1, 4 })
	block := mustJSON(t, callback("Ev7200", directMessage("1700007200.000100", "block")))
	if got, _ := h.postSigned(t, "/slack/events", jsonType, block); got != http.StatusOK {
		t.Fatalf("got status %d, want 200", got)
	}
	g.wait(t)

	if status, _ := h.postSigned(t, "/slack/interactions", formType, feedbackClick(t, "7201.42.abc", h.fake.ResponseURL("fb"))); status != http.StatusOK {
		t.Fatalf("got status %d, want 200", status)
	}
	if fb := core.Feedbacks(); len(fb) != 1 || fb[0].ReplyID != "r-7" {
		t.Errorf("got feedback %+v when the click was acknowledged, want it recorded already", fb)
	}
	close(g.release)
	// The thanks follows once the worker is free.
	if got := joined(h.fake.WaitResponses(t, "fb", 1)); !strings.Contains(got, "Thanks") {
		t.Errorf("got %q, want thanks", got)
	}
}

func TestHTTPClickNotRecordedIsNotAcknowledged(t *testing.T) {
	core := &fakeCore{fbErr: errors.New("disk full")}
	h := start(t, slack.ModeHTTP, core, nil)
	body := feedbackClick(t, "7301.42.abc", h.fake.ResponseURL("fb"))
	if status, _ := h.postSigned(t, "/slack/interactions", formType, body); status != http.StatusInternalServerError {
		t.Errorf("got status %d, want 500: Slack must not take the click as done", status)
	}
	if got := joined(h.fake.WaitResponses(t, "fb", 1)); !strings.Contains(got, "couldn't record") {
		t.Errorf("got %q, want the clicker told it was not recorded", got)
	}
	if got := core.Forgotten(); !slices.Equal(got, []string{"slack:trigger:7301.42.abc"}) {
		t.Errorf("got released %q, want the click's claim released", got)
	}

	// Delivered again once the store is back, the click is recorded.
	core.setFeedbackErr(nil)
	if status, _ := h.postSigned(t, "/slack/interactions", formType, body); status != http.StatusOK {
		t.Errorf("got status %d for the click delivered again, want 200", status)
	}
	if fb := core.Feedbacks(); len(fb) != 2 {
		t.Errorf("got %d feedback writes, want the failed one and the one that took", len(fb))
	}
}

func TestSocketRedeliveryHandledOnce(t *testing.T) {
	core := &fakeCore{}
	h := start(t, slack.ModeSocket, core, func(o *slack.Options) { o.Workers = 1 })
	cmd := h.fake.SendSlashCommand(t, map[string]string{"command": "/talks", "text": "themes", "user_id": alice,
		"channel_id": channel, "response_url": h.fake.ResponseURL("cmd"), "trigger_id": "7401.42.abc"})
	cmdAgain := h.fake.Redeliver(t, cmd)
	click := h.fake.SendInteraction(t, blockAction(slacktest.Button{ActionID: "talks_not_helpful:r-8", Value: "Congress"},
		"", h.fake.ResponseURL("fb")))
	clickAgain := h.fake.Redeliver(t, click)
	// No trigger_id: the envelope id tells deliveries apart.
	bare := h.fake.SendSlashCommand(t, map[string]string{"command": "/talks", "text": "help", "user_id": alice,
		"channel_id": channel, "response_url": h.fake.ResponseURL("bare")})
	// Envelopes are handled and acknowledged in order, over one
	// websocket: once the sentinel's ack is in, so are the others'; once
	// its answer is, with one worker, so is all the work before it.
	h.fake.WaitAck(t, h.fake.SendEvent(t, "Ev7409", 0, directMessage("1700007400.000900", "sentinel")))
	h.waitSentinel(t)

	for _, env := range []string{cmd, cmdAgain, click, clickAgain, bare} {
		if payload, ok := h.fake.Acked(env); !ok || len(payload) != 0 && string(payload) != "null" {
			t.Errorf("got %s acknowledged %v with %s, want an empty ack", env, ok, payload)
		}
	}
	if got := countResponses(h.fake, "cmd"); got != 1 {
		t.Errorf("got %d answers to the command, want 1", got)
	}
	if got := countResponses(h.fake, "fb"); got != 1 {
		t.Errorf("got %d thanks for the click, want 1", got)
	}
	if fb := core.Feedbacks(); len(fb) != 1 || fb[0].ReplyID != "r-8" || fb[0].Helpful {
		t.Errorf("got feedback %+v, want the one vote on r-8", fb)
	}
	want := []string{"slack:trigger:7401.42.abc", "slack:trigger:7401.42.abc"}
	if got := core.Claims(); len(got) < 5 || !slices.Equal(got[:2], want) ||
		!strings.HasPrefix(got[2], "slack:trigger:") || got[2] != got[3] || got[4] != "slack:envelope:"+bare {
		t.Errorf("got claims %q, want the command's and the click's trigger_ids twice, then the bare command's envelope", got)
	}
}

// TestReplayWithTheRealCore replays a command and a click through the real
// bot and its in-memory store, which keep delivery ids as the SQLite store
// does.
func TestReplayWithTheRealCore(t *testing.T) {
	h := start(t, slack.ModeHTTP, realCore(t), func(o *slack.Options) { o.Workers = 1 })
	body := form(map[string]string{"command": "/talks", "text": "ask what has Congress pushed for?", "user_id": alice,
		"channel_id": channel, "response_url": h.fake.ResponseURL("cmd"), "trigger_id": "7501.42.abc"})
	header := sign(time.Now(), body)
	for range 2 {
		if status, _ := h.post(t, "/slack/commands", formType, body, header); status != http.StatusOK {
			t.Fatalf("got status %d, want 200", status)
		}
	}
	answer := h.fake.WaitResponses(t, "cmd", 1)[0]
	var helpful slacktest.Button
	for _, b := range answer.Buttons() {
		if strings.HasPrefix(b.ActionID, "talks_helpful:") {
			helpful = b
		}
	}
	if helpful.ActionID == "" {
		t.Fatalf("got buttons %+v, want Helpful", answer.Buttons())
	}
	click := form(map[string]string{"payload": mustJSON(t, blockAction(helpful, "", h.fake.ResponseURL("fb")))})
	header = sign(time.Now(), click)
	for range 2 {
		if status, _ := h.post(t, "/slack/interactions", formType, click, header); status != http.StatusOK {
			t.Fatalf("got status %d, want 200", status)
		}
	}
	// Stopping lets the workers finish what they took.
	if err := h.stop(t); err != nil {
		t.Fatalf("Run returned %v, want nil", err)
	}
	if got := countResponses(h.fake, "cmd"); got != 1 {
		t.Errorf("got %d answers, want 1", got)
	}
	if got := countResponses(h.fake, "fb"); got != 1 {
		t.Errorf("got %d thanks, want 1", got)
	}
}
