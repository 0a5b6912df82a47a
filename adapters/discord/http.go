package discord

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"
)

// maxInteractionBytes bounds an interaction posted to the endpoint; Discord's
// are a few kilobytes, a message command's target message included.
const maxInteractionBytes = 1 << 20

// errStopping and errUnsupported say why Run did not take an interaction
// from the endpoint.
var (
	errStopping    = errors.New("the discord adapter is not running")
	errUnsupported = errors.New("interaction type not supported")
)

// httpInteraction is an interaction from the endpoint on its way to Run.
type httpInteraction struct {
	i     *discordgo.Interaction
	first *httpResponder
	taken chan error // nil once Run answers it, or why not
}

// httpResponder puts an interaction's initial response into the answer to
// the request that brought it: Discord takes the response from there, and
// hands out the interaction's webhook for what follows.
type httpResponder struct {
	out      chan *discordgo.InteractionResponse // to the waiting handler
	written  chan error                          // whether the handler wrote it
	gone     chan struct{}                       // closed once the handler has answered
	finished chan struct{}                       // closed once the work on the interaction has ended
}

func newHTTPResponder() *httpResponder {
	return &httpResponder{
		out:      make(chan *discordgo.InteractionResponse),
		written:  make(chan error, 1),
		gone:     make(chan struct{}),
		finished: make(chan struct{}),
	}
}

func (r *httpResponder) respond(ctx context.Context, resp *discordgo.InteractionResponse) error {
	select {
	case r.out <- resp:
		return <-r.written
	case <-r.gone:
		return errors.New("respond over http: the request has been answered or given up")
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Handler returns the handler of the application's Interactions Endpoint
// URL (talksbot serves it at POST /discord/interactions), or nil when
// Options.PublicKey is empty. It answers PING with PONG; it refuses a request
// that is not a POST (405), not signed with the application's key (401),
// larger than 1 MiB (413) or not an interaction (400). Slash commands, autocomplete and button
// clicks are answered exactly as those from the gateway, the initial response
// (a deferral, choices, a short message) in the HTTP answer within Discord's
// three seconds; each interaction is answered once by its id, whichever way
// and however often it comes. Run must be running for the handler to answer
// anything but PING (503 otherwise).
func (a *Adapter) Handler() http.Handler {
	if a.publicKey == nil {
		return nil
	}
	return http.HandlerFunc(a.serveInteraction)
}

func (a *Adapter) serveInteraction(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		httpError(w, http.StatusMethodNotAllowed, "use POST")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxInteractionBytes))
	if err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			httpError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("interaction larger than %d bytes", maxInteractionBytes))
			return
		}
		httpError(w, http.StatusBadRequest, "could not read the request body")
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if !discordgo.VerifyInteraction(r, a.publicKey) {
		// Discord tests the endpoint with bad signatures; a steady stream
		// of these means DISCORD_PUBLIC_KEY is not this application's. At
		// most one warning a minute: anyone may send them.
		level := slog.LevelDebug
		if a.forged.Allow() {
			level = slog.LevelWarn
		}
		a.log.Log(r.Context(), level, "interaction refused: bad or missing signature", "remote_addr", r.RemoteAddr)
		httpError(w, http.StatusUnauthorized, "invalid request signature")
		return
	}
	// The envelope first: discordgo's decoding of the data says little
	// about what is missing.
	var head struct {
		Type  discordgo.InteractionType `json:"type"`
		ID    string                    `json:"id"`
		Token string                    `json:"token"`
		Data  json.RawMessage           `json:"data"`
	}
	if err := json.Unmarshal(body, &head); err != nil {
		httpError(w, http.StatusBadRequest, "malformed interaction: "+jsonProblem(err))
		return
	}
	if head.Type == discordgo.InteractionPing {
		writeJSON(w, http.StatusOK, discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	}
	switch {
	case head.ID == "" || head.Token == "":
		httpError(w, http.StatusBadRequest, "malformed interaction: no id or token")
		return
	case len(head.Data) == 0 || string(head.Data) == "null":
		httpError(w, http.StatusBadRequest, "malformed interaction: no data")
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		httpError(w, http.StatusBadRequest, "malformed interaction: "+jsonProblem(err))
		return
	}
	a.answerHTTP(w, r, &i)
}

// answerHTTP hands i to Run and answers the request with its initial
// response, once there is one.
func (a *Adapter) answerHTTP(w http.ResponseWriter, r *http.Request, i *discordgo.Interaction) {
	first := newHTTPResponder()
	defer close(first.gone)
	job := httpInteraction{i: i, first: first, taken: make(chan error, 1)}
	// Past Discord's deadline no answer counts.
	deadline := time.NewTimer(discordgo.InteractionDeadline)
	defer deadline.Stop()
	select {
	case a.inbox <- job:
	case <-a.quit:
		httpError(w, http.StatusServiceUnavailable, errStopping.Error())
		return
	case <-deadline.C:
		httpError(w, http.StatusServiceUnavailable, errStopping.Error())
		return
	case <-r.Context().Done():
		return
	}
	switch err := <-job.taken; {
	case errors.Is(err, errUnsupported):
		httpError(w, http.StatusBadRequest, fmt.Sprintf("interaction type %d not supported", int(i.Type)))
		return
	case err != nil:
		httpError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	select {
	case resp := <-first.out:
		first.written <- writeResponse(w, resp)
	case <-first.finished:
		// Claimed already: delivered again, or to another replica too.
		httpError(w, http.StatusConflict, "interaction already answered")
	case <-deadline.C:
		a.log.Warn("interaction not answered within Discord's deadline", "interaction_id", i.ID)
		httpError(w, http.StatusServiceUnavailable, "no response in time")
	case <-r.Context().Done():
	}
}

// serveInbox answers the interactions the endpoint hands over, as the
// gateway's are answered, until the adapter stops.
func (a *Adapter) serveInbox(work context.Context, s *discordgo.Session) {
	defer a.work.Done()
	for {
		select {
		case <-a.quit:
			return
		case job := <-a.inbox:
			in := incoming{s: s, i: job.i, first: job.first}
			what, answer := a.answerer(in)
			switch {
			case answer == nil:
				job.taken <- errUnsupported
			case a.spawn(work, what, func(ctx context.Context) {
				defer close(job.first.finished)
				answer(ctx)
			}):
				job.taken <- nil
			default:
				job.taken <- errors.New("the discord adapter is stopping or flooded")
			}
		}
	}
}

// writeResponse writes an interaction response as the answer and sends it
// on its way.
func writeResponse(w http.ResponseWriter, resp *discordgo.InteractionResponse) error {
	body, err := json.Marshal(resp)
	if err != nil {
		httpError(w, http.StatusInternalServerError, "could not encode the response")
		return fmt.Errorf("encode the response: %w", err)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	if _, err := w.Write(body); err != nil {
		return fmt.Errorf("write the response: %w", err)
	}
	// The response must reach Discord before the interaction's webhook is
	// used.
	if err := http.NewResponseController(w).Flush(); err != nil && !errors.Is(err, http.ErrNotSupported) {
		return fmt.Errorf("send the response: %w", err)
	}
	return nil
}

// errorBody is the JSON body of an error answer.
type errorBody struct {
	Error string `json:"error"`
}

func httpError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, _ := json.Marshal(v) // only the adapter's own types
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(body)
}

// jsonProblem says what is wrong with an undecodable interaction, without
// echoing its content.
func jsonProblem(err error) string {
	if e, ok := errors.AsType[*json.SyntaxError](err); ok {
		return fmt.Sprintf("invalid JSON at byte %d", e.Offset)
	}
	if e, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		return fmt.Sprintf("field %q has the wrong type (%s)", e.Field, e.Value)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "JSON ends early"
	}
	return "not an interaction object"
}
