package openai_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/openai"
	"github.com/talksbot/talksbot/bot"
)

var testPassages = []bot.Citation{
	{
		ID: "vienna-talks#4", Doc: "vienna-talks", Title: "Vienna talks: the big picture",
		Section: "Handling the Spoilers",
		Text:    "The most recent diplomatic efforts have already faced similar challenges. Congress has pushed for more hard-hitting sanctions.",
	},
	{
		ID: "vienna-talks#6", Doc: "vienna-talks", Title: "Vienna talks: the big picture",
		Section: "Keeping Support At The Top",
		Text:    "By backing the interim nuclear deal in Geneva, they provided an unprecedented foundation from which a final deal can grow.",
	},
}

func askRequest() bot.DraftRequest {
	return bot.DraftRequest{Question: "What did Congress push for?", Passages: testPassages}
}

func TestDraftReturnsCompletion(t *testing.T) {
	const draft = `Congress has pushed for "more hard-hitting sanctions" [1].`
	tests := []struct {
		name        string
		serverModel string
		content     string
		wantText    string
		wantModel   string
	}{
		{"server names its model", "talks-test-model-2025", draft, draft, "talks-test-model-2025"},
		{"server names no model", "", draft, draft, "talks-test-model"},
		{"surrounding space trimmed", "m", "\n  " + draft + "\n", draft, "m"},
		{"reasoning block dropped", "m", "<think>The user asks about Congress.</think>\n" + draft, draft, "m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				completion(w, tt.serverModel, tt.content, "stop")
			}, nil)
			d := newDrafter(t, f, nil)
			got, err := d.Draft(context.Background(), askRequest())
			if err != nil {
				t.Fatalf("Draft: got error %v, want none", err)
			}
			if got.Text != tt.wantText {
				t.Errorf("got text %q, want %q", got.Text, tt.wantText)
			}
			if got.Model != tt.wantModel {
				t.Errorf("got model %q, want %q", got.Model, tt.wantModel)
			}
			var req chatRequest
			if err := json.Unmarshal([]byte(f.lastBody()), &req); err != nil {
				t.Fatal(err)
			}
			if req.Model != "talks-test-model" {
				t.Errorf("got request model %q, want %q", req.Model, "talks-test-model")
			}
			if req.Stream {
				t.Errorf("got a streamed request without Partial, want a plain one")
			}
		})
	}
}

func TestDraftSendsMaxTokens(t *testing.T) {
	tests := []struct {
		name           string
		model          string
		maxTokens      int
		stream         bool
		wantMax        int // max_tokens; 0: absent
		wantCompletion int // max_completion_tokens; 0: absent
	}{
		{"default", "talks-test-model", 0, false, openai.DefaultMaxTokens, 0},
		{"default, streamed", "talks-test-model", 0, true, openai.DefaultMaxTokens, 0},
		{"configured", "talks-test-model", 123, false, 123, 0},
		{"configured, streamed", "talks-test-model", 123, true, 123, 0},
		{"local model", "llama3.1:8b", 64, false, 64, 0},
		// go-openai refuses max_tokens for the reasoning models it knows.
		{"reasoning model", "o3-mini", 0, false, 0, openai.DefaultMaxTokens},
		{"reasoning model, streamed", "gpt-5-mini", 2000, true, 0, 2000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				if req.Stream {
					stream(w, "m", "Sanctions", " [1].")
					return
				}
				completion(w, "m", "Sanctions [1].", "stop")
			}, nil)
			d := newDrafter(t, f, func(o *openai.Options) {
				o.Model = tt.model
				o.MaxTokens = tt.maxTokens
			})
			req := askRequest()
			if tt.stream {
				req.Partial = func(string) {}
			}
			if _, err := d.Draft(context.Background(), req); err != nil {
				t.Fatalf("Draft: got error %v, want none", err)
			}
			got := f.lastRequest()
			if got.Stream != tt.stream {
				t.Errorf("got stream %v, want %v", got.Stream, tt.stream)
			}
			if v := deref(got.MaxTokens); v != tt.wantMax {
				t.Errorf("got max_tokens %d, want %d (0: absent)", v, tt.wantMax)
			}
			if v := deref(got.MaxCompletionTokens); v != tt.wantCompletion {
				t.Errorf("got max_completion_tokens %d, want %d (0: absent)", v, tt.wantCompletion)
			}
		})
	}
}

// deref returns *p, or 0 for nil.
func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

func TestDraftRejectsBadRequests(t *testing.T) {
	tests := []struct {
		name string
		req  bot.DraftRequest
	}{
		{"no passages", bot.DraftRequest{Question: "What did Congress push for?"}},
		{"no question or theme", bot.DraftRequest{Question: "  ", Passages: testPassages}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				completion(w, "m", "An answer [1].", "stop")
			}, nil)
			d := newDrafter(t, f, nil)
			if _, err := d.Draft(context.Background(), tt.req); err == nil {
				t.Fatal("got no error, want one")
			}
			if got := f.chatCalls.Load(); got != 0 {
				t.Errorf("got %d API calls, want 0", got)
			}
		})
	}
}

func TestDraftStreams(t *testing.T) {
	pieces := []string{"Congress", " has pushed", " for \"more hard-hitting", " sanctions\"", " [1]."}
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
		if !req.Stream {
			writeError(w, http.StatusBadRequest, "want a streamed request", nil)
			return
		}
		stream(w, "talks-stream-model", pieces...)
	}, nil)
	d := newDrafter(t, f, nil)

	var partials []string
	req := askRequest()
	req.Partial = func(text string) { partials = append(partials, text) }
	got, err := d.Draft(context.Background(), req)
	if err != nil {
		t.Fatalf("Draft: got error %v, want none", err)
	}
	want := strings.Join(pieces, "")
	if got.Text != want {
		t.Errorf("got text %q, want %q", got.Text, want)
	}
	if got.Model != "talks-stream-model" {
		t.Errorf("got model %q, want %q", got.Model, "talks-stream-model")
	}
	if len(partials) < 2 {
		t.Fatalf("got %d partial updates, want one per piece (%d)", len(partials), len(pieces))
	}
	for i := 1; i < len(partials); i++ {
		if !strings.HasPrefix(partials[i], partials[i-1]) || len(partials[i]) <= len(partials[i-1]) {
			t.Errorf("partial %d %q does not grow from %q", i, partials[i], partials[i-1])
		}
	}
	if last := partials[len(partials)-1]; last != want {
		t.Errorf("got last partial %q, want %q", last, want)
	}
}

func TestDraftStreamHidesReasoning(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
		stream(w, "m", "<think>Let me", " look.</think>", "Sanctions", " [1].")
	}, nil)
	d := newDrafter(t, f, nil)
	var partials []string
	req := askRequest()
	req.Partial = func(text string) { partials = append(partials, text) }
	got, err := d.Draft(context.Background(), req)
	if err != nil {
		t.Fatalf("Draft: got error %v, want none", err)
	}
	if got.Text != "Sanctions [1]." {
		t.Errorf("got text %q, want %q", got.Text, "Sanctions [1].")
	}
	want := []string{"Sanctions", "Sanctions [1]."}
	if !slices.Equal(partials, want) {
		t.Errorf("got partials %q, want %q", partials, want)
	}
}

func TestDraftFailures(t *testing.T) {
	tests := []struct {
		name      string
		stream    bool
		timeout   time.Duration
		handler   chatHandler
		wantCalls int64
		wantMsg   string // in the error
	}{
		{
			name: "500 twice", wantCalls: 2, wantMsg: "status 500",
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				writeError(w, http.StatusInternalServerError, "the model crashed", nil)
			},
		},
		{
			name: "429 twice", wantCalls: 2, wantMsg: "status 429",
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				writeError(w, http.StatusTooManyRequests, "slow down", nil)
			},
		},
		{
			name: "429 asking for a long wait is not retried", wantCalls: 1, wantMsg: "status 429",
			timeout: time.Minute,
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				writeError(w, http.StatusTooManyRequests, "slow down", map[string]string{"Retry-After": "3"})
			},
		},
		{
			name: "429 asking for a long wait in milliseconds is not retried", wantCalls: 1, wantMsg: "status 429",
			timeout: time.Minute,
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				writeError(w, http.StatusTooManyRequests, "slow down", map[string]string{"Retry-After-Ms": "3000"})
			},
		},
		{
			name: "400 is not retried", wantCalls: 1, wantMsg: "status 400",
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				writeError(w, http.StatusBadRequest, "context too long", nil)
			},
		},
		{
			name: "401 echoing the key", wantCalls: 1, wantMsg: "status 401",
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				writeError(w, http.StatusUnauthorized, "bad key "+strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), nil)
			},
		},
		{
			name: "502 with an HTML page", wantCalls: 2, wantMsg: "status 502",
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(http.StatusBadGateway)
				w.Write([]byte("<html><body>Bad gateway</body></html>"))
			},
		},
		{
			name: "malformed JSON", wantCalls: 1,
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(`{"id":"x","choices":[{"message":{"content":"Sanc`))
			},
		},
		{
			name: "no choices", wantCalls: 1, wantMsg: "no choices",
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(`{"id":"x","model":"m","choices":[]}`))
			},
		},
		{
			name: "empty completion", wantCalls: 1, wantMsg: "empty completion",
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				completion(w, "m", "  \n", "stop")
			},
		},
		{
			name: "only a reasoning block", wantCalls: 1, wantMsg: "empty completion",
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				completion(w, "m", "<think>Hmm.</think>", "stop")
			},
		},
		{
			name: "refusal", wantCalls: 1, wantMsg: "refused",
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(`{"id":"x","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"","refusal":"I cannot help with that."},"finish_reason":"stop"}]}`))
			},
		},
		{
			name: "response too large", wantCalls: 1, wantMsg: "larger than",
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				completion(w, "m", strings.Repeat("Sanctions [1]. ", 600_000), "stop")
			},
		},
		{
			name: "truncated at the token limit", wantCalls: 1, wantMsg: "truncated",
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				completion(w, "m", "Congress has pushed for", "length")
			},
		},
		{
			name: "stream: error event mid-stream", stream: true, wantCalls: 1, wantMsg: "overloaded",
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				startStream(w)
				sendEvent(w, streamChunk("m", "Congress has", ""))
				sendEvent(w, `data: {"error":{"message":"model overloaded","type":"server_error"}}`+"\n\n")
			},
		},
		{
			name: "stream: refusal", stream: true, wantCalls: 1, wantMsg: "refused",
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				startStream(w)
				sendEvent(w, `data: {"id":"x","model":"m","choices":[{"index":0,"delta":{"refusal":"I cannot help with that."},"finish_reason":null}]}`+"\n\n")
				sendEvent(w, streamChunk("m", "", "stop"))
				sendEvent(w, "data: [DONE]\n\n")
			},
		},
		{
			name: "stream: malformed chunk", stream: true, wantCalls: 1,
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				startStream(w)
				sendEvent(w, streamChunk("m", "Congress has", ""))
				sendEvent(w, "data: {\"choices\":[{\"delta\":{\"content\":\"pu\n\n")
				sendEvent(w, "data: [DONE]\n\n")
			},
		},
		{
			name: "stream: connection cut mid-stream", stream: true, wantCalls: 1,
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				startStream(w)
				sendEvent(w, streamChunk("m", "Congress has", ""))
				panic(http.ErrAbortHandler)
			},
		},
		{
			name: "stream: 503 twice", stream: true, wantCalls: 2, wantMsg: "status 503",
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				writeError(w, http.StatusServiceUnavailable, "loading model", map[string]string{"Retry-After": "0"})
			},
		},
		{
			name: "stream: nothing but [DONE]", stream: true, wantCalls: 1, wantMsg: "empty completion",
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				startStream(w)
				sendEvent(w, "data: [DONE]\n\n")
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, tt.handler, nil)
			d := newDrafter(t, f, func(o *openai.Options) {
				if tt.timeout > 0 {
					o.Timeout = tt.timeout
				}
			})
			req := askRequest()
			if tt.stream {
				req.Partial = func(string) {}
			}
			got, err := d.Draft(context.Background(), req)
			if err == nil {
				t.Fatalf("got draft %q and no error, want an error", got.Text)
			}
			if got != (bot.Draft{}) {
				t.Errorf("got draft %+v with the error, want none", got)
			}
			if !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("got error %q, want it to mention %q", err, tt.wantMsg)
			}
			if strings.Contains(err.Error(), testKey) {
				t.Errorf("got error %q holding the API key", err)
			}
			if got := f.chatCalls.Load(); got != tt.wantCalls {
				t.Errorf("got %d calls, want %d", got, tt.wantCalls)
			}
		})
	}
}

func TestDraftTimesOut(t *testing.T) {
	for _, streamed := range []bool{false, true} {
		name := map[bool]string{false: "plain", true: "streamed"}[streamed]
		t.Run(name, func(t *testing.T) {
			gone := make(chan struct{}, 1)
			f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				if req.Stream {
					startStream(w)
					sendEvent(w, streamChunk("m", "Congress has", ""))
				}
				hang(w, r, gone)
			}, nil)
			d := newDrafter(t, f, func(o *openai.Options) { o.Timeout = 200 * time.Millisecond })
			req := askRequest()
			if streamed {
				req.Partial = func(string) {}
			}
			_, err := d.Draft(context.Background(), req)
			if err == nil {
				t.Fatal("got no error, want a timeout")
			}
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("got error %v, want it to wrap context.DeadlineExceeded", err)
			}
			if !strings.Contains(err.Error(), "timed out") {
				t.Errorf("got error %q, want it to say it timed out", err)
			}
			// The request must have been abandoned, not left running.
			waitFor(t, gone, "the hanging request to be canceled")
		})
	}
}

func TestDraftHonoursCallerCancel(t *testing.T) {
	gone := make(chan struct{}, 1)
	arrived := make(chan struct{}, 1)
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
		arrived <- struct{}{}
		hang(w, r, gone)
	}, nil)
	d := newDrafter(t, f, nil)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() {
		_, err := d.Draft(ctx, askRequest())
		errc <- err
	}()
	waitFor(t, arrived, "the request")
	cancel()
	err := <-errc
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got error %v, want it to wrap context.Canceled", err)
	}
	waitFor(t, gone, "the request to be canceled")
}

func TestDraftRetries(t *testing.T) {
	tests := []struct {
		name   string
		stream bool
		first  func(w http.ResponseWriter)
	}{
		{"429 without Retry-After", false, func(w http.ResponseWriter) {
			writeError(w, http.StatusTooManyRequests, "slow down", nil)
		}},
		{"429 with Retry-After 0", false, func(w http.ResponseWriter) {
			writeError(w, http.StatusTooManyRequests, "slow down", map[string]string{"Retry-After": "0"})
		}},
		{"429 with Retry-After-Ms", false, func(w http.ResponseWriter) {
			writeError(w, http.StatusTooManyRequests, "slow down", map[string]string{"Retry-After-Ms": "20"})
		}},
		{"500", false, func(w http.ResponseWriter) {
			writeError(w, http.StatusInternalServerError, "oops", nil)
		}},
		{"streamed 429", true, func(w http.ResponseWriter) {
			writeError(w, http.StatusTooManyRequests, "slow down", map[string]string{"Retry-After": "0"})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				switch {
				case n == 1:
					tt.first(w)
				case req.Stream:
					stream(w, "m", "Sanctions", " [1].")
				default:
					completion(w, "m", "Sanctions [1].", "stop")
				}
			}, nil)
			d := newDrafter(t, f, nil)
			req := askRequest()
			if tt.stream {
				req.Partial = func(string) {}
			}
			got, err := d.Draft(context.Background(), req)
			if err != nil {
				t.Fatalf("Draft: got error %v, want none after a retry", err)
			}
			if got.Text != "Sanctions [1]." {
				t.Errorf("got text %q, want %q", got.Text, "Sanctions [1].")
			}
			if got := f.chatCalls.Load(); got != 2 {
				t.Errorf("got %d calls, want 2", got)
			}
		})
	}
}

func TestCircuitBreaker(t *testing.T) {
	t.Run("opens after repeated failures and fails fast", func(t *testing.T) {
		f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
			writeError(w, http.StatusBadRequest, "nope", nil)
		}, nil)
		d := newDrafter(t, f, func(o *openai.Options) {
			o.BreakerThreshold = 3
			o.BreakerCooldown = time.Hour
		})
		for i := range 3 {
			if _, err := d.Draft(context.Background(), askRequest()); errors.Is(err, openai.ErrCircuitOpen) || err == nil {
				t.Fatalf("call %d: got error %v, want an API error", i+1, err)
			}
		}
		for i := range 5 {
			_, err := d.Draft(context.Background(), askRequest())
			if !errors.Is(err, openai.ErrCircuitOpen) {
				t.Fatalf("call %d while open: got error %v, want ErrCircuitOpen", i+1, err)
			}
		}
		if got := f.chatCalls.Load(); got != 3 {
			t.Errorf("got %d calls to the server, want 3 (none while open)", got)
		}
	})

	t.Run("half-open probe closes it on success", func(t *testing.T) {
		clock := newFakeClock()
		ok := make(chan struct{}) // closed: the server is healthy again
		f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
			select {
			case <-ok:
				completion(w, "m", "Sanctions [1].", "stop")
			default:
				writeError(w, http.StatusBadRequest, "nope", nil)
			}
		}, nil)
		d := newDrafter(t, f, func(o *openai.Options) {
			o.BreakerThreshold = 2
			o.BreakerCooldown = time.Minute
			o.Now = clock.now
		})
		for range 2 {
			d.Draft(context.Background(), askRequest())
		}
		if _, err := d.Draft(context.Background(), askRequest()); !errors.Is(err, openai.ErrCircuitOpen) {
			t.Fatalf("got error %v, want ErrCircuitOpen", err)
		}
		close(ok)
		clock.advance(2 * time.Minute) // past the cooldown
		for i := range 3 {
			if _, err := d.Draft(context.Background(), askRequest()); err != nil {
				t.Fatalf("call %d after the cooldown: got error %v, want none", i+1, err)
			}
		}
		if got := f.chatCalls.Load(); got != 5 {
			t.Errorf("got %d calls, want 5", got)
		}
	})

	t.Run("half-open probe failure reopens it", func(t *testing.T) {
		clock := newFakeClock()
		ok := make(chan struct{}) // closed: the server is healthy again
		f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
			select {
			case <-ok:
				completion(w, "m", "Sanctions [1].", "stop")
			default:
				writeError(w, http.StatusBadRequest, "nope", nil)
			}
		}, nil)
		d := newDrafter(t, f, func(o *openai.Options) {
			o.BreakerThreshold = 2
			o.BreakerCooldown = time.Minute
			o.Now = clock.now
		})
		for range 2 {
			d.Draft(context.Background(), askRequest())
		}
		clock.advance(2 * time.Minute) // past the cooldown
		if _, err := d.Draft(context.Background(), askRequest()); err == nil || errors.Is(err, openai.ErrCircuitOpen) {
			t.Fatalf("probe: got error %v, want the API's error", err)
		}
		if _, err := d.Draft(context.Background(), askRequest()); !errors.Is(err, openai.ErrCircuitOpen) {
			t.Fatalf("after a failed probe: got error %v, want ErrCircuitOpen", err)
		}
		if got := f.chatCalls.Load(); got != 3 {
			t.Errorf("got %d calls, want 3", got)
		}
		close(ok)
		clock.advance(2 * time.Minute) // past the second cooldown
		if _, err := d.Draft(context.Background(), askRequest()); err != nil {
			t.Errorf("second probe: got error %v, want none", err)
		}
	})

	t.Run("half-open lets one probe through at a time", func(t *testing.T) {
		clock := newFakeClock()
		var healthy atomic.Bool
		arrived := make(chan struct{}, 1)
		release := make(chan struct{})
		f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
			if !healthy.Load() {
				writeError(w, http.StatusBadRequest, "nope", nil)
				return
			}
			arrived <- struct{}{}
			<-release
			completion(w, "m", "Sanctions [1].", "stop")
		}, nil)
		d := newDrafter(t, f, func(o *openai.Options) {
			o.BreakerThreshold = 1
			o.BreakerCooldown = time.Minute
			o.Now = clock.now
		})
		d.Draft(context.Background(), askRequest())
		healthy.Store(true)
		clock.advance(2 * time.Minute) // past the cooldown

		probe := make(chan error, 1)
		go func() {
			_, err := d.Draft(context.Background(), askRequest())
			probe <- err
		}()
		waitFor(t, arrived, "the probe")
		_, err := d.Draft(context.Background(), askRequest())
		close(release)
		if !errors.Is(err, openai.ErrCircuitOpen) {
			t.Errorf("call during the probe: got error %v, want ErrCircuitOpen", err)
		}
		if err := <-probe; err != nil {
			t.Errorf("probe: got error %v, want none", err)
		}
		if got := f.chatCalls.Load(); got != 2 {
			t.Errorf("got %d calls, want 2", got)
		}
	})

	t.Run("a slow API past the caller's deadline counts", func(t *testing.T) {
		f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
			hang(w, r, nil)
		}, nil)
		d := newDrafter(t, f, func(o *openai.Options) { o.BreakerThreshold = 1 })
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		if _, err := d.Draft(ctx, askRequest()); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("got error %v, want context.DeadlineExceeded", err)
		}
		if _, err := d.Draft(context.Background(), askRequest()); !errors.Is(err, openai.ErrCircuitOpen) {
			t.Errorf("got error %v, want ErrCircuitOpen", err)
		}
	})

	t.Run("caller cancellations do not count", func(t *testing.T) {
		arrived := make(chan struct{}, 1)
		f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
			if n == 1 {
				arrived <- struct{}{}
				hang(w, r, nil)
				return
			}
			completion(w, "m", "Sanctions [1].", "stop")
		}, nil)
		d := newDrafter(t, f, func(o *openai.Options) { o.BreakerThreshold = 1 })

		// Canceled before the call and while it is in flight.
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := d.Draft(ctx, askRequest()); !errors.Is(err, context.Canceled) {
			t.Fatalf("canceled call: got error %v, want context.Canceled", err)
		}
		ctx, cancel = context.WithCancel(context.Background())
		errc := make(chan error, 1)
		go func() {
			_, err := d.Draft(ctx, askRequest())
			errc <- err
		}()
		waitFor(t, arrived, "the call")
		cancel()
		if err := <-errc; !errors.Is(err, context.Canceled) {
			t.Fatalf("call canceled in flight: got error %v, want context.Canceled", err)
		}

		if _, err := d.Draft(context.Background(), askRequest()); err != nil {
			t.Errorf("got error %v, want none: cancellations must not open the circuit", err)
		}
	})
}

func TestConcurrencyBound(t *testing.T) {
	const limit, calls = 2, 6
	release := make(chan struct{})
	full := make(chan struct{}, calls)
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
		full <- struct{}{}
		<-release
		completion(w, "m", "Sanctions [1].", "stop")
	}, nil)
	d := newDrafter(t, f, func(o *openai.Options) { o.MaxConcurrent = limit })

	var wg sync.WaitGroup
	errs := make(chan error, calls)
	for range calls {
		wg.Go(func() {
			_, err := d.Draft(context.Background(), askRequest())
			errs <- err
		})
	}
	for range limit {
		waitFor(t, full, "the first calls to arrive")
	}
	// Give any call that slipped past the bound time to show up.
	time.Sleep(100 * time.Millisecond)
	if got := f.inFlight.Load(); got != limit {
		t.Errorf("got %d calls in flight, want %d", got, limit)
	}
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("got error %v, want none", err)
		}
	}
	if got := f.maxInFlight.Load(); got != limit {
		t.Errorf("got at most %d calls in flight, want %d", got, limit)
	}
	if got := f.chatCalls.Load(); got != calls {
		t.Errorf("got %d calls, want %d", got, calls)
	}
}

func TestWaitingForASlotHonoursContext(t *testing.T) {
	release := make(chan struct{})
	arrived := make(chan struct{}, 1)
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
		arrived <- struct{}{}
		select {
		case <-release:
		case <-r.Context().Done():
		}
		completion(w, "m", "Sanctions [1].", "stop")
	}, nil)
	d := newDrafter(t, f, func(o *openai.Options) { o.MaxConcurrent = 1 })

	first := make(chan error, 1)
	go func() {
		_, err := d.Draft(context.Background(), askRequest())
		first <- err
	}()
	waitFor(t, arrived, "the first call")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := d.Draft(ctx, askRequest()); !errors.Is(err, context.Canceled) {
		t.Errorf("queued call: got error %v, want context.Canceled", err)
	}
	close(release)
	if err := <-first; err != nil {
		t.Errorf("first call: got error %v, want none", err)
	}
	if got := f.chatCalls.Load(); got != 1 {
		t.Errorf("got %d calls, want 1", got)
	}
}

func TestAzure(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
		completion(w, "gpt-4o", "Sanctions [1].", "stop")
	}, nil)
	d, err := openai.New(openai.Options{
		APIKey:     testKey,
		BaseURL:    f.srv.URL,
		Azure:      true,
		APIVersion: "2024-06-01",
		Model:      "talks-deployment",
		HTTPClient: newClient(t),
	})
	if err != nil {
		t.Fatalf("New: got error %v, want none", err)
	}
	if _, err := d.Draft(context.Background(), askRequest()); err != nil {
		t.Fatalf("Draft: got error %v, want none", err)
	}
	f.mu.Lock()
	path := f.paths[0]
	f.mu.Unlock()
	if want := "/openai/deployments/talks-deployment/chat/completions?api-version=2024-06-01"; path != want {
		t.Errorf("got request URI %q, want %q", path, want)
	}
	h := f.lastHeader()
	if got := h.Get("api-key"); got != testKey {
		t.Errorf("got api-key header %q, want the key", got)
	}
	if got := h.Get("Authorization"); got != "" {
		t.Errorf("got Authorization %q, want none with Azure", got)
	}
}

func TestNewValidatesOptions(t *testing.T) {
	tests := []struct {
		name string
		opts openai.Options
		want string
	}{
		{"negative timeout", openai.Options{Timeout: -time.Second}, "timeout"},
		{"negative concurrency", openai.Options{MaxConcurrent: -1}, "max concurrent"},
		{"negative max tokens", openai.Options{MaxTokens: -1}, "max tokens -1: must not be negative"},
		{"base url without scheme", openai.Options{BaseURL: "localhost:11434/v1"}, "base url"},
		{"base url with another scheme", openai.Options{BaseURL: "ftp://127.0.0.1/v1"}, "http:// or https://"},
		{"base url with credentials", openai.Options{BaseURL: "http://user:" + testKey + "@127.0.0.1/v1"}, "credentials"},
		{"Azure without an endpoint", openai.Options{Azure: true, APIKey: testKey}, "required with Azure"},
		{"key over two lines", openai.Options{APIKey: testKey + "\nX-Evil: 1"}, "single line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := openai.New(tt.opts)
			if err == nil {
				t.Fatal("got no error, want one")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %q, want it to mention %q", err, tt.want)
			}
			if strings.Contains(err.Error(), testKey) {
				t.Errorf("got error %q holding the API key", err)
			}
		})
	}
}

func TestNewDefaults(t *testing.T) {
	d, err := openai.New(openai.Options{BaseURL: "http://127.0.0.1:11434/v1"})
	if err != nil {
		t.Fatalf("New: got error %v, want none", err)
	}
	if got := d.Model(); got != openai.DefaultModel {
		t.Errorf("got model %q, want %q", got, openai.DefaultModel)
	}
}
