package discord_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/adapters/discord"
	"github.com/talksbot/talksbot/adapters/discord/discordtest"
	"github.com/talksbot/talksbot/bot"
)

// Interaction contexts as Discord numbers them.
const (
	contextGuild   = 0
	contextBotDM   = 1
	contextPrivate = 2
)

// installedBy makes ev an interaction in context ctx that the given installs
// authorise: "guild" (the server added talksbot), "user" (the member added
// it to their account) or both.
func installedBy(ev map[string]any, ctx int, installs ...string) map[string]any {
	owners := map[string]string{}
	for _, in := range installs {
		switch in {
		case "guild":
			owners["0"] = guildID
		case "user":
			owners["1"] = userID
		}
	}
	ev["authorizing_integration_owners"] = owners
	ev["context"] = ctx
	if ctx != contextGuild {
		delete(ev, "guild_id")
		delete(ev, "member")
		ev["user"] = map[string]any{"id": userID, "username": "asker"}
	}
	return ev
}

// menuData is the data of "Ask talksbot" used on a message with content.
func menuData(target, content string) map[string]any {
	msg := map[string]any{
		"id": target, "channel_id": "c-any", "content": content, "type": 0,
		"author":    map[string]any{"id": "777", "username": "someone"},
		"timestamp": "2025-01-01T00:00:00Z",
	}
	if content == "" {
		msg["embeds"] = []any{map[string]any{"title": "a link preview"}}
		msg["attachments"] = []any{map[string]any{"id": "9", "filename": "chart.png", "url": "https://cdn.example/chart.png"}}
	}
	return map[string]any{
		"id": "3", "name": "Ask talksbot", "type": 3, "target_id": target,
		"resolved": map[string]any{"messages": map[string]any{target: msg}},
	}
}

// shown decodes what a user sees of a message the fake holds.
func shown(t *testing.T, m discordtest.Message) sent {
	t.Helper()
	var out sent
	out.Content = m.Content
	if len(m.Embeds) > 0 {
		if err := json.Unmarshal(m.Embeds, &out.Embeds); err != nil {
			t.Fatal(err)
		}
	}
	if len(m.Components) > 0 {
		if err := json.Unmarshal(m.Components, &out.Components); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// original waits for the interaction with tok to be answered (its original
// response edited) and returns that response as the fake holds it.
func (fx *fixture) original(t *testing.T, tok string) discordtest.Message {
	t.Helper()
	fx.waitCalls(t, 1, call("PATCH", "webhooks/"+appID+"/"+tok+"/messages/@original"))
	m, ok := fx.fake.Original(tok)
	if !ok {
		t.Fatalf("got no original response for %s", tok)
	}
	return m
}

// shareID returns the custom_id of the Share button among ids, "" for none.
func shareID(ids []string) string {
	for _, id := range ids {
		if strings.HasPrefix(id, "share:") {
			return id
		}
	}
	return ""
}

// TestUserInstall drives one adapter, its commands registered globally,
// through what members see who added talksbot to their own account, and
// through the "Ask talksbot" message command.
func TestUserInstall(t *testing.T) {
	core := newFakeCore()
	fx := start(t, discordtest.Options{}, discord.Options{NoTyping: true}, core)

	t.Run("registration declares both installs, every context and the message command", func(t *testing.T) {
		got := fx.fake.Commands("")
		type decl struct {
			Type               int
			Name               string
			Installs, Contexts string
		}
		var decls []decl
		for _, c := range got {
			decls = append(decls, decl{c.Type, c.Name, fmt.Sprint(c.IntegrationTypes), fmt.Sprint(c.Contexts)})
		}
		want := []decl{{1, "talks", "[0 1]", "[0 1 2]"}, {3, "Ask talksbot", "[0 1]", "[0 1 2]"}}
		if !slices.Equal(decls, want) {
			t.Errorf("got registered %+v, want %+v", decls, want)
		}
	})

	t.Run("the message command asks the message's text, deferred", func(t *testing.T) {
		ev := installedBy(interactionEvent("i-menu", "tok-menu", 2, "c-menu", menuData("m-t1", "<@"+botID+"> What did Congress push for?")), contextGuild, "guild")
		fx.dispatch(t, "INTERACTION_CREATE", ev)
		orig := shown(t, fx.original(t, "tok-menu"))
		cb := decodeCallback(t, fx.waitCalls(t, 1, call("POST", "interactions/i-menu/tok-menu/callback"))[0])
		if cb.Type != 5 || cb.Data != nil && cb.Data.Flags&64 != 0 {
			t.Errorf("got callback %+v, want a public deferral (type 5)", cb)
		}
		reqs := core.requestsIn("c-menu")
		if len(reqs) != 1 || reqs[0].Command == nil || *reqs[0].Command != (bot.Command{Name: "ask", Arg: "What did Congress push for?"}) {
			t.Fatalf("got requests %+v, want the message's text asked", reqs)
		}
		if len(orig.Embeds) != 1 || !strings.Contains(orig.Embeds[0].Description, "Echo: What did Congress push for?") {
			t.Errorf("got response %+v, want the answer", orig)
		}
		if shareID(orig.customIDs()) != "" {
			t.Errorf("got buttons %v, want no Share on a public answer", orig.customIDs())
		}
	})

	t.Run("a message without text gets a private note and asks nothing", func(t *testing.T) {
		ev := installedBy(interactionEvent("i-empty", "tok-empty", 2, "c-empty", menuData("m-t2", "")), contextGuild, "guild", "user")
		fx.dispatch(t, "INTERACTION_CREATE", ev)
		cb := decodeCallback(t, fx.waitCalls(t, 1, call("POST", "interactions/i-empty/tok-empty/callback"))[0])
		if cb.Type != 4 || cb.Data == nil || cb.Data.Flags&64 == 0 || !strings.Contains(cb.Data.Content, "no text") {
			t.Errorf("got callback %+v, want a private note that the message has no text", cb)
		}
		if reqs := core.requestsIn("c-empty"); len(reqs) != 0 {
			t.Errorf("got requests %+v, want none", reqs)
		}
	})

	var share string
	t.Run("where only the member installed it, the answer is private with Share", func(t *testing.T) {
		ev := installedBy(interactionEvent("i-priv", "tok-priv", 2, "c-priv", commandData("ask", stringOption("question", "Congress?"))), contextGuild, "user")
		fx.dispatch(t, "INTERACTION_CREATE", ev)
		m := fx.original(t, "tok-priv")
		if !m.Ephemeral {
			t.Errorf("got a public answer, want it private")
		}
		orig := shown(t, m)
		if len(orig.Embeds) != 1 || !strings.Contains(orig.Embeds[0].Description, "Echo: Congress?") {
			t.Errorf("got %+v, want the answer", orig)
		}
		ids := orig.customIDs()
		share = shareID(ids)
		if len(ids) != 3 || ids[0] != "fb:up:r-c-priv" || ids[1] != "fb:down:r-c-priv" || share == "" {
			t.Fatalf("got buttons %v, want feedback and Share", ids)
		}
	})

	t.Run("Share posts the answer publicly, naming who shared it", func(t *testing.T) {
		click := installedBy(interactionEvent("i-share", "tok-share", 3, "c-priv", map[string]any{"custom_id": share, "component_type": 2}), contextGuild, "user")
		fx.dispatch(t, "INTERACTION_CREATE", click)
		m := fx.original(t, "tok-share")
		cb := decodeCallback(t, fx.waitCalls(t, 1, call("POST", "interactions/i-share/tok-share/callback"))[0])
		if cb.Type != 5 || m.Ephemeral {
			t.Errorf("got callback %+v, ephemeral %v; want a public response to the click", cb, m.Ephemeral)
		}
		pub := shown(t, m)
		if pub.Content != "Shared by <@"+userID+">" {
			t.Errorf("got content %q, want who shared it", pub.Content)
		}
		if len(pub.Embeds) != 1 || !strings.Contains(pub.Embeds[0].Description, "Echo: Congress?") {
			t.Errorf("got %+v, want the answer", pub)
		}
		if ids := pub.customIDs(); !slices.Equal(ids, []string{"fb:up:r-c-priv", "fb:down:r-c-priv"}) {
			t.Errorf("got buttons %v, want feedback only", ids)
		}
		if got := len(core.requestsIn("c-priv")); got != 1 {
			t.Errorf("got %d requests, want the question asked once, not again to share it", got)
		}
	})

	t.Run("a second click on Share posts nothing more and says so privately", func(t *testing.T) {
		click := installedBy(interactionEvent("i-share-again", "tok-share-again", 3, "c-priv", map[string]any{"custom_id": share, "component_type": 2}), contextGuild, "user")
		fx.dispatch(t, "INTERACTION_CREATE", click)
		cb := decodeCallback(t, fx.waitCalls(t, 1, call("POST", "interactions/i-share-again/tok-share-again/callback"))[0])
		if cb.Type != 4 || cb.Data == nil || cb.Data.Flags&64 == 0 || !strings.Contains(cb.Data.Content, "already shared") {
			t.Errorf("got callback %+v, want a private note that it is shared already", cb)
		}
		key := strings.TrimPrefix(share, "share:")
		// Marked done once the first share was posted, which may come
		// after this click was answered.
		waitUntil(t, "the first share marked done", func() bool { return slices.Contains(core.done(), "discord:share:"+key) })
	})

	t.Run("a Share button whose answer is gone says so privately", func(t *testing.T) {
		click := installedBy(interactionEvent("i-gone", "tok-gone", 3, "c-priv", map[string]any{"custom_id": "share:unknown", "component_type": 2}), contextGuild, "user")
		fx.dispatch(t, "INTERACTION_CREATE", click)
		cb := decodeCallback(t, fx.waitCalls(t, 1, call("POST", "interactions/i-gone/tok-gone/callback"))[0])
		if cb.Type != 4 || cb.Data == nil || cb.Data.Flags&64 == 0 || !strings.Contains(cb.Data.Content, "no longer available") {
			t.Errorf("got callback %+v, want a private note", cb)
		}
	})

	t.Run("a Share button whose answer cannot be read says so privately", func(t *testing.T) {
		click := installedBy(interactionEvent("i-broken", "tok-broken", 3, "c-priv", map[string]any{"custom_id": "share:" + brokenShare, "component_type": 2}), contextGuild, "user")
		fx.dispatch(t, "INTERACTION_CREATE", click)
		cb := decodeCallback(t, fx.waitCalls(t, 1, call("POST", "interactions/i-broken/tok-broken/callback"))[0])
		if cb.Type != 4 || cb.Data == nil || cb.Data.Flags&64 == 0 || !strings.Contains(cb.Data.Content, "couldn't share") {
			t.Errorf("got callback %+v, want a private apology", cb)
		}
	})

	t.Run("privacy follows the install and the context", func(t *testing.T) {
		tests := []struct {
			name      string
			ctx       int
			installs  []string
			data      map[string]any
			private   bool
			wantShare bool
		}{
			{"message command in another DM", contextPrivate, []string{"user"}, menuData("m-t3", "Who negotiated?"), true, true},
			{"a DM with the bot", contextBotDM, []string{"user"}, commandData("ask", stringOption("question", "Who?")), false, false},
			{"a server that installed it too", contextGuild, []string{"guild", "user"}, commandData("ask", stringOption("question", "Who?")), false, false},
			{"help where only the member installed it", contextGuild, []string{"user"}, commandData("help"), true, false},
		}
		core.script("c-ctx-3", func(context.Context, bot.Request) bot.Reply {
			return bot.Reply{ID: "r-help", Kind: bot.KindHelp, Text: "Ask me.", Ephemeral: true}
		})
		for i, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				channel, tok := fmt.Sprintf("c-ctx-%d", i), fmt.Sprintf("tok-ctx-%d", i)
				fx.dispatch(t, "INTERACTION_CREATE", installedBy(interactionEvent("i-ctx-"+fmt.Sprint(i), tok, 2, channel, tt.data), tt.ctx, tt.installs...))
				m := fx.original(t, tok)
				if m.Ephemeral != tt.private {
					t.Errorf("got ephemeral %v, want %v", m.Ephemeral, tt.private)
				}
				if got := shareID(shown(t, m).customIDs()) != ""; got != tt.wantShare {
					t.Errorf("got a Share button %v, want %v", got, tt.wantShare)
				}
			})
		}
		if reqs := core.requestsIn("c-ctx-0"); len(reqs) != 1 || reqs[0].DM || reqs[0].Thread != "c-ctx-0:"+userID {
			t.Errorf("got requests %+v, want another DM's conversation kept per member", reqs)
		}
	})

	t.Run("a long private answer keeps to the five follow-ups Discord allows", func(t *testing.T) {
		long := answerReply("r-lp", "everything?", strings.Repeat("word ", 2000))
		long.Quotes = nil
		for i := range 40 {
			long.Quotes = append(long.Quotes, bot.Quote{Text: strings.Repeat("q", 900) + fmt.Sprint(i), Citation: 0})
		}
		core.script("c-lp", func(context.Context, bot.Request) bot.Reply { return long })
		fx.dispatch(t, "INTERACTION_CREATE", installedBy(interactionEvent("i-lp", "tok-lp", 2, "c-lp", commandData("ask", stringOption("question", "everything?"))), contextGuild, "user"))
		last := fx.waitCalls(t, 1, func(c discordtest.Call) bool {
			return strings.HasPrefix(c.Path, "webhooks/"+appID+"/tok-lp") && strings.Contains(string(c.Body), "share:")
		})[0]
		followups := fx.fake.Followups("tok-lp")
		if len(followups) != 5 {
			t.Errorf("got %d follow-ups, want 5", len(followups))
		}
		for _, f := range followups {
			if !f.Ephemeral {
				t.Errorf("got a public follow-up, want every part private")
			}
		}
		footer := decodeSent(t, last).Embeds[0].Footer
		if footer == nil || !strings.Contains(footer.Text, "more quotes not shown") {
			t.Errorf("got footer %+v, want the quotes left out counted", footer)
		}
	})

	fx.stop()
	fx.acceptedAll(t)
}
