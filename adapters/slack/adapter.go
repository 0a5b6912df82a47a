package slack

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/talksbot/talksbot/bot"
)

// Core is what the adapter needs of talksbot's core. *bot.Bot satisfies it.
type Core interface {
	// Handle answers one request.
	Handle(ctx context.Context, req bot.Request) bot.Reply
	// Feedback records a user's verdict on a reply.
	Feedback(ctx context.Context, f bot.Feedback) error
	// FirstDelivery reports whether an event id is seen for the first time.
	FirstDelivery(ctx context.Context, eventID string) (bool, error)
}

var _ Core = (*bot.Bot)(nil)

// Transports the adapter speaks, as named in Options.Mode.
const (
	ModeSocket = "socket" // Socket Mode over a websocket; needs an app token
	ModeHTTP   = "http"   // the Events API over HTTP; needs a signing secret
)

// Defaults used when Options leave a value zero.
const (
	DefaultHTTPTimeout  = 30 * time.Second
	DefaultWorkingAfter = time.Second
	DefaultWorkers      = 8
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

	jobs    chan func(context.Context)
	running atomic.Bool
	self    atomic.Pointer[identity]
	replies *replyCache
	threads *threadSet
}

// identity is who the bot is in the workspace, learnt from auth.test.
type identity struct {
	UserID string
	BotID  string
}

// queueSize bounds the requests waiting for a worker.
const queueSize = 256

// New checks opts and returns an Adapter answering through core. It does not
// touch the network; Run does.
func New(opts Options, core Core) (*Adapter, error) {
	mode, err := opts.validate()
	if core == nil {
		err = errors.Join(err, errors.New("slack: core is required"))
	}
	if err != nil {
		return nil, err
	}
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
		workingAfter: opts.WorkingAfter,
		draftEvery:   time.Second,
		workers:      opts.Workers,
		jobs:         make(chan func(context.Context), queueSize),
		replies:      newReplyCache(1024),
		threads:      newThreadSet(4096),
	}
	if a.workingAfter == 0 {
		a.workingAfter = DefaultWorkingAfter
	}
	if a.workers <= 0 {
		a.workers = DefaultWorkers
	}
	a.api = slackapi.New(opts.BotToken,
		slackapi.OptionAPIURL(apiURL),
		slackapi.OptionHTTPClient(hc),
		slackapi.OptionAppLevelToken(opts.AppToken),
		slackapi.OptionLog(debugWriter{logger}),
	)
	return a, nil
}

// validate checks the options and returns the transport they select.
func (o Options) validate() (mode string, err error) {
	var errs []error
	switch {
	case o.BotToken == "":
		errs = append(errs, errors.New("slack: bot token is required (SLACK_BOT_TOKEN)"))
	case !strings.HasPrefix(o.BotToken, "xoxb-"):
		errs = append(errs, errors.New("slack: bot token must start with xoxb-"))
	}
	if o.AppToken != "" && !strings.HasPrefix(o.AppToken, "xapp-") {
		errs = append(errs, errors.New("slack: app token must start with xapp-"))
	}
	if o.APIURL != "" {
		if err := checkAPIURL(o.APIURL); err != nil {
			errs = append(errs, err)
		}
	}
	switch o.Mode {
	case ModeSocket:
		mode = ModeSocket
		if o.AppToken == "" {
			errs = append(errs, errors.New("slack: socket mode needs an app token (SLACK_APP_TOKEN)"))
		}
	case ModeHTTP:
		mode = ModeHTTP
		if o.SigningSecret == "" {
			errs = append(errs, errors.New("slack: http mode needs a signing secret (SLACK_SIGNING_SECRET)"))
		}
	case "":
		switch {
		case o.AppToken != "":
			mode = ModeSocket
		case o.SigningSecret != "":
			mode = ModeHTTP
		default:
			errs = append(errs, errors.New("slack: set an app token for socket mode or a signing secret for http mode"))
		}
	default:
		errs = append(errs, fmt.Errorf("slack: mode %q: must be %q, %q or empty", o.Mode, ModeSocket, ModeHTTP))
	}
	if o.WorkingAfter > time.Minute {
		errs = append(errs, fmt.Errorf("slack: working-after %s: must be at most a minute", o.WorkingAfter))
	}
	return mode, errors.Join(errs...)
}

func checkAPIURL(s string) error {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return fmt.Errorf("slack: api url %q: %w", s, err)
	case u.Scheme != "http" && u.Scheme != "https", u.Host == "":
		return fmt.Errorf("slack: api url %q: must be an absolute http or https URL", s)
	case !strings.HasSuffix(s, "/"):
		return fmt.Errorf("slack: api url %q: must end with /", s)
	}
	return nil
}

// Mode returns the transport the adapter runs: ModeSocket or ModeHTTP.
func (a *Adapter) Mode() string { return a.mode }

// Run learns the bot's identity (auth.test), starts the workers that answer
// and, in Socket Mode, connects and keeps reconnecting until ctx is done. In
// HTTP mode it serves the requests Handler queues until ctx is done. It
// returns nil once ctx is done and every worker has stopped, and an error when
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
	a.self.Store(&identity{UserID: auth.UserID, BotID: auth.BotID})
	a.log.Info("slack connected", "mode", a.mode, "team_id", auth.TeamID, "bot_user_id", auth.UserID)

	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel() // runs first: a socket failure stops the workers too
	for range a.workers {
		wg.Go(func() { a.work(ctx) })
	}
	if a.mode == ModeHTTP {
		<-ctx.Done()
		return nil
	}
	return a.runSocket(ctx)
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

// work answers queued requests until ctx is done.
func (a *Adapter) work(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case job := <-a.jobs:
			a.runJob(ctx, job)
		}
	}
}

func (a *Adapter) runJob(ctx context.Context, job func(context.Context)) {
	defer func() {
		if r := recover(); r != nil {
			a.log.Error("slack request panicked", "panic", fmt.Sprint(r))
		}
	}()
	job(ctx)
}

// enqueue hands job to the workers, waiting while the queue is full.
func (a *Adapter) enqueue(ctx context.Context, job func(context.Context)) bool {
	select {
	case a.jobs <- job:
		return true
	case <-ctx.Done():
		return false
	}
}

// tryEnqueue hands job to the workers unless the queue is full.
func (a *Adapter) tryEnqueue(job func(context.Context)) bool {
	select {
	case a.jobs <- job:
		return true
	default:
		return false
	}
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
