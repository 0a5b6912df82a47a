package bot

import (
	"context"
	"errors"
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

// Turn is one question and answer of a conversation thread, as the bot
// understood them. A Drafter reads Question and Answer; the bot keeps
// Topic and Context to read the thread's next follow-up.
type Turn struct {
	Question string // the question as understood, shown in replies
	Answer   string // the answer's text
	Topic    string // the thread's last standalone question
	Context  string // the question with the context it was read in
}

// ErrNotFound is what a Store returns for a turn or share that is not there
// (never saved, or expired and pruned). A Store never returns nil, nil.
var ErrNotFound = errors.New("not found")

// Retention of the shared state that is not kept for the operator's
// TALKSBOT_RETENTION. Stores prune by these ages, measured by their own
// clock from the times they were given.
const (
	// DeliveryTTL is how long a delivery key is remembered after its last
	// Claim or Complete. Platforms retry within minutes (Slack) or at most a
	// quarter of an hour (Discord interactions), so a day is ample.
	DeliveryTTL = 24 * time.Hour
	// TurnTTL is how long a thread's last turn is kept after it was saved:
	// for a week the bot follows a thread it answered in without being
	// mentioned (Bot.Follows); ThreadTTL bounds how long the turn also
	// serves as a follow-up's context.
	TurnTTL = 7 * 24 * time.Hour
	// ShareTTL is how long a Share button's payload is kept.
	ShareTTL = 24 * time.Hour
	// BucketTTL is how long a rate-limit bucket is kept after its last
	// token was taken. A bucket forgotten starts full again, which at any
	// rate of at least its burst a day it would be anyway.
	BucketTTL = 24 * time.Hour
)

// Store keeps the state that must survive a restart and that replicas
// serving the same users must agree on: feedback and the question log, the
// claims on platform deliveries, the threads the bot answered in, Share
// payloads and rate-limit buckets. MemoryStore keeps it in one process (tests,
// the CLI, and the bot's fallback while a shared store is down); adapters
// keep it in SQLite (one process) or PostgreSQL (several replicas).
//
// Keys are the callers': non-empty valid UTF-8 without NUL bytes, at most
// MaxKeyLen bytes; a store rejects an empty key with an error. Times are
// the callers' too, never the store's clock, and are kept to the
// millisecond. Every method returns an error when ctx is done before it
// could do its work. Implementations are safe for concurrent use, and
// bot/storetest checks one against this contract.
type Store interface {
	Journal
	Deliveries
	Threads
	Shares
	Buckets
}

// MaxKeyLen is the longest key the bot passes to a Store.
const MaxKeyLen = 200

// Journal records what users told the bot and what they asked.
type Journal interface {
	// SaveFeedback records a user's verdict on a reply. It is durable when
	// it returns: the bot acknowledges the vote only then. A user has one
	// verdict per (reply, platform, user): a new vote replaces the earlier.
	SaveFeedback(ctx context.Context, f Feedback) error
	// LogQuestion records one answered or declined question. It may batch:
	// the entry may be written after it returns, and lost in a crash.
	LogQuestion(ctx context.Context, e LogEntry) error
}

// Deliveries claims platform deliveries (events, commands, interactions)
// so that each is answered once however many times, and by however many
// replicas, it is delivered.
type Deliveries interface {
	// Claim claims key until now+lease and reports whether the caller now
	// holds it: true for a key never claimed, or one whose claim lapsed
	// (now is at or past its end) without Complete; false while another
	// claim holds it, and after Complete. One round trip, atomic across
	// concurrent callers and replicas: of many claims at once, one wins.
	// lease must be positive.
	Claim(ctx context.Context, key string, now time.Time, lease time.Duration) (bool, error)
	// Complete marks key answered at now: no Claim succeeds on it again
	// until it is pruned, DeliveryTTL after now. A key not claimed (its
	// claim was made elsewhere, say while the store was down) is marked
	// answered all the same.
	Complete(ctx context.Context, key string, now time.Time) error
	// Release drops the claim on key made at claimed (the now of the
	// Claim that won it) if it was not completed, so that the platform's
	// next delivery of key is answered: the next Claim succeeds. A
	// completed key stays completed, and a claim made at another time (one
	// that took over after the caller's lapsed) stays held. An unknown key
	// is no error.
	Release(ctx context.Context, key string, claimed time.Time) error
}

// Threads keeps the last turn of each conversation the bot answered in.
type Threads interface {
	// SaveTurn records t as the last turn of the conversation key, saved
	// at at, replacing the one before. Its presence marks a thread the bot
	// answered in. The store keeps it for TurnTTL after at.
	SaveTurn(ctx context.Context, key string, t Turn, at time.Time) error
	// LastTurn returns the conversation's last turn and when it was saved,
	// or ErrNotFound when there is none (or it was pruned).
	LastTurn(ctx context.Context, key string) (Turn, time.Time, error)
}

// Shares keeps the payloads behind Share buttons, so that any replica can
// post what another one answered.
type Shares interface {
	// SaveShare stores payload under key, saved at at, replacing any
	// payload under the same key. The store keeps it for ShareTTL after at.
	SaveShare(ctx context.Context, key string, payload []byte, at time.Time) error
	// LoadShare returns the payload stored under key, or ErrNotFound when
	// there is none (or it was pruned).
	LoadShare(ctx context.Context, key string) ([]byte, error)
}

// Buckets keeps the per-user token buckets of the rate limit.
type Buckets interface {
	// Take takes one token from key's bucket at now and reports whether
	// there was one. A bucket holds at most burst tokens and starts full;
	// it refills at perSecond tokens a second from the time of its last
	// take, and not at all while now is before that time (clocks of
	// replicas differ). A refused take changes nothing. One round trip,
	// atomic across concurrent callers and replicas: of n takes at once on
	// a bucket holding k tokens, min(n, k) succeed. perSecond must be
	// positive and burst at least 1. A bucket untouched for BucketTTL may
	// be forgotten, and starts full again.
	Take(ctx context.Context, key string, perSecond float64, burst int, now time.Time) (bool, error)
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
