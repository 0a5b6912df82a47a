package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// askRequest is the body of POST /v1/ask.
type askRequest struct {
	Question *string `json:"question"`
}

// readQuestion reads and checks the body of POST /v1/ask. On failure it
// returns the status and message to answer with; status is 0 on success.
func readQuestion(w http.ResponseWriter, r *http.Request, maxBytes int64) (question string, status int, msg string) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return "", http.StatusUnsupportedMediaType, "Content-Type must be application/json"
	}
	tooLarge := fmt.Sprintf("request body is larger than %d bytes", maxBytes)
	if r.ContentLength > maxBytes {
		return "", http.StatusRequestEntityTooLarge, tooLarge
	}
	body := http.MaxBytesReader(w, r.Body, maxBytes)
	dec := json.NewDecoder(body)
	var (
		req     askRequest
		maxErr  *http.MaxBytesError
		typeErr *json.UnmarshalTypeError
		syntax  *json.SyntaxError
	)
	err = decodeObject(dec, &req)
	if err == nil {
		// One object and nothing after it.
		if _, terr := dec.Token(); terr != io.EOF {
			err = errTrailing
			if errors.As(terr, &maxErr) {
				err = terr
			}
		}
	}
	switch {
	case err == nil:
	case errors.Is(err, errTrailing):
		return "", http.StatusBadRequest, "unexpected data after the JSON object"
	case errors.As(err, &maxErr):
		return "", http.StatusRequestEntityTooLarge, tooLarge
	case errors.Is(err, errNotObject):
		return "", http.StatusBadRequest, `request body must be a JSON object such as {"question": "..."}`
	case errors.As(err, &typeErr) && typeErr.Field == "question":
		return "", http.StatusBadRequest, `"question" must be a string`
	case errors.As(err, &syntax), errors.Is(err, io.ErrUnexpectedEOF):
		return "", http.StatusBadRequest, "malformed JSON in request body"
	case errors.Is(err, io.EOF):
		return "", http.StatusBadRequest, `empty request body: send {"question": "..."}`
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "", http.StatusBadRequest, "unknown field " + strings.TrimPrefix(err.Error(), "json: unknown field ") + `: only "question" is accepted`
	default:
		return "", http.StatusBadRequest, "bad request body: " + err.Error()
	}
	if req.Question == nil {
		return "", http.StatusBadRequest, `"question" is required`
	}
	if strings.TrimSpace(*req.Question) == "" {
		return "", http.StatusBadRequest, `"question" is empty`
	}
	return *req.Question, 0, ""
}

var (
	// errNotObject marks a body that is JSON but not an object.
	errNotObject = errors.New("not an object")
	// errTrailing marks a body with more after its JSON object.
	errTrailing = errors.New("trailing data")
)

// decodeObject decodes one JSON object into v, reporting errNotObject for
// any other JSON value.
func decodeObject(dec *json.Decoder, v any) error {
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return err
	}
	if t := strings.TrimLeft(string(raw), " \t\r\n"); !strings.HasPrefix(t, "{") {
		return errNotObject
	}
	inner := json.NewDecoder(strings.NewReader(string(raw)))
	inner.DisallowUnknownFields()
	return inner.Decode(v)
}

// clientAddr is the rate limit's key: the client's IP address without the
// port. Behind a reverse proxy every request shares the proxy's address, so
// the limit then applies to all clients together.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// maxClients bounds the limiter's memory: past it, clients idle long enough
// to have a full burst again are forgotten.
const maxClients = 10000

// limiter keeps one token bucket per client address.
type limiter struct {
	mu      sync.Mutex
	every   rate.Limit
	burst   int
	refill  time.Duration // time to refill a whole burst
	clients map[string]*client
}

type client struct {
	lim  *rate.Limiter
	seen time.Time
}

func newLimiter(perMinute float64, burst int) *limiter {
	if burst <= 0 {
		burst = 5
	}
	every := rate.Limit(perMinute / 60)
	return &limiter{
		every:   every,
		burst:   burst,
		refill:  time.Duration(float64(burst) / float64(every) * float64(time.Second)),
		clients: map[string]*client{},
	}
}

// allow takes a token for key at now. When none is left it reports how long
// until one is.
func (l *limiter) allow(key string, now time.Time) (wait time.Duration, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	c := l.clients[key]
	if c == nil {
		if len(l.clients) >= maxClients {
			l.sweep(now)
		}
		c = &client{lim: rate.NewLimiter(l.every, l.burst)}
		l.clients[key] = c
	}
	c.seen = now
	res := c.lim.ReserveN(now, 1)
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return d, false
	}
	return 0, true
}

// sweep forgets clients whose bucket has refilled: forgetting them changes
// nothing. If all are active, an arbitrary half goes, so memory stays bounded.
func (l *limiter) sweep(now time.Time) {
	for k, c := range l.clients {
		if now.Sub(c.seen) > l.refill {
			delete(l.clients, k)
		}
	}
	if len(l.clients) < maxClients {
		return
	}
	n := 0
	for k := range l.clients {
		if n >= maxClients/2 {
			break
		}
		delete(l.clients, k)
		n++
	}
}
