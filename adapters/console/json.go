package console

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/talksbot/talksbot/bot"
)

// Summary is the JSON object of `talksbot summary --json`.
type Summary struct {
	Theme     string            `json:"theme"`
	Summary   string            `json:"summary"`
	Citations []bot.AskCitation `json:"citations"` // never null
}

// Themes is the JSON object of `talksbot themes --json`.
type Themes struct {
	Themes []Theme `json:"themes"`
}

// Theme is one theme in the JSON objects.
type Theme struct {
	Number int    `json:"number"`
	Title  string `json:"title"`
	Doc    string `json:"doc"` // the title of the document the theme belongs to
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

// NewThemes builds the themes object.
func NewThemes(refs []bot.ThemeRef) Themes {
	t := Themes{Themes: make([]Theme, len(refs))}
	for i, r := range refs {
		t.Themes[i] = Theme{Number: r.Number, Title: r.Title, Doc: r.Doc}
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
