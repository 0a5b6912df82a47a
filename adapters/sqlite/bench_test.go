package sqlite_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// BenchmarkSaveFeedback measures one durable write: SaveFeedback returns
// only once the record is synced to disk (synchronous=FULL), so the figure
// is bound by the disk's fsync.
func BenchmarkSaveFeedback(b *testing.B) {
	s, _ := openStore(b)
	ctx := b.Context()
	i := 0
	for b.Loop() {
		err := s.SaveFeedback(ctx, bot.Feedback{ReplyID: fmt.Sprint(i), Platform: bot.Slack, User: "U1", Helpful: true, Theme: "Spoilers"})
		if err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkClaim measures claiming a delivery, the write every incoming
// platform event pays before it is answered.
func BenchmarkClaim(b *testing.B) {
	s, _ := openStore(b)
	ctx := b.Context()
	now := time.Now()
	i := 0
	for b.Loop() {
		if _, err := s.Claim(ctx, fmt.Sprint("ev", i), now, 30*time.Second); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkTake measures a rate-limit check, the other write every
// question pays: one user asking once a second at a rate of one a second,
// so that every take succeeds and writes (a refused take writes nothing
// and costs a tenth of it).
func BenchmarkTake(b *testing.B) {
	s, _ := openStore(b)
	ctx := b.Context()
	now := time.Now()
	for b.Loop() {
		now = now.Add(time.Second)
		ok, err := s.Take(ctx, "slack:U1", 1, 5, now)
		if err != nil || !ok {
			b.Fatalf("Take = %v, %v; want true, nil", ok, err)
		}
	}
}

// BenchmarkLogQuestion measures what an answer pays to log its question:
// queueing the entry, the write happening in batches behind it. It reports
// how many entries the queue had to drop, since a loop this tight outpaces
// the disk.
func BenchmarkLogQuestion(b *testing.B) {
	s, _ := openStore(b)
	ctx := b.Context()
	i := 0
	for b.Loop() {
		err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: fmt.Sprint(i), Platform: bot.Slack, User: "U1", Question: "What has Congress pushed for?", Answered: true})
		if err != nil {
			b.Fatal(err)
		}
		i++
	}
	if err := s.Flush(ctx); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(s.DroppedQuestions()), "dropped")
}
