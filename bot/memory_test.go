package bot_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/storetest"
)

// verdictStore gives a MemoryStore the read-back the contract suite needs.
type verdictStore struct{ *bot.MemoryStore }

func (s verdictStore) Verdicts(_ context.Context, replyID string) ([]bot.Feedback, error) {
	var out []bot.Feedback
	for _, f := range s.Feedbacks() {
		if f.ReplyID == replyID {
			out = append(out, f)
		}
	}
	return out, nil
}

func TestMemoryStoreContract(t *testing.T) {
	storetest.Run(t, func(*testing.T) bot.Store { return verdictStore{bot.NewMemoryStore()} })
}

func TestMemoryStoreZeroValueContract(t *testing.T) {
	storetest.Run(t, func(*testing.T) bot.Store { return verdictStore{&bot.MemoryStore{}} })
}

// TestMemoryStoreForgets checks the retention of each kind of entry: by
// the times given for claims, by the store's clock for turns and shares.
func TestMemoryStoreForgets(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		ttl  time.Duration
		save func(s *bot.MemoryStore, at time.Time) error
		// live reports whether the entry saved at t0 is still there at now.
		live func(s *bot.MemoryStore, now time.Time) (bool, error)
	}{
		{"completed delivery", bot.DeliveryTTL,
			func(s *bot.MemoryStore, at time.Time) error { return s.Complete(ctx, "ev", at) },
			func(s *bot.MemoryStore, now time.Time) (bool, error) {
				ok, err := s.Claim(ctx, "ev", now, time.Second)
				return !ok, err
			}},
		{"turn", bot.TurnTTL,
			func(s *bot.MemoryStore, at time.Time) error { return s.SaveTurn(ctx, "t", bot.Turn{Question: "q"}, at) },
			func(s *bot.MemoryStore, _ time.Time) (bool, error) {
				_, _, err := s.LastTurn(ctx, "t")
				if errors.Is(err, bot.ErrNotFound) {
					return false, nil
				}
				return err == nil, err
			}},
		{"share", bot.ShareTTL,
			func(s *bot.MemoryStore, at time.Time) error { return s.SaveShare(ctx, "sh", []byte("p"), at) },
			func(s *bot.MemoryStore, _ time.Time) (bool, error) {
				_, err := s.LoadShare(ctx, "sh")
				if errors.Is(err, bot.ErrNotFound) {
					return false, nil
				}
				return err == nil, err
			}},
		{"emptied bucket", bot.BucketTTL,
			func(s *bot.MemoryStore, at time.Time) error {
				// One token a year: only forgetting refills it within a day.
				_, err := s.Take(ctx, "u", 1/(365*24*3600.0), 1, at)
				return err
			},
			func(s *bot.MemoryStore, now time.Time) (bool, error) {
				ok, err := s.Take(ctx, "u", 1/(365*24*3600.0), 1, now)
				return !ok, err
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				after time.Duration
				want  bool
			}{{tt.ttl - time.Millisecond, true}, {tt.ttl, false}} {
				clk := newClock(0)
				s := &bot.MemoryStore{Now: clk.Now}
				t0 := clk.Now()
				if err := tt.save(s, t0); err != nil {
					t.Fatal(err)
				}
				clk.Advance(c.after)
				got, err := tt.live(s, t0.Add(c.after))
				if err != nil || got != c.want {
					t.Errorf("after %v: live = %v, %v; want %v, nil", c.after, got, err, c.want)
				}
			}
		})
	}
}

// TestMemoryStoreIsBounded checks that each kind of entry is bounded by
// Max, the least recently used going first.
func TestMemoryStoreIsBounded(t *testing.T) {
	ctx := context.Background()
	clk := newClock(0)
	s := &bot.MemoryStore{Now: clk.Now, Max: 2}
	now := clk.Now()
	for _, k := range []string{"a", "b", "c"} {
		if err := s.SaveTurn(ctx, k, bot.Turn{Question: k}, now); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveShare(ctx, k, []byte(k), now); err != nil {
			t.Fatal(err)
		}
		if err := s.Complete(ctx, k, now); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveFeedback(ctx, bot.Feedback{ReplyID: k, User: "u"}); err != nil {
			t.Fatal(err)
		}
		if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: k}); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range []string{"a", "c"} {
		_, _, errTurn := s.LastTurn(ctx, k)
		_, errShare := s.LoadShare(ctx, k)
		claimed, _ := s.Claim(ctx, k, now, time.Second)
		wantGone := k == "a"
		if gone := errors.Is(errTurn, bot.ErrNotFound); gone != wantGone {
			t.Errorf("turn %s: gone = %v, want %v", k, gone, wantGone)
		}
		if gone := errors.Is(errShare, bot.ErrNotFound); gone != wantGone {
			t.Errorf("share %s: gone = %v, want %v", k, gone, wantGone)
		}
		if claimed != wantGone {
			t.Errorf("completed delivery %s: claimed again = %v, want %v", k, claimed, wantGone)
		}
	}
	if n := len(s.Feedbacks()); n > 2 {
		t.Errorf("got %d feedbacks, want at most 2", n)
	}
	if q := s.Questions(); len(q) > 2 || q[len(q)-1].ReplyID != "c" {
		t.Errorf("got questions %+v, want at most 2, the last one last", q)
	}
}
