package openai

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/talksbot/talksbot/bot"
)

// Prompt budget. The default article fits many times over; for a large
// knowledge base the bot's best passages come first, and the prompt keeps
// as many of them as fit.
const (
	maxPassageBytes  = 48 << 10 // all passages together
	maxQuestionRunes = 2000
	maxPreviousRunes = 1500 // each of the previous question and answer
)

// systemPrompt fixes the rules the bot's verification enforces afterwards:
// every sentence cites a given passage as [n], and every quotation appears
// in the passage it cites.
const systemPrompt = `You answer questions about a knowledge base. Use only the numbered passages in the user's message; never add facts from anywhere else.
Rules:
- End every sentence with the number of the passage that supports it, in square brackets, like [1] or [2][3]. A sentence without a citation is not allowed. Cite only numbers that appear in the passages.
- When you quote, copy the words exactly as they stand in the passage, inside double quotation marks, and cite that passage in the same sentence. Never put anything else in quotation marks.
- Answer in the language the question is asked in.
- If the passages do not answer the question, say so plainly in one sentence that cites the passage closest to the question, and do not guess.
- Be short: at most four sentences of plain text, without headings, lists or Markdown.`

// messages builds the chat messages for req. key, when not empty, is
// removed from everything that goes into the prompt, so an API key pasted
// into a document or a question never reaches the server in a prompt.
func messages(req bot.DraftRequest, key string) []goopenai.ChatCompletionMessage {
	var b strings.Builder
	if p := req.Previous; p != nil && req.Summary == "" && (p.Question != "" || p.Answer != "") {
		b.WriteString("Earlier in this conversation (context for a follow-up; cite only the passages below):\n")
		fmt.Fprintf(&b, "Previous question: %s\n", oneLine(p.Question, maxPreviousRunes))
		fmt.Fprintf(&b, "Previous answer: %s\n\n", oneLine(stripCitations(p.Answer), maxPreviousRunes))
	}

	if req.Summary != "" {
		fmt.Fprintf(&b, "Passages from the theme %q:\n\n", oneLine(req.Summary, maxQuestionRunes))
	} else {
		b.WriteString("Passages:\n\n")
	}
	used := 0
	for i, p := range req.Passages {
		if i > 0 && used+len(p.Text) > maxPassageBytes {
			break
		}
		used += len(p.Text)
		fmt.Fprintf(&b, "[%d] %s\n%s\n\n", i+1, label(p), strings.TrimSpace(p.Text))
	}

	if req.Summary != "" {
		fmt.Fprintf(&b, "Task: summarize the theme %q in two to four sentences, using only these passages and citing them as [n].",
			oneLine(req.Summary, maxQuestionRunes))
	} else {
		fmt.Fprintf(&b, "Question: %s", oneLine(req.Question, maxQuestionRunes))
	}

	user := b.String()
	if len(key) >= 4 {
		user = strings.ReplaceAll(user, key, "[redacted]")
	}
	return []goopenai.ChatCompletionMessage{
		{Role: goopenai.ChatMessageRoleSystem, Content: systemPrompt},
		{Role: goopenai.ChatMessageRoleUser, Content: user},
	}
}

// label says where a passage stands: "(document title, section)".
func label(c bot.Citation) string {
	var parts []string
	for _, s := range []string{c.Title, c.Section} {
		if s = oneLine(s, 200); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// oneLine flattens s to a single line of at most max runes.
func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max]) + "…"
	}
	return s
}

var citationMark = regexp.MustCompile(`\s*\[\d+\]`)

// stripCitations removes [n] marks from a previous answer: its numbers
// referred to that answer's passages, not to this prompt's.
func stripCitations(s string) string { return citationMark.ReplaceAllString(s, "") }
