package slack

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/talksbot/talksbot/bot"
)

// Core is what the adapter needs of talksbot's core. *bot.Bot satisfies it.
// Everything that must outlive the process or be shared by replicas (which
// deliveries were answered, the threads the bot follows, the answers behind
// Share buttons) is kept through it, not in the adapter.
type Core interface {
	// Handle answers one request.
	Handle(ctx context.Context, req bot.Request) bot.Reply
	// Feedback records a user's verdict on a reply.
	Feedback(ctx context.Context, f bot.Feedback) error
	// FirstDelivery claims a delivery key (an event id, a command's or
	// click's trigger) and reports whether this caller holds it: the first
	// time, and again once a claim lapsed unanswered.
	FirstDelivery(ctx context.Context, key string) (bool, error)
	// DoneDelivery marks a claimed delivery answered: delivered again, it
	// is not answered again.
	DoneDelivery(ctx context.Context, key string) error
	// ForgetDelivery releases a claim, so that Slack's next delivery of
	// something the adapter failed to answer counts as the first.
	ForgetDelivery(ctx context.Context, key string) error
	// Follows reports whether the bot answered in a thread, so that replies
	// there without a mention are answered as follow-ups.
	Follows(ctx context.Context, p bot.Platform, channel, thread string) (bool, error)
	// SaveShare keeps a private reply for its Share button and returns the
	// button's key; LoadShare returns it, or an error wrapping
	// bot.ErrNotFound once it is no longer kept.
	SaveShare(ctx context.Context, r bot.Reply) (string, error)
	LoadShare(ctx context.Context, key string) (bot.Reply, error)
}

var _ Core = (*bot.Bot)(nil)

// Transports the adapter speaks, as named in Options.Mode.
const (
	ModeSocket = "socket" // Socket Mode over a websocket; needs an app token
	ModeHTTP   = "http"   // the Events API over HTTP; needs a signing secret
)

// Defaults used when Options leave a value zero.
const (
	DefaultHTTPTimeout   = 30 * time.Second
	DefaultWorkingAfter  = time.Second
	DefaultWorkers       = 8
	DefaultQueue         = 256
	DefaultShutdownGrace = 10 * time.Second
)

// Options configure an Adapter.
type Options struct {
	// BotToken is the bot user OAuth token (xoxb-…). Required.
	BotToken string
	// AppToken is the app-level token (xapp-…) Socket Mode connects with.
	AppToken string
	// SigningSecret verifies the requests Slack sends in HTTP mode.
	SigningSecret string
	// APIURL is the Web API base URL, ending with "/". Empty means Slack's.
	APIURL string
	// Mode is ModeSocket, ModeHTTP or "": Socket Mode when AppToken is set,
	// otherwise HTTP mode when SigningSecret is set.
	Mode string
	// HTTPClient makes Web API and response_url calls. Nil means a client
	// with a DefaultHTTPTimeout timeout.
	HTTPClient *http.Client
	// Logger receives the adapter's logs. Nil discards them.
	Logger *slog.Logger
	// WorkingAfter is how long an answer may take before an :eyes: reaction
	// on the question shows the bot is working on it (removed once answered).
	// Zero means DefaultWorkingAfter; a negative value reacts at once.
	WorkingAfter time.Duration
	// Workers is how many requests are answered at once. Zero means
	// DefaultWorkers.
	Workers int
	// Queue is how many requests may wait for a worker; beyond it the
	// adapter declines work so that Slack delivers it again later. Zero
	// means DefaultQueue.
	Queue int
	// QueueTimeout is how long a question may wait in the queue for a
	// worker; one that waited longer is told the bot is busy instead of
	// being answered. Zero means bot.DefaultQueueTimeout, the bot's own
	// wait for an answering slot; a negative value sets no bound.
	QueueTimeout time.Duration
	// OnRefused, when set, is called once for each question refused: with
	// the reply's problem when the core refused it (busy, rate limited,
	// ...), and with bot.ProblemBusy when the adapter told the asker it is
	// busy itself (queue full, or no worker within QueueTimeout). It must
	// return quickly (a metrics counter, say).
	OnRefused func(bot.Problem)
	// ShutdownGrace is how long Run lets the answers in flight finish once
	// its context is done, before it cancels them. Zero means
	// DefaultShutdownGrace; a negative value cancels them at once.
	ShutdownGrace time.Duration
	// OnReconnect, when set, is called each time Socket Mode re-establishes
	// its websocket after the first connection of a Run: after a dropped
	// connection or a disconnect Slack asked for. It runs on the adapter's
	// event loop, so it must return quickly (a metrics counter, say). It is
	// never called in HTTP mode, which keeps no connection.
	OnReconnect func()
}

// Adapter connects a Core to Slack. Create it with New, then call Run; in
// HTTP mode also serve Handler.
type Adapter struct {
	core         Core
	api          *slackapi.Client
	mode         string
	secret       string
	log          *slog.Logger
	workingAfter time.Duration
	draftEvery   time.Duration
	workers      int
	queueSize    int
	queueTimeout time.Duration
	now          func() time.Time // when work is queued and taken
	grace        time.Duration
	onReconnect  func()
	onRefused    func(bot.Problem)

	running   atomic.Bool
	socketUp  atomic.Bool
	self      atomic.Pointer[identity]
	streams   *streams
	homeUsers *fifo[struct{}] // users who opened the Home tab, to publish it again after a reload
	homeStale chan struct{}   // holds a token when the Home tabs are to be published again

	mu    sync.Mutex
	queue chan job // nil while Run is not taking work
}

// identity is who the bot is in the workspace, learnt from auth.test.
type identity struct {
	UserID string
	BotID  string
	TeamID string
}

// job is one request for a worker.
type job struct {
	kind string // "event", "command" or "interaction", for the logs
	run  func(ctx context.Context)
	// fail tells the user something went wrong when run panicked; nil
	// when there is no one to tell.
	fail func(ctx context.Context)
	// late runs instead of run when the job waited for a worker longer
	// than the queue timeout, to tell the asker the bot is busy; nil when
	// the job runs however long it waited.
	late func(ctx context.Context)
	// queued is when the job was queued.
	queued time.Time
}

// New checks opts and returns an Adapter answering through core. It does not
// touch the network; Run does.
func New(opts Options, core Core) (*Adapter, error) {
	err := opts.Validate()
	if core == nil {
		err = errors.Join(err, errors.New("slack: core is required"))
	}
	if err != nil {
		return nil, err
	}
	mode := opts.transport()
	apiURL := opts.APIURL
	if apiURL == "" {
		apiURL = slackapi.APIURL
	}
	hc := opts.HTTPClient
	if hc == nil {
		hc = &http.Client{Timeout: DefaultHTTPTimeout}
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	logger = logger.With("adapter", "slack")
	a := &Adapter{
		core:         core,
		mode:         mode,
		secret:       opts.SigningSecret,
		log:          logger,
		workingAfter: orDefaultDuration(opts.WorkingAfter, DefaultWorkingAfter),
		draftEvery:   draftInterval,
		workers:      opts.Workers,
		queueSize:    opts.Queue,
		queueTimeout: orDefaultDuration(opts.QueueTimeout, bot.DefaultQueueTimeout),
		now:          timeNow,
		grace:        orDefaultDuration(opts.ShutdownGrace, DefaultShutdownGrace),
		onReconnect:  opts.OnReconnect,
		onRefused:    opts.OnRefused,
		streams:      newStreams(),
		homeUsers:    newFIFO[struct{}](maxHomeUsers),
		homeStale:    make(chan struct{}, 1),
	}
	if a.workers <= 0 {
		a.workers = DefaultWorkers
	}
	if a.queueSize <= 0 {
		a.queueSize = DefaultQueue
	}
	a.api = slackapi.New(opts.BotToken,
		slackapi.OptionAPIURL(apiURL),
		slackapi.OptionHTTPClient(hc),
		// After OptionHTTPClient, so that it wraps hc.
		slackapi.OptionRetryConfig(retryConfig(logger)),
		slackapi.OptionAppLevelToken(opts.AppToken),
		slackapi.OptionLog(debugWriter{logger}),
	)
	return a, nil
}

// timeNow is the clock New gives adapters; tests replace it.
var timeNow = time.Now

// draftInterval is how often New's adapters add to a draft at most: an
// edit or a stream append a second. Tests replace it.
var draftInterval = time.Second

func orDefaultDuration(d, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d
}

// Mode returns the transport the adapter runs: ModeSocket or ModeHTTP.
func (a *Adapter) Mode() string { return a.mode }

// Connected reports whether the adapter is taking work: Run has
// authenticated and, in Socket Mode, the websocket is up.
func (a *Adapter) Connected() bool {
	a.mu.Lock()
	accepting := a.queue != nil
	a.mu.Unlock()
	return accepting && (a.mode == ModeHTTP || a.socketUp.Load())
}

// Run learns the bot's identity (auth.test), starts the workers that answer
// and, in Socket Mode, connects and keeps reconnecting until ctx is done. In
// HTTP mode it answers the requests Handler accepts until ctx is done.
//
// Once ctx is done Run stops taking work (Slack delivers what it declines
// again), lets the answers already taken finish for the shutdown grace
// period, cancels what is left and returns nil. It returns an error when
// Slack refuses the tokens or Run is already running.
func (a *Adapter) Run(ctx context.Context) error {
	if !a.running.CompareAndSwap(false, true) {
		return errors.New("slack: adapter is already running")
	}
	defer a.running.Store(false)

	auth, err := a.authenticate(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return fmt.Errorf("slack: auth.test: %w", err)
	}
	a.self.Store(&identity{UserID: auth.UserID, BotID: auth.BotID, TeamID: auth.TeamID})

	// Answers in flight outlive ctx for the grace period, so they get a
	// context of their own.
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()
	queue := make(chan job, a.queueSize)
	var wg sync.WaitGroup
	for range a.workers {
		wg.Go(func() { a.work(work, queue) })
	}
	a.mu.Lock()
	a.queue = queue
	a.mu.Unlock()
	a.log.Info("slack connected", "mode", a.mode, "team_id", auth.TeamID, "bot_user_id", auth.UserID)

	var homes sync.WaitGroup
	homes.Go(func() { a.republishHomes(ctx) })
	if a.mode == ModeHTTP {
		<-ctx.Done()
	} else {
		err = a.runSocket(ctx)
	}
	homes.Wait()

	a.mu.Lock()
	a.queue = nil
	a.mu.Unlock()
	// Every send happens under mu while a.queue is set, so none can follow.
	close(queue)
	a.drain(&wg, cancelWork)
	return err
}

// drain waits for the workers to finish the work taken, cancelling it once
// the grace period is over.
func (a *Adapter) drain(wg *sync.WaitGroup, cancelWork context.CancelFunc) {
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	if a.grace < 0 {
		cancelWork()
		<-done
		return
	}
	t := time.NewTimer(a.grace)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		a.log.Warn("slack answers still in flight at shutdown: cancelling them", "grace", a.grace)
		cancelWork()
		<-done
	}
}

// authenticate calls auth.test, waiting out network trouble and Slack's
// server errors (Slack may be unreachable while a container starts); a token
// Slack refuses fails at once.
func (a *Adapter) authenticate(ctx context.Context) (*slackapi.AuthTestResponse, error) {
	wait := 250 * time.Millisecond
	for {
		var auth *slackapi.AuthTestResponse
		err := a.call(ctx, "auth.test", func(ctx context.Context) (err error) {
			auth, err = a.api.AuthTestContext(ctx)
			return err
		})
		var se slackapi.SlackErrorResponse
		if err == nil || errors.As(err, &se) || ctx.Err() != nil {
			return auth, err
		}
		a.log.Warn("slack unreachable, retrying", "retry_in", wait, "error_code", errorCode(err), "err", safeError(err))
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
		wait = min(2*wait, 30*time.Second)
	}
}

// work answers queued requests until the queue is closed and empty. Once
// ctx is done (the grace period is over) the jobs left are dropped.
func (a *Adapter) work(ctx context.Context, queue <-chan job) {
	for j := range queue {
		if ctx.Err() != nil {
			a.log.Warn("slack request dropped at shutdown", "kind", j.kind)
			continue
		}
		if j.late != nil && a.queueTimeout > 0 && a.now().Sub(j.queued) > a.queueTimeout {
			j.run = j.late
		}
		a.runJob(ctx, j)
	}
}

// refused reports a question refused with problem to Options.OnRefused.
func (a *Adapter) refused(problem bot.Problem) {
	if a.onRefused != nil {
		a.onRefused(problem)
	}
}

// counted reports reply to Options.OnRefused when it is a refusal, and
// returns it.
func (a *Adapter) counted(reply bot.Reply) bot.Reply {
	if reply.Kind == bot.KindError {
		a.refused(reply.Problem)
	}
	return reply
}

// busyReply is the reply to a question no worker took in time: a refusal
// like the core's own when every answering slot is taken.
func busyReply() bot.Reply {
	return bot.Reply{Kind: bot.KindError, Problem: bot.ProblemBusy, Text: msgBusy, Ephemeral: true}
}

// runJob runs j; a panic is logged and the user told, rather than left
// waiting.
func (a *Adapter) runJob(ctx context.Context, j job) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		a.log.Error("slack request panicked", "kind", j.kind, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
		if j.fail == nil || ctx.Err() != nil {
			return
		}
		defer func() {
			if r := recover(); r != nil {
				a.log.Error("slack apology panicked", "kind", j.kind, "panic", fmt.Sprint(r))
			}
		}()
		j.fail(ctx)
	}()
	j.run(ctx)
}

// offered is what became of work offered to the workers.
type offered int

const (
	accepted offered = iota // queued for a worker
	busy                    // the queue is full
	stopped                 // Run is not taking work
)

// offer hands j to the workers without waiting.
func (a *Adapter) offer(j job) offered {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.queue == nil {
		return stopped
	}
	j.queued = a.now()
	select {
	case a.queue <- j:
		return accepted
	default:
		return busy
	}
}

// teamID returns the bot's workspace, "" before auth.test answered.
func (a *Adapter) teamID() string {
	if id := a.self.Load(); id != nil {
		return id.TeamID
	}
	return ""
}

// botUserID returns the bot's own user id, "" before auth.test answered.
func (a *Adapter) botUserID() string {
	if id := a.self.Load(); id != nil {
		return id.UserID
	}
	return ""
}

// debugWriter lets slack-go's debug output reach the adapter's logger.
type debugWriter struct{ log *slog.Logger }

func (d debugWriter) Output(_ int, s string) error {
	d.log.Debug(strings.TrimSpace(s))
	return nil
}
