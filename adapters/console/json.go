package console

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

// Summary is the JSON object of `talksbot summary --json THEME`.
type Summary struct {
	Theme     string            `json:"theme"`
	Summary   string            `json:"summary"`
	Citations []bot.AskCitation `json:"citations"` // never null
}

// Summaries is the JSON object of `talksbot summary --json` without a
// theme: the summary of every theme, in theme order.
type Summaries struct {
	Themes []Summary `json:"themes"` // never null
}

// Themes is the JSON object of `talksbot themes --json`.
type Themes struct {
	Themes []Theme `json:"themes"`
}

// Theme is one theme in the JSON objects. Doc and DocTitle name the
// document the theme belongs to as citations do.
type Theme struct {
	Number   int    `json:"number"`
	Title    string `json:"title"`
	Doc      string `json:"doc"`       // the document's ID, e.g. "vienna-talks"
	DocTitle string `json:"doc_title"` // the document's title
}

// NewSummary builds the summary object from a reply to a summary request
// for one theme. A reply summarising several themes has an empty Theme.
func NewSummary(r bot.Reply) Summary {
	s := Summary{Summary: r.Text, Citations: bot.AskCitations(r.Citations, 0)}
	if len(r.Themes) == 1 {
		s.Theme = r.Themes[0].Title
	}
	return s
}

// NewThemes builds the themes object from the themes of an index.
func NewThemes(themes []knowledge.Theme) Themes {
	t := Themes{Themes: make([]Theme, len(themes))}
	for i, th := range themes {
		t.Themes[i] = Theme{Number: th.Number, Title: th.Title, Doc: th.Doc, DocTitle: th.DocTitle}
	}
	return t
}

// WriteJSON writes v as one line of JSON, without escaping <, > and &, which
// appear in passages and mean nothing special on a terminal.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}
