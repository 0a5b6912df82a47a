package slack_test

import (
	"bytes"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	slackapi "github.com/slack-go/slack"
	"go.yaml.in/yaml/v3"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
)

// readManifest parses deploy/slack-manifest.yaml as slack-go's Manifest,
// refusing any key that type does not know: a misspelt setting fails.
func readManifest(t *testing.T) slackapi.Manifest {
	t.Helper()
	data, err := os.ReadFile("../../deploy/slack-manifest.yaml")
	if err != nil {
		t.Fatalf("read manifest: %v", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var m slackapi.Manifest
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("parse manifest: %v", err)
	}
	return m
}

// TestManifestDeclaresEverySurface asserts each declaration the adapter
// relies on.
func TestManifestDeclaresEverySurface(t *testing.T) {
	m := readManifest(t)
	f := m.Features
	if !f.AppHome.HomeTabEnabled || !f.AppHome.MessagesTabEnabled || f.AppHome.MessagesTabReadOnlyEnabled {
		t.Errorf("got app_home %+v, want the Home tab on and users able to message the bot", f.AppHome)
	}
	if av := f.AssistantView; av == nil || av.AssistantDescription == "" || len(av.SuggestedPrompts) == 0 || len(av.SuggestedPrompts) > 4 {
		t.Errorf("got assistant_view %+v, want a description and one to four suggested prompts", av)
	} else {
		for _, p := range av.SuggestedPrompts {
			if p.Title == "" || p.Message == "" {
				t.Errorf("got suggested prompt %+v, want a title and a message", p)
			}
		}
	}
	wantShortcut := slackapi.Shortcut{Name: "Ask talksbot about this", CallbackID: slack.ShortcutAsk, Type: slackapi.MessageShortcut}
	if len(f.Shortcuts) != 1 || f.Shortcuts[0].Name != wantShortcut.Name || f.Shortcuts[0].CallbackID != wantShortcut.CallbackID ||
		f.Shortcuts[0].Type != wantShortcut.Type || f.Shortcuts[0].Description == "" || len(f.Shortcuts[0].Name) > 24 {
		t.Errorf("got shortcuts %+v, want %+v with a description", f.Shortcuts, wantShortcut)
	}
	if len(f.SlashCommands) != 1 || f.SlashCommands[0].Command != "/talks" {
		t.Errorf("got slash commands %+v, want /talks", f.SlashCommands)
	}
	wantEvents := []string{"app_home_opened", "app_mention", "assistant_thread_context_changed", "assistant_thread_started",
		"message.channels", "message.groups", "message.im"}
	if got := slices.Sorted(slices.Values(m.Settings.EventSubscriptions.BotEvents)); !slices.Equal(got, wantEvents) {
		t.Errorf("got bot events %v, want %v", got, wantEvents)
	}
	wantScopes := []string{"app_mentions:read", "assistant:write", "channels:history", "chat:write", "commands",
		"groups:history", "im:history", "reactions:write"}
	if got := slices.Sorted(slices.Values(m.OAuthConfig.Scopes.Bot)); !slices.Equal(got, wantScopes) {
		t.Errorf("got scopes %v, want %v", got, wantScopes)
	}
	if !m.Settings.Interactivity.IsEnabled || !m.Settings.SocketModeEnabled {
		t.Errorf("got interactivity %v and socket mode %v, want both on", m.Settings.Interactivity.IsEnabled, m.Settings.SocketModeEnabled)
	}
}

// The scopes Slack asks of what the adapter does: of each event it
// subscribes to, each Web API method it calls, slash commands and
// shortcuts. A method or event the adapter uses that is missing here fails
// the test, so the table cannot fall behind.
var (
	eventScopes = map[string]string{
		"app_mention": "app_mentions:read", "message.im": "im:history", "message.channels": "channels:history",
		"message.groups": "groups:history", "assistant_thread_started": "assistant:write",
		"assistant_thread_context_changed": "assistant:write", "app_home_opened": "",
	}
	methodScopes = map[string]string{
		"auth.test": "", "apps.connections.open": "", "views.publish": "", "response_url": "",
		"chat.postMessage": "chat:write", "chat.update": "chat:write", "chat.postEphemeral": "chat:write",
		"chat.startStream": "chat:write", "chat.appendStream": "chat:write", "chat.stopStream": "chat:write",
		"assistant.threads.setSuggestedPrompts": "assistant:write", "assistant.threads.setStatus": "assistant:write",
		"assistant.threads.setTitle": "assistant:write", "reactions.add": "reactions:write", "reactions.remove": "reactions:write",
	}
)

// TestManifestMatchesAdapter cross-checks the manifest against what the
// adapter handles: every event it subscribes to, its shortcut, its command
// and its assistant prompts are delivered to a running adapter, which must
// act on each; and the scopes it asks for are exactly those the events,
// commands and Web API calls of that run need.
func TestManifestMatchesAdapter(t *testing.T) {
	m := readManifest(t)
	const group = "G0PRIV001"
	h := start(t, slack.ModeSocket, realCore(t), func(o *slack.Options) { o.WorkingAfter = -1 })
	send := func(id string, ev map[string]any) { h.fake.WaitAck(t, h.fake.SendEvent(t, id, 0, ev)) }
	answeredIn := func(ch, thread string) func() bool {
		return func() bool {
			h.fake.WaitMatch(t, "chat.postMessage", func(c slacktest.Call) bool {
				return c.Get("channel") == ch && c.Get("thread_ts") == thread
			})
			return true
		}
	}
	// followUp is a reply without a mention in a thread the bot answered in.
	followUp := func(ch, channelType, thread string) map[string]any {
		return map[string]any{"type": "message", "channel_type": channelType, "user": alice, "text": "and the Iranian side?",
			"ts": thread[:len(thread)-1] + "9", "thread_ts": thread, "channel": ch, "event_ts": thread}
	}
	handled := map[string]func() bool{
		"app_mention": func() bool {
			send("EvM1", mention("1700006000.000100", "", "<@UBOT0001> What has Congress pushed for?"))
			return answeredIn(channel, "1700006000.000100")()
		},
		"message.im": func() bool {
			send("EvM2", directMessage("1700006000.000200", "What has Congress pushed for?"))
			return answeredIn(dm, "")()
		},
		"message.channels": func() bool {
			// After the mention's answer and the direct message's.
			send("EvM3", followUp(channel, "channel", "1700006000.000100"))
			third := h.fake.WaitCalls(t, "chat.postMessage", 3)[2]
			return third.Get("channel") == channel && third.Get("thread_ts") == "1700006000.000100"
		},
		"message.groups": func() bool {
			ev := mention("1700006000.000300", "", "<@UBOT0001> What has Congress pushed for?")
			ev["channel"] = group
			send("EvM4", ev)
			answeredIn(group, "1700006000.000300")()
			before := len(h.fake.Calls("chat.postMessage"))
			send("EvM5", followUp(group, "group", "1700006000.000300"))
			next := h.fake.WaitCalls(t, "chat.postMessage", before+1)[before]
			return next.Get("channel") == group && next.Get("thread_ts") == "1700006000.000300"
		},
		"assistant_thread_started": func() bool {
			send("EvM6", slacktest.AssistantThreadStarted(alice, dm, assistantThread))
			h.fake.WaitThread(t, dm, assistantThread, "suggested prompts", func(th slacktest.AssistantThread) bool { return len(th.Prompts) > 0 })
			return true
		},
		"assistant_thread_context_changed": func() bool {
			send("EvM7", slacktest.AssistantThreadContextChanged(alice, dm, assistantThread, channel))
			return !strings.Contains(h.logs.String(), "level=WARN")
		},
		"app_home_opened": func() bool {
			send("EvM8", slacktest.AppHomeOpened(alice, "home"))
			return len(h.fake.WaitHomeViews(t, alice, 1)) == 1
		},
	}
	declared := m.Settings.EventSubscriptions.BotEvents
	for _, ev := range declared {
		check, ok := handled[ev]
		if !ok {
			t.Errorf("the manifest subscribes to %s, which the adapter does not handle", ev)
			continue
		}
		if !check() {
			t.Errorf("the adapter did not act on %s", ev)
		}
	}
	for _, ev := range slices.Sorted(maps.Keys(handled)) {
		if !slices.Contains(declared, ev) {
			t.Errorf("the adapter handles %s, which the manifest does not subscribe to", ev)
		}
	}

	// The shortcut and the command the manifest declares.
	for i, sc := range m.Features.Shortcuts {
		msg := slacktest.ShortcutMessage{User: bob, TS: "1700006100.000100", Text: "What has Congress pushed for?"}
		h.sendInteraction(t, slack.ModeSocket, slacktest.MessageShortcut(sc.CallbackID, "6100.1", alice, channel, msg, ""))
		eph := h.fake.WaitCalls(t, "chat.postEphemeral", i+1)[i]
		if texts := joined([]slacktest.Call{eph}); !strings.Contains(texts, answerQuote) {
			t.Errorf("shortcut %s: got %q, want the answer", sc.CallbackID, texts)
		}
	}
	for _, sc := range m.Features.SlashCommands {
		h.fake.SendSlashCommand(t, map[string]string{"command": sc.Command, "text": "themes", "user_id": alice,
			"channel_id": channel, "trigger_id": "6200.1", "response_url": h.fake.ResponseURL("cmd")})
		if texts := joined(h.fake.WaitResponses(t, "cmd", 1)); !strings.Contains(texts, "Handling the Spoilers") {
			t.Errorf("command %s: got %q, want the themes", sc.Command, texts)
		}
	}
	// The assistant view's own prompts, sent as Slack sends a pick.
	for i, p := range m.Features.AssistantView.SuggestedPrompts {
		ts := "1700006300.00010" + string(rune('0'+i))
		ev := directMessage(ts, p.Message)
		ev["thread_ts"] = "1700006300.000000"
		send("EvM9"+string(rune('0'+i)), ev)
		answer := h.fake.WaitMatch(t, "chat.postMessage", func(c slacktest.Call) bool {
			return c.Get("thread_ts") == "1700006300.000000" && strings.Contains(joined([]slacktest.Call{c}), "> ")
		})
		if texts := joined([]slacktest.Call{answer}); !strings.Contains(texts, articleTitle(t)) {
			t.Errorf("prompt %q: got %q, want an answer quoting the article", p.Message, texts)
		}
	}

	// The scopes: exactly what the run needed.
	need := map[string]bool{"commands": true} // the command and the shortcut
	for _, ev := range declared {
		if s := eventScopes[ev]; s != "" {
			need[s] = true
		}
	}
	for _, c := range h.fake.Calls("") {
		s, ok := methodScopes[c.Method]
		if !ok {
			t.Errorf("the adapter calls %s, whose scope this test does not know", c.Method)
		}
		if s != "" {
			need[s] = true
		}
	}
	if got, want := slices.Sorted(slices.Values(m.OAuthConfig.Scopes.Bot)), slices.Sorted(maps.Keys(need)); !slices.Equal(got, want) {
		t.Errorf("got scopes %v, want those the adapter needs: %v", got, want)
	}
}
