package discord_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/talksbot/talksbot/adapters/discord"
	"github.com/talksbot/talksbot/adapters/discord/discordtest"
	"github.com/talksbot/talksbot/bot"
)

// startHTTP runs an adapter that takes interactions over HTTP as well, its
// Handler served by an httptest server, and returns the endpoint's URL.
func startHTTP(t *testing.T, core *fakeCore) (*fixture, string) {
	t.Helper()
	fake := discordtest.Start(t, discordtest.Options{AppID: appID, UserID: botID, Token: token})
	fx := startWith(t, fake, discord.Options{NoTyping: true, PublicKey: fake.PublicKey()}, core)
	h := fx.adapter.Handler()
	if h == nil {
		t.Fatal("got no handler with a public key set")
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return fx, srv.URL
}

// deliver posts an interaction to the endpoint as Discord would.
func (fx *fixture) deliver(t *testing.T, url string, payload any, sign discordtest.Signing) discordtest.Delivery {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	d, err := fx.fake.Deliver(ctx, url, payload, sign)
	if err != nil {
		t.Fatalf("deliver: %v\nlogs:\n%s", err, fx.logs.String())
	}
	return d
}

// answered decodes the interaction response in a delivery's answer.
func answered(t *testing.T, d discordtest.Delivery) callback {
	t.Helper()
	var cb callback
	if err := json.Unmarshal(d.Body, &cb); err != nil {
		t.Fatalf("got answer %d %s, want an interaction response: %v", d.Status, d.Body, err)
	}
	return cb
}

func TestHandlerOnlyWithAPublicKey(t *testing.T) {
	a, err := discord.New(discord.Options{Token: token}, newFakeCore())
	if err != nil {
		t.Fatal(err)
	}
	if a.Handler() != nil {
		t.Error("got a handler without a public key, want none")
	}
	a, err = discord.New(discord.Options{Token: token, PublicKey: strings.Repeat("0f", 32)}, newFakeCore())
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	a.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/discord/interactions", nil))
	if rec.Code != 405 || rec.Header().Get("Allow") != "POST" {
		t.Errorf("got GET answered %d, Allow %q; want 405 allowing POST", rec.Code, rec.Header().Get("Allow"))
	}
}

func TestHTTPInteractions(t *testing.T) {
	core := newFakeCore()
	core.themes = []bot.ThemeRef{{Number: 1, Title: "Spoilers and hardliners"}, {Number: 2, Title: "Europe"}}
	fx, url := startHTTP(t, core)

	t.Run("PING is answered with PONG", func(t *testing.T) {
		d := fx.deliver(t, url, map[string]any{"id": "i-ping", "token": "tok-ping", "type": 1, "application_id": appID, "version": 1}, discordtest.Signed)
		if cb := answered(t, d); d.Status != 200 || !d.Accepted || cb.Type != 1 {
			t.Errorf("got %d %s (accepted %v), want a PONG", d.Status, d.Body, d.Accepted)
		}
	})

	t.Run("a signed command is deferred in the answer, then edited", func(t *testing.T) {
		d := fx.deliver(t, url, interactionEvent("i-h1", "tok-h1", 2, "c-h1", commandData("ask", stringOption("question", "Congress?"))), discordtest.Signed)
		if cb := answered(t, d); !d.Accepted || cb.Type != 5 {
			t.Fatalf("got %d %s (accepted %v, refusal %s), want a deferral taken", d.Status, d.Body, d.Accepted, d.Refusal)
		}
		m := shown(t, fx.original(t, "tok-h1"))
		if len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Description, "Echo: Congress?") {
			t.Errorf("got %+v, want the answer", m)
		}
		if n := countCalls(fx.fake.Calls(), call("POST", "interactions/i-h1/tok-h1/callback")); n != 0 {
			t.Errorf("got %d REST callbacks, want the answer to carry the response", n)
		}
	})

	t.Run("unsigned or badly signed interactions get 401 and no answer", func(t *testing.T) {
		for name, sign := range map[string]discordtest.Signing{"unsigned": discordtest.Unsigned, "foreign key": discordtest.ForeignKey, "tampered": discordtest.Tampered} {
			t.Run(name, func(t *testing.T) {
				id := "i-bad-" + strings.ReplaceAll(name, " ", "-")
				d := fx.deliver(t, url, interactionEvent(id, "tok-"+id, 2, "c-"+id, commandData("themes")), sign)
				if d.Status != 401 || !strings.Contains(string(d.Body), "invalid request signature") {
					t.Errorf("got %d %s, want 401 invalid request signature", d.Status, d.Body)
				}
				if n := core.deliveries("discord:interaction:" + id); n != 0 {
					t.Errorf("got the interaction claimed %d times, want it never looked at", n)
				}
				if reqs := core.requestsIn("c-" + id); len(reqs) != 0 {
					t.Errorf("got requests %+v, want none", reqs)
				}
			})
		}
		// Anyone may send them: one warning, not one per request.
		if n := strings.Count(fx.logs.String(), `level=WARN msg="interaction refused: bad or missing signature"`); n != 1 {
			t.Errorf("got %d warnings about bad signatures, want 1 for the three:\n%s", n, fx.logs.String())
		}
	})

	t.Run("autocomplete, clicks and the message command are answered as over the gateway", func(t *testing.T) {
		theme := stringOption("theme", "spoil")
		theme["focused"] = true
		d := fx.deliver(t, url, interactionEvent("i-hac", "tok-hac", 4, "c-hac", commandData("summary", theme)), discordtest.Signed)
		if cb := answered(t, d); !d.Accepted || cb.Type != 8 || cb.Data == nil || len(cb.Data.Choices) != 1 || cb.Data.Choices[0].Name != "1. Spoilers and hardliners" {
			t.Errorf("got %s, want the one matching theme", d.Body)
		}

		d = fx.deliver(t, url, interactionEvent("i-hfb", "tok-hfb", 3, "c-hfb", map[string]any{"custom_id": "fb:up:r-h", "component_type": 2}), discordtest.Signed)
		if cb := answered(t, d); !d.Accepted || cb.Type != 4 || cb.Data == nil || cb.Data.Flags&64 == 0 || !strings.Contains(cb.Data.Content, "Thanks") {
			t.Errorf("got %s, want private thanks", d.Body)
		}
		if fb := core.feedbackFor("r-h"); len(fb) != 1 || !fb[0].Helpful {
			t.Errorf("got feedback %+v, want the vote recorded", fb)
		}

		d = fx.deliver(t, url, interactionEvent("i-hm", "tok-hm", 2, "c-hm", menuData("m-h", "Who negotiated?")), discordtest.Signed)
		if cb := answered(t, d); !d.Accepted || cb.Type != 5 {
			t.Fatalf("got %s, want a deferral", d.Body)
		}
		if m := shown(t, fx.original(t, "tok-hm")); len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Description, "Echo: Who negotiated?") {
			t.Errorf("got %+v, want the answer to the message's text", m)
		}
	})

	t.Run("interactions still coming over the gateway are answered there", func(t *testing.T) {
		fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-gw", "tok-gw", 2, "c-gw", commandData("ask", stringOption("question", "Gateway?"))))
		if m := shown(t, fx.original(t, "tok-gw")); len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Description, "Echo: Gateway?") {
			t.Errorf("got %+v, want the answer", m)
		}
		if n := countCalls(fx.fake.Calls(), call("POST", "interactions/i-gw/tok-gw/callback")); n != 1 {
			t.Errorf("got %d REST callbacks, want the deferral through the callback", n)
		}
	})

	t.Run("an interaction delivered again is answered once", func(t *testing.T) {
		ev := interactionEvent("i-again", "tok-again", 2, "c-again", commandData("themes"))
		first := fx.deliver(t, url, ev, discordtest.Signed)
		fx.original(t, "tok-again")
		again := fx.deliver(t, url, ev, discordtest.Signed)
		if !first.Accepted || again.Status != 409 || again.Accepted {
			t.Errorf("got %d (accepted %v) then %d %s, want the first answered and the second refused with 409", first.Status, first.Accepted, again.Status, again.Body)
		}
		// Over the gateway too, it is not answered again.
		fx.dispatch(t, "INTERACTION_CREATE", ev)
		fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-again", "c-again-sentinel", guildID, userID, "<@"+botID+"> sentinel", botID))
		fx.waitCalls(t, 1, call("POST", "channels/c-again-sentinel/messages"))
		waitUntil(t, "the gateway delivery claimed", func() bool { return core.deliveries("discord:interaction:i-again") == 3 })
		if n := countCalls(fx.fake.Calls(), call("POST", "interactions/i-again/tok-again/callback")); n != 0 {
			t.Errorf("got %d REST callbacks, want none", n)
		}
		if got := len(core.requestsIn("c-again")); got != 1 {
			t.Errorf("got %d requests, want 1", got)
		}
	})

	t.Run("deliveries at once are answered once", func(t *testing.T) {
		ev := interactionEvent("i-race", "tok-race", 2, "c-race", commandData("themes"))
		var wg sync.WaitGroup
		ds := make([]discordtest.Delivery, 2)
		for i := range ds {
			wg.Go(func() { ds[i] = fx.deliver(t, url, ev, discordtest.Signed) })
		}
		wg.Wait()
		accepted, conflicts := 0, 0
		for _, d := range ds {
			switch {
			case d.Accepted:
				accepted++
			case d.Status == 409:
				conflicts++
			}
		}
		if accepted != 1 || conflicts != 1 {
			t.Errorf("got %+v, want one answered and one refused with 409", ds)
		}
		fx.original(t, "tok-race")
		if got := len(core.requestsIn("c-race")); got != 1 {
			t.Errorf("got %d requests, want 1", got)
		}
	})

	t.Run("bad requests get clear errors", func(t *testing.T) {
		huge := `{"type":2,"pad":"` + strings.Repeat("x", 1<<20) + `"}`
		tests := []struct {
			name   string
			body   string
			sign   discordtest.Signing
			status int
			want   string
		}{
			{"truncated JSON", `{"type":2,"id":`, discordtest.Signed, 400, "malformed interaction"},
			{"not an object", `[1,2]`, discordtest.Signed, 400, "malformed interaction"},
			{"no id or token", `{"type":2,"data":{"name":"talks"}}`, discordtest.Signed, 400, "no id or token"},
			{"no data", `{"type":2,"id":"i-nodata","token":"tok-nodata"}`, discordtest.Signed, 400, "no data"},
			{"data of the wrong shape", `{"type":2,"id":"i-shape","token":"tok-shape","data":{"options":"none"}}`, discordtest.Signed, 400, `field "options"`},
			{"a modal submit", `{"type":5,"id":"i-modal","token":"tok-modal","data":{"custom_id":"x"}}`, discordtest.Signed, 400, "type 5 not supported"},
			{"over 1 MiB, signed", huge, discordtest.Signed, 413, "larger than"},
			{"over 1 MiB, unsigned", huge, discordtest.Unsigned, 413, "larger than"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				d := fx.deliver(t, url, []byte(tt.body), tt.sign)
				var e struct {
					Error string `json:"error"`
				}
				if err := json.Unmarshal(d.Body, &e); err != nil || d.Status != tt.status || !strings.Contains(e.Error, tt.want) {
					t.Errorf("got %d %s, want %d with an error saying %q", d.Status, d.Body, tt.status, tt.want)
				}
			})
		}
	})

	fx.stop()
	fx.acceptedAll(t)
}

func TestHTTPInteractionsOnceStopped(t *testing.T) {
	fx, url := startHTTP(t, newFakeCore())
	fx.stop()
	ping := fx.deliver(t, url, map[string]any{"id": "i-p", "token": "tok-p", "type": 1, "application_id": appID}, discordtest.Signed)
	d := fx.deliver(t, url, interactionEvent("i-late", "tok-late", 2, "c-late", commandData("themes")), discordtest.Signed)
	if ping.Status != 200 || d.Status != 503 || !strings.Contains(string(d.Body), "not running") {
		t.Errorf("got PING %d and a command %d %s, want PONG and 503 not running", ping.Status, d.Status, d.Body)
	}
	if reqs := fx.core.requestsIn("c-late"); len(reqs) != 0 {
		t.Errorf("got requests %+v, want none", reqs)
	}
}
