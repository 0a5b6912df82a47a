package slack_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/bot"
)

// sendInteraction delivers an interaction payload over the harness's
// transport and waits until it is acknowledged.
func (h *harness) sendInteraction(t *testing.T, mode string, payload map[string]any) {
	t.Helper()
	if mode == slack.ModeSocket {
		h.fake.WaitAck(t, h.fake.SendInteraction(t, payload))
		return
	}
	if got, body := h.postSigned(t, "/slack/interactions", formType, form(map[string]string{"payload": mustJSON(t, payload)})); got != http.StatusOK {
		t.Fatalf("got status %d %q, want 200", got, body)
	}
}

func TestShortcutAnswersPrivatelyWithShare(t *testing.T) {
	for _, mode := range []string{slack.ModeSocket, slack.ModeHTTP} {
		for _, thread := range []string{"", "1700007000.000100"} {
			name := mode + " outside threads"
			if thread != "" {
				name = mode + " in a thread"
			}
			t.Run(name, func(t *testing.T) {
				h := start(t, mode, realCore(t), nil)
				msg := slacktest.ShortcutMessage{User: bob, TS: "1700007000.000200", ThreadTS: thread, Text: "What has Congress pushed for?"}
				h.sendInteraction(t, mode, slacktest.MessageShortcut(slack.ShortcutAsk, "7000.1."+mode, alice, channel, msg, h.fake.ResponseURL("sc")))

				eph := h.fake.WaitCalls(t, "chat.postEphemeral", 1)[0]
				if eph.Get("channel") != channel || eph.Get("user") != alice || eph.Get("thread_ts") != thread {
					t.Errorf("got the answer in %s/%q for %s, want %s/%q for %s", eph.Get("channel"), eph.Get("thread_ts"), eph.Get("user"),
						channel, thread, alice)
				}
				if texts := joined([]slacktest.Call{eph}); !strings.Contains(texts, "> "+answerQuote) || !strings.Contains(texts, articleTitle(t)) {
					t.Errorf("got %q, want the answer quoting %q", texts, answerQuote)
				}
				buttons := eph.Buttons()
				if got := buttonKinds(slacktest.Message{Blocks: eph.Blocks}); strings.Join(got, ",") != "talks_helpful,talks_not_helpful,talks_share" {
					t.Fatalf("got buttons %v, want Helpful, Not helpful and Share", got)
				}
				if len(h.fake.Calls("chat.postMessage")) != 0 {
					t.Error("got a visible post, want the answer for the asker alone")
				}

				// Share posts it for everyone, where the message is.
				h.sendInteraction(t, mode, slacktest.ButtonClick("7000.2."+mode, alice, channel, "", buttons[2], h.fake.ResponseURL("share")))
				var shared slacktest.Call
				if thread != "" {
					shared = h.fake.WaitCalls(t, "chat.postMessage", 1)[0]
					if shared.Get("channel") != channel || shared.Get("thread_ts") != thread {
						t.Errorf("got the share in %s/%q, want the thread %s/%s", shared.Get("channel"), shared.Get("thread_ts"), channel, thread)
					}
				} else {
					shared = h.fake.WaitResponses(t, "share", 1)[0]
					if shared.Get("response_type") != "in_channel" {
						t.Errorf("got response_type %q, want in_channel", shared.Get("response_type"))
					}
				}
				if texts := joined([]slacktest.Call{shared}); !strings.Contains(texts, "<@"+alice+"> shared this answer") || !strings.Contains(texts, answerQuote) {
					t.Errorf("got %q, want the answer shared by %s", texts, alice)
				}
				del := h.fake.WaitMatch(t, "response_url", func(c slacktest.Call) bool { return c.Get("delete_original") == "true" })
				if del.Name != "share" {
					t.Errorf("got the deletion through %q, want the private copy's response_url", del.Name)
				}
			})
		}
	}
}

func TestShortcutTakesTheTextAsAQuestion(t *testing.T) {
	core := &fakeCore{}
	h := start(t, slack.ModeSocket, core, nil)
	msg := slacktest.ShortcutMessage{User: bob, TS: "1700007100.000100", Text: "help <@UBOT0001> with the <https://example.org|sanctions> &amp; Congress"}
	h.sendInteraction(t, slack.ModeSocket, slacktest.MessageShortcut(slack.ShortcutAsk, "7100.1", alice, channel, msg, ""))
	h.fake.WaitCalls(t, "chat.postEphemeral", 1)
	reqs := core.Requests()
	want := bot.Command{Name: "ask", Arg: "help with the sanctions & Congress"}
	if len(reqs) != 1 || reqs[0].Command == nil || *reqs[0].Command != want || reqs[0].User != alice || reqs[0].Channel != channel {
		t.Errorf("got requests %+v, want %s asking %+v in %s", reqs, alice, want, channel)
	}
}

func TestShortcutRefusesWhatItCannotRead(t *testing.T) {
	tests := []struct {
		name     string
		callback string
		msg      slacktest.ShortcutMessage
		want     string
	}{
		{"files only", slack.ShortcutAsk, slacktest.ShortcutMessage{User: bob, TS: "1700007200.000100", Files: 2}, "has no text I can read"},
		{"attachments only", slack.ShortcutAsk, slacktest.ShortcutMessage{User: bob, TS: "1700007200.000200", Attachments: 1}, "has no text I can read"},
		{"a mention alone", slack.ShortcutAsk, slacktest.ShortcutMessage{User: bob, TS: "1700007200.000300", Text: " <@UBOT0001> "}, "has no text I can read"},
		{"another shortcut", "talks_unknown", slacktest.ShortcutMessage{User: bob, TS: "1700007200.000400", Text: "What has Congress pushed for?"}, "I don't know that shortcut"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			core := &fakeCore{}
			h := start(t, slack.ModeSocket, core, nil)
			h.sendInteraction(t, slack.ModeSocket, slacktest.MessageShortcut(tt.callback, "7200.1", alice, channel, tt.msg, ""))
			eph := h.fake.WaitCalls(t, "chat.postEphemeral", 1)[0]
			if texts := joined([]slacktest.Call{eph}); !strings.Contains(texts, tt.want) || eph.Get("user") != alice {
				t.Errorf("got %q for %s, want %q for %s", texts, eph.Get("user"), tt.want, alice)
			}
			if n := len(core.Requests()); n != 0 {
				t.Errorf("got %d requests, want the core not asked", n)
			}
		})
	}
}

func TestShortcutOutsideTheBotsChannels(t *testing.T) {
	h := start(t, slack.ModeSocket, &fakeCore{}, nil)
	// The bot is not in the channel: Slack refuses its ephemeral message,
	// and the shortcut's response_url takes the answer instead.
	h.fake.FailNext("chat.postEphemeral", "not_in_channel")
	msg := slacktest.ShortcutMessage{User: bob, TS: "1700007300.000100", Text: "What has Congress pushed for?"}
	h.sendInteraction(t, slack.ModeSocket, slacktest.MessageShortcut(slack.ShortcutAsk, "7300.1", alice, channel, msg, h.fake.ResponseURL("sc")))
	resp := h.fake.WaitResponses(t, "sc", 1)[0]
	if resp.Get("response_type") != "ephemeral" || !strings.Contains(joined([]slacktest.Call{resp}), "> "+answerQuote) {
		t.Errorf("got %s %q, want the answer, ephemeral", resp.Get("response_type"), joined([]slacktest.Call{resp}))
	}
}

func TestShortcutShareWhereTheBotIsNoMember(t *testing.T) {
	h := start(t, slack.ModeSocket, &fakeCore{}, nil)
	// Slack refuses the bot's ephemeral message and its post in the
	// thread: the shortcut's and the click's response_urls serve instead.
	h.fake.FailNext("chat.postEphemeral", "not_in_channel")
	h.fake.FailNext("chat.postMessage", "not_in_channel")
	const thread = "1700007400.000100"
	msg := slacktest.ShortcutMessage{User: bob, TS: "1700007400.000200", ThreadTS: thread, Text: "What has Congress pushed for?"}
	h.sendInteraction(t, slack.ModeSocket, slacktest.MessageShortcut(slack.ShortcutAsk, "7400.1", alice, channel, msg, h.fake.ResponseURL("sc")))
	answer := h.fake.WaitResponses(t, "sc", 1)[0]
	var share slacktest.Button
	for _, b := range answer.Buttons() {
		if strings.HasPrefix(b.ActionID, "talks_share:") {
			share = b
		}
	}
	if share.Value != thread {
		t.Fatalf("got Share %+v, want it sharing into the thread %s", share, thread)
	}
	h.sendInteraction(t, slack.ModeSocket, slacktest.ButtonClick("7400.2", alice, channel, "", share, h.fake.ResponseURL("share")))
	shared := h.fake.WaitResponses(t, "share", 1)[0]
	if shared.Get("response_type") != "in_channel" || !strings.Contains(joined([]slacktest.Call{shared}), "shared this answer") {
		t.Errorf("got %s %q, want the answer shared in the channel", shared.Get("response_type"), joined([]slacktest.Call{shared}))
	}
	h.fake.WaitMatch(t, "response_url", func(c slacktest.Call) bool { return c.Name == "share" && c.Get("delete_original") == "true" })
}
