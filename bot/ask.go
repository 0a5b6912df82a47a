package bot

import (
	"math"
	"time"
)

// Ask is the JSON object DESIGN.md fixes for one answer: what
// `talksbot ask --json` prints and POST /v1/ask returns.
type Ask struct {
	Question  string        `json:"question"`
	Kind      AskKind       `json:"kind"`     // "answer", "declined", "overview" or "smalltalk"
	Answered  bool          `json:"answered"` // true only for kind "answer"
	Answer    string        `json:"answer"`
	Mode      string        `json:"mode"`            // "extractive" or "llm"
	Model     string        `json:"model,omitempty"` // set only when Mode is "llm"
	Citations []AskCitation `json:"citations"`       // best first, at most k; never null
	TookMS    float64       `json:"took_ms"`
}

// AskCitation is one cited passage of an Ask.
type AskCitation struct {
	ID      string  `json:"id"`
	Doc     string  `json:"doc"`
	Title   string  `json:"title"`
	Section string  `json:"section"`
	Text    string  `json:"text"` // the passage text exactly as stored
	Score   float64 `json:"score"`
}

// NewAsk builds the Ask for question from the bot's reply, keeping at most k
// citations (all of them when k ≤ 0); took is how long answering took. A
// reply without an AskKind (one not made by Bot.Handle) counts as an answer
// when it is a KindAnswer reply and as declined otherwise.
func NewAsk(question string, r Reply, k int, took time.Duration) Ask {
	a := Ask{
		Question:  question,
		Kind:      r.AskKind,
		Answered:  r.Kind == KindAnswer,
		Answer:    r.Text,
		Mode:      r.Mode,
		Citations: AskCitations(r.Citations, k),
		TookMS:    float64(took.Microseconds()) / 1000,
	}
	if a.Kind == "" {
		a.Kind = AskDeclined
		if a.Answered {
			a.Kind = AskAnswer
		}
	}
	if a.Mode == "" {
		a.Mode = ModeExtractive
	}
	if a.Mode == ModeLLM {
		a.Model = r.Model
	}
	return a
}

// AskCitations converts at most k citations (all when k ≤ 0). The result is
// never nil, so JSON says [] rather than null.
func AskCitations(cs []Citation, k int) []AskCitation {
	if k > 0 && len(cs) > k {
		cs = cs[:k]
	}
	out := make([]AskCitation, len(cs))
	for i, c := range cs {
		score := c.Score
		if math.IsNaN(score) || math.IsInf(score, 0) {
			score = 0 // JSON has no NaN or infinity
		}
		out[i] = AskCitation{ID: c.ID, Doc: c.Doc, Title: c.Title, Section: c.Section, Text: c.Text, Score: score}
	}
	return out
}
