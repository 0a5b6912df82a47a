package slack

import (
	"context"
	"errors"
	"strings"

	slackapi "github.com/slack-go/slack"

	"github.com/talksbot/talksbot/bot"
)

// slashCommand is the part of a /talks invocation the adapter uses.
type slashCommand struct {
	User        string
	Channel     string
	Text        string
	ResponseURL string
}

func fromSlack(c slackapi.SlashCommand) slashCommand {
	return slashCommand{User: c.UserID, Channel: c.ChannelID, Text: c.Text, ResponseURL: c.ResponseURL}
}

// commandJob is the work of answering c.
func (a *Adapter) commandJob(c slashCommand) job {
	return job{
		kind: "command",
		run:  func(ctx context.Context) { a.command(ctx, c) },
		fail: func(ctx context.Context) { a.notify(ctx, c.ResponseURL, c.Channel, c.User, msgFailed) },
		late: func(ctx context.Context) {
			a.log.Warn("no slack worker free in time", "kind", "command", "queue_timeout", a.queueTimeout)
			a.refused(bot.ProblemBusy)
			a.notify(ctx, c.ResponseURL, c.Channel, c.User, msgBusy)
		},
	}
}

// command answers /talks through its response_url, visible to the asker
// alone, with a button to share the answer in the channel.
func (a *Adapter) command(ctx context.Context, c slashCommand) {
	text := strings.TrimSpace(c.Text)
	if text == "" {
		text = "help"
	}
	reply := a.counted(a.core.Handle(ctx, bot.Request{
		Platform: bot.Slack,
		User:     c.User,
		Channel:  c.Channel,
		Text:     text,
	}))
	if ctx.Err() != nil {
		a.log.Warn("slack command abandoned at shutdown")
		return
	}
	key := a.keep(ctx, reply)
	msgs := capParts(renderBody(reply, ""), maxSlashParts)
	msgs = withActions(msgs, actionBlock(reply, renderOptions{Feedback: true, ShareKey: key}))
	var err error
	for _, m := range msgs {
		if err = a.reply(ctx, c.ResponseURL, c.Channel, c.User, m); err != nil {
			break
		}
	}
	if err != nil {
		a.logAPIError(err)
		a.notify(ctx, "", c.Channel, c.User, msgApology)
	}
}

// keep keeps reply in the store for its Share button and returns the key
// the button shares it by; "" when it could not be kept, and the answer
// then comes without the button.
func (a *Adapter) keep(ctx context.Context, reply bot.Reply) string {
	if reply.Kind == bot.KindError {
		return ""
	}
	sctx, cancel := context.WithTimeout(ctx, storeTimeout)
	defer cancel()
	key, err := a.core.SaveShare(sctx, reply)
	switch {
	case err != nil:
		a.log.Warn("slack answer not kept for sharing: no Share button", "reply_id", reply.ID, "err", err)
		return ""
	case len(actionShare)+len(key) > maxActionID || strings.ContainsAny(key, " \n"):
		a.log.Warn("slack share key unusable in a button: no Share button", "reply_id", reply.ID, "key_len", len(key))
		return ""
	}
	return key
}

// reply shows m to user: through responseURL when there is one, otherwise
// as an ephemeral message in channel.
func (a *Adapter) reply(ctx context.Context, responseURL, channel, user string, m message) error {
	if responseURL != "" {
		return a.respond(ctx, responseURL, slackapi.ResponseTypeEphemeral, m)
	}
	return a.postEphemeral(ctx, channel, user, "", m)
}

// notify shows a short notice to user alone, logging when even that fails.
// Without a response_url or a channel (a click in the Home tab) it comes as
// a direct message.
func (a *Adapter) notify(ctx context.Context, responseURL, channel, user, text string) {
	if ctx.Err() != nil || (responseURL == "" && user == "") {
		return
	}
	var err error
	if responseURL == "" && channel == "" {
		_, err = a.postMessage(ctx, user, "", plainMessage(text))
	} else {
		err = a.reply(ctx, responseURL, channel, user, plainMessage(text))
	}
	if err != nil {
		a.logAPIError(err)
	}
}

// interactionJob is the work left of a button click once the feedback it
// carries is recorded (recorded reports whether there was any): thanking
// the clicker and sharing answers.
func (a *Adapter) interactionJob(cb slackapi.InteractionCallback, recorded bool) job {
	return job{
		kind: "interaction",
		run:  func(ctx context.Context) { a.interaction(ctx, cb, recorded) },
		fail: func(ctx context.Context) {
			a.notify(ctx, cb.ResponseURL, orDefault(cb.Channel.ID, cb.Container.ChannelID), cb.User.ID, msgFailed)
		},
	}
}

// noticeJob is the work of showing text to the clicker of cb.
func (a *Adapter) noticeJob(cb slackapi.InteractionCallback, text string) job {
	return job{
		kind: "interaction",
		run: func(ctx context.Context) {
			a.notify(ctx, cb.ResponseURL, orDefault(cb.Channel.ID, cb.Container.ChannelID), cb.User.ID, text)
		},
	}
}

// interaction finishes a button click: it thanks the clicker, and only the
// clicker, for the feedback recorded, shares answers and sends theme
// summaries. It answers a message shortcut.
func (a *Adapter) interaction(ctx context.Context, cb slackapi.InteractionCallback, recorded bool) {
	if cb.Type == slackapi.InteractionTypeMessageAction {
		a.shortcut(ctx, cb)
		return
	}
	if cb.Type != slackapi.InteractionTypeBlockActions {
		a.log.Debug("slack interaction ignored", "type", string(cb.Type))
		return
	}
	channel := orDefault(cb.Channel.ID, cb.Container.ChannelID)
	if recorded {
		a.notify(ctx, cb.ResponseURL, channel, cb.User.ID, msgFeedbackThanks)
	}
	for _, act := range cb.ActionCallback.BlockActions {
		switch {
		case strings.HasPrefix(act.ActionID, actionHelpful), strings.HasPrefix(act.ActionID, actionNotHelpful),
			strings.HasPrefix(act.ActionID, actionFeedback):
			// Recorded before the click was acknowledged.
		case strings.HasPrefix(act.ActionID, actionShare):
			thread := ""
			if tsRe.MatchString(act.Value) {
				thread = act.Value
			}
			a.share(ctx, cb, channel, thread, strings.TrimPrefix(act.ActionID, actionShare))
		case strings.HasPrefix(act.ActionID, actionSummary):
			a.homeSummary(ctx, cb.User.ID, act)
		default:
			a.log.Debug("slack action ignored", "action_id", act.ActionID)
		}
	}
}

// share posts a private answer (to /talks or a shortcut) visibly in the
// channel it was asked in, in thread when it is set, and removes the
// private copy.
func (a *Adapter) share(ctx context.Context, cb slackapi.InteractionCallback, channel, thread, key string) {
	sctx, cancel := context.WithTimeout(ctx, storeTimeout)
	reply, err := a.core.LoadShare(sctx, key)
	cancel()
	switch {
	case errors.Is(err, bot.ErrNotFound):
		a.log.Debug("slack shared answer no longer kept", "err", err)
		a.notify(ctx, cb.ResponseURL, channel, cb.User.ID, msgShareExpired)
		return
	case err != nil:
		a.log.Error("slack shared answer not loaded", "err", err)
		a.notify(ctx, cb.ResponseURL, channel, cb.User.ID, msgShareFailed)
		return
	}
	// Each click has its own trigger: a double click, or a click before
	// the private copy is gone, must not post the answer twice.
	sctx, cancel = context.WithTimeout(ctx, storeTimeout)
	first, err := a.core.FirstDelivery(sctx, keyShare+key)
	cancel()
	switch {
	case err != nil:
		a.log.Error("slack shared answer not claimed", "err", err)
		a.notify(ctx, cb.ResponseURL, channel, cb.User.ID, msgShareFailed)
		return
	case !first:
		a.notify(ctx, cb.ResponseURL, channel, cb.User.ID, msgShareDone)
		return
	}
	reply.Ephemeral = false
	// A response_url takes five posts: the parts and the deletion of the
	// private copy must fit.
	msgs := capParts(renderBody(reply, cb.User.ID), maxSlashParts-1)
	msgs = withActions(msgs, actionBlock(reply, renderOptions{Feedback: true}))
	// A response_url posts outside threads: a thread is posted to, which
	// needs the bot in the channel. Refused there before anything was
	// shared, the answer goes to the channel through the response_url.
	viaURL := cb.ResponseURL != "" && thread == ""
	for i, m := range msgs {
		if !viaURL {
			_, err = a.postMessage(ctx, channel, thread, m)
			if err != nil && i == 0 && cb.ResponseURL != "" {
				a.logAPIError(err)
				viaURL = true
			}
		}
		if viaURL {
			err = a.respond(ctx, cb.ResponseURL, slackapi.ResponseTypeInChannel, m)
		}
		if err != nil {
			break
		}
	}
	if err != nil {
		a.logAPIError(err)
		// Nothing or part of it was posted: the member may share it again.
		if err := a.core.ForgetDelivery(context.WithoutCancel(ctx), keyShare+key); err != nil {
			a.log.Warn("slack shared answer not released", "err", err)
		}
		a.notify(ctx, "", channel, cb.User.ID, msgShareFailed)
		return
	}
	if err := a.core.DoneDelivery(context.WithoutCancel(ctx), keyShare+key); err != nil {
		a.log.Warn("slack shared answer not marked done", "err", err)
	}
	if cb.ResponseURL != "" {
		if err := a.deleteOriginal(ctx, cb.ResponseURL); err != nil {
			a.logAPIError(err)
		}
	}
}
