package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// DefaultMaxBodyBytes bounds a /v1/ask request body when
// Options.MaxBodyBytes is zero.
const DefaultMaxBodyBytes = 64 << 10

// Server limits. Writes allow for a slow LLM draft; reads are small JSON
// bodies or platform events.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 15 * time.Second
	writeTimeout      = 90 * time.Second
	idleTimeout       = 120 * time.Second
	// maxAnswerTimeout leaves the answer time to be written before the
	// write timeout cuts the connection.
	maxAnswerTimeout       = writeTimeout - 5*time.Second
	defaultShutdownTimeout = 10 * time.Second
	defaultCheckTimeout    = 2 * time.Second
	defaultRetryAfter      = 10 * time.Second
	// busyRetryAfter is the Retry-After of a 503 when every answering
	// slot is taken: slots free up within seconds.
	busyRetryAfter = 2 * time.Second
	// maxRetryAfter caps the Retry-After hint.
	maxRetryAfter = time.Hour
	// mountedBodyBytes bounds request bodies of mounted routes (platform
	// payloads such as Slack's, which are well below it).
	mountedBodyBytes = 1 << 20
	// closeWait is how long Serve waits for handlers still running after
	// the graceful shutdown ran out of time and connections were closed.
	closeWait = 5 * time.Second
)

// Core answers requests. *bot.Bot is one.
type Core interface {
	Handle(ctx context.Context, req bot.Request) bot.Reply
}

// Check is one named readiness check, such as "index", "slack" or "state".
// Func returns nil when the part it checks is ready and otherwise an error
// saying why not; its text is shown to whoever probes /readyz. Func should
// return when its context is done; /readyz does not wait for one that does
// not (it reports it timed out) and does not start it again until it has
// returned.
type Check struct {
	Name string
	Func func(ctx context.Context) error
}

// Counter counts /v1/ask requests the bot refused (its KindError replies),
// by platform and bot.Problem; answered and declined questions are counted
// through the bot's question log instead. The prometheus adapter's Metrics
// is one: its questions_total outcome label is the problem's value.
type Counter interface {
	Refused(platform bot.Platform, problem bot.Problem)
}

// Options configure a Server. Core is required; the rest may be left zero.
type Options struct {
	Core    Core         // answers /v1/ask
	Checks  []Check      // run by /readyz; none: always ready
	Metrics http.Handler // serves /metrics; nil: 404
	Logger  *slog.Logger // nil: discard
	Counter Counter      // nil: nothing counted
	// K is how many citations an ask object holds at most; bot.DefaultK
	// (3) when zero, as for `talksbot ask`.
	K int
	// MaxBodyBytes bounds a /v1/ask request body; DefaultMaxBodyBytes when
	// zero. A larger body gets 413.
	MaxBodyBytes int64
	// AnswerTimeout bounds answering one /v1/ask request, waiting for an
	// answering slot included: past it the bot gives up and the client
	// gets 503. 85 s when zero, and never more, so the answer is written
	// before the server's 90 s write timeout.
	AnswerTimeout time.Duration
	// RetryAfter is the Retry-After hint sent with a 429 when the bot's
	// per-user rate limit refuses a question (each client address is one
	// user); 10 s when zero. A minute divided by the bot's rate per minute
	// is how long one more question takes to be allowed.
	RetryAfter time.Duration
	// APIToken, when set, is the bearer token /v1/ask and /metrics
	// require; empty: they answer loopback clients only.
	APIToken string
	// TrustedProxies are the peers whose X-Forwarded-For is believed for
	// the client's address (rate limits, the loopback rule).
	TrustedProxies []netip.Prefix
	// CheckTimeout bounds each readiness check; 2 s when zero.
	CheckTimeout time.Duration
	// ShutdownTimeout bounds the graceful shutdown in Serve; 10 s when
	// zero.
	ShutdownTimeout time.Duration
}

// Server is talksbot's HTTP API. Routes may be added with Handle until it
// serves; it is safe for concurrent use.
type Server struct {
	opts    Options
	log     *slog.Logger
	mux     *http.ServeMux
	handler http.Handler
	checks  []*check

	mu      sync.Mutex
	methods map[string][]string // methods mounted per method-less pattern, for 405s
}

// check is a Check with a note of whether it is still running.
type check struct {
	Check
	running atomic.Bool
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
	if opts.K <= 0 {
		opts.K = bot.DefaultK
	}
	if opts.AnswerTimeout <= 0 || opts.AnswerTimeout > maxAnswerTimeout {
		opts.AnswerTimeout = maxAnswerTimeout
	}
	if opts.RetryAfter <= 0 {
		opts.RetryAfter = defaultRetryAfter
	}
	if opts.CheckTimeout <= 0 {
		opts.CheckTimeout = defaultCheckTimeout
	}
	if opts.ShutdownTimeout <= 0 {
		opts.ShutdownTimeout = defaultShutdownTimeout
	}
	s := &Server{opts: opts, log: opts.Logger, mux: http.NewServeMux(), methods: map[string][]string{}}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	for _, c := range opts.Checks {
		s.checks = append(s.checks, &check{Check: c})
	}
	// Methods are checked by the handlers, not the patterns, so that a
	// wrong method gets a JSON error like every other one.
	s.mux.HandleFunc("/v1/ask", s.guard(s.ask))
	s.mux.HandleFunc("/healthz", s.healthz)
	s.mux.HandleFunc("/readyz", s.readyz)
	s.mux.HandleFunc("/metrics", s.guard(s.metrics))
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no route for "+r.URL.Path)
	})
	s.handler = s.recoverPanics(s.mux)
	return s
}

// Handle mounts h at pattern (a net/http ServeMux pattern such as
// "POST /slack/events" or "/slack/"), for adapters that receive HTTP
// requests. Request bodies are limited to 1 MiB. When the pattern names a
// method, other methods on its path get 405 with an Allow header rather
// than 404; a method-less pattern must then not share that path. Handle
// panics when the pattern is invalid or taken, as ServeMux does.
func (s *Server) Handle(pattern string, h http.Handler) {
	s.mux.Handle(pattern, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, mountedBodyBytes)
		h.ServeHTTP(w, r)
	}))
	method, path, ok := strings.Cut(pattern, " ")
	if !ok || method == "" || strings.ContainsAny(method, "/{") {
		return
	}
	path = strings.TrimLeft(path, " \t")
	s.mu.Lock()
	defer s.mu.Unlock()
	_, seen := s.methods[path]
	s.methods[path] = append(s.methods[path], method)
	if method == http.MethodGet {
		s.methods[path] = append(s.methods[path], http.MethodHead)
	}
	if seen {
		return
	}
	s.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		allow := strings.Join(s.methods[path], ", ")
		s.mu.Unlock()
		w.Header().Set("Allow", allow)
		writeError(w, http.StatusMethodNotAllowed, "use "+allow)
	})
}

// Handler returns the API's handler, with panic recovery around every route.
func (s *Server) Handler() http.Handler { return s.handler }

// Serve listens on addr and serves until ctx is done, then shuts down
// gracefully: it stops accepting connections and lets requests in flight
// finish within the shutdown timeout. When they do not, it closes their
// connections (cancelling their contexts) and waits a few seconds more for
// their handlers to return, so that the caller may close what they use.
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
	var running inflight
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			running.add()
			defer running.done()
			s.handler.ServeHTTP(w, r)
		}),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
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
		// The grace period is over: drop what is left, and give the
		// handlers, whose contexts that cancels, a moment to return.
		srv.Close()
		err = fmt.Errorf("http api: shutdown: %w", err)
		if n := running.count(); n > 0 {
			s.log.Warn("http api: shutdown grace period over, waiting for handlers", "requests", n, "wait", closeWait)
			wctx, wcancel := context.WithTimeout(context.WithoutCancel(ctx), closeWait)
			if n := running.wait(wctx); n > 0 {
				s.log.Warn("http api: handlers still running after shutdown", "requests", n)
			}
			wcancel()
		}
	}
	<-served // http.ErrServerClosed once Shutdown or Close ran
	s.log.Info("http api stopped")
	return err
}

// inflight counts running handlers.
type inflight struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed when n drops to zero, if someone waits
}

func (f *inflight) add() {
	f.mu.Lock()
	f.n++
	f.mu.Unlock()
}

func (f *inflight) done() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n--
	if f.n == 0 && f.idle != nil {
		close(f.idle)
		f.idle = nil
	}
}

// count returns how many handlers run.
func (f *inflight) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n
}

// wait waits until no handler runs or ctx is done, and returns how many
// still run.
func (f *inflight) wait(ctx context.Context) int {
	f.mu.Lock()
	if f.n == 0 {
		f.mu.Unlock()
		return 0
	}
	if f.idle == nil {
		f.idle = make(chan struct{})
	}
	idle := f.idle
	f.mu.Unlock()
	select {
	case <-idle:
	case <-ctx.Done():
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n
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
	// A deadline, so that a request waiting for an answering slot gives up
	// (the bot then replies busy) before the write timeout would cut it.
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.AnswerTimeout)
	defer cancel()
	// The question goes in as an ask command, so that a question reading
	// like a command ("help with sanctions") is still a question. The
	// client's address (its /64 for IPv6) is the user the bot's rate limit
	// counts.
	reply := s.opts.Core.Handle(ctx, bot.Request{
		Platform: bot.HTTP,
		User:     s.user(r),
		Command:  &bot.Command{Name: "ask", Arg: question},
	})
	if reply.Kind == bot.KindError {
		s.refuse(w, reply)
		return
	}
	s.log.Debug("ask", "reply_id", reply.ID, "kind", string(reply.Kind), "mode", reply.Mode)
	writeJSON(w, http.StatusOK, bot.NewAsk(question, reply, s.opts.K, time.Since(start)))
}

// refuse answers a KindError reply with the status its Problem calls for
// and the bot's own words, and counts it.
func (s *Server) refuse(w http.ResponseWriter, reply bot.Reply) {
	status := problemStatus(reply.Problem)
	switch reply.Problem {
	case bot.ProblemRateLimited:
		w.Header().Set("Retry-After", retryAfter(s.opts.RetryAfter))
	case bot.ProblemBusy:
		w.Header().Set("Retry-After", retryAfter(busyRetryAfter))
	}
	if s.opts.Counter != nil {
		s.opts.Counter.Refused(bot.HTTP, reply.Problem)
	}
	s.log.Debug("ask refused", "reply_id", reply.ID, "problem", string(reply.Problem), "status", status)
	msg := reply.Text
	if msg == "" {
		msg = http.StatusText(status)
	}
	writeError(w, status, msg)
}

// problemStatus maps a refusal's Problem to an HTTP status.
func problemStatus(p bot.Problem) int {
	switch p {
	case bot.ProblemBadInput:
		return http.StatusBadRequest
	case bot.ProblemRateLimited:
		return http.StatusTooManyRequests
	case bot.ProblemBusy, bot.ProblemUnavailable:
		return http.StatusServiceUnavailable
	default: // bot.ProblemInternal, or a reply that names no problem
		return http.StatusInternalServerError
	}
}

// retryAfter renders d as a Retry-After value: whole seconds, rounded up,
// between one second and an hour.
func retryAfter(d time.Duration) string {
	d = min(max(d, time.Second), maxRetryAfter)
	return strconv.FormatInt(int64((d+time.Second-1)/time.Second), 10)
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
// failing check and why otherwise. It answers within the check timeout
// whatever the checks do: one still running then is reported timed out and
// left to finish on its own, and is not started again until it has.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if !allowGet(w, r) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.CheckTimeout)
	defer cancel()
	type result struct {
		i   int
		res CheckResult
	}
	res := Readiness{Ready: true, Checks: make([]CheckResult, len(s.checks))}
	results := make(chan result, len(s.checks)) // buffered: a late check never blocks
	pending := 0
	for i, c := range s.checks {
		res.Checks[i] = CheckResult{Name: c.Name, Error: "timed out"}
		switch {
		case c.Func == nil:
			res.Checks[i].Error = "no check function"
		case !c.running.CompareAndSwap(false, true):
			res.Checks[i].Error = "timed out: an earlier run has not returned yet"
		default:
			pending++
			go func() {
				cr := s.runCheck(ctx, c.Check)
				c.running.Store(false)
				results <- result{i, cr}
			}()
		}
	}
collect:
	for ; pending > 0; pending-- {
		select {
		case r := <-results:
			res.Checks[r.i] = r.res
		case <-ctx.Done():
			break collect
		}
	}
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

// runCheck runs one check, turning a panic into a failure.
func (s *Server) runCheck(ctx context.Context, c Check) (res CheckResult) {
	res.Name = c.Name
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic in readiness check", "check", c.Name, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			res.OK, res.Error = false, "check panicked"
		}
	}()
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
