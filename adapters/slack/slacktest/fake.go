package slacktest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/gorilla/websocket"
)

// WaitTimeout bounds every Wait: it guards a broken test against hanging and
// asserts nothing about speed.
const WaitTimeout = 15 * time.Second

// SlackOrigin is the Origin header slack-go's socketmode sends when it dials
// the websocket, as Slack's own web client would.
const SlackOrigin = "https://api.slack.com"

// Limits real Slack enforces on messages, which the fake enforces too.
const (
	MaxBlocks          = 50    // blocks in one message
	MaxSectionText     = 3000  // characters of a section's text
	MaxContextElements = 10    // elements of a context block
	MaxActionElements  = 25    // elements of an actions block
	MaxButtonText      = 75    // characters of a button's label
	MaxButtonValue     = 2000  // characters of a button's value
	MaxID              = 255   // characters of a block_id or action_id
	MaxResponseURLUses = 5     // posts one response_url takes
	MaxHeaderText      = 150   // characters of a header block's text
	MaxViewBlocks      = 100   // blocks in a Home tab view
	MaxPrompts         = 4     // suggested prompts in an assistant thread
	MaxMarkdownText    = 12000 // characters of a stream's markdown_text in one call
	MaxFeedbackActions = 5     // elements of a context_actions block
)

// TeamID is the workspace the fake is: auth.test names it, and the events
// and payloads it builds come from it.
const TeamID = "T0000001"

// Call is one recorded Web API call or response_url post.
type Call struct {
	Method string     // "chat.postMessage", …, or "response_url"
	Name   string     // the response_url's name (see ResponseURL)
	Token  string     // the token the call carried (form field or bearer)
	Form   url.Values // form posts
	JSON   map[string]any
	Blocks []map[string]any
}

// Get returns a field of the call, from its form or its JSON body.
func (c Call) Get(key string) string {
	if c.Form != nil {
		return c.Form.Get(key)
	}
	switch v := c.JSON[key].(type) {
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case nil:
		return ""
	default:
		return fmt.Sprint(v)
	}
}

// Texts returns the text of every section and context block, in order.
func (c Call) Texts() []string { return blockTexts(c.Blocks) }

// Buttons returns the action_id and value of every button.
func (c Call) Buttons() []Button { return blockButtons(c.Blocks) }

// Message is a message posted with chat.postMessage or streamed with
// chat.startStream, as it shows after its last chat.appendStream,
// chat.stopStream or chat.update.
type Message struct {
	Channel string
	TS      string
	Thread  string // the thread_ts it was posted with; "" outside threads
	Text    string // the fallback text
	Blocks  []map[string]any
	// Markdown is the markdown_text a stream showed, every append in
	// order; "" for a message that was never streamed, or once chat.update
	// replaced it.
	Markdown string
	// Streaming reports a stream started and not stopped yet.
	Streaming bool
	// Recipient is the recipient_user_id and recipient_team_id a stream
	// was started with, "user/team"; "" when it named none.
	Recipient string
}

// Texts returns the text of every section and context block, in order.
func (m Message) Texts() []string { return blockTexts(m.Blocks) }

// Buttons returns the action_id and value of every button.
func (m Message) Buttons() []Button { return blockButtons(m.Blocks) }

func blockTexts(blocks []map[string]any) []string {
	var out []string
	for _, b := range blocks {
		if t, ok := b["text"].(map[string]any); ok {
			out = append(out, fmt.Sprint(t["text"]))
		}
		if els, ok := b["elements"].([]any); ok && b["type"] == "context" {
			for _, e := range els {
				if em, ok := e.(map[string]any); ok {
					out = append(out, fmt.Sprint(em["text"]))
				}
			}
		}
	}
	return out
}

func blockButtons(blocks []map[string]any) []Button {
	var out []Button
	for _, b := range blocks {
		if acc, ok := b["accessory"].(map[string]any); ok && b["type"] == "section" {
			out = append(out, button(acc))
		}
		els, _ := b["elements"].([]any)
		switch b["type"] {
		case "actions":
			for _, e := range els {
				em, _ := e.(map[string]any)
				out = append(out, button(em))
			}
		case "context_actions":
			// A feedback_buttons element is two buttons under one action_id.
			for _, e := range els {
				em, _ := e.(map[string]any)
				for _, key := range []string{"positive_button", "negative_button"} {
					btn, _ := em[key].(map[string]any)
					out = append(out, Button{ActionID: fmt.Sprint(em["action_id"]), Value: fmt.Sprint(btn["value"]),
						Label: textOf(btn["text"])})
				}
			}
		}
	}
	return out
}

func button(em map[string]any) Button {
	return Button{ActionID: fmt.Sprint(em["action_id"]), Value: fmt.Sprint(em["value"]), Label: textOf(em["text"])}
}

// Button is a rendered button: an actions block's, a section's accessory,
// or one of the two of a feedback_buttons element, which share its
// action_id and differ by value.
type Button struct {
	ActionID string
	Value    string
	Label    string
}

type failure struct {
	status     int
	retryAfter string
	code       string
}

// Server is the fake Slack.
type Server struct {
	BotToken  string
	AppToken  string
	BotUserID string
	BotID     string

	srv *httptest.Server

	mu       sync.Mutex
	changed  chan struct{} // closed and replaced whenever state changes
	calls    []Call
	messages []Message // posted with chat.postMessage or chat.startStream, oldest first
	failures map[string][]failure
	refuse   string                      // the error chat.startStream answers with; "" takes streams
	threads  map[string]*AssistantThread // by channel/thread_ts
	views    map[string][]View           // Home tab views published, by user, oldest first
	uses     map[string]int              // posts per response_url name
	ts       int
	socks    []*socket // the open Socket Mode connections, oldest first
	conns    int       // connections opened in all
	tickets  int       // websocket URLs apps.connections.open handed out
	spread   int       // connections Spread has delivered to in all
	origins  []string
	acks     map[string]json.RawMessage
	envelope int
	sent     map[string]map[string]any // envelopes sent, by id
	sentOn   map[string]int            // the connection each envelope went to, by id
	firstOf  map[string]string         // the first delivery of each redelivery, by id
	closed   bool
	wg       sync.WaitGroup
	stop     chan struct{}
}

// New starts a fake Slack that accepts the given tokens. It is closed when
// the test ends.
func New(t testing.TB, botToken, appToken string) *Server {
	t.Helper()
	s := &Server{
		BotToken:  botToken,
		AppToken:  appToken,
		BotUserID: "UBOT0001",
		BotID:     "BBOT0001",
		changed:   make(chan struct{}),
		failures:  make(map[string][]failure),
		threads:   make(map[string]*AssistantThread),
		views:     make(map[string][]View),
		uses:      make(map[string]int),
		acks:      make(map[string]json.RawMessage),
		sent:      make(map[string]map[string]any),
		sentOn:    make(map[string]int),
		firstOf:   make(map[string]string),
		stop:      make(chan struct{}),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/{method}", s.serveAPI)
	mux.HandleFunc("POST /respond/{name}", s.serveResponse)
	mux.HandleFunc("GET /ws", s.serveSocket)
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// APIURL is the Web API base URL, ending with "/".
func (s *Server) APIURL() string { return s.srv.URL + "/api/" }

// ResponseURL returns a response_url whose posts are recorded under name.
func (s *Server) ResponseURL(name string) string { return s.srv.URL + "/respond/" + name }

// Close ends every websocket and stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	close(s.stop)
	for _, c := range s.socks {
		_ = c.conn.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
	s.srv.Close()
}

// FailNext makes the next call of method answer ok:false with code.
func (s *Server) FailNext(method, code string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures[method] = append(s.failures[method], failure{status: http.StatusOK, code: code})
}

// FailStatusNext makes the next call of method answer with an HTTP status
// and no JSON, as Slack's front end does when it is in trouble.
func (s *Server) FailStatusNext(method string, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures[method] = append(s.failures[method], failure{status: status})
}

// RateLimitNext makes the next call of method answer 429 with Retry-After.
func (s *Server) RateLimitNext(method string, retryAfterSeconds int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures[method] = append(s.failures[method], failure{
		status: http.StatusTooManyRequests, retryAfter: strconv.Itoa(retryAfterSeconds),
	})
}

// Calls returns the recorded calls of method ("" for all), oldest first.
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// Messages returns the messages posted in channel with chat.postMessage,
// oldest first, each as its last chat.update left it.
func (s *Server) Messages(channel string) []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.messagesIn(channel)
}

// WaitMessages waits until at least n messages were posted in channel and
// returns them as Messages does.
func (s *Server) WaitMessages(t testing.TB, channel string, n int) []Message {
	t.Helper()
	var out []Message
	s.wait(t, fmt.Sprintf("%d messages in %s", n, channel), func() bool {
		out = s.messagesIn(channel)
		return len(out) >= n
	})
	return out
}

// WaitMessage waits until the message at ts in channel satisfies cond,
// which what describes, and returns it.
func (s *Server) WaitMessage(t testing.TB, channel, ts, what string, cond func(Message) bool) Message {
	t.Helper()
	var out Message
	s.wait(t, fmt.Sprintf("message %s in %s: %s", ts, channel, what), func() bool {
		m := s.messageLocked(channel, ts)
		if m == nil {
			return false
		}
		out = *m
		return cond(out)
	})
	return out
}

// messagesIn returns the messages in channel; s.mu must be held.
func (s *Server) messagesIn(channel string) []Message {
	var out []Message
	for _, m := range s.messages {
		if m.Channel == channel {
			out = append(out, m)
		}
	}
	return out
}

// WaitCalls waits until method was called at least n times and returns its
// calls.
func (s *Server) WaitCalls(t testing.TB, method string, n int) []Call {
	t.Helper()
	var out []Call
	s.wait(t, fmt.Sprintf("%d %s calls", n, method), func() bool {
		out = out[:0]
		for _, c := range s.calls {
			if c.Method == method {
				out = append(out, c)
			}
		}
		return len(out) >= n
	})
	return out
}

// WaitMatch waits until a call of method satisfies match and returns it.
func (s *Server) WaitMatch(t testing.TB, method string, match func(Call) bool) Call {
	t.Helper()
	var found Call
	s.wait(t, "a matching "+method+" call", func() bool {
		for _, c := range s.calls {
			if c.Method == method && match(c) {
				found = c
				return true
			}
		}
		return false
	})
	return found
}

// WaitResponses waits until the response_url called name got at least n
// posts and returns them.
func (s *Server) WaitResponses(t testing.TB, name string, n int) []Call {
	t.Helper()
	var out []Call
	s.wait(t, fmt.Sprintf("%d posts to response_url %s", n, name), func() bool {
		out = out[:0]
		for _, c := range s.calls {
			if c.Method == "response_url" && c.Name == name {
				out = append(out, c)
			}
		}
		return len(out) >= n
	})
	return out
}

// wait blocks until cond (called with s.mu held) holds.
func (s *Server) wait(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.NewTimer(WaitTimeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		ok, ch := cond(), s.changed
		s.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-ch:
		case <-deadline.C:
			t.Fatalf("fake slack: gave up waiting for %s", what)
		}
	}
}

// notify wakes waiters; s.mu must be held.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) record(c Call) (failure, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, c)
	s.notify()
	if fs := s.failures[c.Method]; len(fs) > 0 {
		s.failures[c.Method] = fs[1:]
		return fs[0], true
	}
	return failure{}, false
}

func (s *Server) nextTS() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.nextTSLocked()
}

func (s *Server) nextTSLocked() string {
	s.ts++
	return fmt.Sprintf("1700000000.%06d", s.ts)
}

// post keeps the message c posts and returns its ts.
func (s *Server) post(c Call) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := Message{Channel: c.Form.Get("channel"), TS: s.nextTSLocked(), Thread: c.Form.Get("thread_ts"),
		Text: c.Form.Get("text"), Blocks: c.Blocks}
	s.messages = append(s.messages, m)
	s.notify()
	return m.TS
}

// update replaces the message c names with its text and blocks, and
// returns the error code Slack answers with, "" when it takes the update:
// message_not_found for a message it does not hold, cant_update_message
// for one still streaming (a stream ends with chat.stopStream).
func (s *Server) update(c Call) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.messageLocked(c.Form.Get("channel"), c.Form.Get("ts"))
	switch {
	case m == nil:
		return "message_not_found"
	case m.Streaming:
		return "cant_update_message"
	}
	m.Text, m.Blocks, m.Markdown = c.Form.Get("text"), c.Blocks, ""
	s.notify()
	return ""
}

// remove deletes the message at ts in channel, as chat.delete does, and
// reports whether there was one.
func (s *Server) remove(channel, ts string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, m := range s.messages {
		if m.Channel == channel && m.TS == ts {
			s.messages = slices.Delete(s.messages, i, i+1)
			s.notify()
			return true
		}
	}
	return false
}

// messageLocked returns the message at ts in channel, nil if there is
// none; s.mu must be held.
func (s *Server) messageLocked(channel, ts string) *Message {
	for i := range s.messages {
		if m := &s.messages[i]; m.Channel == channel && m.TS == ts {
			return m
		}
	}
	return nil
}

func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	method := r.PathValue("method")
	c := Call{Method: method}
	blocksOK := true
	switch ct := r.Header.Get("Content-Type"); {
	case strings.HasPrefix(ct, "application/x-www-form-urlencoded"):
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		c.Form = r.PostForm
		c.Token = r.PostForm.Get("token")
		if b := r.PostForm.Get("blocks"); b != "" {
			blocksOK = json.Unmarshal([]byte(b), &c.Blocks) == nil
		}
	case strings.HasPrefix(ct, "application/json"):
		// views.publish and other newer methods take a JSON body.
		// apps.connections.open sends none.
		err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxJSONBody)).Decode(&c.JSON)
		if err != nil && !errors.Is(err, io.EOF) {
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_json"})
			return
		}
	}
	// As Slack does, an Authorization header wins over a token field.
	if h := r.Header.Get("Authorization"); h != "" {
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			tok = ""
		}
		c.Token = tok
	}
	if f, ok := s.record(c); ok {
		writeFailure(w, f)
		return
	}
	want := s.BotToken
	if method == "apps.connections.open" {
		want = s.AppToken
	}
	switch {
	case c.Token == "":
		writeJSON(w, map[string]any{"ok": false, "error": "not_authed"})
		return
	case c.Token != want:
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
		return
	}
	switch method {
	case "chat.postMessage", "chat.update", "chat.postEphemeral", "chat.stopStream":
		if !blocksOK {
			writeJSON(w, map[string]any{"ok": false, "error": "invalid_blocks"})
			return
		}
	}
	switch method {
	case "chat.postMessage", "chat.update", "chat.postEphemeral":
		if code := checkMessage(c.Form.Get("text"), c.Blocks); code != "" {
			writeJSON(w, map[string]any{"ok": false, "error": code})
			return
		}
	}
	switch method {
	case "auth.test":
		writeJSON(w, map[string]any{"ok": true, "url": "http://fake.invalid/", "team": "Fake", "team_id": TeamID,
			"user": "talksbot", "user_id": s.BotUserID, "bot_id": s.BotID})
	case "apps.connections.open":
		// Like Slack, a new URL for every connection.
		s.mu.Lock()
		s.tickets++
		ticket := s.tickets
		s.mu.Unlock()
		writeJSON(w, map[string]any{"ok": true, "url": fmt.Sprintf("ws%s/ws?ticket=%d", strings.TrimPrefix(s.srv.URL, "http"), ticket)})
	case "chat.postMessage":
		writeMessage(w, c, s.post(c))
	case "chat.update":
		if code := s.update(c); code != "" {
			writeJSON(w, map[string]any{"ok": false, "error": code})
			return
		}
		writeMessage(w, c, c.Form.Get("ts"))
	case "chat.delete":
		if !s.remove(c.Form.Get("channel"), c.Form.Get("ts")) {
			writeJSON(w, map[string]any{"ok": false, "error": "message_not_found"})
			return
		}
		writeJSON(w, map[string]any{"ok": true, "channel": c.Form.Get("channel"), "ts": c.Form.Get("ts")})
	case "chat.postEphemeral":
		writeJSON(w, map[string]any{"ok": true, "message_ts": s.nextTS()})
	case "chat.startStream", "chat.appendStream", "chat.stopStream":
		s.serveStream(w, c)
	case "assistant.threads.setSuggestedPrompts", "assistant.threads.setStatus", "assistant.threads.setTitle":
		s.serveAssistant(w, c)
	case "views.publish":
		s.servePublish(w, c)
	case "reactions.add", "reactions.remove":
		writeJSON(w, map[string]any{"ok": true})
	default:
		writeJSON(w, map[string]any{"ok": false, "error": "unknown_method"})
	}
}

// maxJSONBody bounds a JSON request body.
const maxJSONBody = 1 << 20

func (s *Server) serveResponse(w http.ResponseWriter, r *http.Request) {
	c := Call{Method: "response_url", Name: r.PathValue("name")}
	if err := json.NewDecoder(r.Body).Decode(&c.JSON); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	if raw, ok := c.JSON["blocks"]; ok {
		b, _ := json.Marshal(raw)
		_ = json.Unmarshal(b, &c.Blocks)
	}
	if f, ok := s.record(c); ok {
		writeFailure(w, f)
		return
	}
	s.mu.Lock()
	s.uses[c.Name]++
	uses := s.uses[c.Name]
	s.mu.Unlock()
	if uses > MaxResponseURLUses {
		writeJSON(w, map[string]any{"ok": false, "error": "used_url"})
		return
	}
	if c.Get("delete_original") != "true" {
		if code := checkMessage(c.Get("text"), c.Blocks); code != "" {
			writeJSON(w, map[string]any{"ok": false, "error": code})
			return
		}
	}
	writeJSON(w, map[string]any{"ok": true})
}

// checkMessage returns the error code Slack answers a message with, "" when
// it takes it: no_text when there is neither text nor a block,
// invalid_blocks when a block breaks Block Kit's limits.
func checkMessage(text string, blocks []map[string]any) string {
	if strings.TrimSpace(text) == "" && len(blocks) == 0 {
		return "no_text"
	}
	if !validBlocks(blocks, MaxBlocks) {
		return "invalid_blocks"
	}
	return ""
}

// validBlocks reports whether blocks keep to Block Kit's limits, at most
// max of them: unique block_ids, and for each block type the fake knows its
// rules; a type it does not know is invalid.
func validBlocks(blocks []map[string]any, max int) bool {
	if len(blocks) > max {
		return false
	}
	blockIDs := map[string]bool{}
	actionIDs := map[string]bool{}
	for _, b := range blocks {
		if id, _ := b["block_id"].(string); id != "" {
			if blockIDs[id] || utf8.RuneCountInString(id) > MaxID {
				return false
			}
			blockIDs[id] = true
		}
		if !validBlock(b, actionIDs) {
			return false
		}
	}
	return true
}

// validBlock checks one block; actionIDs collects the action_ids seen, which
// must be unique.
func validBlock(b map[string]any, actionIDs map[string]bool) bool {
	els, _ := b["elements"].([]any)
	switch b["type"] {
	case "section":
		text := textOf(b["text"])
		if text == "" || utf8.RuneCountInString(text) > MaxSectionText {
			return false
		}
		if acc, ok := b["accessory"].(map[string]any); ok && !validButton(acc, actionIDs) {
			return false
		}
	case "header":
		text := textOf(b["text"])
		if t, _ := b["text"].(map[string]any); t["type"] != "plain_text" || text == "" ||
			utf8.RuneCountInString(text) > MaxHeaderText {
			return false
		}
	case "divider":
	case "context":
		if len(els) == 0 || len(els) > MaxContextElements {
			return false
		}
	case "actions":
		if len(els) == 0 || len(els) > MaxActionElements {
			return false
		}
		for _, e := range els {
			em, _ := e.(map[string]any)
			if !validButton(em, actionIDs) {
				return false
			}
		}
	case "context_actions":
		if len(els) == 0 || len(els) > MaxFeedbackActions {
			return false
		}
		for _, e := range els {
			em, _ := e.(map[string]any)
			if em["type"] != "feedback_buttons" || !validFeedback(em, actionIDs) {
				return false
			}
		}
	default:
		return false
	}
	return true
}

// validButton checks a button element.
func validButton(em map[string]any, actionIDs map[string]bool) bool {
	if em["type"] != nil && em["type"] != "button" {
		return false
	}
	label, value := textOf(em["text"]), fmt.Sprint(orEmpty(em["value"]))
	if label == "" || utf8.RuneCountInString(label) > MaxButtonText || utf8.RuneCountInString(value) > MaxButtonValue {
		return false
	}
	return claimActionID(em, actionIDs)
}

// validFeedback checks a feedback_buttons element: a positive and a
// negative button, each with a label and a value.
func validFeedback(em map[string]any, actionIDs map[string]bool) bool {
	for _, key := range []string{"positive_button", "negative_button"} {
		btn, _ := em[key].(map[string]any)
		label, value := textOf(btn["text"]), fmt.Sprint(orEmpty(btn["value"]))
		if label == "" || utf8.RuneCountInString(label) > MaxButtonText || value == "" ||
			utf8.RuneCountInString(value) > MaxButtonValue {
			return false
		}
	}
	return claimActionID(em, actionIDs)
}

// claimActionID records an element's action_id, reporting false when it is
// too long or taken already.
func claimActionID(em map[string]any, actionIDs map[string]bool) bool {
	id, _ := em["action_id"].(string)
	if id == "" {
		return true
	}
	if actionIDs[id] || utf8.RuneCountInString(id) > MaxID {
		return false
	}
	actionIDs[id] = true
	return true
}

// textOf returns the text of a text object, "" if v is none.
func textOf(v any) string {
	t, _ := v.(map[string]any)
	s, _ := t["text"].(string)
	return s
}

func orEmpty(v any) any {
	if v == nil {
		return ""
	}
	return v
}

func writeFailure(w http.ResponseWriter, f failure) {
	if f.status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", f.retryAfter)
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	if f.status != http.StatusOK {
		http.Error(w, http.StatusText(f.status), f.status)
		return
	}
	writeJSON(w, map[string]any{"ok": false, "error": f.code})
}

// writeMessage answers a post or update of the message at ts.
func writeMessage(w http.ResponseWriter, c Call, ts string) {
	writeJSON(w, map[string]any{"ok": true, "channel": c.Form.Get("channel"), "ts": ts,
		"message": map[string]any{"text": c.Form.Get("text"), "ts": ts}})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// upgrader accepts the Origin slack-go dials with (Slack's own, not the
// fake's), and records every one in Origins.
var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

func (s *Server) serveSocket(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		http.Error(w, "closed", http.StatusServiceUnavailable)
		return
	}
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = conn.Close()
		return
	}
	// Like Slack, the fake holds every connection an app opens (Slack
	// allows ten) and spreads envelopes among them; each ends when its
	// client closes it.
	s.conns++
	sock := &socket{n: s.conns, conn: conn}
	s.socks = append(s.socks, sock)
	s.origins = append(s.origins, r.Header.Get("Origin"))
	// Say hello and ping before anything else can write.
	_ = conn.WriteJSON(map[string]any{"type": "hello", "num_connections": len(s.socks),
		"debug_info": map[string]any{"host": "fake"}, "connection_info": map[string]any{"app_id": "A0000001"}})
	_ = conn.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(time.Second))
	s.notify()
	s.wg.Add(2)
	s.mu.Unlock()
	go s.readAcks(sock)
	go s.ping(conn)
}

// socket is one open Socket Mode connection.
type socket struct {
	n    int // its number: 1 for the first connection opened, and so on
	conn *websocket.Conn
}

// readAcks records the client's acks until the connection ends, then
// forgets the connection.
func (s *Server) readAcks(sock *socket) {
	defer s.wg.Done()
	defer func() {
		_ = sock.conn.Close()
		s.mu.Lock()
		s.socks = slices.DeleteFunc(s.socks, func(c *socket) bool { return c == sock })
		s.notify()
		s.mu.Unlock()
	}()
	for {
		_, data, err := sock.conn.ReadMessage()
		if err != nil {
			return
		}
		var ack struct {
			EnvelopeID string          `json:"envelope_id"`
			Payload    json.RawMessage `json:"payload"`
		}
		if json.Unmarshal(data, &ack) != nil || ack.EnvelopeID == "" {
			continue
		}
		s.mu.Lock()
		s.acks[ack.EnvelopeID] = ack.Payload
		s.notify()
		s.mu.Unlock()
	}
}

// ping keeps the client's ping watchdog fed, as Slack does.
func (s *Server) ping(conn *websocket.Conn) {
	defer s.wg.Done()
	t := time.NewTicker(2 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			if err := conn.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(time.Second)); err != nil {
				return
			}
		}
	}
}

// WaitConnected waits until the client has opened n websocket connections
// in all.
func (s *Server) WaitConnected(t testing.TB, n int) {
	t.Helper()
	s.wait(t, fmt.Sprintf("%d socket connections", n), func() bool { return s.conns >= n })
}

// Origins returns the Origin header of every websocket handshake.
func (s *Server) Origins() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.origins...)
}

// send writes one Socket Mode envelope on the newest open connection.
func (s *Server) send(t testing.TB, e Envelope) string {
	t.Helper()
	sock := s.newest(t)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sendLocked(t, sock, e.fields())
}

// newest waits until a connection is open and returns the newest.
func (s *Server) newest(t testing.TB) *socket {
	t.Helper()
	s.WaitConnected(t, 1)
	s.wait(t, "an open socket connection", func() bool { return len(s.socks) > 0 })
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.socks) == 0 {
		t.Fatalf("fake slack: no open socket connection")
	}
	return s.socks[len(s.socks)-1]
}

// sendLocked writes env on sock under a new envelope id and returns the
// id; s.mu must be held.
func (s *Server) sendLocked(t testing.TB, sock *socket, env map[string]any) string {
	t.Helper()
	s.envelope++
	id := fmt.Sprintf("env-%04d", s.envelope)
	env["envelope_id"] = id
	if err := sock.conn.WriteJSON(env); err != nil {
		t.Fatalf("fake slack: send %v envelope on connection %d: %v", env["type"], sock.n, err)
	}
	s.sent[id] = env
	s.sentOn[id] = sock.n
	return id
}

// Redeliver sends the envelope envelopeID again, as Slack does when it was
// not acknowledged in time: the same type and payload, one retry attempt
// more, on the newest open connection. The redelivery gets an envelope id
// of its own, which it returns, so that its acknowledgement can be told
// from the first one's.
func (s *Server) Redeliver(t testing.TB, envelopeID string) string {
	t.Helper()
	sock := s.newest(t)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.redeliverLocked(t, envelopeID, sock)
}

// redeliverLocked sends envelopeID again on sock, one retry attempt more;
// s.mu must be held.
func (s *Server) redeliverLocked(t testing.TB, envelopeID string, sock *socket) string {
	t.Helper()
	prev, ok := s.sent[envelopeID]
	if !ok {
		t.Fatalf("fake slack: redeliver %s: no such envelope", envelopeID)
	}
	env := make(map[string]any, len(prev))
	for k, v := range prev {
		env[k] = v
	}
	attempt, _ := env["retry_attempt"].(int)
	env["retry_attempt"] = attempt + 1
	env["retry_reason"] = "timeout"
	id := s.sendLocked(t, sock, env)
	first := envelopeID
	if f, ok := s.firstOf[envelopeID]; ok {
		first = f
	}
	s.firstOf[id] = first
	return id
}

// SendEvent delivers an Events API event (the inner "event" object) over
// Socket Mode and returns the envelope id.
func (s *Server) SendEvent(t testing.TB, eventID string, retryAttempt int, event map[string]any) string {
	t.Helper()
	return s.send(t, EventEnvelope(eventID, retryAttempt, event))
}

// SendSlashCommand delivers a slash command (its form fields) over Socket
// Mode and returns the envelope id.
func (s *Server) SendSlashCommand(t testing.TB, fields map[string]string) string {
	t.Helper()
	return s.send(t, SlashCommandEnvelope(fields))
}

// SendInteraction delivers an interaction payload over Socket Mode and
// returns the envelope id.
func (s *Server) SendInteraction(t testing.TB, payload any) string {
	t.Helper()
	return s.send(t, InteractionEnvelope(payload))
}

// SendDisconnect asks the client of the newest connection to reconnect, as
// Slack does before it rotates a connection.
func (s *Server) SendDisconnect(t testing.TB) {
	t.Helper()
	sock := s.newest(t)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := sock.conn.WriteJSON(map[string]any{"type": "disconnect", "reason": "refresh_requested",
		"debug_info": map[string]any{"host": "fake"}}); err != nil {
		t.Fatalf("fake slack: send disconnect: %v", err)
	}
}

// Acked returns the payload the client acknowledged envelopeID with, and
// whether it did.
func (s *Server) Acked(envelopeID string) (json.RawMessage, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.acks[envelopeID]
	return p, ok
}

// WaitAck waits until the client acknowledged envelopeID.
func (s *Server) WaitAck(t testing.TB, envelopeID string) {
	t.Helper()
	s.wait(t, "ack of "+envelopeID, func() bool {
		_, ok := s.acks[envelopeID]
		return ok
	})
}
