package discord

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// logRESTError logs a failed Discord call once, where it is handled: REST
// errors with their HTTP status, Discord's error code and message and the
// route (tokens redacted); other failures with the route and cause only,
// since their text may carry an interaction token in a URL.
func (a *Adapter) logRESTError(op string, err error, attrs ...any) {
	attrs = append([]any{"op", op}, attrs...)
	var restErr *discordgo.RESTError
	var rateErr *discordgo.RateLimitError
	var urlErr *url.Error
	switch {
	case errors.As(err, &restErr):
		if restErr.Response != nil {
			attrs = append(attrs, "status", restErr.Response.StatusCode)
		}
		if restErr.Message != nil {
			attrs = append(attrs, "code", restErr.Message.Code, "discord_message", restErr.Message.Message)
		}
		attrs = append(attrs, "route", route(restErr.Request))
		a.log.Error("discord rest error", attrs...)
	case errors.As(err, &rateErr):
		attrs = append(attrs, "retry_after", rateErr.RetryAfter)
		if u, perr := url.Parse(rateErr.URL); perr == nil {
			attrs = append(attrs, "route", redactPath(u.Path))
		}
		a.log.Error("discord rate limit", attrs...)
	case errors.As(err, &urlErr):
		path := ""
		if u, perr := url.Parse(urlErr.URL); perr == nil {
			path = redactPath(u.Path)
		}
		attrs = append(attrs, "route", strings.ToUpper(urlErr.Op)+" "+path, "err", urlErr.Err)
		a.log.Error("discord request failed", attrs...)
	default:
		attrs = append(attrs, "err", err)
		a.log.Error("discord request failed", attrs...)
	}
}

// route names a request as "METHOD /path" relative to the API root, with
// interaction and webhook tokens redacted.
func route(req *http.Request) string {
	if req == nil || req.URL == nil {
		return ""
	}
	return req.Method + " " + redactPath(req.URL.Path)
}

// redactPath drops the API version prefix and replaces the token that
// follows an interaction or webhook id with ":token".
func redactPath(p string) string {
	segs := strings.Split(strings.Trim(p, "/"), "/")
	if len(segs) >= 2 && segs[0] == "api" && strings.HasPrefix(segs[1], "v") {
		segs = segs[2:]
	}
	for i := 0; i+2 < len(segs); i++ {
		if segs[i] == "interactions" || segs[i] == "webhooks" {
			segs[i+2] = ":token"
		}
	}
	return "/" + strings.Join(segs, "/")
}
