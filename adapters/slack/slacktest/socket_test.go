package slacktest_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack/socketmode"

	"github.com/talksbot/talksbot/adapters/slack/slacktest"
)

// client is one Socket Mode connection opened as an app opens it: a URL
// from apps.connections.open, then the websocket.
type client struct {
	conn  *websocket.Conn
	url   string
	hello socketmode.Request
}

// connect opens one Socket Mode connection to fake and reads its hello.
func connect(t *testing.T, fake *slacktest.Server) *client {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, fake.APIURL()+"apps.connections.open", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+appToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("apps.connections.open: %v", err)
	}
	defer resp.Body.Close()
	var opened struct {
		OK  bool   `json:"ok"`
		URL string `json:"url"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&opened); err != nil || !opened.OK {
		t.Fatalf("apps.connections.open: got %+v, %v", opened, err)
	}
	conn, _, err := websocket.DefaultDialer.Dial(opened.URL, http.Header{"Origin": {slacktest.SlackOrigin}})
	if err != nil {
		t.Fatalf("dial %s: %v", opened.URL, err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	c := &client{conn: conn, url: opened.URL}
	c.hello = c.read(t)
	return c
}

// read reads the next message as slack-go's socketmode decodes it.
func (c *client) read(t *testing.T) socketmode.Request {
	t.Helper()
	if err := c.conn.SetReadDeadline(time.Now().Add(slacktest.WaitTimeout)); err != nil {
		t.Fatal(err)
	}
	var r socketmode.Request
	if err := c.conn.ReadJSON(&r); err != nil {
		t.Fatalf("read envelope: %v", err)
	}
	return r
}

// ack acknowledges the envelope id as an app does.
func (c *client) ack(t *testing.T, id string) {
	t.Helper()
	if err := c.conn.WriteJSON(map[string]any{"envelope_id": id}); err != nil {
		t.Fatal(err)
	}
}

// eventID returns the event_id of an events_api envelope's payload.
func eventID(t *testing.T, r socketmode.Request) string {
	t.Helper()
	var p struct {
		EventID string `json:"event_id"`
	}
	if err := json.Unmarshal(r.Payload, &p); err != nil {
		t.Fatalf("decode payload %s: %v", r.Payload, err)
	}
	return p.EventID
}

func mention(ts string) map[string]any {
	return map[string]any{"type": "app_mention", "user": "U0ALICE", "text": "hi", "ts": ts, "channel": "C0SOCK", "event_ts": ts}
}

func TestFakeHoldsSeveralSocketConnections(t *testing.T) {
	fake := slacktest.New(t, botToken, appToken)
	var clients []*client
	for i := range 3 {
		c := connect(t, fake)
		if c.hello.Type != "hello" || c.hello.NumConnections != i+1 {
			t.Errorf("connection %d: got %s with num_connections %d, want hello with %d", i+1, c.hello.Type, c.hello.NumConnections, i+1)
		}
		clients = append(clients, c)
	}
	if clients[0].url == clients[1].url || clients[1].url == clients[2].url || clients[0].url == clients[2].url {
		t.Errorf("got websocket URLs %s, %s, %s, want a new one for each connection", clients[0].url, clients[1].url, clients[2].url)
	}
	if got := fake.WaitOpenConnections(t, 3); !slices.Equal(got, []int{1, 2, 3}) {
		t.Fatalf("got open connections %v, want [1 2 3]", got)
	}

	t.Run("to a chosen connection", func(t *testing.T) {
		id := fake.SendTo(t, 2, slacktest.EventEnvelope("EvChosen", 0, mention("1.1")))
		r := clients[1].read(t)
		if r.EnvelopeID != id || r.Type != "events_api" || eventID(t, r) != "EvChosen" || r.RetryAttempt != 0 || r.RetryReason != "" {
			t.Errorf("got %+v, want envelope %s of EvChosen, a first delivery", r, id)
		}
		if got := fake.ConnectionOf(id); got != 2 {
			t.Errorf("got connection %d, want 2", got)
		}
	})

	t.Run("spread in turn, where the last spread left off", func(t *testing.T) {
		ids := fake.Spread(t,
			slacktest.EventEnvelope("EvA", 0, mention("2.1")),
			slacktest.EventEnvelope("EvB", 0, mention("2.2")))
		ids = append(ids, fake.Spread(t,
			slacktest.EventEnvelope("EvC", 0, mention("2.3")),
			slacktest.EventEnvelope("EvD", 0, mention("2.4")))...)
		for i, want := range []string{"EvA", "EvB", "EvC", "EvD"} {
			c := clients[i%3]
			r := c.read(t)
			if r.EnvelopeID != ids[i] || eventID(t, r) != want {
				t.Errorf("connection %d: got envelope %s of %s, want %s of %s", i%3+1, r.EnvelopeID, eventID(t, r), ids[i], want)
			}
			c.ack(t, r.EnvelopeID)
			fake.WaitAck(t, r.EnvelopeID)
		}
	})

	t.Run("a slash command redelivered to another connection", func(t *testing.T) {
		first := fake.SendTo(t, 3, slacktest.SlashCommandEnvelope(map[string]string{"command": "/talks", "trigger_id": "t1"}))
		if r := clients[2].read(t); r.Type != "slash_commands" || !r.AcceptsResponsePayload {
			t.Fatalf("got %+v, want a slash command accepting a response payload", r)
		}
		again := fake.RedeliverElsewhere(t, first)
		r := clients[0].read(t) // after 3, wrapping round
		if r.EnvelopeID != again || again == first || r.Type != "slash_commands" || r.RetryAttempt != 1 || r.RetryReason != "timeout" {
			t.Errorf("got %+v, want a new envelope id, retry attempt 1 for timeout", r)
		}
		if !strings.Contains(string(r.Payload), `"trigger_id":"t1"`) {
			t.Errorf("got payload %s, want the command's", r.Payload)
		}
		clients[0].ack(t, again)
		fake.WaitAck(t, again)
	})

	t.Run("the unacknowledged redelivered to another connection", func(t *testing.T) {
		acked := fake.SendTo(t, 1, slacktest.EventEnvelope("EvAcked", 0, mention("3.1")))
		lost := fake.SendTo(t, 1, slacktest.EventEnvelope("EvLost", 0, mention("3.2")))
		clients[0].ack(t, clients[0].read(t).EnvelopeID)
		fake.WaitAck(t, acked)
		if r := clients[0].read(t); r.EnvelopeID != lost {
			t.Fatalf("got %s, want %s", r.EnvelopeID, lost)
		}
		// EvChosen, sent on 2, was never acknowledged either.
		ids := fake.RedeliverUnacked(t)
		if len(ids) != 2 {
			t.Fatalf("got redeliveries %v, want EvChosen's and EvLost's", ids)
		}
		chosen, lostAgain := clients[2].read(t), clients[1].read(t)
		if eventID(t, chosen) != "EvChosen" || chosen.RetryAttempt != 1 || chosen.RetryReason != "timeout" || fake.ConnectionOf(ids[0]) != 3 {
			t.Errorf("got %+v on 3, want EvChosen's first retry", chosen)
		}
		if eventID(t, lostAgain) != "EvLost" || lostAgain.RetryAttempt != 1 || fake.ConnectionOf(ids[1]) != 2 {
			t.Errorf("got %+v on 2, want EvLost's first retry", lostAgain)
		}
		clients[1].ack(t, lostAgain.EnvelopeID)
		fake.WaitAck(t, lostAgain.EnvelopeID)
		// EvChosen's retry is still unacknowledged: it goes on, one
		// attempt more; EvLost's was acknowledged.
		ids = fake.RedeliverUnacked(t)
		if len(ids) != 1 {
			t.Fatalf("got redeliveries %v, want EvChosen's alone", ids)
		}
		if r := clients[0].read(t); eventID(t, r) != "EvChosen" || r.RetryAttempt != 2 {
			t.Errorf("got %+v on 1, want EvChosen's second retry", r)
		}
	})

	t.Run("a closed connection is forgotten", func(t *testing.T) {
		_ = clients[1].conn.Close()
		if got := fake.WaitOpenConnections(t, 2); !slices.Equal(got, []int{1, 3}) {
			t.Errorf("got open connections %v, want [1 3]", got)
		}
		if c := connect(t, fake); c.hello.NumConnections != 3 {
			t.Errorf("got num_connections %d, want 3", c.hello.NumConnections)
		}
		if got := fake.OpenConnections(); !slices.Equal(got, []int{1, 3, 4}) {
			t.Errorf("got open connections %v, want [1 3 4]", got)
		}
	})
}
