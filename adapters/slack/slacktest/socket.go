package slacktest

import (
	"fmt"
	"slices"
	"testing"
)

// Envelope is a Socket Mode envelope the fake delivers, before it gets its
// envelope id: build one with EventEnvelope, SlashCommandEnvelope or
// InteractionEnvelope, and deliver it with SendTo or Spread.
type Envelope struct {
	Type                   string // "events_api", "slash_commands" or "interactive"
	Payload                any
	AcceptsResponsePayload bool
	RetryAttempt           int    // events_api only, as Slack sends it
	RetryReason            string // events_api only, on a retry
}

// EventEnvelope is the envelope of an Events API event (the inner "event"
// object), on its first delivery when retryAttempt is 0.
func EventEnvelope(eventID string, retryAttempt int, event map[string]any) Envelope {
	e := Envelope{Type: "events_api", Payload: EventCallback(eventID, event), RetryAttempt: retryAttempt}
	if retryAttempt > 0 {
		e.RetryReason = "timeout"
	}
	return e
}

// SlashCommandEnvelope is the envelope of a slash command (its form
// fields).
func SlashCommandEnvelope(fields map[string]string) Envelope {
	return Envelope{Type: "slash_commands", Payload: fields, AcceptsResponsePayload: true}
}

// InteractionEnvelope is the envelope of an interaction payload.
func InteractionEnvelope(payload any) Envelope {
	return Envelope{Type: "interactive", Payload: payload}
}

// fields is the envelope as it goes on the wire, without its id.
func (e Envelope) fields() map[string]any {
	env := map[string]any{"type": e.Type, "payload": e.Payload, "accepts_response_payload": e.AcceptsResponsePayload}
	if e.Type == "events_api" {
		env["retry_attempt"] = e.RetryAttempt
		if e.RetryReason != "" {
			env["retry_reason"] = e.RetryReason
		}
	}
	return env
}

// OpenConnections returns the numbers of the Socket Mode connections open
// now, oldest first: the first connection opened is 1, the next 2, and so
// on, whichever client opened them.
func (s *Server) OpenConnections() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.openLocked()
}

func (s *Server) openLocked() []int {
	out := make([]int, len(s.socks))
	for i, c := range s.socks {
		out[i] = c.n
	}
	return out
}

// WaitOpenConnections waits until exactly n Socket Mode connections are
// open and returns their numbers as OpenConnections does.
func (s *Server) WaitOpenConnections(t testing.TB, n int) []int {
	t.Helper()
	s.wait(t, fmt.Sprintf("%d open socket connections", n), func() bool { return len(s.socks) == n })
	return s.OpenConnections()
}

// ConnectionOf returns the number of the connection envelopeID was sent
// on, 0 for an envelope the fake never sent.
func (s *Server) ConnectionOf(envelopeID string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sentOn[envelopeID]
}

// socketLocked returns open connection n; s.mu must be held.
func (s *Server) socketLocked(t testing.TB, n int) *socket {
	t.Helper()
	i := slices.IndexFunc(s.socks, func(c *socket) bool { return c.n == n })
	if i < 0 {
		t.Fatalf("fake slack: connection %d is not open (open: %v)", n, s.openLocked())
	}
	return s.socks[i]
}

// SendTo delivers e on open connection conn and returns its envelope id.
func (s *Server) SendTo(t testing.TB, conn int, e Envelope) string {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sendLocked(t, s.socketLocked(t, conn), e.fields())
}

// Spread delivers es among the open connections in turn, as Slack spreads
// an app's envelopes among its connections, and returns their envelope
// ids. Each call goes on where the last left off.
func (s *Server) Spread(t testing.TB, es ...Envelope) []string {
	t.Helper()
	s.WaitConnected(t, 1)
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.socks) == 0 {
		t.Fatalf("fake slack: spread: no open socket connection")
	}
	ids := make([]string, len(es))
	for i, e := range es {
		sock := s.socks[s.spread%len(s.socks)]
		s.spread++
		ids[i] = s.sendLocked(t, sock, e.fields())
	}
	return ids
}

// RedeliverTo sends envelopeID again on open connection conn, as Slack
// retries an envelope on any of an app's connections: the same type and
// payload, one retry attempt more, with retry_reason "timeout", under an
// envelope id of its own, which it returns.
func (s *Server) RedeliverTo(t testing.TB, envelopeID string, conn int) string {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.redeliverLocked(t, envelopeID, s.socketLocked(t, conn))
}

// RedeliverElsewhere sends envelopeID again, as RedeliverTo does, on the
// open connection after the one it was sent on (in the order they were
// opened, wrapping round), and returns the new envelope id. It fails the
// test when no other connection is open.
func (s *Server) RedeliverElsewhere(t testing.TB, envelopeID string) string {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.redeliverLocked(t, envelopeID, s.otherLocked(t, s.sentOn[envelopeID]))
}

// otherLocked returns the open connection after connection n; s.mu must
// be held.
func (s *Server) otherLocked(t testing.TB, n int) *socket {
	t.Helper()
	for _, c := range s.socks {
		if c.n > n {
			return c
		}
	}
	if len(s.socks) == 0 || s.socks[0].n == n {
		t.Fatalf("fake slack: no open connection other than %d (open: %v)", n, s.openLocked())
	}
	return s.socks[0]
}

// RedeliverUnacked redelivers, as RedeliverElsewhere does, each envelope
// none of whose deliveries was acknowledged, its last delivery to another
// connection, and returns the new envelope ids in the order the envelopes
// were first sent.
func (s *Server) RedeliverUnacked(t testing.TB) []string {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	acked := make(map[string]bool) // by first delivery
	last := make(map[string]string)
	for id := range s.sent {
		first := id
		if f, ok := s.firstOf[id]; ok {
			first = f
		}
		if _, ok := s.acks[id]; ok {
			acked[first] = true
		}
		if id > last[first] { // ids sort in the order they were sent
			last[first] = id
		}
	}
	firsts := make([]string, 0, len(last))
	for first := range last {
		if !acked[first] {
			firsts = append(firsts, first)
		}
	}
	slices.Sort(firsts)
	var out []string
	for _, first := range firsts {
		id := last[first]
		out = append(out, s.redeliverLocked(t, id, s.otherLocked(t, s.sentOn[id])))
	}
	return out
}
