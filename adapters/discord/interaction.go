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

// commandName is the one application command the adapter registers.
const commandName = "talks"

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
	// feedbackPrefix starts the custom_id of feedback buttons:
	// "fb:up:<reply id>" or "fb:down:<reply id>".
	feedbackPrefix = "fb:"
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
)

// commands returns the application commands: /talks with its subcommands.
func commands() []*discordgo.ApplicationCommand {
	return []*discordgo.ApplicationCommand{{
		Type:        discordgo.ChatApplicationCommand,
		Name:        commandName,
		Description: "Ask about the Vienna nuclear talks, grounded in quoted sources",
		Contexts: &[]discordgo.InteractionContextType{
			discordgo.InteractionContextGuild,
			discordgo.InteractionContextBotDM,
		},
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
	}}
}

// onInteraction routes slash commands, autocomplete and button clicks.
func (a *Adapter) onInteraction(work context.Context, s *discordgo.Session, ic *discordgo.InteractionCreate) {
	if ic == nil || ic.Interaction == nil {
		return
	}
	i := ic.Interaction
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		a.spawn(work, "command", func(ctx context.Context) { a.command(ctx, s, i) })
	case discordgo.InteractionApplicationCommandAutocomplete:
		a.spawn(work, "autocomplete", func(ctx context.Context) { a.autocomplete(ctx, s, i) })
	case discordgo.InteractionMessageComponent:
		a.spawn(work, "component", func(ctx context.Context) { a.component(ctx, s, i) })
	default:
		a.log.Debug("ignoring an interaction", "type", int(i.Type))
	}
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

// command answers /talks: deferred at once, then the deferred response is
// edited with the reply. An interaction delivered again is not answered
// again.
func (a *Adapter) command(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction) {
	sctx, cancel := context.WithTimeout(ctx, storeTimeout)
	first := a.claim(sctx, i)
	cancel()
	if !first {
		return
	}
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok || data.Name != commandName {
		a.respondEphemeral(ctx, s, i, msgUnknownCommand)
		return
	}
	cmd := parseCommand(data)
	ephemeral := cmd.Name == subHelp
	var flags discordgo.MessageFlags
	if ephemeral {
		flags = discordgo.MessageFlagsEphemeral
	}
	err := s.InteractionRespond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: flags},
	}, discordgo.WithContext(ctx))
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
		a.editResponse(ctx, s, i, msgBusy)
		return
	}
	defer release()

	user := interactionUser(i)
	dm := i.GuildID == ""
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
			if _, err := s.InteractionResponseEdit(i, edit, discordgo.WithContext(ctx)); err != nil {
				a.logRESTError("edit progress", err)
			}
		})
		req.Progress = prog.Update
	}
	reply := a.counted(a.core.Handle(ctx, req))
	prog.Stop()
	a.deliver(ctx, s, i, reply, ephemeral)
}

// deliver puts a reply into a deferred interaction response: the first
// message edits the original response, the rest follow up.
func (a *Adapter) deliver(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, reply bot.Reply, deferredEphemeral bool) {
	msgs := render(reply)
	ephemeral := deferredEphemeral
	if reply.Ephemeral && !deferredEphemeral {
		// Ephemerality is fixed when deferring; a reply only the asker
		// should see replaces the public placeholder with private follow-ups.
		if err := s.InteractionResponseDelete(i, discordgo.WithContext(ctx)); err != nil {
			a.logRESTError("delete deferred response", err, "reply_id", reply.ID)
		}
		ephemeral = true
	} else {
		first := msgs[0]
		msgs = msgs[1:]
		edit := &discordgo.WebhookEdit{
			Content:         &first.Content,
			Embeds:          &first.Embeds,
			Components:      &first.Components,
			AllowedMentions: allowedMentions(),
		}
		if _, err := s.InteractionResponseEdit(i, edit, discordgo.WithContext(ctx)); err != nil {
			a.logRESTError("edit response", err, "reply_id", reply.ID)
			a.apologizeInResponse(ctx, s, i)
			return
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
		if _, err := s.FollowupMessageCreate(i, true, params, discordgo.WithContext(ctx)); err != nil {
			a.logRESTError("send follow-up", err, "reply_id", reply.ID)
			apology := &discordgo.WebhookParams{Content: msgApology, AllowedMentions: allowedMentions(), Flags: discordgo.MessageFlagsEphemeral}
			if _, err := s.FollowupMessageCreate(i, true, apology, discordgo.WithContext(ctx)); err != nil {
				a.logRESTError("send apology", err)
			}
			return
		}
	}
	a.log.Debug("answered a command", "reply_id", reply.ID, "kind", string(reply.Kind))
}

// apologizeInResponse replaces the deferred response with the short apology.
func (a *Adapter) apologizeInResponse(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction) {
	a.editResponse(ctx, s, i, msgApology)
}

// editResponse replaces the deferred response with plain text.
func (a *Adapter) editResponse(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, text string) {
	edit := &discordgo.WebhookEdit{
		Content:         &text,
		Embeds:          &[]*discordgo.MessageEmbed{},
		Components:      &[]discordgo.MessageComponent{},
		AllowedMentions: allowedMentions(),
	}
	if _, err := s.InteractionResponseEdit(i, edit, discordgo.WithContext(ctx)); err != nil {
		a.logRESTError("edit response", err)
	}
}

// respondEphemeral answers an interaction at once with a message only the
// user sees. When Discord refuses the answer, the interaction's claim is
// released, so that a delivery of it again is answered.
func (a *Adapter) respondEphemeral(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, text string) {
	err := s.InteractionRespond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content:         text,
			Flags:           discordgo.MessageFlagsEphemeral,
			AllowedMentions: allowedMentions(),
		},
	}, discordgo.WithContext(ctx))
	if err != nil {
		a.logRESTError("respond to interaction", err)
		a.release(ctx, i)
	}
}

// autocomplete offers the themes matching what the user has typed.
func (a *Adapter) autocomplete(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction) {
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return
	}
	typed := focusedValue(data.Options)
	choices := themeChoices(a.core.Themes(), typed)
	err := s.InteractionRespond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}, discordgo.WithContext(ctx))
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

// component records a feedback button click, then thanks the user
// privately. The feedback is written before Discord gets any response, so
// that a click the user was thanked for is never lost; when it cannot be
// written in time, the user is told so instead. An interaction delivered
// again is not recorded or answered again.
func (a *Adapter) component(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction) {
	// The claim and the write share one deadline, well inside the three
	// seconds Discord waits for the response.
	sctx, cancel := context.WithTimeout(ctx, storeTimeout)
	defer cancel()
	if !a.claim(sctx, i) {
		return
	}
	data, ok := i.Data.(discordgo.MessageComponentInteractionData)
	if !ok {
		a.respondEphemeral(ctx, s, i, msgUnknownButton)
		return
	}
	replyID, helpful, ok := parseFeedbackID(data.CustomID)
	if !ok {
		a.log.Debug("unknown button", "custom_id_len", len(data.CustomID))
		a.respondEphemeral(ctx, s, i, msgUnknownButton)
		return
	}
	// Theme stays empty: the core fills it in from the reply id.
	err := a.core.Feedback(sctx, bot.Feedback{
		ReplyID:  replyID,
		Platform: bot.Discord,
		User:     interactionUser(i),
		Helpful:  helpful,
		At:       time.Now(),
	})
	text := msgThanks
	if err != nil {
		a.log.Error("record feedback", "reply_id", replyID, "err", err)
		text = msgFeedbackFailed
	}
	a.respondEphemeral(ctx, s, i, text)
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
