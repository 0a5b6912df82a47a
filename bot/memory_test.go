package bot_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
)

func TestMemoryStoreDeduplicatesEvents(t *testing.T) {
	clk := newClock(0)
	s := &bot.MemoryStore{EventTTL: time.Hour, Now: clk.Now}
	ctx := context.Background()
	steps := []struct {
		name    string
		advance time.Duration
		id      string
		want    bool
	}{
		{"first", 0, "Ev1", true},
		{"retry", 0, "Ev1", false},
		{"other", 0, "Ev2", true},
		{"retry within the TTL", 59 * time.Minute, "Ev1", false},
		{"after the TTL", time.Minute, "Ev1", true},
		{"retry of the renewed id", 0, "Ev1", false},
		{"other after the TTL", 0, "Ev2", true},
	}
	for _, st := range steps {
		clk.Advance(st.advance)
		got, err := s.FirstDelivery(ctx, st.id)
		if err != nil || got != st.want {
			t.Errorf("%s: got %v, %v; want %v, nil", st.name, got, err, st.want)
		}
	}
	if _, err := s.FirstDelivery(ctx, ""); err == nil {
		t.Error("got no error for an empty event id, want one")
	}
}

func TestMemoryStoreZeroValue(t *testing.T) {
	var s bot.MemoryStore
	ctx := context.Background()
	if first, err := s.FirstDelivery(ctx, "Ev1"); !first || err != nil {
		t.Errorf("got %v, %v; want true, nil", first, err)
	}
	if err := s.SaveFeedback(ctx, bot.Feedback{ReplyID: "r", User: "u"}); err != nil {
		t.Errorf("got %v, want nil", err)
	}
	if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: "r", Question: "q"}); err != nil {
		t.Errorf("got %v, want nil", err)
	}
	if got := s.Feedbacks(); len(got) != 1 || got[0].ReplyID != "r" {
		t.Errorf("got feedbacks %+v, want the one saved", got)
	}
	if got := s.Questions(); len(got) != 1 || got[0].Question != "q" {
		t.Errorf("got questions %+v, want the one logged", got)
	}
}

func TestMemoryStoreHonoursContext(t *testing.T) {
	var s bot.MemoryStore
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.SaveFeedback(ctx, bot.Feedback{}); err == nil {
		t.Error("SaveFeedback: got no error with a done context, want one")
	}
	if err := s.LogQuestion(ctx, bot.LogEntry{}); err == nil {
		t.Error("LogQuestion: got no error with a done context, want one")
	}
	if _, err := s.FirstDelivery(ctx, "Ev1"); err == nil {
		t.Error("FirstDelivery: got no error with a done context, want one")
	}
}

func TestMemoryStoreConcurrentDelivery(t *testing.T) {
	s := bot.NewMemoryStore()
	var wg sync.WaitGroup
	var mu sync.Mutex
	firsts := make(map[string]int)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				id := fmt.Sprintf("Ev%d", i)
				first, err := s.FirstDelivery(context.Background(), id)
				if err != nil {
					t.Errorf("worker %d: %v", w, err)
					return
				}
				if first {
					mu.Lock()
					firsts[id]++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	for i := range 50 {
		id := fmt.Sprintf("Ev%d", i)
		if firsts[id] != 1 {
			t.Errorf("%s: got %d first deliveries, want exactly 1", id, firsts[id])
		}
	}
}

func TestForgetDelivery(t *testing.T) {
	ctx := context.Background()
	b := bot.New(nil, bot.Options{Store: bot.NewMemoryStore()})
	if first, _ := b.FirstDelivery(ctx, "Ev1"); !first {
		t.Fatal("first delivery: got false, want true")
	}
	if first, _ := b.FirstDelivery(ctx, "Ev1"); first {
		t.Fatal("retry before forgetting: got true, want false")
	}
	if err := b.ForgetDelivery(ctx, "Ev1"); err != nil {
		t.Fatal(err)
	}
	if first, _ := b.FirstDelivery(ctx, "Ev1"); !first {
		t.Error("retry after forgetting: got false, want true")
	}
}
