package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/talksbot/talksbot/knowledge"
)

// Bounds on the summary of every theme, so a large knowledge base still
// gives a message of chat size.
const (
	overviewThemes = 12 // themes summarised at most
	overviewQuotes = 2  // sentences per theme at most
)

// summary answers "summary THEME", or summarises every theme when theme is
// empty.
func (b *Bot) summary(ctx context.Context, kb *knowledgeBase, req Request, theme, id string) Reply {
	ix := kb.ix
	if theme == "" {
		return overviewReply(ix, id)
	}
	th, ok := ix.FindTheme(theme)
	if !ok {
		return themesReply(ix, id, "I couldn't find a theme matching “"+shorten(theme, 60)+"”.")
	}
	s := ix.Summarize(th)
	var cites []Citation
	quotes := make([]Quote, 0, len(s.Quotes))
	for _, q := range s.Quotes {
		quotes = append(quotes, Quote{Text: q.Text(), Citation: citationFor(&cites, q.Passage)})
	}
	reply := Reply{
		ID:        id,
		Kind:      KindSummary,
		Text:      joinQuotes(quotes),
		Quotes:    quotes,
		Citations: cites,
		Themes:    []ThemeRef{themeRef(th)},
		Mode:      ModeExtractive,
	}
	if len(quotes) == 0 {
		reply.Text = "I have nothing to summarise for “" + th.Title + "”."
	}
	if b.drafter == nil {
		return reply
	}
	passages := sectionCitations(ix, th)
	if len(passages) == 0 {
		return reply
	}
	d, ok := b.draft(ctx, kb.check, id, DraftRequest{Summary: th.Title, Passages: passages}, req.Progress)
	if !ok {
		return reply
	}
	// The draft numbers the section's passages, so they become the citations
	// and the quotes point into them.
	llmQuotes := make([]Quote, 0, len(s.Quotes))
	for _, q := range s.Quotes {
		llmQuotes = append(llmQuotes, Quote{Text: q.Text(), Citation: citationFor(&passages, q.Passage)})
	}
	reply.Text, reply.Mode, reply.Model = d.Text, ModeLLM, d.Model
	reply.Quotes, reply.Citations = llmQuotes, passages
	return reply
}

// sectionCitations returns every passage of the theme's section, in order.
func sectionCitations(ix *knowledge.Index, th knowledge.Theme) []Citation {
	for _, doc := range ix.Documents() {
		if doc.ID != th.Doc || th.Section < 0 || th.Section >= len(doc.Sections) {
			continue
		}
		ps := doc.Sections[th.Section].Passages
		cites := make([]Citation, len(ps))
		for i := range ps {
			cites[i] = citation(&ps[i], 0)
		}
		return cites
	}
	return nil
}

// overviewReply summarises every theme in a sentence or two each.
func overviewReply(ix *knowledge.Index, id string) Reply {
	themes := ix.Themes()
	reply := Reply{ID: id, Kind: KindSummary, Themes: themeRefs(themes), Mode: ModeExtractive}
	if len(themes) == 0 {
		reply.Text = "The knowledge base has no themes to summarise."
		return reply
	}
	var text strings.Builder
	for i, th := range themes {
		if i == overviewThemes {
			fmt.Fprintf(&text, "…and %d more themes: ask for one with summary THEME.\n", len(themes)-i)
			break
		}
		s := ix.Summarize(th)
		var sentences []string
		for _, q := range s.Quotes[:min(len(s.Quotes), overviewQuotes)] {
			reply.Quotes = append(reply.Quotes, Quote{Text: q.Text(), Citation: citationFor(&reply.Citations, q.Passage)})
			sentences = append(sentences, q.Text())
		}
		if len(sentences) > 0 {
			fmt.Fprintf(&text, "%s: %s\n", th.Title, strings.Join(sentences, " "))
		}
	}
	reply.Text = strings.TrimSuffix(text.String(), "\n")
	return reply
}

// themesReply lists the themes, after intro when not empty.
func themesReply(ix *knowledge.Index, id, intro string) Reply {
	themes := ix.Themes()
	var text strings.Builder
	if intro != "" {
		text.WriteString(intro + " ")
	}
	if len(themes) == 0 {
		text.WriteString("The knowledge base has no themes.")
		return Reply{ID: id, Kind: KindThemes, Text: text.String()}
	}
	text.WriteString("The themes I can summarise:")
	multi := len(ix.Documents()) > 1
	for _, th := range themes {
		text.WriteString("\n" + themeLabel(th))
		if multi {
			fmt.Fprintf(&text, " (%s)", th.DocTitle)
		}
	}
	return Reply{ID: id, Kind: KindThemes, Text: text.String(), Themes: themeRefs(themes)}
}

// sourcesReply lists the documents of the knowledge base.
func sourcesReply(ix *knowledge.Index, id string) Reply {
	docs := ix.Documents()
	reply := Reply{ID: id, Kind: KindSources, Sources: make([]SourceRef, 0, len(docs))}
	var text strings.Builder
	text.WriteString("I answer from:")
	for _, d := range docs {
		n := 0
		for _, s := range d.Sections {
			n += len(s.Passages)
		}
		reply.Sources = append(reply.Sources, SourceRef{ID: d.ID, Title: d.Title, Source: d.Source, Path: d.Path, Passages: n})
		fmt.Fprintf(&text, "\n- %s", d.Title)
		if d.Source != "" {
			fmt.Fprintf(&text, " (%s)", d.Source)
		}
		fmt.Fprintf(&text, ", %d passages", n)
	}
	reply.Text = text.String()
	return reply
}

// helpReply explains usage; unknown, when not empty, is a command the user
// typed that is not one of ours.
func helpReply(ix *knowledge.Index, id, unknown string) Reply {
	var text strings.Builder
	if unknown != "" {
		if printable(unknown) {
			text.WriteString("I don't recognise the command “" + unknown + "”. ")
		} else {
			text.WriteString("I don't recognise that command. ")
		}
	}
	text.WriteString("I answer questions about " + about(ix) + ", quoting the passages I rely on.\n\n")
	text.WriteString("Commands:\n")
	text.WriteString("ask QUESTION: answer a question\n")
	text.WriteString("summary [THEME]: summarise one theme (a number or words of its title), or every theme\n")
	text.WriteString("themes: list the themes\n")
	text.WriteString("sources: list the documents I answer from\n")
	text.WriteString("help: show this message\n\n")
	text.WriteString("Example: ask " + exampleQuestion + "\n")
	text.WriteString("You can also just ask your question; a follow-up such as “and the Iranian side?” is read with the question before it.")
	return Reply{ID: id, Kind: KindHelp, Text: text.String(), Themes: themeRefs(ix.Themes()), Ephemeral: true}
}

// smallTalkReply answers a greeting or thanks briefly, with a pointer to
// help rather than the whole of it.
func smallTalkReply(ix *knowledge.Index, id, greeting string) Reply {
	text := greeting + " I answer questions about " + about(ix) + ", for example “" + exampleQuestion +
		"” Type help for the commands."
	return Reply{ID: id, Kind: KindHelp, AskKind: AskSmallTalk, Text: text, Ephemeral: true}
}

// about names what the knowledge base holds: the article, or documents.
func about(ix *knowledge.Index) string {
	if docs := ix.Documents(); len(docs) == 1 {
		return "the article “" + docs[0].Title + "”"
	}
	return "the documents in my knowledge base"
}

// themeLabel is a theme as the list of themes shows it: "2) Keeping
// Support At The Top".
func themeLabel(t knowledge.Theme) string {
	return fmt.Sprintf("%d) %s", t.Number, t.Title)
}

func themeRef(t knowledge.Theme) ThemeRef {
	return ThemeRef{Number: t.Number, Title: t.Title, Doc: t.DocTitle}
}

func themeRefs(themes []knowledge.Theme) []ThemeRef {
	refs := make([]ThemeRef, len(themes))
	for i, t := range themes {
		refs[i] = themeRef(t)
	}
	return refs
}
