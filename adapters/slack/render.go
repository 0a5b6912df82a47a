package slack

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	slackapi "github.com/slack-go/slack"

	"github.com/talksbot/talksbot/bot"
)

// Block Kit limits the renderer keeps to. Lengths are counted in bytes, which
// is never fewer than the characters Slack counts.
const (
	maxSectionText = 3000  // a section's text
	maxContextText = 2000  // a context element's text
	maxBlocks      = 50    // blocks in one message
	maxMessageText = 12000 // block text in one message, so huge answers are split early
	maxFallback    = 3000  // the notification text
	maxButtonValue = 1000  // a button's value (Slack allows 2000)
	maxSlashParts  = 5     // a response_url takes five posts
	maxActionID    = 255   // a button's action_id
)

// Action ids of the buttons. The feedback ones are followed by the reply id.
const (
	actionHelpful    = "talks_helpful:"
	actionNotHelpful = "talks_not_helpful:"
	actionShare      = "talks_share:"
	// actionFeedback is a feedback_buttons element's, followed by the reply
	// id; the button clicked says the verdict in its value.
	actionFeedback = "talks_feedback:"
	actionSummary  = "talks_summary:" // a Home tab theme's button, followed by its number
)

// Values of the feedback_buttons element's two buttons.
const (
	valueHelpful    = "helpful"
	valueNotHelpful = "not_helpful"
)

// message is one Slack message: Block Kit blocks and the plain-text
// fallback shown in notifications.
type message struct {
	Text   string
	Blocks []slackapi.Block
}

// renderOptions say which buttons a rendered reply carries.
type renderOptions struct {
	Feedback bool   // Helpful / Not helpful, when the reply has an id
	ShareKey string // a "Share in channel" button sharing this key; "" for none
	// ShareThread, when set, is the thread the Share button shares into.
	ShareThread string
	SharedBy    string // the user who shared the reply into the channel
}

// group is blocks that stay in one message (a quote and its citation).
type group struct {
	blocks []slackapi.Block
	text   string // the group's visible text, escaped, for the fallback
	size   int
}

// render turns a Reply into one or more messages within Block Kit's limits,
// the buttons on the last.
func render(r bot.Reply, o renderOptions) []message {
	return withActions(renderBody(r, o.SharedBy), actionBlock(r, o))
}

// withActions appends the buttons (when there are any) to the last message.
func withActions(msgs []message, actions slackapi.Block) []message {
	if actions != nil && len(msgs) > 0 {
		last := &msgs[len(msgs)-1]
		last.Blocks = append(last.Blocks, actions)
	}
	return msgs
}

// capParts keeps at most n of msgs, the last one kept replaced by a note
// that the answer was cut.
func capParts(msgs []message, n int) []message {
	if len(msgs) <= n {
		return msgs
	}
	return append(msgs[:n-1:n-1], plainMessage(msgTruncated))
}

// renderBody renders a reply without its buttons.
func renderBody(r bot.Reply, sharedBy string) []message {
	var gs []group
	add := func(g group) {
		if len(g.blocks) > 0 {
			gs = append(gs, g)
		}
	}
	if sharedBy != "" && validUserID.MatchString(sharedBy) {
		add(contextGroup(fmt.Sprintf("<@%s> shared this answer", sharedBy)))
	}
	text := func() {
		for _, part := range splitText(escape(strings.TrimSpace(r.Text)), maxSectionText) {
			add(sectionGroup(part))
		}
	}
	list := func(head string, lines []string) {
		for _, part := range splitLines(head, lines, maxSectionText) {
			add(sectionGroup(part))
		}
	}
	switch r.Kind {
	case bot.KindAnswer, bot.KindSummary:
		// An extractive answer's text is its quotes run together: show the
		// quotes, each with where it stands, instead of saying it twice.
		if !quotesCoverText(r) {
			text()
		}
		for _, q := range r.Quotes {
			add(quoteGroup(r, q))
		}
		if r.Mode == bot.ModeLLM || len(r.Quotes) == 0 {
			for i, c := range r.Citations {
				add(contextGroup(fmt.Sprintf("[%d] %s", i+1, citationLabel(c))))
			}
		}
		if r.Mode == bot.ModeLLM {
			add(contextGroup("Worded by " + escape(orDefault(r.Model, "a language model")) + " from the passages cited"))
		}
	case bot.KindThemes:
		if len(r.Themes) == 0 {
			text()
			break
		}
		list("*The themes I can summarise:*", themeLines(r.Themes))
	case bot.KindSources:
		if len(r.Sources) == 0 {
			text()
			break
		}
		list("*I answer from:*", sourceLines(r.Sources))
	case bot.KindDeclined, bot.KindHelp:
		text()
		if len(r.Themes) > 0 {
			list("*Themes I can tell you about:*", themeLines(r.Themes))
		}
	default:
		text()
	}
	if len(gs) == 0 {
		add(sectionGroup(escape("(no answer)")))
	}
	return pack(gs)
}

// quotesCoverText reports whether an extractive reply's text says nothing
// its quotes do not.
func quotesCoverText(r bot.Reply) bool {
	if r.Mode == bot.ModeLLM || len(r.Quotes) == 0 {
		return false
	}
	rest := r.Text
	for _, q := range r.Quotes {
		if !strings.Contains(rest, q.Text) {
			return false
		}
		rest = strings.Replace(rest, q.Text, "", 1)
	}
	// A summary of every theme labels its quotes with their sections, which
	// the quotes' citations show anyway.
	for _, c := range r.Citations {
		if c.Section != "" {
			rest = strings.ReplaceAll(rest, c.Section, "")
		}
	}
	// An answer about one theme heads its quotes with the theme's label
	// ("2) Keeping Support At The Top"), which their sections show too.
	for _, t := range r.Themes {
		rest = strings.Replace(rest, fmt.Sprintf("%d) ", t.Number), "", 1)
	}
	return strings.TrimFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) == ""
}

// pack puts groups into messages of at most maxBlocks-1 blocks (one is kept
// for the buttons) and maxMessageText bytes of text.
func pack(gs []group) []message {
	var msgs []message
	var cur message
	var size int
	var texts []string
	flush := func() {
		if len(cur.Blocks) == 0 {
			return
		}
		cur.Text = truncate(strings.Join(texts, "\n"), maxFallback)
		msgs = append(msgs, cur)
		cur, size, texts = message{}, 0, nil
	}
	for _, g := range gs {
		if len(cur.Blocks)+len(g.blocks) > maxBlocks-1 || size+g.size > maxMessageText {
			flush()
		}
		cur.Blocks = append(cur.Blocks, g.blocks...)
		size += g.size
		texts = append(texts, g.text)
	}
	flush()
	return msgs
}

func sectionGroup(text string) group {
	return group{
		blocks: []slackapi.Block{slackapi.NewSectionBlock(mrkdwn(text), nil, nil)},
		text:   text,
		size:   len(text),
	}
}

// contextGroup is one context line; text is mrkdwn, already escaped.
func contextGroup(text string) group {
	text = truncate(text, maxContextText)
	return group{
		blocks: []slackapi.Block{slackapi.NewContextBlock("", mrkdwn(text))},
		text:   text,
		size:   len(text),
	}
}

// quoteGroup renders a quote as a block quote followed by its document and
// section.
func quoteGroup(r bot.Reply, q bot.Quote) group {
	body := strings.Join(strings.Fields(q.Text), " ")
	if body == "" {
		return group{}
	}
	quote := truncate("> "+escape(body), maxSectionText)
	g := sectionGroup(quote)
	if q.Citation >= 0 && q.Citation < len(r.Citations) {
		c := contextGroup(citationLabel(r.Citations[q.Citation]))
		g.blocks = append(g.blocks, c.blocks...)
		g.size += c.size
	}
	return g
}

// citationLabel is "*Title* · Section", escaped.
func citationLabel(c bot.Citation) string {
	label := "*" + escape(orDefault(oneLine(c.Title), c.Doc)) + "*"
	if s := oneLine(c.Section); s != "" {
		label += " · " + escape(s)
	}
	return label
}

func themeLines(ts []bot.ThemeRef) []string {
	lines := make([]string, 0, len(ts))
	for _, t := range ts {
		line := fmt.Sprintf("%d. %s", t.Number, escape(oneLine(t.Title)))
		if d := oneLine(t.Doc); d != "" {
			line += " _(" + escape(d) + ")_"
		}
		lines = append(lines, line)
	}
	return lines
}

func sourceLines(ss []bot.SourceRef) []string {
	lines := make([]string, 0, len(ss))
	for _, s := range ss {
		line := "• *" + escape(orDefault(oneLine(s.Title), s.ID)) + "*"
		if s.Passages > 0 {
			line += " — " + strconv.Itoa(s.Passages) + " passages"
		}
		if src := oneLine(s.Source); src != "" {
			line += " (" + escape(src) + ")"
		}
		lines = append(lines, line)
	}
	return lines
}

// actionBlock holds the reply's buttons, nil when it has none.
func actionBlock(r bot.Reply, o renderOptions) slackapi.Block {
	var buttons []slackapi.BlockElement
	if o.Feedback && r.ID != "" && feedbackKind(r.Kind) {
		theme := ""
		if len(r.Citations) > 0 {
			theme = truncate(r.Citations[0].Section, maxButtonValue)
		}
		buttons = append(buttons,
			slackapi.NewButtonBlockElement(actionHelpful+r.ID, theme, plain("Helpful")),
			slackapi.NewButtonBlockElement(actionNotHelpful+r.ID, theme, plain("Not helpful")),
		)
	}
	if o.ShareKey != "" && r.Kind != bot.KindError {
		// The value says where to share: a thread's ts, or (the key again)
		// the channel.
		buttons = append(buttons, slackapi.NewButtonBlockElement(actionShare+o.ShareKey, orDefault(o.ShareThread, o.ShareKey),
			plain("Share in channel")).WithStyle(slackapi.StylePrimary))
	}
	if len(buttons) == 0 {
		return nil
	}
	return slackapi.NewActionBlock("talks_actions", buttons...)
}

// feedbackBlock holds the feedback buttons Slack shows under an AI app's
// answer (context_actions with feedback_buttons), nil when r takes no
// feedback.
func feedbackBlock(r bot.Reply) slackapi.Block {
	if r.ID == "" || !feedbackKind(r.Kind) {
		return nil
	}
	return slackapi.NewContextActionsBlock("talks_feedback", slackapi.NewFeedbackButtonsBlockElement(actionFeedback+r.ID,
		slackapi.NewFeedbackButton(plain("Helpful"), valueHelpful).WithAccessibilityLabel("This answer was helpful"),
		slackapi.NewFeedbackButton(plain("Not helpful"), valueNotHelpful).WithAccessibilityLabel("This answer was not helpful"),
	))
}

// feedbackKind reports whether users rate replies of kind k.
func feedbackKind(k bot.Kind) bool {
	return k == bot.KindAnswer || k == bot.KindSummary || k == bot.KindDeclined
}

// plainMessage is a one-section message for short notices such as apologies.
func plainMessage(text string) message {
	t := escape(text)
	return message{Text: t, Blocks: []slackapi.Block{slackapi.NewSectionBlock(mrkdwn(t), nil, nil)}}
}

func mrkdwn(s string) *slackapi.TextBlockObject {
	return slackapi.NewTextBlockObject(slackapi.MarkdownType, s, false, false)
}

func plain(s string) *slackapi.TextBlockObject {
	return slackapi.NewTextBlockObject(slackapi.PlainTextType, s, false, false)
}

var mrkdwnEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// escape makes plain text safe in mrkdwn: &, < and > become entities, so no
// text can form a link, a mention or a broadcast.
func escape(s string) string { return mrkdwnEscaper.Replace(s) }

// validUserID matches Slack user ids, which may be put into mrkdwn mentions.
var validUserID = regexp.MustCompile(`^[UW][A-Z0-9]{2,30}$`)

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// splitText cuts escaped text into parts of at most n bytes, preferring
// paragraph, line, sentence and word boundaries, never inside a character
// or an entity.
func splitText(s string, n int) []string {
	var parts []string
	for len(s) > n {
		cut := bestCut(s[:n])
		parts = append(parts, strings.TrimSpace(s[:cut]))
		s = strings.TrimSpace(s[cut:])
	}
	if s = strings.TrimSpace(s); s != "" {
		parts = append(parts, s)
	}
	return parts
}

// bestCut returns where to end a part taken from window.
func bestCut(window string) int {
	half := len(window) / 2
	for _, sep := range []string{"\n\n", "\n", ". ", " "} {
		if i := strings.LastIndex(window, sep); i > half {
			return i + len(sep)
		}
	}
	return safeCut(window, len(window))
}

// safeCut moves a cut at n back to a rune start outside an entity.
func safeCut(s string, n int) int {
	for n > 0 && n < len(s) && !utf8.RuneStart(s[n]) {
		n--
	}
	// An entity is at most "&amp;": if an '&' starts in the last four bytes
	// without its ';', cut before it.
	lo := max(n-4, 0)
	if i := strings.LastIndexByte(s[lo:n], '&'); i >= 0 && !strings.Contains(s[lo+i:n], ";") {
		n = lo + i
	}
	if n == 0 { // a single huge rune or entity cannot happen; guard anyway
		return min(len(s), 1)
	}
	return n
}

// splitLines joins lines under head into parts of at most n bytes; a line
// longer than n is shortened.
func splitLines(head string, lines []string, n int) []string {
	var parts []string
	cur := head
	for _, l := range lines {
		l = truncate(l, n-len(head)-1)
		if len(cur)+1+len(l) > n {
			parts = append(parts, cur)
			cur = head
		}
		cur += "\n" + l
	}
	return append(parts, cur)
}

// truncate shortens escaped text to at most n bytes, marking the cut with an
// ellipsis.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	const ellipsis = "…"
	cut := safeCut(s, n-len(ellipsis))
	return strings.TrimRight(s[:cut], " \n") + ellipsis
}
