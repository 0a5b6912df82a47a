package httpapi

import (
	"math"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// Ask is the ask object of DESIGN.md: what POST /v1/ask returns and what
// `talksbot ask --json` prints.
type Ask struct {
	Question  string     `json:"question"`
	Answered  bool       `json:"answered"`
	Answer    string     `json:"answer"`
	Mode      string     `json:"mode"`
	Model     string     `json:"model,omitempty"` // only when Mode is "llm"
	Citations []Citation `json:"citations"`       // best first; never null
	TookMS    float64    `json:"took_ms"`
}

// Citation is one passage an answer stands on, as the ask object shows it.
type Citation struct {
	ID      string  `json:"id"`
	Doc     string  `json:"doc"`
	Title   string  `json:"title"`
	Section string  `json:"section"`
	Text    string  `json:"text"` // the passage text exactly as stored
	Score   float64 `json:"score"`
}

// NewAsk builds the ask object for question from the bot's reply to it and
// the time the answer took. A reply that is not an answer (a decline, or
// any other kind) is reported as not answered.
func NewAsk(question string, r bot.Reply, took time.Duration) Ask {
	a := Ask{
		Question:  question,
		Answered:  r.Kind == bot.KindAnswer,
		Answer:    r.Text,
		Mode:      r.Mode,
		Citations: make([]Citation, 0, len(r.Citations)),
		// Milliseconds with microsecond precision: extractive answers take
		// well under one.
		TookMS: math.Round(float64(took.Microseconds())) / 1000,
	}
	if a.Mode == "" {
		a.Mode = bot.ModeExtractive
	}
	if a.Mode == bot.ModeLLM {
		a.Model = r.Model
	}
	for _, c := range r.Citations {
		a.Citations = append(a.Citations, Citation{
			ID: c.ID, Doc: c.Doc, Title: c.Title, Section: c.Section, Text: c.Text, Score: c.Score,
		})
	}
	return a
}
