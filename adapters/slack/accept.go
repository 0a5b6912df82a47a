package slack

import (
	"context"
	"strings"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/talksbot/talksbot/bot"
)

// What the adapter does with a slash command or a click before Slack is
// acknowledged, the same on both transports: it claims the delivery in the
// store, so that a replayed or redelivered request is acknowledged again but
// neither answered nor recorded again, and it records the feedback a click
// carries, so that nothing Slack was told is done can be lost.

// Namespaces of the delivery keys commands and clicks are claimed under in
// the store, which also holds the Events API's event ids: keys of different
// kinds never collide.
const (
	keyTrigger  = "slack:trigger:"  // a command's or click's trigger_id
	keySig      = "slack:sig:"      // an HTTP request's signature, when it has no trigger_id
	keyEnvelope = "slack:envelope:" // a Socket Mode envelope id, when it has no trigger_id
	keyShare    = "slack:share:"    // the public post of a shared answer, once per Share button
)

// storeTimeout bounds what the store is asked before a command or click is
// acknowledged: Slack waits three seconds for the acknowledgement.
const storeTimeout = 2 * time.Second

// deliveryKey names a command or click for its delivery claim: its
// trigger_id, which Slack gives every command and click and which stays the
// same when the request is delivered again; without one, fallback, what
// identifies the delivery on its transport (the signature of an HTTP
// request, which a replay repeats; the envelope id in Socket Mode), under its
// own namespace. It is "" when there is nothing to key on.
func deliveryKey(triggerID, fallbackNamespace, fallback string) string {
	switch {
	case triggerID != "":
		return keyTrigger + triggerID
	case fallback != "":
		return fallbackNamespace + fallback
	}
	return ""
}

// claim reports whether the command or click named key is delivered for the
// first time, claiming it in the store; once it is acknowledged it is marked
// answered there. The store keeps answered keys for longer than the five
// minutes a signature is valid (a day), so a replay within the window is
// caught.
func (a *Adapter) claim(ctx context.Context, key, kind string) bool {
	if key == "" {
		return true
	}
	first, err := a.core.FirstDelivery(ctx, key)
	switch {
	case err != nil:
		// Handling a request twice beats never handling it.
		a.log.Warn("slack delivery check failed", "kind", kind, "err", err)
		return true
	case !first:
		// Debug: anyone holding a signed request could flood the log.
		a.log.Debug("slack duplicate request ignored", "kind", kind)
	}
	return first
}

// release gives up the claim on key, so that Slack's next delivery of a
// request the adapter did not acknowledge is taken as the first. It may run
// when ctx is done already, so it has a short context of its own.
func (a *Adapter) release(ctx context.Context, key string) error {
	if key == "" {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), forgetTimeout)
	defer cancel()
	return a.core.ForgetDelivery(ctx, key)
}

// acceptCommand claims a slash command and hands it to the workers. It
// reports whether the workers declined it (busy or stopping), for the
// acknowledgement to tell the user. A replayed command is acknowledged with
// nothing to say, as the first delivery was.
func (a *Adapter) acceptCommand(ctx context.Context, key string, c slashCommand) (declined bool) {
	cctx, cancel := context.WithTimeout(ctx, storeTimeout)
	first := a.claim(cctx, key, "command")
	cancel()
	if !first {
		return false
	}
	// Slack does not deliver a command again: taken or declined (the user
	// is told in the acknowledgement), it is done, and a replay is not
	// answered.
	defer a.doneKey(ctx, key)
	if got := a.offer(a.commandJob(c)); got != accepted {
		a.log.Warn("slack command declined", "reason", got.String())
		a.refused(bot.ProblemBusy)
		return true
	}
	return false
}

// doneKey marks the command or click named key answered, if it has a key,
// within storeTimeout: it is acknowledged next, and Slack waits three
// seconds for that.
func (a *Adapter) doneKey(ctx context.Context, key string) {
	if key != "" {
		a.done(ctx, key, storeTimeout)
	}
}

// verdict is how a command or click is acknowledged.
type verdict int

const (
	ackDone     verdict = iota // acknowledged: handled, queued, or a delivery handled before
	ackDeclined                // not acknowledged, nothing done: the user sees the click failed and may try again
	ackFailed                  // not acknowledged: the feedback it carries could not be recorded
)

// acceptInteraction claims a click, records the feedback it carries and
// hands the rest (the thanks, sharing an answer) to the workers. The
// feedback is written before the click is acknowledged, and a click whose
// feedback could not be written is not acknowledged: what Slack was told is
// recorded survives a crash. Once feedback is recorded the click is
// acknowledged even when the workers cannot take the thanks.
func (a *Adapter) acceptInteraction(ctx context.Context, key string, cb slackapi.InteractionCallback) verdict {
	sctx, cancel := context.WithTimeout(ctx, storeTimeout)
	defer cancel()
	if !a.claim(sctx, key, "interaction") {
		return ackDone
	}
	recorded, err := a.record(sctx, cb)
	if err != nil {
		a.unclaim(ctx, key, "interaction")
		// Slack shows the click failed; the notice says why.
		if got := a.offer(a.noticeJob(cb, msgFeedbackFailed)); got != accepted {
			a.log.Warn("slack feedback failure not told", "reason", got.String())
		}
		return ackFailed
	}
	got := a.offer(a.interactionJob(cb, recorded))
	switch {
	case got == accepted:
		a.doneKey(ctx, key)
		return ackDone
	case recorded:
		a.log.Warn("slack feedback recorded but not thanked", "reason", got.String())
		a.doneKey(ctx, key)
		return ackDone
	}
	a.unclaim(ctx, key, "interaction")
	a.log.Warn("slack interaction declined", "reason", got.String())
	return ackDeclined
}

// unclaim releases key, logging when it cannot.
func (a *Adapter) unclaim(ctx context.Context, key, kind string) {
	if err := a.release(ctx, key); err != nil {
		a.log.Warn("slack request not released for redelivery", "kind", kind, "err", err)
	}
}

// record writes the verdicts of the feedback buttons clicked in cb, and
// reports whether there were any.
func (a *Adapter) record(ctx context.Context, cb slackapi.InteractionCallback) (recorded bool, err error) {
	if cb.Type != slackapi.InteractionTypeBlockActions || cb.User.ID == "" {
		return false, nil
	}
	for _, act := range cb.ActionCallback.BlockActions {
		replyID, helpful, theme, ok := feedbackAction(act.ActionID, act.Value)
		if !ok {
			continue
		}
		err := a.core.Feedback(ctx, bot.Feedback{
			ReplyID:  replyID,
			Platform: bot.Slack,
			User:     cb.User.ID,
			Helpful:  helpful,
			Theme:    theme,
			At:       time.Now(),
		})
		if err != nil {
			a.log.Warn("slack feedback not recorded", "reply_id", replyID, "err", err)
			return recorded, err
		}
		recorded = true
	}
	return recorded, nil
}

// feedbackAction reads a feedback button's action_id and value: a Helpful
// or Not helpful button carries the reply's theme in its value, a
// feedback_buttons element the verdict (and the core finds the theme).
func feedbackAction(actionID, value string) (replyID string, helpful bool, theme string, ok bool) {
	if id, found := strings.CutPrefix(actionID, actionHelpful); found {
		return id, true, value, id != ""
	}
	if id, found := strings.CutPrefix(actionID, actionNotHelpful); found {
		return id, false, value, id != ""
	}
	if id, found := strings.CutPrefix(actionID, actionFeedback); found {
		switch value {
		case valueHelpful:
			return id, true, "", id != ""
		case valueNotHelpful:
			return id, false, "", id != ""
		}
	}
	return "", false, "", false
}
