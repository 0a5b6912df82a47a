package openai_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/openai"
)

// testKey is the API key the tests configure; it must never show up in a
// request body or an error.
const testKey = "sk-test-7f3a9c1e5b2d4f60-never-in-a-prompt"

// chatRequest is the part of a chat completion request the fake reads.
type chatRequest struct {
	Model    string `json:"model"`
	Stream   bool   `json:"stream"`
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
	// The token limits, nil when the request leaves them out.
	MaxTokens           *int `json:"max_tokens"`
	MaxCompletionTokens *int `json:"max_completion_tokens"`
}

// user returns the request's user message.
func (c chatRequest) user() string { return c.message("user") }

// system returns the request's system message.
func (c chatRequest) system() string { return c.message("system") }

func (c chatRequest) message(role string) string {
	for _, m := range c.Messages {
		if m.Role == role {
			return m.Content
		}
	}
	return ""
}

// lastRequest returns the last chat request, decoded.
func (f *fakeAPI) lastRequest() chatRequest {
	f.t.Helper()
	var req chatRequest
	if err := json.Unmarshal([]byte(f.lastBody()), &req); err != nil {
		f.t.Fatalf("decode chat request: %v", err)
	}
	return req
}

// fenced is one fence of a prompt's user message: quoted material.
type fenced struct {
	label string // what the opening line says the quote is
	text  string
}

// parseFences reads a prompt's user message the way the system prompt
// tells the model to: the fence code from the first line, then every fence
// from an opening line with that code to the closing line with it. outside
// is the message without its fences: what the model may take as
// instructions.
func parseFences(user string) (code string, fences []fenced, outside string, err error) {
	first, rest, _ := strings.Cut(user, "\n")
	code, ok := strings.CutPrefix(first, "Fence code: ")
	if !ok || code == "" {
		return "", nil, "", fmt.Errorf("first line %q does not give the fence code", first)
	}
	open, end := "<<<QUOTE "+code+" ", "<<<END "+code+">>>"
	var (
		out    strings.Builder
		cur    *fenced
		inside []string
	)
	for _, line := range strings.Split(rest, "\n") {
		switch {
		case cur == nil && strings.HasPrefix(line, open) && strings.HasSuffix(line, ">>>"):
			cur = &fenced{label: strings.TrimSuffix(strings.TrimPrefix(line, open), ">>>")}
			inside = nil
		case cur == nil:
			out.WriteString(line + "\n")
		case line == end:
			cur.text = strings.Join(inside, "\n")
			fences = append(fences, *cur)
			cur = nil
		default:
			inside = append(inside, line)
		}
	}
	if cur != nil {
		return "", nil, "", fmt.Errorf("fence %q is never closed", cur.label)
	}
	return code, fences, out.String(), nil
}

// mustParseFences is parseFences failing the test on error.
func mustParseFences(t testing.TB, user string) (code string, fences []fenced, outside string) {
	t.Helper()
	code, fences, outside, err := parseFences(user)
	if err != nil {
		t.Fatalf("parse the prompt's fences: %v\n%s", err, user)
	}
	return code, fences, outside
}

// chatHandler answers the n-th chat completion request (n counts from 1).
type chatHandler func(w http.ResponseWriter, r *http.Request, req chatRequest, n int)

// embedHandler answers the n-th embeddings request.
type embedHandler func(w http.ResponseWriter, r *http.Request, input []string, n int)

// fakeAPI is an OpenAI-compatible server on 127.0.0.1 speaking the chat
// completions (JSON and server-sent events) and embeddings protocols.
type fakeAPI struct {
	t   testing.TB
	srv *httptest.Server

	chat  chatHandler
	embed embedHandler

	chatCalls   atomic.Int64
	embedCalls  atomic.Int64
	inFlight    atomic.Int64
	maxInFlight atomic.Int64

	mu       sync.Mutex
	bodies   []string // raw chat request bodies
	headers  []http.Header
	paths    []string // request URIs
	embedded [][]string
}

// newFake starts a fake API; it closes when the test ends.
func newFake(t testing.TB, chat chatHandler, embed embedHandler) *fakeAPI {
	t.Helper()
	f := &fakeAPI{t: t, chat: chat, embed: embed}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// URL is the API root to configure as the base URL.
func (f *fakeAPI) URL() string { return f.srv.URL + "/v1" }

func (f *fakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	n := f.inFlight.Add(1)
	defer f.inFlight.Add(-1)
	for {
		m := f.maxInFlight.Load()
		if n <= m || f.maxInFlight.CompareAndSwap(m, n) {
			break
		}
	}

	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "read body", http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.headers = append(f.headers, r.Header.Clone())
	f.paths = append(f.paths, r.URL.RequestURI())
	f.mu.Unlock()

	switch {
	case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/chat/completions"):
		var req chatRequest
		if err := json.Unmarshal(body, &req); err != nil {
			writeError(w, http.StatusBadRequest, "invalid JSON body", nil)
			return
		}
		f.mu.Lock()
		f.bodies = append(f.bodies, string(body))
		f.mu.Unlock()
		n := int(f.chatCalls.Add(1))
		if f.chat == nil {
			writeError(w, http.StatusNotFound, "no chat here", nil)
			return
		}
		f.chat(w, r, req, n)
	case r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/embeddings"):
		var req struct {
			Input []string `json:"input"`
			Model string   `json:"model"`
		}
		if err := json.Unmarshal(body, &req); err != nil {
			writeError(w, http.StatusBadRequest, "invalid JSON body", nil)
			return
		}
		f.mu.Lock()
		f.embedded = append(f.embedded, req.Input)
		f.mu.Unlock()
		n := int(f.embedCalls.Add(1))
		if f.embed == nil {
			writeError(w, http.StatusNotFound, "no embeddings here", nil)
			return
		}
		f.embed(w, r, req.Input, n)
	default:
		writeError(w, http.StatusNotFound, "unknown route "+r.URL.Path, nil)
	}
}

// lastBody returns the last chat request body.
func (f *fakeAPI) lastBody() string {
	f.t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.bodies) == 0 {
		f.t.Fatal("got no chat request, want one")
	}
	return f.bodies[len(f.bodies)-1]
}

// lastHeader returns the headers of the last request.
func (f *fakeAPI) lastHeader() http.Header {
	f.t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.headers) == 0 {
		f.t.Fatal("got no request, want one")
	}
	return f.headers[len(f.headers)-1]
}

// completion writes a non-streamed chat completion.
func completion(w http.ResponseWriter, model, content, finish string) {
	w.Header().Set("Content-Type", "application/json")
	resp := map[string]any{
		"id":      "chatcmpl-fake",
		"object":  "chat.completion",
		"created": 1700000000,
		"choices": []map[string]any{{
			"index":         0,
			"message":       map[string]any{"role": "assistant", "content": content},
			"finish_reason": finish,
		}},
		"usage": map[string]int{"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
	}
	if model != "" {
		resp["model"] = model
	}
	json.NewEncoder(w).Encode(resp)
}

// streamChunk is one server-sent event of a streamed completion.
func streamChunk(model, content, finish string) string {
	choice := map[string]any{"index": 0, "delta": map[string]any{"content": content}}
	if finish != "" {
		choice["finish_reason"] = finish
	} else {
		choice["finish_reason"] = nil
	}
	b, _ := json.Marshal(map[string]any{
		"id":      "chatcmpl-fake",
		"object":  "chat.completion.chunk",
		"created": 1700000000,
		"model":   model,
		"choices": []any{choice},
	})
	return "data: " + string(b) + "\n\n"
}

// startStream writes the headers of a server-sent event stream.
func startStream(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	w.(http.Flusher).Flush()
}

// sendEvent writes one raw event and flushes it.
func sendEvent(w http.ResponseWriter, event string) {
	io.WriteString(w, event)
	w.(http.Flusher).Flush()
}

// stream writes a whole streamed completion: one chunk per piece, a final
// chunk with finish reason "stop", and [DONE].
func stream(w http.ResponseWriter, model string, pieces ...string) {
	startStream(w)
	// A role-only first chunk, as real servers send.
	sendEvent(w, `data: {"id":"chatcmpl-fake","object":"chat.completion.chunk","model":"`+model+`","choices":[{"index":0,"delta":{"role":"assistant"},"finish_reason":null}]}`+"\n\n")
	for _, p := range pieces {
		sendEvent(w, streamChunk(model, p, ""))
	}
	sendEvent(w, streamChunk(model, "", "stop"))
	sendEvent(w, "data: [DONE]\n\n")
}

// writeError writes an OpenAI-style error response.
func writeError(w http.ResponseWriter, status int, msg string, header map[string]string) {
	for k, v := range header {
		w.Header().Set(k, v)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"error":{"message":%q,"type":"server_error","param":null,"code":null}}`, msg)
}

// hang blocks until the client goes away, then reports it on gone. A client
// that never gives up gets a good completion after a while, so that a
// missing timeout fails the test instead of hanging it.
func hang(w http.ResponseWriter, r *http.Request, gone chan<- struct{}) {
	select {
	case <-r.Context().Done():
		select {
		case gone <- struct{}{}:
		default:
		}
	case <-time.After(5 * time.Second):
		if r.Header.Get("Accept") == "text/event-stream" {
			sendEvent(w, streamChunk("m", " [1].", "stop"))
			sendEvent(w, "data: [DONE]\n\n")
			return
		}
		completion(w, "m", "Sanctions [1].", "stop")
	}
}

// newClient returns an HTTP client with its own transport, whose idle
// connections close when the test ends.
func newClient(t testing.TB) *http.Client {
	t.Helper()
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

// newDrafter returns a Drafter talking to f with the test key, adjusted by
// edit.
func newDrafter(t testing.TB, f *fakeAPI, edit func(*openai.Options)) *openai.Drafter {
	t.Helper()
	opts := openai.Options{
		APIKey:     testKey,
		BaseURL:    f.URL(),
		Model:      "talks-test-model",
		Timeout:    5 * time.Second,
		HTTPClient: newClient(t),
	}
	if edit != nil {
		edit(&opts)
	}
	d, err := openai.New(opts)
	if err != nil {
		t.Fatalf("New: got error %v, want none", err)
	}
	return d
}

// waitFor waits until ch receives, failing the test if that takes
// unreasonably long (a deadlock guard, not a timing assertion).
func waitFor(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(20 * time.Second):
		t.Fatalf("gave up waiting for %s", what)
	}
}

// fakeClock is a clock tests move by hand, for the circuit breaker's
// cooldown: no test waits for real time to pass.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func newFakeClock() *fakeClock { return &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)} }

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}
