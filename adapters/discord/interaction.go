package discord

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/bwmarrin/discordgo"

	"github.com/talksbot/talksbot/bot"
)

// The application commands the adapter registers: the /talks slash command
// and the "Ask talksbot" message context menu command.
const (
	commandName = "talks"
	menuName    = "Ask talksbot"
)

// Subcommands of /talks and their options.
const (
	subAsk      = "ask"
	subSummary  = "summary"
	subThemes   = "themes"
	subSources  = "sources"
	subHelp     = "help"
	optQuestion = "question"
	optTheme    = "theme"
)

const (
	// maxChoices is the most autocomplete choices Discord accepts.
	maxChoices = 25
	// maxChoiceLen bounds a choice's name and value.
	maxChoiceLen = 100
	// progressInterval spaces the edits showing an answer as it streams in.
	progressInterval = time.Second
	// storeTimeout bounds what the store is asked before an interaction is
	// answered (its delivery claim, a click's feedback): Discord waits three
	// seconds for the first response.
	storeTimeout = 2 * time.Second
	// keyInteraction namespaces the interaction ids claimed in the store,
	// which holds other platforms' delivery keys too.
	keyInteraction = "discord:interaction:"
	// keyShare claims the public post of a shared answer: one per Share
	// button, however often it is clicked and on whichever replica.
	keyShare = "discord:share:"
	// feedbackPrefix starts the custom_id of feedback buttons:
	// "fb:up:<reply id>" or "fb:down:<reply id>".
	feedbackPrefix = "fb:"
	// sharePrefix starts the custom_id of Share buttons: "share:<key>".
	sharePrefix = "share:"
	// maxUserFollowups is the most follow-ups Discord lets an app create
	// for an interaction only a user install authorises.
	maxUserFollowups = 5
)

// Messages users see.
const (
	msgApology         = "Sorry, I couldn't post my answer just now. Please try again in a moment."
	msgUnknownCommand  = "I only know the /talks command. Try /talks help."
	msgThanks          = "Thanks for the feedback!"
	msgFeedbackFailed  = "Sorry, I couldn't record your feedback just now. Please try again later."
	msgUnknownButton   = "That button is no longer valid."
	msgBusy            = "I'm busy right now — please try again in a moment."
	msgProgressPending = " …"
	msgNoText          = "That message has no text I can read as a question (only embeds or attachments). Try /talks ask instead."
	msgShareGone       = "That answer is no longer available to share; please ask again."
	msgShareFailed     = "Sorry, I couldn't share that answer just now. Please try again in a moment."
	msgShareDone       = "That answer is already shared here."
)

// installs and contexts are where the commands may be used: installed to a
// server or to a member's own account, in servers, in DMs with the bot and in
// other DMs and group DMs, so that a member who added talksbot to their
// account can ask anywhere.
var (
	installs = []discordgo.ApplicationIntegrationType{
		discordgo.ApplicationIntegrationGuildInstall,
		discordgo.ApplicationIntegrationUserInstall,
	}
	contexts = []discordgo.InteractionContextType{
		discordgo.InteractionContextGuild,
		discordgo.InteractionContextBotDM,
		discordgo.InteractionContextPrivateChannel,
	}
)

// commands returns the application commands: /talks with its subcommands,
// and the "Ask talksbot" message context menu command.
func commands() []*discordgo.ApplicationCommand {
	return []*discordgo.ApplicationCommand{{
		Type:             discordgo.ChatApplicationCommand,
		Name:             commandName,
		Description:      "Ask about the Vienna nuclear talks, grounded in quoted sources",
		IntegrationTypes: &installs,
		Contexts:         &contexts,
		Options: []*discordgo.ApplicationCommandOption{
			{
				Type:        discordgo.ApplicationCommandOptionSubCommand,
				Name:        subAsk,
				Description: "Ask a question about the talks",
				Options: []*discordgo.ApplicationCommandOption{{
					Type:        discordgo.ApplicationCommandOptionString,
					Name:        optQuestion,
					Description: "Your question, e.g. What has Congress pushed for?",
					Required:    true,
					MaxLength:   bot.MaxInput,
				}},
			},
			{
				Type:        discordgo.ApplicationCommandOptionSubCommand,
				Name:        subSummary,
				Description: "Summarise a theme, or every theme",
				Options: []*discordgo.ApplicationCommandOption{{
					Type:         discordgo.ApplicationCommandOptionString,
					Name:         optTheme,
					Description:  "The theme to summarise; leave empty for all",
					Autocomplete: true,
				}},
			},
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: subThemes, Description: "List the themes I can answer about"},
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: subSources, Description: "List the documents I quote from"},
			{Type: discordgo.ApplicationCommandOptionSubCommand, Name: subHelp, Description: "How to use talksbot"},
		},
	}, {
		Type:             discordgo.MessageApplicationCommand,
		Name:             menuName,
		IntegrationTypes: &installs,
		Contexts:         &contexts,
	}}
}

// responder sends an interaction's initial response: through the REST
// callback for an interaction from the gateway, in the HTTP answer for one
// posted to the interactions endpoint. Everything after it (edits and
// follow-ups) goes through the interaction's webhook either way.
type responder interface {
	respond(ctx context.Context, resp *discordgo.InteractionResponse) error
}

// callbackResponder responds through the REST callback.
type callbackResponder struct {
	s *discordgo.Session
	i *discordgo.Interaction
}

func (r callbackResponder) respond(ctx context.Context, resp *discordgo.InteractionResponse) error {
	return r.s.InteractionRespond(r.i, resp, discordgo.WithContext(ctx))
}

// incoming is one interaction being answered: the session its REST calls go
// through, the interaction, and where its initial response goes.
type incoming struct {
	s     *discordgo.Session
	i     *discordgo.Interaction
	first responder
}

// onInteraction routes slash commands, autocomplete and button clicks from
// the gateway.
func (a *Adapter) onInteraction(work context.Context, s *discordgo.Session, ic *discordgo.InteractionCreate) {
	if ic == nil || ic.Interaction == nil {
		return
	}
	in := incoming{s: s, i: ic.Interaction, first: callbackResponder{s: s, i: ic.Interaction}}
	what, answer := a.answerer(in)
	if answer == nil {
		a.log.Debug("ignoring an interaction", "type", int(in.i.Type))
		return
	}
	a.spawn(work, what, answer)
}

// answerer returns what answers in, and the kind of interaction it is; nil
// for a type the adapter does not answer. Interactions from the gateway and
// from the HTTP endpoint are answered alike. A command or click that was
// responded to is marked done in the store once its answer is posted (or
// given up), so that no delivery of it again is answered.
func (a *Adapter) answerer(in incoming) (string, func(ctx context.Context)) {
	var answer func(ctx context.Context, in incoming)
	what := ""
	switch in.i.Type {
	case discordgo.InteractionApplicationCommand:
		what, answer = "command", a.command
	case discordgo.InteractionMessageComponent:
		what, answer = "component", a.component
	case discordgo.InteractionApplicationCommandAutocomplete:
		// Choices are not claimed: answering them twice is harmless.
		return "autocomplete", func(ctx context.Context) { a.autocomplete(ctx, in) }
	default:
		return "", nil
	}
	return what, func(ctx context.Context) {
		ack := &ackResponder{next: in.first}
		in.first = ack
		answer(ctx, in)
		if ack.acked {
			a.done(ctx, in.i)
		}
	}
}

// ackResponder notes whether the initial response went out.
type ackResponder struct {
	next  responder
	acked bool
}

func (r *ackResponder) respond(ctx context.Context, resp *discordgo.InteractionResponse) error {
	err := r.next.respond(ctx, resp)
	r.acked = r.acked || err == nil
	return err
}

// userInstallOnly reports whether only a user install authorises i: the
// member added talksbot to their account, and the server (if any) did not.
// An interaction without authorizing_integration_owners (sent before Discord
// had user installs) counts as a server install.
func userInstallOnly(i *discordgo.Interaction) bool {
	if len(i.AuthorizingIntegrationOwners) == 0 {
		return false
	}
	_, guild := i.AuthorizingIntegrationOwners[discordgo.ApplicationIntegrationGuildInstall]
	return !guild
}

// private reports whether answers to i are shown only to its user: where the
// bot is not a member (a server that has not installed it, another DM or
// group DM), an answer is private until its user shares it. In a DM with the
// bot, the conversation is private already.
func private(i *discordgo.Interaction) bool {
	return userInstallOnly(i) && i.Context != discordgo.InteractionContextBotDM
}

// messageLimit is how many messages an answer to i may take: the response
// and its follow-ups, of which Discord allows a user install five.
func messageLimit(i *discordgo.Interaction) int {
	if userInstallOnly(i) {
		return 1 + maxUserFollowups
	}
	return maxAnswerMessages
}

// interactionUser returns the id of the user who caused the interaction.
func interactionUser(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}

// parseCommand turns /talks data into a bot.Command; anything unexpected
// becomes help.
func parseCommand(data discordgo.ApplicationCommandInteractionData) bot.Command {
	if len(data.Options) == 0 || data.Options[0] == nil ||
		data.Options[0].Type != discordgo.ApplicationCommandOptionSubCommand {
		return bot.Command{Name: subHelp}
	}
	sub := data.Options[0]
	cmd := bot.Command{Name: sub.Name}
	for _, o := range sub.Options {
		if o == nil {
			continue
		}
		if v, ok := o.Value.(string); ok && (o.Name == optQuestion || o.Name == optTheme) {
			cmd.Arg = strings.TrimSpace(v)
		}
	}
	return cmd
}

// command answers /talks and the "Ask talksbot" message command: deferred
// at once, then the deferred response is edited with the reply. An
// interaction delivered again is not answered again.
func (a *Adapter) command(ctx context.Context, in incoming) {
	sctx, cancel := context.WithTimeout(ctx, storeTimeout)
	first := a.claim(sctx, in.i)
	cancel()
	if !first {
		return
	}
	data, _ := in.i.Data.(discordgo.ApplicationCommandInteractionData)
	var cmd bot.Command
	switch {
	case data.Name == commandName && data.CommandType <= discordgo.ChatApplicationCommand:
		cmd = parseCommand(data)
	case data.Name == menuName && data.CommandType == discordgo.MessageApplicationCommand:
		text, ok := targetText(data, a.ids().user)
		if !ok {
			a.respondEphemeral(ctx, in, msgNoText)
			return
		}
		cmd = bot.Command{Name: subAsk, Arg: text}
	default:
		a.respondEphemeral(ctx, in, msgUnknownCommand)
		return
	}
	a.answer(ctx, in, cmd)
}

// targetText is the text of the message a message command was used on, with
// the bot's own mentions removed; ok is false when it has none (only embeds
// or attachments).
func targetText(data discordgo.ApplicationCommandInteractionData, self string) (string, bool) {
	if data.Resolved == nil {
		return "", false
	}
	m := data.Resolved.Messages[data.TargetID]
	if m == nil {
		return "", false
	}
	text := m.Content
	if self != "" {
		text = stripMention(text, self)
	}
	text = strings.TrimSpace(text)
	return text, text != ""
}

// answer defers the response to a command, waits for a worker, asks the core
// and delivers its reply. Where the answer is private, it comes with a Share
// button.
func (a *Adapter) answer(ctx context.Context, in incoming, cmd bot.Command) {
	i := in.i
	hidden := private(i)
	ephemeral := cmd.Name == subHelp || hidden
	var flags discordgo.MessageFlags
	if ephemeral {
		flags = discordgo.MessageFlagsEphemeral
	}
	err := in.first.respond(ctx, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: flags},
	})
	if err != nil {
		// Without an acknowledged interaction there is nowhere to answer;
		// should Discord deliver it again, that delivery is answered.
		a.logRESTError("defer interaction", err, "command", cmd.Name)
		a.release(ctx, i)
		return
	}
	// Acknowledged, the interaction may wait for a worker: its token
	// stays valid for fifteen minutes.
	release, ok := a.acquire(ctx)
	if !ok {
		a.refused(bot.ProblemBusy)
		a.editResponse(ctx, in, msgBusy)
		return
	}
	defer release()

	user := interactionUser(i)
	dm := i.GuildID == "" && i.Context != discordgo.InteractionContextPrivateChannel
	req := bot.Request{
		Platform: bot.Discord,
		User:     user,
		Channel:  i.ChannelID,
		Thread:   threadKey(i.ChannelID, user, dm),
		DM:       dm,
		Command:  &cmd,
	}
	var prog *bot.Throttle
	if cmd.Name == subAsk || cmd.Name == subSummary {
		prog = bot.NewThrottle(ctx, progressInterval, func(ctx context.Context, text string) {
			content := truncate(escapeMarkdown(text), maxContent-len([]rune(msgProgressPending))) + msgProgressPending
			edit := &discordgo.WebhookEdit{Content: &content, AllowedMentions: allowedMentions()}
			if _, err := in.s.InteractionResponseEdit(i, edit, discordgo.WithContext(ctx)); err != nil {
				a.logRESTError("edit progress", err)
			}
		})
		req.Progress = prog.Update
	}
	reply := a.counted(a.core.Handle(ctx, req))
	prog.Stop()
	out := delivery{ephemeral: ephemeral, limit: messageLimit(i)}
	if hidden && shareable(reply) {
		out.shareKey = a.saveShare(ctx, reply)
	}
	a.deliver(ctx, in, reply, out)
}

// delivery says how a reply goes into a deferred interaction response.
type delivery struct {
	ephemeral bool   // the response was deferred as ephemeral
	limit     int    // the most messages the reply may take, response included
	shareKey  string // a Share button posting the reply publicly; "" for none
	sharedBy  string // the user who shared the reply, named above it; "" when not shared
}

// deliver puts a reply into a deferred interaction response: the first
// message edits the original response, the rest follow up.
func (a *Adapter) deliver(ctx context.Context, in incoming, reply bot.Reply, d delivery) bool {
	i := in.i
	limit := max(d.limit, 1)
	ephemeral := d.ephemeral
	replace := !(reply.Ephemeral && !d.ephemeral)
	if !replace {
		// Ephemerality is fixed when deferring; a reply only the asker
		// should see replaces the public placeholder with private follow-ups.
		limit = max(limit-1, 1)
		ephemeral = true
	}
	msgs := render(reply, limit)
	if d.shareKey != "" {
		addShareButton(&msgs[len(msgs)-1], d.shareKey)
	}
	if d.sharedBy != "" {
		msgs[0].Content = truncate(strings.TrimSpace("Shared by <@"+d.sharedBy+">\n"+msgs[0].Content), maxContent)
	}
	if !replace {
		if err := in.s.InteractionResponseDelete(i, discordgo.WithContext(ctx)); err != nil {
			a.logRESTError("delete deferred response", err, "reply_id", reply.ID)
		}
	} else {
		first := msgs[0]
		msgs = msgs[1:]
		edit := &discordgo.WebhookEdit{
			Content:         &first.Content,
			Embeds:          &first.Embeds,
			Components:      &first.Components,
			AllowedMentions: allowedMentions(),
		}
		if _, err := in.s.InteractionResponseEdit(i, edit, discordgo.WithContext(ctx)); err != nil {
			a.logRESTError("edit response", err, "reply_id", reply.ID)
			a.apologizeInResponse(ctx, in)
			return false
		}
	}
	var flags discordgo.MessageFlags
	if ephemeral {
		flags = discordgo.MessageFlagsEphemeral
	}
	for _, out := range msgs {
		params := &discordgo.WebhookParams{
			Content:         out.Content,
			Embeds:          out.Embeds,
			Components:      out.Components,
			AllowedMentions: allowedMentions(),
			Flags:           flags,
		}
		if _, err := in.s.FollowupMessageCreate(i, true, params, discordgo.WithContext(ctx)); err != nil {
			a.logRESTError("send follow-up", err, "reply_id", reply.ID)
			apology := &discordgo.WebhookParams{Content: msgApology, AllowedMentions: allowedMentions(), Flags: discordgo.MessageFlagsEphemeral}
			if _, err := in.s.FollowupMessageCreate(i, true, apology, discordgo.WithContext(ctx)); err != nil {
				a.logRESTError("send apology", err)
			}
			return false
		}
	}
	a.log.Debug("answered a command", "reply_id", reply.ID, "kind", string(reply.Kind), "private", ephemeral, "shared", d.sharedBy != "")
	return true
}

// apologizeInResponse replaces the deferred response with the short apology.
func (a *Adapter) apologizeInResponse(ctx context.Context, in incoming) {
	a.editResponse(ctx, in, msgApology)
}

// editResponse replaces the deferred response with plain text.
func (a *Adapter) editResponse(ctx context.Context, in incoming, text string) {
	edit := &discordgo.WebhookEdit{
		Content:         &text,
		Embeds:          &[]*discordgo.MessageEmbed{},
		Components:      &[]discordgo.MessageComponent{},
		AllowedMentions: allowedMentions(),
	}
	if _, err := in.s.InteractionResponseEdit(in.i, edit, discordgo.WithContext(ctx)); err != nil {
		a.logRESTError("edit response", err)
	}
}

// respondEphemeral answers an interaction at once with a message only the
// user sees. When Discord refuses the answer, the interaction's claim is
// released, so that a delivery of it again is answered.
func (a *Adapter) respondEphemeral(ctx context.Context, in incoming, text string) {
	err := in.first.respond(ctx, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content:         text,
			Flags:           discordgo.MessageFlagsEphemeral,
			AllowedMentions: allowedMentions(),
		},
	})
	if err != nil {
		a.logRESTError("respond to interaction", err)
		a.release(ctx, in.i)
	}
}

// autocomplete offers the themes matching what the user has typed.
func (a *Adapter) autocomplete(ctx context.Context, in incoming) {
	data, _ := in.i.Data.(discordgo.ApplicationCommandInteractionData)
	typed := focusedValue(data.Options)
	choices := themeChoices(a.core.Themes(), typed)
	err := in.first.respond(ctx, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	})
	if err != nil {
		a.logRESTError("autocomplete", err)
	}
}

// focusedValue finds the option being typed, at any depth.
func focusedValue(opts []*discordgo.ApplicationCommandInteractionDataOption) string {
	for _, o := range opts {
		if o == nil {
			continue
		}
		if o.Focused {
			v, _ := o.Value.(string)
			return v
		}
		if v := focusedValue(o.Options); v != "" {
			return v
		}
	}
	return ""
}

// themeChoices returns up to 25 themes matching typed: every typed word must
// start a word of the theme's title or be its number. Nothing typed offers
// the first themes; nothing matching offers the text as typed, which the
// core matches leniently (stems) or declines with the list of themes.
func themeChoices(themes []bot.ThemeRef, typed string) []*discordgo.ApplicationCommandOptionChoice {
	words := wordsOf(typed)
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	for _, t := range themes {
		if len(choices) == maxChoices {
			break
		}
		if !themeMatches(t, words) {
			continue
		}
		value := t.Title
		if len([]rune(value)) > maxChoiceLen {
			value = strconv.Itoa(t.Number)
		}
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{
			Name:  truncate(strconv.Itoa(t.Number)+". "+t.Title, maxChoiceLen),
			Value: value,
		})
	}
	if len(choices) == 0 {
		if v := truncate(strings.TrimSpace(typed), maxChoiceLen); v != "" {
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: v, Value: v})
		}
	}
	return choices
}

func themeMatches(t bot.ThemeRef, typed []string) bool {
	title := wordsOf(t.Title)
	number := strconv.Itoa(t.Number)
	for _, w := range typed {
		found := w == number
		for _, tw := range title {
			if found {
				break
			}
			found = strings.HasPrefix(tw, w)
		}
		if !found {
			return false
		}
	}
	return true
}

// wordsOf splits s into lower-case words of letters and digits.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// feedbackID returns the custom_id of a feedback button.
func feedbackID(replyID string, helpful bool) string {
	verdict := "down"
	if helpful {
		verdict = "up"
	}
	return feedbackPrefix + verdict + ":" + replyID
}

// parseFeedbackID reads a feedback button's custom_id.
func parseFeedbackID(id string) (replyID string, helpful, ok bool) {
	rest, found := strings.CutPrefix(id, feedbackPrefix)
	if !found {
		return "", false, false
	}
	verdict, replyID, found := strings.Cut(rest, ":")
	if !found || replyID == "" || len(replyID) > 80 {
		return "", false, false
	}
	for _, r := range replyID {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return "", false, false
		}
	}
	switch verdict {
	case "up":
		return replyID, true, true
	case "down":
		return replyID, false, true
	}
	return "", false, false
}

// component answers a button click: Share posts a private answer publicly,
// and a feedback click is recorded, then its user thanked privately. The
// feedback is written before Discord gets any response, so that a click the
// user was thanked for is never lost; when it cannot be written in time, the
// user is told so instead. An interaction delivered again is not recorded or
// answered again.
func (a *Adapter) component(ctx context.Context, in incoming) {
	// The claim and the store's work share one deadline, well inside the
	// three seconds Discord waits for the response.
	sctx, cancel := context.WithTimeout(ctx, storeTimeout)
	defer cancel()
	if !a.claim(sctx, in.i) {
		return
	}
	data, ok := in.i.Data.(discordgo.MessageComponentInteractionData)
	if !ok {
		a.respondEphemeral(ctx, in, msgUnknownButton)
		return
	}
	if key, ok := parseShareID(data.CustomID); ok {
		a.share(ctx, sctx, in, key)
		return
	}
	replyID, helpful, ok := parseFeedbackID(data.CustomID)
	if !ok {
		a.log.Debug("unknown button", "custom_id_len", len(data.CustomID))
		a.respondEphemeral(ctx, in, msgUnknownButton)
		return
	}
	// Theme stays empty: the core fills it in from the reply id.
	err := a.core.Feedback(sctx, bot.Feedback{
		ReplyID:  replyID,
		Platform: bot.Discord,
		User:     interactionUser(in.i),
		Helpful:  helpful,
		At:       time.Now(),
	})
	text := msgThanks
	if err != nil {
		a.log.Error("record feedback", "reply_id", replyID, "err", err)
		text = msgFeedbackFailed
	}
	a.respondEphemeral(ctx, in, text)
}

// claim reports whether the interaction i arrives for the first time,
// recording its id in the store: whether Discord delivers it again or a
// replica sees it too, it is answered once. The store keeps the ids longer
// than the fifteen minutes an interaction can be answered in.
func (a *Adapter) claim(ctx context.Context, i *discordgo.Interaction) bool {
	if i.ID == "" {
		return true
	}
	first, err := a.core.FirstDelivery(ctx, keyInteraction+i.ID)
	switch {
	case err != nil:
		// Answering twice beats never answering.
		a.log.Warn("interaction delivery check failed", "interaction_id", i.ID, "err", err)
		return true
	case !first:
		a.log.Debug("duplicate interaction ignored", "interaction_id", i.ID)
	}
	return first
}

// done marks i answered in the store. It may run when ctx is done already,
// so it has a short context of its own.
func (a *Adapter) done(ctx context.Context, i *discordgo.Interaction) {
	if i.ID == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeTimeout)
	defer cancel()
	if err := a.core.DoneDelivery(ctx, keyInteraction+i.ID); err != nil {
		a.log.Warn("interaction not marked answered", "interaction_id", i.ID, "err", err)
	}
}

// release gives up the claim on i, so that a delivery of it again is taken
// as the first. It may run when ctx is done already, so it has a short
// context of its own.
func (a *Adapter) release(ctx context.Context, i *discordgo.Interaction) {
	if i.ID == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeTimeout)
	defer cancel()
	if err := a.core.ForgetDelivery(ctx, keyInteraction+i.ID); err != nil {
		a.log.Warn("interaction not released for redelivery", "interaction_id", i.ID, "err", err)
	}
}
