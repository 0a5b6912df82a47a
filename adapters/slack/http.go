package slack

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// maxBody bounds what the HTTP endpoints read; Slack's payloads are far
// smaller.
const maxBody = 1 << 20

// headerSignature is the header carrying a request's v0 signature.
const headerSignature = "X-Slack-Signature"

// maxSSLCheck bounds the body read to recognise an unsigned ssl_check.
const maxSSLCheck = 1 << 10

// Handler serves Slack's HTTP mode: POST /slack/events, /slack/commands and
// /slack/interactions. Each request's signature headers (v0, timestamp
// within five minutes) are checked before its body is read, and the body
// before it is parsed; a request that fails gets 401. Work is acknowledged
// at once and done by Run's workers: while Run is not taking work (not
// started, authenticating, shutting down) or its queue is full, events and
// interactions get 503, so Slack delivers events again, and a command gets
// a short ephemeral "busy" reply. url_verification and the commands URL's
// ssl_check are answered without Run. In Socket Mode every route answers
// 404.
//
// A command or click is answered once however often it arrives: its
// trigger_id (or, without one, its signature) is claimed in the store, and
// a request delivered again, by Slack or by someone replaying it within the
// five minutes its signature is valid, gets an empty 200 and nothing more.
// The feedback a click carries is written to the store before the 200, and
// needs no worker: a feedback click gets 200 once it is recorded, even when
// the thanks cannot be queued, and 500 when it cannot be recorded.
func (a *Adapter) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /slack/events", a.verified(false, a.serveEvents))
	mux.Handle("POST /slack/commands", a.verified(true, a.serveCommands))
	mux.Handle("POST /slack/interactions", a.verified(false, a.serveInteractions))
	return mux
}

// verified passes the body on only when Slack signed it. sslCheck lets an
// unsigned ssl_check through with an empty 200, as Slack may send it
// unsigned to the commands URL.
func (a *Adapter) verified(sslCheck bool, next func(w http.ResponseWriter, r *http.Request, body []byte)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a.mode != ModeHTTP {
			http.Error(w, "slack http mode is off", http.StatusNotFound)
			return
		}
		sv, err := slackapi.NewSecretsVerifier(r.Header, a.secret)
		if err != nil {
			if sslCheck && isSSLCheck(r) {
				w.WriteHeader(http.StatusOK)
				return
			}
			a.reject(w, r, err)
			return
		}
		body, err := io.ReadAll(io.TeeReader(http.MaxBytesReader(w, r.Body, maxBody), &sv))
		if err != nil {
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
				return
			}
			http.Error(w, "cannot read body", http.StatusBadRequest)
			return
		}
		if err := sv.Ensure(); err != nil {
			if sslCheck && isSSLCheckBody(body) {
				w.WriteHeader(http.StatusOK)
				return
			}
			a.reject(w, r, err)
			return
		}
		next(w, r, body)
	})
}

// reject answers a request that failed the signature check. Anyone can
// send those, so they are logged at debug level only.
func (a *Adapter) reject(w http.ResponseWriter, r *http.Request, err error) {
	a.log.Debug("slack request rejected", "path", r.URL.Path, "reason", err.Error())
	http.Error(w, "invalid signature", http.StatusUnauthorized)
}

// isSSLCheck reports whether r is Slack's ssl_check of the commands URL,
// reading at most a small body.
func isSSLCheck(r *http.Request) bool {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxSSLCheck+1))
	return err == nil && len(body) <= maxSSLCheck && isSSLCheckBody(body)
}

func isSSLCheckBody(body []byte) bool {
	if !bytes.Contains(body, []byte("ssl_check")) {
		return false
	}
	form, err := url.ParseQuery(string(body))
	return err == nil && form.Get("ssl_check") == "1"
}

func (a *Adapter) serveEvents(w http.ResponseWriter, r *http.Request, body []byte) {
	if !json.Valid(body) {
		http.Error(w, "body is not JSON", http.StatusBadRequest)
		return
	}
	ev, err := slackevents.ParseEvent(body, slackevents.OptionNoVerifyToken())
	if err != nil {
		// Valid JSON of a kind the bot does not handle: acknowledge it so
		// Slack does not retry.
		a.log.Debug("slack event ignored", "err", err)
		w.WriteHeader(http.StatusOK)
		return
	}
	if ev.Type == slackevents.URLVerification {
		uv, ok := ev.Data.(*slackevents.EventsAPIURLVerificationEvent)
		if !ok {
			http.Error(w, "bad url_verification", http.StatusBadRequest)
			return
		}
		writeJSON(w, map[string]string{"challenge": uv.Challenge})
		return
	}
	j, id, ok := a.eventJob(ev, r.Header.Get("X-Slack-Retry-Num"))
	if !ok {
		w.WriteHeader(http.StatusOK)
		return
	}
	if got := a.offer(j); got != accepted {
		// Slack delivers it again later; the event id keeps it answered once.
		a.log.Warn("slack event left for redelivery", "event_id", id, "reason", got.String())
		http.Error(w, got.String(), http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (a *Adapter) serveCommands(w http.ResponseWriter, r *http.Request, body []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	if form.Get("ssl_check") == "1" {
		w.WriteHeader(http.StatusOK)
		return
	}
	c := slashCommand{
		User:        form.Get("user_id"),
		Channel:     form.Get("channel_id"),
		Text:        form.Get("text"),
		ResponseURL: form.Get("response_url"),
	}
	if c.User == "" {
		http.Error(w, "user_id is missing", http.StatusBadRequest)
		return
	}
	key := deliveryKey(form.Get("trigger_id"), keySig, r.Header.Get(headerSignature))
	if a.acceptCommand(r.Context(), key, c) {
		// Slack does not send a command again, and a 503 would show the
		// user a bare error: say it in a reply instead.
		writeJSON(w, busyResponse())
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (a *Adapter) serveInteractions(w http.ResponseWriter, r *http.Request, body []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	var cb slackapi.InteractionCallback
	if err := json.Unmarshal([]byte(form.Get("payload")), &cb); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	key := deliveryKey(cb.TriggerID, keySig, r.Header.Get(headerSignature))
	switch a.acceptInteraction(r.Context(), key, cb) {
	case ackDone:
		w.WriteHeader(http.StatusOK)
	case ackDeclined:
		// The click shows the user an error and can be tried again.
		http.Error(w, "busy", http.StatusServiceUnavailable)
	case ackFailed:
		// Not 200: Slack must not take the click as done.
		http.Error(w, "feedback not recorded", http.StatusInternalServerError)
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b)
}
