package discord

import (
	"fmt"
	"regexp"
	"slices"
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

// render turns a reply into at most limit (at least one) Discord messages
// within Discord's limits: answers and summaries as embeds with the quotes
// as fields and feedback buttons, everything else as plain text.
func render(r bot.Reply, limit int) []outMessage {
	limit = max(limit, 1)
	var msgs []outMessage
	switch r.Kind {
	case bot.KindAnswer, bot.KindSummary:
		msgs = renderAnswer(r, limit)
	default:
		msgs = renderPlain(r, limit)
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

// maxAnswerMessages bounds the messages one reply takes; quotes that do not
// fit are counted in the footer rather than dropped silently.
const maxAnswerMessages = 8

// renderAnswer renders an answer or summary in at most limit messages: one
// embed per message, the text split across as many as it needs, the title on
// the first; then the quoted passages as fields, spilling into further
// messages past 25 fields or 6,000 characters; the footer and the feedback
// buttons on the last.
func renderAnswer(r bot.Reply, limit int) []outMessage {
	chunks := splitText(escapeMarkdown(answerText(r)), maxDescription)
	if len(chunks) == 0 {
		chunks = []string{""}
	}
	if len(chunks) > limit {
		chunks = chunks[:limit]
		chunks[limit-1] = cutShort(chunks[limit-1], maxDescription)
	}
	newEmbed := func(description string) *discordgo.MessageEmbed {
		return &discordgo.MessageEmbed{Type: discordgo.EmbedTypeRich, Description: description, Color: embedColor}
	}
	msgs := make([]outMessage, 0, len(chunks)+1)
	for _, c := range chunks {
		msgs = append(msgs, outMessage{Embeds: []*discordgo.MessageEmbed{newEmbed(c)}})
	}
	msgs[0].Embeds[0].Title = answerTitle(r)

	footer := answerFooter(r)
	// Room for the footer and a note on quotes left out, on any embed that
	// may turn out to be the last.
	reserve := runeLen(footer) + runeLen(omittedNote(999))
	fields := quoteFields(r)
	cur := msgs[len(msgs)-1].Embeds[0]
	omitted := 0
	for i, f := range fields {
		n := runeLen(f.Name) + runeLen(f.Value)
		if len(cur.Fields) == maxFields || embedSize(cur)+n+reserve > maxEmbedTotal {
			if len(msgs) == limit {
				omitted = len(fields) - i
				break
			}
			cur = newEmbed("")
			msgs = append(msgs, outMessage{Embeds: []*discordgo.MessageEmbed{cur}})
		}
		cur.Fields = append(cur.Fields, f)
	}
	if omitted > 0 {
		footer = omittedNote(omitted) + footer
	}
	if footer != "" {
		cur.Footer = &discordgo.MessageEmbedFooter{Text: footer}
	}
	if len(msgs) == 1 && cur.Title == "" && cur.Description == "" && len(cur.Fields) == 0 {
		cur.Description = msgNothing
	}
	if r.ID != "" {
		msgs[len(msgs)-1].Components = feedbackButtons(r.ID)
	}
	return msgs
}

// omittedNote starts the footer of an answer whose last n quotes did not fit.
func omittedNote(n int) string {
	if n == 1 {
		return "…and 1 more quote not shown · "
	}
	return fmt.Sprintf("…and %d more quotes not shown · ", n)
}

// answerText is what an answer or summary says beyond its quotes: all of an
// LLM's wording, and of an extractive reply only the lines that are not its
// quotes run together (with a theme or section label, as in a summary of
// every theme), since the quote fields show those with their sources.
func answerText(r bot.Reply) string {
	if r.Mode == bot.ModeLLM || len(r.Quotes) == 0 {
		return r.Text
	}
	var labels []string
	for _, c := range r.Citations {
		if c.Section != "" {
			labels = append(labels, c.Section)
		}
	}
	for _, t := range r.Themes {
		if t.Title != "" {
			labels = append(labels, t.Title)
		}
	}
	used := make([]bool, len(r.Quotes))
	var kept []string
	for line := range strings.Lines(r.Text) {
		rest := line
		quoted := false
		for i, q := range r.Quotes {
			if used[i] || q.Text == "" || !strings.Contains(rest, q.Text) {
				continue
			}
			rest = strings.Replace(rest, q.Text, "", 1)
			used[i], quoted = true, true
		}
		if quoted {
			for _, l := range labels {
				rest = strings.Replace(rest, l, "", 1)
			}
			if blank(rest) {
				continue
			}
		}
		kept = append(kept, strings.TrimRight(line, "\n"))
	}
	return strings.TrimSpace(strings.Join(kept, "\n"))
}

// blank reports whether s holds nothing but spaces and punctuation.
func blank(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) == ""
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
// field labelled [n] after its citation and naming its document and section.
// An LLM's text cites passages as [n]; a cited passage no quote stands in
// gets a field of its own, so every marker points at something shown.
func quoteFields(r bot.Reply) []*discordgo.MessageEmbedField {
	var fields []*discordgo.MessageEmbedField
	if len(r.Quotes) == 0 {
		for i, c := range r.Citations {
			fields = append(fields, quoteField(i+1, c, c.Text))
		}
		return fields
	}
	quoted := make(map[int]bool, len(r.Quotes))
	for _, q := range r.Quotes {
		var c bot.Citation
		if q.Citation >= 0 && q.Citation < len(r.Citations) {
			c = r.Citations[q.Citation]
			quoted[q.Citation] = true
		}
		fields = append(fields, quoteField(q.Citation+1, c, q.Text))
	}
	if r.Mode != bot.ModeLLM {
		return fields
	}
	for _, n := range citedNumbers(r.Text, len(r.Citations)) {
		if !quoted[n-1] {
			c := r.Citations[n-1]
			fields = append(fields, quoteField(n, c, c.Text))
		}
	}
	return fields
}

// citeMarker matches a citation marker in an LLM's text: [1], [1, 2].
var citeMarker = regexp.MustCompile(`\[\s*\d+(?:\s*,\s*\d+)*\s*\]`)

// citedNumbers returns the citation numbers (1 to n) that text cites, in
// increasing order, each once.
func citedNumbers(text string, n int) []int {
	seen := make(map[int]bool)
	var out []int
	for _, m := range citeMarker.FindAllString(text, -1) {
		for part := range strings.SplitSeq(strings.Trim(m, "[] "), ",") {
			k, err := strconv.Atoi(strings.TrimSpace(part))
			if err == nil && k >= 1 && k <= n && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	slices.Sort(out)
	return out
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
// plain text split into at most limit messages of at most 2,000 characters,
// the last cut short with "…" when more would be needed. Declines list the
// themes and never show sources.
func renderPlain(r bot.Reply, limit int) []outMessage {
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
	chunks := splitText(b.String(), maxContent)
	if len(chunks) > limit {
		chunks = chunks[:limit]
		chunks[limit-1] = cutShort(chunks[limit-1], maxContent)
	}
	var msgs []outMessage
	for _, c := range chunks {
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

// cutShort marks s as cut short with a final "…", keeping it within n
// characters.
func cutShort(s string, n int) string {
	if runeLen(s) < n {
		return s + "…"
	}
	return truncate(s, n)
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
