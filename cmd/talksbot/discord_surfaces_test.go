package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/adapters/discord/discordtest"
)

// discordInteraction is an interaction payload from member 555 in channel
// of guild 300; installs says which installs authorise it ("guild",
// "user").
func discordInteraction(fake *discordtest.Server, id string, typ int, channel string, data map[string]any, installs ...string) map[string]any {
	owners := map[string]string{}
	for _, in := range installs {
		owners[map[string]string{"guild": "0", "user": "1"}[in]] = map[string]string{"guild": "300", "user": "555"}[in]
	}
	return map[string]any{
		"id": id, "application_id": fake.AppID(), "type": typ, "token": "tok-" + id, "version": 1,
		"channel_id": channel, "guild_id": "300", "context": 0,
		"authorizing_integration_owners": owners,
		"member":                         map[string]any{"user": map[string]any{"id": "555", "username": "asker"}},
		"data":                           data,
	}
}

// talksAsk is the data of /talks ask question:q.
func talksAsk(q string) map[string]any {
	return map[string]any{"id": "1", "name": "talks", "type": 1, "options": []any{map[string]any{
		"type": 1, "name": "ask", "options": []any{map[string]any{"type": 3, "name": "question", "value": q}},
	}}}
}

// askMenu is the data of "Ask talksbot" used on a message saying content.
func askMenu(content string) map[string]any {
	return map[string]any{"id": "2", "name": "Ask talksbot", "type": 3, "target_id": "m-target", "resolved": map[string]any{
		"messages": map[string]any{"m-target": map[string]any{
			"id": "m-target", "channel_id": "c-any", "content": content, "type": 0,
			"author": map[string]any{"id": "777", "username": "someone"}, "timestamp": "2025-01-01T00:00:00Z",
		}},
	}}
}

// interactionAnswer is the part of an interaction response the tests read.
type interactionAnswer struct {
	Type int `json:"type"`
	Data *struct {
		Content string `json:"content"`
		Flags   int    `json:"flags"`
	} `json:"data"`
}

// answered waits until the interaction's original response is edited and
// returns it as the fake holds it.
func answered(t *testing.T, fake *discordtest.Server, id string) discordtest.Message {
	t.Helper()
	waitDiscord(t, fake, 1, discordCall(http.MethodPatch, "webhooks/"+fake.AppID()+"/tok-"+id+"/messages/@original"))
	m, ok := fake.Original("tok-" + id)
	if !ok {
		t.Fatalf("got no original response for %s", id)
	}
	return m
}

// shareButton returns the custom_id of a Share button among components.
func shareButton(t *testing.T, components json.RawMessage) string {
	t.Helper()
	var rows []struct {
		Components []struct {
			CustomID string `json:"custom_id"`
		} `json:"components"`
	}
	if err := json.Unmarshal(components, &rows); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		for _, c := range r.Components {
			if strings.HasPrefix(c.CustomID, "share:") {
				return c.CustomID
			}
		}
	}
	return ""
}

// TestServeDiscordSurfaces runs `talksbot serve` as shard 0 of 2 with
// interactions over HTTP, against the fake Discord, through each Discord
// surface: the registration, the message command, a private answer to a
// member's own install and its Share, and the interactions endpoint.
func TestServeDiscordSurfaces(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{Token: discordBotToken})
	s := startServe(t, map[string]string{
		"DISCORD_BOT_TOKEN":   discordBotToken,
		"DISCORD_API_URL":     fake.URL(),
		"DISCORD_PUBLIC_KEY":  fake.PublicKey(),
		"DISCORD_SHARD_ID":    "0",
		"DISCORD_SHARD_COUNT": "2",
		"TALKSBOT_RATE_LIMIT": "0",
	})
	endpoint := s.url + "/discord/interactions"
	deliver := func(t *testing.T, payload any, sign discordtest.Signing) discordtest.Delivery {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
		defer cancel()
		d, err := fake.Deliver(ctx, endpoint, payload, sign)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	s.waitReady(t, "discord")

	t.Run("registration carries every declaration", func(t *testing.T) {
		type decl struct{ Type, Name, Installs, Contexts string }
		var got []decl
		for _, c := range fake.Commands("") {
			got = append(got, decl{fmt.Sprint(c.Type), c.Name, fmt.Sprint(c.IntegrationTypes), fmt.Sprint(c.Contexts)})
		}
		want := []decl{{"1", "talks", "[0 1]", "[0 1 2]"}, {"3", "Ask talksbot", "[0 1]", "[0 1 2]"}}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("got registered %+v, want %+v", got, want)
		}
	})

	t.Run("identifies as its shard", func(t *testing.T) {
		var id struct {
			Shard []int `json:"shard"`
		}
		if err := json.Unmarshal(fake.Identifies()[0], &id); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(id.Shard) != "[0 2]" {
			t.Errorf("got shard %v, want [0 2]", id.Shard)
		}
	})

	t.Run("PING over HTTP gets PONG", func(t *testing.T) {
		d := deliver(t, map[string]any{"id": "i-ping", "token": "tok-ping", "type": 1, "application_id": fake.AppID(), "version": 1}, discordtest.Signed)
		if !d.Accepted || strings.TrimSpace(string(d.Body)) != `{"type":1}` {
			t.Errorf("got %d %s, want a PONG", d.Status, d.Body)
		}
	})

	t.Run("unsigned or forged interactions get 401 and no answer", func(t *testing.T) {
		for i, sign := range []discordtest.Signing{discordtest.Unsigned, discordtest.ForeignKey, discordtest.Tampered} {
			id := fmt.Sprintf("i-forged-%d", i)
			d := deliver(t, discordInteraction(fake, id, 2, "c-forged", talksAsk(congress), "guild"), sign)
			if d.Status != http.StatusUnauthorized || d.Accepted {
				t.Errorf("signing %d: got %d %s, want 401", sign, d.Status, d.Body)
			}
		}
	})

	t.Run("a signed /talks ask over HTTP is deferred and answered", func(t *testing.T) {
		d := deliver(t, discordInteraction(fake, "i-http", 2, "c-http", talksAsk(congress), "guild"), discordtest.Signed)
		var a interactionAnswer
		if err := json.Unmarshal(d.Body, &a); err != nil || !d.Accepted || a.Type != 5 {
			t.Fatalf("got %d %s (refusal %s), want a deferral taken", d.Status, d.Body, d.Refusal)
		}
		if m := answered(t, fake, "i-http"); !strings.Contains(string(m.Embeds), sanctions) || m.Ephemeral {
			t.Errorf("got %+v, want the quoted sentence %q, public", m, sanctions)
		}
	})

	t.Run("a retried HTTP interaction is answered once", func(t *testing.T) {
		ev := discordInteraction(fake, "i-retry", 2, "c-retry", talksAsk(congress), "guild")
		first := deliver(t, ev, discordtest.Signed)
		answered(t, fake, "i-retry")
		again := deliver(t, ev, discordtest.Signed)
		if !first.Accepted || again.Status != http.StatusConflict || again.Accepted {
			t.Errorf("got %d then %d %s, want the retry refused with 409", first.Status, again.Status, again.Body)
		}
		// Answering it again would edit the response again; the count is
		// taken once serve has stopped and every answer is done.
	})

	t.Run("the message command answers the message's text", func(t *testing.T) {
		if err := fake.Dispatch("INTERACTION_CREATE", discordInteraction(fake, "i-menu", 2, "c-menu", askMenu(congress), "guild")); err != nil {
			t.Fatal(err)
		}
		if m := answered(t, fake, "i-menu"); !strings.Contains(string(m.Embeds), sanctions) {
			t.Errorf("got %+v, want the quoted sentence %q", m, sanctions)
		}
	})

	t.Run("the message command on a message without text says so privately", func(t *testing.T) {
		d := deliver(t, discordInteraction(fake, "i-notext", 2, "c-notext", askMenu(""), "guild"), discordtest.Signed)
		var a interactionAnswer
		if err := json.Unmarshal(d.Body, &a); err != nil || a.Type != 4 || a.Data == nil || a.Data.Flags&64 == 0 || !strings.Contains(a.Data.Content, "no text") {
			t.Errorf("got %d %s, want a private note", d.Status, d.Body)
		}
	})

	t.Run("a member's own install answers privately, and Share posts it", func(t *testing.T) {
		d := deliver(t, discordInteraction(fake, "i-own", 2, "c-own", talksAsk(congress), "user"), discordtest.Signed)
		if !d.Accepted {
			t.Fatalf("got %d %s, want a deferral taken", d.Status, d.Body)
		}
		own := answered(t, fake, "i-own")
		share := shareButton(t, own.Components)
		if !own.Ephemeral || share == "" || !strings.Contains(string(own.Embeds), sanctions) {
			t.Fatalf("got %+v, want the answer private with a Share button", own)
		}
		click := discordInteraction(fake, "i-click", 3, "c-own", map[string]any{"custom_id": share, "component_type": 2}, "user")
		if d := deliver(t, click, discordtest.Signed); !d.Accepted {
			t.Fatalf("got %d %s, want the click's deferral taken", d.Status, d.Body)
		}
		shared := answered(t, fake, "i-click")
		if shared.Ephemeral || shared.Content != "Shared by <@555>" || !strings.Contains(string(shared.Embeds), sanctions) || shareButton(t, shared.Components) != "" {
			t.Errorf("got %+v, want the answer public, naming who shared it, without Share", shared)
		}
	})

	if code := s.stop(t); code != 0 {
		t.Errorf("got exit %d, want 0; logs:\n%s", code, s.logs)
	}
	edits := 0
	for _, c := range fake.Calls() {
		if c.Status >= 400 {
			t.Errorf("got %s %s refused with %d: %s", c.Method, c.Path, c.Status, c.Body)
		}
		if discordCall(http.MethodPatch, "webhooks/"+fake.AppID()+"/tok-i-retry/messages/@original")(c) {
			edits++
		}
	}
	if edits != 1 {
		t.Errorf("got the retried interaction's response edited %d times, want once", edits)
	}
	logs := s.logs.String()
	if !strings.Contains(logs, "discord (interactions over http)") {
		t.Errorf("logs lack the platform line naming interactions over http:\n%s", logs)
	}
	if strings.Contains(logs, discordBotToken) {
		t.Error("logs leak the bot token")
	}
}

// TestServeDiscordShareAfterRestart answers a member's own install
// privately, restarts serve on the same state folder, and clicks Share: the
// answer behind the button is kept in the state database, not in the
// process.
func TestServeDiscordShareAfterRestart(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{Token: discordBotToken})
	env := map[string]string{
		"DISCORD_BOT_TOKEN":   discordBotToken,
		"DISCORD_API_URL":     fake.URL(),
		"TALKSBOT_DATA":       t.TempDir(),
		"TALKSBOT_RATE_LIMIT": "0",
	}
	dispatch := func(t *testing.T, ev map[string]any) {
		t.Helper()
		if err := fake.Dispatch("INTERACTION_CREATE", ev); err != nil {
			t.Fatal(err)
		}
	}
	first := startServe(t, env)
	first.waitReady(t, "discord")
	dispatch(t, discordInteraction(fake, "i-before", 2, "c-restart", talksAsk(congress), "user"))
	own := answered(t, fake, "i-before")
	share := shareButton(t, own.Components)
	if !own.Ephemeral || share == "" {
		t.Fatalf("got %+v, want a private answer with Share", own)
	}
	if code := first.stop(t); code != 0 {
		t.Fatalf("got exit %d, want 0", code)
	}

	second := startServe(t, env)
	second.waitReady(t, "discord")
	dispatch(t, discordInteraction(fake, "i-after", 3, "c-restart", map[string]any{"custom_id": share, "component_type": 2}, "user"))
	shared := answered(t, fake, "i-after")
	if shared.Ephemeral || !strings.Contains(string(shared.Embeds), sanctions) {
		t.Errorf("got %+v, want the answer shared publicly after the restart", shared)
	}
}
