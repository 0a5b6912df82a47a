package openai_test

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/openai"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

// passageNumber reads n from a fence label "passage [n]; document …".
var passageNumber = regexp.MustCompile(`^passage \[(\d+)\]`)

// citing returns the number of the prompt passage holding needle, or 0.
func citing(prompt, needle string) int {
	_, fences, _, err := parseFences(prompt)
	if err != nil {
		return 0
	}
	for _, f := range fences {
		m := passageNumber.FindStringSubmatch(f.label)
		if m != nil && strings.Contains(f.text, needle) {
			n, _ := strconv.Atoi(m[1])
			return n
		}
	}
	return 0
}

// newBot returns a bot over the default article drafting with d.
func newBot(t *testing.T, d bot.Drafter) *bot.Bot {
	t.Helper()
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		t.Fatalf("NewIndex: got error %v, want none", err)
	}
	return bot.New(ix, bot.Options{Drafter: d})
}

func TestBotUsesVerifiedDrafts(t *testing.T) {
	const (
		question = "What did Congress push for?"
		fact     = "Congress has pushed for more hard-hitting sanctions"
		model    = "talks-fake-llm-1"
	)
	// good cites the passage the prompt numbered for the fact, and quotes it.
	good := func(prompt string) string {
		n := citing(prompt, fact)
		if n == 0 {
			return "The passages do not say."
		}
		return `Congress has pushed for "more hard-hitting sanctions" [` + strconv.Itoa(n) + `].`
	}
	tests := []struct {
		name      string
		stream    bool
		timeout   time.Duration
		handler   func(w http.ResponseWriter, r *http.Request, req chatRequest)
		wantMode  string
		wantDraft bool // the reply's text is the draft
	}{
		{
			name: "good cited draft", wantMode: bot.ModeLLM, wantDraft: true,
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest) {
				completion(w, model, good(req.user()), "stop")
			},
		},
		{
			name: "good cited draft, streamed", stream: true, wantMode: bot.ModeLLM, wantDraft: true,
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest) {
				text := good(req.user())
				half := strings.Index(text, "\"")
				stream(w, model, text[:half], text[half:])
			},
		},
		{
			name: "invented citation [9]", wantMode: bot.ModeExtractive,
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest) {
				completion(w, model, "Congress pushed for tougher sanctions [9].", "stop")
			},
		},
		{
			name: "no citation", wantMode: bot.ModeExtractive,
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest) {
				completion(w, model, "Congress pushed for tougher sanctions.", "stop")
			},
		},
		{
			name: "invented quote", wantMode: bot.ModeExtractive,
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest) {
				n := max(citing(req.user(), fact), 1)
				completion(w, model, `Congress demanded "an immediate military strike on Iran" [`+strconv.Itoa(n)+`].`, "stop")
			},
		},
		{
			name: "server error", wantMode: bot.ModeExtractive,
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest) {
				writeError(w, http.StatusInternalServerError, "down", nil)
			},
		},
		{
			name: "rate limited twice", wantMode: bot.ModeExtractive,
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest) {
				writeError(w, http.StatusTooManyRequests, "slow down", map[string]string{"Retry-After": "0"})
			},
		},
		{
			name: "malformed JSON", wantMode: bot.ModeExtractive,
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest) {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(`{"choices":[{"message":`))
			},
		},
		{
			name: "error mid-stream", stream: true, wantMode: bot.ModeExtractive,
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest) {
				startStream(w)
				sendEvent(w, streamChunk(model, "Congress has pushed", ""))
				sendEvent(w, `data: {"error":{"message":"model overloaded","type":"server_error"}}`+"\n\n")
			},
		},
		{
			name: "hang past the timeout", timeout: 200 * time.Millisecond, wantMode: bot.ModeExtractive,
			handler: func(w http.ResponseWriter, r *http.Request, req chatRequest) {
				hang(w, r, nil)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var (
				mu     sync.Mutex
				prompt string
			)
			f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				mu.Lock()
				prompt = req.user()
				mu.Unlock()
				tt.handler(w, r, req)
			}, nil)
			d := newDrafter(t, f, func(o *openai.Options) {
				if tt.timeout > 0 {
					o.Timeout = tt.timeout
				}
			})
			b := newBot(t, d)

			var progress []string
			req := bot.Request{Platform: bot.Console, User: "u1", Text: question}
			if tt.stream {
				req.Progress = func(p string) { progress = append(progress, p) }
			}
			reply := b.Handle(context.Background(), req)

			if reply.Kind != bot.KindAnswer {
				t.Fatalf("got kind %q (%q), want %q", reply.Kind, reply.Text, bot.KindAnswer)
			}
			if reply.Mode != tt.wantMode {
				t.Errorf("got mode %q, want %q (text %q)", reply.Mode, tt.wantMode, reply.Text)
			}
			if f.chatCalls.Load() == 0 {
				t.Fatal("got no call to the LLM, want one")
			}
			mu.Lock()
			draft := good(prompt)
			mu.Unlock()
			if tt.wantDraft {
				if reply.Text != draft {
					t.Errorf("got text %q, want the draft %q", reply.Text, draft)
				}
				if reply.Model != model {
					t.Errorf("got model %q, want %q", reply.Model, model)
				}
			} else {
				if reply.Model != "" {
					t.Errorf("got model %q on an extractive reply, want none", reply.Model)
				}
				if len(reply.Quotes) == 0 || !strings.Contains(reply.Text, reply.Quotes[0].Text) {
					t.Errorf("got text %q, want the extractive answer quoting the article", reply.Text)
				}
			}
			if tt.stream && tt.wantDraft {
				if len(progress) == 0 || progress[len(progress)-1] != reply.Text {
					t.Errorf("got progress %q, want it to end with the reply text", progress)
				}
			}
		})
	}
}

func TestBotUsesVerifiedSummaryDrafts(t *testing.T) {
	tests := []struct {
		name     string
		draft    func(prompt string) string
		wantMode string
	}{
		{"cited summary", func(prompt string) string {
			n := citing(prompt, "Congress has pushed for more hard-hitting sanctions")
			if n == 0 {
				return "No passage on Congress."
			}
			// Every sentence is supported by what it cites: the check is
			// claim by claim.
			return "Spoilers on all sides are widely acknowledged [1]. Congress has pushed for \"more hard-hitting sanctions\" [" + strconv.Itoa(n) + "]."
		}, bot.ModeLLM},
		{"summary without citations", func(string) string {
			return "Spoilers on all sides threaten the talks."
		}, bot.ModeExtractive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, func(w http.ResponseWriter, r *http.Request, req chatRequest, n int) {
				completion(w, "m", tt.draft(req.user()), "stop")
			}, nil)
			b := newBot(t, newDrafter(t, f, nil))
			reply := b.Handle(context.Background(), bot.Request{
				Platform: bot.Console, User: "u1",
				Command: &bot.Command{Name: "summary", Arg: "spoilers"},
			})
			if reply.Kind != bot.KindSummary {
				t.Fatalf("got kind %q (%q), want %q", reply.Kind, reply.Text, bot.KindSummary)
			}
			if reply.Mode != tt.wantMode {
				t.Errorf("got mode %q, want %q (text %q)", reply.Mode, tt.wantMode, reply.Text)
			}
			if !strings.Contains(f.lastBody(), "summarize the theme") {
				t.Errorf("got prompt %s, want a summary request", f.lastBody())
			}
		})
	}
}
