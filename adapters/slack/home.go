package slack

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	slackapi "github.com/slack-go/slack"
	"golang.org/x/time/rate"

	"github.com/talksbot/talksbot/bot"
)

// The Home tab: on app_home_opened the bot publishes a view of what it
// answers from (the documents and themes, each theme's summary behind a
// button) and how to ask it. A summary button's answer comes as a direct
// message, in the app's Messages tab. The users who opened the tab get the
// view again after a reload of the knowledge base: at most maxHomeUsers of
// them, those who first opened it longest ago forgotten first.

// Home tab limits.
const (
	maxViewBlocks  = 100 // blocks in a view
	maxHomeDocs    = 50  // documents listed; the rest are counted
	maxHomeDocLine = 200 // bytes of one document's line
	maxHomeTitle   = 200 // bytes of a theme's title in its section
	// homePublishesPerMinute keeps republishing within views.publish's
	// rate limit, shared with the tabs being opened.
	homePublishesPerMinute = 50
	homePublishBurst       = 10
)

// maxHomeUsers bounds the users whose Home tab New's adapters publish
// again after a reload. Tests lower it.
var maxHomeUsers = 500

// homeJob is the work of publishing user's Home tab.
func (a *Adapter) homeJob(user string) job {
	return job{kind: "event", run: func(ctx context.Context) {
		// Remembered first: a reload while this view is being published
		// publishes it again.
		a.homeUsers.put(user, struct{}{})
		if err := a.publishHome(ctx, user, homeView(a.knowledge(ctx))); err != nil {
			a.logAPIError(err)
		}
	}}
}

// KnowledgeChanged tells the adapter the knowledge base was reloaded: the
// Home tab of each user who opened it lately is published again, in the
// background, while Run runs. It returns at once, and calls made while a
// republishing is pending count once.
func (a *Adapter) KnowledgeChanged() {
	select {
	case a.homeStale <- struct{}{}:
	default: // one is pending already, and will read the latest knowledge
	}
}

// republishHomes publishes the Home tabs again each time the knowledge
// changed, until ctx is done.
func (a *Adapter) republishHomes(ctx context.Context) {
	limit := rate.NewLimiter(rate.Limit(homePublishesPerMinute/60.0), homePublishBurst)
	for {
		select {
		case <-ctx.Done():
			return
		case <-a.homeStale:
		}
		users := a.homeUsers.list()
		if len(users) == 0 {
			continue
		}
		blocks := homeView(a.knowledge(ctx))
		published := 0
		for _, user := range users {
			if err := limit.Wait(ctx); err != nil {
				return
			}
			if err := a.publishHome(ctx, user, blocks); err != nil {
				a.logAPIError(err)
				continue
			}
			published++
		}
		a.log.Info("slack home tabs published again", "users", published)
	}
}

// homeView is the Home tab: how to ask, the documents and the themes, in at
// most maxViewBlocks blocks; themes that do not fit are counted.
func homeView(kb knowledgeBase) []slackapi.Block {
	blocks := []slackapi.Block{
		slackapi.NewHeaderBlock(plain("talksbot")),
		slackapi.NewSectionBlock(mrkdwn(escape("I answer questions about "+kb.about()+
			", quoting the passages I rely on and naming where each stands.")), nil, nil),
		slackapi.NewHeaderBlock(plain("How to ask")),
		slackapi.NewSectionBlock(mrkdwn(howToAsk), nil, nil),
		slackapi.NewHeaderBlock(plain("Knowledge base")),
	}
	for _, part := range splitLines("*Documents*", documentLines(kb.Sources), maxSectionText) {
		blocks = append(blocks, slackapi.NewSectionBlock(mrkdwn(part), nil, nil))
	}
	blocks = append(blocks,
		slackapi.NewHeaderBlock(plain("Themes")),
		slackapi.NewContextBlock("", mrkdwn("*Summary* sends you the theme's summary in your messages with me.")))
	// One block is kept for the count of the themes left out.
	room := maxViewBlocks - len(blocks) - 1
	for i, th := range kb.Themes {
		if i == room && len(kb.Themes) > room {
			blocks = append(blocks, slackapi.NewContextBlock("", mrkdwn(fmt.Sprintf(
				"…and %d more themes: `/talks themes` lists them all.", len(kb.Themes)-room))))
			break
		}
		blocks = append(blocks, themeSection(th))
	}
	if len(kb.Themes) == 0 {
		blocks = append(blocks, slackapi.NewSectionBlock(mrkdwn("The knowledge base has no themes."), nil, nil))
	}
	return blocks
}

// howToAsk is the Home tab's list of the ways to ask.
const howToAsk = "• *Mention me* in a channel: `@talksbot your question`. I answer in the thread, " +
	"and read follow-ups there in context.\n" +
	"• *Message me* in the Messages tab of this app.\n" +
	"• *Use /talks* anywhere: `/talks ask …`, `/talks summary …`, `/talks themes`, `/talks sources`, " +
	"`/talks help`. Only you see the answer, until you share it.\n" +
	"• *Open the assistant*: talksbot in Slack's AI apps split view. Each conversation is a thread.\n" +
	"• *Ask talksbot about this*: the message shortcut (a message's ⋮ menu) asks me about that message."

// documentLines lists at most maxHomeDocs documents, and counts the rest.
func documentLines(ss []bot.SourceRef) []string {
	lines := sourceLines(ss[:min(len(ss), maxHomeDocs)])
	for i, l := range lines {
		lines[i] = truncate(l, maxHomeDocLine)
	}
	if len(ss) > maxHomeDocs {
		lines = append(lines, fmt.Sprintf("…and %d more: `/talks sources` lists them all.", len(ss)-maxHomeDocs))
	}
	if len(lines) == 0 {
		lines = append(lines, "No documents are loaded.")
	}
	return lines
}

// themeSection shows a theme with a button asking for its summary. The
// button carries the theme's title, which outlasts its number across
// reloads.
func themeSection(th bot.ThemeRef) slackapi.Block {
	title := oneLine(th.Title)
	text := fmt.Sprintf("*%d. %s*", th.Number, truncate(escape(title), maxHomeTitle))
	if d := oneLine(th.Doc); d != "" {
		text += " _(" + truncate(escape(d), maxHomeTitle) + ")_"
	}
	value := truncate(title, maxButtonValue)
	if value == "" {
		value = strconv.Itoa(th.Number)
	}
	button := slackapi.NewButtonBlockElement(actionSummary+strconv.Itoa(th.Number), value, plain("Summary"))
	return slackapi.NewSectionBlock(mrkdwn(text), nil, slackapi.NewAccessory(button))
}

// homeSummary answers a theme's Summary button in the Home tab with the
// summary, sent to the clicker as a direct message.
func (a *Adapter) homeSummary(ctx context.Context, user string, act *slackapi.BlockAction) {
	theme := strings.TrimSpace(act.Value)
	if theme == "" {
		theme = strings.TrimPrefix(act.ActionID, actionSummary)
	}
	reply := a.counted(a.core.Handle(ctx, bot.Request{
		Platform: bot.Slack, User: user, Channel: user, DM: true,
		Command: &bot.Command{Name: "summary", Arg: theme},
	}))
	if ctx.Err() != nil {
		return
	}
	// A direct message's channel is the user's id to chat.postMessage.
	for _, m := range render(reply, renderOptions{Feedback: true}) {
		if _, err := a.postMessage(ctx, user, "", m); err != nil {
			a.logAPIError(err)
			return
		}
	}
}
