package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"
)

// DefaultEventTTL is how long a MemoryStore remembers a delivered event id.
const DefaultEventTTL = 24 * time.Hour

// maxMemoryEntries bounds the feedback and question lists of a MemoryStore;
// past it the oldest tenth goes.
const maxMemoryEntries = 100000

// MemoryStore is a Store that keeps everything in memory, for tests, the CLI
// and runs without a data folder. Its zero value is ready to use; set
// EventTTL and Now before first use. It is safe for concurrent use.
type MemoryStore struct {
	// EventTTL is how long a delivered event id is remembered; DefaultEventTTL
	// when zero.
	EventTTL time.Duration
	// Now returns the current time; time.Now when nil.
	Now func() time.Time

	mu        sync.Mutex
	feedback  []Feedback
	questions []LogEntry
	events    map[string]time.Time // event id → when it expires
	expiries  []eventExpiry        // in insertion order, for pruning
}

type eventExpiry struct {
	id string
	at time.Time
}

var _ Store = (*MemoryStore)(nil)

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore { return &MemoryStore{} }

// SaveFeedback records f.
func (s *MemoryStore) SaveFeedback(ctx context.Context, f Feedback) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("save feedback: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.feedback = appendBounded(s.feedback, f)
	return nil
}

// LogQuestion records e.
func (s *MemoryStore) LogQuestion(ctx context.Context, e LogEntry) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("log question: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.questions = appendBounded(s.questions, e)
	return nil
}

// FirstDelivery records eventID and reports whether it was seen for the
// first time within EventTTL.
func (s *MemoryStore) FirstDelivery(ctx context.Context, eventID string) (bool, error) {
	if eventID == "" {
		return false, errors.New("first delivery: event id is empty")
	}
	if err := ctx.Err(); err != nil {
		return false, fmt.Errorf("first delivery: %w", err)
	}
	now := time.Now()
	if s.Now != nil {
		now = s.Now()
	}
	ttl := s.EventTTL
	if ttl <= 0 {
		ttl = DefaultEventTTL
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.events == nil {
		s.events = make(map[string]time.Time)
	}
	s.prune(now)
	if exp, ok := s.events[eventID]; ok && now.Before(exp) {
		return false, nil
	}
	exp := now.Add(ttl)
	s.events[eventID] = exp
	s.expiries = append(s.expiries, eventExpiry{id: eventID, at: exp})
	return true, nil
}

// ForgetDelivery forgets eventID, so that its next delivery counts as the
// first.
func (s *MemoryStore) ForgetDelivery(ctx context.Context, eventID string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.events, eventID)
	return nil
}

var _ DeliveryForgetter = (*MemoryStore)(nil)

// prune forgets expired event ids. Expiries are appended in time order, so
// the expired ones lead the list. Callers hold mu.
func (s *MemoryStore) prune(now time.Time) {
	n := 0
	for _, e := range s.expiries {
		if now.Before(e.at) {
			break
		}
		if exp, ok := s.events[e.id]; ok && exp.Equal(e.at) {
			delete(s.events, e.id)
		}
		n++
	}
	if n > 0 {
		s.expiries = slices.Delete(s.expiries, 0, n)
	}
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

func appendBounded[T any](list []T, v T) []T {
	if len(list) >= maxMemoryEntries {
		list = slices.Delete(list, 0, len(list)-maxMemoryEntries+maxMemoryEntries/10)
	}
	return append(list, v)
}
