package slack

import (
	"context"
	"regexp"
	"strings"
	"time"

	"github.com/slack-go/slack/slackevents"

	"github.com/talksbot/talksbot/bot"
)

// Messages users see when something fails on the Slack side.
const (
	msgApology        = "Sorry, I couldn't post my answer here. Please try again in a moment."
	msgBusy           = "I'm busy right now — please try again in a moment."
	msgFailed         = "Sorry, something went wrong on my side. Please try again in a moment."
	msgFeedbackThanks = "Thanks for your feedback — noted."
	msgFeedbackFailed = "Sorry, I couldn't record your feedback. Please try again later."
	msgShareExpired   = "That answer is no longer available to share; please ask again."
	msgShareFailed    = "Sorry, I couldn't share that answer in this channel."
	msgShareDone      = "That answer is already shared here."
	msgTruncated      = "(The rest of this answer was too long to show here.)"
	workingReaction   = "eyes"
)

// inbound is a user message the bot should answer.
type inbound struct {
	EventID string // the Events API event_id, for answering a retried event once
	User    string
	Team    string // the asker's workspace, for streams in channels
	Channel string
	DM      bool   // a direct message (channel_type "im"): private already
	TS      string // the message's own ts, for the working-on-it reaction
	Reply   string // thread_ts to answer in; "" for the channel itself
	Convo   string // the conversation key for follow-ups (bot.Request.Thread)
	Text    string // the text with the bot's mention stripped
	// FollowUp marks a message without a mention: answered only in a
	// thread the bot answered in.
	FollowUp bool
}

// eventJob translates an Events API callback into the work it asks for: an
// answer, an assistant thread's greeting or a Home tab to publish. It
// reports false when there is nothing to do. id is the event's id, for the
// logs.
func (a *Adapter) eventJob(ev slackevents.EventsAPIEvent, retry string) (j job, id string, ok bool) {
	if ev.Type != slackevents.CallbackEvent {
		return job{}, "", false
	}
	cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent)
	if !ok {
		return job{}, "", false
	}
	if retry != "" && retry != "0" {
		a.log.Debug("slack event redelivered", "event_id", cb.EventID, "retry", retry)
	}
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AssistantThreadStartedEvent:
		th := e.AssistantThread
		if th.ChannelID == "" || th.ThreadTimeStamp == "" {
			return job{}, "", false
		}
		return a.greetJob(cb.EventID, th.ChannelID, th.ThreadTimeStamp), cb.EventID, true
	case *slackevents.AssistantThreadContextChangedEvent:
		// The thread's answers do not depend on where the user is in
		// Slack: acknowledged, nothing to do.
		a.log.Debug("slack assistant thread context changed", "event_id", cb.EventID)
		return job{}, "", false
	case *slackevents.AppHomeOpenedEvent:
		if e.Tab != "home" || e.User == "" {
			return job{}, "", false
		}
		return a.homeJob(e.User), cb.EventID, true
	}
	in, ok := a.inbound(cb, ev.InnerEvent.Data)
	if !ok {
		return job{}, "", false
	}
	return a.answerJob(in), in.EventID, true
}

// inbound translates a message event into an inbound message, or nothing
// when the bot should not answer it.
func (a *Adapter) inbound(cb *slackevents.EventsAPICallbackEvent, data any) (inbound, bool) {
	self := a.botUserID()
	switch e := data.(type) {
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.User == "" || e.User == self {
			return inbound{}, false
		}
		thread := orDefault(e.ThreadTimeStamp, e.TimeStamp)
		return inbound{
			EventID: cb.EventID, User: e.User, Team: orDefault(e.UserTeam, cb.TeamID), Channel: e.Channel, TS: e.TimeStamp,
			Reply: thread, Convo: thread, Text: cleanText(e.Text, self),
		}, true
	case *slackevents.MessageEvent:
		if e.SubType != "" || e.BotID != "" || e.User == "" || e.User == self {
			return inbound{}, false
		}
		team := orDefault(e.UserTeam, cb.TeamID)
		if e.ChannelType == slackevents.ChannelTypeIM {
			// A thread in the direct message is an assistant thread when
			// the app's assistant view is on; the channel itself otherwise.
			return inbound{
				EventID: cb.EventID, User: e.User, Team: team, Channel: e.Channel, DM: true, TS: e.TimeStamp,
				Reply: e.ThreadTimeStamp, Convo: orDefault(e.ThreadTimeStamp, e.Channel),
				Text: cleanText(e.Text, self),
			}, true
		}
		// A reply without a mention in a thread the bot answered in is a
		// follow-up; a mention arrives as app_mention as well and is
		// answered there.
		if e.ThreadTimeStamp == "" || self == "" || strings.Contains(e.Text, "<@"+self) {
			return inbound{}, false
		}
		return inbound{
			EventID: cb.EventID, User: e.User, Team: team, Channel: e.Channel, TS: e.TimeStamp,
			Reply: e.ThreadTimeStamp, Convo: e.ThreadTimeStamp, Text: cleanText(e.Text, self),
			FollowUp: true,
		}, true
	}
	return inbound{}, false
}

// answerJob is the work of answering in.
func (a *Adapter) answerJob(in inbound) job {
	return job{
		kind: "event",
		run:  func(ctx context.Context) { a.answer(ctx, in, a.handle) },
		fail: func(ctx context.Context) { a.apologise(ctx, in, false) },
		late: func(ctx context.Context) { a.answer(ctx, in, a.refuseBusy) },
	}
}

// answer answers one inbound message once through respond, however often
// Slack delivers it. When respond reports the answer was not posted, the
// event id is released again so that Slack's next delivery of the event is
// answered.
func (a *Adapter) answer(ctx context.Context, in inbound, respond func(context.Context, inbound) bool) {
	// Checked here rather than on arrival, so a follow-up sent while the
	// first answer is being given is not missed.
	if in.FollowUp && !a.follows(ctx, in) {
		return
	}
	a.once(ctx, in.EventID, func(ctx context.Context) bool { return respond(ctx, in) })
}

// follows reports whether the bot answered in the thread in replies in.
func (a *Adapter) follows(ctx context.Context, in inbound) bool {
	ok, err := a.core.Follows(ctx, bot.Slack, in.Channel, in.Reply)
	if err != nil {
		a.log.Warn("slack thread not checked", "event_id", in.EventID, "err", err)
		return false
	}
	return ok
}

// once runs respond for the event eventID once, however often Slack
// delivers it, through the core's delivery store. When respond reports it
// did not get its message posted, the event id is released again so that
// Slack's next delivery is handled. An event without an id is handled
// every time.
func (a *Adapter) once(ctx context.Context, eventID string, respond func(context.Context) bool) {
	if eventID == "" {
		respond(ctx)
		return
	}
	first, err := a.core.FirstDelivery(ctx, eventID)
	switch {
	case err != nil:
		// Answering twice beats never answering.
		a.log.Warn("slack delivery check failed", "event_id", eventID, "err", err)
		respond(ctx)
	case !first:
		a.log.Debug("slack duplicate event ignored", "event_id", eventID)
	default:
		posted := false
		// Deferred, so that a panic releases the event too.
		defer func() {
			if !posted {
				a.forget(ctx, eventID)
				return
			}
			a.done(ctx, eventID, forgetTimeout)
		}()
		posted = respond(ctx)
	}
}

// done marks the delivery key answered, so that it is not answered again.
// It may run when ctx is done already, so it has a context of its own,
// bounded by timeout.
func (a *Adapter) done(ctx context.Context, key string, timeout time.Duration) {
	dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
	defer cancel()
	if err := a.core.DoneDelivery(dctx, key); err != nil {
		a.log.Warn("slack delivery not marked answered", "key", key, "err", err)
	}
}

// refuseBusy tells the asker of in that the bot is busy, as the core
// would, and reports whether that was posted.
func (a *Adapter) refuseBusy(ctx context.Context, in inbound) bool {
	a.log.Warn("no slack worker free in time", "event_id", in.EventID, "queue_timeout", a.queueTimeout)
	return a.deliver(ctx, in, a.counted(busyReply()), "")
}

// handle answers in and reports whether the answer was posted.
func (a *Adapter) handle(ctx context.Context, in inbound) bool {
	working := a.startWorking(ctx, in)
	defer working(ctx)
	d := a.startDraft(ctx, in)
	reply := a.counted(a.core.Handle(ctx, bot.Request{
		Platform: bot.Slack,
		User:     in.User,
		Channel:  in.Channel,
		Thread:   in.Convo,
		DM:       in.DM,
		Text:     in.Text,
		Progress: d.throttle.Update,
	}))
	s := d.stop()
	if ctx.Err() != nil {
		// Shutting down past the grace period: nothing can be posted, but
		// a stream must not stay open.
		a.log.Warn("slack answer abandoned at shutdown", "event_id", in.EventID)
		if s.Stream {
			sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), forgetTimeout)
			defer cancel()
			if err := a.stopStream(sctx, in.Channel, s.TS, "", nil); err != nil {
				a.logAPIError(err)
			}
		}
		return false
	}
	if in.assistant() {
		a.title(ctx, in, reply)
	}
	if s.Stream {
		return a.finishStream(ctx, in, reply, s)
	}
	return a.deliver(ctx, in, reply, s.TS)
}

// forget releases eventID (see release).
func (a *Adapter) forget(ctx context.Context, eventID string) {
	if err := a.release(ctx, eventID); err != nil {
		a.log.Warn("slack event not released for redelivery", "event_id", eventID, "err", err)
		return
	}
	a.log.Info("slack event left unanswered for redelivery", "event_id", eventID)
}

// forgetTimeout bounds releasing a delivery claim or marking it answered.
const forgetTimeout = 5 * time.Second

// deliver posts a reply to an inbound message, replacing the streamed draft
// when there is one, and apologises when Slack refuses it. It reports
// whether the whole reply was posted.
func (a *Adapter) deliver(ctx context.Context, in inbound, reply bot.Reply, draftTS string) bool {
	msgs := render(reply, renderOptions{Feedback: true})
	// A direct message is private already, and an ephemeral one there would
	// vanish on reload; a streamed draft is visible already.
	ephemeral := reply.Ephemeral && draftTS == "" && !in.DM
	var err error
	for i, m := range msgs {
		switch {
		case i == 0 && draftTS != "":
			if err = a.updateMessage(ctx, in.Channel, draftTS, m); err != nil {
				// The draft could not be replaced: take it down and post
				// the reply afresh, so that no unfinished draft stays.
				a.logAPIError(err)
				if derr := a.deleteMessage(ctx, in.Channel, draftTS); derr != nil {
					a.logAPIError(derr)
				}
				_, err = a.postMessage(ctx, in.Channel, in.Reply, m)
			}
		case ephemeral:
			err = a.postEphemeral(ctx, in.Channel, in.User, in.Reply, m)
		default:
			_, err = a.postMessage(ctx, in.Channel, in.Reply, m)
		}
		if err != nil {
			break
		}
	}
	if err == nil {
		return true
	}
	a.logAPIError(err)
	a.apologise(ctx, in, ephemeral)
	return false
}

// apologise tells the asker the answer could not be posted.
func (a *Adapter) apologise(ctx context.Context, in inbound, ephemeral bool) {
	if ctx.Err() != nil {
		return
	}
	sorry := plainMessage(msgApology)
	var err error
	if ephemeral {
		err = a.postEphemeral(ctx, in.Channel, in.User, in.Reply, sorry)
	} else {
		_, err = a.postMessage(ctx, in.Channel, in.Reply, sorry)
	}
	if err != nil {
		a.logAPIError(err)
	}
}

// startWorking shows that the bot is working on in: in an assistant thread
// its status says so at once; elsewhere (or when Slack refuses the status)
// a reaction on the question does, once the answer takes longer than
// WorkingAfter. The returned func clears it again.
func (a *Adapter) startWorking(ctx context.Context, in inbound) (stop func(context.Context)) {
	if in.assistant() {
		if stop, ok := a.startStatus(ctx, in); ok {
			return stop
		}
	}
	return a.startReaction(ctx, in.Channel, in.TS)
}

// startReaction adds the working-on-it reaction to the message at ts if the
// answer takes longer than WorkingAfter. The returned func removes it again.
func (a *Adapter) startReaction(ctx context.Context, channel, ts string) (stop func(context.Context)) {
	if ts == "" {
		return func(context.Context) {}
	}
	done := make(chan struct{})
	reacted := make(chan bool, 1)
	go func() {
		t := time.NewTimer(max(a.workingAfter, 0))
		defer t.Stop()
		select {
		case <-done:
			reacted <- false
			return
		case <-ctx.Done():
			reacted <- false
			return
		case <-t.C:
		}
		err := a.react(ctx, channel, ts, workingReaction, false)
		if err != nil {
			a.logAPIError(err)
		}
		reacted <- err == nil
	}()
	return func(ctx context.Context) {
		close(done)
		if <-reacted && ctx.Err() == nil {
			if err := a.react(ctx, channel, ts, workingReaction, true); err != nil {
				a.logAPIError(err)
			}
		}
	}
}

var (
	mentionRe = regexp.MustCompile(`<@([UW][A-Z0-9]+)(?:\|[^>]*)?>`)
	markupRe  = regexp.MustCompile(`<([^<>]*)>`)
	unescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")
)

// cleanText turns a message's mrkdwn into the plain question: the bot's own
// mentions removed (any leading mention when its id is not known yet), other
// mentions, channels and links reduced to their labels, entities decoded.
func cleanText(s, self string) string {
	if self == "" {
		if loc := mentionRe.FindStringIndex(strings.TrimSpace(s)); loc != nil && loc[0] == 0 {
			s = strings.TrimSpace(s)[loc[1]:]
		}
	}
	s = mentionRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := mentionRe.FindStringSubmatch(m)
		if sub[1] == self {
			return " "
		}
		return m
	})
	s = markupRe.ReplaceAllStringFunc(s, func(m string) string {
		inner := m[1 : len(m)-1]
		if i := strings.IndexByte(inner, '|'); i >= 0 {
			label := inner[i+1:]
			if strings.HasPrefix(inner, "#") {
				return "#" + label
			}
			if strings.HasPrefix(inner, "@") {
				return "@" + label
			}
			return label
		}
		return strings.TrimLeft(inner, "!")
	})
	return strings.Join(strings.Fields(unescaper.Replace(s)), " ")
}
