package slack_test

import (
	"context"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/bot"
)

// The rate-limit tests run in parallel: slack-go waits at least a second
// before each retry, whatever Retry-After says.

func TestRateLimitedCallsAreRetried(t *testing.T) {
	t.Parallel()
	h := start(t, slack.ModeSocket, &fakeCore{}, nil)
	h.fake.RateLimitNext("chat.postMessage", 0)
	h.fake.RateLimitNext("chat.postMessage", 0)
	h.fake.SendEvent(t, "Ev2000", 0, directMessage("1700003000.000100", "busy Slack?"))
	posts := h.fake.WaitCalls(t, "chat.postMessage", 3)
	for i, p := range posts {
		if texts := joined([]slacktest.Call{p}); !strings.Contains(texts, "You asked: busy Slack?") {
			t.Errorf("got post %d %q, want the same answer each attempt", i, texts)
		}
	}
	if strings.Contains(joined(h.fake.Calls("chat.postMessage")), "Sorry") {
		t.Error("got an apology, want the answer posted after the retries")
	}
}

func TestRateLimitGivesUpAfterBoundedAttempts(t *testing.T) {
	t.Parallel()
	h := start(t, slack.ModeSocket, &fakeCore{}, func(o *slack.Options) { o.Workers = 1 })
	for range 4 {
		h.fake.RateLimitNext("chat.postMessage", 0)
	}
	h.fake.SendEvent(t, "Ev2010", 0, directMessage("1700003010.000100", "storm"))
	// Four refused attempts, then the apology goes through.
	posts := h.fake.WaitCalls(t, "chat.postMessage", 5)
	if texts := joined(posts[4:]); !strings.Contains(texts, "Sorry, I couldn't post my answer") {
		t.Errorf("got %q after the attempts ran out, want the apology", texts)
	}
	if !strings.Contains(h.logs.String(), "error_code=ratelimited") {
		t.Errorf("got logs %q, want the rate limit logged", h.logs.String())
	}
}

func TestRateLimitTooLongIsNotWaitedOut(t *testing.T) {
	h := start(t, slack.ModeSocket, &fakeCore{}, nil)
	h.fake.RateLimitNext("chat.postMessage", 3600)
	h.fake.SendEvent(t, "Ev2020", 0, directMessage("1700003020.000100", "an hour?"))
	posts := h.fake.WaitCalls(t, "chat.postMessage", 2)
	if texts := joined(posts[1:]); !strings.Contains(texts, "Sorry, I couldn't post my answer") {
		t.Errorf("got %q, want the apology at once rather than an hour's wait", texts)
	}
	if !strings.Contains(h.logs.String(), "too long to wait out") {
		t.Errorf("got logs %q, want the refused wait logged", h.logs.String())
	}
}

func TestRateLimitedResponseURLIsRetried(t *testing.T) {
	t.Parallel()
	h := start(t, slack.ModeSocket, &fakeCore{}, nil)
	h.fake.RateLimitNext("response_url", 0)
	h.fake.SendSlashCommand(t, map[string]string{"command": "/talks", "text": "ask hi", "user_id": alice,
		"channel_id": channel, "response_url": h.fake.ResponseURL("limited")})
	posts := h.fake.WaitResponses(t, "limited", 2)
	if texts := joined(posts); !strings.Contains(texts, "You asked: ask hi") {
		t.Errorf("got %q, want the answer posted on the retry", texts)
	}
	if eph := h.fake.Calls("chat.postEphemeral"); len(eph) != 0 {
		t.Errorf("got %q, want no apology", joined(eph))
	}
}

func TestAPIErrorsApologise(t *testing.T) {
	ephemeral := func(context.Context, bot.Request) bot.Reply {
		return bot.Reply{ID: "h1", Kind: bot.KindHelp, Text: "Commands: ask", Ephemeral: true}
	}
	tests := []struct {
		name       string
		reply      func(context.Context, bot.Request) bot.Reply
		fail       string // the method that fails once
		send       func(t *testing.T, h *harness)
		method     string // where the apology goes
		n          int    // the apology is the n-th call of method
		wantThread string
	}{
		{
			name: "mention", fail: "chat.postMessage", method: "chat.postMessage", n: 2, wantThread: "1700003100.000100",
			send: func(t *testing.T, h *harness) {
				h.fake.SendEvent(t, "Ev2100", 0, mention("1700003100.000100", "", "<@UBOT0001> hi"))
			},
		},
		{
			name: "ephemeral reply", reply: ephemeral, fail: "chat.postEphemeral", method: "chat.postEphemeral", n: 2,
			wantThread: "1700003200.000100",
			send: func(t *testing.T, h *harness) {
				h.fake.SendEvent(t, "Ev2200", 0, mention("1700003200.000100", "", "<@UBOT0001> help"))
			},
		},
		{
			name: "slash command", fail: "response_url", method: "chat.postEphemeral", n: 1,
			send: func(t *testing.T, h *harness) {
				h.fake.SendSlashCommand(t, map[string]string{"command": "/talks", "text": "ask hi", "user_id": alice,
					"channel_id": channel, "response_url": h.fake.ResponseURL("broken")})
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t, slack.ModeSocket, &fakeCore{reply: tt.reply}, nil)
			h.fake.FailNext(tt.fail, "invalid_blocks")
			tt.send(t, h)
			sorry := h.fake.WaitCalls(t, tt.method, tt.n)[tt.n-1]
			if texts := joined([]slacktest.Call{sorry}); !strings.Contains(texts, "Sorry, I couldn't post my answer") {
				t.Errorf("got %q, want the apology", texts)
			}
			if got := sorry.Get("thread_ts"); got != tt.wantThread {
				t.Errorf("got apology in thread %q, want %q", got, tt.wantThread)
			}
			logs := h.logs.String()
			if !strings.Contains(logs, "method="+tt.fail) || !strings.Contains(logs, "error_code=invalid_blocks") {
				t.Errorf("got logs %q, want the method and error code", logs)
			}
			if strings.Contains(logs, botToken) || strings.Contains(logs, "/respond/") {
				t.Errorf("got logs %q, want no token or response_url", logs)
			}
		})
	}
}
