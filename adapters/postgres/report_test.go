package postgres_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/postgres"
	"github.com/talksbot/talksbot/adapters/postgres/pgtest"
	"github.com/talksbot/talksbot/bot"
)

// TestReport logs questions and feedback through two stores on one
// database, as two replicas do: the report of either counts both.
func TestReport(t *testing.T) {
	ctx := t.Context()
	url := pgtest.NewSchema(t)
	a, b := openAt(t, url, postgres.Options{}), openAt(t, url, postgres.Options{})
	now := time.Now().Truncate(time.Millisecond)
	old := now.Add(-10 * 24 * time.Hour)
	since := now.Add(-7 * 24 * time.Hour)

	replica := 0
	log := func(q string, answered bool, at time.Time) {
		t.Helper()
		s := []*postgres.Store{a, b}[replica%2]
		replica++
		if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: q, Platform: bot.Slack, User: "U", Question: q, Answered: answered, At: at}); err != nil {
			t.Fatal(err)
		}
	}
	log("What did Congress push for?", true, now.Add(-3*time.Hour))
	log("what did congress   push for", true, now.Add(-2*time.Hour))
	log("What did Congress push for??", true, now.Add(-time.Hour)) // the latest wording
	log("Who won the World Cup?", false, now.Add(-time.Hour))
	log("who won the world cup", false, now.Add(-time.Minute))
	log("How many centrifuges?", false, now)
	log("What are the spoilers?", true, now)
	log("Too old to count", false, old)
	if err := a.SaveFeedback(ctx, bot.Feedback{ReplyID: "x", User: "U", Helpful: true, Theme: "Spoilers", At: old}); err != nil {
		t.Fatal(err)
	}
	if err := b.SaveFeedback(ctx, bot.Feedback{ReplyID: "y", User: "U", Helpful: false, Theme: "Spoilers", At: now}); err != nil {
		t.Fatal(err)
	}
	if err := b.Flush(ctx); err != nil { // a's Report flushes a
		t.Fatal(err)
	}

	r, err := a.Report(ctx, since)
	if err != nil {
		t.Fatalf("Report: %v", err)
	}
	if !r.Since.Equal(since) {
		t.Errorf("Since = %v, want %v", r.Since, since)
	}
	if r.Questions != 7 || r.Answered != 4 || r.Declined != 3 {
		t.Errorf("counts = %d questions, %d answered, %d declined; want 7, 4, 3", r.Questions, r.Answered, r.Declined)
	}
	wantTop := []string{
		"3 What did Congress push for??",
		"2 who won the world cup",
		"1 How many centrifuges?",
		"1 What are the spoilers?",
	}
	if got := counts(r.Top); fmt.Sprint(got) != fmt.Sprint(wantTop) {
		t.Errorf("Top = %q, want %q", got, wantTop)
	}
	wantGaps := []string{"2 who won the world cup", "1 How many centrifuges?"}
	if got := counts(r.Gaps); fmt.Sprint(got) != fmt.Sprint(wantGaps) {
		t.Errorf("Gaps = %q, want %q", got, wantGaps)
	}
	if len(r.Gaps) > 0 && !r.Gaps[0].Last.Equal(now.Add(-time.Minute)) {
		t.Errorf("Gaps[0].Last = %v, want %v", r.Gaps[0].Last, now.Add(-time.Minute))
	}
	if want := "[{Spoilers 0 1}]"; fmt.Sprint(r.Themes) != want {
		t.Errorf("Themes = %v, want %s (older feedback left out)", r.Themes, want)
	}
}

func TestReportLimitsLists(t *testing.T) {
	ctx := t.Context()
	s, _ := openStore(t, postgres.Options{})
	start := time.Now()
	for i := range bot.ReportTop + 5 {
		q := fmt.Sprintf("question %d", i)
		if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: q, Question: q, At: start}); err != nil {
			t.Fatal(err)
		}
	}
	r, err := s.Report(ctx, start)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Top) != bot.ReportTop || len(r.Gaps) != bot.ReportTop {
		t.Errorf("got %d top and %d gaps, want %d each", len(r.Top), len(r.Gaps), bot.ReportTop)
	}
	if r.Questions != bot.ReportTop+5 {
		t.Errorf("Questions = %d, want %d", r.Questions, bot.ReportTop+5)
	}
}

func TestReportOfAnEmptyLog(t *testing.T) {
	s, _ := openStore(t, postgres.Options{})
	r, err := s.Report(t.Context(), time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if r.Questions != 0 || r.Top == nil || r.Gaps == nil || r.Themes == nil {
		t.Errorf("got %+v, want no questions and empty (not nil) lists", r)
	}
}

func counts(qs []bot.QuestionCount) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = fmt.Sprintf("%d %s", q.Count, q.Question)
	}
	return out
}

// TestReader reads the report as talksbot report does: what the replicas
// stored, read-only, and a clear error for a database serve never set up
// or one of another schema version.
func TestReader(t *testing.T) {
	ctx := t.Context()
	s, url := openStore(t, postgres.Options{})
	if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: "r1", Platform: bot.Slack, User: "U1", Question: "What has Congress pushed for?", Answered: true, At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if err := s.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	r, err := postgres.OpenReader(ctx, url)
	if err != nil {
		t.Fatalf("OpenReader: %v", err)
	}
	defer r.Close()
	rep, err := r.Report(ctx, time.Now().Add(-time.Hour))
	if err != nil || rep.Questions != 1 {
		t.Fatalf("got %+v, %v; want the one question", rep, err)
	}

	if _, err := postgres.OpenReader(ctx, pgtest.NewSchema(t)); err == nil || !strings.Contains(err.Error(), "start talksbot serve once") {
		t.Errorf("OpenReader of an empty database: %v, want an error saying serve sets it up", err)
	}
	pgtest.Exec(t, url, `INSERT INTO schema_migrations (version) VALUES ($1)`, postgres.SchemaVersion+1)
	if _, err := postgres.OpenReader(ctx, url); err == nil || !strings.Contains(err.Error(), "schema version") {
		t.Errorf("OpenReader of a newer schema: %v, want an error naming the schema version", err)
	}
}
