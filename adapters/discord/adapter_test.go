package discord_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/discord"
	"github.com/talksbot/talksbot/adapters/discord/discordtest"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

// Gateway intents as Discord numbers them.
const (
	intentGuildMessages  = 1 << 9
	intentDirectMessages = 1 << 12
	intentMessageContent = 1 << 15
)

// TestAdapter drives one adapter, in a guild with sharding and the message
// content intent, through every behaviour; one session keeps the run short
// (discordgo's Close sleeps a second).
func TestAdapter(t *testing.T) {
	core := newFakeCore()
	for i := 1; i <= 30; i++ {
		core.themes = append(core.themes, bot.ThemeRef{Number: i, Title: fmt.Sprintf("Theme number %d", i), Doc: "The Vienna talks"})
	}
	core.themes[2] = bot.ThemeRef{Number: 3, Title: "Spoilers and hardliners", Doc: "The Vienna talks"}
	fx := start(t, discordtest.Options{}, discord.Options{
		GuildID:        guildID,
		ShardID:        new(1),
		ShardCount:     2,
		MessageContent: true,
		TypingDelay:    time.Millisecond,
	}, core)
	// ignored collects channels whose events must never be answered; checked
	// once the adapter has stopped and every answer in flight has ended.
	var ignored []string

	t.Run("registers /talks in the guild with one bulk overwrite", func(t *testing.T) {
		calls := fx.waitCalls(t, 1, call("PUT", "applications/"+appID+"/guilds/"+guildID+"/commands"))
		if got, want := calls[0].Auth, "Bot "+token; got != want {
			t.Errorf("got Authorization %q, want %q", got, want)
		}
		var cmds []struct {
			Name    string `json:"name"`
			Options []struct {
				Type    int    `json:"type"`
				Name    string `json:"name"`
				Options []struct {
					Type         int    `json:"type"`
					Name         string `json:"name"`
					Required     bool   `json:"required"`
					Autocomplete bool   `json:"autocomplete"`
				} `json:"options"`
			} `json:"options"`
		}
		if err := calls[0].JSON(&cmds); err != nil {
			t.Fatal(err)
		}
		if len(cmds) != 2 || cmds[0].Name != "talks" || cmds[1].Name != "Ask talksbot" {
			t.Fatalf("got commands %+v, want talks and Ask talksbot", cmds)
		}
		var subs []string
		for _, o := range cmds[0].Options {
			subs = append(subs, o.Name)
			if o.Type != 1 {
				t.Errorf("got %s of type %d, want a subcommand (1)", o.Name, o.Type)
			}
			switch o.Name {
			case "ask":
				if len(o.Options) != 1 || o.Options[0].Name != "question" || !o.Options[0].Required || o.Options[0].Type != 3 {
					t.Errorf("got ask options %+v, want one required string named question", o.Options)
				}
			case "summary":
				if len(o.Options) != 1 || o.Options[0].Name != "theme" || !o.Options[0].Autocomplete {
					t.Errorf("got summary options %+v, want an autocompleted theme", o.Options)
				}
			}
		}
		if want := []string{"ask", "summary", "themes", "sources", "help"}; !slices.Equal(subs, want) {
			t.Errorf("got subcommands %v, want %v", subs, want)
		}
		if n := len(slices.DeleteFunc(fx.fake.Calls(), func(c discordtest.Call) bool { return c.Method != "PUT" })); n != 1 {
			t.Errorf("got %d command registrations, want 1", n)
		}
	})

	t.Run("identifies with the message content intent and its shard", func(t *testing.T) {
		ids := fx.fake.Identifies()
		if len(ids) != 1 {
			t.Fatalf("got %d identifies, want 1", len(ids))
		}
		var id struct {
			Token   string `json:"token"`
			Intents int    `json:"intents"`
			Shard   []int  `json:"shard"`
		}
		if err := json.Unmarshal(ids[0], &id); err != nil {
			t.Fatal(err)
		}
		if want := intentGuildMessages | intentDirectMessages | intentMessageContent; id.Intents != want {
			t.Errorf("got intents %d, want %d", id.Intents, want)
		}
		if !slices.Equal(id.Shard, []int{1, 2}) {
			t.Errorf("got shard %v, want [1 2]", id.Shard)
		}
		if id.Token != "Bot "+token {
			t.Errorf("got identify token %q, want the bot token", id.Token)
		}
	})

	t.Run("a shard other than 0 says it gets no DMs", func(t *testing.T) {
		if !strings.Contains(fx.logs.String(), "this shard gets no DMs") {
			t.Errorf("got logs without the note on DMs:\n%s", fx.logs.String())
		}
	})

	t.Run("mentions and DMs get replies", func(t *testing.T) {
		tests := []struct {
			name, channel, guild, content string
			wantText, wantThread          string
			wantDM, wantReference         bool
		}{
			{"mention", "c-mention", guildID, "<@" + botID + "> what did Congress push for?", "what did Congress push for?", "c-mention:" + userID, false, true},
			{"nickname mention mid-sentence", "c-nick", guildID, "so <@!" + botID + ">   who negotiated?", "so who negotiated?", "c-nick:" + userID, false, true},
			{"direct message", "dm-1", "", "and the Iranian side?", "and the Iranian side?", "dm-1", true, false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-"+tt.channel, tt.channel, tt.guild, userID, tt.content, botID))
				posted := fx.waitCalls(t, 1, call("POST", "channels/"+tt.channel+"/messages"))
				reqs := fx.core.requestsIn(tt.channel)
				if len(reqs) != 1 {
					t.Fatalf("got %d core requests, want 1", len(reqs))
				}
				r := reqs[0]
				if r.Text != tt.wantText || r.Thread != tt.wantThread || r.DM != tt.wantDM || r.User != userID || r.Platform != bot.Discord || r.Command != nil {
					t.Errorf("got request %+v, want text %q, thread %q, dm %v from %s on discord", r, tt.wantText, tt.wantThread, tt.wantDM, userID)
				}
				m := decodeSent(t, posted[0])
				if got := m.Reference != nil && m.Reference.MessageID == "m-"+tt.channel; got != tt.wantReference {
					t.Errorf("got reply referencing the message %v, want %v", got, tt.wantReference)
				}
				if len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Description, "Echo: ") {
					t.Errorf("got embeds %+v, want one with the answer", m.Embeds)
				}
				if want := []string{"fb:up:r-" + tt.channel, "fb:down:r-" + tt.channel}; !slices.Equal(m.customIDs(), want) {
					t.Errorf("got buttons %v, want %v", m.customIDs(), want)
				}
				if m.AllowedMentions == nil || len(m.AllowedMentions.Parse) != 0 {
					t.Errorf("got allowed mentions %+v, want none parsed", m.AllowedMentions)
				}
			})
		}
	})

	t.Run("a slow answer shows the typing indicator first", func(t *testing.T) {
		// The answer is ready only once the indicator is up: the typing
		// delay has passed while the core worked.
		core.script("c-typing", func(ctx context.Context, req bot.Request) bot.Reply {
			wctx, cancel := context.WithTimeout(ctx, guard)
			defer cancel()
			if _, err := fx.fake.WaitCalls(wctx, 1, call("POST", "channels/c-typing/typing")); err != nil {
				t.Errorf("got no typing indicator while answering: %v", err)
			}
			return answerReply("r-typing", req.Text, "Slowly: yes.")
		})
		fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-typing", "c-typing", guildID, userID, "<@"+botID+"> slow one?", botID))
		fx.waitCalls(t, 1, call("POST", "channels/c-typing/messages"))
		calls := fx.fake.Calls()
		typing := indexOf(calls, call("POST", "channels/c-typing/typing"))
		reply := indexOf(calls, call("POST", "channels/c-typing/messages"))
		if typing < 0 || typing > reply {
			t.Errorf("got typing indicator at call %d and reply at %d, want typing first", typing, reply)
		}
	})

	t.Run("bots, itself, webhooks and unmentioned messages are ignored", func(t *testing.T) {
		bot := messageEvent("m-1", "c-ign-bot", guildID, "777", "<@"+botID+"> hello", botID)
		bot["author"] = map[string]any{"id": "777", "username": "otherbot", "bot": true}
		hook := messageEvent("m-3", "c-ign-hook", guildID, "778", "<@"+botID+"> hello", botID)
		hook["webhook_id"] = "55"
		noAuthor := messageEvent("m-5", "c-ign-null", guildID, "779", "<@"+botID+"> hello", botID)
		noAuthor["author"] = nil
		events := map[string]map[string]any{
			"c-ign-bot":   bot,
			"c-ign-self":  messageEvent("m-2", "c-ign-self", guildID, botID, "<@"+botID+"> hello", botID),
			"c-ign-hook":  hook,
			"c-ign-plain": messageEvent("m-4", "c-ign-plain", guildID, userID, "what did Congress push for?"),
			"c-ign-null":  noAuthor,
		}
		for ch, ev := range events {
			fx.dispatch(t, "MESSAGE_CREATE", ev)
			ignored = append(ignored, ch)
		}
	})

	t.Run("slash commands are deferred, then the response is edited", func(t *testing.T) {
		core.script("c-cmd-summary", func(_ context.Context, req bot.Request) bot.Reply {
			r := answerReply("r-sum", "", "Spoilers pushed back.")
			r.Kind, r.Themes = bot.KindSummary, []bot.ThemeRef{core.themes[2]}
			return r
		})
		core.script("c-cmd-themes", func(_ context.Context, req bot.Request) bot.Reply {
			return bot.Reply{ID: "r-th", Kind: bot.KindThemes, Themes: core.themes[:3]}
		})
		core.script("c-cmd-sources", func(_ context.Context, req bot.Request) bot.Reply {
			return bot.Reply{ID: "r-so", Kind: bot.KindSources, Sources: []bot.SourceRef{{ID: "vienna", Title: "The Vienna talks", Passages: 42}}}
		})
		core.script("c-cmd-help", func(_ context.Context, req bot.Request) bot.Reply {
			return bot.Reply{ID: "r-he", Kind: bot.KindHelp, Text: "Ask me with /talks ask.", Ephemeral: true}
		})
		tests := []struct {
			sub, arg      string
			opts          []map[string]any
			wantEphemeral bool
			wantInEdit    string
		}{
			{"ask", "What did Congress push for?", []map[string]any{stringOption("question", "What did Congress push for?")}, false, "Echo: What did Congress push for?"},
			{"summary", "Spoilers", []map[string]any{stringOption("theme", "Spoilers")}, false, "Summary: Spoilers and hardliners"},
			{"themes", "", nil, false, "Spoilers and hardliners"},
			{"sources", "", nil, false, "The Vienna talks (42 passages)"},
			{"help", "", nil, true, "Ask me with /talks ask."},
		}
		for _, tt := range tests {
			t.Run(tt.sub, func(t *testing.T) {
				channel, tok, id := "c-cmd-"+tt.sub, "tok-"+tt.sub, "i-"+tt.sub
				fx.dispatch(t, "INTERACTION_CREATE", interactionEvent(id, tok, 2, channel, commandData(tt.sub, tt.opts...)))
				edits := fx.waitCalls(t, 1, call("PATCH", "webhooks/"+appID+"/"+tok+"/messages/@original"))
				calls := fx.fake.Calls()
				cbAt := indexOf(calls, call("POST", "interactions/"+id+"/"+tok+"/callback"))
				editAt := indexOf(calls, call("PATCH", "webhooks/"+appID+"/"+tok+"/messages/@original"))
				if cbAt < 0 || cbAt > editAt {
					t.Fatalf("got callback at call %d and edit at %d, want the deferral first", cbAt, editAt)
				}
				cb := decodeCallback(t, calls[cbAt])
				gotEphemeral := cb.Data != nil && cb.Data.Flags&64 != 0
				if cb.Type != 5 || gotEphemeral != tt.wantEphemeral {
					t.Errorf("got callback type %d ephemeral %v, want type 5 ephemeral %v", cb.Type, gotEphemeral, tt.wantEphemeral)
				}
				reqs := fx.core.requestsIn(channel)
				if len(reqs) != 1 || reqs[0].Command == nil || *reqs[0].Command != (bot.Command{Name: tt.sub, Arg: tt.arg}) {
					t.Fatalf("got requests %+v, want one with command %s %q", reqs, tt.sub, tt.arg)
				}
				if r := reqs[0]; r.User != userID || r.Thread != channel+":"+userID || r.DM {
					t.Errorf("got request user %q thread %q dm %v, want %s, %s:%s, false", r.User, r.Thread, r.DM, userID, channel, userID)
				}
				body := string(edits[0].Body)
				if !strings.Contains(body, tt.wantInEdit) {
					t.Errorf("got edit %s, want it to contain %q", body, tt.wantInEdit)
				}
			})
		}
	})

	t.Run("an ephemeral reply to a public deferral becomes a private follow-up", func(t *testing.T) {
		core.script("c-cmd-err", func(context.Context, bot.Request) bot.Reply {
			return bot.Reply{ID: "r-err", Kind: bot.KindError, Text: "Ask needs a question.", Ephemeral: true}
		})
		fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-err", "tok-err", 2, "c-cmd-err", commandData("ask", stringOption("question", " "))))
		follow := fx.waitCalls(t, 1, call("POST", "webhooks/"+appID+"/tok-err"))
		m := decodeSent(t, follow[0])
		if m.Flags&64 == 0 || m.Content != "Ask needs a question." {
			t.Errorf("got follow-up %+v, want the error text, ephemeral", m)
		}
		calls := fx.fake.Calls()
		del := indexOf(calls, call("DELETE", "webhooks/"+appID+"/tok-err/messages/@original"))
		if del < 0 || del > indexOf(calls, call("POST", "webhooks/"+appID+"/tok-err")) {
			t.Errorf("got delete of the public placeholder at call %d, want it before the follow-up", del)
		}
	})

	t.Run("an unknown command gets an ephemeral answer", func(t *testing.T) {
		data := map[string]any{"id": "2", "name": "other", "type": 1}
		fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-other", "tok-other", 2, "c-other", data))
		cbs := fx.waitCalls(t, 1, call("POST", "interactions/i-other/tok-other/callback"))
		cb := decodeCallback(t, cbs[0])
		if cb.Type != 4 || cb.Data == nil || cb.Data.Flags&64 == 0 || !strings.Contains(cb.Data.Content, "/talks") {
			t.Errorf("got callback %+v, want an ephemeral message pointing to /talks", cb)
		}
	})

	t.Run("autocomplete offers matching themes", func(t *testing.T) {
		tests := []struct {
			typed string
			want  []string // choice names; nil means the first 25 themes
		}{
			{"", nil},
			{"spoil", []string{"3. Spoilers and hardliners"}},
			{"HARD spo", []string{"3. Spoilers and hardliners"}},
			{"number 2", []string{"2. Theme number 2", "20. Theme number 20", "21. Theme number 21", "22. Theme number 22", "23. Theme number 23", "24. Theme number 24", "25. Theme number 25", "26. Theme number 26", "27. Theme number 27", "28. Theme number 28", "29. Theme number 29"}},
			{"zeppelin", []string{"zeppelin"}},
		}
		for i, tt := range tests {
			t.Run(fmt.Sprintf("%q", tt.typed), func(t *testing.T) {
				id, tok := fmt.Sprintf("i-ac-%d", i), fmt.Sprintf("tok-ac-%d", i)
				theme := stringOption("theme", tt.typed)
				theme["focused"] = true
				fx.dispatch(t, "INTERACTION_CREATE", interactionEvent(id, tok, 4, "c-ac", commandData("summary", theme)))
				cbs := fx.waitCalls(t, 1, call("POST", "interactions/"+id+"/"+tok+"/callback"))
				cb := decodeCallback(t, cbs[0])
				if cb.Type != 8 || cb.Data == nil {
					t.Fatalf("got callback %+v, want an autocomplete result (8)", cb)
				}
				var got []string
				for _, c := range cb.Data.Choices {
					got = append(got, c.Name)
				}
				want := tt.want
				if want == nil {
					for _, th := range core.themes[:25] {
						want = append(want, fmt.Sprintf("%d. %s", th.Number, th.Title))
					}
				}
				if !slices.Equal(got, want) {
					t.Errorf("got choices %q, want %q", got, want)
				}
			})
		}
	})

	t.Run("feedback clicks are saved, then thanked privately", func(t *testing.T) {
		// Discord hears of a click only once it is saved: when the store
		// is asked to save it, no response has gone out.
		core.mu.Lock()
		core.beforeSave = func(_ context.Context, f bot.Feedback) {
			tok := map[string]string{"r-1": "up", "r-2": "down", "r-fail": "fail"}[f.ReplyID]
			if i := indexOf(fx.fake.Calls(), call("POST", "interactions/i-fb-"+tok+"/tok-fb-"+tok+"/callback")); i >= 0 {
				t.Errorf("got a response to the click on %s at call %d before its feedback was saved", f.ReplyID, i)
			}
		}
		core.mu.Unlock()
		tests := []struct {
			name, customID string
			wantReply      string
			wantHelpful    bool
			wantText       string
		}{
			{"up", "fb:up:r-1", "r-1", true, "Thanks"},
			{"down", "fb:down:r-2", "r-2", false, "Thanks"},
			{"fail", "fb:up:r-fail", "", false, "couldn't record"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				id, tok := "i-fb-"+tt.name, "tok-fb-"+tt.name
				data := map[string]any{"custom_id": tt.customID, "component_type": 2}
				fx.dispatch(t, "INTERACTION_CREATE", interactionEvent(id, tok, 3, "c-fb", data))
				cb := decodeCallback(t, fx.waitCalls(t, 1, call("POST", "interactions/"+id+"/"+tok+"/callback"))[0])
				if cb.Type != 4 || cb.Data == nil || cb.Data.Flags&64 == 0 || !strings.Contains(cb.Data.Content, tt.wantText) {
					t.Errorf("got callback %+v, want an ephemeral message (type 4, flag 64) containing %q", cb, tt.wantText)
				}
				if tt.wantReply == "" {
					return
				}
				fb := fx.core.feedbackFor(tt.wantReply)
				if len(fb) != 1 || fb[0].Helpful != tt.wantHelpful || fb[0].User != userID || fb[0].Platform != bot.Discord || fb[0].Theme != "" {
					t.Errorf("got feedback %+v, want one from %s, helpful %v, theme left to the core", fb, userID, tt.wantHelpful)
				}
			})
		}
		core.mu.Lock()
		core.beforeSave = nil
		core.mu.Unlock()
	})

	t.Run("unknown buttons get an ephemeral answer at once", func(t *testing.T) {
		for i, customID := range []string{"fb:sideways:r-3", "something-else", "fb:up:" + strings.Repeat("x", 81)} {
			id, tok := fmt.Sprintf("i-btn-%d", i), fmt.Sprintf("tok-btn-%d", i)
			data := map[string]any{"custom_id": customID, "component_type": 2}
			fx.dispatch(t, "INTERACTION_CREATE", interactionEvent(id, tok, 3, "c-fb", data))
			cb := decodeCallback(t, fx.waitCalls(t, 1, call("POST", "interactions/"+id+"/"+tok+"/callback"))[0])
			if cb.Type != 4 || cb.Data == nil || cb.Data.Flags&64 == 0 || !strings.Contains(cb.Data.Content, "no longer valid") {
				t.Errorf("%s: got callback %+v, want an ephemeral message saying the button is no longer valid", customID, cb)
			}
		}
	})

	t.Run("a long answer is split within Discord's limits", func(t *testing.T) {
		var words []string
		for i := 0; len(strings.Join(words, " ")) < 10000; i++ {
			words = append(words, fmt.Sprintf("word%d", i))
		}
		text := strings.Join(words, " ")
		long := answerReply("r-long", strings.Repeat("why ", 100), text)
		long.Quotes = nil
		for i := range 30 {
			long.Quotes = append(long.Quotes, bot.Quote{Text: strings.Repeat("q", 900) + fmt.Sprint(i), Citation: 0})
		}
		core.script("c-long", func(context.Context, bot.Request) bot.Reply { return long })
		fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-long", "c-long", guildID, userID, "<@"+botID+"> tell me everything", botID))
		// The feedback buttons come with the last message.
		fx.waitCalls(t, 1, func(c discordtest.Call) bool {
			return call("POST", "channels/c-long/messages")(c) && strings.Contains(string(c.Body), "fb:up:r-long")
		})
		var msgs []sent
		for _, c := range fx.fake.Calls() {
			if call("POST", "channels/c-long/messages")(c) {
				msgs = append(msgs, decodeSent(t, c))
			}
		}
		if len(msgs) < 3 {
			t.Fatalf("got %d messages, want at least 3 for a 10,000-character answer", len(msgs))
		}
		var descs []string
		fields := 0
		for i, m := range msgs {
			if len(m.Embeds) != 1 {
				t.Fatalf("message %d: got %d embeds, want 1", i, len(m.Embeds))
			}
			e := m.Embeds[0]
			if n := runes(e.Description); n > 4096 {
				t.Errorf("message %d: got a %d-character description, want at most 4096", i, n)
			}
			if n := len(e.Fields); n > 25 {
				t.Errorf("message %d: got %d fields, want at most 25", i, n)
			}
			if n := m.embedSize(0); n > 6000 {
				t.Errorf("message %d: got an embed of %d characters, want at most 6000", i, n)
			}
			if runes(e.Title) > 256 {
				t.Errorf("message %d: got a %d-character title, want at most 256", i, runes(e.Title))
			}
			for _, f := range e.Fields {
				if runes(f.Value) > 1024 {
					t.Errorf("message %d: got a %d-character field, want at most 1024", i, runes(f.Value))
				}
			}
			if got := m.Reference != nil; got != (i == 0) {
				t.Errorf("message %d: got a reference %v, want one on the first message only", i, got)
			}
			descs = append(descs, e.Description)
			fields += len(e.Fields)
		}
		if got := strings.Join(slices.DeleteFunc(descs, func(d string) bool { return d == "" }), " "); got != text {
			t.Errorf("got the descriptions joined differing from the answer (%d vs %d characters)", len(got), len(text))
		}
		last := msgs[len(msgs)-1].Embeds[0]
		if last.Footer == nil {
			t.Fatalf("got no footer on the last message")
		}
		omitted := 0
		fmt.Sscanf(last.Footer.Text, "…and %d more", &omitted)
		if fields+omitted != len(long.Quotes) {
			t.Errorf("got %d quote fields and %d counted as not shown (footer %q), want all %d quotes accounted for",
				fields, omitted, last.Footer.Text, len(long.Quotes))
		}
	})

	t.Run("quotes past 25 fields spill into another message", func(t *testing.T) {
		r := answerReply("r-many", "many?", "")
		r.Quotes = nil
		var text []string
		for i := range 30 {
			q := fmt.Sprintf("Quote number %d.", i)
			r.Quotes = append(r.Quotes, bot.Quote{Text: q, Citation: 0})
			text = append(text, q)
		}
		r.Text = strings.Join(text, " ")
		core.script("c-many", func(context.Context, bot.Request) bot.Reply { return r })
		fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-many", "c-many", guildID, userID, "<@"+botID+"> many?", botID))
		fx.waitCalls(t, 1, func(c discordtest.Call) bool {
			return call("POST", "channels/c-many/messages")(c) && strings.Contains(string(c.Body), "fb:up:r-many")
		})
		var got []string
		for _, c := range fx.fake.Calls() {
			if call("POST", "channels/c-many/messages")(c) {
				for _, e := range decodeSent(t, c).Embeds {
					if e.Description != "" {
						t.Errorf("got description %q, want none for an answer that is only its quotes", e.Description)
					}
					for _, f := range e.Fields {
						got = append(got, strings.TrimPrefix(f.Value, "> "))
					}
				}
			}
		}
		if !slices.Equal(got, text) {
			t.Errorf("got quote fields %q, want all 30 quotes in order", got)
		}
	})

	t.Run("an LLM answer shows every passage its [n] markers cite", func(t *testing.T) {
		core.script("c-llm", func(context.Context, bot.Request) bot.Reply {
			return bot.Reply{
				ID: "r-llm", Kind: bot.KindAnswer, Question: "who pushed?", Mode: bot.ModeLLM, Model: "m1",
				Text:   "Congress pushed for a say [1]. Tehran refused [2, 3].",
				Quotes: []bot.Quote{{Text: "Congress pushed for a say.", Citation: 0}},
				Citations: []bot.Citation{
					{ID: "p1", Title: "Doc", Section: "Congress", Text: "Congress pushed for a say. More."},
					{ID: "p2", Title: "Doc", Section: "Tehran", Text: "Tehran refused the terms."},
					{ID: "p3", Title: "Doc", Section: "Europe", Text: "Europe mediated."},
					{ID: "p4", Title: "Doc", Section: "Uncited", Text: "Nobody cites this."},
				},
			}
		})
		fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-llm", "c-llm", guildID, userID, "<@"+botID+"> who pushed?", botID))
		e := decodeSent(t, fx.waitCalls(t, 1, call("POST", "channels/c-llm/messages"))[0]).Embeds[0]
		if want := `Congress pushed for a say \[1\]. Tehran refused \[2, 3\].`; e.Description != want {
			t.Errorf("got description %q, want %q", e.Description, want)
		}
		var names []string
		for _, f := range e.Fields {
			names = append(names, f.Name)
		}
		if want := []string{"[1] Doc — Congress", "[2] Doc — Tehran", "[3] Doc — Europe"}; !slices.Equal(names, want) {
			t.Errorf("got fields %q, want %q", names, want)
		}
	})

	t.Run("a summary of every theme does not say its quotes twice", func(t *testing.T) {
		core.script("c-overview", func(context.Context, bot.Request) bot.Reply {
			return bot.Reply{
				ID: "r-ov", Kind: bot.KindSummary, Mode: bot.ModeExtractive,
				Text: "Spoilers: Hardliners objected. They lobbied.\nEurope: Europe mediated.\n…and 2 more themes: ask for one with summary THEME.",
				Quotes: []bot.Quote{
					{Text: "Hardliners objected.", Citation: 0}, {Text: "They lobbied.", Citation: 0}, {Text: "Europe mediated.", Citation: 1},
				},
				Citations: []bot.Citation{
					{ID: "p1", Title: "Doc", Section: "Spoilers", Text: "Hardliners objected. They lobbied."},
					{ID: "p2", Title: "Doc", Section: "Europe", Text: "Europe mediated."},
				},
				Themes: []bot.ThemeRef{{Number: 1, Title: "Spoilers"}, {Number: 2, Title: "Europe"}, {Number: 3, Title: "A"}, {Number: 4, Title: "B"}},
			}
		})
		fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-ov", "tok-ov", 2, "c-overview", commandData("summary")))
		e := decodeSent(t, fx.waitCalls(t, 1, call("PATCH", "webhooks/"+appID+"/tok-ov/messages/@original"))[0]).Embeds[0]
		if want := "…and 2 more themes: ask for one with summary THEME."; e.Description != want {
			t.Errorf("got description %q, want only what the quotes do not say, %q", e.Description, want)
		}
		if len(e.Fields) != 3 || e.Fields[0].Name != "[1] Doc — Spoilers" || e.Fields[2].Name != "[2] Doc — Europe" {
			t.Errorf("got fields %+v, want the three quotes labelled with their sections", e.Fields)
		}
	})

	t.Run("a long list is split into plain messages of at most 2,000 characters", func(t *testing.T) {
		var themes []bot.ThemeRef
		for i := 1; i <= 200; i++ {
			themes = append(themes, bot.ThemeRef{Number: i, Title: fmt.Sprintf("A rather long theme title number %d", i)})
		}
		core.script("c-long-list", func(context.Context, bot.Request) bot.Reply {
			return bot.Reply{ID: "r-list", Kind: bot.KindThemes, Themes: themes}
		})
		fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-list", "tok-list", 2, "c-long-list", commandData("themes")))
		last := "200. A rather long theme title number 200"
		fx.waitCalls(t, 1, func(c discordtest.Call) bool {
			return strings.HasPrefix(c.Path, "webhooks/"+appID+"/tok-list") && strings.Contains(string(c.Body), last)
		})
		var contents []string
		for _, c := range fx.fake.Calls() {
			if strings.HasPrefix(c.Path, "webhooks/"+appID+"/tok-list") {
				m := decodeSent(t, c)
				if n := runes(m.Content); n > 2000 {
					t.Errorf("got a %d-character message, want at most 2000", n)
				}
				contents = append(contents, m.Content)
			}
		}
		if len(contents) < 4 {
			t.Errorf("got %d messages (an edit and follow-ups), want at least 4", len(contents))
		}
		all := strings.Join(contents, "\n")
		for _, th := range themes {
			if !strings.Contains(all, fmt.Sprintf("%d. %s\n", th.Number, th.Title)) && !strings.HasSuffix(all, fmt.Sprintf("%d. %s", th.Number, th.Title)) {
				t.Fatalf("got no line for theme %d in the split messages", th.Number)
			}
		}
	})

	t.Run("quoted text has its markdown escaped and names document and section", func(t *testing.T) {
		core.script("c-md", func(context.Context, bot.Request) bot.Reply {
			r := answerReply("r-md", "what *exactly*?", "They said *no* to `that`.")
			r.Quotes = []bot.Quote{{Text: "*bold* _it_ ~~s~~ `c` ||sp|| > q [x](y) <@1>", Citation: 0}}
			return r
		})
		fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-md", "c-md", guildID, userID, "<@"+botID+"> markdown?", botID))
		m := decodeSent(t, fx.waitCalls(t, 1, call("POST", "channels/c-md/messages"))[0])
		e := m.Embeds[0]
		if want := `what \*exactly\*?`; e.Title != want {
			t.Errorf("got title %q, want %q", e.Title, want)
		}
		if want := "They said \\*no\\* to \\`that\\`."; e.Description != want {
			t.Errorf("got description %q, want %q", e.Description, want)
		}
		if len(e.Fields) != 1 {
			t.Fatalf("got %d fields, want 1", len(e.Fields))
		}
		if want := `> \*bold\* \_it\_ \~\~s\~\~ \` + "`" + `c\` + "`" + ` \|\|sp\|\| \> q \[x\](y) \<@1\>`; e.Fields[0].Value != want {
			t.Errorf("got quote %q, want %q", e.Fields[0].Value, want)
		}
		if want := "[1] The Vienna talks — Congress"; e.Fields[0].Name != want {
			t.Errorf("got field name %q, want %q", e.Fields[0].Name, want)
		}
	})

	t.Run("a declined question lists themes and shows no sources", func(t *testing.T) {
		core.script("c-declined", func(context.Context, bot.Request) bot.Reply {
			return bot.Reply{
				ID: "r-dec", Kind: bot.KindDeclined, Question: "who won the football?",
				Text:      "The article doesn't cover that.",
				Themes:    core.themes[:3],
				Citations: []bot.Citation{{Title: "Irrelevant source", Text: "irrelevant passage"}},
			}
		})
		fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-dec", "c-declined", guildID, userID, "<@"+botID+"> who won the football?", botID))
		m := decodeSent(t, fx.waitCalls(t, 1, call("POST", "channels/c-declined/messages"))[0])
		if len(m.Embeds) != 0 || len(m.Components) != 0 {
			t.Errorf("got %d embeds and %d component rows, want plain text only", len(m.Embeds), len(m.Components))
		}
		for _, want := range []string{"The article doesn't cover that.", "3. Spoilers and hardliners"} {
			if !strings.Contains(m.Content, want) {
				t.Errorf("got content %q, want it to contain %q", m.Content, want)
			}
		}
		if strings.Contains(m.Content, "rrelevant") {
			t.Errorf("got content %q, want no sources", m.Content)
		}
	})

	t.Run("a 429 is retried after retry_after", func(t *testing.T) {
		const limited = `{"message":"You are being rate limited.","retry_after":0.01,"global":false}`
		t.Run("message", func(t *testing.T) {
			fx.fake.Respond("POST", "channels/c-429/messages", 429, limited)
			fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-429", "c-429", guildID, userID, "<@"+botID+"> hi", botID))
			calls := fx.waitCalls(t, 2, call("POST", "channels/c-429/messages"))
			if calls[0].Status != 429 || calls[1].Status != 200 {
				t.Errorf("got statuses %d then %d, want 429 then 200", calls[0].Status, calls[1].Status)
			}
			if string(calls[0].Body) != string(calls[1].Body) {
				t.Errorf("got a retry with a different body, want the same message again")
			}
		})
		t.Run("interaction edit", func(t *testing.T) {
			path := "webhooks/" + appID + "/tok-429/messages/@original"
			fx.fake.Respond("PATCH", path, 429, limited)
			fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-429", "tok-429", 2, "c-429-i", commandData("themes")))
			calls := fx.waitCalls(t, 2, call("PATCH", path))
			if calls[0].Status != 429 || calls[1].Status != 200 {
				t.Errorf("got statuses %d then %d, want 429 then 200", calls[0].Status, calls[1].Status)
			}
		})
	})

	t.Run("a REST error is logged with code and route and the user gets an apology", func(t *testing.T) {
		const formErr = `{"code":50035,"message":"Invalid Form Body","errors":{}}`
		t.Run("message", func(t *testing.T) {
			fx.fake.Respond("POST", "channels/c-50035/messages", 400, formErr)
			fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-50035", "c-50035", guildID, userID, "<@"+botID+"> hi", botID))
			calls := fx.waitCalls(t, 2, call("POST", "channels/c-50035/messages"))
			if m := decodeSent(t, calls[1]); !strings.HasPrefix(m.Content, "Sorry") || len(m.Embeds) != 0 {
				t.Errorf("got second message %+v, want a plain apology", m)
			}
			logs := fx.logs.String()
			for _, want := range []string{"code=50035", `route="POST /channels/c-50035/messages"`, "status=400"} {
				if !strings.Contains(logs, want) {
					t.Errorf("got logs without %q:\n%s", want, logs)
				}
			}
		})
		t.Run("interaction", func(t *testing.T) {
			path := "webhooks/" + appID + "/tok-50035/messages/@original"
			fx.fake.Respond("PATCH", path, 400, formErr)
			fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-50035", "tok-50035", 2, "c-50035-i", commandData("ask", stringOption("question", "hi"))))
			calls := fx.waitCalls(t, 2, call("PATCH", path))
			if m := decodeSent(t, calls[1]); !strings.HasPrefix(m.Content, "Sorry") || len(m.Embeds) != 0 || len(m.Components) != 0 {
				t.Errorf("got second edit %+v, want a plain apology", m)
			}
			if want := `route="PATCH /webhooks/` + appID + `/:token/messages/@original"`; !strings.Contains(fx.logs.String(), want) {
				t.Errorf("got logs without %q", want)
			}
		})
	})

	t.Run("an answer streaming in edits the deferred response", func(t *testing.T) {
		path := "webhooks/" + appID + "/tok-progress/messages/@original"
		core.script("c-progress", func(ctx context.Context, req bot.Request) bot.Reply {
			req.Progress("Congress pushed")
			wctx, cancel := context.WithTimeout(ctx, guard)
			defer cancel()
			if _, err := fx.fake.WaitCalls(wctx, 1, func(c discordtest.Call) bool {
				return call("PATCH", path)(c) && strings.Contains(string(c.Body), "Congress pushed")
			}); err != nil {
				t.Errorf("got no progress edit: %v", err)
			}
			return answerReply("r-progress", req.Command.Arg, "Congress pushed for a say.")
		})
		fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-progress", "tok-progress", 2, "c-progress", commandData("ask", stringOption("question", "Congress?"))))
		edits := fx.waitCalls(t, 2, call("PATCH", path))
		if m := decodeSent(t, edits[0]); m.Content != "Congress pushed …" {
			t.Errorf("got first edit content %q, want the partial text", m.Content)
		}
		if m := decodeSent(t, edits[1]); m.Content != "" || len(m.Embeds) != 1 || m.Embeds[0].Description != "Congress pushed for a say." {
			t.Errorf("got final edit %+v, want the answer embed and the partial text cleared", m)
		}
	})

	t.Run("a dropped gateway connection resumes the session", func(t *testing.T) {
		fx.fake.Drop()
		ctx, cancel := context.WithTimeout(context.Background(), guard)
		defer cancel()
		if err := fx.fake.Wait(ctx, func() bool { return len(fx.fake.Resumes()) > 0 }); err != nil {
			t.Fatalf("got no resume: %v", err)
		}
		r := fx.fake.Resumes()[0]
		if r.SessionID != "fake-session-1" || r.Seq == 0 || r.Token != "Bot "+token {
			t.Errorf("got resume %+v, want session fake-session-1 with its last sequence", r)
		}
		fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-resumed", "c-resumed", guildID, userID, "<@"+botID+"> still there?", botID))
		fx.waitCalls(t, 1, call("POST", "channels/c-resumed/messages"))
		if n := len(fx.fake.Identifies()); n != 1 {
			t.Errorf("got %d identifies, want 1 (a resume, not a new session)", n)
		}
	})

	t.Run("a reconnect request (op 7) resumes the session", func(t *testing.T) {
		before := len(fx.fake.Resumes())
		if err := fx.fake.Reconnect(); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), guard)
		defer cancel()
		if err := fx.fake.Wait(ctx, func() bool { return len(fx.fake.Resumes()) > before }); err != nil {
			t.Fatalf("got no resume: %v", err)
		}
		if r := fx.fake.Resumes()[before]; r.SessionID != "fake-session-1" {
			t.Errorf("got resume %+v, want session fake-session-1", r)
		}
		fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-op7", "c-op7", guildID, userID, "<@"+botID+"> still there?", botID))
		fx.waitCalls(t, 1, call("POST", "channels/c-op7/messages"))
		if n := len(fx.fake.Identifies()); n != 1 {
			t.Errorf("got %d identifies, want 1 (a resume, not a new session)", n)
		}
	})

	fx.stop()

	t.Run("after Run returns no discordgo goroutine is left", func(t *testing.T) {
		waitNoLibraryGoroutines(t)
	})

	t.Run("everything sent passed Discord's checks", func(t *testing.T) {
		fx.acceptedAll(t)
	})

	t.Run("after stopping, ignored events got no answer", func(t *testing.T) {
		for _, ch := range ignored {
			if reqs := fx.core.requestsIn(ch); len(reqs) != 0 {
				t.Errorf("channel %s: got %d core requests, want none", ch, len(reqs))
			}
			for _, c := range fx.fake.Calls() {
				if strings.HasPrefix(c.Path, "channels/"+ch+"/") {
					t.Errorf("channel %s: got call %s %s, want none", ch, c.Method, c.Path)
				}
			}
		}
		if n := len(slices.DeleteFunc(fx.fake.Calls(), func(c discordtest.Call) bool { return !call("POST", "channels/c-429/messages")(c) })); n != 2 {
			t.Errorf("got %d posts after a 429, want 2 (one retry, no apology)", n)
		}
	})

	t.Run("discordgo's own logs arrive at debug level, with no tokens", func(t *testing.T) {
		logs := fx.logs.String()
		for _, want := range []string{"level=DEBUG msg=discordgo", "discordgo_level=info", "Rate Limiting", "/webhooks/" + appID + "/:token/messages/@original"} {
			if !strings.Contains(logs, want) {
				t.Errorf("got logs without %q", want)
			}
		}
		for _, secret := range []string{token, "tok-"} {
			if strings.Contains(logs, secret) {
				t.Errorf("got logs containing %q", secret)
			}
		}
	})
}

// TestAdapterDefaults runs an adapter with global commands, no message
// content intent, one shard and no typing indicator, answering from the real
// bot over the built-in article.
func TestAdapterDefaults(t *testing.T) {
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		t.Fatal(err)
	}
	core := newFakeCore()
	core.next = bot.New(ix, bot.Options{})
	fx := start(t, discordtest.Options{}, discord.Options{TypingDelay: time.Minute}, core)

	t.Run("registers global commands and identifies without privileged intents", func(t *testing.T) {
		fx.waitCalls(t, 1, call("PUT", "applications/"+appID+"/commands"))
		var id struct {
			Intents int   `json:"intents"`
			Shard   []int `json:"shard"`
		}
		if err := json.Unmarshal(fx.fake.Identifies()[0], &id); err != nil {
			t.Fatal(err)
		}
		if want := intentGuildMessages | intentDirectMessages; id.Intents != want {
			t.Errorf("got intents %d, want %d", id.Intents, want)
		}
		if id.Shard != nil {
			t.Errorf("got shard %v, want none for a single shard", id.Shard)
		}
	})

	t.Run("a DM is answered with quotes naming document and section", func(t *testing.T) {
		fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-dm", "dm-2", "", userID, "what did Congress push for?"))
		m := decodeSent(t, fx.waitCalls(t, 1, call("POST", "channels/dm-2/messages"))[0])
		if len(m.Embeds) != 1 || len(m.Embeds[0].Fields) == 0 {
			t.Fatalf("got %+v, want one embed with quote fields", m)
		}
		e := m.Embeds[0]
		if e.Title != "what did Congress push for?" {
			t.Errorf("got title %q, want the question", e.Title)
		}
		f := e.Fields[0]
		if !strings.Contains(f.Name, "Vienna Nuclear Talks") || !strings.Contains(f.Name, "Spoilers") {
			t.Errorf("got field name %q, want the document title and section", f.Name)
		}
		if !strings.HasPrefix(f.Value, "> ") || !strings.Contains(f.Value, "Congress") {
			t.Errorf("got field value %q, want a block quote about Congress", f.Value)
		}
		if e.Description != "" {
			t.Errorf("got description %q, want none when the answer is only its quotes", e.Description)
		}
	})

	t.Run("a question the article does not cover is declined with its themes", func(t *testing.T) {
		fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-dm2", "dm-3", "", userID, "who won the football world cup?"))
		m := decodeSent(t, fx.waitCalls(t, 1, call("POST", "channels/dm-3/messages"))[0])
		if len(m.Embeds) != 0 || !strings.Contains(m.Content, "Handling the Spoilers") {
			t.Errorf("got %+v, want plain text listing the themes", m)
		}
	})

	t.Run("autocomplete offers the article's themes", func(t *testing.T) {
		theme := stringOption("theme", "dialog")
		theme["focused"] = true
		fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-ac", "tok-ac", 4, "c-ac", commandData("summary", theme)))
		cb := decodeCallback(t, fx.waitCalls(t, 1, call("POST", "interactions/i-ac/tok-ac/callback"))[0])
		if cb.Data == nil || len(cb.Data.Choices) != 1 || cb.Data.Choices[0].Name != "4. Dialogue Among Equals — But Not Equally Powerful" {
			t.Errorf("got %+v, want the one theme about dialogue", cb.Data)
		}
	})

	t.Run("a summary is deferred, then edited in", func(t *testing.T) {
		fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-sum", "tok-sum", 2, "c-sum", commandData("summary", stringOption("theme", "Handling the Spoilers"))))
		m := decodeSent(t, fx.waitCalls(t, 1, call("PATCH", "webhooks/"+appID+"/tok-sum/messages/@original"))[0])
		if len(m.Embeds) != 1 || m.Embeds[0].Title != "Summary: Handling the Spoilers" || len(m.Embeds[0].Fields) == 0 {
			t.Errorf("got %+v, want a summary embed with quotes", m)
		}
	})

	t.Run("a summary of every theme shows its quotes once", func(t *testing.T) {
		fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-all", "tok-all", 2, "c-all", commandData("summary")))
		m := decodeSent(t, fx.waitCalls(t, 1, call("PATCH", "webhooks/"+appID+"/tok-all/messages/@original"))[0])
		if len(m.Embeds) != 1 || m.Embeds[0].Title != "Summary" || len(m.Embeds[0].Fields) < 2 {
			t.Fatalf("got %+v, want one summary embed with a quote per theme", m)
		}
		e := m.Embeds[0]
		for _, f := range e.Fields {
			if quote := strings.TrimPrefix(f.Value, "> "); strings.Contains(e.Description, quote) {
				t.Errorf("got quote %q in the description as well as in a field", quote)
			}
		}
	})

	t.Run("help is private", func(t *testing.T) {
		fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-help", "tok-help", 2, "c-help", commandData("help")))
		edit := fx.waitCalls(t, 1, call("PATCH", "webhooks/"+appID+"/tok-help/messages/@original"))[0]
		cb := decodeCallback(t, fx.waitCalls(t, 1, call("POST", "interactions/i-help/tok-help/callback"))[0])
		if cb.Data == nil || cb.Data.Flags&64 == 0 {
			t.Errorf("got deferral %+v, want it ephemeral", cb)
		}
		if m := decodeSent(t, edit); !strings.Contains(m.Content, "summary \\[THEME\\]") {
			t.Errorf("got help %q, want the commands with brackets escaped", m.Content)
		}
	})

	t.Run("a slash command in a DM uses the DM as its thread", func(t *testing.T) {
		ev := interactionEvent("i-dm", "tok-dm", 2, "dm-4", commandData("themes"))
		delete(ev, "guild_id")
		delete(ev, "member")
		ev["user"] = map[string]any{"id": userID, "username": "asker"}
		fx.dispatch(t, "INTERACTION_CREATE", ev)
		m := decodeSent(t, fx.waitCalls(t, 1, call("PATCH", "webhooks/"+appID+"/tok-dm/messages/@original"))[0])
		if !strings.Contains(m.Content, "1. Handling the Spoilers") {
			t.Errorf("got %q, want the themes", m.Content)
		}
		reqs := fx.core.requestsIn("dm-4")
		if len(reqs) != 1 || reqs[0].User != userID || reqs[0].Thread != "dm-4" || !reqs[0].DM {
			t.Errorf("got requests %+v, want one from %s in DM thread dm-4", reqs, userID)
		}
	})

	fx.stop()
	if i := indexOf(fx.fake.Calls(), func(c discordtest.Call) bool { return strings.HasSuffix(c.Path, "/typing") }); i >= 0 {
		t.Errorf("got a typing indicator at call %d, want none for answers quicker than the typing delay", i)
	}
	fx.acceptedAll(t)
}
