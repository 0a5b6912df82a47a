package slack

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// maxBody bounds what the HTTP endpoints read; Slack's payloads are far
// smaller.
const maxBody = 1 << 20

// Handler serves Slack's HTTP mode: POST /slack/events, /slack/commands and
// /slack/interactions. Each request's signature (v0, within five minutes) is
// checked before its body is parsed; a request that fails the check gets
// 401. Work is acknowledged at once and done by Run's workers, so Run must be
// running. In Socket Mode every route answers 404.
func (a *Adapter) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("POST /slack/events", a.verified(a.serveEvents))
	mux.Handle("POST /slack/commands", a.verified(a.serveCommands))
	mux.Handle("POST /slack/interactions", a.verified(a.serveInteractions))
	return mux
}

// verified reads the body and passes it on only when Slack signed it.
func (a *Adapter) verified(next func(w http.ResponseWriter, r *http.Request, body []byte)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a.mode != ModeHTTP {
			http.Error(w, "slack http mode is off", http.StatusNotFound)
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
		if err != nil {
			http.Error(w, "cannot read body", http.StatusBadRequest)
			return
		}
		if len(body) > maxBody {
			http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
			return
		}
		if err := a.verify(r.Header, body); err != nil {
			a.log.Warn("slack request rejected", "path", r.URL.Path, "reason", err.Error())
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		next(w, r, body)
	})
}

func (a *Adapter) verify(h http.Header, body []byte) error {
	sv, err := slackapi.NewSecretsVerifier(h, a.secret)
	if err != nil {
		return err
	}
	if _, err := sv.Write(body); err != nil {
		return err
	}
	return sv.Ensure()
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
	in, ok := a.onEvent(ev, r.Header.Get("X-Slack-Retry-Num"))
	if ok && !a.tryEnqueue(func(ctx context.Context) { a.answer(ctx, in) }) {
		// Slack delivers it again later; the event id keeps it answered once.
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (a *Adapter) serveCommands(w http.ResponseWriter, _ *http.Request, body []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
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
	if !a.tryEnqueue(func(ctx context.Context) { a.command(ctx, c) }) {
		writeJSON(w, map[string]string{"response_type": slackapi.ResponseTypeEphemeral, "text": msgBusy})
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (a *Adapter) serveInteractions(w http.ResponseWriter, _ *http.Request, body []byte) {
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
	if !a.tryEnqueue(func(ctx context.Context) { a.interaction(ctx, cb) }) {
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
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
