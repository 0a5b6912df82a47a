package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/talksbot/talksbot/adapters/discord"
	"github.com/talksbot/talksbot/adapters/httpapi"
	"github.com/talksbot/talksbot/adapters/postgres"
	"github.com/talksbot/talksbot/adapters/prometheus"
	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/adapters/sqlite"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/config"
)

// Shutdown: on SIGTERM or SIGINT the HTTP server stops accepting
// connections and the adapters stop taking events; the answers in flight
// have TALKSBOT_SHUTDOWN_GRACE to finish. Drafts still running when
// deliveryMargin of it is left are cancelled, so that their questions get the
// extractive answer in time. Whatever has not ended when the grace is over
// (and teardownMargin more) is abandoned, the store is closed and serve
// returns.
const (
	// openStateTimeout bounds opening the state database at start.
	openStateTimeout = 15 * time.Second
	// teardownMargin lets the components return once their grace is over.
	teardownMargin = 2 * time.Second
)

// deliveryMargin is how much of the grace is kept for delivering the
// extractive answers of cancelled drafts: 5 s, or half of a short grace.
func deliveryMargin(grace time.Duration) time.Duration { return min(5*time.Second, grace/2) }

// serveHooks let tests observe a running serve. Every field may be nil.
type serveHooks struct {
	// indexed is called once the first index is built, before the HTTP
	// server listens.
	indexed func()
	// ready is called once the HTTP server's listener is bound, with its
	// address (TALKSBOT_HTTP_ADDR may ask for port 0).
	ready func(addr net.Addr)
	// reloaded is called after each reload of the knowledge base with its
	// outcome: nil when the new index is serving.
	reloaded func(err error)
	// stopping is called once serve has begun to shut down.
	stopping func()
	// now, when set, is the bot's clock (bot.Options.Now): the times of
	// delivery claims and their leases, turns and rate-limit takes.
	now func() time.Time
}

func (a *app) serve(ctx context.Context, args []string) error {
	f := a.newFlags("serve", "")
	if err := a.noArgs(f, args); err != nil {
		return err
	}
	cfg, err := a.loadServeConfig(f)
	if err != nil {
		return err
	}
	// SIGHUP reloads the documents. It is caught from before anything is
	// built until serve returns: its default action ends the process, which
	// an operator's reload must never do, however early or late it comes.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	s, err := newService(ctx, cfg, a.logger(cfg), a.hooks, hup)
	if err != nil {
		return err
	}
	return s.run(ctx)
}

// service is everything `talksbot serve` runs, wired from one Config.
type service struct {
	cfg   config.Config
	log   *slog.Logger
	hooks serveHooks

	bot      *bot.Bot
	reloader *reloader
	store    stateStore // nil when the state database could not be opened; never changed after newService
	stateErr error      // why store is nil
	// keyPending is the shared database whose reply key could not be read
	// at start: a component keeps trying.
	keyPending *postgres.Store
	closed     atomic.Bool // the store has been closed: serve is stopping
	api        *httpapi.Server
	listener   net.Listener // opened by run
	platforms  []string     // the chat platforms configured, for the log

	// components run side by side until the root context ends or one fails.
	components []*component
}

// component is one long-running part of serve: the HTTP server, an adapter
// or the reloader.
type component struct {
	name string
	run  func(ctx context.Context) error
	// critical components stop serve when they end early; the reloader is
	// not: without it the current index keeps serving.
	critical bool
	running  atomic.Bool
}

// newService builds every part of serve from cfg without touching the
// network: the knowledge index, the state store, metrics, the drafter, the
// bot, the HTTP API and each configured adapter. hup delivers SIGHUP to the
// reloader.
func newService(ctx context.Context, cfg config.Config, log *slog.Logger, hooks serveHooks, hup <-chan os.Signal) (*service, error) {
	s := &service{cfg: cfg, log: log, hooks: hooks}

	start := time.Now()
	s.reloader = &reloader{docs: cfg.Docs, synonyms: cfg.Synonyms, log: log.With("component", "index"), hup: hup, done: hooks.reloaded}
	// The watcher comes first: a document written while the index is being
	// built, or before serve listens, then sets off a reload.
	s.reloader.watch()
	ix, err := s.reloader.build()
	if err != nil {
		s.reloader.close()
		return nil, err
	}
	log.Info("index built", "documents", len(ix.Documents()), "passages", len(ix.Passages()),
		"themes", len(ix.Themes()), "docs", cfg.Docs, "took", time.Since(start).Round(time.Microsecond))
	if hooks.indexed != nil {
		hooks.indexed()
	}

	metrics := prometheus.New()
	base, key, err := s.openState(ctx, metrics)
	if err != nil {
		s.release()
		return nil, err
	}
	opts := bot.Options{
		Store:         metrics.Store(base),
		ReplyKey:      key,
		Logger:        log,
		RatePerMinute: float64(cfg.RateLimit),
		QuestionLog:   bot.QuestionLog(cfg.QuestionLog),
		MaxConcurrent: cfg.MaxConcurrent,
		QueueTimeout:  bot.DefaultQueueTimeout, // the adapters' wait for a worker too
		Now:           hooks.now,
	}
	llm, err := newLLM(cfg, log)
	if err != nil {
		s.release()
		return nil, err
	}
	if llm.drafter != nil {
		opts.Drafter = metrics.Drafter(llm.drafter)
		opts.DraftObserver = metrics // the bot's verdict on each draft, counted as it is reached
		log.Info("llm drafting on", "model", cfg.LLMModel, "base_url", llmBaseURL(cfg), "timeout", cfg.LLMTimeout)
	}
	llm.apply(&opts)
	opts.DeliveryLease = deliveryLease(opts.QueueTimeout, opts.Drafter != nil, cfg.LLMTimeout)
	if opts.DeliveryLease > bot.DefaultDeliveryLease {
		log.Info("delivery claims held longer than the default, for drafts that take long", "lease", opts.DeliveryLease)
	}
	s.bot = bot.New(ix, opts)
	s.reloader.bot = s.bot
	s.reloader.embeddings = llm.embeddings

	var checks []httpapi.Check
	var slackHandler, discordHandler http.Handler
	if opts, on := slackOptions(cfg); on {
		opts.Logger = log
		opts.OnReconnect = func() { metrics.Reconnected("slack") }
		opts.OnRefused = func(p bot.Problem) { metrics.Refused(bot.Slack, p) }
		opts.ShutdownGrace = cfg.ShutdownGrace
		sa, err := slack.New(opts, s.bot)
		if err != nil {
			s.release()
			return nil, &configError{err: err}
		}
		if sa.Mode() == slack.ModeHTTP {
			slackHandler = sa.Handler()
		}
		s.reloader.changed = append(s.reloader.changed, sa.KnowledgeChanged)
		c := &component{name: "slack", critical: true, run: sa.Run}
		s.components = append(s.components, c)
		checks = append(checks, httpapi.Check{Name: "slack", Func: connected(c, sa)})
		s.platforms = append(s.platforms, "slack ("+sa.Mode()+" mode)")
	}
	if opts, on := discordOptions(cfg); on {
		opts.Logger = log
		opts.OnReconnect = func() { metrics.Reconnected("discord") }
		opts.OnRefused = func(p bot.Problem) { metrics.Refused(bot.Discord, p) }
		opts.ShutdownGrace = cfg.ShutdownGrace
		da, err := discord.New(opts, s.bot)
		if err != nil {
			s.release()
			return nil, &configError{err: err}
		}
		c := &component{name: "discord", critical: true, run: da.Run}
		s.components = append(s.components, c)
		checks = append(checks, httpapi.Check{Name: "discord", Func: connected(c, da)})
		if h := da.Handler(); h != nil {
			discordHandler = h
			s.platforms = append(s.platforms, "discord (interactions over http)")
		} else {
			s.platforms = append(s.platforms, "discord")
		}
	}

	s.api = httpapi.New(httpapi.Options{
		Core:            s.bot,
		Checks:          append([]httpapi.Check{{Name: "index", Func: s.checkIndex}, {Name: "state", Func: s.checkState}}, checks...),
		Metrics:         metrics.Handler(),
		Logger:          log.With("component", "http"),
		Counter:         metrics,
		RetryAfter:      retryAfter(cfg.RateLimit),
		ShutdownTimeout: cfg.ShutdownGrace,
		APIToken:        cfg.APIToken.Reveal(),
		TrustedProxies:  cfg.TrustedProxies,
	})
	if slackHandler != nil {
		// Slack's HTTP mode shares the API's listener and its graceful
		// shutdown; in Socket Mode these routes do not exist.
		for _, route := range []string{"POST /slack/events", "POST /slack/commands", "POST /slack/interactions"} {
			s.api.Handle(route, slackHandler)
		}
	}
	if discordHandler != nil {
		// With DISCORD_PUBLIC_KEY, Discord posts interactions here; without
		// it the route does not exist.
		s.api.Handle("POST /discord/interactions", discordHandler)
	}
	s.components = append(s.components,
		&component{name: "http", critical: true, run: s.serveHTTP},
		&component{name: "reloader", run: s.reloader.run})
	if s.store != nil {
		s.components = append(s.components, &component{name: "retention", run: s.prune})
	}
	if pg := s.keyPending; pg != nil {
		s.components = append(s.components, &component{name: "replykey", run: func(ctx context.Context) error {
			s.adoptSharedKey(ctx, pg)
			return nil
		}})
	}
	if shared, ok := s.store.(*sharedState); ok && shared.pg.Load() == nil {
		s.components = append(s.components, &component{name: "state", run: func(ctx context.Context) error {
			return shared.keepOpening(ctx, s.adoptSharedKey)
		}})
	}
	return s, nil
}

// replyKeyFile holds, in the state folder, the key that signs reply ids,
// so that feedback buttons keep working across restarts.
const replyKeyFile = "reply.key"

// replyKey returns the key kept in dir, creating it on first use (mode
// 0600). An error leaves the bot a random key of its own.
func replyKey(dir string) ([]byte, error) {
	path := filepath.Join(dir, replyKeyFile)
	key, err := os.ReadFile(path)
	switch {
	case err == nil && len(key) == 32:
		return key, nil
	case err == nil:
		return nil, fmt.Errorf("%s: %d bytes, want 32 (remove it to make a new key)", path, len(key))
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	key = make([]byte, 32)
	_, _ = rand.Read(key) // crypto/rand.Read never fails
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, err
	}
	// Written aside, then linked into place: the key appears whole or not
	// at all, and of two processes starting together the second reads the
	// first one's.
	f, err := os.CreateTemp(dir, ".reply.key-*")
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(key); err != nil {
		f.Close()
		return nil, err
	}
	if err := errors.Join(f.Sync(), f.Close()); err != nil {
		return nil, err
	}
	if err := os.Link(f.Name(), path); errors.Is(err, fs.ErrExist) {
		return replyKey(dir)
	} else if err != nil {
		return nil, err
	}
	return key, nil
}

// pruneEvery is how often serve deletes questions and feedback older than
// TALKSBOT_RETENTION, besides on start.
const pruneEvery = time.Hour

// prune deletes what is older than the retention every pruneEvery until ctx
// is done; a failure is logged and tried again next time.
func (s *service) prune(ctx context.Context) error {
	tick := time.NewTicker(pruneEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case now := <-tick.C:
			if err := s.pruneState(ctx, now); err != nil {
				s.log.Warn("pruning the state database failed: trying again in an hour", "err", err)
			}
		}
	}
}

// checkSize warns when the state database has grown past
// TALKSBOT_STATE_MAX_SIZE: a soft cap, which nothing enforces but the
// operator, by a shorter TALKSBOT_RETENTION or TALKSBOT_QUESTION_LOG.
func (s *service) checkSize(st *sqlite.Store) {
	if size := st.Size(); size > s.cfg.StateMaxSize {
		s.log.Warn("state database larger than TALKSBOT_STATE_MAX_SIZE: shorten TALKSBOT_RETENTION or set TALKSBOT_QUESTION_LOG",
			"bytes", size, "max_bytes", s.cfg.StateMaxSize)
	}
}

// retryAfter is how long a client refused by the per-user rate limit
// should wait: the time one more question takes to be allowed.
func retryAfter(perMinute int) time.Duration {
	if perMinute <= 0 {
		return 0
	}
	return max(time.Second, time.Minute/time.Duration(perMinute))
}

// llmBaseURL names the API the drafter talks to, for the log.
func llmBaseURL(cfg config.Config) string {
	if cfg.OpenAIBaseURL == "" {
		return "(OpenAI)"
	}
	return cfg.OpenAIBaseURL
}

// run starts every component and blocks until ctx is done (a clean stop,
// nil) or a critical component fails or panics (an error). Either way it
// shuts the rest down within the shutdown grace and closes the store.
func (s *service) run(ctx context.Context) error {
	defer s.release()
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", s.cfg.HTTPAddr)
	if err != nil {
		return fmt.Errorf("serve: listen on %s: %w", s.cfg.HTTPAddr, err)
	}
	s.listener = ln
	if len(s.platforms) == 0 {
		s.log.Info("no chat platform configured (set SLACK_BOT_TOKEN or DISCORD_BOT_TOKEN): serving the HTTP API alone", "addr", ln.Addr().String())
	} else {
		s.log.Info("serving", "platforms", strings.Join(s.platforms, ", "), "addr", ln.Addr().String())
	}

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		c   *component
		err error
	}
	results := make(chan result, len(s.components))
	for _, c := range s.components {
		c.running.Store(true)
		go func() {
			err := s.runComponent(runCtx, c)
			c.running.Store(false)
			results <- result{c, err}
		}()
	}
	if s.hooks.ready != nil {
		s.hooks.ready(ln.Addr())
	}

	var failure error
	pending := len(s.components)
	for failure == nil && ctx.Err() == nil {
		select {
		case <-ctx.Done():
		case r := <-results:
			pending--
			switch {
			case r.err != nil && !r.c.critical:
				s.log.Warn("component stopped", "component", r.c.name, "err", r.err)
			case r.err != nil:
				failure = r.err
			case r.c.critical && ctx.Err() == nil:
				failure = fmt.Errorf("%s stopped unexpectedly", r.c.name)
			}
		}
	}
	if failure != nil {
		s.log.Error("shutting down after a failure", "err", failure)
	} else {
		s.log.Info("shutting down: finishing answers in flight", "grace", s.cfg.ShutdownGrace)
	}
	grace := s.cfg.ShutdownGrace
	stopDrafts := time.AfterFunc(grace-deliveryMargin(grace), func() {
		s.log.Info("shutting down: drafts still running are answered extractively")
		s.bot.StopDrafting()
	})
	defer stopDrafts.Stop()
	cancel()
	if s.hooks.stopping != nil {
		s.hooks.stopping()
	}

	deadline := time.NewTimer(grace + teardownMargin)
	defer deadline.Stop()
	for pending > 0 {
		select {
		case r := <-results:
			pending--
			if r.err != nil {
				s.log.Warn("component stopped with an error", "component", r.c.name, "err", r.err)
			}
		case <-deadline.C:
			var left []string
			for _, c := range s.components {
				if c.running.Load() {
					left = append(left, c.name)
				}
			}
			s.log.Error("shutdown deadline passed: abandoning what is left", "components", strings.Join(left, ", "))
			pending = 0
		}
	}
	s.log.Info("stopped")
	return failure
}

// runComponent runs c until ctx is done. A panic that escapes c is logged
// with its stack and returned as an error, which stops serve with exit
// code 1: a half-dead adapter that looks alive is worse than a restart by
// the orchestrator. (Panics while answering one message never get here:
// the bot and the HTTP server recover those.)
func (s *service) runComponent(ctx context.Context, c *component) (err error) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic", "component", c.name, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			err = fmt.Errorf("%s panicked: %v", c.name, p)
		}
	}()
	if err := c.run(ctx); err != nil {
		return fmt.Errorf("%s: %w", c.name, err)
	}
	return nil
}

// serveHTTP serves the HTTP API on the listener run opened.
func (s *service) serveHTTP(ctx context.Context) error {
	return s.api.ServeListener(ctx, s.listener)
}

// release stops watching the documents folder and closes the state
// database, once every component is done (or has been abandoned).
func (s *service) release() {
	s.reloader.close()
	s.closeStore()
}

// closeStore closes the state database once. The store itself stays in
// place: a readiness probe still being answered after shutdown gave up
// waiting may look at it, and finds it marked closed.
func (s *service) closeStore() {
	if s.store == nil || s.closed.Swap(true) {
		return
	}
	if err := s.store.Close(); err != nil {
		s.log.Error("close state database", "err", err)
	}
}

// checkIndex is the "index" readiness check: a knowledge base is loaded.
func (s *service) checkIndex(ctx context.Context) error {
	if s.reloader.current() == nil {
		return errors.New("no knowledge base loaded")
	}
	return nil
}

// checkState is the "state" readiness check: the state database is open
// and accepts a write.
func (s *service) checkState(ctx context.Context) error {
	if s.stateErr != nil {
		return fmt.Errorf("answering with in-memory state (lost on restart): %w", s.stateErr)
	}
	if s.closed.Load() {
		return errors.New("state database closed: shutting down")
	}
	return s.store.Ping(ctx)
}

// connector is implemented by adapters that know whether their platform
// connection is up.
type connector interface {
	Connected() bool
}

// connected is an adapter's readiness check: its Run is running and, when
// the adapter can tell, its connection is up.
func connected(c *component, adapter any) func(context.Context) error {
	return func(context.Context) error {
		if !c.running.Load() {
			return fmt.Errorf("%s adapter is not running", c.name)
		}
		if cn, ok := adapter.(connector); ok && !cn.Connected() {
			return fmt.Errorf("%s is not connected", c.name)
		}
		return nil
	}
}

// postMargin is what deliveryLease allows, beyond the wait for a worker and
// the draft, for retrieval and for posting the answer.
const postMargin = 10 * time.Second

// deliveryLease is how long a replica's claim on a delivery holds: the
// default, or longer when an answer may take longer (a slow LLM), so that
// a platform's retry reaching another replica is not answered a second
// time while the first is still drafting.
func deliveryLease(queue time.Duration, drafting bool, llmTimeout time.Duration) time.Duration {
	longest := queue + postMargin
	if drafting {
		longest += llmTimeout
	}
	return max(bot.DefaultDeliveryLease, longest)
}
