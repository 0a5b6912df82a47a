package slack

import (
	"context"
	"regexp"

	slackapi "github.com/slack-go/slack"

	"github.com/talksbot/talksbot/bot"
)

// ShortcutAsk is the callback_id of the message shortcut "Ask talksbot
// about this", as deploy/slack-manifest.yaml declares it: the selected
// message's text is the question, and the answer is shown to the user alone
// where the message is (in its thread when it is in one), with a button to
// share it.
const ShortcutAsk = "talks_ask_message"

// Notices for shortcuts the bot cannot use.
const (
	msgShortcutNoText  = "That message has no text I can read (files and attachments aside). Pick a message with a question in its text, or ask with /talks ask."
	msgShortcutUnknown = "Sorry, I don't know that shortcut. The app's manifest may be newer than this talksbot."
)

// tsRe matches a Slack message ts, which a Share button carries in its value
// when the answer is to be shared in that thread.
var tsRe = regexp.MustCompile(`^[0-9]{6,}\.[0-9]{6}$`)

// shortcut answers a message shortcut: the message's text becomes the
// question.
func (a *Adapter) shortcut(ctx context.Context, cb slackapi.InteractionCallback) {
	channel, user := cb.Channel.ID, cb.User.ID
	thread := cb.Message.ThreadTimestamp
	if cb.CallbackID != ShortcutAsk {
		a.log.Debug("slack shortcut unknown", "callback_id", cb.CallbackID)
		a.tell(ctx, cb.ResponseURL, channel, user, thread, msgShortcutUnknown)
		return
	}
	text := cleanText(cb.Message.Text, a.botUserID())
	if text == "" {
		a.tell(ctx, cb.ResponseURL, channel, user, thread, msgShortcutNoText)
		return
	}
	reply := a.counted(a.core.Handle(ctx, bot.Request{
		Platform: bot.Slack, User: user, Channel: channel,
		Command: &bot.Command{Name: "ask", Arg: text},
	}))
	if ctx.Err() != nil {
		a.log.Warn("slack shortcut abandoned at shutdown")
		return
	}
	key := a.keep(ctx, reply)
	msgs := capParts(renderBody(reply, ""), maxSlashParts)
	msgs = withActions(msgs, actionBlock(reply, renderOptions{Feedback: true, ShareKey: key, ShareThread: thread}))
	for _, m := range msgs {
		if err := a.showPrivately(ctx, cb.ResponseURL, channel, user, thread, m); err != nil {
			a.logAPIError(err)
			a.tell(ctx, "", channel, user, thread, msgApology)
			return
		}
	}
}

// showPrivately shows m to user alone in channel (in thread when it is
// set): as an ephemeral message, which needs the bot in the channel, else
// through responseURL, which does not, but shows it outside the thread.
func (a *Adapter) showPrivately(ctx context.Context, responseURL, channel, user, thread string, m message) error {
	err := a.postEphemeral(ctx, channel, user, thread, m)
	if err == nil || responseURL == "" {
		return err
	}
	a.logAPIError(err)
	return a.respond(ctx, responseURL, slackapi.ResponseTypeEphemeral, m)
}

// tell shows a short notice to user alone, as showPrivately does, logging
// when even that fails.
func (a *Adapter) tell(ctx context.Context, responseURL, channel, user, thread, text string) {
	if ctx.Err() != nil {
		return
	}
	if err := a.showPrivately(ctx, responseURL, channel, user, thread, plainMessage(text)); err != nil {
		a.logAPIError(err)
	}
}
