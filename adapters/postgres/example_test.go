package postgres_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/talksbot/talksbot/adapters/postgres"
	"github.com/talksbot/talksbot/bot"
)

// Example opens the shared store as each replica does and claims an
// event: whichever replica claims it first answers it, and marks it done.
// (It needs a PostgreSQL, so it is compiled but not run by go test.)
func Example() {
	ctx := context.Background()
	s, err := postgres.Open(ctx, os.Getenv("TALKSBOT_DATABASE_URL"), postgres.Options{Retention: 90 * 24 * time.Hour})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()

	// The same 32 bytes on every replica: the bot's Options.ReplyKey, with
	// the store as its Options.Store.
	key, err := s.Key(ctx, "reply")
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = bot.Options{Store: s, ReplyKey: key}

	now := time.Now()
	if first, err := s.Claim(ctx, "slack:Ev0123", now, 30*time.Second); err == nil && first {
		// … answer the event, then:
		_ = s.Complete(ctx, "slack:Ev0123", time.Now())
	}
	if err := s.Ping(ctx); err != nil {
		fmt.Println("not ready:", err)
	}
}
