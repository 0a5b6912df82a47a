package questionlog_test

import (
	"context"
	"fmt"
	"time"

	"github.com/talksbot/talksbot/adapters/internal/questionlog"
	"github.com/talksbot/talksbot/bot"
)

// A store starts a writer with the function that writes one batch, logs
// questions without waiting for them, and closes the writer before its
// database: Close writes what is still queued.
func Example() {
	write := func(ctx context.Context, entries []bot.LogEntry) error {
		fmt.Printf("one batch of %d:", len(entries))
		for _, e := range entries {
			fmt.Print(" ", e.ReplyID)
		}
		fmt.Println()
		return nil
	}
	w := questionlog.Start(write, questionlog.Options{MaxBatch: 2, FlushDelay: time.Hour})
	ctx := context.Background()
	for _, id := range []string{"r1", "r2", "r3"} {
		if err := w.Log(ctx, bot.LogEntry{ReplyID: id, Question: "What has Congress pushed for?"}); err != nil {
			fmt.Println(err)
		}
	}
	if err := w.Flush(ctx); err != nil { // waits for r1, r2 and r3
		fmt.Println(err)
	}
	w.Close()
	fmt.Println("dropped:", w.Dropped())
	// Output:
	// one batch of 2: r1 r2
	// one batch of 1: r3
	// dropped: 0
}
