package openai

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	goopenai "github.com/sashabaranov/go-openai"
)

// ErrCircuitOpen is returned, wrapped, while the circuit breaker is open:
// after repeated failures calls fail fast without reaching the API.
var ErrCircuitOpen = errors.New("llm circuit open after repeated failures")

// Retry policy: one retry at most, for 429 and 5xx only.
const (
	// maxRetryAfter is the longest Retry-After the guard waits for; a server
	// asking for more gets no retry, and the caller falls back at once.
	maxRetryAfter = 2 * time.Second
	// retryBackoff (plus up to as much jitter) is the wait when the server
	// gives no Retry-After.
	retryBackoff = 200 * time.Millisecond
)

// guard runs API calls under a timeout, a bound on concurrency, a circuit
// breaker and the retry policy.
type guard struct {
	timeout time.Duration
	sem     chan struct{}
	breaker *breaker
	key     string // only to redact it from error messages
	log     *slog.Logger
}

func newGuard(s settings, name string) *guard {
	return &guard{
		timeout: s.Timeout,
		sem:     make(chan struct{}, s.MaxConcurrent),
		breaker: &breaker{
			name:      name,
			threshold: s.BreakerThreshold,
			cooldown:  s.BreakerCooldown,
			log:       s.Logger,
			now:       s.Now,
		},
		key: s.APIKey,
		log: s.Logger,
	}
}

// do runs call, at most twice. call must be safe to repeat when it fails
// with a retryable status; it receives the attempt's context.
func (g *guard) do(ctx context.Context, op string, call func(ctx context.Context) error) error {
	if err := ctx.Err(); err != nil {
		return g.wrap(ctx, op, err)
	}
	probe, err := g.breaker.allow()
	if err != nil {
		return &callError{msg: op + ": " + err.Error(), err: err}
	}
	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, g.timeout)
	defer cancel()

	select {
	case g.sem <- struct{}{}:
	case <-ctx.Done():
		g.breaker.record(outcomeNeutral, probe)
		return g.wrap(parent, op+": waiting for a free slot", ctx.Err())
	}
	defer func() { <-g.sem }()

	for attempt := 1; ; attempt++ {
		note := &callNote{}
		err = call(context.WithValue(ctx, noteKey{}, note))
		if err == nil {
			g.breaker.record(outcomeSuccess, probe)
			return nil
		}
		if attempt > 1 || !retryable(err) || ctx.Err() != nil {
			break
		}
		wait, ok := retryWait(note, time.Now(), rand.N(retryBackoff+1))
		if deadline, has := ctx.Deadline(); ok && has && time.Until(deadline) <= wait {
			ok = false
		}
		if !ok {
			break
		}
		g.log.Debug("llm retry", "op", op, "status", statusOf(err), "wait_ms", wait.Milliseconds())
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
		}
		if ctx.Err() != nil {
			break
		}
	}
	if errors.Is(parent.Err(), context.Canceled) {
		// The caller gave up; that says nothing about the API's health. A
		// caller's deadline passing does: the API was too slow for it.
		g.breaker.record(outcomeNeutral, probe)
	} else {
		g.breaker.record(outcomeFailure, probe)
	}
	return g.wrap(parent, op, err)
}

// wrap turns err into a concise error that never holds the API key.
func (g *guard) wrap(parent context.Context, op string, err error) error {
	var msg string
	switch {
	case errors.Is(parent.Err(), context.Canceled):
		msg = "canceled by the caller"
	case parent.Err() != nil:
		msg = "the caller's deadline passed"
	case errors.Is(err, context.DeadlineExceeded):
		msg = "timed out after " + g.timeout.String()
	default:
		msg = describe(err)
	}
	msg = op + ": " + msg
	if len(g.key) >= 4 {
		msg = strings.ReplaceAll(msg, g.key, "[redacted]")
	}
	return &callError{msg: msg, err: err}
}

// callError is a failed call: a concise, key-free message over the
// underlying error, which errors.Is and errors.As still reach.
type callError struct {
	msg string
	err error
}

func (e *callError) Error() string { return "openai: " + e.msg }
func (e *callError) Unwrap() error { return e.err }

// describe says what went wrong in one short line: the HTTP status and the
// server's message when there is one.
func describe(err error) string {
	var apiErr *goopenai.APIError
	var reqErr *goopenai.RequestError
	switch {
	case errors.As(err, &apiErr) && apiErr.HTTPStatusCode > 0:
		return fmt.Sprintf("status %d: %s", apiErr.HTTPStatusCode, clip(apiErr.Message))
	case errors.As(err, &apiErr):
		return "server error: " + clip(apiErr.Message)
	case errors.As(err, &reqErr):
		detail := strings.TrimSpace(string(reqErr.Body))
		if detail == "" && reqErr.Err != nil {
			detail = reqErr.Err.Error()
		}
		if detail == "" {
			detail = http.StatusText(reqErr.HTTPStatusCode)
		}
		return fmt.Sprintf("status %d: %s", reqErr.HTTPStatusCode, clip(detail))
	default:
		return clip(err.Error())
	}
}

// clip shortens s to one printable line of at most 200 runes.
func clip(s string) string {
	const max = 200
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}

// statusOf returns the HTTP status of a failed API response, 0 when err is
// not one.
func statusOf(err error) int {
	var apiErr *goopenai.APIError
	if errors.As(err, &apiErr) {
		return apiErr.HTTPStatusCode
	}
	var reqErr *goopenai.RequestError
	if errors.As(err, &reqErr) {
		return reqErr.HTTPStatusCode
	}
	return 0
}

// retryable reports whether err is a 429 or 5xx response.
func retryable(err error) bool {
	s := statusOf(err)
	return s == http.StatusTooManyRequests || s >= 500 && s <= 599
}

// retryWait says how long to wait before the retry, from the response's
// Retry-After-Ms or Retry-After header, else backoff plus jitter; ok is false
// when the server asks for longer than maxRetryAfter.
func retryWait(n *callNote, now time.Time, jitter time.Duration) (wait time.Duration, ok bool) {
	wait = -1
	if ms, err := strconv.ParseFloat(strings.TrimSpace(n.retryAfterMs), 64); err == nil && ms >= 0 {
		wait = time.Duration(ms * float64(time.Millisecond))
	} else if v := strings.TrimSpace(n.retryAfter); v != "" {
		if secs, err := strconv.Atoi(v); err == nil && secs >= 0 {
			wait = time.Duration(secs) * time.Second
		} else if at, err := http.ParseTime(v); err == nil {
			wait = max(at.Sub(now), 0)
		}
	}
	if wait < 0 {
		return retryBackoff + jitter, true
	}
	return wait, wait <= maxRetryAfter
}

type outcome int

const (
	outcomeSuccess outcome = iota
	outcomeFailure
	outcomeNeutral // the call did not test the API (the caller gave up)
)

// breaker is a circuit breaker: after threshold consecutive failures it
// opens and fails calls fast for cooldown, then lets one probe through
// (half-open); the probe's success closes it, its failure opens it again.
type breaker struct {
	name      string
	threshold int
	cooldown  time.Duration
	log       *slog.Logger
	now       func() time.Time // nil: time.Now

	mu        sync.Mutex
	failures  int
	open      bool      // open or half-open
	openUntil time.Time // while open, calls before this fail fast
	probing   bool      // half-open with the probe in flight
}

func (b *breaker) clock() time.Time {
	if b.now != nil {
		return b.now()
	}
	return time.Now()
}

// allow reports whether a call may go ahead, and whether it is the probe
// of a half-open circuit.
func (b *breaker) allow() (probe bool, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.open {
		return false, nil
	}
	if b.probing || b.clock().Before(b.openUntil) {
		return false, ErrCircuitOpen
	}
	b.probing = true
	b.log.Info("llm circuit half-open, probing", "client", b.name)
	return true, nil
}

// record takes the outcome of a call that allow let through.
func (b *breaker) record(o outcome, probe bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch o {
	case outcomeSuccess:
		if b.open {
			b.log.Info("llm circuit closed", "client", b.name)
		}
		b.failures, b.open, b.probing = 0, false, false
	case outcomeFailure:
		b.failures++
		if probe || (!b.open && b.failures >= b.threshold) {
			b.open, b.probing = true, false
			b.openUntil = b.clock().Add(b.cooldown)
			b.log.Warn("llm circuit open", "client", b.name, "failures", b.failures,
				"cooldown_ms", b.cooldown.Milliseconds())
		}
	case outcomeNeutral:
		// A probe that tested nothing frees the way for the next one.
		if probe {
			b.probing = false
		}
	}
}
