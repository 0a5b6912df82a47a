package console

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// Ask is the JSON object of `talksbot ask --json` and of POST /v1/ask.
type Ask struct {
	Question  string     `json:"question"`
	Answered  bool       `json:"answered"` // false when the knowledge base does not cover the question
	Answer    string     `json:"answer"`
	Mode      string     `json:"mode"`            // "extractive" or "llm"
	Model     *string    `json:"model,omitempty"` // set only when Mode is "llm"
	Citations []Citation `json:"citations"`       // best first; never null
	TookMS    float64    `json:"took_ms"`
}

// Citation is one cited passage in the JSON objects.
type Citation struct {
	ID      string  `json:"id"`
	Doc     string  `json:"doc"`
	Title   string  `json:"title"`
	Section string  `json:"section"`
	Text    string  `json:"text"` // the passage text exactly as stored
	Score   float64 `json:"score"`
}

// Summary is the JSON object of `talksbot summary --json`.
type Summary struct {
	Theme     string     `json:"theme"`
	Summary   string     `json:"summary"`
	Citations []Citation `json:"citations"`
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

// NewAsk builds the ask object for question from the bot's reply, keeping
// at most k citations (all of them when k ≤ 0); took is how long answering
// took.
func NewAsk(question string, r bot.Reply, k int, took time.Duration) Ask {
	a := Ask{
		Question:  question,
		Answered:  r.Kind == bot.KindAnswer,
		Answer:    r.Text,
		Mode:      r.Mode,
		Citations: citations(r.Citations, k),
		TookMS:    math.Round(float64(took.Microseconds())) / 1000,
	}
	if a.Mode == "" {
		a.Mode = bot.ModeExtractive
	}
	if a.Mode == bot.ModeLLM {
		model := r.Model
		a.Model = &model
	}
	return a
}

// NewSummary builds the summary object from a reply to a summary request
// for one theme. A reply summarising several themes has an empty Theme.
func NewSummary(r bot.Reply) Summary {
	s := Summary{Summary: r.Text, Citations: citations(r.Citations, 0)}
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

// citations converts at most k citations (all when k ≤ 0); never nil, so
// the JSON says [] rather than null.
func citations(cs []bot.Citation, k int) []Citation {
	if k > 0 && len(cs) > k {
		cs = cs[:k]
	}
	out := make([]Citation, len(cs))
	for i, c := range cs {
		score := c.Score
		if math.IsNaN(score) || math.IsInf(score, 0) {
			score = 0 // JSON has no NaN or infinity
		}
		out[i] = Citation{ID: c.ID, Doc: c.Doc, Title: c.Title, Section: c.Section, Text: c.Text, Score: score}
	}
	return out
}
