package bot

import (
	"context"
	"time"
)

// Drafter drafts an answer's wording from retrieved passages, typically with
// an LLM. The bot checks every draft with a Checker before using it (each
// sentence supported by the passages it cites) and falls back to the
// extractive answer on any error or refusal.
type Drafter interface {
	Draft(ctx context.Context, req DraftRequest) (Draft, error)
}

// DraftRequest is what a Drafter is given.
type DraftRequest struct {
	Question string
	Previous *Turn      // the thread's previous turn, nil if none
	Passages []Citation // numbered from 1 in the prompt: [1] is Passages[0]
	// Summary, when set, asks for a summary of the theme the passages belong
	// to instead of an answer to Question.
	Summary string
	// Partial, when non-nil, receives the draft text so far as it streams in.
	// It may be called often; callers throttle their own edits. The bot
	// checks each sentence once, when the text after it shows it finished,
	// and passes on to Request.Progress only the whole sentences that pass.
	Partial func(text string)
}

// Ranker ranks the passages of one index by meaning, typically by
// embeddings, for hybrid retrieval: the bot fuses its ranking with the
// keyword ranking by reciprocal rank fusion. Answerability and the quoted
// sentences stay with the keyword search. Options.NewRanker builds one per
// index.
type Ranker interface {
	// Rank returns the IDs of at most k passages of the ranker's index, the
	// most relevant to question first. It must return soon after ctx is
	// done; on any error the bot ranks by keywords alone.
	Rank(ctx context.Context, question string, k int) ([]string, error)
}

// DraftObserver is told what became of every draft the bot asks a Drafter
// for: once per draft, after the bot's verdict, whether the draft was used
// or not and why. Metrics implement it; they count what the bot decided
// and never check a draft themselves. ObserveDraft must return quickly and
// be safe for concurrent use.
type DraftObserver interface {
	ObserveDraft(o DraftOutcome)
}

// DraftOutcome is what became of one draft.
type DraftOutcome struct {
	Kind     Kind   // KindAnswer or KindSummary: what the draft was for
	Used     bool   // the draft became the reply's wording
	Reason   Reason // why it was not used; "" when it was
	Sentence int    // the 1-based sentence that failed the check; 0 when none did
}

// Draft is a Drafter's result: text citing passages as [n].
type Draft struct {
	Text  string
	Model string
}

// Turn is one question and answer of a conversation thread.
type Turn struct {
	Question string
	Answer   string
}

// Store keeps what must not be lost: feedback, the question log and the ids
// of delivered platform events. The in-memory MemoryStore serves tests and the
// CLI; a durable one backs `talksbot serve`.
type Store interface {
	// SaveFeedback records a user's verdict on a reply.
	SaveFeedback(ctx context.Context, f Feedback) error
	// LogQuestion records one answered or declined question.
	LogQuestion(ctx context.Context, e LogEntry) error
	// FirstDelivery records a platform event id and reports whether it was
	// seen for the first time; a retried delivery reports false.
	FirstDelivery(ctx context.Context, eventID string) (bool, error)
}

// Feedback is a user's verdict on a reply.
type Feedback struct {
	ReplyID  string
	Platform Platform
	User     string
	Helpful  bool
	Theme    string // the section of the reply's first citation, for reports; Bot.Feedback fills it when empty
	At       time.Time
}

// LogEntry is one line of the question log. It never holds tokens.
type LogEntry struct {
	ReplyID  string
	Platform Platform
	User     string
	Question string
	Answered bool
	Mode     string
	Latency  time.Duration
	At       time.Time
}
