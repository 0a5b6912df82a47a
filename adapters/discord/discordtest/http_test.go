package discordtest_test

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/talksbot/talksbot/adapters/discord/discordtest"
)

// endpoint is an interactions endpoint that verifies signatures with
// discordgo, as an application does, and answers with answer (401 when the
// signature does not verify).
func endpoint(t *testing.T, key string, answer func(w http.ResponseWriter, body []byte)) string {
	t.Helper()
	pub, err := hex.DecodeString(key)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		t.Fatalf("got public key %q, want %d bytes in hex", key, ed25519.PublicKeySize)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !discordgo.VerifyInteraction(r, ed25519.PublicKey(pub)) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		body, _ := io.ReadAll(r.Body)
		answer(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func answerWith(resp string) func(http.ResponseWriter, []byte) {
	return func(w http.ResponseWriter, _ []byte) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, resp)
	}
}

func TestDeliverSigns(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{AppID: appID, Token: token})
	url := endpoint(t, fake.PublicKey(), answerWith(`{"type":1}`))
	tests := []struct {
		sign discordtest.Signing
		want int
	}{
		{discordtest.Signed, 200},
		{discordtest.Unsigned, 401},
		{discordtest.ForeignKey, 401},
		{discordtest.Tampered, 401},
	}
	for _, tt := range tests {
		d, err := fake.Deliver(context.Background(), url, map[string]any{"id": "p", "token": "ptok", "type": 1, "application_id": appID}, tt.sign)
		if err != nil {
			t.Fatal(err)
		}
		if d.Status != tt.want {
			t.Errorf("signing %d: got status %d, want %d", tt.sign, d.Status, tt.want)
		}
	}
}

func TestDeliverTakesTheAnswerAsTheInitialResponse(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{AppID: appID, Token: token})
	deferral := endpoint(t, fake.PublicKey(), answerWith(`{"type":5,"data":{"flags":64}}`))
	ctx := context.Background()
	cmd := func(id string) map[string]any {
		return map[string]any{"id": id, "token": "tok-" + id, "type": 2, "application_id": appID}
	}

	t.Run("a deferral opens the webhook", func(t *testing.T) {
		d, err := fake.Deliver(ctx, deferral, cmd("1"), discordtest.Signed)
		if err != nil || !d.Accepted {
			t.Fatalf("got %+v, %v; want the deferral accepted", d, err)
		}
		if got, ok := fake.Original("tok-1"); !ok || !got.Deferred || !got.Ephemeral {
			t.Errorf("got original %+v (%t), want an ephemeral deferral", got, ok)
		}
		if status, _ := do(t, fake, "PATCH", "webhooks/"+appID+"/tok-1/messages/@original", "", message("done")); status != 200 {
			t.Errorf("got edit status %d, want 200", status)
		}
	})

	t.Run("an answer after a callback is refused", func(t *testing.T) {
		// The endpoint acknowledges through the REST callback and then
		// answers the request too: Discord takes the first only.
		var url string
		url = endpoint(t, fake.PublicKey(), func(w http.ResponseWriter, _ []byte) {
			if status, _ := do(t, fake, "POST", "interactions/2/tok-2/callback", "", map[string]any{"type": 5}); status != 204 {
				t.Errorf("got callback status %d, want 204", status)
			}
			answerWith(`{"type":5}`)(w, nil)
		})
		d, err := fake.Deliver(ctx, url, cmd("2"), discordtest.Signed)
		if err != nil {
			t.Fatal(err)
		}
		var refusal struct {
			Code int `json:"code"`
		}
		if d.Accepted || json.Unmarshal(d.Refusal, &refusal) != nil || refusal.Code != 40060 {
			t.Errorf("got %+v, want the answer refused with 40060", d)
		}
	})

	t.Run("a PONG answers a PING only", func(t *testing.T) {
		pong := endpoint(t, fake.PublicKey(), answerWith(`{"type":1}`))
		d, err := fake.Deliver(ctx, pong, cmd("3"), discordtest.Signed)
		if err != nil || d.Accepted {
			t.Errorf("got %+v, %v; want a PONG to a command refused", d, err)
		}
	})

	t.Run("webhook calls wait for the answer", func(t *testing.T) {
		// The endpoint edits the response before it has answered: the
		// edit is held until the deferral is read, then accepted.
		edited := make(chan int, 1)
		url := endpoint(t, fake.PublicKey(), func(w http.ResponseWriter, _ []byte) {
			go func() {
				status, _ := do(t, fake, "PATCH", "webhooks/"+appID+"/tok-4/messages/@original", "", message("early"))
				edited <- status
			}()
			answerWith(`{"type":5}`)(w, nil)
		})
		if d, err := fake.Deliver(ctx, url, cmd("4"), discordtest.Signed); err != nil || !d.Accepted {
			t.Fatalf("got %+v, %v; want the deferral accepted", d, err)
		}
		select {
		case status := <-edited:
			if status != 200 {
				t.Errorf("got edit status %d, want 200", status)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("the edit never finished")
		}
	})

	t.Run("a malformed body is sent as it is", func(t *testing.T) {
		var got string
		url := endpoint(t, fake.PublicKey(), func(w http.ResponseWriter, body []byte) {
			got = string(body)
			http.Error(w, "malformed", http.StatusBadRequest)
		})
		d, err := fake.Deliver(ctx, url, []byte(`{"type":`), discordtest.Signed)
		if err != nil || d.Status != 400 || got != `{"type":` {
			t.Errorf("got %+v, %v, body %q; want the bytes delivered and 400", d, err, got)
		}
	})
}

func TestFollowupsOfAUserInstall(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{AppID: appID, Token: token})
	for _, tt := range []struct {
		token  string
		owners map[string]string
		want   int // follow-ups accepted of 7
	}{
		{"user-only", map[string]string{"1": "555"}, 5},
		{"guild-too", map[string]string{"0": "300", "1": "555"}, 7},
		{"no-owners", nil, 7},
	} {
		t.Run(tt.token, func(t *testing.T) {
			ev := map[string]any{"id": tt.token, "token": tt.token, "type": 2, "application_id": appID}
			if tt.owners != nil {
				ev["authorizing_integration_owners"] = tt.owners
			}
			if err := fake.Dispatch("INTERACTION_CREATE", ev); err == nil || !strings.Contains(err.Error(), "no gateway session") {
				t.Fatalf("got dispatch error %v, want no gateway session", err)
			}
			do(t, fake, "POST", "interactions/"+tt.token+"/"+tt.token+"/callback", "", map[string]any{"type": 5})
			accepted := 0
			for i := range 7 {
				body := map[string]any{"content": "part", "flags": 64 * (i % 2)}
				if status, _ := do(t, fake, "POST", "webhooks/"+appID+"/"+tt.token, "", body); status == 200 {
					accepted++
				}
			}
			if accepted != tt.want {
				t.Errorf("got %d follow-ups accepted, want %d", accepted, tt.want)
			}
			fs := fake.Followups(tt.token)
			if len(fs) != tt.want || fs[0].Ephemeral || !fs[1].Ephemeral {
				t.Errorf("got follow-ups %+v, want %d, the second ephemeral", fs, tt.want)
			}
		})
	}
}
