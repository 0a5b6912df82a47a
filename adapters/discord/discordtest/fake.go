package discordtest

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// apiPrefix is the path of the fake's REST root.
const apiPrefix = "/api/v9/"

const (
	// flagEphemeral is the message flag of a message only its user sees.
	flagEphemeral = 1 << 6
	// maxUserFollowups is the most follow-ups Discord lets an app create
	// for an interaction it is authorised for by a user install alone.
	maxUserFollowups = 5
)

// Options configure a Server.
type Options struct {
	AppID  string // the application id sent in READY; "100" when empty
	UserID string // the bot user's id sent in READY; "200" when empty
	// Token is the bot token the fake accepts, without the "Bot " prefix;
	// "fake-token" when empty.
	Token string
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
	Status int  // what the fake answered
	Canned bool // the answer was scripted with Respond
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

// interaction is the fake's state of one dispatched interaction.
type interaction struct {
	id, token string
	acked     bool
	// The original response as the webhook routes see it; shown once a
	// callback or an edit gave it a message, not just a deferral.
	deleted   bool
	shown     bool
	ephemeral bool // the initial response asked for flag 64
	orig      messageState
	// userOnly marks an interaction authorised by a user install alone
	// (authorizing_integration_owners without the guild install): Discord
	// then allows at most maxUserFollowups follow-ups.
	userOnly  bool
	followups []Message
	// delivering counts the HTTP deliveries of the interaction whose
	// answers are still being read, and settled is closed once there are
	// none: the webhook routes wait for it, as Discord takes the response
	// before it hands out the interaction's webhook.
	delivering int
	settled    chan struct{}
}

// messageState is a message as its creation and edits have left it.
type messageState struct {
	content    string
	embeds     json.RawMessage // the embeds array as last set; nil when never set
	components json.RawMessage // the components array as last set; nil when never set
}

func (m messageState) empty() bool {
	return m.content == "" && arrayLen(m.embeds) == 0 && arrayLen(m.components) == 0
}

// arrayLen is the length of a JSON array, 0 for null or anything else.
func arrayLen(raw json.RawMessage) int {
	var a []json.RawMessage
	_ = json.Unmarshal(raw, &a)
	return len(a)
}

// Message is a message as Discord holds it after its creation and edits.
type Message struct {
	Content    string
	Embeds     json.RawMessage // the embeds array as last set; nil when never set
	Components json.RawMessage // the components array as last set; nil when never set
	// Deferred marks the "thinking…" placeholder of a deferred interaction
	// response that no edit has replaced yet.
	Deferred bool
	// Ephemeral marks a message only the user of the interaction sees
	// (flag 64 on the initial response or the follow-up).
	Ephemeral bool
}

// Server is a fake Discord. Its methods are safe for concurrent use.
type Server struct {
	opts Options
	srv  *httptest.Server
	ws   sync.WaitGroup // gateway connection handlers

	mu           sync.Mutex
	changed      chan struct{} // closed and replaced whenever something is recorded
	calls        []Call
	canned       []canned
	identifies   []json.RawMessage
	resumes      []Resume
	dials        int
	refused      int
	gatewayDown  bool
	conns        []*gatewayConn
	live         *gatewayConn // the connection that last identified or resumed
	seq          int64
	nextID       int64
	sessions     map[string]bool
	interactions map[string]*interaction // by token
	commands     map[string][]Command    // the last accepted overwrite, by guild id ("" global)
	key          ed25519.PrivateKey      // signs HTTP interactions
	closed       bool
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

// Start starts a fake Discord on 127.0.0.1; it is closed when the test ends.
func Start(t testing.TB, opts Options) *Server {
	t.Helper()
	if opts.AppID == "" {
		opts.AppID = "100"
	}
	if opts.UserID == "" {
		opts.UserID = "200"
	}
	if opts.Token == "" {
		opts.Token = "fake-token"
	}
	if opts.HeartbeatInterval == 0 {
		opts.HeartbeatInterval = 45 * time.Second
	}
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatalf("discordtest: generate the signing key: %v", err)
	}
	s := &Server{
		opts:         opts,
		changed:      make(chan struct{}),
		nextID:       1000,
		sessions:     map[string]bool{},
		interactions: map[string]*interaction{},
		commands:     map[string][]Command{},
		key:          key,
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// URL returns the REST root to give the adapter as its API URL.
func (s *Server) URL() string { return s.srv.URL + apiPrefix }

// AppID returns the application id the fake announces.
func (s *Server) AppID() string { return s.opts.AppID }

// UserID returns the bot user id the fake announces.
func (s *Server) UserID() string { return s.opts.UserID }

// Close drops every gateway connection and stops the server. It may be
// called more than once.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
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

// SetGatewayDown makes the gateway refuse new websockets (HTTP 503) while
// down is true, as an outage would; connections already open stay up.
func (s *Server) SetGatewayDown(down bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gatewayDown = down
}

// Original returns the original response of the interaction with token as
// its callback and edits have left it. ok is false when there is none: the
// interaction is unknown or was never acknowledged, or its response was
// deleted.
func (s *Server) Original(token string) (m Message, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.interactions[token]
	if in == nil || !in.acked || in.deleted {
		return Message{}, false
	}
	o := in.orig
	return Message{
		Content:    o.content,
		Embeds:     append(json.RawMessage(nil), o.embeds...),
		Components: append(json.RawMessage(nil), o.components...),
		Deferred:   !in.shown,
		Ephemeral:  in.ephemeral,
	}, true
}

// Followups returns the follow-up messages of the interaction with token, in
// the order they were accepted.
func (s *Server) Followups(token string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.interactions[token]
	if in == nil {
		return nil
	}
	return append([]Message(nil), in.followups...)
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

// Refused returns how many gateway websockets were refused while the gateway
// was down.
func (s *Server) Refused() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refused
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
// connection. An INTERACTION_CREATE makes its id and token known to the
// interaction and webhook routes, even when no session is live (REST-only
// tests rely on that).
func (s *Server) Dispatch(t string, d any) error {
	raw, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("dispatch %s: %w", t, err)
	}
	s.mu.Lock()
	if t == "INTERACTION_CREATE" {
		s.learn(raw, false)
	}
	g := s.live
	s.seq++
	seq := s.seq
	s.mu.Unlock()
	if g == nil {
		return errors.New("dispatch: no gateway session")
	}
	if err := g.write(map[string]any{"op": 0, "t": t, "s": seq, "d": json.RawMessage(raw)}); err != nil {
		return fmt.Errorf("dispatch %s: %w", t, err)
	}
	return nil
}

// learn makes the interaction in raw known to the interaction and webhook
// routes, keeping what they know of it when it was delivered before. An HTTP
// delivery (delivering) holds the webhook routes back until settle. It
// returns the interaction's token, "" when raw has none. The caller holds
// s.mu.
func (s *Server) learn(raw []byte, delivering bool) string {
	var in struct {
		ID     string            `json:"id"`
		Token  string            `json:"token"`
		Owners map[string]string `json:"authorizing_integration_owners"`
	}
	if json.Unmarshal(raw, &in) != nil || in.Token == "" {
		return ""
	}
	st := s.interactions[in.Token]
	if st == nil {
		_, guildInstall := in.Owners["0"]
		st = &interaction{id: in.ID, token: in.Token, userOnly: len(in.Owners) > 0 && !guildInstall}
		s.interactions[in.Token] = st
	}
	if delivering {
		if st.delivering == 0 {
			st.settled = make(chan struct{})
		}
		st.delivering++
	}
	return in.Token
}

// settle ends one HTTP delivery of the interaction with token, letting the
// webhook routes on once none is left.
func (s *Server) settle(token string) {
	s.record(func() {
		st := s.interactions[token]
		if st == nil || st.delivering == 0 {
			return
		}
		if st.delivering--; st.delivering == 0 {
			close(st.settled)
		}
	})
}

// Reconnect asks the client on the live connection to reconnect (op 7), as
// Discord does before it moves a session.
func (s *Server) Reconnect() error {
	s.mu.Lock()
	g := s.live
	s.mu.Unlock()
	if g == nil {
		return errors.New("reconnect: no gateway session")
	}
	if err := g.write(map[string]any{"op": 7, "d": nil}); err != nil {
		return fmt.Errorf("reconnect: %w", err)
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
		writeJSON(w, http.StatusNotFound, apiError(0, "404: Not Found"))
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, apiError(0, "bad body"))
		return
	}
	call := Call{Method: r.Method, Path: path, Query: r.URL.RawQuery, Auth: r.Header.Get("Authorization"), Body: body}
	status, resp := s.answer(r.Context(), &call, r.Host)
	call.Status = status
	s.record(func() { s.calls = append(s.calls, call) })
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if resp != nil {
		w.Write(resp)
	}
}

// authorized reports whether a request may use a route: bot routes need the
// bot token; interaction and webhook routes carry their own token in the
// path, but a wrong Authorization header is refused there too.
func (s *Server) authorized(auth string, tokenRoute bool) bool {
	if auth == "" {
		return tokenRoute
	}
	return auth == "Bot "+s.opts.Token
}

// answer returns the status and body for a REST call.
func (s *Server) answer(ctx context.Context, c *Call, host string) (int, []byte) {
	s.mu.Lock()
	for i, cn := range s.canned {
		if cn.method == c.Method && cn.path == c.Path {
			s.canned = append(s.canned[:i], s.canned[i+1:]...)
			s.mu.Unlock()
			c.Canned = true
			return cn.status, []byte(cn.body)
		}
	}
	s.mu.Unlock()

	seg := strings.Split(c.Path, "/")
	tokenRoute := seg[0] == "interactions" || seg[0] == "webhooks"
	if !s.authorized(c.Auth, tokenRoute) {
		return http.StatusUnauthorized, apiError(0, "401: Unauthorized")
	}
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
		return s.putCommands(c, seg)
	case c.Method == http.MethodPost && len(seg) == 4 && seg[0] == "interactions" && seg[3] == "callback":
		return s.callback(c, seg[1], seg[2])
	case seg[0] == "webhooks" && len(seg) >= 3:
		return s.webhook(ctx, c, seg)
	case c.Method == http.MethodPost && len(seg) == 3 && seg[0] == "channels" && seg[2] == "messages":
		if status, resp := checkMessage(c.Body, true); status != 0 {
			return status, resp
		}
		return http.StatusOK, s.message(seg[1], c.Body)
	case c.Method == http.MethodPost && len(seg) == 3 && seg[0] == "channels" && seg[2] == "typing":
		return http.StatusNoContent, nil
	}
	return http.StatusNotFound, apiError(0, "404: Not Found")
}

func (s *Server) putCommands(c *Call, seg []string) (int, []byte) {
	if seg[1] != s.opts.AppID {
		return http.StatusForbidden, apiError(50001, "Missing Access")
	}
	var cmds []map[string]any
	if err := json.Unmarshal(c.Body, &cmds); err != nil {
		return formError(problems{{"_root", "MODEL_TYPE_CONVERT", "Only iterables may be used in a ListType"}})
	}
	if ps := checkCommands(c.Body); len(ps) > 0 {
		return formError(ps)
	}
	guild := ""
	if len(seg) == 5 && seg[2] == "guilds" {
		guild = seg[3]
	}
	recorded := make([]Command, 0, len(cmds))
	for _, cmd := range cmds {
		cmd["id"] = s.newID()
		cmd["application_id"] = seg[1]
		cmd["version"] = "1"
		recorded = append(recorded, recordCommand(cmd, guild))
	}
	s.record(func() { s.commands[guild] = recorded })
	return http.StatusOK, mustJSON(cmds)
}

// callback answers POST interactions/{id}/{token}/callback: once per
// interaction, as Discord allows.
func (s *Server) callback(c *Call, id, token string) (int, []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	in := s.interactions[token]
	if in == nil || in.id != id {
		return http.StatusNotFound, apiError(10062, "Unknown interaction")
	}
	if status, body := s.acceptLocked(in, c.Body, false); status != 0 {
		return status, body
	}
	return http.StatusNoContent, nil
}

// acceptLocked takes body as the initial response to in, as the callback
// route and an HTTP delivery's answer both do: once per interaction, and
// checked as Discord checks it. A PONG (type 1) is accepted only for a PING
// (ping). It returns status 0 when the response is accepted, and otherwise
// Discord's error. The caller holds s.mu.
func (s *Server) acceptLocked(in *interaction, body []byte, ping bool) (int, []byte) {
	if in.acked {
		return http.StatusBadRequest, apiError(40060, "Interaction has already been acknowledged.")
	}
	var resp struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		return formError(problems{{"_root", "MODEL_TYPE_CONVERT", "Invalid JSON"}})
	}
	if ping != (resp.Type == 1) {
		want := "one of {4, 5, 6, 7, 8, 9, 10, 12}"
		if ping {
			want = "1 (PONG) for a PING"
		}
		return formError(problems{{"type", "BASE_TYPE_CHOICES", fmt.Sprintf("Value must be %s; got %d.", want, resp.Type)}})
	}
	var flags struct {
		Flags int `json:"flags"`
	}
	_ = json.Unmarshal(resp.Data, &flags) // no data: no flags
	switch resp.Type {
	case 1:
	case 4, 7: // a message, or an update of the clicked message
		if status, body := checkMessage(resp.Data, true); status != 0 {
			return status, body
		}
		in.orig = stateOf(resp.Data, messageState{})
		in.shown = true
		in.ephemeral = flags.Flags&flagEphemeral != 0
	case 5, 6: // deferred: Discord shows "thinking…" or nothing
		in.ephemeral = resp.Type == 5 && flags.Flags&flagEphemeral != 0
	case 8:
		if ps := checkChoices(resp.Data); len(ps) > 0 {
			return formError(ps)
		}
	default:
		return formError(problems{{"type", "BASE_TYPE_CHOICES", fmt.Sprintf("Value must be one of {1, 4, 5, 6, 7, 8, 9, 10, 12}; got %d.", resp.Type)}})
	}
	in.acked = true
	return 0, nil
}

// webhook answers the webhook routes of an interaction token: follow-ups
// (POST webhooks/{app}/{token}) and the original response and follow-ups
// (GET, PATCH, DELETE webhooks/{app}/{token}/messages/{id}). They exist only
// once the interaction has been acknowledged.
func (s *Server) webhook(ctx context.Context, c *Call, seg []string) (int, []byte) {
	s.mu.Lock()
	in := s.interactions[seg[2]]
	for in != nil && in.delivering > 0 {
		settled := in.settled
		s.mu.Unlock()
		select {
		case <-settled:
		case <-ctx.Done():
			return http.StatusNotFound, apiError(10015, "Unknown Webhook")
		}
		s.mu.Lock()
	}
	if seg[1] != s.opts.AppID || in == nil || !in.acked {
		s.mu.Unlock()
		return http.StatusNotFound, apiError(10015, "Unknown Webhook")
	}
	s.mu.Unlock()
	switch {
	case len(seg) == 3 && c.Method == http.MethodPost:
		if status, resp := checkMessage(c.Body, true); status != 0 {
			return status, resp
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		if in.userOnly && len(in.followups) >= maxUserFollowups {
			return http.StatusBadRequest, apiError(0, fmt.Sprintf("Maximum number of follow-up messages reached (%d)", maxUserFollowups))
		}
		var flags struct {
			Flags int `json:"flags"`
		}
		_ = json.Unmarshal(c.Body, &flags) // checkMessage has decoded it
		st := stateOf(c.Body, messageState{})
		in.followups = append(in.followups, Message{
			Content: st.content, Embeds: st.embeds, Components: st.components,
			Ephemeral: flags.Flags&flagEphemeral != 0,
		})
		return http.StatusOK, s.messageLocked("", c.Body)
	case len(seg) == 5 && seg[3] == "messages":
		original := seg[4] == "@original"
		s.mu.Lock()
		defer s.mu.Unlock()
		if original && in.deleted {
			return http.StatusNotFound, apiError(10008, "Unknown Message")
		}
		switch c.Method {
		case http.MethodGet:
			return http.StatusOK, s.messageLocked("", c.Body)
		case http.MethodPatch:
			if status, resp := checkMessage(c.Body, false); status != 0 {
				return status, resp
			}
			if original {
				next := stateOf(c.Body, in.orig)
				if next.empty() {
					return http.StatusBadRequest, apiError(50006, "Cannot send an empty message")
				}
				in.orig, in.shown = next, true
			}
			return http.StatusOK, s.messageLocked("", c.Body)
		case http.MethodDelete:
			if original {
				in.deleted = true
			}
			return http.StatusNoContent, nil
		}
	}
	return http.StatusNotFound, apiError(0, "404: Not Found")
}

// message returns a created or edited message echoing the request's content.
func (s *Server) message(channelID string, body []byte) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.messageLocked(channelID, body)
}

func (s *Server) messageLocked(channelID string, body []byte) []byte {
	var in struct {
		Content string `json:"content"`
	}
	_ = json.Unmarshal(body, &in) // an undecodable body echoes no content
	s.nextID++
	return mustJSON(map[string]any{
		"id":         fmt.Sprint(s.nextID),
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
	s.mu.Lock()
	down := s.gatewayDown
	s.mu.Unlock()
	if down {
		s.record(func() { s.refused++ })
		http.Error(w, "gateway unavailable", http.StatusServiceUnavailable)
		return
	}
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
			s.closeWith(g, 4002, "Error while decoding payload.")
			return
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

// closeWith ends a gateway connection with a close code, as Discord does on
// a protocol or authentication error.
func (s *Server) closeWith(g *gatewayConn, code int, text string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	_ = g.c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
	g.c.Close()
}

// validToken reports whether a gateway token is the bot's, with or without
// the "Bot " prefix.
func (s *Server) validToken(token string) bool {
	return token == "Bot "+s.opts.Token || token == s.opts.Token
}

func (s *Server) identify(g *gatewayConn, d json.RawMessage, host string) error {
	var id struct {
		Token string  `json:"token"`
		Shard *[2]int `json:"shard"`
	}
	_ = json.Unmarshal(d, &id) // a missing shard means shard 0 of 1
	s.record(func() { s.identifies = append(s.identifies, append(json.RawMessage(nil), d...)) })
	if !s.validToken(id.Token) {
		s.closeWith(g, 4004, "Authentication failed.")
		return errors.New("identify: authentication failed")
	}
	shard := [2]int{0, 1}
	if id.Shard != nil {
		shard = *id.Shard
	}
	if shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1] {
		s.closeWith(g, 4010, "Invalid shard.")
		return errors.New("identify: invalid shard")
	}
	s.mu.Lock()
	session := fmt.Sprintf("fake-session-%d", len(s.sessions)+1)
	s.sessions[session] = true
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
	s.record(func() { s.live = g })
	return g.c.WriteJSON(ready)
}

func (s *Server) resume(g *gatewayConn, d json.RawMessage) error {
	var r Resume
	if err := json.Unmarshal(d, &r); err != nil {
		return err
	}
	if !s.validToken(r.Token) {
		s.record(func() { s.resumes = append(s.resumes, r) })
		s.closeWith(g, 4004, "Authentication failed.")
		return errors.New("resume: authentication failed")
	}
	s.mu.Lock()
	known := s.sessions[r.SessionID]
	s.seq++
	seq := s.seq
	s.mu.Unlock()
	if !known {
		s.record(func() { s.resumes = append(s.resumes, r) })
		// Invalid session, not resumable: the client must identify.
		return g.write(map[string]any{"op": 9, "d": false})
	}
	// Recorded with the session made live, before RESUMED is written and
	// under the connection's write lock: a test that sees the resume can
	// dispatch on the resumed session at once.
	g.mu.Lock()
	defer g.mu.Unlock()
	s.record(func() {
		s.resumes = append(s.resumes, r)
		s.live = g
	})
	return g.c.WriteJSON(map[string]any{"op": 0, "t": "RESUMED", "s": seq, "d": map[string]any{}})
}

func writeJSON(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(body)
}

// apiError is Discord's JSON error body.
func apiError(code int, message string) []byte {
	return mustJSON(map[string]any{"code": code, "message": message})
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("discordtest: encode %T: %v", v, err)) // only fixed shapes are encoded
	}
	return b
}
