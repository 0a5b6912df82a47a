// Package questionlogtest checks a state store's question log and report
// on a real database against one set of expectations, so that the SQLite
// and PostgreSQL stores (packages sqlite and postgres) log and report the
// same way. Package questionlog's own tests check the queue in front of
// them; this suite checks what each store does itself: a batch stored whole
// or not at all, Close writing what is queued before the database closes,
// and the report read back from what several stores on one database
// logged.
package questionlogtest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// Store is a state store as the suite uses it. WriteQuestions writes one
// batch as the store's question-log writer does; the stores provide it to
// their tests in export_test.go.
type Store interface {
	LogQuestion(ctx context.Context, e bot.LogEntry) error
	SaveFeedback(ctx context.Context, f bot.Feedback) error
	Flush(ctx context.Context) error
	DroppedQuestions() uint64
	Report(ctx context.Context, since time.Time) (bot.Report, error)
	WriteQuestions(ctx context.Context, entries []bot.LogEntry) error
	Close() error
}

// DB is one fresh database for one subtest.
type DB struct {
	// Open opens a store on the database, closed when the test ends. Each
	// call opens another, as a second replica or process would.
	Open func() Store
	// Refuse makes the database refuse, from now on, to store a question
	// logged with replyID, as a failing disk would.
	Refuse func(replyID string)
}

// Run runs the suite, with a fresh database from fresh for every subtest.
func Run(t *testing.T, fresh func(t *testing.T) DB) {
	t.Helper()
	t.Run("Report", func(t *testing.T) { testReport(t, fresh(t)) })
	t.Run("ReportLimitsLists", func(t *testing.T) { testReportLimitsLists(t, fresh(t)) })
	t.Run("ReportOfAnEmptyLog", func(t *testing.T) { testReportOfAnEmptyLog(t, fresh(t)) })
	t.Run("BatchIsWrittenWhole", func(t *testing.T) { testBatchIsWrittenWhole(t, fresh(t)) })
	t.Run("CloseWritesPendingQuestions", func(t *testing.T) { testCloseWritesPending(t, fresh(t)) })
}

// testReport logs questions and feedback through two stores on one
// database, as two replicas (or a second process) do: the report of either
// counts both.
func testReport(t *testing.T, db DB) {
	ctx := t.Context()
	a, b := db.Open(), db.Open()
	now := time.Now().Truncate(time.Millisecond)
	old := now.Add(-10 * 24 * time.Hour)
	since := now.Add(-7 * 24 * time.Hour)

	logged := 0
	log := func(q string, answered bool, at time.Time) {
		t.Helper()
		s := []Store{a, b}[logged%2]
		logged++
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

func testReportLimitsLists(t *testing.T, db DB) {
	ctx := t.Context()
	s := db.Open()
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

func testReportOfAnEmptyLog(t *testing.T, db DB) {
	r, err := db.Open().Report(t.Context(), time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if r.Questions != 0 || r.Top == nil || r.Gaps == nil || r.Themes == nil {
		t.Errorf("got %+v, want no questions and empty (not nil) lists", r)
	}
}

// testBatchIsWrittenWhole writes batches as the question log's writer
// does: stored whole, or, when the database refuses one entry, not at all.
func testBatchIsWrittenWhole(t *testing.T, db DB) {
	ctx := t.Context()
	s := db.Open()
	db.Refuse("bad")
	start := time.Now()
	tests := []struct {
		name       string
		ids        []string
		wantErr    bool
		wantStored int
	}{
		{"a batch is stored", []string{"a", "b", "c"}, false, 3},
		{"one refused entry fails the whole batch", []string{"d", "bad", "e"}, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := questions(t, s, start)
			var batch []bot.LogEntry
			for _, id := range tt.ids {
				batch = append(batch, bot.LogEntry{ReplyID: id, Platform: bot.Slack, User: "U1", Question: "q " + id, At: start})
			}
			err := s.WriteQuestions(ctx, batch)
			if (err != nil) != tt.wantErr {
				t.Errorf("WriteQuestions = %v, want error %v", err, tt.wantErr)
			}
			if got := questions(t, s, start) - before; got != tt.wantStored {
				t.Errorf("stored %d of the batch, want %d", got, tt.wantStored)
			}
		})
	}
}

// testCloseWritesPending closes a store right after logging: its question
// log is written before the database is closed, as another store on the
// database then reports.
func testCloseWritesPending(t *testing.T, db DB) {
	ctx := t.Context()
	s := db.Open()
	start := time.Now()
	const n = 1000
	for i := range n {
		if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: fmt.Sprint(i), Question: fmt.Sprint("question ", i%7), At: start}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if got := questions(t, db.Open(), start); got != n || s.DroppedQuestions() != 0 {
		t.Errorf("after Close: %d stored, %d dropped; want %d stored", got, s.DroppedQuestions(), n)
	}
}

// questions counts the questions s reports logged since start.
func questions(t *testing.T, s Store, since time.Time) int {
	t.Helper()
	r, err := s.Report(t.Context(), since)
	if err != nil {
		t.Fatalf("Report: %v", err)
	}
	return r.Questions
}

// counts renders each question of a report's list as "count question".
func counts(qs []bot.QuestionCount) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = fmt.Sprintf("%d %s", q.Count, q.Question)
	}
	return out
}
