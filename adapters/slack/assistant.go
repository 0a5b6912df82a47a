package slack

import (
	"context"
	"fmt"
	"strings"

	slackapi "github.com/slack-go/slack"

	"github.com/talksbot/talksbot/bot"
)

// The assistant view: a user opens talksbot in Slack's split view and each
// conversation is a thread of the direct message with the app. On
// assistant_thread_started the bot greets in the thread and suggests up to
// four prompts (the themes to summarise first, then a question when there is
// room). Questions in the thread are answered as direct messages are, with
// follow-ups read in context; while the bot works the thread's status says
// so instead of a reaction, and the first question titles the thread.

// Wording of the assistant thread.
const (
	promptsTitle   = "Try one of these:"
	statusWorking  = "is looking through the knowledge base…"
	exampleTitle   = "What is it about?"
	exampleMessage = "What is this about?"
	// maxPromptTitle and maxTitle keep prompts and thread titles short
	// enough to read at a glance.
	maxPromptTitle = 75
	maxTitle       = 80
	// keyTitle namespaces the delivery claim of an assistant thread's
	// title: the first question claims it, once, in the store.
	keyTitle = "slack:title:"
)

// loadingMessages rotate under the status while the bot works. Slack takes
// them as one comma-separated list: none may hold a comma.
var loadingMessages = []string{"Reading the question…", "Finding the passages…", "Checking every quote…"}

// assistant reports whether in was asked in an assistant thread: a thread of
// the direct message with the app, which is what the assistant view shows.
func (in inbound) assistant() bool { return in.DM && in.Reply != "" }

// greetJob is the work of greeting a new assistant thread, once per event.
func (a *Adapter) greetJob(eventID, channel, thread string) job {
	return job{
		kind: "event",
		run: func(ctx context.Context) {
			a.once(ctx, eventID, func(ctx context.Context) bool { return a.greet(ctx, channel, thread) })
		},
	}
}

// greet says hello in a new assistant thread and suggests prompts. It
// reports whether the greeting was posted; the prompts are a bonus.
func (a *Adapter) greet(ctx context.Context, channel, thread string) bool {
	kb := a.knowledge(ctx)
	text := "Hi! I answer questions about " + kb.about() + ", quoting the passages I rely on. " +
		"Pick a suggestion or ask your own question; I read follow-ups in this thread with the question before them."
	if _, err := a.postMessage(ctx, channel, thread, plainMessage(text)); err != nil {
		a.logAPIError(err)
		return false
	}
	if prompts := suggestedPrompts(kb.Themes); len(prompts) > 0 {
		if err := a.setPrompts(ctx, channel, thread, promptsTitle, prompts); err != nil {
			a.logAPIError(err)
		}
	}
	return true
}

// suggestedPrompts are up to four prompts: a summary of each theme, in
// order, then a question when there is room.
func suggestedPrompts(themes []bot.ThemeRef) []slackapi.AssistantThreadsPrompt {
	var out []slackapi.AssistantThreadsPrompt
	for _, th := range themes {
		if len(out) == maxPrompts {
			return out
		}
		title := oneLine(th.Title)
		if title == "" {
			continue
		}
		out = append(out, slackapi.AssistantThreadsPrompt{
			Title:   truncateRunes("Summarise: "+title, maxPromptTitle),
			Message: "summary " + title,
		})
	}
	if len(out) < maxPrompts {
		out = append(out, slackapi.AssistantThreadsPrompt{Title: exampleTitle, Message: exampleMessage})
	}
	return out
}

// maxPrompts is how many suggested prompts Slack shows.
const maxPrompts = 4

// startStatus sets the assistant thread's status while the bot works on in,
// and reports whether Slack took it. The returned func clears it.
func (a *Adapter) startStatus(ctx context.Context, in inbound) (stop func(context.Context), ok bool) {
	if err := a.setStatus(ctx, in.Channel, in.Reply, statusWorking, loadingMessages); err != nil {
		a.logAPIError(err)
		return nil, false
	}
	return func(ctx context.Context) {
		if ctx.Err() != nil {
			return
		}
		if err := a.setStatus(ctx, in.Channel, in.Reply, "", nil); err != nil {
			a.logAPIError(err)
		}
	}, true
}

// title names the assistant thread of in after its first question: the
// question as the core understood it, or as asked. The first question of a
// thread is the one that claims the thread's title in the store.
func (a *Adapter) title(ctx context.Context, in inbound, reply bot.Reply) {
	key := keyTitle + in.Channel + "/" + in.Reply
	first, err := a.core.FirstDelivery(ctx, key)
	if err != nil {
		a.log.Warn("slack thread title not claimed", "err", err)
		return
	}
	if !first {
		return
	}
	// Marked done at once: a thread is titled once, even when Slack
	// refuses the title.
	a.done(ctx, key, forgetTimeout)
	title := truncateRunes(oneLine(orDefault(reply.Question, in.Text)), maxTitle)
	if title == "" {
		return
	}
	if err := a.setTitle(ctx, in.Channel, in.Reply, title); err != nil {
		a.logAPIError(err)
	}
}

// truncateRunes shortens plain text to at most n characters, marking the
// cut with an ellipsis.
func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}

// knowledgeBase is what the knowledge base holds, as the core lists it.
type knowledgeBase struct {
	Sources []bot.SourceRef
	Themes  []bot.ThemeRef
}

// knowledge asks the core for the documents and themes it answers from.
// Asked without a user, the listings count against no one's rate limit.
func (a *Adapter) knowledge(ctx context.Context) knowledgeBase {
	sources := a.core.Handle(ctx, bot.Request{Platform: bot.Slack, Command: &bot.Command{Name: "sources"}})
	themes := a.core.Handle(ctx, bot.Request{Platform: bot.Slack, Command: &bot.Command{Name: "themes"}})
	return knowledgeBase{Sources: sources.Sources, Themes: themes.Themes}
}

// about names what the knowledge base is about, for a sentence.
func (kb knowledgeBase) about() string {
	switch len(kb.Sources) {
	case 0:
		return "the documents in my knowledge base"
	case 1:
		return "the article “" + oneLine(orDefault(kb.Sources[0].Title, kb.Sources[0].ID)) + "”"
	}
	return fmt.Sprintf("the %d documents in my knowledge base", len(kb.Sources))
}
