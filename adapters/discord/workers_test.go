package discord_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/discord"
	"github.com/talksbot/talksbot/adapters/discord/discordtest"
	"github.com/talksbot/talksbot/bot"
)

// refusals records what Options.OnRefused is told.
type refusals struct {
	mu  sync.Mutex
	got []bot.Problem
}

func (r *refusals) add(p bot.Problem) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, p)
}

func (r *refusals) list() []bot.Problem {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.got)
}

func TestWorkersFollowTheOption(t *testing.T) {
	tests := []struct {
		name        string
		workers     int
		wantSecond  string // in what the second mention is told
		wantRefused []bot.Problem
	}{
		{"one worker: the second mention is told the bot is busy", 1, "busy", []bot.Problem{bot.ProblemBusy}},
		{"two workers: both mentions are answered at once", 2, "Held: second?", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			core := newFakeCore()
			var ref refusals
			fx := start(t, discordtest.Options{}, discord.Options{
				Workers: tt.workers, QueueTimeout: time.Millisecond, NoTyping: true, OnRefused: ref.add,
			}, core)
			entered, release := make(chan string, 2), make(chan struct{})
			hold := func(ctx context.Context, req bot.Request) bot.Reply {
				entered <- req.Channel
				select {
				case <-release:
				case <-ctx.Done():
				}
				return answerReply("r-"+req.Channel, req.Text, "Held: "+req.Text)
			}
			core.script("c-first", hold)
			core.script("c-second", hold)
			waitEntered := func(want string) {
				t.Helper()
				select {
				case got := <-entered:
					if got != want {
						t.Fatalf("got %q at the core, want %q", got, want)
					}
				case <-time.After(guard):
					t.Fatalf("gave up waiting for %q to reach the core", want)
				}
			}

			fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-first", "c-first", guildID, userID, "<@"+botID+"> first?", botID))
			waitEntered("c-first")
			fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-second", "c-second", guildID, userID, "<@"+botID+"> second?", botID))
			if tt.workers > 1 {
				waitEntered("c-second") // both held by the core at once
			} else {
				// Told while the first still holds the one worker.
				fx.waitCalls(t, 1, call("POST", "channels/c-second/messages"))
			}
			close(release)
			fx.waitCalls(t, 1, call("POST", "channels/c-first/messages"))
			m := decodeSent(t, fx.waitCalls(t, 1, call("POST", "channels/c-second/messages"))[0])
			text := m.Content
			for _, e := range m.Embeds {
				text += e.Description
			}
			if !strings.Contains(text, tt.wantSecond) {
				t.Errorf("got %+v for the second mention, want %q", m, tt.wantSecond)
			}
			if got := ref.list(); !slices.Equal(got, tt.wantRefused) {
				t.Errorf("got refusals %v, want %v", got, tt.wantRefused)
			}
		})
	}
}

func TestCoreRefusalsAreCounted(t *testing.T) {
	core := newFakeCore()
	var ref refusals
	fx := start(t, discordtest.Options{}, discord.Options{NoTyping: true, OnRefused: ref.add}, core)
	limited := func(context.Context, bot.Request) bot.Reply {
		return bot.Reply{ID: "r-limited", Kind: bot.KindError, Problem: bot.ProblemRateLimited, Text: "Slow down.", Ephemeral: true}
	}
	core.script("c-limited", limited)
	core.script("c-limited-cmd", limited)
	fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-limited", "c-limited", guildID, userID, "<@"+botID+"> hello?", botID))
	fx.waitCalls(t, 1, call("POST", "channels/c-limited/messages"))
	fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-limited", "tok-limited", 2, "c-limited-cmd", commandData("themes")))
	fx.waitCalls(t, 1, call("POST", "webhooks/"+appID+"/tok-limited")) // an ephemeral follow-up
	want := []bot.Problem{bot.ProblemRateLimited, bot.ProblemRateLimited}
	if got := ref.list(); !slices.Equal(got, want) {
		t.Errorf("got refusals %v, want %v", got, want)
	}
}
