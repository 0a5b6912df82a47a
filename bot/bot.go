package bot

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/talksbot/talksbot/knowledge"
)

// Defaults applied when the matching Options field is zero.
const (
	DefaultK         = 3
	DefaultThreadTTL = time.Hour
	DefaultBurst     = 5

	DefaultQueueTimeout = 10 * time.Second
	DefaultRankTimeout  = 2 * time.Second

	// DefaultDeliveryLease is how long a delivery claim holds before
	// another replica may take the delivery over. Slack retries an event it
	// got no acknowledgement for after about a minute (Discord's
	// interactions must be answered within 3 s, then 15 min): 30 s lets a
	// replica that died mid-answer have its delivery answered by the
	// retry, yet is long enough that a live replica's answer is not
	// duplicated.
	DefaultDeliveryLease = 30 * time.Second
)

// maxK bounds Options.K so a misconfiguration cannot flood a chat message.
const maxK = 20

// maxReplyThemes bounds the replies whose theme the bot remembers for
// feedback (least recently stored go first).
const maxReplyThemes = 10000

// storeTimeout bounds a call of the store while a request is answered (a
// question-log write, a claim, a rate-limit take, a turn read or write) so
// that a slow store cannot hold up the reply for long: past it, the call
// falls back to the process's memory.
const storeTimeout = 2 * time.Second

// Options configure a Bot. The zero value is usable: extractive answers, an
// in-memory store, no logging, no limits.
type Options struct {
	Drafter Drafter // nil: extractive answers only
	// Store keeps what replicas share; nil: a MemoryStore. While it fails,
	// delivery claims, turns, shares and rate limits fall back to the
	// process's memory (see Bot).
	Store  Store
	Logger *slog.Logger // nil: discard
	K      int          // citations per answer; 3 when zero, at most 20

	// DraftObserver, when set, is told what became of each draft (used,
	// or not and why), once per draft, after the bot's verdict. Metrics
	// implement it. nil: none.
	DraftObserver DraftObserver

	// RatePerMinute is how many requests a user may make per minute on one
	// platform, across every replica sharing the Store (a token bucket per
	// user, one Take per request); zero disables the limit. Requests
	// without a User are not limited per user (MaxConcurrent still bounds
	// them).
	RatePerMinute float64
	// Burst is how many requests a user may make in a quick row before
	// RatePerMinute applies; 5 when zero.
	Burst int
	// MaxConcurrent bounds the questions and summaries being answered at
	// once; zero means no bound. A request that cannot start within
	// QueueTimeout, or before its context is done, gets a "busy" reply.
	MaxConcurrent int
	// QueueTimeout bounds how long a question or summary waits for one of
	// the MaxConcurrent slots; 10 s when zero, no bound but the request's
	// context when negative.
	QueueTimeout time.Duration

	// NewRanker, when set, builds the Ranker of an index: one that ranks
	// that index's passages by meaning (embeddings), to order an answer's
	// citations together with the keyword ranking (hybrid retrieval). New
	// and SetIndex call it once per index, before the index serves, so it
	// must return quickly and do no I/O: work such as embedding the
	// passages belongs in Rank or in a warm-up its caller runs. A nil
	// Ranker leaves that index to the keyword ranking. nil: keyword ranking
	// only.
	NewRanker func(*knowledge.Index) Ranker
	// RankTimeout bounds one Ranker call; 2 s when zero or negative. An
	// answer whose ranking fails or runs late is ranked by keywords alone.
	RankTimeout time.Duration

	// ReplyKey signs the reply ids the bot issues, so that feedback is
	// accepted only for replies it gave (Feedback returns ErrUnknownReply
	// otherwise). Keep it across restarts, and share it between replicas,
	// for older buttons to keep working; a random key when empty.
	// SetReplyKey replaces it while the bot runs.
	ReplyKey []byte

	// QuestionLog says what the question log keeps: every entry
	// (QuestionLogFull, the default when empty), entries without the user
	// (QuestionLogAnonymous), or nothing (QuestionLogOff).
	QuestionLog QuestionLog

	// ThreadTTL is how long a thread's last turn serves as the context of
	// a follow-up; one hour when zero. The turn itself is kept for TurnTTL,
	// marking the thread as one the bot answered in (Follows).
	ThreadTTL time.Duration

	// DeliveryLease is how long FirstDelivery's claim on a delivery holds
	// while the bot answers it; DefaultDeliveryLease when zero or negative.
	DeliveryLease time.Duration

	// Now returns the current time; time.Now when nil. Tests use it to move
	// time past TTLs and rate limits.
	Now func() time.Time
}

// Bot turns Requests into Replies. It is safe for concurrent use.
//
// What replicas must agree on goes through the Store: delivery claims,
// threads' last turns, Share payloads and rate-limit buckets. When the
// Store fails (or takes longer than 2 s), that call falls back to a
// MemoryStore of the bot's own, so questions are still answered, with
// deliveries deduplicated, threads followed and users limited per process
// only. The first failure logs a warning, "state store unavailable", and
// the first success after it logs that the store is back; in between, the
// Store is tried at most once a second and the rest goes straight to
// memory. Feedback is never acknowledged unless the Store saved it:
// Feedback returns the Store's error.
type Bot struct {
	kb   atomic.Pointer[knowledgeBase] // nil until an index is given
	qlog QuestionLog
	// keys sign new reply ids and verify those given back; SetReplyKey
	// swaps them.
	keys atomic.Pointer[replyKeys]
	// drafting is cancelled by StopDrafting: every draft in flight, and
	// every later one, then ends, and its answer is the extractive one.
	drafting     context.Context
	stopDrafting context.CancelFunc
	drafter      Drafter
	observer     DraftObserver // nil: none
	store        Store
	log          *slog.Logger
	k            int
	now          func() time.Time
	threadTTL    time.Duration
	perSecond    float64 // the per-user rate; 0: no limit
	burst        int
	slots        chan struct{}
	queue        time.Duration // ≤ 0: wait for a slot as long as ctx allows
	lease        time.Duration // of a delivery claim
	// claims holds when this process won each delivery it is still
	// answering, for a lease: ForgetDelivery releases that claim and no
	// other (a claim older than its lease may have been taken over).
	claims *lru[string, time.Time]

	// fallback keeps the state while the store fails; down says it does,
	// and probeAt (unix nanoseconds by now) when to try the store again.
	fallback *MemoryStore
	down     atomic.Bool
	probeAt  atomic.Int64

	newRanker   func(*knowledge.Index) Ranker // nil: keyword ranking only
	rankTimeout time.Duration
	rankerDown  atomic.Bool // the last ranking failed; logged once until it works again

	// replyThemes remembers each answer's and summary's theme (the section
	// of its first citation) for the feedback given on it.
	replyThemes *lru[string, string]
}

// New returns a Bot answering from ix. A nil ix is allowed: until SetIndex
// provides one, every request gets an error reply saying so.
func New(ix *knowledge.Index, opts Options) *Bot {
	b := &Bot{
		drafter:  opts.Drafter,
		observer: opts.DraftObserver,
		store:    opts.Store,
		log:      opts.Logger,
		k:        opts.K,
		now:      opts.Now,
		queue:    opts.QueueTimeout,

		newRanker:   opts.NewRanker,
		rankTimeout: opts.RankTimeout,
		qlog:        opts.QuestionLog,
		replyThemes: newLRU[string, string](maxReplyThemes, 0),
	}
	b.drafting, b.stopDrafting = context.WithCancel(context.Background())
	key := bytes.Clone(opts.ReplyKey)
	if len(key) == 0 {
		key = make([]byte, 32)
		_, _ = rand.Read(key) // crypto/rand.Read never fails
	}
	b.keys.Store(&replyKeys{current: key})
	if b.log == nil {
		b.log = slog.New(slog.DiscardHandler)
	}
	if b.k <= 0 {
		b.k = DefaultK
	}
	b.k = min(b.k, maxK)
	if b.now == nil {
		b.now = time.Now
	}
	if b.queue == 0 {
		b.queue = DefaultQueueTimeout
	}
	b.lease = opts.DeliveryLease
	if b.lease <= 0 {
		b.lease = DefaultDeliveryLease
	}
	b.claims = newLRU[string, time.Time](maxClaimTimes, b.lease)
	if b.rankTimeout <= 0 {
		b.rankTimeout = DefaultRankTimeout
	}
	if b.store == nil {
		b.store = &MemoryStore{Now: b.now}
	}
	b.fallback = &MemoryStore{Now: b.now}
	b.threadTTL = opts.ThreadTTL
	if b.threadTTL <= 0 {
		b.threadTTL = DefaultThreadTTL
	}
	if opts.RatePerMinute > 0 {
		b.perSecond = opts.RatePerMinute / 60
		b.burst = opts.Burst
		if b.burst <= 0 {
			b.burst = DefaultBurst
		}
	}
	if opts.MaxConcurrent > 0 {
		b.slots = make(chan struct{}, opts.MaxConcurrent)
	}
	if ix != nil {
		b.kb.Store(b.newKnowledgeBase(ix))
	}
	return b
}

// knowledgeBase is what the bot answers from: an index, the Ranker built
// for it and the Checker reading drafts with its lexicon. They are swapped
// together, so that a question is always ranked by the ranker of the index
// it is answered from, and its draft checked by the words of that index,
// even during a reload.
type knowledgeBase struct {
	ix     *knowledge.Index
	ranker Ranker // nil: keyword ranking only
	check  *Checker
}

// newKnowledgeBase pairs ix with the Ranker built for it and its Checker.
func (b *Bot) newKnowledgeBase(ix *knowledge.Index) *knowledgeBase {
	kb := &knowledgeBase{ix: ix, check: NewChecker(ix)}
	if b.newRanker != nil {
		kb.ranker = b.newRanker(ix)
	}
	return kb
}

// Handle answers one request. It always returns a Reply: bad input and
// failures become a KindError reply with a message fit for the user.
func (b *Bot) Handle(ctx context.Context, req Request) (reply Reply) {
	start := b.now()
	id := b.newID()
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("panic while handling a request",
				"reply_id", id, "platform", string(req.Platform),
				"panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			reply = errorReply(id, ProblemInternal, msgInternal)
		}
	}()

	cmd, problem := requestCommand(req)
	if problem != "" {
		return errorReply(id, ProblemBadInput, problem)
	}
	if !b.allow(ctx, req, start) {
		// Debug, not info: a flood of requests must not flood the log.
		b.log.Debug("rate limited", "reply_id", id, "platform", string(req.Platform))
		return errorReply(id, ProblemRateLimited, msgRateLimited)
	}
	kb := b.kb.Load()
	if kb == nil {
		return errorReply(id, ProblemUnavailable, msgNoIndex)
	}
	ix := kb.ix
	th := b.openThread(ctx, req)
	defer func() { b.markThread(ctx, th, reply) }()

	switch cmd.Name {
	case cmdAsk:
		if cmd.Arg == "" {
			return errorReply(id, ProblemBadInput, msgAskEmpty)
		}
		release, ok := b.acquire(ctx)
		if !ok {
			return b.busy(id, req)
		}
		defer release()
		reply = b.ask(ctx, kb, req, th, cmd.Arg, id, start)
	case cmdSummary:
		release, ok := b.acquire(ctx)
		if !ok {
			return b.busy(id, req)
		}
		defer release()
		reply = b.summary(ctx, kb, req, cmd.Arg, id)
	case cmdThemes:
		reply = themesReply(ix, id, "")
	case cmdSources:
		reply = sourcesReply(ix, id)
	case cmdHelp:
		reply = helpReply(ix, id, cmd.Arg)
	default:
		reply = helpReply(ix, id, cmd.Name)
	}
	b.rememberTheme(reply)
	b.log.Debug("request handled", "reply_id", id, "platform", string(req.Platform),
		"kind", string(reply.Kind), "mode", reply.Mode, "latency", b.now().Sub(start))
	return reply
}

// Feedback records a user's verdict on a reply through the Store. It fills
// At when zero and, when Theme is empty, the theme of the answer or summary
// the bot gave under that reply id (the section of its first citation; the
// bot remembers the last 10,000). It rejects feedback without a reply id or
// a user.
func (b *Bot) Feedback(ctx context.Context, f Feedback) error {
	if f.ReplyID == "" {
		return errors.New("feedback: reply id is empty")
	}
	if f.User == "" {
		return errors.New("feedback: user is empty")
	}
	if !b.issued(f.ReplyID) {
		return fmt.Errorf("feedback for reply %q: %w", printableID(f.ReplyID), ErrUnknownReply)
	}
	if f.At.IsZero() {
		f.At = b.now()
	}
	if f.Theme == "" {
		f.Theme, _ = b.replyThemes.get(f.ReplyID, f.At)
	}
	if err := b.store.SaveFeedback(ctx, f); err != nil {
		return fmt.Errorf("save feedback for reply %s: %w", f.ReplyID, err)
	}
	return nil
}

// StopDrafting cancels the LLM drafts in flight and every later one: their
// questions are answered extractively at once. serve calls it while it
// shuts down, so that answers still drafting are delivered before the
// grace period ends instead of being cut off.
func (b *Bot) StopDrafting() { b.stopDrafting() }

// Themes lists the knowledge base's themes (for autocomplete and menus). It
// is empty while no index is loaded.
func (b *Bot) Themes() []ThemeRef {
	kb := b.kb.Load()
	if kb == nil {
		return nil
	}
	return themeRefs(kb.ix.Themes())
}

// SetIndex swaps the knowledge base atomically (hot reload), together with
// the Ranker Options.NewRanker builds for ix. Requests being answered finish
// with the index and ranker they started with. A nil ix is ignored.
func (b *Bot) SetIndex(ix *knowledge.Index) {
	if ix == nil {
		b.log.Warn("ignoring a nil index")
		return
	}
	b.kb.Store(b.newKnowledgeBase(ix))
}

// acquire takes one of the MaxConcurrent answering slots, waiting until one
// frees up, QueueTimeout passes or ctx is done. ok is false when the wait
// ended without a slot.
func (b *Bot) acquire(ctx context.Context) (release func(), ok bool) {
	if b.slots == nil {
		return func() {}, true
	}
	release = func() { <-b.slots }
	select {
	case b.slots <- struct{}{}:
		return release, true
	default:
	}
	if b.queue > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, b.queue)
		defer cancel()
	}
	select {
	case b.slots <- struct{}{}:
		return release, true
	case <-ctx.Done():
		return nil, false
	}
}

// busy is the reply to a request that found no free answering slot.
func (b *Bot) busy(id string, req Request) Reply {
	// Debug, like rate limits: a burst of them must not flood the log.
	b.log.Debug("busy", "reply_id", id, "platform", string(req.Platform))
	return errorReply(id, ProblemBusy, msgBusy)
}

// rememberTheme remembers the theme of an answer or of a one-theme summary
// (the section of its first citation) for feedback on it.
func (b *Bot) rememberTheme(r Reply) {
	if len(r.Citations) == 0 || r.Citations[0].Section == "" {
		return
	}
	if r.Kind == KindAnswer || r.Kind == KindSummary && len(r.Themes) == 1 {
		b.replyThemes.put(r.ID, r.Citations[0].Section, b.now())
	}
}

// logQuestion writes one question-log entry. A failing store is logged and
// otherwise ignored: the user gets the answer regardless.
func (b *Bot) logQuestion(ctx context.Context, e LogEntry) {
	switch b.qlog {
	case QuestionLogOff:
		return
	case QuestionLogAnonymous:
		e.User = ""
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeTimeout)
	defer cancel()
	if err := b.store.LogQuestion(ctx, e); err != nil {
		b.log.Error("log question", "reply_id", e.ReplyID, "err", err)
	}
}

// QuestionLog is what the question log keeps.
type QuestionLog string

// What the question log keeps.
const (
	QuestionLogFull      QuestionLog = "full"      // every question, with its user
	QuestionLogAnonymous QuestionLog = "anonymous" // every question, without its user
	QuestionLogOff       QuestionLog = "off"       // nothing
)

// A reply id is 12 random hex digits and 8 of their signature.
const (
	replyRandomBytes = 6
	replySigBytes    = 4
)

// replyKeys are the keys of reply ids: current signs new ids, and ids
// signed by it or by previous (nil when there is none) are accepted.
type replyKeys struct {
	current, previous []byte
}

// SetReplyKey makes key the one that signs new reply ids, as
// Options.ReplyKey does at start: serve calls it when the shared key of
// the replicas becomes available after the bot started with a key of its
// own. Ids signed by the key it replaces are still accepted (one key back),
// so that the buttons of answers already given keep working. An empty key,
// or the current one, changes nothing. It is safe to call at any time.
func (b *Bot) SetReplyKey(key []byte) {
	if len(key) == 0 {
		return
	}
	key = bytes.Clone(key)
	for {
		old := b.keys.Load()
		if hmac.Equal(old.current, key) {
			return
		}
		if b.keys.CompareAndSwap(old, &replyKeys{current: key, previous: old.current}) {
			return
		}
	}
}

// newID returns a random reply id signed with the current reply key.
func (b *Bot) newID() string {
	var p [replyRandomBytes]byte
	_, _ = rand.Read(p[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(p[:]) + hex.EncodeToString(replySig(b.keys.Load().current, p[:]))
}

// replySig signs the random part of a reply id with key.
func replySig(key, random []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write(random)
	return m.Sum(nil)[:replySigBytes]
}

// issued reports whether id is a reply id this bot (or one sharing its
// key) issued, under its current reply key or the one before.
func (b *Bot) issued(id string) bool {
	raw, err := hex.DecodeString(id)
	if err != nil || len(raw) != replyRandomBytes+replySigBytes {
		return false
	}
	random, sig := raw[:replyRandomBytes], raw[replyRandomBytes:]
	keys := b.keys.Load()
	if hmac.Equal(sig, replySig(keys.current, random)) {
		return true
	}
	return keys.previous != nil && hmac.Equal(sig, replySig(keys.previous, random))
}

// printableID shortens an untrusted reply id for an error message.
func printableID(id string) string {
	if len(id) > 24 {
		id = id[:24] + "…"
	}
	return strings.ToValidUTF8(id, "?")
}

// ErrUnknownReply is returned by Feedback for a reply id the bot never
// issued: a forged or mistyped button.
var ErrUnknownReply = errors.New("feedback for a reply this bot did not give")

func errorReply(id string, p Problem, text string) Reply {
	return Reply{ID: id, Kind: KindError, Text: text, Ephemeral: true, Problem: p}
}
