package bot

import (
	"strings"
	"time"
	"unicode"
)

// ReportTop is how many questions each list of a Report holds at most.
const ReportTop = 20

// Report is what an operator reads to improve the documents: what people
// ask, what the knowledge base could not answer, and how each theme's
// answers were received. The stores that keep a Journal (SQLite,
// PostgreSQL) read it from the question log and the feedback; `talksbot
// report` prints it.
type Report struct {
	Since     time.Time `json:"since"`
	Questions int       `json:"questions"` // questions logged since Since
	Answered  int       `json:"answered"`
	Declined  int       `json:"declined"`
	// Top are the most asked questions, answered or not, most asked first.
	Top []QuestionCount `json:"top"`
	// Gaps are the most asked declined questions: what the knowledge base
	// does not cover.
	Gaps []QuestionCount `json:"gaps"`
	// Themes is the feedback per theme, most feedback first.
	Themes []ThemeFeedback `json:"themes"`
}

// QuestionCount is a question and how often it was asked. Questions with
// the same FoldQuestion count as one; Question is the most recent wording.
type QuestionCount struct {
	Question string    `json:"question"`
	Count    int       `json:"count"`
	Last     time.Time `json:"last"`
}

// ThemeFeedback is the feedback on answers from one theme. Theme is "" for
// feedback on replies that cited no theme.
type ThemeFeedback struct {
	Theme string `json:"theme"`
	Up    int    `json:"up"`
	Down  int    `json:"down"`
}

// FoldQuestion folds a question for grouping in a Report: questions that
// differ only in case, spacing or trailing punctuation fold alike. Stores
// keep the folded form beside each logged question.
func FoldQuestion(q string) string {
	q = strings.ToLower(strings.Join(strings.Fields(q), " "))
	return strings.TrimRightFunc(q, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r)
	})
}
