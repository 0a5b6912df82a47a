package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/talksbot/talksbot/adapters/sqlite"
	"github.com/talksbot/talksbot/bot"
)

func Example() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "talksbot-state-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	s, err := sqlite.Open(ctx, dir, sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()

	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	s.LogQuestion(ctx, bot.LogEntry{ReplyID: "r1", Platform: bot.Slack, User: "U1",
		Question: "What has Congress pushed for?", Answered: true, Mode: bot.ModeExtractive, At: at})
	s.LogQuestion(ctx, bot.LogEntry{ReplyID: "r2", Platform: bot.Discord, User: "D7",
		Question: "Who won the World Cup?", Mode: bot.ModeExtractive, At: at.Add(time.Minute)})
	s.SaveFeedback(ctx, bot.Feedback{ReplyID: "r1", Platform: bot.Slack, User: "U1",
		Helpful: true, Theme: "Keeping Support At The Top", At: at.Add(2 * time.Minute)})

	// A replica claims an event for 30 s, answers it and marks it done: the
	// platform's retry, even a minute later, is not answered again.
	first, _ := s.Claim(ctx, "slack:Ev0123", at, 30*time.Second)
	s.Complete(ctx, "slack:Ev0123", at.Add(2*time.Second))
	again, _ := s.Claim(ctx, "slack:Ev0123", at.Add(time.Minute), 30*time.Second)
	fmt.Println("first delivery:", first, "retry:", again)

	r, err := s.Report(ctx, at.Add(-7*24*time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("questions: %d (answered %d, declined %d)\n", r.Questions, r.Answered, r.Declined)
	for _, q := range r.Gaps {
		fmt.Printf("not covered: %q asked %d time(s)\n", q.Question, q.Count)
	}
	for _, th := range r.Themes {
		fmt.Printf("theme %q: %d up, %d down\n", th.Theme, th.Up, th.Down)
	}
	// Output:
	// first delivery: true retry: false
	// questions: 2 (answered 1, declined 1)
	// not covered: "Who won the World Cup?" asked 1 time(s)
	// theme "Keeping Support At The Top": 1 up, 0 down
}
