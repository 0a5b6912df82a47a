package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/httpapi"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

// coreFunc is a Core made of a function, for replies the real bot gives
// rarely or never.
type coreFunc func(ctx context.Context, req bot.Request) bot.Reply

func (f coreFunc) Handle(ctx context.Context, req bot.Request) bot.Reply { return f(ctx, req) }

// realIndex builds the index over the embedded article once per test binary.
var realIndex = sync.OnceValues(func() (*knowledge.Index, error) {
	return knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
})

// newRealAPI serves the real bot over the real article on 127.0.0.1.
func newRealAPI(t testing.TB, opts httpapi.Options, bopts bot.Options) (*httptest.Server, *knowledge.Index) {
	t.Helper()
	ix, err := realIndex()
	if err != nil {
		t.Fatalf("index the article: %v", err)
	}
	opts.Core = bot.New(ix, bopts)
	ts := httptest.NewServer(httpapi.New(opts).Handler())
	t.Cleanup(ts.Close)
	return ts, ix
}

// post sends body to url as JSON and returns the status, headers and body.
func post(t testing.TB, client *http.Client, url, body string) (int, http.Header, []byte) {
	t.Helper()
	resp, err := client.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read response: %v", err)
	}
	return resp.StatusCode, resp.Header, b
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func TestAskAnswersFromTheArticle(t *testing.T) {
	ts, ix := newRealAPI(t, httpapi.Options{}, bot.Options{})
	status, hdr, body := post(t, ts.Client(), ts.URL+"/v1/ask", `{"question":"What has Congress pushed for?"}`)
	if status != http.StatusOK {
		t.Fatalf("status %d, want 200; body %s", status, body)
	}
	if ct := hdr.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}

	var obj map[string]any
	if err := json.Unmarshal(body, &obj); err != nil {
		t.Fatalf("response is not a JSON object: %v; body %s", err, body)
	}
	wantKeys := []string{"answer", "answered", "citations", "kind", "mode", "question", "took_ms"}
	if got := keys(obj); !slices.Equal(got, wantKeys) {
		t.Errorf("keys = %v, want exactly %v", got, wantKeys)
	}

	var a bot.Ask
	if err := json.Unmarshal(body, &a); err != nil {
		t.Fatal(err)
	}
	if a.Question != "What has Congress pushed for?" || !a.Answered || a.Mode != bot.ModeExtractive {
		t.Errorf("got question %q answered %v mode %q, want the question, true, extractive", a.Question, a.Answered, a.Mode)
	}
	if !strings.Contains(a.Answer, "hard-hitting sanctions") {
		t.Errorf("answer = %q, want the sentence about hard-hitting sanctions", a.Answer)
	}
	if a.TookMS <= 0 {
		t.Errorf("took_ms = %v, want > 0", a.TookMS)
	}
	if len(a.Citations) == 0 || len(a.Citations) > 3 {
		t.Fatalf("got %d citations, want 1 to 3", len(a.Citations))
	}
	for i, c := range a.Citations {
		p, ok := ix.Passage(c.ID)
		if !ok {
			t.Errorf("citation %d: no passage %q", i, c.ID)
			continue
		}
		if c.Text != p.Text || c.Doc != p.Doc || c.Title != p.DocTitle || c.Section != p.Section {
			t.Errorf("citation %d = %+v, want passage %s exactly as stored", i, c, p.ID)
		}
	}
	cites := obj["citations"].([]any)
	wantCiteKeys := []string{"doc", "id", "score", "section", "text", "title"}
	if got := keys(cites[0].(map[string]any)); !slices.Equal(got, wantCiteKeys) {
		t.Errorf("citation keys = %v, want exactly %v", got, wantCiteKeys)
	}
}

func TestAskDeclines(t *testing.T) {
	ts, _ := newRealAPI(t, httpapi.Options{}, bot.Options{})
	status, _, body := post(t, ts.Client(), ts.URL+"/v1/ask", `{"question":"Who won the World Cup?"}`)
	if status != http.StatusOK {
		t.Fatalf("status %d, want 200; body %s", status, body)
	}
	if !bytes.Contains(body, []byte(`"citations":[]`)) {
		t.Errorf("body %s: want an empty citations array, not null or missing", body)
	}
	var a bot.Ask
	if err := json.Unmarshal(body, &a); err != nil {
		t.Fatal(err)
	}
	if a.Answered || !strings.Contains(a.Answer, "doesn't cover") {
		t.Errorf("answered %v, answer %q; want false and a plain decline", a.Answered, a.Answer)
	}
}

func TestAskTakesCommandsAsQuestions(t *testing.T) {
	var got bot.Request
	api := httpapi.New(httpapi.Options{Core: coreFunc(func(_ context.Context, req bot.Request) bot.Reply {
		got = req
		return bot.Reply{Kind: bot.KindDeclined, Text: "The article doesn't cover that.", Mode: bot.ModeExtractive}
	})})
	rec := httptest.NewRecorder()
	req := localRequest(http.MethodPost, "/v1/ask", strings.NewReader(`{"question":"help"}`))
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	api.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, want 200; body %s", rec.Code, rec.Body)
	}
	if got.Platform != bot.HTTP || got.Command == nil || got.Command.Name != "ask" || got.Command.Arg != "help" {
		t.Errorf("core got %+v (command %+v), want an http ask command for %q", got, got.Command, "help")
	}
	// localRequest comes from 127.0.0.1:1234: the address without the
	// port is the user the bot rate-limits.
	if got.User != "127.0.0.1" {
		t.Errorf("core got user %q, want the client address 127.0.0.1", got.User)
	}
}

func TestAskLLMModeNamesTheModel(t *testing.T) {
	tests := []struct {
		name      string
		reply     bot.Reply
		wantModel string // "" means no "model" key
		wantKeys  []string
	}{
		{"llm", bot.Reply{Kind: bot.KindAnswer, Text: "Drafted [1].", Mode: bot.ModeLLM, Model: "small-model",
			Citations: []bot.Citation{{ID: "d#1", Doc: "d", Title: "T", Section: "S", Text: "x", Score: 1.5}}}, "small-model",
			[]string{"answer", "answered", "citations", "kind", "mode", "model", "question", "took_ms"}},
		{"extractive", bot.Reply{Kind: bot.KindAnswer, Text: "Quoted.", Mode: bot.ModeExtractive, Model: "stale"}, "",
			[]string{"answer", "answered", "citations", "kind", "mode", "question", "took_ms"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := httpapi.New(httpapi.Options{Core: coreFunc(func(context.Context, bot.Request) bot.Reply { return tt.reply })})
			rec := httptest.NewRecorder()
			req := localRequest(http.MethodPost, "/v1/ask", strings.NewReader(`{"question":"q"}`))
			req.Header.Set("Content-Type", "application/json")
			api.Handler().ServeHTTP(rec, req)
			var obj map[string]any
			if err := json.Unmarshal(rec.Body.Bytes(), &obj); err != nil {
				t.Fatalf("decode %s: %v", rec.Body, err)
			}
			if got := keys(obj); !slices.Equal(got, tt.wantKeys) {
				t.Errorf("keys = %v, want exactly %v", got, tt.wantKeys)
			}
			model, has := obj["model"]
			if tt.wantModel == "" && has {
				t.Errorf("model = %v, want no model key", model)
			}
			if tt.wantModel != "" && model != tt.wantModel {
				t.Errorf("model = %v, want %q", model, tt.wantModel)
			}
			if obj["mode"] != tt.reply.Mode {
				t.Errorf("mode = %v, want %q", obj["mode"], tt.reply.Mode)
			}
		})
	}
}

func TestAskErrors(t *testing.T) {
	ts, _ := newRealAPI(t, httpapi.Options{MaxBodyBytes: 1024}, bot.Options{})
	// Over the bot's 2,000 characters, under the default body limit.
	long := `{"question":"` + strings.Repeat("why ", 600) + `"}`
	tests := []struct {
		name        string
		method      string
		contentType string
		body        string
		chunked     bool // send without Content-Length
		wantStatus  int
		wantError   string
		wantAllow   string
	}{
		{name: "GET", method: http.MethodGet, wantStatus: 405, wantError: "use POST", wantAllow: "POST"},
		{name: "PUT", method: http.MethodPut, contentType: "application/json", body: `{"question":"q"}`, wantStatus: 405, wantError: "use POST", wantAllow: "POST"},
		{name: "no content type", body: `{"question":"q"}`, wantStatus: 415, wantError: "application/json"},
		{name: "form content type", contentType: "application/x-www-form-urlencoded", body: "question=q", wantStatus: 415, wantError: "application/json"},
		{name: "empty body", body: "", wantStatus: 400, wantError: "empty request body"},
		{name: "malformed", body: `{"question":`, wantStatus: 400, wantError: "malformed JSON"},
		{name: "not JSON", body: "\x00\x01binary", wantStatus: 400, wantError: "malformed JSON"},
		{name: "array", body: `["q"]`, wantStatus: 400, wantError: "JSON object"},
		{name: "string", body: `"q"`, wantStatus: 400, wantError: "JSON object"},
		{name: "number question", body: `{"question":42}`, wantStatus: 400, wantError: `"question" must be a string`},
		{name: "missing question", body: `{}`, wantStatus: 400, wantError: `"question" is required`},
		{name: "null question", body: `{"question":null}`, wantStatus: 400, wantError: `"question" is required`},
		{name: "empty question", body: `{"question":"  \n"}`, wantStatus: 400, wantError: `"question" is empty`},
		{name: "unknown field", body: `{"question":"q","k":9}`, wantStatus: 400, wantError: `unknown field "k"`},
		{name: "trailing data", body: `{"question":"q"} {"question":"r"}`, wantStatus: 400, wantError: "after the JSON object"},
		{name: "too large", body: `{"question":"` + strings.Repeat("a", 2000) + `"}`, wantStatus: 413, wantError: "larger than 1024 bytes"},
		{name: "too large chunked", body: `{"question":"` + strings.Repeat("a", 2000) + `"}`, chunked: true, wantStatus: 413, wantError: "larger than 1024 bytes"},
		{name: "bot error reply", body: `{"question":"what\u0007 is this"}`, wantStatus: 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := cmpOr(tt.method, http.MethodPost)
			var body io.Reader = strings.NewReader(tt.body)
			if tt.chunked {
				body = io.MultiReader(body) // hides the length from net/http
			}
			req, err := http.NewRequestWithContext(t.Context(), method, ts.URL+"/v1/ask", body)
			if err != nil {
				t.Fatal(err)
			}
			ct := tt.contentType
			if ct == "" && tt.name != "no content type" {
				ct = "application/json"
			}
			if ct != "" {
				req.Header.Set("Content-Type", ct)
			}
			resp, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			raw, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.wantStatus {
				t.Errorf("status %d, want %d; body %s", resp.StatusCode, tt.wantStatus, raw)
			}
			if got := resp.Header.Get("Content-Type"); got != "application/json" {
				t.Errorf("Content-Type = %q, want application/json", got)
			}
			var e struct{ Error string }
			if err := json.Unmarshal(raw, &e); err != nil || e.Error == "" {
				t.Fatalf("body %s: want {\"error\": \"...\"} (decode error %v)", raw, err)
			}
			if !strings.Contains(e.Error, tt.wantError) {
				t.Errorf("error = %q, want it to contain %q", e.Error, tt.wantError)
			}
			if tt.wantAllow != "" && resp.Header.Get("Allow") != tt.wantAllow {
				t.Errorf("Allow = %q, want %q", resp.Header.Get("Allow"), tt.wantAllow)
			}
		})
	}
	// An over-long question is the bot's to refuse, with its own words.
	ts2, _ := newRealAPI(t, httpapi.Options{}, bot.Options{})
	status, _, raw := post(t, ts2.Client(), ts2.URL+"/v1/ask", long)
	var e struct{ Error string }
	if err := json.Unmarshal(raw, &e); err != nil || status != http.StatusBadRequest || e.Error == "" {
		t.Errorf("over-long question: status %d body %s, want 400 with the bot's message", status, raw)
	}
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func TestAskRefusals(t *testing.T) {
	tests := []struct {
		name           string
		opts           httpapi.Options
		problem        bot.Problem
		wantStatus     int
		wantRetryAfter string // "" means no header
	}{
		{"bad input", httpapi.Options{}, bot.ProblemBadInput, 400, ""},
		{"rate limited", httpapi.Options{}, bot.ProblemRateLimited, 429, "10"},
		{"rate limited, configured hint", httpapi.Options{RetryAfter: 1500 * time.Millisecond}, bot.ProblemRateLimited, 429, "2"},
		{"rate limited, tiny hint", httpapi.Options{RetryAfter: time.Nanosecond}, bot.ProblemRateLimited, 429, "1"},
		{"rate limited, huge hint", httpapi.Options{RetryAfter: 1000 * time.Hour}, bot.ProblemRateLimited, 429, "3600"},
		{"busy", httpapi.Options{}, bot.ProblemBusy, 503, "2"},
		{"unavailable", httpapi.Options{}, bot.ProblemUnavailable, 503, ""},
		{"internal", httpapi.Options{}, bot.ProblemInternal, 500, ""},
		{"unclassified", httpapi.Options{}, "", 500, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			counter := &countingCounter{}
			opts := tt.opts
			opts.Counter = counter
			opts.Core = coreFunc(func(context.Context, bot.Request) bot.Reply {
				return bot.Reply{ID: "r1", Kind: bot.KindError, Problem: tt.problem, Text: "The bot's own words."}
			})
			rec := httptest.NewRecorder()
			req := localRequest(http.MethodPost, "/v1/ask", strings.NewReader(`{"question":"q"}`))
			req.Header.Set("Content-Type", "application/json")
			httpapi.New(opts).Handler().ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus {
				t.Errorf("status %d, want %d", rec.Code, tt.wantStatus)
			}
			if want := `{"error":"The bot's own words."}` + "\n"; rec.Body.String() != want {
				t.Errorf("body %q, want %q", rec.Body, want)
			}
			if got := rec.Header().Get("Retry-After"); got != tt.wantRetryAfter {
				t.Errorf("Retry-After = %q, want %q", got, tt.wantRetryAfter)
			}
			if got := counter.get(bot.HTTP, tt.problem); got != 1 {
				t.Errorf("counted %d refusals for problem %q, want 1", got, tt.problem)
			}
		})
	}
}

// countingCounter is a Counter that counts by platform and problem.
type countingCounter struct {
	mu sync.Mutex
	n  map[string]int
}

var _ httpapi.Counter = (*countingCounter)(nil)

func (c *countingCounter) Refused(p bot.Platform, problem bot.Problem) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == nil {
		c.n = map[string]int{}
	}
	c.n[string(p)+"/"+string(problem)]++
}

func (c *countingCounter) get(p bot.Platform, problem bot.Problem) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n[string(p)+"/"+string(problem)]
}

func TestAskRateLimitIsTheBots(t *testing.T) {
	counter := &countingCounter{}
	ts, _ := newRealAPI(t, httpapi.Options{Counter: counter, RetryAfter: 30 * time.Second, APIToken: "rate-limit-test-token"},
		bot.Options{RatePerMinute: 1, Burst: 2})
	handler := ts.Config.Handler
	ask := func(addr string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		req := localRequest(http.MethodPost, "/v1/ask", strings.NewReader(`{"question":"What has Congress pushed for?"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer rate-limit-test-token")
		req.RemoteAddr = addr
		handler.ServeHTTP(rec, req)
		return rec
	}
	steps := []struct {
		addr string
		want int
	}{
		{"192.0.2.1:1000", 200},
		{"192.0.2.1:1001", 200}, // another port, the same client
		{"192.0.2.1:1002", 429},
		{"192.0.2.2:1000", 200}, // another client has its own budget
		{"[2001:db8::1]:1000", 200},
	}
	for i, st := range steps {
		rec := ask(st.addr)
		if rec.Code != st.want {
			t.Errorf("step %d from %s: status %d, want %d; body %s", i, st.addr, rec.Code, st.want, rec.Body)
		}
		if st.want == 429 {
			if ra := rec.Header().Get("Retry-After"); ra != "30" {
				t.Errorf("step %d: Retry-After = %q, want 30", i, ra)
			}
			var e struct{ Error string }
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
				t.Errorf("step %d: body %s, want a JSON error in the bot's words", i, rec.Body)
			}
		}
	}
	if got := counter.get(bot.HTTP, bot.ProblemRateLimited); got != 1 {
		t.Errorf("counted %d rate-limited questions, want 1", got)
	}
}

func TestAskCitationsAtMostK(t *testing.T) {
	cites := make([]bot.Citation, 5)
	for i := range cites {
		cites[i] = bot.Citation{ID: fmt.Sprint("d#", i), Doc: "d", Title: "T", Section: "S", Text: "x"}
	}
	core := coreFunc(func(context.Context, bot.Request) bot.Reply {
		return bot.Reply{Kind: bot.KindAnswer, Text: "a", Mode: bot.ModeExtractive, Citations: cites}
	})
	tests := []struct {
		k    int
		want int
	}{{0, 3}, {1, 1}, {10, 5}}
	for _, tt := range tests {
		t.Run(fmt.Sprint("k=", tt.k), func(t *testing.T) {
			rec := httptest.NewRecorder()
			req := localRequest(http.MethodPost, "/v1/ask", strings.NewReader(`{"question":"q"}`))
			req.Header.Set("Content-Type", "application/json")
			httpapi.New(httpapi.Options{Core: core, K: tt.k}).Handler().ServeHTTP(rec, req)
			var a bot.Ask
			if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil {
				t.Fatalf("decode %s: %v", rec.Body, err)
			}
			if len(a.Citations) != tt.want {
				t.Errorf("got %d citations, want %d", len(a.Citations), tt.want)
			}
		})
	}
}

func TestAskHasADeadline(t *testing.T) {
	const timeout = 20 * time.Millisecond
	tests := []struct {
		name string
		opt  time.Duration
		max  time.Duration // the deadline is at most this far away
	}{
		{"configured", timeout, timeout},
		{"default", 0, 90 * time.Second},
		{"too long", time.Hour, 90 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var left time.Duration
			api := httpapi.New(httpapi.Options{
				AnswerTimeout: tt.opt,
				Core: coreFunc(func(ctx context.Context, _ bot.Request) bot.Reply {
					deadline, ok := ctx.Deadline()
					if !ok {
						return bot.Reply{Kind: bot.KindError, Problem: bot.ProblemInternal, Text: "no deadline"}
					}
					left = time.Until(deadline)
					if tt.opt == timeout {
						// What a request queued for a slot does: wait until
						// the deadline gives up for it.
						<-ctx.Done()
					}
					return bot.Reply{Kind: bot.KindError, Problem: bot.ProblemBusy, Text: "All answering slots are busy."}
				}),
			})
			rec := httptest.NewRecorder()
			req := localRequest(http.MethodPost, "/v1/ask", strings.NewReader(`{"question":"q"}`))
			req.Header.Set("Content-Type", "application/json")
			api.Handler().ServeHTTP(rec, req)
			if rec.Code != http.StatusServiceUnavailable {
				t.Errorf("status %d, want 503; body %s", rec.Code, rec.Body)
			}
			if left <= 0 || left > tt.max {
				t.Errorf("deadline %v away, want within %v", left, tt.max)
			}
		})
	}
}

func TestHealthz(t *testing.T) {
	api := httpapi.New(httpapi.Options{Core: coreFunc(nil)})
	tests := []struct {
		method     string
		wantStatus int
		wantBody   string
	}{
		{http.MethodGet, 200, "ok\n"},
		{http.MethodHead, 200, ""},
		{http.MethodPost, 405, `{"error":"use GET"}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			ts := httptest.NewServer(api.Handler())
			defer ts.Close()
			req, _ := http.NewRequestWithContext(t.Context(), tt.method, ts.URL+"/healthz", nil)
			resp, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.wantStatus || string(body) != tt.wantBody {
				t.Errorf("%s /healthz = %d %q, want %d %q", tt.method, resp.StatusCode, body, tt.wantStatus, tt.wantBody)
			}
		})
	}
}

func TestReadyz(t *testing.T) {
	ok := func(context.Context) error { return nil }
	tests := []struct {
		name       string
		checks     []httpapi.Check
		wantStatus int
		want       httpapi.Readiness
	}{
		{"no checks", nil, 200, httpapi.Readiness{Ready: true, Checks: []httpapi.CheckResult{}}},
		{
			"all ready",
			[]httpapi.Check{{Name: "index", Func: ok}, {Name: "state", Func: ok}},
			200,
			httpapi.Readiness{Ready: true, Checks: []httpapi.CheckResult{{Name: "index", OK: true}, {Name: "state", OK: true}}},
		},
		{
			"state unwritable",
			[]httpapi.Check{
				{Name: "index", Func: ok},
				{Name: "state", Func: func(context.Context) error {
					return errors.New("state database /data/talksbot.db not writable: disk I/O error")
				}},
				{Name: "slack", Func: func(context.Context) error { panic("boom") }},
				{Name: "discord"},
			},
			503,
			httpapi.Readiness{Ready: false, Checks: []httpapi.CheckResult{
				{Name: "index", OK: true},
				{Name: "state", Error: "state database /data/talksbot.db not writable: disk I/O error"},
				{Name: "slack", Error: "check panicked"},
				{Name: "discord", Error: "no check function"},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api := httpapi.New(httpapi.Options{Core: coreFunc(nil), Checks: tt.checks})
			rec := httptest.NewRecorder()
			api.Handler().ServeHTTP(rec, localRequest(http.MethodGet, "/readyz", nil))
			if rec.Code != tt.wantStatus {
				t.Errorf("status %d, want %d", rec.Code, tt.wantStatus)
			}
			var got httpapi.Readiness
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatalf("decode %s: %v", rec.Body, err)
			}
			if g, w := jsonString(t, got), jsonString(t, tt.want); g != w {
				t.Errorf("body %s, want %s", g, w)
			}
		})
	}
}

func TestReadyzDoesNotWaitForStuckChecks(t *testing.T) {
	release := make(chan struct{})
	returned := make(chan struct{})
	var calls atomic.Int32
	api := httpapi.New(httpapi.Options{
		Core:         coreFunc(nil),
		CheckTimeout: 20 * time.Millisecond,
		Checks: []httpapi.Check{
			{Name: "index", Func: func(context.Context) error { return nil }},
			// A check that ignores its context, like a driver call
			// without one.
			{Name: "state", Func: func(context.Context) error {
				calls.Add(1)
				defer close(returned)
				<-release
				return nil
			}},
		},
	})
	defer func() {
		close(release)
		<-returned // the stuck check's goroutine ends with the test
	}()
	wantErrors := []string{"timed out", "timed out: an earlier run has not returned yet"}
	for i, wantErr := range wantErrors {
		rec := httptest.NewRecorder()
		api.Handler().ServeHTTP(rec, localRequest(http.MethodGet, "/readyz", nil))
		if rec.Code != http.StatusServiceUnavailable {
			t.Errorf("probe %d: status %d, want 503", i+1, rec.Code)
		}
		var got httpapi.Readiness
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
			t.Fatalf("decode %s: %v", rec.Body, err)
		}
		want := httpapi.Readiness{Checks: []httpapi.CheckResult{{Name: "index", OK: true}, {Name: "state", Error: wantErr}}}
		if g, w := jsonString(t, got), jsonString(t, want); g != w {
			t.Errorf("probe %d: body %s, want %s", i+1, g, w)
		}
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("the stuck check ran %d times, want 1 (no second goroutine while it hangs)", n)
	}
}

func jsonString(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMetricsAndMountedRoutes(t *testing.T) {
	metrics := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "talksbot_questions_total 1\n")
	})
	withMetrics := httpapi.New(httpapi.Options{Core: coreFunc(nil), Metrics: metrics})
	withMetrics.Handle("POST /slack/events", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "slack")
	}))
	without := httpapi.New(httpapi.Options{Core: coreFunc(nil)})
	tests := []struct {
		name       string
		api        *httpapi.Server
		method     string
		path       string
		wantStatus int
		wantBody   string
	}{
		{"metrics", withMetrics, http.MethodGet, "/metrics", 200, "talksbot_questions_total 1\n"},
		{"metrics POST", withMetrics, http.MethodPost, "/metrics", 405, `{"error":"use GET"}` + "\n"},
		{"no metrics", without, http.MethodGet, "/metrics", 404, `{"error":"metrics are not enabled"}` + "\n"},
		{"mounted", withMetrics, http.MethodPost, "/slack/events", 200, "slack"},
		{"mounted, wrong method", withMetrics, http.MethodGet, "/slack/events", 405, `{"error":"use POST"}` + "\n"},
		{"unknown path", withMetrics, http.MethodGet, "/nope", 404, `{"error":"no route for /nope"}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			tt.api.Handler().ServeHTTP(rec, localRequest(tt.method, tt.path, nil))
			if rec.Code != tt.wantStatus || rec.Body.String() != tt.wantBody {
				t.Errorf("%s %s = %d %q, want %d %q", tt.method, tt.path, rec.Code, rec.Body, tt.wantStatus, tt.wantBody)
			}
			if rec.Code == http.StatusMethodNotAllowed && rec.Header().Get("Allow") == "" {
				t.Errorf("%s %s: 405 without an Allow header", tt.method, tt.path)
			}
		})
	}
}

func TestMountedRoutesHaveABodyLimit(t *testing.T) {
	api := httpapi.New(httpapi.Options{Core: coreFunc(nil)})
	api.Handle("POST /slack/events", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := io.Copy(io.Discard, r.Body)
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		fmt.Fprint(w, n)
	}))
	api.Handle("GET /slack/oauth", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	api.Handle("PUT /slack/oauth", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	tests := []struct {
		name       string
		method     string
		path       string
		body       string
		wantStatus int
		wantAllow  string
	}{
		{"small", http.MethodPost, "/slack/events", "payload", 200, ""},
		{"over 1 MiB", http.MethodPost, "/slack/events", strings.Repeat("x", 1<<20+1), 413, ""},
		{"several methods", http.MethodPost, "/slack/oauth", "", 405, "GET, HEAD, PUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			// io.MultiReader hides the length, as a chunked body would.
			req := localRequest(tt.method, tt.path, io.MultiReader(strings.NewReader(tt.body)))
			api.Handler().ServeHTTP(rec, req)
			if rec.Code != tt.wantStatus {
				t.Errorf("status %d, want %d; body %s", rec.Code, tt.wantStatus, rec.Body)
			}
			if got := rec.Header().Get("Allow"); got != tt.wantAllow {
				t.Errorf("Allow = %q, want %q", got, tt.wantAllow)
			}
		})
	}
}

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a logger.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestPanicsAreRecovered(t *testing.T) {
	var logs syncBuffer
	api := httpapi.New(httpapi.Options{
		Logger: slog.New(slog.NewJSONHandler(&logs, nil)),
		Core: coreFunc(func(context.Context, bot.Request) bot.Reply {
			panic("index exploded")
		}),
	})
	api.Handle("/slack/events", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic("slack exploded")
	}))
	ts := httptest.NewServer(api.Handler())
	defer ts.Close()

	for _, path := range []string{"/v1/ask", "/slack/events"} {
		status, hdr, body := post(t, ts.Client(), ts.URL+path, `{"question":"q"}`)
		if status != http.StatusInternalServerError || string(body) != `{"error":"internal error"}`+"\n" {
			t.Errorf("POST %s = %d %s, want 500 {\"error\":\"internal error\"}", path, status, body)
		}
		if ct := hdr.Get("Content-Type"); ct != "application/json" {
			t.Errorf("POST %s: Content-Type = %q, want application/json", path, ct)
		}
	}
	// The server goes on serving.
	if status, _, _ := post(t, ts.Client(), ts.URL+"/healthz", ""); status != http.StatusMethodNotAllowed {
		t.Errorf("after panics: POST /healthz = %d, want 405", status)
	}
	out := logs.String()
	for _, want := range []string{"index exploded", "slack exploded", "panic while serving a request", "server_test.go"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q (the panic and its stack); log:\n%s", want, out)
		}
	}
}

func TestServeShutsDownGracefully(t *testing.T) {
	entered := make(chan struct{})
	release := make(chan struct{})
	api := httpapi.New(httpapi.Options{
		ShutdownTimeout: time.Minute,
		Core: coreFunc(func(context.Context, bot.Request) bot.Reply {
			close(entered)
			<-release
			return bot.Reply{Kind: bot.KindAnswer, Text: "finished", Mode: bot.ModeExtractive}
		}),
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- api.ServeListener(ctx, ln) }()

	type result struct {
		status int
		body   []byte
		err    error
	}
	answered := make(chan result, 1)
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	go func() {
		resp, err := client.Post("http://"+ln.Addr().String()+"/v1/ask", "application/json", strings.NewReader(`{"question":"q"}`))
		if err != nil {
			answered <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		answered <- result{resp.StatusCode, b, err}
	}()

	<-entered
	cancel() // SIGTERM, in effect, while a question is being answered
	close(release)

	r := <-answered
	if r.err != nil || r.status != http.StatusOK || !bytes.Contains(r.body, []byte("finished")) {
		t.Errorf("in-flight request: %d %s %v, want 200 with its answer", r.status, r.body, r.err)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve returned %v, want nil after a graceful shutdown", err)
	}
	if conn, err := net.Dial("tcp", ln.Addr().String()); err == nil {
		conn.Close()
		t.Error("the listener still accepts connections after shutdown")
	}
}

func TestServeWaitsForHandlersAfterFailedShutdown(t *testing.T) {
	entered := make(chan struct{})
	release := make(chan struct{})
	var finished atomic.Bool
	waiting := &signalHandler{msg: "shutdown grace period over", seen: make(chan struct{})}
	api := httpapi.New(httpapi.Options{
		Logger:          slog.New(waiting),
		ShutdownTimeout: time.Millisecond, // the grace period runs out
		Core: coreFunc(func(context.Context, bot.Request) bot.Reply {
			close(entered)
			<-release // a handler slow to notice, such as one in a store write
			finished.Store(true)
			return bot.Reply{Kind: bot.KindError, Problem: bot.ProblemBusy, Text: "gone"}
		}),
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- api.ServeListener(ctx, ln) }()

	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	asked := make(chan struct{})
	go func() {
		defer close(asked)
		resp, err := client.Post("http://"+ln.Addr().String()+"/v1/ask", "application/json", strings.NewReader(`{"question":"q"}`))
		if err == nil {
			resp.Body.Close()
		}
	}()
	<-entered
	cancel()
	select {
	case <-waiting.seen: // Serve waits for the handler
	case err := <-served:
		close(release)
		t.Fatalf("Serve returned %v while a handler was still running", err)
	}
	close(release)
	err = <-served
	if err == nil || !strings.Contains(err.Error(), "shutdown") {
		t.Errorf("Serve returned %v, want a shutdown error (the grace period ran out)", err)
	}
	if !finished.Load() {
		t.Error("Serve returned before the handler finished")
	}
	<-asked
}

// signalHandler is a slog.Handler that closes seen at the first record
// whose message contains msg.
type signalHandler struct {
	msg  string
	seen chan struct{}
	once sync.Once
}

func (h *signalHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h *signalHandler) WithAttrs([]slog.Attr) slog.Handler       { return h }
func (h *signalHandler) WithGroup(string) slog.Handler            { return h }
func (h *signalHandler) Handle(_ context.Context, r slog.Record) error {
	if strings.Contains(r.Message, h.msg) {
		h.once.Do(func() { close(h.seen) })
	}
	return nil
}

func TestServeBadAddress(t *testing.T) {
	api := httpapi.New(httpapi.Options{Core: coreFunc(nil)})
	err := api.Serve(t.Context(), "127.0.0.1:not-a-port")
	if err == nil || !strings.Contains(err.Error(), "127.0.0.1:not-a-port") {
		t.Errorf("Serve on a bad address: got %v, want an error naming the address", err)
	}
}
