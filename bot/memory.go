package bot

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"sync"
	"time"
)

// DefaultMemoryEntries bounds each kind of entry a MemoryStore keeps
// (feedback, questions, delivery claims, turns, shares, buckets) when
// MemoryStore.Max is zero.
const DefaultMemoryEntries = 100000

// tokenSlack is how far short of a whole token a bucket may be and still
// give one: refills are computed in floating point, and 30 s at 2 a minute
// must make a token.
const tokenSlack = 1e-9

// MemoryStore is a Store that keeps everything in one process's memory,
// for tests, the CLI, runs without a data folder, and the bot's fallback
// while its shared store is down. Its zero value is ready to use; set Now
// and Max before first use. It is safe for concurrent use.
//
// It keeps at most Max entries of each kind: past it the oldest tenth of
// the feedback or questions goes, and the least recently used delivery
// claims, turns, shares and buckets. Claims are forgotten DeliveryTTL after
// the time of their last Claim or Complete, turns TurnTTL and shares
// ShareTTL after they were saved (by Now), buckets BucketTTL after their
// last take.
type MemoryStore struct {
	// Now returns the current time; time.Now when nil. It ages turns and
	// shares, whose reads carry no time: give it the clock of the bots
	// that use the store (New does, for the store it makes).
	Now func() time.Time
	// Max bounds each kind of entry; DefaultMemoryEntries when zero.
	Max int

	mu        sync.Mutex
	ready     bool
	feedback  []Feedback
	questions []LogEntry
	claims    *lru[string, claim]
	turns     *lru[string, savedTurn]
	shares    *lru[string, savedShare]
	buckets   *lru[string, bucket]
}

// claim is a delivery key's state: claimed at at and held until until, or
// completed.
type claim struct {
	at, until time.Time
	done      bool
}

type savedTurn struct {
	turn Turn
	at   time.Time
}

type savedShare struct {
	payload []byte
	at      time.Time
}

// bucket is a token bucket as of at, its last take.
type bucket struct {
	tokens float64
	at     time.Time
}

var _ Store = (*MemoryStore)(nil)

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore { return &MemoryStore{} }

// lock locks s, setting it up on first use, and checks ctx and key.
// Callers unlock s.mu when it returns nil.
func (s *MemoryStore) lock(ctx context.Context, op, key string, keyed bool) error {
	if keyed && key == "" {
		return fmt.Errorf("%s: empty key", op)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	s.mu.Lock()
	if !s.ready {
		n := s.max()
		s.claims = newLRU[string, claim](n, DeliveryTTL)
		s.turns = newLRU[string, savedTurn](n, TurnTTL)
		s.shares = newLRU[string, savedShare](n, ShareTTL)
		s.buckets = newLRU[string, bucket](n, BucketTTL)
		s.ready = true
	}
	return nil
}

func (s *MemoryStore) max() int {
	if s.Max > 0 {
		return s.Max
	}
	return DefaultMemoryEntries
}

func (s *MemoryStore) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// SaveFeedback records f, replacing the verdict the same user gave on the
// same platform for the same reply.
func (s *MemoryStore) SaveFeedback(ctx context.Context, f Feedback) error {
	if err := s.lock(ctx, "save feedback", "", false); err != nil {
		return err
	}
	defer s.mu.Unlock()
	s.feedback = slices.DeleteFunc(s.feedback, func(g Feedback) bool {
		return g.ReplyID == f.ReplyID && g.Platform == f.Platform && g.User == f.User
	})
	s.feedback = appendBounded(s.feedback, f, s.max())
	return nil
}

// LogQuestion records e.
func (s *MemoryStore) LogQuestion(ctx context.Context, e LogEntry) error {
	if err := s.lock(ctx, "log question", "", false); err != nil {
		return err
	}
	defer s.mu.Unlock()
	s.questions = appendBounded(s.questions, e, s.max())
	return nil
}

// Claim claims key until now+lease; see Deliveries.
func (s *MemoryStore) Claim(ctx context.Context, key string, now time.Time, lease time.Duration) (bool, error) {
	if lease <= 0 {
		return false, fmt.Errorf("claim %s: lease %v is not positive", key, lease)
	}
	if err := s.lock(ctx, "claim", key, true); err != nil {
		return false, err
	}
	defer s.mu.Unlock()
	if c, ok := s.claims.get(key, now); ok && (c.done || now.Before(c.until)) {
		return false, nil
	}
	s.claims.put(key, claim{at: now, until: now.Add(lease)}, now)
	return true, nil
}

// claimed reports whether key is claimed at now by a live claim, or
// completed. The bot asks its fallback store this of every delivery the
// store lets it claim: what was claimed or answered while the store was
// down is known only here.
func (s *MemoryStore) claimed(key string, now time.Time) (live, done bool) {
	if s.lock(context.Background(), "claimed", key, true) != nil {
		return false, false
	}
	defer s.mu.Unlock()
	c, ok := s.claims.get(key, now)
	if !ok {
		return false, false
	}
	return !c.done && now.Before(c.until), c.done
}

// Complete marks key answered; see Deliveries.
func (s *MemoryStore) Complete(ctx context.Context, key string, now time.Time) error {
	if err := s.lock(ctx, "complete", key, true); err != nil {
		return err
	}
	defer s.mu.Unlock()
	s.claims.put(key, claim{done: true}, now)
	return nil
}

// Release drops key's claim made at claimed unless it was completed; see
// Deliveries.
func (s *MemoryStore) Release(ctx context.Context, key string, claimed time.Time) error {
	if err := s.lock(ctx, "release", key, true); err != nil {
		return err
	}
	defer s.mu.Unlock()
	s.claims.removeIf(key, func(c claim) bool { return !c.done && c.at.Equal(claimed) })
	return nil
}

// SaveTurn records t as the conversation's last turn; see Threads.
func (s *MemoryStore) SaveTurn(ctx context.Context, key string, t Turn, at time.Time) error {
	if err := s.lock(ctx, "save turn", key, true); err != nil {
		return err
	}
	defer s.mu.Unlock()
	s.turns.put(key, savedTurn{turn: t, at: at}, at)
	return nil
}

// LastTurn returns the conversation's last turn, or ErrNotFound when there
// is none or it is older than TurnTTL.
func (s *MemoryStore) LastTurn(ctx context.Context, key string) (Turn, time.Time, error) {
	if err := s.lock(ctx, "last turn", key, true); err != nil {
		return Turn{}, time.Time{}, err
	}
	defer s.mu.Unlock()
	st, ok := s.turns.get(key, s.now())
	if !ok {
		return Turn{}, time.Time{}, fmt.Errorf("last turn of %s: %w", key, ErrNotFound)
	}
	return st.turn, st.at, nil
}

// SaveShare stores a copy of payload under key; see Shares.
func (s *MemoryStore) SaveShare(ctx context.Context, key string, payload []byte, at time.Time) error {
	if err := s.lock(ctx, "save share", key, true); err != nil {
		return err
	}
	defer s.mu.Unlock()
	s.shares.put(key, savedShare{payload: bytes.Clone(payload), at: at}, at)
	return nil
}

// LoadShare returns a copy of the payload under key, or ErrNotFound when
// there is none or it is older than ShareTTL.
func (s *MemoryStore) LoadShare(ctx context.Context, key string) ([]byte, error) {
	if err := s.lock(ctx, "load share", key, true); err != nil {
		return nil, err
	}
	defer s.mu.Unlock()
	sh, ok := s.shares.get(key, s.now())
	if !ok {
		return nil, fmt.Errorf("load share %s: %w", key, ErrNotFound)
	}
	return append([]byte{}, sh.payload...), nil
}

// Take takes one token from key's bucket; see Buckets.
func (s *MemoryStore) Take(ctx context.Context, key string, perSecond float64, burst int, now time.Time) (bool, error) {
	if err := checkBucket(perSecond, burst); err != nil {
		return false, fmt.Errorf("take from %s: %w", key, err)
	}
	if err := s.lock(ctx, "take", key, true); err != nil {
		return false, err
	}
	defer s.mu.Unlock()
	b := bucket{tokens: float64(burst), at: now}
	if last, ok := s.buckets.get(key, now); ok {
		b = last.refilled(perSecond, burst, now)
	}
	if b.tokens < 1-tokenSlack {
		return false, nil
	}
	b.tokens--
	s.buckets.put(key, b, now)
	return true, nil
}

// refilled returns b as of now: refilled at perSecond since its last take,
// at most burst, and unchanged when now is before that take.
func (b bucket) refilled(perSecond float64, burst int, now time.Time) bucket {
	if !now.After(b.at) {
		return b
	}
	return bucket{tokens: min(float64(burst), b.tokens+now.Sub(b.at).Seconds()*perSecond), at: now}
}

// checkBucket checks the parameters of a Take.
func checkBucket(perSecond float64, burst int) error {
	switch {
	case !(perSecond > 0): // NaN too
		return fmt.Errorf("rate %v a second is not positive", perSecond)
	case burst < 1:
		return fmt.Errorf("burst %d is less than 1", burst)
	}
	return nil
}

// Feedbacks returns a copy of the recorded feedback, oldest first.
func (s *MemoryStore) Feedbacks() []Feedback {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.feedback)
}

// Questions returns a copy of the question log, oldest first.
func (s *MemoryStore) Questions() []LogEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.questions)
}

// appendBounded appends v to list, first dropping the oldest tenth of max
// when list holds max entries.
func appendBounded[T any](list []T, v T, max int) []T {
	if len(list) >= max {
		list = slices.Delete(list, 0, len(list)-max+max/10+1)
	}
	return append(list, v)
}
