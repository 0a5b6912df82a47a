package slack

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"
	"sync"
	"time"

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

// command answers /talks through its response_url, visible to the asker
// alone, with a button to share the answer in the channel.
func (a *Adapter) command(ctx context.Context, c slashCommand) {
	text := strings.TrimSpace(c.Text)
	if text == "" {
		text = "help"
	}
	reply := a.core.Handle(ctx, bot.Request{
		Platform: bot.Slack,
		User:     c.User,
		Channel:  c.Channel,
		Text:     text,
	})
	key := reply.ID
	if key == "" {
		key = randomKey()
	}
	a.replies.put(key, reply)
	msgs := renderBody(reply, "")
	if len(msgs) > maxSlashParts {
		msgs = append(msgs[:maxSlashParts-1], plainMessage(msgTruncated))
	}
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

// reply shows m to user: through responseURL when there is one, otherwise
// as an ephemeral message in channel.
func (a *Adapter) reply(ctx context.Context, responseURL, channel, user string, m message) error {
	if responseURL != "" {
		return a.respond(ctx, responseURL, slackapi.ResponseTypeEphemeral, m)
	}
	return a.postEphemeral(ctx, channel, user, "", m)
}

// notify shows a short notice to user alone, logging when even that fails.
func (a *Adapter) notify(ctx context.Context, responseURL, channel, user, text string) {
	if ctx.Err() != nil || (responseURL == "" && (channel == "" || user == "")) {
		return
	}
	if err := a.reply(ctx, responseURL, channel, user, plainMessage(text)); err != nil {
		a.logAPIError(err)
	}
}

// interaction handles a button click: feedback or sharing.
func (a *Adapter) interaction(ctx context.Context, cb slackapi.InteractionCallback) {
	if cb.Type != slackapi.InteractionTypeBlockActions {
		a.log.Debug("slack interaction ignored", "type", string(cb.Type))
		return
	}
	channel := orDefault(cb.Channel.ID, cb.Container.ChannelID)
	for _, act := range cb.ActionCallback.BlockActions {
		switch {
		case strings.HasPrefix(act.ActionID, actionHelpful):
			a.feedback(ctx, cb, channel, strings.TrimPrefix(act.ActionID, actionHelpful), true, act.Value)
		case strings.HasPrefix(act.ActionID, actionNotHelpful):
			a.feedback(ctx, cb, channel, strings.TrimPrefix(act.ActionID, actionNotHelpful), false, act.Value)
		case strings.HasPrefix(act.ActionID, actionShare):
			a.share(ctx, cb, channel, strings.TrimPrefix(act.ActionID, actionShare))
		default:
			a.log.Debug("slack action ignored", "action_id", act.ActionID)
		}
	}
}

// feedback records a verdict and tells the clicker, and only the clicker.
func (a *Adapter) feedback(ctx context.Context, cb slackapi.InteractionCallback, channel, replyID string, helpful bool, theme string) {
	if replyID == "" || cb.User.ID == "" {
		return
	}
	err := a.core.Feedback(ctx, bot.Feedback{
		ReplyID:  replyID,
		Platform: bot.Slack,
		User:     cb.User.ID,
		Helpful:  helpful,
		Theme:    theme,
		At:       time.Now(),
	})
	text := msgFeedbackThanks
	if err != nil {
		a.log.Warn("slack feedback not recorded", "reply_id", replyID, "err", err)
		text = msgFeedbackFailed
	}
	a.notify(ctx, cb.ResponseURL, channel, cb.User.ID, text)
}

// share posts a slash-command answer visibly in the channel it was asked in
// and removes the private copy.
func (a *Adapter) share(ctx context.Context, cb slackapi.InteractionCallback, channel, key string) {
	reply, ok := a.replies.get(key)
	if !ok {
		a.notify(ctx, cb.ResponseURL, channel, cb.User.ID, msgShareExpired)
		return
	}
	msgs := render(reply, renderOptions{Feedback: true, SharedBy: cb.User.ID})
	var err error
	for _, m := range msgs {
		if cb.ResponseURL != "" {
			err = a.respond(ctx, cb.ResponseURL, slackapi.ResponseTypeInChannel, m)
		} else {
			_, err = a.postMessage(ctx, channel, "", m)
		}
		if err != nil {
			break
		}
	}
	if err != nil {
		a.logAPIError(err)
		a.notify(ctx, "", channel, cb.User.ID, msgShareFailed)
		return
	}
	if cb.ResponseURL != "" {
		if err := a.deleteOriginal(ctx, cb.ResponseURL); err != nil {
			a.logAPIError(err)
		}
	}
}

func randomKey() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// replyCache keeps the latest slash-command replies for their Share button,
// forgetting the oldest beyond its capacity.
type replyCache struct {
	mu    sync.Mutex
	cap   int
	order []string
	m     map[string]bot.Reply
}

func newReplyCache(capacity int) *replyCache {
	return &replyCache{cap: capacity, m: make(map[string]bot.Reply)}
}

func (c *replyCache) put(key string, r bot.Reply) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[key]; !ok {
		c.order = append(c.order, key)
	}
	c.m[key] = r
	for len(c.order) > c.cap {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
}

func (c *replyCache) get(key string) (bot.Reply, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.m[key]
	return r, ok
}

// threadSet remembers the threads the bot answered in, so replies there are
// taken as follow-ups, forgetting the oldest beyond its capacity.
type threadSet struct {
	mu    sync.Mutex
	cap   int
	order []string
	m     map[string]struct{}
}

func newThreadSet(capacity int) *threadSet {
	return &threadSet{cap: capacity, m: make(map[string]struct{})}
}

func (s *threadSet) add(channel, ts string) {
	key := channel + "/" + ts
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.m[key]; ok {
		return
	}
	s.m[key] = struct{}{}
	s.order = append(s.order, key)
	for len(s.order) > s.cap {
		delete(s.m, s.order[0])
		s.order = s.order[1:]
	}
}

func (s *threadSet) has(channel, ts string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.m[channel+"/"+ts]
	return ok
}
