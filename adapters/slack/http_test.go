package slack_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
)

const (
	formType = "application/x-www-form-urlencoded"
	jsonType = "application/json"
)

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	return string(b)
}

func TestHTTPSignatureChecks(t *testing.T) {
	core := &fakeCore{}
	h := start(t, slack.ModeHTTP, core, nil)
	body := mustJSON(t, callback("Ev1000", directMessage("1700002000.000100", "signed?")))
	huge := `{"pad":"` + strings.Repeat("x", 2<<20) + `"}`
	now := time.Now()
	tampered := sign(now, body)
	tests := []struct {
		name   string
		path   string
		body   string
		header http.Header
		want   int
	}{
		{name: "valid", path: "/slack/events", body: body, header: sign(now, body), want: http.StatusOK},
		{name: "tampered body", path: "/slack/events", body: strings.Replace(body, "signed?", "forged!", 1), header: tampered, want: http.StatusUnauthorized},
		{name: "stale", path: "/slack/events", body: body, header: sign(now.Add(-6*time.Minute), body), want: http.StatusUnauthorized},
		{name: "from the future", path: "/slack/events", body: body, header: sign(now.Add(6*time.Minute), body), want: http.StatusUnauthorized},
		{name: "missing", path: "/slack/events", body: body, header: http.Header{}, want: http.StatusUnauthorized},
		{name: "not v0", path: "/slack/events", body: body, header: http.Header{
			"X-Slack-Request-Timestamp": tampered["X-Slack-Request-Timestamp"],
			"X-Slack-Signature":         {"v1=" + strings.TrimPrefix(tampered.Get("X-Slack-Signature"), "v0=")},
		}, want: http.StatusUnauthorized},
		{name: "garbage unsigned", path: "/slack/events", body: "{not json", header: http.Header{}, want: http.StatusUnauthorized},
		{name: "commands unsigned", path: "/slack/commands", body: form(map[string]string{"user_id": alice, "text": "help"}), header: http.Header{}, want: http.StatusUnauthorized},
		{name: "interactions unsigned", path: "/slack/interactions", body: "payload={}", header: http.Header{}, want: http.StatusUnauthorized},
		// The headers are checked before the body is read: an unsigned
		// huge body is refused as unsigned, not read through.
		{name: "unsigned and huge", path: "/slack/events", body: huge, header: http.Header{}, want: http.StatusUnauthorized},
		{name: "stale and huge", path: "/slack/events", body: huge, header: sign(now.Add(-time.Hour), huge), want: http.StatusUnauthorized},
		{name: "signed and huge", path: "/slack/events", body: huge, header: sign(now, huge), want: http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := h.post(t, tt.path, jsonType, tt.body, tt.header)
			if got != tt.want {
				t.Errorf("got status %d, want %d", got, tt.want)
			}
		})
	}
	// Only the valid request reached the bot.
	h.fake.WaitCalls(t, "chat.postMessage", 1)
	if reqs := core.Requests(); len(reqs) != 1 || reqs[0].Text != "signed?" {
		t.Errorf("got requests %+v, want only the signed one", reqs)
	}
	// Anyone can send unsigned requests: they must not flood the log.
	logs := h.logs.String()
	if !strings.Contains(logs, "level=DEBUG msg=\"slack request rejected\"") {
		t.Errorf("got logs %q, want rejections at debug level", logs)
	}
	if strings.Contains(logs, "level=WARN") || strings.Contains(logs, "level=ERROR") {
		t.Errorf("got logs %q, want no warnings for rejected requests", logs)
	}
}

func TestHTTPSSLCheck(t *testing.T) {
	core := &fakeCore{}
	h := start(t, slack.ModeHTTP, core, nil)
	check := form(map[string]string{"ssl_check": "1", "token": "verification"})
	tests := []struct {
		name, path string
		header     http.Header
		want       int
	}{
		{"unsigned", "/slack/commands", http.Header{}, http.StatusOK},
		{"signed", "/slack/commands", sign(time.Now(), check), http.StatusOK},
		{"badly signed", "/slack/commands", sign(time.Now(), "other"), http.StatusOK},
		{"unsigned on the events URL", "/slack/events", http.Header{}, http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, body := h.post(t, tt.path, formType, check, tt.header)
			if got != tt.want {
				t.Errorf("got status %d (%q), want %d", got, body, tt.want)
			}
			if got == http.StatusOK && body != "" {
				t.Errorf("got body %q, want none", body)
			}
		})
	}
	if reqs := core.Requests(); len(reqs) != 0 {
		t.Errorf("got requests %+v, want none", reqs)
	}
}

func TestHTTPURLVerification(t *testing.T) {
	h := start(t, slack.ModeHTTP, &fakeCore{}, nil)
	status, body := h.postSigned(t, "/slack/events", jsonType,
		`{"token":"verification","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`)
	if status != http.StatusOK {
		t.Fatalf("got status %d, want 200", status)
	}
	var got map[string]string
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatalf("got body %q, want JSON: %v", body, err)
	}
	if got["challenge"] != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Errorf("got %v, want the challenge echoed under \"challenge\"", got)
	}
}

func TestHTTPBadRequests(t *testing.T) {
	h := start(t, slack.ModeHTTP, &fakeCore{}, nil)
	tests := []struct {
		name, path, body string
		want             int
	}{
		{"events not JSON", "/slack/events", "{not json", http.StatusBadRequest},
		{"events of an unknown kind", "/slack/events", `{"type":"event_callback","event_id":"Ev9","event":{"type":"no_such_event"}}`, http.StatusOK},
		{"command without user", "/slack/commands", form(map[string]string{"text": "help"}), http.StatusBadRequest},
		{"interaction without payload", "/slack/interactions", "", http.StatusBadRequest},
		{"interaction payload not JSON", "/slack/interactions", form(map[string]string{"payload": "{"}), http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, body := h.postSigned(t, tt.path, formType, tt.body); got != tt.want {
				t.Errorf("got status %d (%q), want %d", got, body, tt.want)
			}
		})
	}
	t.Run("GET", func(t *testing.T) {
		resp, err := http.Get(h.url + "/slack/events")
		if err != nil {
			t.Fatalf("GET: %v", err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("got status %d, want 405", resp.StatusCode)
		}
	})
}

func TestHTTPRetryAnsweredOnce(t *testing.T) {
	core := &fakeCore{}
	h := start(t, slack.ModeHTTP, core, func(o *slack.Options) { o.Workers = 1 })
	body := mustJSON(t, callback("Ev1100", mention("1700002100.000100", "", "<@UBOT0001> what has Congress pushed for?")))
	if got, _ := h.postSigned(t, "/slack/events", jsonType, body); got != http.StatusOK {
		t.Fatalf("got status %d, want 200", got)
	}
	for _, retry := range []string{"1", "2"} {
		header := sign(time.Now(), body)
		header.Set("X-Slack-Retry-Num", retry)
		header.Set("X-Slack-Retry-Reason", "http_timeout")
		if got, _ := h.post(t, "/slack/events", jsonType, body, header); got != http.StatusOK {
			t.Fatalf("got status %d for retry %s, want 200", got, retry)
		}
	}
	sentinel := mustJSON(t, callback("Ev1101", directMessage("1700002100.000200", "sentinel")))
	h.postSigned(t, "/slack/events", jsonType, sentinel)
	h.waitSentinel(t)
	posts := h.fake.Calls("chat.postMessage")

	if got := len(h.fake.Calls("chat.postMessage")); got != 2 {
		t.Errorf("got %d posts, want 2: the mention answered once and the sentinel", got)
	}
	if got := posts[0].Get("thread_ts"); got != "1700002100.000100" {
		t.Errorf("got thread_ts %q, want the mention's ts", got)
	}
	if reqs := core.Requests(); len(reqs) != 2 || reqs[0].Text != "what has Congress pushed for?" {
		t.Errorf("got requests %+v, want the stripped mention then the sentinel", reqs)
	}
}

func TestHTTPSlashCommands(t *testing.T) {
	h := start(t, slack.ModeHTTP, realCore(t), nil)
	for _, tt := range slashCases {
		t.Run(tt.name, func(t *testing.T) {
			status, body := h.postSigned(t, "/slack/commands", formType, form(map[string]string{
				"command": "/talks", "text": tt.text, "user_id": alice, "channel_id": channel,
				"response_url": h.fake.ResponseURL("http-" + tt.name), "team_id": "T0000001",
			}))
			if status != http.StatusOK || body != "" {
				t.Fatalf("got %d %q, want an empty 200 at once", status, body)
			}
			checkSlashAnswer(t, h.fake.WaitResponses(t, "http-"+tt.name, 1), tt.want)
		})
	}
}

func TestHTTPFeedbackClick(t *testing.T) {
	core := &fakeCore{}
	h := start(t, slack.ModeHTTP, core, nil)
	payload := mustJSON(t, map[string]any{
		"type":         "block_actions",
		"user":         map[string]any{"id": alice},
		"channel":      map[string]any{"id": channel},
		"response_url": h.fake.ResponseURL("fb"),
		"actions": []map[string]any{{"type": "button", "action_id": "talks_not_helpful:r-42",
			"block_id": "talks_actions", "value": "Keeping Support At The Top"}},
	})
	if got, _ := h.postSigned(t, "/slack/interactions", formType, form(map[string]string{"payload": payload})); got != http.StatusOK {
		t.Fatalf("got status %d, want 200", got)
	}
	ack := h.fake.WaitResponses(t, "fb", 1)[0]
	if ack.Get("response_type") != "ephemeral" {
		t.Errorf("got response_type %q, want ephemeral", ack.Get("response_type"))
	}
	fb := core.Feedbacks()
	if len(fb) != 1 || fb[0].ReplyID != "r-42" || fb[0].Helpful || fb[0].Theme != "Keeping Support At The Top" || fb[0].User != alice {
		t.Errorf("got feedback %+v, want not helpful on r-42 by %s", fb, alice)
	}
}

func TestHTTPRoutesOffInSocketMode(t *testing.T) {
	a, err := slack.New(slack.Options{BotToken: botToken, AppToken: appToken, SigningSecret: secret}, &fakeCore{})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	h := &harness{url: ""}
	srv := newServer(t, a.Handler())
	h.url = srv
	body := `{"type":"url_verification","challenge":"x"}`
	if got, _ := h.post(t, "/slack/events", jsonType, body, sign(time.Now(), body)); got != http.StatusNotFound {
		t.Errorf("got status %d, want 404 in socket mode", got)
	}
}

func TestHTTPAppSurfaceEvents(t *testing.T) {
	h := start(t, slack.ModeHTTP, realCore(t), func(o *slack.Options) { o.Workers = 1 })
	post := func(id string, ev map[string]any) {
		t.Helper()
		if got, body := h.postSigned(t, "/slack/events", jsonType, mustJSON(t, slacktest.EventCallback(id, ev))); got != http.StatusOK {
			t.Fatalf("%s: got %d %q, want 200", id, got, body)
		}
	}
	post("EvH1", slacktest.AssistantThreadContextChanged(alice, dm, assistantThread, channel))
	post("EvH2", slacktest.AssistantThreadStarted(alice, dm, assistantThread))
	th := h.fake.WaitThread(t, dm, assistantThread, "suggested prompts", func(th slacktest.AssistantThread) bool { return len(th.Prompts) > 0 })
	if len(th.Prompts) != 4 {
		t.Errorf("got prompts %+v, want four", th.Prompts)
	}
	post("EvH3", slacktest.AppHomeOpened(alice, "home"))
	if v := h.fake.WaitHomeViews(t, alice, 1)[0]; len(v.Buttons()) != 4 {
		t.Errorf("got Home tab buttons %+v, want a Summary button per theme", v.Buttons())
	}
	// The context change did nothing but its 200: one greeting, one view.
	if n := len(h.fake.Calls("chat.postMessage")); n != 1 {
		t.Errorf("got %d posts, want the greeting alone", n)
	}
}
