package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/adapters/sqlite"
)

// slackHTTP is `talksbot serve` in Slack's HTTP mode, answering a fake
// Slack, with its state in a folder the test can open.
type slackHTTP struct {
	*served
	fake *slacktest.Server
	data string // TALKSBOT_DATA
}

// slackSecret is the signing secret the tests sign Slack's requests with.
const slackSecret = "8f742231b10e8888abcd99yyyzzz85a5"

// startSlackHTTP starts serve in Slack's HTTP mode and waits until it is
// ready: Slack's routes answer 503 until the adapter takes work.
func startSlackHTTP(t *testing.T) *slackHTTP {
	t.Helper()
	return startSlackHTTPWith(t, nil)
}

// startSlackHTTPWith is startSlackHTTP with more settings.
func startSlackHTTPWith(t *testing.T, env map[string]string) *slackHTTP {
	t.Helper()
	h := startSlackReplica(t, slacktest.New(t, slackBotToken, slackAppToken), env, serveHooks{})
	h.waitReady(t, "slack")
	return h
}

// startSlackReplica starts serve in Slack's HTTP mode against fake, which
// several replicas may share, with env and hooks on top, and waits until
// the adapter takes work. It does not wait for /readyz: a replica whose
// database is down answers all the same.
func startSlackReplica(t *testing.T, fake *slacktest.Server, env map[string]string, hooks serveHooks) *slackHTTP {
	t.Helper()
	all := map[string]string{
		"SLACK_BOT_TOKEN":      slackBotToken,
		"SLACK_SIGNING_SECRET": slackSecret,
		"SLACK_API_URL":        fake.APIURL(),
		"TALKSBOT_DATA":        t.TempDir(),
	}
	for k, v := range env {
		all[k] = v
	}
	s := startServeHooks(t, all, hooks)
	s.waitLogged(t, "slack connected")
	return &slackHTTP{served: s, fake: fake, data: all["TALKSBOT_DATA"]}
}

// signSlack returns Slack's v0 signature headers for body sent at ts.
func signSlack(ts time.Time, body string) http.Header {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(slackSecret))
	fmt.Fprintf(mac, "v0:%s:%s", stamp, body)
	h := http.Header{}
	h.Set("X-Slack-Request-Timestamp", stamp)
	h.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return h
}

// post sends body with header to path (a form unless header says
// otherwise) and returns the status and body of the response.
func (h *slackHTTP) post(t *testing.T, path, body string, header http.Header) (int, string) {
	t.Helper()
	status, reply, err := h.send(path, body, header)
	if err != nil {
		t.Fatal(err)
	}
	return status, reply
}

// send is post for goroutines other than the test's: it returns the error.
func (h *slackHTTP) send(path, body string, header http.Header) (int, string, error) {
	req, err := http.NewRequest(http.MethodPost, h.url+path, strings.NewReader(body))
	if err != nil {
		return 0, "", err
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	if req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", fmt.Errorf("POST %s: %w", path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(raw), nil
}

// event delivers the Events API callback of event, with its event id, as
// Slack does: signed, and on a retry (retry > 0) with the retry's number.
// It returns the status.
func (h *slackHTTP) event(t *testing.T, id string, retry int, event map[string]any) int {
	t.Helper()
	body, err := json.Marshal(slacktest.EventCallback(id, event))
	if err != nil {
		t.Fatal(err)
	}
	header := signSlack(time.Now(), string(body))
	header.Set("Content-Type", "application/json")
	if retry > 0 {
		header.Set("X-Slack-Retry-Num", strconv.Itoa(retry))
		header.Set("X-Slack-Retry-Reason", "http_timeout")
	}
	status, _ := h.post(t, "/slack/events", string(body), header)
	return status
}

// talks is the form Slack posts for `/talks text` by alice, with its
// trigger_id and a response_url of the fake's named name.
func (h *slackHTTP) talks(text, trigger, name string) string {
	return url.Values{
		"command": {"/talks"}, "text": {text}, "user_id": {"U0ALICE"}, "channel_id": {"C0TALKS"},
		"team_id": {"T0TALKS"}, "trigger_id": {trigger}, "response_url": {h.fake.ResponseURL(name)},
	}.Encode()
}

// click is the form Slack posts when alice clicks b, with its trigger_id
// and a response_url of the fake's named name.
func (h *slackHTTP) click(t *testing.T, b slacktest.Button, trigger, name string) string {
	t.Helper()
	return h.clickAs("U0ALICE", b, trigger, name)
}

// clickAs is click by user.
func (h *slackHTTP) clickAs(user string, b slacktest.Button, trigger, name string) string {
	payload, _ := json.Marshal(map[string]any{ // strings only: it cannot fail
		"type":         "block_actions",
		"user":         map[string]any{"id": user},
		"channel":      map[string]any{"id": "C0TALKS"},
		"container":    map[string]any{"type": "message", "channel_id": "C0TALKS"},
		"trigger_id":   trigger,
		"response_url": h.fake.ResponseURL(name),
		"actions": []map[string]any{{"type": "button", "action_id": b.ActionID, "block_id": "talks_actions",
			"value": b.Value, "action_ts": "1700000000.000100"}},
	})
	return url.Values{"payload": {string(payload)}}.Encode()
}

// askForButton asks /talks the question everyone asks and returns the
// Helpful button of the answer: a reply id the bot issued.
func (h *slackHTTP) askForButton(t *testing.T, trigger string) slacktest.Button {
	t.Helper()
	return h.button(t, h.askPrivately(t, trigger), "talks_helpful:")
}

// askPrivately asks /talks the question everyone asks, with trigger as its
// trigger_id, and returns the private answer posted to its response_url
// (named "ask-" and the trigger).
func (h *slackHTTP) askPrivately(t *testing.T, trigger string) slacktest.Call {
	t.Helper()
	body := h.talks("ask "+congress, trigger, "ask-"+trigger)
	if status, reply := h.post(t, "/slack/commands", body, signSlack(time.Now(), body)); status != http.StatusOK {
		t.Fatalf("/talks ask: got %d %q, want 200", status, reply)
	}
	return h.fake.WaitResponses(t, "ask-"+trigger, 1)[0]
}

// button returns the button of answer whose action_id starts with prefix.
func (h *slackHTTP) button(t *testing.T, answer slacktest.Call, prefix string) slacktest.Button {
	t.Helper()
	for _, b := range answer.Buttons() {
		if strings.HasPrefix(b.ActionID, prefix) {
			return b
		}
	}
	t.Fatalf("the answer has no %s… button: %+v; logs:\n%s", prefix, answer.Buttons(), h.logs)
	return slacktest.Button{}
}

// feedbackRows opens serve's state database beside it and counts the
// feedback stored.
func (h *slackHTTP) feedbackRows(t *testing.T) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	st, err := sqlite.Open(ctx, h.data, sqlite.Options{})
	if err != nil {
		t.Fatalf("open the state database: %v", err)
	}
	defer st.Close()
	r, err := st.Report(ctx, time.Time{})
	if err != nil {
		t.Fatalf("report: %v", err)
	}
	n := 0
	for _, th := range r.Themes {
		n += th.Up + th.Down
	}
	return n
}

// responses counts the posts to the fake's response_url named name.
func (h *slackHTTP) responses(name string) int {
	n := 0
	for _, c := range h.fake.Calls("response_url") {
		if c.Name == name {
			n++
		}
	}
	return n
}

// TestServeSlackHTTPReplaysAnsweredOnce replays a signed /talks command and
// a signed click, byte for byte, well inside the five minutes Slack's
// signatures are valid: each is acknowledged again, and answered, thanked
// and recorded once.
func TestServeSlackHTTPReplaysAnsweredOnce(t *testing.T) {
	h := startSlackHTTP(t)

	command := h.talks("themes", "9001.1.replayed", "themes")
	header := signSlack(time.Now(), command)
	for n := range 2 {
		if status, reply := h.post(t, "/slack/commands", command, header); status != http.StatusOK || reply != "" {
			t.Fatalf("command, delivery %d: got %d %q, want an empty 200", n+1, status, reply)
		}
	}
	h.fake.WaitResponses(t, "themes", 1)

	click := h.click(t, h.askForButton(t, "9002.1.ask"), "9003.1.replayed", "thanks")
	header = signSlack(time.Now(), click)
	for n := range 2 {
		if status, reply := h.post(t, "/slack/interactions", click, header); status != http.StatusOK || reply != "" {
			t.Fatalf("click, delivery %d: got %d %q, want an empty 200", n+1, status, reply)
		}
	}
	// The click was counted once: feedback is saved before the 200.
	if _, metrics := h.get(t, "/metrics"); !strings.Contains(metrics, "talksbot_feedback_total{helpful=\"true\"} 1\n") {
		t.Errorf("got metrics without one helpful verdict:\n%s", metrics)
	}

	// Stopping lets the adapter finish all the work it took, the replays'
	// included, had it taken any.
	if code := h.stop(t); code != 0 {
		t.Fatalf("got exit %d, want 0; logs:\n%s", code, h.logs)
	}
	if got := h.responses("themes"); got != 1 {
		t.Errorf("got %d answers to the replayed command, want 1", got)
	}
	if got := h.responses("thanks"); got != 1 {
		t.Errorf("got %d thanks for the replayed click, want 1", got)
	}
	if got := h.feedbackRows(t); got != 1 {
		t.Errorf("got %d feedback rows, want 1", got)
	}
}

// TestServeSlackHTTPClickStoredBeforeAcknowledged checks the store the
// moment a click gets its 200, waiting for nothing: a click Slack was told
// is done survives the process being killed right after.
func TestServeSlackHTTPClickStoredBeforeAcknowledged(t *testing.T) {
	// The one worker is held by a question whose draft never finishes, so
	// that nothing queued behind it could store the click in time: only a
	// click written before it is acknowledged is there at the 200.
	var drafts atomic.Int32
	held, stop := make(chan struct{}, 1), make(chan struct{})
	llm := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if drafts.Add(1) > 1 {
			held <- struct{}{}
			select {
			case <-r.Context().Done():
			case <-stop:
			}
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"c1","object":"chat.completion","created":1,"model":"fake-model","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Congress has pushed for more hard-hitting sanctions [1]."}}]}`)
	}))
	defer llm.Close()
	defer close(stop)
	h := startSlackHTTPWith(t, map[string]string{"TALKSBOT_MAX_CONCURRENT": "1", "OPENAI_BASE_URL": llm.URL + "/v1"})
	b := h.askForButton(t, "9101.1.ask")
	if got := h.feedbackRows(t); got != 0 {
		t.Fatalf("got %d feedback rows before the click, want none", got)
	}
	slow := h.talks("ask "+congress, "9103.1.ask", "ask-slow")
	if status, reply := h.post(t, "/slack/commands", slow, signSlack(time.Now(), slow)); status != http.StatusOK {
		t.Fatalf("/talks ask: got %d %q, want 200", status, reply)
	}
	waitFor(t, "the worker to be held by a draft", held, func(struct{}) bool { return true })
	click := h.click(t, b, "9102.1.click", "thanks")
	if status, reply := h.post(t, "/slack/interactions", click, signSlack(time.Now(), click)); status != http.StatusOK {
		t.Fatalf("got %d %q, want 200", status, reply)
	}
	if got := h.feedbackRows(t); got != 1 {
		t.Errorf("got %d feedback rows once the click was acknowledged, want 1", got)
	}
}
