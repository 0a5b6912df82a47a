package discord

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/talksbot/talksbot/bot"
)

// Discord's message and embed limits, in characters.
const (
	maxContent     = 2000
	maxDescription = 4096
	maxFields      = 25
	maxEmbedTotal  = 6000
	maxTitle       = 256
	maxFieldName   = 256
	maxFieldValue  = 1024
)

// embedColor marks talksbot's embeds.
const embedColor = 0x2b6cb0

// msgNothing stands in for a reply with nothing to show: Discord rejects empty
// messages.
const msgNothing = "Sorry, I have nothing to show for that."

// outMessage is one Discord message of a rendered reply.
type outMessage struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
}

// render turns a reply into one or more Discord messages within Discord's
// limits: answers and summaries as embeds with the quotes as fields and
// feedback buttons, everything else as plain text.
func render(r bot.Reply) []outMessage {
	var msgs []outMessage
	switch r.Kind {
	case bot.KindAnswer, bot.KindSummary:
		msgs = renderAnswer(r)
	default:
		msgs = renderPlain(r)
	}
	if len(msgs) == 0 {
		msgs = []outMessage{{Content: msgNothing}}
	}
	for i := range msgs {
		if msgs[i].Embeds == nil {
			msgs[i].Embeds = []*discordgo.MessageEmbed{}
		}
		if msgs[i].Components == nil {
			msgs[i].Components = []discordgo.MessageComponent{}
		}
	}
	return msgs
}

// renderAnswer renders an answer or summary: one embed per message, the text
// split across as many as it needs, the title on the first, the quoted
// passages and the footer on the last, with the feedback buttons.
func renderAnswer(r bot.Reply) []outMessage {
	title := answerTitle(r)
	text := r.Text
	if onlyQuotes(r) {
		// The quote fields below say it all, with their sources.
		text = ""
	}
	chunks := splitText(escapeMarkdown(text), maxDescription)
	if len(chunks) == 0 {
		chunks = []string{""}
	}
	msgs := make([]outMessage, 0, len(chunks))
	for i, c := range chunks {
		e := &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Description: c, Color: embedColor}
		if i == 0 {
			e.Title = title
		}
		msgs = append(msgs, outMessage{Embeds: []*discordgo.MessageEmbed{e}})
	}
	last := msgs[len(msgs)-1].Embeds[0]
	footer := answerFooter(r)
	budget := maxEmbedTotal - embedSize(last) - runeLen(footer)
	for _, f := range quoteFields(r) {
		if len(last.Fields) == maxFields {
			break
		}
		n := runeLen(f.Name) + runeLen(f.Value)
		if n > budget {
			break
		}
		budget -= n
		last.Fields = append(last.Fields, f)
	}
	if footer != "" {
		last.Footer = &discordgo.MessageEmbedFooter{Text: footer}
	}
	if last.Title == "" && last.Description == "" && len(last.Fields) == 0 {
		last.Description = msgNothing
	}
	if r.ID != "" {
		msgs[len(msgs)-1].Components = feedbackButtons(r.ID)
	}
	return msgs
}

// onlyQuotes reports whether an extractive reply's text is nothing but its
// quotes, as it is when no LLM worded the answer.
func onlyQuotes(r bot.Reply) bool {
	if r.Mode == bot.ModeLLM || len(r.Quotes) == 0 {
		return false
	}
	rest := r.Text
	for _, q := range r.Quotes {
		i := strings.Index(rest, q.Text)
		if q.Text == "" || i < 0 {
			return false
		}
		rest = rest[:i] + rest[i+len(q.Text):]
	}
	return strings.TrimFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) == ""
}

func answerTitle(r bot.Reply) string {
	var t string
	switch {
	case r.Kind == bot.KindSummary && len(r.Themes) == 1:
		t = "Summary: " + r.Themes[0].Title
	case r.Kind == bot.KindSummary:
		t = "Summary"
	default:
		t = r.Question
	}
	return truncate(escapeMarkdown(t), maxTitle)
}

func answerFooter(r bot.Reply) string {
	if r.Mode == bot.ModeLLM {
		if r.Model != "" {
			return "Worded by " + truncate(r.Model, 100) + " from the quoted passages"
		}
		return "Worded by a language model from the quoted passages"
	}
	return "Quoted from the knowledge base"
}

// quoteFields renders each quote (or, without quotes, each citation) as a
// field naming its document and section.
func quoteFields(r bot.Reply) []*discordgo.MessageEmbedField {
	var fields []*discordgo.MessageEmbedField
	if len(r.Quotes) > 0 {
		for _, q := range r.Quotes {
			var c bot.Citation
			if q.Citation >= 0 && q.Citation < len(r.Citations) {
				c = r.Citations[q.Citation]
			}
			fields = append(fields, quoteField(q.Citation+1, c, q.Text))
		}
		return fields
	}
	for i, c := range r.Citations {
		fields = append(fields, quoteField(i+1, c, c.Text))
	}
	return fields
}

func quoteField(n int, c bot.Citation, text string) *discordgo.MessageEmbedField {
	where := c.Title
	if c.Section != "" {
		if where != "" {
			where += " — "
		}
		where += c.Section
	}
	if where == "" {
		where = "Source"
	}
	name := truncate(fmt.Sprintf("[%d] %s", n, escapeMarkdown(where)), maxFieldName)
	value := truncate(quoteBlock(escapeMarkdown(text)), maxFieldValue)
	if strings.TrimSpace(value) == "" {
		value = "—"
	}
	return &discordgo.MessageEmbedField{Name: name, Value: value}
}

// quoteBlock prefixes every line with Discord's block quote marker.
func quoteBlock(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}

func feedbackButtons(replyID string) []discordgo.MessageComponent {
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Helpful", Style: discordgo.SuccessButton, Emoji: &discordgo.ComponentEmoji{Name: "👍"}, CustomID: feedbackID(replyID, true)},
		discordgo.Button{Label: "Not helpful", Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "👎"}, CustomID: feedbackID(replyID, false)},
	}}}
}

// renderPlain renders declines, theme and source lists, help and errors as
// plain text split into messages of at most 2,000 characters. Declines list
// the themes and never show sources.
func renderPlain(r bot.Reply) []outMessage {
	var b strings.Builder
	b.WriteString(escapeMarkdown(strings.TrimSpace(r.Text)))
	section := func(heading string) {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		if heading != "" {
			b.WriteString("**" + heading + "**\n")
		}
	}
	switch r.Kind {
	case bot.KindDeclined, bot.KindThemes, bot.KindHelp:
		if len(r.Themes) > 0 {
			heading := "Themes"
			if r.Kind == bot.KindDeclined {
				heading = "What I can answer about"
			}
			section(heading)
			for i, t := range r.Themes {
				if i > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(strconv.Itoa(t.Number) + ". " + escapeMarkdown(t.Title))
				if t.Doc != "" {
					b.WriteString(" — *" + escapeMarkdown(t.Doc) + "*")
				}
			}
		}
	case bot.KindSources:
		if len(r.Sources) > 0 {
			section("Sources")
			for i, src := range r.Sources {
				if i > 0 {
					b.WriteByte('\n')
				}
				b.WriteString("• " + escapeMarkdown(src.Title))
				if src.Passages > 0 {
					fmt.Fprintf(&b, " (%d passages)", src.Passages)
				}
				if src.Source != "" {
					b.WriteString(" — " + escapeMarkdown(src.Source))
				}
			}
		}
	}
	var msgs []outMessage
	for _, c := range splitText(b.String(), maxContent) {
		msgs = append(msgs, outMessage{Content: c})
	}
	return msgs
}

// markdownSpecial are the characters escaped in quoted and user-facing plain
// text so Discord shows them as written.
const markdownSpecial = "\\*_~`|>[]<"

// escapeMarkdown escapes Discord markdown in plain text: emphasis, strike,
// code, spoilers, quotes, links and mentions everywhere, headings and list
// markers at the start of a line.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	lineStart := true
	for _, r := range s {
		switch {
		case strings.ContainsRune(markdownSpecial, r):
			b.WriteByte('\\')
		case lineStart && (r == '#' || r == '-' || r == '+'):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
		switch {
		case r == '\n':
			lineStart = true
		case r == ' ' || r == '\t':
			// leading spaces keep a line marker meaningful
		default:
			lineStart = false
		}
	}
	return b.String()
}

// splitText splits escaped markdown s into chunks of at most limit
// characters, preferring paragraph, then line, then word boundaries, and never
// splitting an escape sequence. Chunks are trimmed, empty ones dropped, and a
// chunk that now starts with a line marker gets it escaped.
func splitText(s string, limit int) []string {
	rs := []rune(strings.TrimSpace(s))
	var chunks []string
	for len(rs) > 0 {
		if len(rs) <= limit {
			chunks = append(chunks, string(rs))
			break
		}
		// One character is kept free for escaping the next chunk's start.
		cut := cutPoint(rs[:limit-1])
		if chunk := strings.TrimSpace(string(rs[:cut])); chunk != "" {
			chunks = append(chunks, chunk)
		}
		rs = []rune(strings.TrimLeft(string(rs[cut:]), " \t\n"))
		if len(rs) > 0 && (rs[0] == '#' || rs[0] == '-' || rs[0] == '+') {
			rs = append([]rune{'\\'}, rs...)
		}
	}
	return chunks
}

// cutPoint picks where to end a chunk of the runes rs (already at the limit).
func cutPoint(rs []rune) int {
	least := len(rs) / 2 // a boundary in the first half makes too short a chunk
	s := string(rs)
	for _, sep := range []string{"\n\n", "\n", " "} {
		if i := strings.LastIndex(s, sep); i > 0 {
			if n := runeLen(s[:i]); n >= least {
				return n
			}
		}
	}
	// Hard cut: do not separate a backslash from the character it escapes.
	cut := len(rs)
	backslashes := 0
	for j := cut - 1; j >= 0 && rs[j] == '\\'; j-- {
		backslashes++
	}
	if backslashes%2 == 1 {
		cut--
	}
	return cut
}

// truncate shortens s to at most n characters, ending with "…" when cut.
func truncate(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	cut := n - 1
	// Do not leave a dangling escape backslash before the ellipsis.
	backslashes := 0
	for j := cut - 1; j >= 0 && rs[j] == '\\'; j-- {
		backslashes++
	}
	if backslashes%2 == 1 {
		cut--
	}
	return string(rs[:cut]) + "…"
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// embedSize counts the characters Discord counts against an embed's 6,000.
func embedSize(e *discordgo.MessageEmbed) int {
	n := runeLen(e.Title) + runeLen(e.Description)
	for _, f := range e.Fields {
		n += runeLen(f.Name) + runeLen(f.Value)
	}
	if e.Footer != nil {
		n += runeLen(e.Footer.Text)
	}
	if e.Author != nil {
		n += runeLen(e.Author.Name)
	}
	return n
}
