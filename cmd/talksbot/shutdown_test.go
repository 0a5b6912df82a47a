package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/bot"
)

// TestServeShutdownDeliversExtractiveAnswers asks /v1/ask while the LLM
// drafts for ever, then stops serve: before TALKSBOT_SHUTDOWN_GRACE runs
// out, the draft is cancelled and the client gets the extractive answer,
// not a closed connection.
func TestServeShutdownDeliversExtractiveAnswers(t *testing.T) {
	drafting := make(chan struct{}, 1)
	stop := make(chan struct{})
	llm := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case drafting <- struct{}{}:
		default:
		}
		// A draft that would take longer than the grace.
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	}))
	defer llm.Close()
	defer close(stop)
	s := startServe(t, map[string]string{
		"OPENAI_BASE_URL":         llm.URL + "/v1",
		"TALKSBOT_LLM_TIMEOUT":    "5m",
		"TALKSBOT_SHUTDOWN_GRACE": "2s",
	})

	type answer struct {
		status int
		ask    bot.Ask
		err    error
	}
	answers := make(chan answer, 1)
	go func() {
		resp, err := http.Post(s.url+"/v1/ask", "application/json", strings.NewReader(`{"question":"What has Congress pushed for?"}`))
		if err != nil {
			answers <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		var a bot.Ask
		err = json.Unmarshal(raw, &a)
		answers <- answer{status: resp.StatusCode, ask: a, err: err}
	}()
	waitFor(t, "the draft to start", drafting, func(struct{}) bool { return true })
	stopped := make(chan int, 1)
	go func() { stopped <- s.stop(t) }()

	a := <-answers
	if a.err != nil || a.status != http.StatusOK {
		t.Fatalf("got status %d, error %v; want the answer during shutdown\nlogs:\n%s", a.status, a.err, s.logs)
	}
	if a.ask.Mode != bot.ModeExtractive || !a.ask.Answered || !strings.Contains(a.ask.Answer, "hard-hitting sanctions") {
		t.Errorf("got %+v, want the extractive answer", a.ask)
	}
	if code := <-stopped; code != 0 {
		t.Errorf("got exit %d, want 0", code)
	}
	if !strings.Contains(s.logs.String(), "drafts still running are answered extractively") {
		t.Errorf("logs do not say the drafts were stopped:\n%s", s.logs)
	}
}
