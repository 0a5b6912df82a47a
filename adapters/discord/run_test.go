package discord_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/discord"
	"github.com/talksbot/talksbot/adapters/discord/discordtest"
	"github.com/talksbot/talksbot/bot"
)

func TestNewRejectsBadOptions(t *testing.T) {
	const local = "http://127.0.0.1:1/api/v9/"
	good := discord.Options{Token: "t", APIURL: local}
	tests := []struct {
		name   string
		change func(o *discord.Options)
		noCore bool
		want   []string
	}{
		{"empty token", func(o *discord.Options) { o.Token = "  " }, false, []string{"DISCORD_BOT_TOKEN: must be set"}},
		{"token of only the prefix", func(o *discord.Options) { o.Token = "Bot " }, false, []string{"DISCORD_BOT_TOKEN: must be set"}},
		{"token with spaces", func(o *discord.Options) { o.Token = "abc def" }, false, []string{"DISCORD_BOT_TOKEN: must not contain spaces"}},
		{"token with a control character", func(o *discord.Options) { o.Token = "abc\x00def" }, false, []string{"control characters"}},
		{"no core", func(*discord.Options) {}, true, []string{"core is required"}},
		{"api url of another scheme", func(o *discord.Options) { o.APIURL = "ftp://127.0.0.1/api/" }, false, []string{"absolute http or https"}},
		{"api url without a trailing slash", func(o *discord.Options) { o.APIURL = "http://127.0.0.1:1/api/v9" }, false, []string{"must end with /"}},
		{"relative api url", func(o *discord.Options) { o.APIURL = "api/v9/" }, false, []string{"absolute http or https"}},
		{"api url with a query", func(o *discord.Options) { o.APIURL = local + "?x=1" }, false, []string{"no query"}},
		{"shard id beyond the count", func(o *discord.Options) { o.ShardID, o.ShardCount = new(2), 2 }, false, []string{`DISCORD_SHARD_ID: "2" must be less than DISCORD_SHARD_COUNT (2)`}},
		{"negative shard id", func(o *discord.Options) { o.ShardID, o.ShardCount = new(-1), 2 }, false, []string{`DISCORD_SHARD_ID: "-1" must be 0 or more`}},
		{"negative shard count", func(o *discord.Options) { o.ShardID, o.ShardCount = new(0), -2 }, false, []string{`DISCORD_SHARD_COUNT: "-2" must be 1 or more`}},
		{"shard id without a count", func(o *discord.Options) { o.ShardID = new(0) }, false, []string{"DISCORD_SHARD_COUNT: must be set when DISCORD_SHARD_ID is set"}},
		{"shard count without an id", func(o *discord.Options) { o.ShardCount = 1 }, false, []string{"DISCORD_SHARD_ID: must be set when DISCORD_SHARD_COUNT is set"}},
		{"public key too short", func(o *discord.Options) { o.PublicKey = "abcd" }, false, []string{`DISCORD_PUBLIC_KEY: "abcd" must be 64 hexadecimal characters`}},
		{"public key not hexadecimal", func(o *discord.Options) { o.PublicKey = strings.Repeat("xy", 32) }, false, []string{`DISCORD_PUBLIC_KEY: "xyxy`}},
		{"typing delay over a minute", func(o *discord.Options) { o.TypingDelay = time.Hour }, false, []string{"typing delay 1h0m0s"}},
		{"negative workers", func(o *discord.Options) { o.Workers = -1 }, false, []string{"workers -1"}},
		{"negative queue timeout", func(o *discord.Options) { o.QueueTimeout = -time.Second }, false, []string{"queue timeout -1s"}},
		{"every problem at once", func(o *discord.Options) {
			*o = discord.Options{APIURL: "nope", ShardID: new(5), ShardCount: 2, Workers: -3}
		}, true, []string{"core is required", "DISCORD_BOT_TOKEN: must be set", `DISCORD_API_URL: "nope"`, `DISCORD_SHARD_ID: "5"`, "workers -3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := good
			tt.change(&opts)
			var core discord.Core = newFakeCore()
			if tt.noCore {
				core = nil
			}
			a, err := discord.New(opts, core)
			if err == nil {
				t.Fatalf("got adapter %v and no error, want an error", a)
			}
			if a != nil {
				t.Errorf("got an adapter with the error, want nil")
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("got error %q, want it to contain %q", err, want)
				}
			}
			if n := strings.Count(err.Error(), "\n") + 1; n != len(tt.want) {
				t.Errorf("got %d problems in %q, want %d", n, err, len(tt.want))
			}
		})
	}
}

func TestNewAcceptsGoodOptions(t *testing.T) {
	tests := []struct {
		name string
		opts discord.Options
	}{
		{"defaults", discord.Options{Token: "abc"}},
		{"prefixed token and sharding", discord.Options{Token: "Bot abc", ShardID: new(3), ShardCount: 4}},
		{"the first of one shard", discord.Options{Token: "abc", ShardID: new(0), ShardCount: 1}},
		{"public key", discord.Options{Token: "abc", PublicKey: strings.Repeat("0f", 32)}},
		{"typing at once, custom workers", discord.Options{Token: "abc", TypingDelay: -1, Workers: 16, QueueTimeout: time.Minute}},
		{"no typing", discord.Options{Token: "abc", NoTyping: true, APIURL: "https://proxy.example/discord/api/v9/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := discord.New(tt.opts, newFakeCore()); err != nil {
				t.Errorf("got error %v, want none", err)
			}
		})
	}
}

// run starts an adapter against fake and returns a function that stops it
// and returns Run's error.
func run(t *testing.T, fake *discordtest.Server, opts discord.Options) (stop func() error) {
	t.Helper()
	_, stop = runAdapter(t, fake, opts)
	return stop
}

// runAdapter is run, also returning the adapter.
func runAdapter(t *testing.T, fake *discordtest.Server, opts discord.Options) (a *discord.Adapter, stop func() error) {
	t.Helper()
	opts.Token = token
	opts.APIURL = fake.URL()
	a, err := discord.New(opts, newFakeCore())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	var stopped bool
	var runErr error
	stop = func() error {
		if !stopped {
			stopped = true
			cancel()
			runErr = <-done
		}
		return runErr
	}
	t.Cleanup(func() { stop() })
	return a, stop
}

// waitUntil waits for cond, which no fake event signals, in a loop that
// yields until it holds or the guard passes.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(guard)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("got no %s", what)
		}
		runtime.Gosched()
	}
}

// waitFor waits for cond on the fake or fails the test.
func waitFor(t *testing.T, fake *discordtest.Server, what string, cond func() bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	if err := fake.Wait(ctx, cond); err != nil {
		t.Fatalf("got no %s: %v", what, err)
	}
}

func TestRunStopsWhileTheGatewayStalls(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{Token: token, HoldHello: true})
	stop := run(t, fake, discord.Options{})
	waitFor(t, fake, "gateway connection", func() bool { return fake.Dials() > 0 })
	if err := stop(); err != nil {
		t.Errorf("got Run error %v, want nil for a stop while connecting", err)
	}
	waitNoLibraryGoroutines(t)
}

func TestRunTwice(t *testing.T) {
	a, err := discord.New(discord.Options{Token: token, APIURL: "http://127.0.0.1:1/api/v9/"}, newFakeCore())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := a.Run(ctx); err != nil {
		t.Errorf("got first Run error %v, want nil for a done context", err)
	}
	if err := a.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("got second Run error %v, want one saying Run was called twice", err)
	}
}

func TestRunRefusedTokenFailsAtOnce(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{Token: "another-token"})
	a, err := discord.New(discord.Options{Token: token, APIURL: fake.URL()}, newFakeCore())
	if err != nil {
		t.Fatal(err)
	}
	// The guard only keeps a broken adapter from hanging the test.
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	err = a.Run(ctx)
	if err == nil || errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "401") {
		t.Errorf("got Run error %v, want the refused token (401)", err)
	}
	if n := fake.Dials(); n != 0 {
		t.Errorf("got %d gateway dials, want none with a refused token", n)
	}
}

func TestRunRetriesUntilTheGatewayIsUp(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{Token: token})
	fake.SetGatewayDown(true)
	stop := run(t, fake, discord.Options{})
	waitFor(t, fake, "refused dial", func() bool { return fake.Refused() > 0 })
	fake.SetGatewayDown(false)
	waitFor(t, fake, "command registration", func() bool {
		for _, c := range fake.Calls() {
			if c.Method == "PUT" {
				return true
			}
		}
		return false
	})
	if err := stop(); err != nil {
		t.Errorf("got Run error %v, want nil after a clean stop", err)
	}
	waitNoLibraryGoroutines(t)
}

func TestRunStopsWhileReconnecting(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{Token: token})
	a, stop := runAdapter(t, fake, discord.Options{})
	waitUntil(t, "connected adapter", a.Connected)
	fake.SetGatewayDown(true)
	fake.Drop()
	// The first reconnect attempt was refused: Run now waits to try again.
	waitFor(t, fake, "refused reconnect", func() bool { return fake.Refused() > 0 })
	if a.Connected() {
		t.Errorf("got Connected true while reconnecting")
	}
	if err := stop(); err != nil {
		t.Errorf("got Run error %v, want nil", err)
	}
	if a.Connected() {
		t.Errorf("got Connected true after Run returned")
	}
	waitNoLibraryGoroutines(t)
}

func TestBusy(t *testing.T) {
	core := newFakeCore()
	fx := start(t, discordtest.Options{}, discord.Options{Workers: 1, QueueTimeout: time.Millisecond, NoTyping: true}, core)
	// The one worker is held by a slow answer until the test has seen the
	// busy replies.
	started, release := make(chan struct{}), make(chan struct{})
	core.script("c-slow", func(ctx context.Context, req bot.Request) bot.Reply {
		close(started)
		select {
		case <-release:
		case <-ctx.Done():
		}
		return answerReply("r-slow", req.Text, "Finally.")
	})
	fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-slow", "c-slow", guildID, userID, "<@"+botID+"> slow?", botID))
	select {
	case <-started:
	case <-time.After(guard):
		t.Fatal("got no request for the slow answer")
	}

	t.Run("a mention gets a busy reply", func(t *testing.T) {
		fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-busy", "c-busy", guildID, userID, "<@"+botID+"> hello?", botID))
		m := decodeSent(t, fx.waitCalls(t, 1, call("POST", "channels/c-busy/messages"))[0])
		if !strings.Contains(m.Content, "busy") || m.Reference == nil || m.Reference.MessageID != "m-busy" {
			t.Errorf("got %+v, want a busy reply to the message", m)
		}
		if n := len(core.requestsIn("c-busy")); n != 0 {
			t.Errorf("got %d core requests, want none while busy", n)
		}
	})

	t.Run("a slash command is deferred, then told the bot is busy", func(t *testing.T) {
		fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-busy", "tok-busy", 2, "c-busy-cmd", commandData("themes")))
		edit := fx.waitCalls(t, 1, call("PATCH", "webhooks/"+appID+"/tok-busy/messages/@original"))[0]
		cb := decodeCallback(t, fx.waitCalls(t, 1, call("POST", "interactions/i-busy/tok-busy/callback"))[0])
		if cb.Type != 5 {
			t.Errorf("got callback type %d, want a deferral (5) before waiting for a worker", cb.Type)
		}
		if m := decodeSent(t, edit); !strings.Contains(m.Content, "busy") {
			t.Errorf("got edit %q, want the busy message", m.Content)
		}
	})

	t.Run("a feedback click needs no worker: it is saved and thanked", func(t *testing.T) {
		data := map[string]any{"custom_id": "fb:up:r-x", "component_type": 2}
		fx.dispatch(t, "INTERACTION_CREATE", interactionEvent("i-busy-fb", "tok-busy-fb", 3, "c-busy-fb", data))
		cb := decodeCallback(t, fx.waitCalls(t, 1, call("POST", "interactions/i-busy-fb/tok-busy-fb/callback"))[0])
		if cb.Type != 4 || cb.Data == nil || !strings.Contains(cb.Data.Content, "Thanks") {
			t.Errorf("got callback %+v, want thanks", cb)
		}
		if fb := core.feedbackFor("r-x"); len(fb) != 1 {
			t.Errorf("got feedback %+v, want the click saved", fb)
		}
	})

	close(release)
	fx.waitCalls(t, 1, call("POST", "channels/c-slow/messages"))
	t.Run("once the worker is free, the next mention is answered", func(t *testing.T) {
		// The slow answer is posted a moment before its worker is free
		// again: until then a mention may still be told the bot is busy,
		// which is right. Ask again until the worker has come back.
		for i := range 100 {
			channel := fmt.Sprintf("c-after-%d", i)
			fx.dispatch(t, "MESSAGE_CREATE", messageEvent(fmt.Sprintf("m-after-%d", i), channel, guildID, userID, "<@"+botID+"> now?", botID))
			m := decodeSent(t, fx.waitCalls(t, 1, call("POST", "channels/"+channel+"/messages"))[0])
			if strings.Contains(m.Content, "busy") {
				continue
			}
			if len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Description, "Echo: now?") {
				t.Errorf("got %+v, want the answer", m)
			}
			return
		}
		t.Error("the worker never came back: every mention was told the bot is busy")
	})
	fx.stop()
	if i := indexOf(fx.fake.Calls(), func(c discordtest.Call) bool { return strings.HasSuffix(c.Path, "/typing") }); i >= 0 {
		t.Errorf("got a typing indicator at call %d, want none with NoTyping", i)
	}
	fx.acceptedAll(t)
}

func TestTypingAtOnce(t *testing.T) {
	core := newFakeCore()
	fx := start(t, discordtest.Options{}, discord.Options{TypingDelay: -1}, core)
	core.script("c-now", func(_ context.Context, req bot.Request) bot.Reply {
		// A negative delay sends the indicator before the core is asked.
		if indexOf(fx.fake.Calls(), call("POST", "channels/c-now/typing")) < 0 {
			t.Errorf("got the core asked before the typing indicator was sent")
		}
		return answerReply("r-now", req.Text, "Now.")
	})
	fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-now", "c-now", "", userID, "now?"))
	fx.waitCalls(t, 1, call("POST", "channels/c-now/messages"))
}

func TestLibraryLogsOffUnlessDebug(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{Token: token})
	logs := &logBuffer{}
	stop := run(t, fake, discord.Options{Logger: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo}))})
	waitFor(t, fake, "command registration", func() bool { return len(fake.Calls()) > 1 })
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	got := logs.String()
	if !strings.Contains(got, "connected to the gateway") {
		t.Errorf("got logs %q, want the adapter's own info lines", got)
	}
	if strings.Contains(got, "discordgo") {
		t.Errorf("got discordgo lines at info level:\n%s", got)
	}
}

func TestRunReportsReconnects(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{Token: token})
	reconnects := make(chan struct{}, 8)
	a, stop := runAdapter(t, fake, discord.Options{OnReconnect: func() { reconnects <- struct{}{} }})
	waitUntil(t, "connected adapter", a.Connected)
	waitReconnect := func(t *testing.T, what string) {
		t.Helper()
		select {
		case <-reconnects:
		case <-time.After(guard):
			t.Fatalf("got no OnReconnect call after %s", what)
		}
	}
	tests := []struct {
		name string
		drop func() error
	}{
		{"a dropped connection", func() error { fake.Drop(); return nil }},
		{"a reconnect request (op 7)", fake.Reconnect},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.drop(); err != nil {
				t.Fatal(err)
			}
			waitReconnect(t, tt.name)
			if got := len(fake.Resumes()); got != i+1 {
				t.Errorf("got %d resumes, want %d", got, i+1)
			}
		})
	}
	if err := stop(); err != nil {
		t.Errorf("got Run error %v, want nil", err)
	}
	// The first connection is no reconnect, and each drop counts once.
	if n := len(reconnects); n != 0 {
		t.Errorf("got %d more OnReconnect calls, want one per reconnect", n)
	}
}
