package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/discord/discordtest"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/config"
)

// waitLimit bounds every wait in these tests, so that a broken serve fails
// the test instead of hanging it. No assertion is made about durations.
const waitLimit = 20 * time.Second

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a logger.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
	// written, when set, gets a value after each write (dropped when one
	// is pending), so that a test can wait for a line to be logged.
	written chan struct{}
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, err := s.b.Write(p)
	if s.written != nil {
		select {
		case s.written <- struct{}{}:
		default:
		}
	}
	return n, err
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// served is one `talksbot serve` running in-process.
type served struct {
	url      string // the HTTP API, http://127.0.0.1:PORT
	logs     *syncBuffer
	reloads  chan error    // one value per finished reload
	stopping chan struct{} // closed once shutdown begins
	cancel   context.CancelFunc
	done     chan int // the exit code
	once     sync.Once
	code     int
}

// startServe runs `talksbot serve` in a clean environment plus env, with
// the HTTP API on a free port of 127.0.0.1 and state in a temporary folder
// (unless env says otherwise). It is stopped when the test ends.
func startServe(t *testing.T, env map[string]string) *served {
	t.Helper()
	return startServeHooks(t, env, serveHooks{})
}

// startServeHooks is startServe with hooks of the test's own: extra's
// indexed and stopping run before startServe's, and its clock is the bot's.
func startServeHooks(t *testing.T, env map[string]string, extra serveHooks) *served {
	t.Helper()
	cleanEnv(t)
	t.Setenv("TALKSBOT_HTTP_ADDR", "127.0.0.1:0")
	t.Setenv("TALKSBOT_DATA", t.TempDir())
	t.Setenv("TALKSBOT_LOG_LEVEL", "debug")
	for k, v := range env {
		t.Setenv(k, v)
	}
	s := &served{logs: &syncBuffer{written: make(chan struct{}, 1)}, reloads: make(chan error, 256), stopping: make(chan struct{}), done: make(chan int, 1)}
	ready := make(chan net.Addr, 1)
	a := &app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: s.logs, hooks: serveHooks{
		ready:    func(addr net.Addr) { ready <- addr },
		reloaded: func(err error) { s.reloads <- err },
		indexed:  extra.indexed,
		now:      extra.now,
		stopping: func() {
			if extra.stopping != nil {
				extra.stopping()
			}
			close(s.stopping)
		},
	}}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	go func() { s.done <- a.exit(a.dispatch(ctx, []string{"serve"})) }()
	select {
	case addr := <-ready:
		s.url = "http://" + addr.String()
	case code := <-s.done:
		cancel()
		t.Fatalf("serve exited with %d before listening; logs:\n%s", code, s.logs)
	case <-time.After(waitLimit):
		cancel()
		t.Fatalf("serve did not start; logs:\n%s", s.logs)
	}
	t.Cleanup(func() { s.stop(t) })
	return s
}

// waitLogged waits until the logs hold line: a component logs that it is
// ready ("slack connected") after the HTTP listener is up.
func (s *served) waitLogged(t *testing.T, line string) {
	t.Helper()
	logged := func(struct{}) bool { return strings.Contains(s.logs.String(), line) }
	if logged(struct{}{}) {
		return // a write after this check leaves a value in written
	}
	waitFor(t, "the log line "+line, s.logs.written, logged)
}

// stop shuts serve down as SIGTERM does and returns its exit code.
func (s *served) stop(t *testing.T) int {
	t.Helper()
	s.once.Do(func() {
		s.cancel()
		select {
		case s.code = <-s.done:
		case <-time.After(waitLimit):
			t.Fatalf("serve did not stop; logs:\n%s", s.logs)
		}
	})
	return s.code
}

// ask posts question to /v1/ask and decodes the answer.
func (s *served) ask(t *testing.T, question string) bot.Ask {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"question": question})
	resp, err := http.Post(s.url+"/v1/ask", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /v1/ask %q: got %d %s, want 200", question, resp.StatusCode, raw)
	}
	var a bot.Ask
	if err := json.Unmarshal(raw, &a); err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return a
}

// get fetches path and returns the status and body.
func (s *served) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(s.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(raw)
}

// readiness is the body of /readyz.
type readiness struct {
	Ready  bool `json:"ready"`
	Checks []struct {
		Name  string `json:"name"`
		OK    bool   `json:"ok"`
		Error string `json:"error"`
	} `json:"checks"`
}

func (s *served) ready(t *testing.T) (int, readiness) {
	t.Helper()
	code, body := s.get(t, "/readyz")
	var r readiness
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("decode /readyz %q: %v", body, err)
	}
	return code, r
}

// check returns the readiness check named name.
func (r readiness) check(t *testing.T, name string) (ok bool, reason string) {
	t.Helper()
	for _, c := range r.Checks {
		if c.Name == name {
			return c.OK, c.Error
		}
	}
	t.Fatalf("/readyz has no check %q: %+v", name, r.Checks)
	return false, ""
}

// sighup sends SIGHUP to the test binary and returns once the runtime has
// taken it. Its own registration for the signal makes the send synchronous:
// the kernel may hand a process its own signal a moment after kill returns,
// and one sent as serve stops listening could then land when nothing is
// registered, where its default action ends the test binary. That serve
// catches the signal itself is shown by the reloads it causes.
func sighup(t *testing.T) {
	t.Helper()
	got := make(chan os.Signal, 1)
	signal.Notify(got, syscall.SIGHUP)
	defer signal.Stop(got)
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Error(err)
		return
	}
	select {
	case <-got:
	case <-time.After(waitLimit):
		t.Error("SIGHUP sent to the test binary did not arrive")
	}
}

// waitFor waits until cond holds, checking it whenever signal delivers.
func waitFor[T any](t *testing.T, what string, signal <-chan T, cond func(T) bool) {
	t.Helper()
	timeout := time.After(waitLimit)
	for {
		select {
		case v := <-signal:
			if cond(v) {
				return
			}
		case <-timeout:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

const congress = "What has Congress pushed for?"

// sanctions is the article's sentence that answers congress, as quoted.
const sanctions = "Congress has pushed for more hard-hitting sanctions."

// Tokens the fake platforms accept. They are made up: nothing leaves
// 127.0.0.1.
const (
	slackBotToken   = "xoxb-test-token"
	slackAppToken   = "xapp-test-token"
	discordBotToken = "discord-test-token"
)

func TestServeHTTPOnly(t *testing.T) {
	s := startServe(t, nil)

	a := s.ask(t, congress)
	if !a.Answered || len(a.Citations) == 0 || !strings.Contains(a.Answer, "hard-hitting sanctions") {
		t.Errorf("got %+v, want the sanctions sentence, cited", a)
	}
	if a.Mode != bot.ModeExtractive {
		t.Errorf("got mode %q, want extractive with no LLM configured", a.Mode)
	}
	if a := s.ask(t, "Who won the World Cup?"); a.Answered {
		t.Errorf("got %+v, want a decline", a)
	}

	if code, body := s.get(t, "/healthz"); code != http.StatusOK {
		t.Errorf("/healthz: got %d %q, want 200", code, body)
	}
	code, r := s.ready(t)
	if code != http.StatusOK || !r.Ready {
		t.Errorf("/readyz: got %d %+v, want 200 and ready", code, r)
	}
	for _, name := range []string{"index", "state"} {
		if ok, reason := r.check(t, name); !ok {
			t.Errorf("/readyz check %s: failed with %q, want ok", name, reason)
		}
	}
	code, metrics := s.get(t, "/metrics")
	if code != http.StatusOK {
		t.Errorf("/metrics: got %d, want 200", code)
	}
	for _, want := range []string{
		`talksbot_questions_total{outcome="answered",platform="http"} 1`,
		`talksbot_questions_total{outcome="declined",platform="http"} 1`,
		`talksbot_answer_seconds_count{platform="http"} 2`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if code, _ := s.get(t, "/slack/events"); code == http.StatusOK {
		t.Errorf("/slack/events: got 200, want no Slack routes without Slack")
	}

	if code := s.stop(t); code != 0 {
		t.Errorf("got exit %d, want 0; logs:\n%s", code, s.logs)
	}
	logs := s.logs.String()
	for _, want := range []string{"no chat platform configured", "state database open", "stopped"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}
	if n := strings.Count(logs, "no chat platform configured"); n != 1 {
		t.Errorf("got %d log lines about serving HTTP alone, want 1", n)
	}
	// TALKSBOT_HTTP_ADDR asked for port 0: the log names the port bound.
	if want := "addr=" + strings.TrimPrefix(s.url, "http://"); !strings.Contains(logs, want) {
		t.Errorf("logs lack %q:\n%s", want, logs)
	}
}

func TestServeStateUnwritable(t *testing.T) {
	// A state folder under a regular file can never be created.
	file := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := startServe(t, map[string]string{"TALKSBOT_DATA": filepath.Join(file, "data")})

	if a := s.ask(t, congress); !a.Answered {
		t.Errorf("got %+v, want an answer with state in memory", a)
	}
	code, r := s.ready(t)
	if code != http.StatusServiceUnavailable || r.Ready {
		t.Errorf("/readyz: got %d ready=%v, want 503 and not ready", code, r.Ready)
	}
	ok, reason := r.check(t, "state")
	if ok || !strings.Contains(reason, "in-memory") || !strings.Contains(reason, "not a directory") {
		t.Errorf("state check: got ok=%v %q, want it failing with the system's reason", ok, reason)
	}
	if ok, reason := r.check(t, "index"); !ok {
		t.Errorf("index check: got %q, want ok", reason)
	}
	if !strings.Contains(s.logs.String(), "state database unavailable") {
		t.Errorf("logs lack why state is in memory:\n%s", s.logs)
	}
	if code := s.stop(t); code != 0 {
		t.Errorf("got exit %d, want 0", code)
	}
}

func TestServeReloadsDocuments(t *testing.T) {
	docs := t.TempDir()
	s := startServe(t, map[string]string{"TALKSBOT_DOCS": docs})
	const zebra = "Who signed the zebra accord?"
	if a := s.ask(t, zebra); a.Answered {
		t.Fatalf("before the document: got %+v, want a decline", a)
	}
	answered := func(error) bool { return s.ask(t, zebra).Answered }

	// A broken document next to a good one: the good one becomes
	// answerable, the broken one is skipped with a warning.
	if err := os.WriteFile(filepath.Join(docs, "broken.txt"), []byte("\x00\x01\x02binary\x00\xff\xfe"), 0o600); err != nil {
		t.Fatal(err)
	}
	good := "---\ntitle: Field Notes on the Zebra Accord\n---\n# Zebra Accord\n\n" +
		"The zebra accord was signed by the llama council in Oslo after three nights of bargaining.\n"
	if err := os.WriteFile(filepath.Join(docs, "zebra.md"), []byte(good), 0o600); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the new document to be answerable", s.reloads, answered)
	if !strings.Contains(s.logs.String(), "broken.txt") {
		t.Errorf("logs do not name the broken document:\n%s", s.logs)
	}
	if a := s.ask(t, congress); !a.Answered {
		t.Errorf("got %+v, want the article still answered", a)
	}

	// SIGHUP reloads too.
	sighup(t)
	waitFor(t, "a reload on SIGHUP", s.reloads, func(error) bool {
		return strings.Contains(s.logs.String(), "trigger=sighup")
	})

	// A build that fails keeps the current index serving.
	if err := os.RemoveAll(docs); err != nil {
		t.Fatal(err)
	}
	sighup(t)
	waitFor(t, "a failed reload", s.reloads, func(err error) bool { return err != nil })
	if a := s.ask(t, zebra); !a.Answered {
		t.Errorf("after a failed reload: got %+v, want the old index still serving", a)
	}
	if !strings.Contains(s.logs.String(), "the current index keeps serving") {
		t.Errorf("logs lack the failed reload:\n%s", s.logs)
	}
	if code, r := s.ready(t); code != http.StatusOK {
		t.Errorf("/readyz after a failed reload: got %d %+v, want 200", code, r)
	}
}

// fakeLLM is an OpenAI-compatible chat completions API on 127.0.0.1 that
// answers every question with draft, streamed when asked to.
type fakeLLM struct {
	srv   *httptest.Server
	draft string
	// got, when set, receives a value as each request arrives; the answer
	// then waits until release is closed.
	got     chan struct{}
	release chan struct{}
}

func newFakeLLM(t *testing.T, draft string) *fakeLLM {
	t.Helper()
	f := &fakeLLM{draft: draft}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// URL is the API root, as OPENAI_BASE_URL takes it.
func (f *fakeLLM) URL() string { return f.srv.URL + "/v1" }

func (f *fakeLLM) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		http.Error(w, `{"error":{"message":"no such route"}}`, http.StatusNotFound)
		return
	}
	var req struct {
		Stream bool `json:"stream"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, `{"error":{"message":"bad json"}}`, http.StatusBadRequest)
		return
	}
	if f.got != nil {
		f.got <- struct{}{}
		<-f.release
	}
	if !req.Stream {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "fake-model",
			"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
				"message": map[string]any{"role": "assistant", "content": f.draft}}},
		})
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	chunk := func(delta map[string]any, finish any) {
		b, _ := json.Marshal(map[string]any{
			"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": "fake-model",
			"choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": finish}},
		})
		fmt.Fprintf(w, "data: %s\n\n", b)
		w.(http.Flusher).Flush()
	}
	chunk(map[string]any{"role": "assistant"}, nil)
	for _, word := range strings.SplitAfter(f.draft, " ") {
		chunk(map[string]any{"content": word}, nil)
	}
	chunk(map[string]any{}, "stop")
	fmt.Fprint(w, "data: [DONE]\n\n")
}

func TestAskWithLLM(t *testing.T) {
	tests := []struct {
		name      string
		draft     string
		wantMode  string
		wantModel string
		wantText  string
	}{
		{"a cited draft is used", "Congress has pushed for more hard-hitting sanctions [1].", bot.ModeLLM, "fake-model",
			"Congress has pushed for more hard-hitting sanctions [1]."},
		{"an invented citation falls back", "Congress has pushed for sanctions [9].", bot.ModeExtractive, "",
			"Congress has pushed for more hard-hitting sanctions."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cleanEnv(t)
			llm := newFakeLLM(t, tc.draft)
			t.Setenv("OPENAI_BASE_URL", llm.URL())
			t.Setenv("TALKSBOT_LLM_MODEL", "fake-model")
			r := runCLI(t, "", "ask", "--json", congress)
			wantExit(t, r, 0)
			var a bot.Ask
			if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
				t.Fatalf("decode %q: %v", r.stdout, err)
			}
			if a.Mode != tc.wantMode || a.Model != tc.wantModel {
				t.Errorf("got mode %q model %q, want %q %q", a.Mode, a.Model, tc.wantMode, tc.wantModel)
			}
			if !strings.Contains(a.Answer, tc.wantText) {
				t.Errorf("got answer %q, want it to contain %q", a.Answer, tc.wantText)
			}
			if !a.Answered || len(a.Citations) == 0 {
				t.Errorf("got %+v, want an answer with citations", a)
			}
		})
	}
}

func TestAskStreamsLLMDraft(t *testing.T) {
	cleanEnv(t)
	llm := newFakeLLM(t, "Congress has pushed for more hard-hitting sanctions [1].")
	t.Setenv("OPENAI_BASE_URL", llm.URL())
	r := runCLI(t, "", "ask", congress)
	wantExit(t, r, 0)
	want := "Congress has pushed for more hard-hitting sanctions [1].\n\nSources:\n[1] "
	if !strings.HasPrefix(r.stdout, want) {
		t.Errorf("got:\n%s\nwant it to start with:\n%s", r.stdout, want)
	}
}

func TestServeFinishesAnswersInFlight(t *testing.T) {
	llm := newFakeLLM(t, "Congress has pushed for more hard-hitting sanctions [1].")
	llm.got, llm.release = make(chan struct{}, 1), make(chan struct{})
	var releaseOnce sync.Once
	release := func() { releaseOnce.Do(func() { close(llm.release) }) }
	t.Cleanup(release)
	s := startServe(t, map[string]string{"OPENAI_BASE_URL": llm.URL(), "TALKSBOT_LLM_TIMEOUT": "1m"})

	answer := make(chan bot.Ask, 1)
	go func() {
		defer close(answer)
		body, _ := json.Marshal(map[string]string{"question": congress})
		resp, err := http.Post(s.url+"/v1/ask", "application/json", bytes.NewReader(body))
		if err != nil {
			return
		}
		defer resp.Body.Close()
		var a bot.Ask
		if resp.StatusCode == http.StatusOK && json.NewDecoder(resp.Body).Decode(&a) == nil {
			answer <- a
		}
	}()
	select {
	case <-llm.got: // the answer is in flight, waiting for the LLM
	case <-time.After(waitLimit):
		t.Fatal("the question never reached the LLM")
	}
	s.cancel() // as SIGTERM does
	select {
	case <-s.stopping:
	case <-time.After(waitLimit):
		t.Fatal("serve did not begin to shut down")
	}
	release()
	a, ok := <-answer
	if !ok {
		t.Fatalf("the answer in flight was lost; logs:\n%s", s.logs)
	}
	if a.Mode != bot.ModeLLM {
		t.Errorf("got mode %q, want the draft finished during shutdown", a.Mode)
	}
	if code := s.stop(t); code != 0 {
		t.Errorf("got exit %d, want 0", code)
	}
	// Stopped means no longer listening.
	if _, err := http.Get(s.url + "/healthz"); err == nil {
		t.Error("the HTTP API still answers after shutdown")
	}
}

func TestServeBadConfigAndAddress(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		code int
		want string
	}{
		{"invalid setting", map[string]string{"TALKSBOT_MAX_CONCURRENT": "0"}, 2, "TALKSBOT_MAX_CONCURRENT"},
		{"address taken", nil, 1, "listen on"},
		{"stray argument", map[string]string{"extra": "x"}, 2, "unexpected argument"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cleanEnv(t)
			t.Setenv("TALKSBOT_DATA", t.TempDir())
			args := []string{"serve"}
			for k, v := range tc.env {
				if k == "extra" {
					args = append(args, v)
					continue
				}
				t.Setenv(k, v)
			}
			if tc.name == "address taken" {
				ln, err := net.Listen("tcp", "127.0.0.1:0")
				if err != nil {
					t.Fatal(err)
				}
				defer ln.Close()
				t.Setenv("TALKSBOT_HTTP_ADDR", ln.Addr().String())
			}
			r := runCLI(t, "", args...)
			wantExit(t, r, tc.code)
			if !strings.Contains(r.stderr, tc.want) {
				t.Errorf("got stderr %q, want it to mention %q", r.stderr, tc.want)
			}
		})
	}
}

func TestServeSlackHTTPMode(t *testing.T) {
	const secret = "8f742231b10e8888abcd99yyyzzz85a5"
	fake := slacktest.New(t, slackBotToken, slackAppToken)
	s := startServe(t, map[string]string{
		"SLACK_BOT_TOKEN":      slackBotToken,
		"SLACK_SIGNING_SECRET": secret,
		"SLACK_API_URL":        fake.APIURL(),
	})

	event := `{"type":"event_callback","team_id":"T0TALKS","api_app_id":"A0APP","event_id":"Ev0001","event_time":1700000000,` +
		`"event":{"type":"app_mention","user":"U0ALICE","text":"<@` + fake.BotUserID + `> ` + congress + `","ts":"1700000000.000100",` +
		`"channel":"C0TALKS","event_ts":"1700000000.000100"}}`
	post := func(body string, sign bool) int {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, s.url+"/slack/events", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if sign {
			ts := strconv.FormatInt(time.Now().Unix(), 10)
			mac := hmac.New(sha256.New, []byte(secret))
			fmt.Fprintf(mac, "v0:%s:%s", ts, body)
			req.Header.Set("X-Slack-Request-Timestamp", ts)
			req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post(event, false); code != http.StatusUnauthorized {
		t.Errorf("unsigned event: got %d, want 401", code)
	}
	// The listener is up before the adapter has checked its token; until
	// then events get 503 for Slack to deliver again.
	s.waitLogged(t, "slack connected")
	if code := post(event, true); code != http.StatusOK {
		t.Fatalf("signed event: got %d, want 200; logs:\n%s", code, s.logs)
	}
	answer := fake.WaitMatch(t, "chat.postMessage", func(c slacktest.Call) bool { return c.Get("channel") == "C0TALKS" })
	if got := answer.Get("thread_ts"); got != "1700000000.000100" {
		t.Errorf("got thread_ts %q, want the answer in the mention's thread", got)
	}
	if texts := strings.Join(answer.Texts(), "\n"); !strings.Contains(texts, sanctions) {
		t.Errorf("got answer %q, want the quoted sentence %q", texts, sanctions)
	}
	code, r := s.ready(t)
	if code != http.StatusOK {
		t.Errorf("/readyz: got %d %+v, want 200", code, r)
	}
	if ok, reason := r.check(t, "slack"); !ok {
		t.Errorf("slack check: got %q, want ok", reason)
	}
	if code := s.stop(t); code != 0 {
		t.Errorf("got exit %d, want 0; logs:\n%s", code, s.logs)
	}
	if logs := s.logs.String(); strings.Contains(logs, slackBotToken) || strings.Contains(logs, secret) {
		t.Errorf("logs leak a secret:\n%s", logs)
	}
}

func TestServeStopsWhenSlackRefusesTheToken(t *testing.T) {
	cleanEnv(t)
	fake := slacktest.New(t, slackBotToken, slackAppToken)
	t.Setenv("TALKSBOT_HTTP_ADDR", "127.0.0.1:0")
	t.Setenv("TALKSBOT_DATA", t.TempDir())
	t.Setenv("SLACK_BOT_TOKEN", "xoxb-refused")
	t.Setenv("SLACK_APP_TOKEN", "xapp-refused")
	t.Setenv("SLACK_API_URL", fake.APIURL())
	// A serve that failed to stop on its own would end at the deadline
	// with exit 0, failing the test rather than hanging it.
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	var out, errs bytes.Buffer
	r := result{code: run(ctx, []string{"serve"}, strings.NewReader(""), &out, &errs), stdout: out.String(), stderr: errs.String()}
	wantExit(t, r, 1)
	if !strings.Contains(r.stderr, "invalid_auth") {
		t.Errorf("got stderr %q, want Slack's reason", r.stderr)
	}
}

// waitReady polls /readyz until it reports ready with every named check
// passing, and returns the report. Nothing signals when an adapter's
// connection comes up, so polling with a deadline is all there is.
func (s *served) waitReady(t *testing.T, names ...string) readiness {
	t.Helper()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	timeout := time.After(waitLimit)
	for {
		code, r := s.ready(t)
		ok := code == http.StatusOK && r.Ready
		for _, name := range names {
			if passed, _ := r.check(t, name); !passed {
				ok = false
			}
		}
		if ok {
			return r
		}
		select {
		case <-tick.C:
		case <-timeout:
			t.Fatalf("/readyz: got %d %+v, want ready with %v passing; logs:\n%s", code, r, names, s.logs)
		}
	}
}

// waitMetrics polls /metrics until it has every line of want: counters are
// bumped after the event a test can observe.
func (s *served) waitMetrics(t *testing.T, want ...string) {
	t.Helper()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	timeout := time.After(waitLimit)
	for {
		_, metrics := s.get(t, "/metrics")
		var missing []string
		for _, line := range want {
			if !strings.Contains(metrics, line+"\n") {
				missing = append(missing, line)
			}
		}
		if len(missing) == 0 {
			return
		}
		select {
		case <-tick.C:
		case <-timeout:
			t.Fatalf("/metrics lacks %q:\n%s", missing, metrics)
		}
	}
}

// waitDiscord waits until the fake Discord got n REST calls matching match
// and returns them.
func waitDiscord(t *testing.T, fake *discordtest.Server, n int, match func(discordtest.Call) bool) []discordtest.Call {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	calls, err := fake.WaitCalls(ctx, n, match)
	if err != nil {
		t.Fatalf("got %d matching Discord calls, want %d: %v", len(calls), n, err)
	}
	return calls
}

// discordCall matches a REST call by method and path.
func discordCall(method, path string) func(discordtest.Call) bool {
	return func(c discordtest.Call) bool { return c.Method == method && c.Path == path }
}

// TestServeSlackDiscordAndHTTP runs `talksbot serve` with Slack in Socket
// Mode, Discord and the HTTP API configured together, each platform played
// by its fake on 127.0.0.1, and stops it as SIGTERM does.
func TestServeSlackDiscordAndHTTP(t *testing.T) {
	slackFake := slacktest.New(t, slackBotToken, slackAppToken)
	discordFake := discordtest.Start(t, discordtest.Options{Token: discordBotToken})
	s := startServe(t, map[string]string{
		"SLACK_BOT_TOKEN":   slackBotToken,
		"SLACK_APP_TOKEN":   slackAppToken,
		"SLACK_API_URL":     slackFake.APIURL(),
		"DISCORD_BOT_TOKEN": discordBotToken,
		"DISCORD_API_URL":   discordFake.URL(),
	})

	t.Run("slack: a mention is answered in its thread", func(t *testing.T) {
		const ts = "1700000200.000100"
		env := slackFake.SendEvent(t, "Ev0201", 0, map[string]any{
			"type": "app_mention", "user": "U0ALICE", "text": "<@" + slackFake.BotUserID + "> " + congress,
			"ts": ts, "channel": "C0TALKS", "event_ts": ts,
		})
		slackFake.WaitAck(t, env)
		answer := slackFake.WaitMatch(t, "chat.postMessage", func(c slacktest.Call) bool { return c.Get("channel") == "C0TALKS" })
		if got := answer.Get("thread_ts"); got != ts {
			t.Errorf("got thread_ts %q, want the mention's %q", got, ts)
		}
		if texts := strings.Join(answer.Texts(), "\n"); !strings.Contains(texts, sanctions) {
			t.Errorf("got answer %q, want the quoted sentence %q", texts, sanctions)
		}
		if got := slackFake.Origins(); len(got) != 1 || got[0] != slacktest.SlackOrigin {
			t.Errorf("got websocket origins %q, want one Socket Mode connection", got)
		}
	})

	var commands []discordtest.Call
	t.Run("discord: /talks is registered with one bulk overwrite", func(t *testing.T) {
		commands = waitDiscord(t, discordFake, 1, discordCall(http.MethodPut, "applications/"+discordFake.AppID()+"/commands"))
		var cmds []struct {
			Name    string `json:"name"`
			Options []struct {
				Name string `json:"name"`
			} `json:"options"`
		}
		if err := commands[0].JSON(&cmds); err != nil {
			t.Fatal(err)
		}
		var subs []string
		for _, c := range cmds {
			if c.Name != "talks" {
				continue
			}
			for _, o := range c.Options {
				subs = append(subs, o.Name)
			}
		}
		if got := strings.Join(subs, " "); got != "ask summary themes sources help" {
			t.Errorf("got /talks subcommands %q, want ask summary themes sources help", got)
		}
		if commands[0].Status != http.StatusOK || commands[0].Auth != "Bot "+discordBotToken {
			t.Errorf("got the overwrite answered %d with Authorization %q, want 200 for the bot token", commands[0].Status, commands[0].Auth)
		}
	})
	if len(commands) == 0 {
		t.FailNow()
	}

	t.Run("discord: /talks ask is deferred, then its response edited with the answer", func(t *testing.T) {
		const tok = "tok-ask"
		err := discordFake.Dispatch("INTERACTION_CREATE", map[string]any{
			"id": "i-ask", "application_id": discordFake.AppID(), "type": 2, "token": tok, "version": 1,
			"channel_id": "c-ask", "guild_id": "300",
			"member": map[string]any{"user": map[string]any{"id": "555", "username": "asker"}},
			"data": map[string]any{"id": "1", "name": "talks", "type": 1, "options": []any{map[string]any{
				"type": 1, "name": "ask", "options": []any{map[string]any{"type": 3, "name": "question", "value": congress}},
			}}},
		})
		if err != nil {
			t.Fatal(err)
		}
		edit := waitDiscord(t, discordFake, 1, discordCall(http.MethodPatch, "webhooks/"+discordFake.AppID()+"/"+tok+"/messages/@original"))[0]
		if edit.Status != http.StatusOK || !strings.Contains(string(edit.Body), sanctions) {
			t.Errorf("got edit answered %d with %s, want 200 and the quoted sentence %q", edit.Status, edit.Body, sanctions)
		}
		var deferred []int
		for _, c := range discordFake.Calls() {
			if c.Method == http.MethodPost && c.Path == "interactions/i-ask/"+tok+"/callback" {
				var cb struct {
					Type int `json:"type"`
				}
				if err := c.JSON(&cb); err != nil {
					t.Fatal(err)
				}
				deferred = append(deferred, cb.Type)
			}
		}
		// Discord refuses an edit before the acknowledgement, so the
		// edit's 200 also shows the order.
		if len(deferred) != 1 || deferred[0] != 5 {
			t.Errorf("got callbacks of types %v, want one deferred response (5)", deferred)
		}
	})

	t.Run("discord: a mention is answered with a reply", func(t *testing.T) {
		err := discordFake.Dispatch("MESSAGE_CREATE", map[string]any{
			"id": "m-mention", "channel_id": "c-mention", "guild_id": "300", "type": 0,
			"content":   "<@" + discordFake.UserID() + "> " + congress,
			"author":    map[string]any{"id": "555", "username": "asker"},
			"mentions":  []any{map[string]any{"id": discordFake.UserID(), "username": "talksbot"}},
			"timestamp": "2025-01-01T00:00:00Z",
		})
		if err != nil {
			t.Fatal(err)
		}
		reply := waitDiscord(t, discordFake, 1, discordCall(http.MethodPost, "channels/c-mention/messages"))[0]
		var m struct {
			Reference *struct {
				MessageID string `json:"message_id"`
			} `json:"message_reference"`
		}
		if err := reply.JSON(&m); err != nil {
			t.Fatal(err)
		}
		if m.Reference == nil || m.Reference.MessageID != "m-mention" {
			t.Errorf("got message reference %+v, want a reply to m-mention", m.Reference)
		}
		if reply.Status != http.StatusOK || !strings.Contains(string(reply.Body), sanctions) {
			t.Errorf("got reply answered %d with %s, want 200 and the quoted sentence %q", reply.Status, reply.Body, sanctions)
		}
	})

	t.Run("http: /v1/ask answers beside both platforms", func(t *testing.T) {
		if a := s.ask(t, congress); !a.Answered || !strings.Contains(a.Answer, sanctions) {
			t.Errorf("got %+v, want the sanctions sentence", a)
		}
		if code, _ := s.get(t, "/slack/events"); code == http.StatusOK {
			t.Errorf("/slack/events: got 200, want no Slack HTTP routes in Socket Mode")
		}
	})

	t.Run("/readyz reports both platforms ready", func(t *testing.T) {
		s.waitReady(t, "index", "state", "slack", "discord")
	})

	t.Run("questions are counted by platform", func(t *testing.T) {
		// A refusal given through an adapter is counted under its platform.
		slackFake.SendSlashCommand(t, map[string]string{"command": "/talks", "text": "ask", "user_id": "U0ALICE",
			"channel_id": "C0TALKS", "response_url": slackFake.ResponseURL("refused")})
		slackFake.WaitResponses(t, "refused", 1)
		s.waitMetrics(t,
			`talksbot_questions_total{outcome="bad_input",platform="slack"} 1`,
			`talksbot_questions_total{outcome="answered",platform="slack"} 1`,
			`talksbot_questions_total{outcome="answered",platform="discord"} 2`,
			`talksbot_questions_total{outcome="answered",platform="http"} 1`,
		)
	})

	t.Run("reconnects are counted by adapter", func(t *testing.T) {
		slackFake.SendDisconnect(t)
		slackFake.WaitConnected(t, 2)
		discordFake.Drop()
		ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
		defer cancel()
		if err := discordFake.Wait(ctx, func() bool { return len(discordFake.Resumes()) > 0 }); err != nil {
			t.Fatal(err)
		}
		s.waitMetrics(t,
			`talksbot_adapter_reconnects_total{adapter="slack"} 1`,
			`talksbot_adapter_reconnects_total{adapter="discord"} 1`,
		)
		s.waitReady(t, "slack", "discord")
	})

	if code := s.stop(t); code != 0 {
		t.Errorf("got exit %d, want 0; logs:\n%s", code, s.logs)
	}
	logs := s.logs.String()
	for _, want := range []string{"slack (socket mode), discord", "registered commands", "stopped"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}
	for _, secret := range []string{slackBotToken, slackAppToken, discordBotToken} {
		if strings.Contains(logs, secret) {
			t.Errorf("logs leak the token %q", secret)
		}
	}
	if _, err := http.Get(s.url + "/healthz"); err == nil {
		t.Error("the HTTP API still answers after shutdown")
	}
}

// zebraDoc is a document answering zebraQuestion, which the article does not.
const (
	zebraDoc = "---\ntitle: Field Notes on the Zebra Accord\n---\n# Zebra Accord\n\n" +
		"The zebra accord was signed by the llama council in Oslo after three nights of bargaining.\n"
	zebraQuestion = "Who signed the zebra accord?"
)

// TestServeWatchesFromTheStart writes a document after the first index is
// built and before serve listens: the watcher, set up before the build,
// must see it and reload.
func TestServeWatchesFromTheStart(t *testing.T) {
	docs := t.TempDir()
	s := startServeHooks(t, map[string]string{"TALKSBOT_DOCS": docs}, serveHooks{
		indexed: func() {
			if err := os.WriteFile(filepath.Join(docs, "zebra.md"), []byte(zebraDoc), 0o600); err != nil {
				t.Error(err)
			}
		},
	})
	waitFor(t, "the document written during start-up to be answerable", s.reloads, func(error) bool {
		return s.ask(t, zebraQuestion).Answered
	})
}

// TestServeSIGHUPDuringStartAndStop sends SIGHUP while serve builds its
// index and again while it shuts down: the first reloads once the reloader
// runs, and the second leaves the shutdown clean.
func TestServeSIGHUPDuringStartAndStop(t *testing.T) {
	hup := func() { sighup(t) }
	s := startServeHooks(t, nil, serveHooks{indexed: hup, stopping: hup})
	waitFor(t, "the reload asked for during start-up", s.reloads, func(error) bool {
		return strings.Contains(s.logs.String(), "trigger=sighup")
	})
	if code := s.stop(t); code != 0 {
		t.Errorf("got exit %d, want 0; logs:\n%s", code, s.logs)
	}
}

// TestServeKeepsLastGoodDocument overwrites a good document with a broken
// version: the good version keeps serving until the file is deleted.
func TestServeKeepsLastGoodDocument(t *testing.T) {
	docs := t.TempDir()
	path := filepath.Join(docs, "zebra.md")
	if err := os.WriteFile(path, []byte(zebraDoc), 0o600); err != nil {
		t.Fatal(err)
	}
	s := startServe(t, map[string]string{"TALKSBOT_DOCS": docs})
	if a := s.ask(t, zebraQuestion); !a.Answered {
		t.Fatalf("got %+v, want the document answered", a)
	}

	if err := os.WriteFile(path, []byte("\x00\x01\x02binary\x00\xff\xfe"), 0o600); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a reload keeping the last good version", s.reloads, func(err error) bool {
		return err == nil && strings.Contains(s.logs.String(), "its last good version keeps serving")
	})
	if a := s.ask(t, zebraQuestion); !a.Answered {
		t.Errorf("after a broken rewrite: got %+v, want the last good version answering", a)
	}
	if !strings.Contains(s.logs.String(), "path="+path) {
		t.Errorf("logs do not name the broken document:\n%s", s.logs)
	}

	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the deleted document to be dropped", s.reloads, func(error) bool {
		return !s.ask(t, zebraQuestion).Answered
	})
}

// fakeEmbeddings is an OpenAI-compatible embeddings API on 127.0.0.1 that
// never answers: each request waits until the client gives up on it.
type fakeEmbeddings struct {
	srv      *httptest.Server
	got      chan struct{} // a value as each request arrives
	canceled chan struct{} // a value as each request is given up by the client
	release  chan struct{} // closed when the test ends
}

func newFakeEmbeddings(t *testing.T) *fakeEmbeddings {
	t.Helper()
	f := &fakeEmbeddings{got: make(chan struct{}, 64), canceled: make(chan struct{}, 64), release: make(chan struct{})}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/embeddings" {
			http.Error(w, `{"error":{"message":"not found"}}`, http.StatusNotFound)
			return
		}
		// The server notices a client hanging up only once the body is read.
		_, _ = io.Copy(io.Discard, r.Body)
		f.got <- struct{}{}
		select {
		case <-r.Context().Done():
			f.canceled <- struct{}{}
		case <-f.release:
		}
	}))
	t.Cleanup(f.srv.Close)
	t.Cleanup(func() { close(f.release) })
	return f
}

// TestServeReloadsWhileEmbedding shows that embedding never holds up a
// reload: with the embeddings API hanging, SIGHUP still swaps the index in,
// and the embedding run for the old index is cancelled.
func TestServeReloadsWhileEmbedding(t *testing.T) {
	fake := newFakeEmbeddings(t)
	s := startServe(t, map[string]string{
		"OPENAI_BASE_URL":      fake.srv.URL + "/v1",
		"TALKSBOT_EMBED_MODEL": "tiny-embed",
		"TALKSBOT_LLM_TIMEOUT": "10m", // only serve may give up on a request here
	})
	select {
	case <-fake.got:
	case <-time.After(waitLimit):
		t.Fatalf("the passages of the first index were never sent to be embedded; logs:\n%s", s.logs)
	}

	sighup(t)
	waitFor(t, "a reload while the embeddings API hangs", s.reloads, func(err error) bool { return err == nil })
	select {
	case <-fake.canceled:
	case <-time.After(waitLimit):
		t.Fatalf("the embedding run for the old index was not cancelled; logs:\n%s", s.logs)
	}
	if code := s.stop(t); code != 0 {
		t.Errorf("got exit %d, want 0; logs:\n%s", code, s.logs)
	}
}

// TestServeStateCheckAfterClose asks for readiness while and after the
// store closes, as a probe may when shutdown gave up waiting: the check
// fails with a reason and nothing panics or races.
func TestServeStateCheckAfterClose(t *testing.T) {
	cleanEnv(t)
	cfg, err := config.Load(config.Sources{Env: func(k string) (string, bool) {
		v, ok := map[string]string{"TALKSBOT_DATA": t.TempDir(), "TALKSBOT_HTTP_ADDR": "127.0.0.1:0"}[k]
		return v, ok
	}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := newService(ctx, cfg, slog.New(slog.DiscardHandler), serveHooks{}, make(chan os.Signal, 1))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.checkState(ctx); err != nil {
		t.Fatalf("before close: got %v, want the state check passing", err)
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		for range 50 {
			_ = s.checkState(ctx) // may pass or fail while closing; must not panic
		}
	})
	s.release()
	wg.Wait()
	if err := s.checkState(ctx); err == nil || !strings.Contains(err.Error(), "closed") {
		t.Errorf("after close: got %v, want the state check failing as closed", err)
	}
}

func TestReloadDelay(t *testing.T) {
	first := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name  string
		since time.Duration // from the first change pending to now
		want  time.Duration
	}{
		{"first change", 0, reloadDebounce},
		{"changes keep coming", 2 * time.Second, reloadDebounce},
		{"close to the bound", reloadMaxWait - 100*time.Millisecond, 100 * time.Millisecond},
		{"at the bound", reloadMaxWait, 0},
		{"past the bound", reloadMaxWait + time.Minute, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := reloadDelay(first, first.Add(tc.since)); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
