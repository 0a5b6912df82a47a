package slack

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	slackapi "github.com/slack-go/slack"
	"golang.org/x/time/rate"

	"github.com/talksbot/talksbot/bot"
)

// An answer an LLM drafts is shown while it is written: the sentences the
// core has verified (bot.Request.Progress delivers nothing else) stream
// into a reply in the thread through chat.startStream and
// chat.appendStream, and chat.stopStream ends it with the citations and the
// feedback buttons. Where Slack does not stream (a direct message outside a
// thread, a workspace that refuses it, or when the workspace's stream
// budget is spent) the draft is a message posted and edited instead. Either
// way the reply takes the draft's place: a draft the core rejected gives
// way to the extractive answer in that same message.

// Slack's rate limits on streams, per workspace: chat.startStream and
// chat.stopStream about 20 a minute, chat.appendStream about 100. The
// adapter keeps within them: a stream starts only when its start and its
// stop fit, appends wait for the next interval (or the stop) when none
// fits.
const (
	streamStartsPerMinute  = 20
	streamStartBurst       = 4 // two streams starting at once
	streamAppendsPerMinute = 100
	streamAppendBurst      = 10
	// streamPause is how long the adapter edits drafts instead of
	// streaming them once Slack refused streams to the app or workspace.
	streamPause = 10 * time.Minute
)

// streamRefusals are Slack's error codes meaning the app or workspace may
// not stream at all, as opposed to this one stream failing.
var streamRefusals = map[string]bool{
	"unknown_method": true, "not_allowed": true, "not_allowed_token_type": true, "missing_scope": true,
	"no_permission": true, "feature_not_enabled": true, "access_denied": true, "method_deprecated": true,
	"team_access_not_granted": true,
}

// streams keeps the workspace's stream budget and whether Slack refused
// streams lately. It is safe for concurrent use.
type streams struct {
	starts  *rate.Limiter // chat.startStream and chat.stopStream
	appends *rate.Limiter // chat.appendStream

	mu          sync.Mutex
	pausedUntil time.Time
}

func newStreams() *streams {
	return &streams{
		starts:  rate.NewLimiter(rate.Limit(streamStartsPerMinute/60.0), streamStartBurst),
		appends: rate.NewLimiter(rate.Limit(streamAppendsPerMinute/60.0), streamAppendBurst),
	}
}

// begin reports whether a stream may start at now, taking its start and
// its stop from the budget; when not, why says why.
func (s *streams) begin(now time.Time) (ok bool, why string) {
	s.mu.Lock()
	paused := now.Before(s.pausedUntil)
	s.mu.Unlock()
	switch {
	case paused:
		return false, "streams refused lately"
	case !s.starts.AllowN(now, 2):
		return false, "stream budget spent"
	}
	return true, ""
}

// pause stops new streams until now plus streamPause.
func (s *streams) pause(now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pausedUntil = now.Add(streamPause)
}

// draft shows an answer growing while an LLM writes it: the first verified
// text at once, later text at most once per draftEvery.
type draft struct {
	a        *Adapter
	in       inbound
	throttle *bot.Throttle
	// Written by show, on the throttle's goroutine, and read once stop
	// returned.
	shown shown
}

// shown is what a draft left on screen.
type shown struct {
	TS     string // the draft message; "" when nothing was shown
	Stream bool   // TS is a stream still open, not a posted message
	Text   string // the text the stream shows, as the core gave it
}

// startDraft starts a draft answering in; the caller must stop it.
func (a *Adapter) startDraft(ctx context.Context, in inbound) *draft {
	d := &draft{a: a, in: in}
	d.throttle = bot.NewThrottle(ctx, a.draftEvery, d.show)
	return d
}

// show puts text on screen: it starts the stream or the draft message, or
// adds to it.
func (d *draft) show(ctx context.Context, text string) {
	switch {
	case d.shown.TS == "":
		d.begin(ctx, text)
	case d.shown.Stream:
		d.extend(ctx, text)
	default:
		if err := d.a.updateMessage(ctx, d.in.Channel, d.shown.TS, draftMessage(text)); err != nil {
			d.a.logAPIError(err)
		}
	}
}

// begin streams text in the thread when Slack may stream there and the
// budget allows, and posts it as a draft message otherwise.
func (d *draft) begin(ctx context.Context, text string) {
	a, in := d.a, d.in
	// Slack streams only replies in a thread.
	if in.Reply != "" {
		d.stream(ctx, text)
		if d.shown.TS != "" {
			return
		}
	}
	ts, err := a.postMessage(ctx, in.Channel, in.Reply, draftMessage(text))
	if err != nil {
		a.logAPIError(err)
		return
	}
	d.shown = shown{TS: ts}
}

// stream starts a stream of text when the budget allows and Slack takes it.
// A refusal that says the app or workspace may not stream pauses streams
// for streamPause.
func (d *draft) stream(ctx context.Context, text string) {
	a, in := d.a, d.in
	if ok, why := a.streams.begin(a.now()); !ok {
		a.log.Debug("slack draft not streamed: edited instead", "reason", why)
		return
	}
	ts, err := a.startStream(ctx, in.Channel, in.Reply, in.User, orDefault(in.Team, a.teamID()), escape(text))
	if err == nil {
		d.shown = shown{TS: ts, Stream: true, Text: text}
		return
	}
	a.logAPIError(err)
	var se slackapi.SlackErrorResponse
	if errors.As(err, &se) && streamRefusals[se.Err] {
		a.log.Warn("slack refused streaming: drafts are edited messages for a while", "error_code", se.Err, "pause", streamPause)
		a.streams.pause(a.now())
	}
}

// extend appends to the stream what text adds to what it shows. When the
// workspace's append budget is spent the text waits for the next call, or
// for the stop.
func (d *draft) extend(ctx context.Context, text string) {
	// Progress only ever grows the text; anything else is not appended.
	more, ok := strings.CutPrefix(text, d.shown.Text)
	if !ok || strings.TrimSpace(more) == "" {
		return
	}
	if !d.a.streams.appends.AllowN(d.a.now(), 1) {
		d.a.log.Debug("slack stream append budget spent: the text waits")
		return
	}
	if err := d.a.appendStream(ctx, d.in.Channel, d.shown.TS, escape(more)); err != nil {
		d.a.logAPIError(err)
		return
	}
	d.shown.Text = text
}

// stop ends the drafting and returns what it left on screen.
func (d *draft) stop() shown {
	d.throttle.Stop()
	// Stop waited for show to return, so shown is settled.
	return d.shown
}

func draftMessage(text string) message {
	t := truncate(escape(strings.TrimSpace(text)), maxSectionText)
	return message{Text: t, Blocks: []slackapi.Block{
		slackapi.NewSectionBlock(mrkdwn(t), nil, nil),
		slackapi.NewContextBlock("", mrkdwn("_writing…_")),
	}}
}

// finishStream ends the stream s showing an answer to in with reply, and
// reports whether all of reply was posted. When the stream shows the start
// of the reply's own wording, the stop adds the rest of it, then the
// quotes, citations and feedback buttons; otherwise (the core rejected
// the draft, or the reply is something else) the stream is stopped and the
// reply replaces it.
func (a *Adapter) finishStream(ctx context.Context, in inbound, reply bot.Reply, s shown) bool {
	rest, streamed := strings.CutPrefix(reply.Text, s.Text)
	if streamed && reply.Mode == bot.ModeLLM && len(escape(rest)) <= maxStreamText {
		msgs := withActions(renderBody(withoutText(reply), ""), feedbackBlock(reply))
		err := a.stopStream(ctx, in.Channel, s.TS, escape(rest), msgs[0].Blocks)
		if err == nil {
			return a.postRest(ctx, in, msgs[1:])
		}
		// Slack refused that end: the reply replaces the stream instead.
		a.logAPIError(err)
	}
	if err := a.stopStream(ctx, in.Channel, s.TS, "", nil); err != nil {
		a.logAPIError(err)
	}
	return a.deliver(ctx, in, reply, s.TS)
}

// maxStreamText bounds the markdown text of one stream call.
const maxStreamText = 12000

// withoutText returns r without its wording, which a stream shows already:
// rendered, it is r's quotes and citations alone.
func withoutText(r bot.Reply) bot.Reply {
	r.Text = ""
	return r
}

// postRest posts msgs in in's thread after the first part of an answer,
// and reports whether they all were posted.
func (a *Adapter) postRest(ctx context.Context, in inbound, msgs []message) bool {
	for _, m := range msgs {
		if _, err := a.postMessage(ctx, in.Channel, in.Reply, m); err != nil {
			a.logAPIError(err)
			a.apologise(ctx, in, false)
			return false
		}
	}
	return true
}
