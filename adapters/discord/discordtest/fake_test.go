package discordtest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/adapters/discord/discordtest"
)

const (
	appID = "100"
	token = "secret"
	auth  = "Bot " + token
)

// do sends one REST request to the fake and returns the status and Discord's
// error code (0 when the body carries none).
func do(t *testing.T, fake *discordtest.Server, method, path, authorization string, body any) (status, code int) {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, fake.URL()+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if authorization != "" {
		req.Header.Set("Authorization", authorization)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var e struct {
		Code int `json:"code"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&e) // success bodies carry no code
	return resp.StatusCode, e.Code
}

// interaction makes an interaction known to the fake without a gateway
// session: Dispatch records it, then reports that it could not send it.
func interaction(t *testing.T, fake *discordtest.Server, id, tok string) {
	t.Helper()
	err := fake.Dispatch("INTERACTION_CREATE", map[string]any{"id": id, "token": tok, "application_id": appID, "type": 2})
	if err == nil || !strings.Contains(err.Error(), "no gateway session") {
		t.Fatalf("got dispatch error %v, want no gateway session", err)
	}
}

func message(content string) map[string]any { return map[string]any{"content": content} }

func embed(e map[string]any) map[string]any { return map[string]any{"embeds": []any{e}} }

func fields(n, valueLen int) []any {
	var fs []any
	for i := range n {
		fs = append(fs, map[string]any{"name": fmt.Sprint("f", i), "value": strings.Repeat("v", valueLen)})
	}
	return fs
}

func buttons(ids ...string) map[string]any {
	var bs []any
	for _, id := range ids {
		bs = append(bs, map[string]any{"type": 2, "style": 1, "label": "b", "custom_id": id})
	}
	return map[string]any{"content": "x", "components": []any{map[string]any{"type": 1, "components": bs}}}
}

func TestAuthorization(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{AppID: appID, Token: token})
	interaction(t, fake, "1", "itok")
	tests := []struct {
		name, method, path, auth string
		body                     any
		want                     int
	}{
		{"bot route without a header", "POST", "channels/5/messages", "", message("hi"), 401},
		{"bot route with a wrong token", "POST", "channels/5/messages", "Bot nope", message("hi"), 401},
		{"bot route without the Bot prefix", "POST", "channels/5/messages", token, message("hi"), 401},
		{"bot route with the token", "POST", "channels/5/messages", auth, message("hi"), 200},
		{"gateway with a wrong token", "GET", "gateway", "Bot nope", nil, 401},
		{"interaction callback without a header", "POST", "interactions/1/itok/callback", "", map[string]any{"type": 5}, 204},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, _ := do(t, fake, tt.method, tt.path, tt.auth, tt.body); got != tt.want {
				t.Errorf("got status %d, want %d", got, tt.want)
			}
		})
	}
	t.Run("a webhook route with a wrong header", func(t *testing.T) {
		if got, _ := do(t, fake, "PATCH", "webhooks/"+appID+"/itok/messages/@original", "Bot nope", message("hi")); got != 401 {
			t.Errorf("got status %d, want 401", got)
		}
	})
}

func TestInteractionLifecycle(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{AppID: appID, Token: token})
	interaction(t, fake, "1", "itok")
	steps := []struct {
		name, method, path string
		body               any
		wantStatus         int
		wantCode           int
	}{
		{"edit before the callback", "PATCH", "webhooks/" + appID + "/itok/messages/@original", message("hi"), 404, 10015},
		{"follow-up before the callback", "POST", "webhooks/" + appID + "/itok", message("hi"), 404, 10015},
		{"callback of an unknown interaction", "POST", "interactions/2/itok/callback", map[string]any{"type": 5}, 404, 10062},
		{"callback", "POST", "interactions/1/itok/callback", map[string]any{"type": 5}, 204, 0},
		{"second callback", "POST", "interactions/1/itok/callback", map[string]any{"type": 4, "data": message("hi")}, 400, 40060},
		{"edit to an empty message", "PATCH", "webhooks/" + appID + "/itok/messages/@original", map[string]any{"content": "", "embeds": []any{}}, 400, 50006},
		{"edit", "PATCH", "webhooks/" + appID + "/itok/messages/@original", message("hi"), 200, 0},
		{"follow-up", "POST", "webhooks/" + appID + "/itok", message("more"), 200, 0},
		{"edit of another application's webhook", "PATCH", "webhooks/999/itok/messages/@original", message("hi"), 404, 10015},
		{"delete", "DELETE", "webhooks/" + appID + "/itok/messages/@original", nil, 204, 0},
		{"edit after the delete", "PATCH", "webhooks/" + appID + "/itok/messages/@original", message("hi"), 404, 10008},
	}
	for _, st := range steps {
		status, code := do(t, fake, st.method, st.path, auth, st.body)
		if status != st.wantStatus || code != st.wantCode {
			t.Errorf("%s: got status %d code %d, want %d code %d", st.name, status, code, st.wantStatus, st.wantCode)
		}
	}
}

func TestLimits(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{AppID: appID, Token: token})
	long := func(n int) string { return strings.Repeat("x", n) }
	tests := []struct {
		name     string
		body     any
		wantCode int // 0: accepted
	}{
		{"content of 2000", message(long(2000)), 0},
		{"content of 2001", message(long(2001)), 50035},
		{"multi-byte content of 2000 characters", message(strings.Repeat("é", 2000)), 0},
		{"empty message", message(""), 50006},
		{"description of 4096", embed(map[string]any{"description": long(4096)}), 0},
		{"description of 4097", embed(map[string]any{"description": long(4097)}), 50035},
		{"title of 257", embed(map[string]any{"title": long(257)}), 50035},
		{"25 fields", embed(map[string]any{"fields": fields(25, 10)}), 0},
		{"26 fields", embed(map[string]any{"fields": fields(26, 10)}), 50035},
		{"field value of 1025", embed(map[string]any{"fields": fields(1, 1025)}), 50035},
		{"empty field value", embed(map[string]any{"fields": fields(1, 0)}), 50035},
		{"embed of 6000", embed(map[string]any{"description": long(4000), "fields": fields(2, 998)}), 0},
		{"embed over 6000", embed(map[string]any{"description": long(4096), "fields": fields(2, 1000)}), 50035},
		{"embeds over 6000 together", map[string]any{"embeds": []any{
			map[string]any{"description": long(3001)}, map[string]any{"description": long(3000)},
		}}, 50035},
		{"footer of 2049", embed(map[string]any{"description": "x", "footer": map[string]any{"text": long(2049)}}), 50035},
		{"custom_id of 100", buttons(long(100)), 0},
		{"custom_id of 101", buttons(long(101)), 50035},
		{"duplicate custom_ids", buttons("a", "a"), 50035},
		{"six buttons in a row", buttons("a", "b", "c", "d", "e", "f"), 50035},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, code := do(t, fake, "POST", fmt.Sprintf("channels/%d/messages", i), auth, tt.body)
			wantStatus := 200
			if tt.wantCode != 0 {
				wantStatus = 400
			}
			if status != wantStatus || code != tt.wantCode {
				t.Errorf("got status %d code %d, want %d code %d", status, code, wantStatus, tt.wantCode)
			}
		})
	}
}

func TestCallbackAndCommandLimits(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{AppID: appID, Token: token})
	choices := func(n, nameLen int) map[string]any {
		var cs []any
		for i := range n {
			cs = append(cs, map[string]any{"name": fmt.Sprint(i) + strings.Repeat("c", nameLen), "value": "v"})
		}
		return map[string]any{"type": 8, "data": map[string]any{"choices": cs}}
	}
	command := func(name, description string) []any {
		return []any{map[string]any{"type": 1, "name": name, "description": description}}
	}
	tests := []struct {
		name, method, path string
		body               any
		wantCode           int
	}{
		{"25 choices", "POST", "interactions/1/t1/callback", choices(25, 5), 0},
		{"26 choices", "POST", "interactions/2/t2/callback", choices(26, 5), 50035},
		{"choice name of 101", "POST", "interactions/3/t3/callback", choices(1, 100), 50035},
		{"message callback over the limit", "POST", "interactions/4/t4/callback", map[string]any{"type": 4, "data": message(strings.Repeat("x", 2001))}, 50035},
		{"command", "PUT", "applications/" + appID + "/commands", command("talks", "Ask"), 0},
		{"command with an upper-case name", "PUT", "applications/" + appID + "/commands", command("Talks", "Ask"), 50035},
		{"command without a description", "PUT", "applications/" + appID + "/commands", command("talks", ""), 50035},
		{"command of another application", "PUT", "applications/999/commands", command("talks", "Ask"), 50001},
	}
	for i := 1; i <= 4; i++ {
		interaction(t, fake, fmt.Sprint(i), fmt.Sprint("t", i))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, code := do(t, fake, tt.method, tt.path, auth, tt.body)
			if code != tt.wantCode {
				t.Errorf("got code %d, want %d", code, tt.wantCode)
			}
		})
	}
}

func TestOriginal(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{AppID: appID, Token: token})
	interaction(t, fake, "1", "otok")
	original := "webhooks/" + appID + "/otok/messages/@original"
	if _, ok := fake.Original("otok"); ok {
		t.Error("got an original response before the callback, want none")
	}
	if _, ok := fake.Original("unknown"); ok {
		t.Error("got an original response of an unknown interaction, want none")
	}
	steps := []struct {
		name, method, path string
		body               any
		want               discordtest.Message
	}{
		{"deferred", "POST", "interactions/1/otok/callback", map[string]any{"type": 5}, discordtest.Message{Deferred: true}},
		{"progress edit", "PATCH", original, message("drafting"), discordtest.Message{Content: "drafting"}},
		{"embed added, content kept", "PATCH", original, embed(map[string]any{"description": "d"}),
			discordtest.Message{Content: "drafting", Embeds: json.RawMessage(`[{"description":"d"}]`)}},
		{"content cleared, components set", "PATCH", original, map[string]any{"content": "", "components": []any{}},
			discordtest.Message{Embeds: json.RawMessage(`[{"description":"d"}]`), Components: json.RawMessage(`[]`)}},
	}
	for _, st := range steps {
		if status, code := do(t, fake, st.method, st.path, auth, st.body); status >= 400 {
			t.Fatalf("%s: got status %d code %d, want it accepted", st.name, status, code)
		}
		got, ok := fake.Original("otok")
		if !ok || got.Content != st.want.Content || got.Deferred != st.want.Deferred ||
			string(got.Embeds) != string(st.want.Embeds) || string(got.Components) != string(st.want.Components) {
			t.Errorf("%s: got original %+v (ok %t), want %+v", st.name, got, ok, st.want)
		}
	}
	do(t, fake, "DELETE", original, auth, nil)
	if got, ok := fake.Original("otok"); ok {
		t.Errorf("got original %+v after the delete, want none", got)
	}
}

func TestCommandRegistration(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{AppID: appID, Token: token})
	menu := func(name string) map[string]any { return map[string]any{"type": 3, "name": name} }
	chat := map[string]any{"type": 1, "name": "talks", "description": "Ask", "integration_types": []int{0, 1}, "contexts": []int{0, 1, 2}}
	tests := []struct {
		name     string
		body     []any
		wantCode int
	}{
		{"slash command and context menu", []any{chat, menu("Ask talksbot")}, 0},
		{"context menu name of 32", []any{menu(strings.Repeat("a", 32))}, 0},
		{"context menu name of 33", []any{menu(strings.Repeat("a", 33))}, 50035},
		{"context menu with a description", []any{map[string]any{"type": 3, "name": "Ask", "description": "no"}}, 50035},
		{"unknown integration type", []any{map[string]any{"type": 3, "name": "Ask", "integration_types": []int{2}}}, 50035},
		{"unknown context", []any{map[string]any{"type": 3, "name": "Ask", "contexts": []int{0, 3}}}, 50035},
		{"repeated context", []any{map[string]any{"type": 3, "name": "Ask", "contexts": []int{1, 1}}}, 50035},
		{"unknown command type", []any{map[string]any{"type": 9, "name": "ask"}}, 50035},
		{"six message commands", []any{menu("a"), menu("b"), menu("c"), menu("d"), menu("e"), menu("f")}, 50035},
		{"one name twice", []any{menu("Ask"), menu("Ask")}, 50035},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			guild := fmt.Sprint(i + 1)
			_, code := do(t, fake, "PUT", "applications/"+appID+"/guilds/"+guild+"/commands", auth, tt.body)
			if code != tt.wantCode {
				t.Errorf("got code %d, want %d", code, tt.wantCode)
			}
			if got := fake.Commands(guild); (len(got) == len(tt.body)) != (tt.wantCode == 0) {
				t.Errorf("got %d commands recorded, want them recorded only when accepted", len(got))
			}
		})
	}
	t.Run("the registration is recorded as sent", func(t *testing.T) {
		do(t, fake, "PUT", "applications/"+appID+"/commands", auth, []any{chat, menu("Ask talksbot")})
		got := fake.Commands("")
		if len(got) != 2 {
			t.Fatalf("got %d global commands, want 2", len(got))
		}
		if c := got[0]; c.Type != 1 || c.Name != "talks" || fmt.Sprint(c.IntegrationTypes) != "[0 1]" || fmt.Sprint(c.Contexts) != "[0 1 2]" || c.GuildID != "" {
			t.Errorf("got %+v, want /talks for both installs in every context", c)
		}
		if c := got[1]; c.Type != 3 || c.Name != "Ask talksbot" || c.IntegrationTypes != nil || c.Contexts != nil {
			t.Errorf("got %+v, want the message command with no lists", c)
		}
	})
}
