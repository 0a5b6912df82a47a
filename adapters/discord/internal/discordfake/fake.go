// Package discordfake is a local stand-in for Discord, for the adapter's
// tests: an HTTP server on 127.0.0.1 that answers the REST routes the adapter
// calls and serves the gateway websocket (Hello, Identify, READY, heartbeats,
// Resume, dispatches), recording every call so tests can assert on them.
package discordfake

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// apiPrefix is the path of the fake's REST root.
const apiPrefix = "/api/v9/"

// Options configure a Server.
type Options struct {
	AppID  string // the application id sent in READY; "100" when empty
	UserID string // the bot user's id sent in READY; "200" when empty
	// HeartbeatInterval is sent in Hello; 45 s when zero.
	HeartbeatInterval time.Duration
	// HoldHello keeps the gateway silent after the websocket opens, as a
	// stalled Discord would.
	HoldHello bool
}

// Call is one REST request the fake received.
type Call struct {
	Method string
	Path   string // relative to the API root, e.g. "channels/1/messages"
	Query  string
	Auth   string // the Authorization header
	Body   []byte
	Status int // what the fake answered
}

// JSON decodes the call's body into v.
func (c Call) JSON(v any) error {
	if err := json.Unmarshal(c.Body, v); err != nil {
		return fmt.Errorf("decode %s %s body: %w", c.Method, c.Path, err)
	}
	return nil
}

// Resume is a gateway Resume (op 6) the fake received.
type Resume struct {
	Token     string `json:"token"`
	SessionID string `json:"session_id"`
	Seq       int64  `json:"seq"`
}

type canned struct {
	method, path string
	status       int
	body         string
}

// Server is a fake Discord. Its methods are safe for concurrent use.
type Server struct {
	opts Options
	srv  *httptest.Server
	ws   sync.WaitGroup // gateway connection handlers

	mu         sync.Mutex
	changed    chan struct{} // closed and replaced whenever something is recorded
	calls      []Call
	canned     []canned
	identifies []json.RawMessage
	resumes    []Resume
	dials      int
	conns      []*gatewayConn
	live       *gatewayConn // the connection that last identified or resumed
	seq        int64
	nextID     int64
	sessions   int
	closed     bool
}

type gatewayConn struct {
	mu sync.Mutex // serialises writes
	c  *websocket.Conn
}

func (g *gatewayConn) write(v any) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.c.WriteJSON(v)
}

// Start starts a fake Discord on 127.0.0.1.
func Start(opts Options) *Server {
	if opts.AppID == "" {
		opts.AppID = "100"
	}
	if opts.UserID == "" {
		opts.UserID = "200"
	}
	if opts.HeartbeatInterval == 0 {
		opts.HeartbeatInterval = 45 * time.Second
	}
	s := &Server{opts: opts, changed: make(chan struct{}), nextID: 1000}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// URL returns the REST root to give the adapter as its API URL.
func (s *Server) URL() string { return s.srv.URL + apiPrefix }

// AppID returns the application id the fake announces.
func (s *Server) AppID() string { return s.opts.AppID }

// UserID returns the bot user id the fake announces.
func (s *Server) UserID() string { return s.opts.UserID }

// Close drops every gateway connection and stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	s.closed = true
	conns := append([]*gatewayConn(nil), s.conns...)
	s.mu.Unlock()
	for _, g := range conns {
		g.c.NetConn().Close()
	}
	s.srv.Close()
	s.ws.Wait()
}

// Respond makes the fake answer the next request for method and path (as in
// Call.Path) with status and body instead of its usual answer.
func (s *Server) Respond(method, path string, status int, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.canned = append(s.canned, canned{method: method, path: path, status: status, body: body})
}

// Calls returns the REST calls received so far, in order.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// Identifies returns the Identify payloads received so far.
func (s *Server) Identifies() []json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]json.RawMessage(nil), s.identifies...)
}

// Resumes returns the Resume payloads received so far.
func (s *Server) Resumes() []Resume {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Resume(nil), s.resumes...)
}

// Dials returns how many gateway websockets have been opened.
func (s *Server) Dials() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dials
}

// Wait blocks until cond, called with the fake's lock released and after
// every recorded event, returns true, or ctx is done.
func (s *Server) Wait(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("wait for the fake discord: %w", ctx.Err())
		}
	}
}

// WaitCalls waits until n calls match and returns the first n of them.
func (s *Server) WaitCalls(ctx context.Context, n int, match func(Call) bool) ([]Call, error) {
	var got []Call
	err := s.Wait(ctx, func() bool {
		got = got[:0]
		for _, c := range s.Calls() {
			if match(c) {
				got = append(got, c)
			}
		}
		return len(got) >= n
	})
	if err != nil {
		return got, err
	}
	return got[:n], nil
}

// Dispatch sends a gateway event (op 0) of type t with data d on the live
// connection.
func (s *Server) Dispatch(t string, d any) error {
	s.mu.Lock()
	g := s.live
	s.seq++
	seq := s.seq
	s.mu.Unlock()
	if g == nil {
		return errors.New("dispatch: no gateway session")
	}
	if err := g.write(map[string]any{"op": 0, "t": t, "s": seq, "d": d}); err != nil {
		return fmt.Errorf("dispatch %s: %w", t, err)
	}
	return nil
}

// Drop cuts every gateway connection without a close frame, as a network
// failure would.
func (s *Server) Drop() {
	s.mu.Lock()
	conns := append([]*gatewayConn(nil), s.conns...)
	s.live = nil
	s.mu.Unlock()
	for _, g := range conns {
		g.c.NetConn().Close()
	}
}

// record stores something under the lock and wakes waiters.
func (s *Server) record(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f()
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if websocket.IsWebSocketUpgrade(r) {
		s.serveGateway(w, r)
		return
	}
	path, ok := strings.CutPrefix(r.URL.Path, apiPrefix)
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]any{"message": "404: Not Found", "code": 0})
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"message": "bad body", "code": 0})
		return
	}
	call := Call{Method: r.Method, Path: path, Query: r.URL.RawQuery, Auth: r.Header.Get("Authorization"), Body: body}
	status, resp := s.answer(call, r.Host)
	call.Status = status
	s.record(func() { s.calls = append(s.calls, call) })
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if resp != nil {
		w.Write(resp)
	}
}

// answer returns the status and body for a REST call.
func (s *Server) answer(c Call, host string) (int, []byte) {
	s.mu.Lock()
	for i, cn := range s.canned {
		if cn.method == c.Method && cn.path == c.Path {
			s.canned = append(s.canned[:i], s.canned[i+1:]...)
			s.mu.Unlock()
			return cn.status, []byte(cn.body)
		}
	}
	s.mu.Unlock()

	seg := strings.Split(c.Path, "/")
	switch {
	case c.Method == http.MethodGet && (c.Path == "gateway" || c.Path == "gateway/bot"):
		return http.StatusOK, mustJSON(map[string]any{
			"url":    "ws://" + host,
			"shards": 1,
			"session_start_limit": map[string]any{
				"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1,
			},
		})
	case c.Method == http.MethodPut && len(seg) >= 3 && seg[0] == "applications" && seg[len(seg)-1] == "commands":
		var cmds []map[string]any
		if err := json.Unmarshal(c.Body, &cmds); err != nil {
			return http.StatusBadRequest, mustJSON(map[string]any{"code": 50035, "message": "Invalid Form Body"})
		}
		for _, cmd := range cmds {
			cmd["id"] = s.newID()
			cmd["application_id"] = seg[1]
			cmd["version"] = "1"
		}
		return http.StatusOK, mustJSON(cmds)
	case c.Method == http.MethodPost && len(seg) == 4 && seg[0] == "interactions" && seg[3] == "callback":
		return http.StatusNoContent, nil
	case len(seg) == 5 && seg[0] == "webhooks" && seg[3] == "messages":
		switch c.Method {
		case http.MethodPatch, http.MethodGet:
			return http.StatusOK, s.message("", c.Body)
		case http.MethodDelete:
			return http.StatusNoContent, nil
		}
	case c.Method == http.MethodPost && len(seg) == 3 && seg[0] == "webhooks":
		return http.StatusOK, s.message("", c.Body)
	case c.Method == http.MethodPost && len(seg) == 3 && seg[0] == "channels" && seg[2] == "messages":
		return http.StatusOK, s.message(seg[1], c.Body)
	case c.Method == http.MethodPost && len(seg) == 3 && seg[0] == "channels" && seg[2] == "typing":
		return http.StatusNoContent, nil
	}
	return http.StatusNotFound, mustJSON(map[string]any{"message": "404: Not Found", "code": 0})
}

// message returns a created or edited message echoing the request's content.
func (s *Server) message(channelID string, body []byte) []byte {
	var in struct {
		Content string `json:"content"`
	}
	_ = json.Unmarshal(body, &in) // an undecodable body echoes no content
	return mustJSON(map[string]any{
		"id":         s.newID(),
		"channel_id": channelID,
		"content":    in.Content,
		"author":     map[string]any{"id": s.opts.UserID, "username": "talksbot", "bot": true},
		"timestamp":  "2025-01-01T00:00:00Z",
	})
}

func (s *Server) newID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	return fmt.Sprint(s.nextID)
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// serveGateway speaks the gateway protocol on one websocket.
func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	c, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	g := &gatewayConn{c: c}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		c.Close()
		return
	}
	s.ws.Add(1)
	defer s.ws.Done()
	s.conns = append(s.conns, g)
	s.mu.Unlock()
	s.record(func() { s.dials++ })
	defer func() {
		c.Close()
		s.mu.Lock()
		for i, x := range s.conns {
			if x == g {
				s.conns = append(s.conns[:i], s.conns[i+1:]...)
				break
			}
		}
		if s.live == g {
			s.live = nil
		}
		s.mu.Unlock()
	}()

	if !s.opts.HoldHello {
		hello := map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": s.opts.HeartbeatInterval.Milliseconds()}}
		if err := g.write(hello); err != nil {
			return
		}
	}
	for {
		_, data, err := c.ReadMessage()
		if err != nil {
			return
		}
		var p struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if json.Unmarshal(data, &p) != nil {
			return // Discord closes the connection on a payload it cannot decode
		}
		switch p.Op {
		case 1: // heartbeat
			if g.write(map[string]any{"op": 11}) != nil {
				return
			}
		case 2: // identify
			if s.identify(g, p.D, r.Host) != nil {
				return
			}
		case 6: // resume
			if s.resume(g, p.D) != nil {
				return
			}
		}
	}
}

func (s *Server) identify(g *gatewayConn, d json.RawMessage, host string) error {
	var id struct {
		Shard *[2]int `json:"shard"`
	}
	_ = json.Unmarshal(d, &id) // a missing shard means shard 0 of 1
	shard := [2]int{0, 1}
	if id.Shard != nil {
		shard = *id.Shard
	}
	s.mu.Lock()
	s.sessions++
	session := fmt.Sprintf("fake-session-%d", s.sessions)
	s.seq++
	seq := s.seq
	s.mu.Unlock()
	ready := map[string]any{
		"op": 0, "t": "READY", "s": seq,
		"d": map[string]any{
			"v":                  9,
			"session_id":         session,
			"resume_gateway_url": "ws://" + host,
			"user":               map[string]any{"id": s.opts.UserID, "username": "talksbot", "discriminator": "0", "bot": true},
			"application":        map[string]any{"id": s.opts.AppID, "flags": 0},
			"guilds":             []any{},
			"private_channels":   []any{},
			"shard":              shard,
		},
	}
	// Recorded before READY is written, under the connection's write lock,
	// so a test that sees the session up dispatches only after READY.
	g.mu.Lock()
	defer g.mu.Unlock()
	s.record(func() {
		s.identifies = append(s.identifies, append(json.RawMessage(nil), d...))
		s.live = g
	})
	return g.c.WriteJSON(ready)
}

func (s *Server) resume(g *gatewayConn, d json.RawMessage) error {
	var r Resume
	if err := json.Unmarshal(d, &r); err != nil {
		return err
	}
	s.mu.Lock()
	s.seq++
	seq := s.seq
	s.mu.Unlock()
	g.mu.Lock()
	defer g.mu.Unlock()
	s.record(func() {
		s.resumes = append(s.resumes, r)
		s.live = g
	})
	return g.c.WriteJSON(map[string]any{"op": 0, "t": "RESUMED", "s": seq, "d": map[string]any{}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(mustJSON(v))
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("discordfake: encode %T: %v", v, err)) // only fixed shapes are encoded
	}
	return b
}
