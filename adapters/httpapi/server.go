package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"sync"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// DefaultMaxBodyBytes bounds a request body when Options.MaxBodyBytes is zero.
const DefaultMaxBodyBytes = 64 << 10

// Server timeouts. Writes allow for a slow LLM draft; reads are small JSON
// bodies or platform events.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 15 * time.Second
	WriteTimeout      = 90 * time.Second
	IdleTimeout       = 120 * time.Second
	// DefaultShutdownTimeout is how long Serve lets in-flight requests
	// finish once its context is done, when Options.ShutdownTimeout is zero.
	DefaultShutdownTimeout = 10 * time.Second
	// checkTimeout bounds each readiness check.
	checkTimeout = 3 * time.Second
)

// Core answers requests. *bot.Bot is one.
type Core interface {
	Handle(ctx context.Context, req bot.Request) bot.Reply
}

// Check is one named readiness check, such as "index", "slack" or "state".
// Func returns nil when the part it checks is ready and otherwise an error
// saying why not.
type Check struct {
	Name string
	Func func(ctx context.Context) error
}

// Counter counts questions the bot's question log never sees: those refused
// by the rate limit and those that ended in an error. The prometheus
// adapter's Metrics is one.
type Counter interface {
	Question(platform bot.Platform, outcome string)
}

// Question outcomes reported to a Counter.
const (
	OutcomeError       = "error"
	OutcomeRateLimited = "rate_limited"
)

// Options configure a Server. Core is required; the rest may be left zero.
type Options struct {
	Core    Core         // answers /v1/ask
	Checks  []Check      // run by /readyz; none: always ready
	Metrics http.Handler // serves /metrics; nil: 404
	Logger  *slog.Logger // nil: discard
	Counter Counter      // nil: nothing counted
	// MaxBodyBytes bounds a /v1/ask request body; DefaultMaxBodyBytes when
	// zero. A larger body gets 413.
	MaxBodyBytes int64
	// RatePerMinute is how many questions one client address may ask per
	// minute, after a burst of Burst (5 when zero); zero means no limit.
	// A client over the limit gets 429 with Retry-After.
	RatePerMinute float64
	Burst         int
	// ShutdownTimeout bounds the graceful shutdown in Serve;
	// DefaultShutdownTimeout when zero.
	ShutdownTimeout time.Duration
}

// Server is talksbot's HTTP API. Routes may be added with Handle until it
// serves; it is safe for concurrent use.
type Server struct {
	opts    Options
	log     *slog.Logger
	mux     *http.ServeMux
	handler http.Handler
	limits  *limiter // nil: no rate limit
}

// New returns a Server for opts. It panics when opts.Core is nil, a
// programming error.
func New(opts Options) *Server {
	if opts.Core == nil {
		panic("httpapi: Options.Core is nil")
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.ShutdownTimeout <= 0 {
		opts.ShutdownTimeout = DefaultShutdownTimeout
	}
	s := &Server{opts: opts, log: opts.Logger, mux: http.NewServeMux()}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if opts.RatePerMinute > 0 {
		s.limits = newLimiter(opts.RatePerMinute, opts.Burst)
	}
	// Methods are checked by the handlers, not the patterns, so that a
	// wrong method gets a JSON error like every other one.
	s.mux.HandleFunc("/v1/ask", s.ask)
	s.mux.HandleFunc("/healthz", s.healthz)
	s.mux.HandleFunc("/readyz", s.readyz)
	s.mux.HandleFunc("/metrics", s.metrics)
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no route for "+r.URL.Path)
	})
	s.handler = s.recoverPanics(s.mux)
	return s
}

// Handle mounts h at pattern (a net/http ServeMux pattern such as
// "POST /slack/events"), for adapters that receive HTTP requests. It panics
// when the pattern is invalid or taken, as ServeMux does.
func (s *Server) Handle(pattern string, h http.Handler) { s.mux.Handle(pattern, h) }

// Handler returns the API's handler, with panic recovery around every route.
func (s *Server) Handler() http.Handler { return s.handler }

// Serve listens on addr and serves until ctx is done, then shuts down
// gracefully: it stops accepting connections and lets requests in flight
// finish within the shutdown timeout.
func (s *Server) Serve(ctx context.Context, addr string) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("http api: listen on %s: %w", addr, err)
	}
	return s.ServeListener(ctx, ln)
}

// ServeListener is Serve on a listener the caller opened; it closes ln.
func (s *Server) ServeListener(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		// Requests outlive the root context by the shutdown grace period:
		// cancelling them at the first signal would cut answers short.
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	s.log.Info("http api listening", "addr", ln.Addr().String())

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err := <-served:
		return fmt.Errorf("http api: serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.opts.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if err != nil {
		// The grace period is over: drop what is left.
		srv.Close()
		err = fmt.Errorf("http api: shutdown: %w", err)
	}
	<-served // http.ErrServerClosed once Shutdown or Close ran
	s.log.Info("http api stopped")
	return err
}

// ask serves POST /v1/ask.
func (s *Server) ask(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeError(w, http.StatusMethodNotAllowed, "use POST")
		return
	}
	question, status, msg := readQuestion(w, r, s.opts.MaxBodyBytes)
	if status != 0 {
		writeError(w, status, msg)
		return
	}
	if s.limits != nil {
		if wait, ok := s.limits.allow(clientAddr(r), start); !ok {
			s.count(OutcomeRateLimited)
			w.Header().Set("Retry-After", fmt.Sprint(int(wait.Seconds())+1))
			writeError(w, http.StatusTooManyRequests, "too many questions from this address: try again in a few seconds")
			return
		}
	}

	// The question goes in as an ask command, so that a question reading
	// like a command ("help with sanctions") is still a question. Requests
	// carry no user: the limit above is this API's per-client limit.
	reply := s.opts.Core.Handle(r.Context(), bot.Request{
		Platform: bot.HTTP,
		Command:  &bot.Command{Name: "ask", Arg: question},
	})
	if reply.Kind == bot.KindError {
		s.count(OutcomeError)
		writeError(w, http.StatusBadRequest, reply.Text)
		return
	}
	s.log.Debug("ask", "reply_id", reply.ID, "kind", string(reply.Kind), "mode", reply.Mode)
	writeJSON(w, http.StatusOK, NewAsk(question, reply, time.Since(start)))
}

func (s *Server) count(outcome string) {
	if s.opts.Counter != nil {
		s.opts.Counter.Question(bot.HTTP, outcome)
	}
}

// healthz serves GET /healthz: the process is up.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if !allowGet(w, r) {
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	fmt.Fprintln(w, "ok")
}

// Readiness is the body of /readyz.
type Readiness struct {
	Ready  bool          `json:"ready"`
	Checks []CheckResult `json:"checks"`
}

// CheckResult is one readiness check's outcome; Error says why it failed.
type CheckResult struct {
	Name  string `json:"name"`
	OK    bool   `json:"ok"`
	Error string `json:"error,omitempty"`
}

// readyz serves GET /readyz: 200 when every check passes, 503 naming each
// failing check and why otherwise.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if !allowGet(w, r) {
		return
	}
	res := Readiness{Ready: true, Checks: make([]CheckResult, len(s.opts.Checks))}
	var wg sync.WaitGroup
	for i, c := range s.opts.Checks {
		wg.Go(func() {
			res.Checks[i] = s.runCheck(r.Context(), c)
		})
	}
	wg.Wait()
	status := http.StatusOK
	for _, c := range res.Checks {
		if !c.OK {
			res.Ready = false
			status = http.StatusServiceUnavailable
			// Probes poll often: the body says why, the log only at debug.
			s.log.Debug("not ready", "check", c.Name, "err", c.Error)
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, status, res)
}

// runCheck runs one check with a deadline, turning a panic into a failure.
func (s *Server) runCheck(ctx context.Context, c Check) (res CheckResult) {
	res.Name = c.Name
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic in readiness check", "check", c.Name, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			res.OK, res.Error = false, "check panicked"
		}
	}()
	if c.Func == nil {
		return CheckResult{Name: c.Name, Error: "no check function"}
	}
	ctx, cancel := context.WithTimeout(ctx, checkTimeout)
	defer cancel()
	if err := c.Func(ctx); err != nil {
		return CheckResult{Name: c.Name, Error: err.Error()}
	}
	return CheckResult{Name: c.Name, OK: true}
}

// metrics serves GET /metrics through the configured handler.
func (s *Server) metrics(w http.ResponseWriter, r *http.Request) {
	if s.opts.Metrics == nil {
		writeError(w, http.StatusNotFound, "metrics are not enabled")
		return
	}
	if !allowGet(w, r) {
		return
	}
	s.opts.Metrics.ServeHTTP(w, r)
}

// allowGet answers 405 to anything but GET and HEAD and reports whether the
// request may go on.
func allowGet(w http.ResponseWriter, r *http.Request) bool {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	w.Header().Set("Allow", "GET, HEAD")
	writeError(w, http.StatusMethodNotAllowed, "use GET")
	return false
}

// recoverPanics turns a panic in h into a logged stack and a 500, unless
// the response had begun, in which case the connection is dropped.
func (s *Server) recoverPanics(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rw := &responseWriter{ResponseWriter: w}
		defer func() {
			p := recover()
			if p == nil {
				return
			}
			if p == http.ErrAbortHandler {
				panic(p) // a deliberate abort; net/http handles it quietly
			}
			s.log.Error("panic while serving a request",
				"method", r.Method, "path", r.URL.Path,
				"panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			if rw.wrote {
				panic(http.ErrAbortHandler)
			}
			writeError(rw, http.StatusInternalServerError, "internal error")
		}()
		h.ServeHTTP(rw, r)
	})
}

// responseWriter notes whether the response has begun. Unwrap lets
// http.ResponseController reach the connection's flusher and deadlines.
type responseWriter struct {
	http.ResponseWriter
	wrote bool
}

func (w *responseWriter) WriteHeader(code int) {
	w.wrote = true
	w.ResponseWriter.WriteHeader(code)
}

func (w *responseWriter) Write(p []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(p)
}

func (w *responseWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Flush lets streaming handlers flush through the wrapper.
func (w *responseWriter) Flush() {
	w.wrote = true
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// errorBody is every error response.
type errorBody struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		// Only our own types are marshalled; this cannot happen.
		status, body = http.StatusInternalServerError, []byte(`{"error":"internal error"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}
