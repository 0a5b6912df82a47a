package discord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/talksbot/talksbot/bot"
)

// DefaultAPIURL is the Discord REST root used when Options.APIURL is empty.
const DefaultAPIURL = "https://discord.com/api/v9/"

// DefaultTypingDelay is the delay before a typing indicator that `talksbot
// serve` passes as Options.TypingDelay: answers quicker than this show none.
const DefaultTypingDelay = time.Second

const (
	// handshakeTimeout bounds the wait for Hello and READY (or RESUMED) after
	// the gateway websocket is dialled; discordgo sets no read deadline there.
	handshakeTimeout = 30 * time.Second
	// restTimeout bounds each REST request when Options.HTTPClient has no
	// timeout of its own.
	restTimeout = 20 * time.Second
	// workTimeout bounds the handling of one event, well inside the 15
	// minutes an interaction token stays valid.
	workTimeout = 5 * time.Minute
	// shutdownGrace is how long Run lets answers in flight finish after its
	// context is done before cancelling them.
	shutdownGrace = 10 * time.Second
)

// Core is what the adapter needs from the bot core; *bot.Bot satisfies it.
type Core interface {
	// Handle answers one request; it always returns a Reply.
	Handle(ctx context.Context, req bot.Request) bot.Reply
	// Feedback records a user's verdict on a reply.
	Feedback(ctx context.Context, f bot.Feedback) error
	// Themes lists the knowledge base's themes, for autocomplete.
	Themes() []bot.ThemeRef
}

var _ Core = (*bot.Bot)(nil)

// Options configure an Adapter.
type Options struct {
	// Token is the bot token (DISCORD_BOT_TOKEN), with or without the
	// "Bot " prefix. It is never logged.
	Token string
	// GuildID, when set (DISCORD_GUILD_ID), registers /talks in that guild
	// only, where changes show at once; otherwise it is registered globally.
	GuildID string
	// APIURL is the REST root (DISCORD_API_URL); DefaultAPIURL when empty.
	// It must end with "/". The gateway address is looked up there too.
	APIURL string
	// ShardID and ShardCount split guilds across processes for large
	// deployments; ShardCount 0 or 1 means a single shard.
	ShardID    int
	ShardCount int
	// MessageContent requests the privileged message content intent, needed
	// only to read guild messages that do not mention the bot. Mentions and
	// DMs carry their content without it.
	MessageContent bool
	// HTTPClient carries REST requests; a client with a 20-second timeout
	// when nil. The adapter wraps a copy and never modifies it.
	HTTPClient *http.Client
	// Logger receives the adapter's logs; discarded when nil.
	Logger *slog.Logger
	// TypingDelay is how long an answer to a mention or DM may take before a
	// typing indicator is shown: 0 shows it at once, a negative value never.
	// `talksbot serve` passes DefaultTypingDelay.
	TypingDelay time.Duration
}

// Adapter connects the bot core to Discord. Create it with New and start it
// with Run.
type Adapter struct {
	opts Options
	core Core
	log  *slog.Logger

	mu      sync.Mutex
	started bool
	appID   string // application id, from READY
	userID  string // the bot user's id, from READY

	// work tracks the goroutines answering events, so Run returns only once
	// they have ended.
	workMu  sync.Mutex
	closing bool
	work    sync.WaitGroup

	watch handshakeWatch
}

// New returns an Adapter that answers Discord users through core. Options
// are checked when Run starts.
func New(opts Options, core Core) *Adapter {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Adapter{opts: opts, core: core, log: log.With("adapter", "discord")}
}

// Run opens the gateway session, registers the /talks command with one bulk
// overwrite, answers events until ctx is done, then closes the session and
// waits for the answers in flight. It returns an error when the options are
// invalid or the session cannot be opened or the command registered; a
// done ctx is a clean stop (nil) once the session is up.
func (a *Adapter) Run(ctx context.Context) error {
	a.mu.Lock()
	if a.started {
		a.mu.Unlock()
		return errors.New("discord: Run called twice")
	}
	a.started = true
	a.mu.Unlock()

	s, err := a.newSession()
	if err != nil {
		return fmt.Errorf("discord: %w", err)
	}

	// Answers in flight outlive ctx for a grace period at shutdown, so they
	// get a context of their own.
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	a.addHandlers(work, s)

	if err := a.open(ctx, s); err != nil {
		a.stopWork(cancelWork)
		return fmt.Errorf("discord: open gateway session: %w", err)
	}
	a.log.Info("connected to the gateway", "shard_id", s.ShardID, "shard_count", s.ShardCount)

	if err := a.register(ctx, s); err != nil {
		a.shutdown(s, cancelWork)
		return fmt.Errorf("discord: %w", err)
	}

	<-ctx.Done()
	a.shutdown(s, cancelWork)
	return nil
}

// newSession checks the options and builds a discordgo session from them.
func (a *Adapter) newSession() (*discordgo.Session, error) {
	if a.core == nil {
		return nil, errors.New("no bot core given")
	}
	token := strings.TrimSpace(a.opts.Token)
	if rest, ok := strings.CutPrefix(token, "Bot"); ok && (rest == "" || rest[0] == ' ') {
		token = strings.TrimSpace(rest)
	}
	if token == "" {
		return nil, errors.New("bot token is empty")
	}
	if strings.ContainsAny(token, " \t\r\n") {
		return nil, errors.New("bot token contains spaces")
	}
	base, err := parseAPIURL(a.opts.APIURL)
	if err != nil {
		return nil, err
	}
	count := max(a.opts.ShardCount, 1)
	if a.opts.ShardID < 0 || a.opts.ShardID >= count {
		return nil, fmt.Errorf("shard id %d: must be at least 0 and less than the shard count %d", a.opts.ShardID, count)
	}

	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, fmt.Errorf("new session: %w", err)
	}
	s.Client = restClient(a.opts.HTTPClient, base)
	s.Dialer = &websocket.Dialer{
		Proxy:            http.ProxyFromEnvironment,
		HandshakeTimeout: handshakeTimeout,
		NetDialContext:   a.watch.dial,
	}
	s.ShardID = a.opts.ShardID
	s.ShardCount = count
	s.Identify.Intents = intents(a.opts.MessageContent)
	// Handlers run on the gateway goroutine and hand real work to goroutines
	// the adapter tracks, so Run can wait for them.
	s.SyncEvents = true
	s.StateEnabled = false
	return s, nil
}

// intents returns the gateway intents: guild and direct messages always, the
// privileged message content intent only when asked for.
func intents(messageContent bool) discordgo.Intent {
	i := discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	if messageContent {
		i |= discordgo.IntentsMessageContent
	}
	return i
}

// parseAPIURL checks the REST root; empty means DefaultAPIURL.
func parseAPIURL(raw string) (*url.URL, error) {
	if raw == "" {
		raw = DefaultAPIURL
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("api url %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("api url %q: must be an absolute http or https URL", raw)
	}
	if !strings.HasSuffix(u.Path, "/") {
		return nil, fmt.Errorf("api url %q: must end with /", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("api url %q: must have no query or fragment", raw)
	}
	return u, nil
}

// open opens the session, giving up when ctx is done first.
func (a *Adapter) open(ctx context.Context, s *discordgo.Session) error {
	opened := make(chan error, 1)
	go func() { opened <- s.Open() }()
	select {
	case err := <-opened:
		if err != nil {
			return err
		}
	case <-ctx.Done():
		// Open cannot be cancelled; closing the websocket it is reading
		// from makes it return.
		a.watch.abort()
		if err := <-opened; err == nil {
			a.closeSession(s)
		}
		return ctx.Err()
	}
	if a.ids().app == "" {
		a.closeSession(s)
		return errors.New("READY carried no application id")
	}
	return nil
}

// register bulk-overwrites the application commands with /talks.
func (a *Adapter) register(ctx context.Context, s *discordgo.Session) error {
	ids := a.ids()
	cmds, err := s.ApplicationCommandBulkOverwrite(ids.app, a.opts.GuildID, commands(), discordgo.WithContext(ctx))
	if err != nil {
		a.logRESTError("register commands", err)
		return fmt.Errorf("register /%s commands: %w", commandName, err)
	}
	scope := "global"
	if a.opts.GuildID != "" {
		scope = "guild"
	}
	a.log.Info("registered commands", "scope", scope, "guild_id", a.opts.GuildID, "count", len(cmds))
	return nil
}

// shutdown stops taking events, closes the session and waits for the answers
// in flight.
func (a *Adapter) shutdown(s *discordgo.Session, cancelWork context.CancelFunc) {
	a.workMu.Lock()
	a.closing = true
	a.workMu.Unlock()
	a.closeSession(s)
	a.stopWork(cancelWork)
	a.log.Info("disconnected from the gateway")
}

// closeSession closes the gateway session for good.
func (a *Adapter) closeSession(s *discordgo.Session) {
	// discordgo reads this flag when its connection fails; turned off, a
	// read error racing with Close does not dial again.
	s.Lock()
	s.ShouldReconnectOnError = false
	s.Unlock()
	if err := s.Close(); err != nil {
		a.log.Warn("close gateway session", "err", err)
	}
}

// stopWork waits for the answers in flight, cancelling them after the grace
// period.
func (a *Adapter) stopWork(cancelWork context.CancelFunc) {
	a.workMu.Lock()
	a.closing = true
	a.workMu.Unlock()
	done := make(chan struct{})
	go func() {
		a.work.Wait()
		close(done)
	}()
	t := time.NewTimer(shutdownGrace)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		a.log.Warn("cancelling answers still in flight at shutdown")
		cancelWork()
		<-done
	}
}

// spawn runs fn on a tracked goroutine with a bounded context, unless the
// adapter is shutting down.
func (a *Adapter) spawn(work context.Context, what string, fn func(ctx context.Context)) {
	a.workMu.Lock()
	if a.closing {
		a.workMu.Unlock()
		return
	}
	a.work.Add(1)
	a.workMu.Unlock()
	go func() {
		defer a.work.Done()
		defer func() {
			if p := recover(); p != nil {
				a.log.Error("panic while handling an event", "event", what, "panic", fmt.Sprint(p))
			}
		}()
		ctx, cancel := context.WithTimeout(work, workTimeout)
		defer cancel()
		fn(ctx)
	}()
}

type botIDs struct{ app, user string }

func (a *Adapter) ids() botIDs {
	a.mu.Lock()
	defer a.mu.Unlock()
	return botIDs{app: a.appID, user: a.userID}
}

// addHandlers routes the gateway events the adapter cares about.
func (a *Adapter) addHandlers(work context.Context, s *discordgo.Session) {
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { a.onReady(r) })
	s.AddHandler(func(s *discordgo.Session, _ *discordgo.Connect) { a.onConnect(s) })
	s.AddHandler(func(s *discordgo.Session, m *discordgo.MessageCreate) { a.onMessage(work, s, m) })
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) { a.onInteraction(work, s, ic) })
}

func (a *Adapter) onReady(r *discordgo.Ready) {
	if r == nil || r.User == nil {
		a.log.Warn("READY without a user")
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.userID = r.User.ID
	a.appID = r.User.ID // a bot user's id is its application's id
	if r.Application != nil && r.Application.ID != "" {
		a.appID = r.Application.ID
	}
}

// onConnect runs inside Session.Open once READY or RESUMED has arrived.
func (a *Adapter) onConnect(s *discordgo.Session) {
	a.watch.connected()
	a.workMu.Lock()
	closing := a.closing
	a.workMu.Unlock()
	if closing {
		// discordgo reconnected after Run closed the session; close it
		// again once Open (which holds the session lock) has returned.
		go a.closeSession(s)
		return
	}
	a.log.Debug("gateway session ready")
}

// handshakeWatch closes a freshly dialled gateway connection whose Hello and
// READY do not arrive in time, or when Run is cancelled meanwhile: discordgo
// reads them with no deadline.
type handshakeWatch struct {
	mu      sync.Mutex
	conn    net.Conn
	timer   *time.Timer
	aborted bool
}

func (w *handshakeWatch) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	w.mu.Lock()
	aborted := w.aborted
	w.mu.Unlock()
	if aborted {
		return nil, errors.New("dial gateway: adapter stopped")
	}
	var d net.Dialer
	c, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.timer != nil {
		w.timer.Stop()
	}
	w.conn = c
	w.timer = time.AfterFunc(handshakeTimeout, func() { c.Close() })
	return c, nil
}

// connected stops the watch on the current connection.
func (w *handshakeWatch) connected() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
	w.conn = nil
}

// abort closes the connection being set up, if any, and refuses new dials.
func (w *handshakeWatch) abort() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.aborted = true
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
	if w.conn != nil {
		w.conn.Close()
		w.conn = nil
	}
}

// restClient returns a copy of c (or a default client) whose transport sends
// requests for discordgo's built-in API root to base instead.
func restClient(c *http.Client, base *url.URL) *http.Client {
	var out http.Client
	if c != nil {
		out = *c
	}
	if out.Timeout == 0 {
		out.Timeout = restTimeout
	}
	next := out.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	if from, err := url.Parse(discordgo.EndpointAPI); err == nil && from.String() != base.String() {
		next = &rewriteTransport{from: from, to: base, next: next}
	}
	out.Transport = next
	return &out
}

// rewriteTransport sends requests under one URL prefix to another. discordgo
// builds every REST URL from package variables fixed at init; rewriting them
// here keeps each adapter's API root its own without touching those globals.
type rewriteTransport struct {
	from, to *url.URL
	next     http.RoundTripper
}

// RoundTrip implements http.RoundTripper.
func (t *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	u := req.URL
	if u.Scheme != t.from.Scheme || u.Host != t.from.Host || !strings.HasPrefix(u.Path, t.from.Path) {
		return t.next.RoundTrip(req)
	}
	out := req.Clone(req.Context())
	out.URL.Scheme = t.to.Scheme
	out.URL.Host = t.to.Host
	out.URL.Path = t.to.Path + strings.TrimPrefix(u.Path, t.from.Path)
	out.URL.RawPath = ""
	out.Host = ""
	return t.next.RoundTrip(out)
}
