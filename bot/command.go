package bot

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Command names.
const (
	cmdAsk     = "ask"
	cmdSummary = "summary"
	cmdThemes  = "themes"
	cmdSources = "sources"
	cmdHelp    = "help"
)

// MaxInput is the longest request text (or command argument) the bot
// accepts, in characters.
const MaxInput = 2000

// exampleQuestion is offered whenever a user needs to see what to ask.
const exampleQuestion = "What has Congress pushed for?"

// Messages users see. They never carry internals.
const (
	msgEmpty       = "Please ask me a question, for example: " + exampleQuestion
	msgAskEmpty    = "Ask needs a question, for example: ask " + exampleQuestion
	msgInvalidUTF8 = "I couldn't read your message: it isn't valid UTF-8 text."
	msgControl     = "Your message contains control characters I can't read; please send plain text."
	msgInvisible   = "Your message contains invisible formatting characters (text direction overrides or zero-width spaces); please send plain text."
	msgRateLimited = "You're asking faster than I can answer — try again in a few seconds."
	msgBusy        = "I'm busy answering other questions — please try again in a moment."
	msgInternal    = "Sorry, something went wrong on my side. Please try again."
	msgNoIndex     = "Sorry, my knowledge base isn't loaded yet. Please try again shortly."
)

func msgTooLong(n int) string {
	return fmt.Sprintf("Your message is too long (%d characters); the limit is %d characters.", n, MaxInput)
}

// commandNames maps every accepted command word, aliases included, to its
// command.
var commandNames = map[string]string{
	"ask":       cmdAsk,
	"summary":   cmdSummary,
	"summarize": cmdSummary,
	"summarise": cmdSummary,
	"themes":    cmdThemes,
	"topics":    cmdThemes,
	"sources":   cmdSources,
	"help":      cmdHelp,
}

// ParseCommand parses free text into a Command. A leading "/talks" (or
// "talks" before a command word) is dropped; a first word among ask, summary
// (or summarize, summarise), themes (or topics), sources and help, in any
// case, picks that command, and the rest of the text is the question (ask) or
// the theme (summary). An unknown word after a slash ("/frobnicate") gives
// help with that word in Arg, and empty text gives help. Anything else is a
// question: Command{Name: "ask", Arg: text}.
//
// The returned Name is always one of the five commands.
func ParseCommand(text string) Command {
	s := strings.TrimSpace(text)
	word, rest := firstWord(s)
	switch {
	case strings.EqualFold(word, "/talks"):
		s = rest
	case strings.EqualFold(word, "talks"):
		// "talks" alone or before a command is the prefix; otherwise it is
		// the first word of a question ("talks in Vienna began when?").
		next, _ := firstWord(rest)
		if _, ok := commandNames[commandWord(next)]; ok || rest == "" {
			s = rest
		}
	}
	word, rest = firstWord(s)
	if word == "" {
		return Command{Name: cmdHelp}
	}
	name, ok := commandNames[commandWord(word)]
	switch {
	case ok && (name == cmdAsk || name == cmdSummary):
		return Command{Name: name, Arg: rest}
	case ok:
		return Command{Name: name}
	case strings.HasPrefix(word, "/"):
		return Command{Name: cmdHelp, Arg: word}
	default:
		return Command{Name: cmdAsk, Arg: s}
	}
}

// commandWord normalises a candidate command word: lower case, without a
// leading slash or trailing punctuation ("/Help?" → "help").
func commandWord(w string) string {
	w = strings.TrimPrefix(w, "/")
	w = strings.TrimRight(w, ":,.!?")
	return strings.ToLower(w)
}

// firstWord splits s (already trimmed) at its first run of white space.
func firstWord(s string) (word, rest string) {
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

// requestCommand checks a request's input and returns its command. problem,
// when not empty, is the message explaining why the input was refused.
func requestCommand(req Request) (cmd Command, problem string) {
	if req.Command != nil {
		cmd = *req.Command
		cmd.Name = strings.ToLower(strings.TrimSpace(cmd.Name))
		if alias, ok := commandNames[cmd.Name]; ok {
			cmd.Name = alias
		}
		if problem := checkText(cmd.Arg); problem != "" {
			return Command{}, problem
		}
		cmd.Arg = strings.TrimSpace(cmd.Arg)
		return cmd, ""
	}
	if problem := checkText(req.Text); problem != "" {
		return Command{}, problem
	}
	if strings.TrimSpace(req.Text) == "" {
		return Command{}, msgEmpty
	}
	return ParseCommand(req.Text), ""
}

// checkText refuses text that is not valid UTF-8, is longer than MaxInput
// characters, holds control characters other than \n, \r and \t, or holds
// invisible format characters that can make text read other than it is
// (see spoofing).
func checkText(s string) (problem string) {
	if !utf8.ValidString(s) {
		return msgInvalidUTF8
	}
	if n := utf8.RuneCountInString(s); n > MaxInput {
		return msgTooLong(n)
	}
	for i, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			return msgControl
		}
		if spoofing(s, i, r) {
			return msgInvisible
		}
	}
	return ""
}

// spoofing reports whether r, at s[i:], is a format character that can
// disguise text: a bidirectional embedding, override or isolate
// (U+202A–U+202E, U+2066–U+2069), a zero-width space, word joiner or byte
// order mark (U+200B, U+2060, U+FEFF), or a zero-width (non-)joiner
// (U+200C, U+200D) anywhere but between two non-ASCII characters. Persian,
// the Indic scripts and emoji sequences need those joiners there; next to
// ASCII they only hide something, such as a split command word.
func spoofing(s string, i int, r rune) bool {
	switch {
	case r >= '\u202A' && r <= '\u202E', r >= '\u2066' && r <= '\u2069',
		r == '\u200B', r == '\u2060', r == '\uFEFF':
		return true
	case r == '\u200C' || r == '\u200D':
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
		return i == 0 || i+utf8.RuneLen(r) == len(s) ||
			before < utf8.RuneSelf || after < utf8.RuneSelf
	}
	return false
}

// printable reports whether s can be echoed back to a user: short, valid
// and free of control characters.
func printable(s string) bool {
	return s != "" && utf8.RuneCountInString(s) <= 40 && checkText(s) == ""
}
