package console

import (
	"fmt"
	"io"
	"strings"

	"github.com/talksbot/talksbot/bot"
)

// Render writes r as plain text for a terminal: an answer as its quotes,
// each followed by the section and the document it stands in (or, in LLM mode,
// the drafted text and its numbered sources); a decline with the themes the
// knowledge base covers; a summary under its theme; and themes, sources,
// help and errors as the bot worded them.
func Render(w io.Writer, r bot.Reply) error {
	var b strings.Builder
	switch r.Kind {
	case bot.KindAnswer:
		writeAnswer(&b, r)
	case bot.KindSummary:
		writeSummary(&b, r)
	case bot.KindDeclined:
		b.WriteString(r.Text)
		writeThemes(&b, "\n\nThemes it covers:", r.Themes)
	case bot.KindThemes:
		if r.Text != "" {
			b.WriteString(r.Text)
		} else {
			writeThemes(&b, "Themes:", r.Themes)
		}
	case bot.KindSources:
		if r.Text != "" {
			b.WriteString(r.Text)
		} else {
			writeSources(&b, r.Sources)
		}
	case bot.KindHelp:
		b.WriteString(r.Text)
		writeThemes(&b, "\n\nThemes:", r.Themes)
	default: // errors and anything newer than this adapter
		b.WriteString(r.Text)
	}
	b.WriteByte('\n')
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("render reply: %w", err)
	}
	return nil
}

// writeAnswer writes an answer: the extractive answer's quotes with their
// attribution, or the drafted text followed by its sources; an answer
// about one theme ("what's the second issue?") under the theme's label.
func writeAnswer(b *strings.Builder, r bot.Reply) {
	if len(r.Themes) == 1 {
		t := r.Themes[0]
		fmt.Fprintf(b, "%d) %s\n\n", t.Number, t.Title)
	}
	if r.Mode == bot.ModeLLM || len(r.Quotes) == 0 {
		b.WriteString(r.Text)
		writeSourceList(b, r.Citations)
		return
	}
	writeQuotes(b, r)
}

// writeSummary writes one theme's summary under its title, or the bot's
// overview of every theme.
func writeSummary(b *strings.Builder, r bot.Reply) {
	if len(r.Themes) != 1 {
		b.WriteString(r.Text) // the overview already names each theme
		return
	}
	t := r.Themes[0]
	fmt.Fprintf(b, "%d) %s\n\n", t.Number, t.Title)
	if r.Mode == bot.ModeLLM || len(r.Quotes) == 0 {
		b.WriteString(r.Text)
		writeSourceList(b, r.Citations)
		return
	}
	writeQuotes(b, r)
}

// writeQuotes writes each quote as “…” with its document and section below.
func writeQuotes(b *strings.Builder, r bot.Reply) {
	for i, q := range r.Quotes {
		if i > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(b, "“%s”", q.Text)
		if q.Citation >= 0 && q.Citation < len(r.Citations) {
			b.WriteString("\n  — " + where(r.Citations[q.Citation]))
		}
	}
}

// writeSourceList writes the citations a drafted text refers to as [n].
func writeSourceList(b *strings.Builder, cites []bot.Citation) {
	if len(cites) == 0 {
		return
	}
	b.WriteString("\n\nSources:")
	for i, c := range cites {
		fmt.Fprintf(b, "\n[%d] %s", i+1, where(c))
	}
}

func writeThemes(b *strings.Builder, heading string, themes []bot.ThemeRef) {
	if len(themes) == 0 {
		return
	}
	b.WriteString(heading)
	multi := false
	for _, t := range themes {
		multi = multi || t.Doc != themes[0].Doc
	}
	for _, t := range themes {
		fmt.Fprintf(b, "\n  %d) %s", t.Number, t.Title)
		if multi && t.Doc != "" {
			fmt.Fprintf(b, " (%s)", t.Doc)
		}
	}
}

func writeSources(b *strings.Builder, sources []bot.SourceRef) {
	b.WriteString("Sources:")
	for _, s := range sources {
		fmt.Fprintf(b, "\n  %s", s.Title)
		if s.Source != "" {
			fmt.Fprintf(b, " (%s)", s.Source)
		}
		fmt.Fprintf(b, ", %d %s", s.Passages, plural(s.Passages, "passage", "passages"))
	}
}

// where names where a citation stands: its section and a short label of
// its document ("Handling the Spoilers (vienna-talks)"). The document's
// full title is shown once, by the sources command.
func where(c bot.Citation) string {
	switch {
	case c.Doc == "":
		return c.Section
	case c.Section == "":
		return c.Doc
	}
	return c.Section + " (" + c.Doc + ")"
}

// plural picks the word that agrees with n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
