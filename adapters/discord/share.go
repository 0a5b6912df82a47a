package discord

import (
	"context"
	"errors"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/talksbot/talksbot/bot"
)

// maxShareKey bounds a Share key: a custom_id holds 100 characters.
const maxShareKey = 100 - len(sharePrefix)

// shareable reports whether a private reply gets a Share button: anything
// but help, which is private everywhere, and errors.
func shareable(r bot.Reply) bool {
	return r.Kind != bot.KindHelp && r.Kind != bot.KindError
}

// saveShare stores reply for its Share button and returns the button's key;
// "" when it could not be stored, and the answer then comes without one.
func (a *Adapter) saveShare(ctx context.Context, reply bot.Reply) string {
	ctx, cancel := context.WithTimeout(ctx, storeTimeout)
	defer cancel()
	key, err := a.core.SaveShare(ctx, reply)
	switch {
	case err != nil:
		a.log.Warn("answer not kept for sharing: no Share button", "reply_id", reply.ID, "err", err)
		return ""
	case !validShareKey(key):
		a.log.Warn("share key unusable in a button: no Share button", "reply_id", reply.ID, "key_len", len(key))
		return ""
	}
	return key
}

// share posts a privately answered reply publicly, as the response to the
// click on its Share button: an app a member installed to their own account
// may answer an interaction visibly where its bot is no member, though it
// may not post to the channel itself. sctx bounds the store's read.
func (a *Adapter) share(ctx, sctx context.Context, in incoming, key string) {
	reply, err := a.core.LoadShare(sctx, key)
	switch {
	case errors.Is(err, bot.ErrNotFound):
		a.log.Debug("shared answer no longer kept", "err", err)
		a.respondEphemeral(ctx, in, msgShareGone)
		return
	case err != nil:
		a.log.Error("load shared answer", "err", err)
		a.respondEphemeral(ctx, in, msgShareFailed)
		return
	}
	// A second click, a double click or another member's, posts nothing
	// more: the answer is in the channel already, or on its way.
	first, err := a.core.FirstDelivery(sctx, keyShare+key)
	switch {
	case err != nil:
		a.log.Error("claim shared answer", "err", err)
		a.respondEphemeral(ctx, in, msgShareFailed)
		return
	case !first:
		a.respondEphemeral(ctx, in, msgShareDone)
		return
	}
	reply.Ephemeral = false
	err = in.first.respond(ctx, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
	})
	if err != nil {
		a.logRESTError("defer share", err)
		a.release(ctx, in.i)
		a.forgetShare(ctx, key)
		return
	}
	if !a.deliver(ctx, in, reply, delivery{limit: messageLimit(in.i), sharedBy: mentionable(interactionUser(in.i))}) {
		a.forgetShare(ctx, key) // the member may share it again
		return
	}
	if err := a.core.DoneDelivery(context.WithoutCancel(ctx), keyShare+key); err != nil {
		a.log.Warn("mark shared answer done", "err", err)
	}
}

// forgetShare releases the claim on posting a shared answer that could not
// be posted.
func (a *Adapter) forgetShare(ctx context.Context, key string) {
	if err := a.core.ForgetDelivery(context.WithoutCancel(ctx), keyShare+key); err != nil {
		a.log.Warn("release shared answer", "err", err)
	}
}

// mentionable returns id when it is a user id Discord could have sent, and
// "" otherwise, so that nothing else ends up in a mention.
func mentionable(id string) string {
	if id == "" || len(id) > 20 || strings.Trim(id, "0123456789") != "" {
		return ""
	}
	return id
}

// parseShareID reads a Share button's custom_id.
func parseShareID(id string) (key string, ok bool) {
	key, found := strings.CutPrefix(id, sharePrefix)
	if !found || !validShareKey(key) {
		return "", false
	}
	return key, true
}

// validShareKey reports whether key fits a custom_id and holds nothing but
// printable ASCII.
func validShareKey(key string) bool {
	if key == "" || len(key) > maxShareKey {
		return false
	}
	for _, r := range key {
		if r <= ' ' || r > '~' {
			return false
		}
	}
	return true
}

// addShareButton puts a Share button beside the feedback buttons of m, or
// in a row of its own.
func addShareButton(m *outMessage, key string) {
	share := discordgo.Button{Label: "Share", Style: discordgo.PrimaryButton, CustomID: sharePrefix + key}
	for i, c := range m.Components {
		if row, ok := c.(discordgo.ActionsRow); ok && len(row.Components) < 5 {
			row.Components = append(row.Components, share)
			m.Components[i] = row
			return
		}
	}
	m.Components = append(m.Components, discordgo.ActionsRow{Components: []discordgo.MessageComponent{share}})
}
