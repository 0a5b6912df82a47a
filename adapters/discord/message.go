package discord

import (
	"context"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/talksbot/talksbot/bot"
)

// onMessage answers a mention in a guild channel or a direct message; it
// ignores bots (itself included), webhooks, system messages and guild
// messages that do not mention the bot.
func (a *Adapter) onMessage(work context.Context, s *discordgo.Session, m *discordgo.MessageCreate) {
	if m == nil || m.Message == nil || m.Author == nil {
		return
	}
	msg := m.Message
	self := a.ids().user
	if self == "" || msg.Author.Bot || msg.Author.ID == self || msg.WebhookID != "" {
		return
	}
	if msg.Type != discordgo.MessageTypeDefault && msg.Type != discordgo.MessageTypeReply {
		return
	}
	dm := msg.GuildID == ""
	if !dm && !mentions(msg, self) {
		return
	}
	a.spawn(work, "message", func(ctx context.Context) {
		release, ok := a.acquire(ctx)
		if !ok {
			a.refused(bot.ProblemBusy)
			a.replyBusy(ctx, s, msg, dm)
			return
		}
		defer release()
		a.answerMessage(ctx, s, msg, dm, self)
	})
}

// mentions reports whether msg mentions the user self.
func mentions(msg *discordgo.Message, self string) bool {
	for _, u := range msg.Mentions {
		if u != nil && u.ID == self {
			return true
		}
	}
	return strings.Contains(msg.Content, "<@"+self+">") || strings.Contains(msg.Content, "<@!"+self+">")
}

// stripMention removes the bot's mentions (<@id> and <@!id>) and tidies the
// spaces left behind.
func stripMention(text, self string) string {
	text = strings.ReplaceAll(text, "<@!"+self+">", " ")
	text = strings.ReplaceAll(text, "<@"+self+">", " ")
	return strings.Join(strings.Fields(text), " ")
}

// threadKey is the conversation a message or command belongs to, for
// follow-ups: the DM channel itself, or the asker's conversation in a guild
// channel (or Discord thread), so two people in one channel keep separate
// contexts.
func threadKey(channelID, userID string, dm bool) string {
	if dm {
		return channelID
	}
	return channelID + ":" + userID
}

func (a *Adapter) answerMessage(ctx context.Context, s *discordgo.Session, msg *discordgo.Message, dm bool, self string) {
	req := bot.Request{
		Platform: bot.Discord,
		User:     msg.Author.ID,
		Channel:  msg.ChannelID,
		Thread:   threadKey(msg.ChannelID, msg.Author.ID, dm),
		DM:       dm,
		Text:     stripMention(msg.Content, self),
	}
	stopTyping := a.typing(ctx, s, msg.ChannelID)
	reply := a.counted(a.core.Handle(ctx, req))
	stopTyping()

	ref := reference(msg, dm)
	for i, out := range render(reply, maxAnswerMessages) {
		send := &discordgo.MessageSend{
			Content:         out.Content,
			Embeds:          out.Embeds,
			Components:      out.Components,
			AllowedMentions: allowedMentions(),
		}
		if i == 0 {
			send.Reference = ref
		}
		if _, err := s.ChannelMessageSendComplex(msg.ChannelID, send, discordgo.WithContext(ctx)); err != nil {
			a.logRESTError("send reply", err, "reply_id", reply.ID)
			a.apologizeInChannel(ctx, s, msg.ChannelID)
			return
		}
	}
	a.log.Debug("answered a message", "reply_id", reply.ID, "kind", string(reply.Kind), "dm", dm)
}

// reference makes a reply in a guild channel answer the message that asked;
// in a DM the reply simply follows.
func reference(msg *discordgo.Message, dm bool) *discordgo.MessageReference {
	if dm {
		return nil
	}
	return &discordgo.MessageReference{
		MessageID:       msg.ID,
		ChannelID:       msg.ChannelID,
		GuildID:         msg.GuildID,
		FailIfNotExists: new(false), // still answer if the question was deleted
	}
}

// replyBusy tells the asker that every worker is taken.
func (a *Adapter) replyBusy(ctx context.Context, s *discordgo.Session, msg *discordgo.Message, dm bool) {
	send := &discordgo.MessageSend{Content: msgBusy, Reference: reference(msg, dm), AllowedMentions: allowedMentions()}
	if _, err := s.ChannelMessageSendComplex(msg.ChannelID, send, discordgo.WithContext(ctx)); err != nil {
		a.logRESTError("send busy reply", err)
	}
}

// apologizeInChannel posts the short apology users get when a reply could not
// be posted, without a reference in case the reference was the problem.
func (a *Adapter) apologizeInChannel(ctx context.Context, s *discordgo.Session, channelID string) {
	send := &discordgo.MessageSend{Content: msgApology, AllowedMentions: allowedMentions()}
	if _, err := s.ChannelMessageSendComplex(channelID, send, discordgo.WithContext(ctx)); err != nil {
		a.logRESTError("send apology", err)
	}
}

// typingRefresh is how often the typing indicator is renewed while an answer
// is still being worked on.
const typingRefresh = 8 * time.Second

// typing shows the typing indicator in a channel once the answer has taken
// longer than the typing delay (at once when it is zero, never when it is
// negative); the returned function stops waiting and must be called once the
// answer is ready.
func (a *Adapter) typing(ctx context.Context, s *discordgo.Session, channelID string) (stop func()) {
	delay := a.typingDelay
	send := func() {
		if err := s.ChannelTyping(channelID, discordgo.WithContext(ctx)); err != nil {
			a.logRESTError("typing indicator", err)
		}
	}
	switch {
	case delay < 0:
		return func() {}
	case delay == 0:
		send()
		return func() {}
	}
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTimer(delay)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				send()
				// Discord shows the indicator for about ten seconds.
				t.Reset(typingRefresh)
			case <-quit:
				return
			case <-ctx.Done():
				return
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}

// allowedMentions keeps every reply from pinging anyone but the asker of a
// replied-to message: quoted text and user input may hold @everyone or ids.
func allowedMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}, RepliedUser: true}
}
