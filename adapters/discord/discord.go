package discord

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
	"golang.org/x/time/rate"

	"github.com/talksbot/talksbot/bot"
)

// DefaultAPIURL is the Discord REST root used when Options.APIURL is empty.
const DefaultAPIURL = "https://discord.com/api/v9/"

// Defaults used when Options leave a value zero.
const (
	// DefaultTypingDelay is how long an answer to a mention or DM may take
	// before a typing indicator shows: quicker answers show none.
	DefaultTypingDelay = time.Second
	// DefaultWorkers is how many events are answered at once.
	DefaultWorkers = 8
)

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
	// DefaultShutdownGrace is how long Run lets answers in flight finish
	// after its context is done, before cancelling them, when
	// Options.ShutdownGrace is zero.
	DefaultShutdownGrace = 10 * time.Second
	// reconnectFirstWait and reconnectMaxWait bound the back-off between
	// attempts to reach the gateway.
	reconnectFirstWait = time.Second
	reconnectMaxWait   = 2 * time.Minute
	// maxTypingDelay bounds Options.TypingDelay: Discord shows the indicator
	// for ten seconds, so a longer wait means a misconfiguration.
	maxTypingDelay = time.Minute
	// maxWorkers bounds Options.Workers.
	maxWorkers = 1024
	// queuePerWorker sizes the queue of events waiting for a worker; events
	// beyond it are told at once that the bot is busy.
	queuePerWorker = 8
	// busyReserve is how many goroutines beyond the workers and the queue
	// may be answering "busy" or autocomplete at once; events beyond that
	// are dropped with a warning, as the adapter is flooded.
	busyReserve = 64
)

// Core is what the adapter needs from the bot core; *bot.Bot satisfies it.
type Core interface {
	// Handle answers one request; it always returns a Reply.
	Handle(ctx context.Context, req bot.Request) bot.Reply
	// Feedback records a user's verdict on a reply.
	Feedback(ctx context.Context, f bot.Feedback) error
	// Themes lists the knowledge base's themes, for autocomplete.
	Themes() []bot.ThemeRef
	// FirstDelivery reports whether a delivery key (an interaction id) is
	// seen for the first time, recording it.
	FirstDelivery(ctx context.Context, key string) (bool, error)
	// DoneDelivery marks a key answered, once the interaction has been
	// responded to: delivered again, it is not answered again.
	DoneDelivery(ctx context.Context, key string) error
	// ForgetDelivery releases a key FirstDelivery recorded, so that a
	// delivery of an interaction the adapter could not answer counts as
	// the first.
	ForgetDelivery(ctx context.Context, key string) error
	// SaveShare keeps a private reply for its Share button and returns
	// the button's key; LoadShare returns it, or an error wrapping
	// bot.ErrNotFound once it is no longer kept. Any replica can load what
	// another saved.
	SaveShare(ctx context.Context, r bot.Reply) (string, error)
	LoadShare(ctx context.Context, key string) (bot.Reply, error)
}

var _ Core = (*bot.Bot)(nil)

// Options configure an Adapter.
type Options struct {
	// Token is the bot token (DISCORD_BOT_TOKEN), with or without the
	// "Bot " prefix. Required. It is never logged.
	Token string
	// GuildID, when set (DISCORD_GUILD_ID), registers /talks in that guild
	// only, where changes show at once; otherwise it is registered globally.
	GuildID string
	// APIURL is the REST root (DISCORD_API_URL); DefaultAPIURL when empty.
	// It must end with "/". The gateway address is looked up there too.
	APIURL string
	// ShardID and ShardCount (DISCORD_SHARD_ID, DISCORD_SHARD_COUNT) split
	// guilds across processes for large deployments: this process opens
	// shard *ShardID of ShardCount. Both are given or neither (nil and 0):
	// then one process opens the only shard. Discord sends DMs to shard 0
	// alone.
	ShardID    *int
	ShardCount int
	// PublicKey (DISCORD_PUBLIC_KEY) is the application's public key, 64
	// hexadecimal characters as the Developer Portal shows them. When set,
	// Handler answers interactions Discord posts to the application's
	// Interactions Endpoint URL, verified with it.
	PublicKey string
	// MessageContent requests the privileged message content intent, needed
	// only to read guild messages that do not mention the bot. Mentions and
	// DMs carry their content without it.
	MessageContent bool
	// HTTPClient carries REST requests; a client with a 20-second timeout
	// when nil. The adapter wraps a copy and never modifies it.
	HTTPClient *http.Client
	// Logger receives the adapter's logs, and discordgo's own at debug
	// level; discarded when nil.
	Logger *slog.Logger
	// TypingDelay is how long an answer to a mention or DM may take before a
	// typing indicator shows. Zero means DefaultTypingDelay; a negative
	// value shows it at once. At most a minute.
	TypingDelay time.Duration
	// NoTyping turns the typing indicator off.
	NoTyping bool
	// Workers is how many events (mentions, DMs, commands) are answered at
	// once; DefaultWorkers when zero. A button click needs no worker: it is
	// recorded and answered at once.
	Workers int
	// QueueTimeout is how long an event waits for a free worker before the
	// user is told the bot is busy; bot.DefaultQueueTimeout, the bot's own
	// wait for an answering slot, when zero. Slash commands are
	// acknowledged before they wait.
	QueueTimeout time.Duration
	// OnRefused, when set, is called once for each question refused: with
	// the reply's problem when the core refused it (busy, rate limited,
	// ...), and with bot.ProblemBusy when no worker freed up in time. It
	// must return quickly (a metrics counter, say).
	OnRefused func(bot.Problem)
	// OnReconnect, when set, is called each time Run has re-established a
	// dropped gateway connection (a network failure, or Discord asking for a
	// reconnect with op 7), once the session is resumed or identified anew.
	// It is not called for the first connection. It runs on Run's
	// goroutine, so it must return quickly (a metrics counter, say).
	OnReconnect func()
	// ShutdownGrace is how long Run lets the answers in flight finish once
	// its context is done, before cancelling them; DefaultShutdownGrace
	// when zero.
	ShutdownGrace time.Duration
}

// Adapter connects the bot core to Discord. Create it with New and start it
// with Run, once.
type Adapter struct {
	grace        time.Duration // see Options.ShutdownGrace
	core         Core
	log          *slog.Logger
	token        string // without the "Bot " prefix
	guildID      string
	apiURL       *url.URL
	httpClient   *http.Client
	shardID      int
	shardCount   int
	intents      discordgo.Intent
	typingDelay  time.Duration // < 0: never; 0: at once
	queueTimeout time.Duration
	onReconnect  func()
	onRefused    func(bot.Problem)
	publicKey    ed25519.PublicKey // nil: no HTTP interactions
	// forged spaces out the warnings about requests with a bad signature:
	// anyone may send them, and the log must not carry every one.
	forged *rate.Limiter

	// inbox takes interactions from the HTTP endpoint to Run, which answers
	// them as it does those from the gateway; quit is closed when Run
	// stops taking them.
	inbox chan httpInteraction
	quit  chan struct{}

	started atomic.Bool
	// up is true while the gateway session is open (READY or RESUMED seen)
	// and registered once /talks has been registered: Connected reports both.
	up         atomic.Bool
	registered atomic.Bool

	mu     sync.Mutex
	appID  string // application id, from READY
	userID string // the bot user's id, from READY

	// slots bounds the events being answered; queued counts those waiting
	// for a slot and inFlight every goroutine the adapter has started.
	slots     chan struct{}
	maxQueued int64
	queued    atomic.Int64
	maxFlight int64
	inFlight  atomic.Int64

	// work tracks the goroutines answering events, so Run returns only once
	// they have ended.
	workMu  sync.Mutex
	closing bool
	work    sync.WaitGroup

	watch handshakeWatch
}

// New checks opts and returns an Adapter that answers Discord users through
// core. Every problem with the options is reported at once. New does not
// touch the network; Run does.
func New(opts Options, core Core) (*Adapter, error) {
	err := opts.Validate()
	if core == nil {
		err = errors.Join(err, errors.New("discord: core is required"))
	}
	if err != nil {
		return nil, err
	}
	// Validate has accepted both.
	token, _ := cleanToken(opts.Token)
	base, _ := parseAPIURL(opts.APIURL)
	var publicKey ed25519.PublicKey
	if opts.PublicKey != "" {
		publicKey, _ = parsePublicKey(opts.PublicKey)
	}
	shardID := 0
	if opts.ShardID != nil {
		shardID = *opts.ShardID
	}

	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	workers := opts.Workers
	if workers == 0 {
		workers = DefaultWorkers
	}
	a := &Adapter{
		grace:        opts.ShutdownGrace,
		core:         core,
		log:          log.With("adapter", "discord"),
		token:        token,
		guildID:      opts.GuildID,
		apiURL:       base,
		httpClient:   restClient(opts.HTTPClient, base),
		shardID:      shardID,
		shardCount:   max(opts.ShardCount, 1),
		intents:      intents(opts.MessageContent),
		typingDelay:  opts.TypingDelay,
		queueTimeout: opts.QueueTimeout,
		onReconnect:  opts.OnReconnect,
		onRefused:    opts.OnRefused,
		publicKey:    publicKey,
		forged:       rate.NewLimiter(rate.Every(time.Minute), 1),
		inbox:        make(chan httpInteraction),
		quit:         make(chan struct{}),
		slots:        make(chan struct{}, workers),
		maxQueued:    int64(workers * queuePerWorker),
		maxFlight:    int64(workers*(1+queuePerWorker) + busyReserve),
	}
	switch {
	case opts.NoTyping:
		a.typingDelay = -1
	case a.typingDelay == 0:
		a.typingDelay = DefaultTypingDelay
	case a.typingDelay < 0:
		a.typingDelay = 0
	}
	if a.queueTimeout == 0 {
		a.queueTimeout = bot.DefaultQueueTimeout
	}
	return a, nil
}

// cleanToken strips an optional "Bot " prefix and checks what is left.
func cleanToken(raw string) (string, error) {
	token := strings.TrimSpace(raw)
	if rest, ok := strings.CutPrefix(token, "Bot"); ok && (rest == "" || rest[0] == ' ') {
		token = strings.TrimSpace(rest)
	}
	switch {
	case token == "":
		return "", &OptionError{Key: "DISCORD_BOT_TOKEN", Rule: "must be set"}
	case strings.ContainsFunc(token, func(r rune) bool { return r <= ' ' || r == 0x7f }):
		return "", &OptionError{Key: "DISCORD_BOT_TOKEN", Rule: "must not contain spaces or control characters"}
	}
	return token, nil
}

// parseAPIURL checks the REST root; empty means DefaultAPIURL.
func parseAPIURL(raw string) (*url.URL, error) {
	if raw == "" {
		raw = DefaultAPIURL
	}
	rule := ""
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		rule = "must be a valid URL"
	case u.Scheme != "http" && u.Scheme != "https" || u.Host == "":
		rule = "must be an absolute http or https URL"
	case !strings.HasSuffix(u.Path, "/"):
		rule = "must end with /"
	case u.RawQuery != "" || u.Fragment != "":
		rule = "must have no query or fragment"
	default:
		return u, nil
	}
	return nil, &OptionError{Key: "DISCORD_API_URL", Value: raw, Rule: rule}
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

// Run opens the gateway session, registers the /talks command with one bulk
// overwrite and answers events until ctx is done; then it closes the session
// and waits for the answers in flight. It reconnects (resuming the session)
// whenever the gateway connection drops, backing off while Discord cannot be
// reached. It returns nil once ctx is done (a clean stop, even while still
// connecting), and an error when Discord refuses the token, intents or shard
// or the command cannot be registered. An Adapter runs once.
func (a *Adapter) Run(ctx context.Context) error {
	if !a.started.CompareAndSwap(false, true) {
		return errors.New("discord: Run called twice")
	}
	defer routeLibraryLogs(a)()

	s, err := a.newSession()
	if err != nil {
		return fmt.Errorf("discord: %w", err)
	}

	// Answers in flight outlive ctx for a grace period at shutdown, so they
	// get a context of their own.
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	// discordgo emits Disconnect whenever the connection closes; Run, not
	// discordgo, decides whether to dial again.
	dropped := make(chan struct{}, 1)
	a.addHandlers(work, s, dropped)
	// Interactions over HTTP are answered from now on, even while the
	// gateway is still being reached.
	a.work.Add(1)
	go a.serveInbox(work, s)

	if _, err := a.connect(ctx, s, true); err != nil {
		a.shutdown(s, cancelWork)
		if ctx.Err() != nil {
			return nil
		}
		return fmt.Errorf("discord: open gateway session: %w", err)
	}
	if a.ids().app == "" {
		a.shutdown(s, cancelWork)
		return errors.New("discord: open gateway session: READY carried no application id")
	}
	a.log.Info("connected to the gateway", "shard_id", a.shardID, "shard_count", a.shardCount)
	if a.shardID != 0 {
		a.log.Info("this shard gets no DMs: Discord sends them to shard 0 alone")
	}

	if err := a.register(ctx, s); err != nil {
		a.shutdown(s, cancelWork)
		if ctx.Err() != nil {
			return nil
		}
		return fmt.Errorf("discord: %w", err)
	}

	for {
		select {
		case <-ctx.Done():
			a.shutdown(s, cancelWork)
			return nil
		case <-dropped:
			a.log.Warn("gateway connection lost, reconnecting")
			opened, err := a.connect(ctx, s, false)
			if err != nil {
				a.shutdown(s, cancelWork)
				if ctx.Err() != nil {
					return nil
				}
				return fmt.Errorf("discord: reconnect to the gateway: %w", err)
			}
			if !opened {
				// A late signal for a drop already mended (discordgo may
				// report one drop twice): the session is open, whatever
				// that signal said.
				a.up.Store(true)
				a.log.Debug("gateway session already open")
				continue
			}
			a.log.Info("reconnected to the gateway")
			if a.onReconnect != nil {
				a.onReconnect()
			}
		}
	}
}

// newSession builds the discordgo session. Its own reconnect loop is off from
// the start: Run reconnects, so no goroutine of discordgo's outlives Run.
func (a *Adapter) newSession() (*discordgo.Session, error) {
	s, err := discordgo.New("Bot " + a.token)
	if err != nil {
		return nil, fmt.Errorf("new session: %w", err)
	}
	s.Client = a.httpClient
	s.Dialer = &websocket.Dialer{
		Proxy:            http.ProxyFromEnvironment,
		HandshakeTimeout: handshakeTimeout,
		NetDialContext:   a.watch.dial,
	}
	s.ShouldReconnectOnError = false
	s.ShardID = a.shardID
	s.ShardCount = a.shardCount
	s.Identify.Intents = a.intents
	s.LogLevel = libraryLogLevel(a.log)
	// Handlers run on the gateway goroutine and hand real work to goroutines
	// the adapter tracks, so Run can wait for them.
	s.SyncEvents = true
	s.StateEnabled = false
	return s, nil
}

// connect opens the session, trying again with back-off until it succeeds,
// ctx is done or Discord refuses the session for good. After a drop discordgo
// keeps the session id and sequence, so Open resumes (op 6) rather than
// identifying anew. It reports whether it opened the session: false when the
// session was open already.
func (a *Adapter) connect(ctx context.Context, s *discordgo.Session, first bool) (bool, error) {
	wait := reconnectFirstWait
	for attempt := 1; ; attempt++ {
		err := a.open(ctx, s)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, discordgo.ErrWSAlreadyOpen):
			return false, nil
		}
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		if fatal(err) {
			a.logRESTError("open gateway session", err)
			return false, err
		}
		what := "reconnect to the gateway failed"
		if first {
			what = "gateway unreachable"
		}
		a.log.Warn(what, "attempt", attempt, "retry_in", wait, "err", redactSecrets(err.Error(), a.token))
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return false, ctx.Err()
		case <-t.C:
		}
		wait = min(2*wait, reconnectMaxWait)
	}
}

// fatal reports whether Discord refused the session in a way retrying cannot
// fix: a refused token (HTTP 401 or 403, close code 4004) or a bad shard,
// API version or intents (close codes 4010 to 4014).
func fatal(err error) bool {
	var restErr *discordgo.RESTError
	if errors.As(err, &restErr) && restErr.Response != nil {
		code := restErr.Response.StatusCode
		return code == http.StatusUnauthorized || code == http.StatusForbidden
	}
	if errors.Is(err, discordgo.ErrWSShardBounds) {
		return true
	}
	var closeErr *websocket.CloseError
	if errors.As(err, &closeErr) {
		switch closeErr.Code {
		case 4004, 4010, 4011, 4012, 4013, 4014:
			return true
		}
	}
	return false
}

// open opens the session once, giving up when ctx is done first.
func (a *Adapter) open(ctx context.Context, s *discordgo.Session) error {
	opened := make(chan error, 1)
	go func() { opened <- s.Open() }()
	select {
	case err := <-opened:
		return err
	case <-ctx.Done():
		// Open cannot be cancelled; closing the websocket it is reading
		// from makes it return. Shutdown closes a session it did open.
		a.watch.abort()
		<-opened
		return ctx.Err()
	}
}

// register bulk-overwrites the application commands with /talks.
func (a *Adapter) register(ctx context.Context, s *discordgo.Session) error {
	ids := a.ids()
	cmds, err := s.ApplicationCommandBulkOverwrite(ids.app, a.guildID, commands(), discordgo.WithContext(ctx))
	if err != nil {
		if ctx.Err() == nil {
			a.logRESTError("register commands", err)
		}
		return fmt.Errorf("register /%s commands: %w", commandName, err)
	}
	scope := "global"
	if a.guildID != "" {
		scope = "guild"
	}
	a.log.Info("registered commands", "scope", scope, "guild_id", a.guildID, "count", len(cmds))
	a.registered.Store(true)
	return nil
}

// Connected reports whether the adapter is answering: Run has registered
// /talks and the gateway session is open. It is false while Run reconnects
// and once Run has returned. It suits a readiness check.
func (a *Adapter) Connected() bool {
	return a.registered.Load() && a.up.Load()
}

// shutdown stops taking events, refuses new gateway dials, closes the session
// and waits for the answers in flight.
func (a *Adapter) shutdown(s *discordgo.Session, cancelWork context.CancelFunc) {
	a.registered.Store(false)
	a.workMu.Lock()
	a.closing = true
	a.workMu.Unlock()
	close(a.quit)
	a.watch.abort()
	if err := s.Close(); err != nil {
		a.log.Warn("close gateway session", "err", err)
	}
	a.stopWork(cancelWork)
	a.log.Info("disconnected from the gateway")
}

// stopWork waits for the answers in flight, cancelling them after the grace
// period.
func (a *Adapter) stopWork(cancelWork context.CancelFunc) {
	done := make(chan struct{})
	go func() {
		a.work.Wait()
		close(done)
	}()
	grace := a.grace
	if grace <= 0 {
		grace = DefaultShutdownGrace
	}
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		a.log.Warn("cancelling answers still in flight at shutdown")
		cancelWork()
		<-done
	}
}

type botIDs struct{ app, user string }

func (a *Adapter) ids() botIDs {
	a.mu.Lock()
	defer a.mu.Unlock()
	return botIDs{app: a.appID, user: a.userID}
}

// addHandlers routes the gateway events the adapter cares about.
func (a *Adapter) addHandlers(work context.Context, s *discordgo.Session, dropped chan<- struct{}) {
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { a.onReady(r) })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Connect) {
		a.watch.connected()
		a.up.Store(true)
		a.log.Debug("gateway session ready")
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) {
		a.up.Store(false)
		select {
		case dropped <- struct{}{}:
		default: // a reconnect is already due
		}
	})
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

// handshakeWatch closes a freshly dialled gateway connection whose Hello and
// READY do not arrive in time, or when Run stops meanwhile: discordgo reads
// them with no deadline.
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
	if w.aborted {
		c.Close()
		return nil, errors.New("dial gateway: adapter stopped")
	}
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
