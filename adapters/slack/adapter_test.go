package slack_test

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

const (
	botToken = "xoxb-test-token"
	appToken = "xapp-test-token"
	secret   = "8f742231b10e8888abcd99yyyzzz85a5"
	alice    = "U0ALICE01"
	channel  = "C0TALKS01"
	dm       = "D0ALICE01"
)

// harness is an adapter running against a fake Slack.
type harness struct {
	fake    *slacktest.Server
	adapter *slack.Adapter
	url     string // the adapter's HTTP endpoints in HTTP mode
	logs    *syncBuffer

	cancel  context.CancelFunc
	done    chan error
	stopped sync.Once
	runErr  error
}

// stop cancels Run's context and waits for Run to return; it returns what
// Run returned. It may be called more than once.
func (h *harness) stop(t testing.TB) error {
	t.Helper()
	h.stopped.Do(func() {
		h.cancel()
		h.runErr = <-h.done
	})
	return h.runErr
}

// start runs an adapter with core against a fresh fake Slack, in socket or
// http mode; tweak adjusts the options. Run is stopped when the test ends.
func start(t testing.TB, mode string, core slack.Core, tweak func(*slack.Options)) *harness {
	t.Helper()
	h := &harness{fake: slacktest.New(t, botToken, appToken), logs: &syncBuffer{}}
	opts := slack.Options{
		BotToken: botToken,
		APIURL:   h.fake.APIURL(),
		Mode:     mode,
		Logger:   slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	switch mode {
	case slack.ModeSocket:
		opts.AppToken = appToken
	case slack.ModeHTTP:
		opts.SigningSecret = secret
	}
	if tweak != nil {
		tweak(&opts)
	}
	a, err := slack.New(opts, core)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	h.adapter = a
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel, h.done = cancel, make(chan error, 1)
	go func() { h.done <- a.Run(ctx) }()
	t.Cleanup(func() {
		if err := h.stop(t); err != nil {
			t.Errorf("Run returned %v, want nil", err)
		}
	})
	if mode == slack.ModeHTTP {
		h.url = newServer(t, a.Handler())
	}
	// Run logs this once it takes work.
	h.logs.waitFor(t, `msg="slack connected"`)
	return h
}

// newServer serves h on 127.0.0.1 until the test ends and returns its URL.
func newServer(t testing.TB, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// realCore is the real bot over the embedded article.
func realCore(t testing.TB) *bot.Bot {
	t.Helper()
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		t.Fatalf("index the article: %v", err)
	}
	return bot.New(ix, bot.Options{})
}

// articleTitle is the embedded article's title as rendered in mrkdwn.
func articleTitle(t *testing.T) string {
	t.Helper()
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(knowledge.Default().Title)
}

// fakeCore is a hand-written core with controlled replies that records
// what reaches it.
type fakeCore struct {
	mu        sync.Mutex
	requests  []bot.Request
	feedback  []bot.Feedback
	delivered map[string]int
	claims    []string // every key FirstDelivery was asked about, in order
	forgotten []string
	done      []string
	threads   map[string]bool // channel/thread the core replied in
	shares    map[string]bot.Reply
	reply     func(ctx context.Context, req bot.Request) bot.Reply
	fbErr     error
}

func (c *fakeCore) Handle(ctx context.Context, req bot.Request) bot.Reply {
	c.mu.Lock()
	c.requests = append(c.requests, req)
	n := len(c.requests)
	reply := c.reply
	c.mu.Unlock()
	r := c.answer(ctx, req, n, reply)
	// As the bot does, a thread replied in is followed.
	if req.Thread != "" && r.Kind != bot.KindError {
		c.mu.Lock()
		if c.threads == nil {
			c.threads = make(map[string]bool)
		}
		c.threads[req.Channel+"/"+req.Thread] = true
		c.mu.Unlock()
	}
	return r
}

func (c *fakeCore) answer(ctx context.Context, req bot.Request, n int, reply func(ctx context.Context, req bot.Request) bot.Reply) bot.Reply {
	if reply != nil {
		return reply(ctx, req)
	}
	return bot.Reply{
		ID:        fmt.Sprintf("reply-%d", n),
		Kind:      bot.KindAnswer,
		Text:      "You asked: " + req.Text,
		Mode:      bot.ModeLLM,
		Quotes:    []bot.Quote{{Text: "Congress has pushed for more hard-hitting sanctions.", Citation: 0}},
		Citations: []bot.Citation{{ID: "p1", Doc: "vienna", Title: "Vienna Talks", Section: "Handling the Spoilers"}},
	}
}

func (c *fakeCore) Feedback(_ context.Context, f bot.Feedback) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.feedback = append(c.feedback, f)
	return c.fbErr
}

func (c *fakeCore) FirstDelivery(_ context.Context, id string) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.delivered == nil {
		c.delivered = make(map[string]int)
	}
	c.delivered[id]++
	c.claims = append(c.claims, id)
	return c.delivered[id] == 1, nil
}

// Claims returns every key FirstDelivery was asked about, in order.
func (c *fakeCore) Claims() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.claims...)
}

// setFeedbackErr makes Feedback fail with err from now on; nil heals it.
func (c *fakeCore) setFeedbackErr(err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fbErr = err
}

func (c *fakeCore) DoneDelivery(_ context.Context, key string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.done = append(c.done, key)
	return nil
}

// Done returns the keys DoneDelivery marked, in order.
func (c *fakeCore) Done() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.done...)
}

func (c *fakeCore) Follows(_ context.Context, p bot.Platform, channel, thread string) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return p == bot.Slack && c.threads[channel+"/"+thread], nil
}

func (c *fakeCore) SaveShare(_ context.Context, r bot.Reply) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.shares == nil {
		c.shares = make(map[string]bot.Reply)
	}
	key := fmt.Sprintf("%016x", len(c.shares)+1)
	c.shares[key] = r
	return key, nil
}

func (c *fakeCore) LoadShare(_ context.Context, key string) (bot.Reply, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.shares[key]
	if !ok {
		return bot.Reply{}, fmt.Errorf("load share %s: %w", key, bot.ErrShareExpired)
	}
	return r, nil
}

func (c *fakeCore) ForgetDelivery(_ context.Context, id string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.delivered, id)
	c.forgotten = append(c.forgotten, id)
	return nil
}

// Forgotten returns the event ids released with ForgetDelivery.
func (c *fakeCore) Forgotten() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.forgotten...)
}

func (c *fakeCore) Requests() []bot.Request {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]bot.Request(nil), c.requests...)
}

func (c *fakeCore) Feedbacks() []bot.Feedback {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]bot.Feedback(nil), c.feedback...)
}

// syncBuffer is a log sink safe for concurrent writes, which tests can
// wait on.
type syncBuffer struct {
	mu      sync.Mutex
	b       bytes.Buffer
	changed chan struct{} // closed and replaced on every write
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.changed != nil {
		close(s.changed)
		s.changed = nil
	}
	return s.b.Write(p)
}

// waitFor waits until the logs contain substr.
func (s *syncBuffer) waitFor(t testing.TB, substr string) {
	t.Helper()
	deadline := time.NewTimer(slacktest.WaitTimeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		if strings.Contains(s.b.String(), substr) {
			s.mu.Unlock()
			return
		}
		if s.changed == nil {
			s.changed = make(chan struct{})
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-deadline.C:
			t.Fatalf("gave up waiting for %q in the logs", substr)
		}
	}
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// mention is an app_mention event from alice in channel.
func mention(ts, thread, text string) map[string]any {
	ev := map[string]any{"type": "app_mention", "user": alice, "text": text, "ts": ts,
		"channel": channel, "event_ts": ts}
	if thread != "" {
		ev["thread_ts"] = thread
	}
	return ev
}

// directMessage is a message.im event from alice.
func directMessage(ts, text string) map[string]any {
	return map[string]any{"type": "message", "channel_type": "im", "user": alice, "text": text,
		"ts": ts, "channel": dm, "event_ts": ts}
}

// callback wraps an inner event as the Events API delivers it over HTTP.
func callback(eventID string, event map[string]any) map[string]any {
	return map[string]any{"token": "verification", "team_id": "T0000001", "api_app_id": "A0000001",
		"type": "event_callback", "event_id": eventID, "event_time": 1700000000, "event": event}
}

// sign returns Slack's v0 signature headers for body at ts.
func sign(ts time.Time, body string) http.Header {
	stamp := strconv.FormatInt(ts.Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", stamp, body)
	h := http.Header{}
	h.Set("X-Slack-Request-Timestamp", stamp)
	h.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	return h
}

// post sends a signed request to the adapter's HTTP endpoint and returns the
// status and body.
func (h *harness) post(t *testing.T, path, contentType, body string, header http.Header) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.url+path, strings.NewReader(body))
	if err != nil {
		t.Fatalf("build request: %v", err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	req.Header.Set("Content-Type", contentType)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// postSigned posts body signed now.
func (h *harness) postSigned(t *testing.T, path, contentType, body string) (int, string) {
	t.Helper()
	return h.post(t, path, contentType, body, sign(time.Now(), body))
}

func form(fields map[string]string) string {
	v := url.Values{}
	for k, f := range fields {
		v.Set(k, f)
	}
	return v.Encode()
}

// waitSentinel waits for the answer to the DM "sentinel": with one worker,
// everything sent before it has been dealt with by then.
func (h *harness) waitSentinel(t testing.TB) {
	t.Helper()
	h.fake.WaitMatch(t, "chat.postMessage", func(c slacktest.Call) bool {
		return strings.Contains(strings.Join(c.Texts(), "\n"), "sentinel")
	})
}

// joined returns all the block text of calls.
func joined(calls []slacktest.Call) string {
	var b strings.Builder
	for _, c := range calls {
		for _, t := range c.Texts() {
			b.WriteString(t)
			b.WriteString("\n")
		}
	}
	return b.String()
}

func TestNewValidatesOptions(t *testing.T) {
	core := &fakeCore{}
	tests := []struct {
		name string
		opts slack.Options
		want []string // substrings of the error; none for a valid config
		mode string
	}{
		{name: "socket by app token", opts: slack.Options{BotToken: botToken, AppToken: appToken}, mode: slack.ModeSocket},
		{name: "http by signing secret", opts: slack.Options{BotToken: botToken, SigningSecret: secret}, mode: slack.ModeHTTP},
		{name: "http forced", opts: slack.Options{BotToken: botToken, AppToken: appToken, SigningSecret: secret, Mode: "http"}, mode: slack.ModeHTTP},
		{name: "missing bot token", opts: slack.Options{AppToken: appToken}, want: []string{"SLACK_BOT_TOKEN: must be set when SLACK_APP_TOKEN is set"}},
		{name: "wrong bot token", opts: slack.Options{BotToken: "xoxp-user", AppToken: appToken}, want: []string{"SLACK_BOT_TOKEN: must start with xoxb-"}},
		{name: "wrong app token", opts: slack.Options{BotToken: botToken, AppToken: "xoxb-nope"}, want: []string{"SLACK_APP_TOKEN: must start with xapp-"}},
		{name: "no transport", opts: slack.Options{BotToken: botToken}, want: []string{"SLACK_APP_TOKEN: must be set for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode"}},
		{name: "socket without app token", opts: slack.Options{BotToken: botToken, SigningSecret: secret, Mode: "socket"}, want: []string{"SLACK_APP_TOKEN: must be set when SLACK_MODE is socket"}},
		{name: "http without secret", opts: slack.Options{BotToken: botToken, AppToken: appToken, Mode: "http"}, want: []string{"SLACK_SIGNING_SECRET: must be set when SLACK_MODE is http"}},
		{name: "unknown mode", opts: slack.Options{BotToken: botToken, AppToken: appToken, Mode: "rtm"}, want: []string{`SLACK_MODE: "rtm" must be socket, http or empty`}},
		{name: "api url without slash", opts: slack.Options{BotToken: botToken, AppToken: appToken, APIURL: "http://127.0.0.1:9/api"}, want: []string{`SLACK_API_URL: "http://127.0.0.1:9/api" must end with /`}},
		{name: "relative api url", opts: slack.Options{BotToken: botToken, AppToken: appToken, APIURL: "api/"}, want: []string{`SLACK_API_URL: "api/" must be an absolute http or https URL`}},
		{name: "every error at once", opts: slack.Options{BotToken: "bad", AppToken: "bad", APIURL: "ftp://x/"}, want: []string{"SLACK_BOT_TOKEN: must start with xoxb-", "SLACK_APP_TOKEN: must start with xapp-", `SLACK_API_URL: "ftp://x/"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := slack.New(tt.opts, core)
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("got error %v, want none", err)
				}
				if a.Mode() != tt.mode {
					t.Errorf("got mode %q, want %q", a.Mode(), tt.mode)
				}
				return
			}
			if err == nil {
				t.Fatalf("got no error, want one containing %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("got error %q, want it to contain %q", err, w)
				}
			}
		})
	}
	t.Run("nil core", func(t *testing.T) {
		_, err := slack.New(slack.Options{BotToken: botToken, AppToken: appToken}, nil)
		if err == nil || !strings.Contains(err.Error(), "core is required") {
			t.Errorf("got %v, want a core is required error", err)
		}
	})
}

func TestRunFailsOnRefusedToken(t *testing.T) {
	fake := slacktest.New(t, "xoxb-the-right-one", appToken)
	a, err := slack.New(slack.Options{BotToken: botToken, AppToken: appToken, APIURL: fake.APIURL()}, &fakeCore{})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	// A guard against a Run that hangs instead of failing: it would then
	// return nil when the guard expires.
	ctx, cancel := context.WithTimeout(context.Background(), slacktest.WaitTimeout)
	defer cancel()
	err = a.Run(ctx)
	if err == nil || !strings.Contains(err.Error(), "invalid_auth") {
		t.Errorf("got %v, want an invalid_auth error", err)
	}
}

func TestRunWaitsOutUnreachableSlack(t *testing.T) {
	fake := slacktest.New(t, botToken, appToken)
	fake.FailStatusNext("auth.test", http.StatusServiceUnavailable)
	fake.FailStatusNext("auth.test", http.StatusBadGateway)
	a, err := slack.New(slack.Options{BotToken: botToken, SigningSecret: secret, APIURL: fake.APIURL()}, &fakeCore{})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	fake.WaitCalls(t, "auth.test", 3)
	cancel()
	if err := <-done; err != nil {
		t.Errorf("got %v, want Run to get past the outage and stop cleanly", err)
	}
}

func TestRunTwiceFails(t *testing.T) {
	h := start(t, slack.ModeHTTP, &fakeCore{}, nil)
	err := h.adapter.Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "already running") {
		t.Errorf("got %v, want an already running error", err)
	}
}
