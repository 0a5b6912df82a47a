package discord_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/discord"
	"github.com/talksbot/talksbot/adapters/discord/discordtest"
	"github.com/talksbot/talksbot/bot"
)

// Ids the fake announces and the tests use.
const (
	appID   = "900"
	botID   = "901"
	guildID = "300"
	userID  = "555"
	token   = "test-token"
)

// guard bounds every wait so a broken adapter fails a test instead of
// hanging it; it is never what a test asserts on.
const guard = 20 * time.Second

// fakeCore is a hand-written Core: replies are scripted per channel, and
// every request and feedback is recorded. Unscripted requests and themes go
// to next when set, and otherwise get an echo.
type fakeCore struct {
	next     discord.Core
	mu       sync.Mutex
	scripts  map[string]func(ctx context.Context, req bot.Request) bot.Reply
	requests []bot.Request
	feedback []bot.Feedback
	themes   []bot.ThemeRef
	// delivered counts FirstDelivery calls per key; forgotten lists the
	// keys released, finished those marked done.
	delivered map[string]int
	forgotten []string
	finished  []string
	// onDone, when set, runs as a key is marked done.
	onDone func(key string)
	// shares holds the replies kept for Share buttons.
	shares map[string]bot.Reply
	// forgot, when set, receives every key released.
	forgot chan string
	// beforeSave, when set, runs before feedback is recorded, as a slow
	// store would.
	beforeSave func(ctx context.Context, f bot.Feedback)
}

var _ discord.Core = (*fakeCore)(nil)

func newFakeCore() *fakeCore {
	return &fakeCore{scripts: map[string]func(context.Context, bot.Request) bot.Reply{}}
}

// script makes requests from channel get fn's reply.
func (c *fakeCore) script(channel string, fn func(ctx context.Context, req bot.Request) bot.Reply) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.scripts[channel] = fn
}

func (c *fakeCore) Handle(ctx context.Context, req bot.Request) bot.Reply {
	c.mu.Lock()
	c.requests = append(c.requests, req)
	fn := c.scripts[req.Channel]
	c.mu.Unlock()
	if fn != nil {
		return fn(ctx, req)
	}
	if c.next != nil {
		return c.next.Handle(ctx, req)
	}
	q := req.Text
	if req.Command != nil {
		q = req.Command.Arg
	}
	return answerReply("r-"+req.Channel, q, "Echo: "+q)
}

func (c *fakeCore) Feedback(ctx context.Context, f bot.Feedback) error {
	c.mu.Lock()
	before := c.beforeSave
	c.mu.Unlock()
	if before != nil {
		before(ctx, f)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if f.ReplyID == "r-fail" {
		return errors.New("store is down")
	}
	c.feedback = append(c.feedback, f)
	return nil
}

func (c *fakeCore) Themes() []bot.ThemeRef {
	if c.next != nil {
		return c.next.Themes()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]bot.ThemeRef(nil), c.themes...)
}

func (c *fakeCore) FirstDelivery(_ context.Context, key string) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.delivered == nil {
		c.delivered = map[string]int{}
	}
	c.delivered[key]++
	return c.delivered[key] == 1, nil
}

func (c *fakeCore) DoneDelivery(_ context.Context, key string) error {
	c.mu.Lock()
	onDone := c.onDone
	c.finished = append(c.finished, key)
	c.mu.Unlock()
	if onDone != nil {
		onDone(key)
	}
	return nil
}

// done returns the keys marked done, in order.
func (c *fakeCore) done() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.finished...)
}

// brokenShare is a Share key whose reply the fake store cannot read.
const brokenShare = "sh-broken"

func (c *fakeCore) SaveShare(_ context.Context, r bot.Reply) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.shares == nil {
		c.shares = map[string]bot.Reply{}
	}
	key := fmt.Sprintf("sh-%d", len(c.shares)+1)
	c.shares[key] = r
	return key, nil
}

func (c *fakeCore) LoadShare(_ context.Context, key string) (bot.Reply, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if key == brokenShare {
		return bot.Reply{}, errors.New("store is down")
	}
	r, ok := c.shares[key]
	if !ok {
		return bot.Reply{}, fmt.Errorf("share %s: %w", key, bot.ErrNotFound)
	}
	return r, nil
}

func (c *fakeCore) ForgetDelivery(_ context.Context, key string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.delivered, key)
	c.forgotten = append(c.forgotten, key)
	select {
	case c.forgot <- key: // a nil channel never takes it
	default:
	}
	return nil
}

// deliveries returns how often FirstDelivery was asked about key.
func (c *fakeCore) deliveries(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.delivered[key]
}

// released returns the keys released with ForgetDelivery.
func (c *fakeCore) released() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.forgotten...)
}

// requestsIn returns the requests made from channel.
func (c *fakeCore) requestsIn(channel string) []bot.Request {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []bot.Request
	for _, r := range c.requests {
		if r.Channel == channel {
			out = append(out, r)
		}
	}
	return out
}

func (c *fakeCore) feedbackFor(replyID string) []bot.Feedback {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []bot.Feedback
	for _, f := range c.feedback {
		if f.ReplyID == replyID {
			out = append(out, f)
		}
	}
	return out
}

// answerReply is a small grounded answer with one quote.
func answerReply(id, question, text string) bot.Reply {
	return bot.Reply{
		ID:       id,
		Kind:     bot.KindAnswer,
		Question: question,
		Text:     text,
		Quotes:   []bot.Quote{{Text: "Congress pushed for a say in any deal.", Citation: 0}},
		Citations: []bot.Citation{{
			ID: "p1", Doc: "vienna", Title: "The Vienna talks", Section: "Congress",
			Text: "Congress pushed for a say in any deal. It held hearings.",
		}},
		Mode: bot.ModeExtractive,
	}
}

// logBuffer collects log output safely across goroutines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// fixture is one adapter running against one fake Discord.
type fixture struct {
	fake    *discordtest.Server
	core    *fakeCore
	logs    *logBuffer
	adapter *discord.Adapter
	stop    func() // stops the adapter and waits for Run; idempotent
}

// start runs an adapter with opts (token, API URL and logger filled in)
// against a new fake and waits until it has registered its commands.
func start(t *testing.T, fopts discordtest.Options, opts discord.Options, core *fakeCore) *fixture {
	t.Helper()
	fopts.AppID, fopts.UserID, fopts.Token = appID, botID, token
	return startWith(t, discordtest.Start(t, fopts), opts, core)
}

// startWith is start against a fake of the test's own.
func startWith(t *testing.T, fake *discordtest.Server, opts discord.Options, core *fakeCore) *fixture {
	t.Helper()
	logs := &logBuffer{}
	opts.Token = token
	opts.APIURL = fake.URL()
	opts.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	a, err := discord.New(opts, core)
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run returned %v, want nil after a clean stop", err)
			}
		})
	}
	t.Cleanup(stop)
	fx := &fixture{fake: fake, core: core, logs: logs, adapter: a, stop: stop}
	fx.waitCalls(t, 1, func(c discordtest.Call) bool {
		return c.Method == "PUT" && strings.HasSuffix(c.Path, "/commands")
	})
	return fx
}

// waitCalls waits for n REST calls matching match and returns them.
func (fx *fixture) waitCalls(t *testing.T, n int, match func(discordtest.Call) bool) []discordtest.Call {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	calls, err := fx.fake.WaitCalls(ctx, n, match)
	if err != nil {
		t.Fatalf("got %d matching calls, want %d: %v\nlogs:\n%s", len(calls), n, err, fx.logs.String())
	}
	return calls
}

// dispatch sends a gateway event or fails the test.
func (fx *fixture) dispatch(t *testing.T, typ string, d any) {
	t.Helper()
	if err := fx.fake.Dispatch(typ, d); err != nil {
		t.Fatal(err)
	}
}

func call(method, path string) func(discordtest.Call) bool {
	return func(c discordtest.Call) bool { return c.Method == method && c.Path == path }
}

// indexOf returns the position of the first call matching match, or -1.
func indexOf(calls []discordtest.Call, match func(discordtest.Call) bool) int {
	for i, c := range calls {
		if match(c) {
			return i
		}
	}
	return -1
}

// messageEvent is a MESSAGE_CREATE payload; guild "" makes it a DM.
func messageEvent(id, channel, guild, author, content string, mentioned ...string) map[string]any {
	ms := []any{}
	for _, m := range mentioned {
		ms = append(ms, map[string]any{"id": m, "username": "someone"})
	}
	ev := map[string]any{
		"id": id, "channel_id": channel, "content": content, "type": 0,
		"author":    map[string]any{"id": author, "username": "asker"},
		"mentions":  ms,
		"timestamp": "2025-01-01T00:00:00Z",
	}
	if guild != "" {
		ev["guild_id"] = guild
	}
	return ev
}

// interactionEvent is an INTERACTION_CREATE payload in the test guild.
func interactionEvent(id, tok string, typ int, channel string, data any) map[string]any {
	return map[string]any{
		"id": id, "application_id": appID, "type": typ, "token": tok, "version": 1,
		"channel_id": channel, "guild_id": guildID,
		"member": map[string]any{"user": map[string]any{"id": userID, "username": "asker"}},
		"data":   data,
	}
}

// commandData is /talks data with one subcommand and its options.
func commandData(sub string, opts ...map[string]any) map[string]any {
	o := map[string]any{"type": 1, "name": sub}
	if len(opts) > 0 {
		o["options"] = opts
	}
	return map[string]any{"id": "1", "name": "talks", "type": 1, "options": []any{o}}
}

func stringOption(name, value string) map[string]any {
	return map[string]any{"type": 3, "name": name, "value": value}
}

// sent is the part of a posted or edited message the tests look at.
type sent struct {
	Content string `json:"content"`
	Flags   int    `json:"flags"`
	Embeds  []struct {
		Title       string `json:"title"`
		Description string `json:"description"`
		Fields      []struct {
			Name  string `json:"name"`
			Value string `json:"value"`
		} `json:"fields"`
		Footer *struct {
			Text string `json:"text"`
		} `json:"footer"`
	} `json:"embeds"`
	Components []struct {
		Components []struct {
			CustomID string `json:"custom_id"`
		} `json:"components"`
	} `json:"components"`
	Reference *struct {
		MessageID string `json:"message_id"`
	} `json:"message_reference"`
	AllowedMentions *struct {
		Parse []string `json:"parse"`
	} `json:"allowed_mentions"`
}

func (m sent) customIDs() []string {
	var ids []string
	for _, row := range m.Components {
		for _, c := range row.Components {
			ids = append(ids, c.CustomID)
		}
	}
	return ids
}

// size counts an embed's characters as Discord does.
func (m sent) embedSize(i int) int {
	e := m.Embeds[i]
	n := runes(e.Title) + runes(e.Description)
	for _, f := range e.Fields {
		n += runes(f.Name) + runes(f.Value)
	}
	if e.Footer != nil {
		n += runes(e.Footer.Text)
	}
	return n
}

func runes(s string) int { return len([]rune(s)) }

func decodeSent(t *testing.T, c discordtest.Call) sent {
	t.Helper()
	var m sent
	if err := c.JSON(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

// callback is an interaction response the adapter posted.
type callback struct {
	Type int `json:"type"`
	Data *struct {
		Content string `json:"content"`
		Flags   int    `json:"flags"`
		Choices []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"choices"`
	} `json:"data"`
}

func decodeCallback(t *testing.T, c discordtest.Call) callback {
	t.Helper()
	var cb callback
	if err := c.JSON(&cb); err != nil {
		t.Fatal(err)
	}
	return cb
}

// acceptedAll fails the test when the fake refused a call it was not
// scripted to refuse: everything the adapter sends must pass Discord's checks.
func (fx *fixture) acceptedAll(t *testing.T) {
	t.Helper()
	for _, c := range fx.fake.Calls() {
		if c.Status >= 400 && !c.Canned {
			t.Errorf("got %s %s refused with %d: %s", c.Method, c.Path, c.Status, c.Body)
		}
	}
}

// waitNoLibraryGoroutines waits until no goroutine runs discordgo code: once
// Run has returned, the session's goroutines must end on their own.
func waitNoLibraryGoroutines(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(guard)
	for {
		stacks := libraryGoroutines()
		if len(stacks) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("got %d discordgo goroutines still running after Run returned, want none:\n%s",
				len(stacks), strings.Join(stacks, "\n\n"))
		}
		runtime.Gosched()
	}
}

// libraryGoroutines returns the stacks of the goroutines running discordgo
// code.
func libraryGoroutines() []string {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	var out []string
	for g := range strings.SplitSeq(string(buf), "\n\n") {
		if strings.Contains(g, "github.com/bwmarrin/discordgo.") {
			out = append(out, g)
		}
	}
	return out
}
