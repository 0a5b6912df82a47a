package sqlite_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/sqlite"
	"github.com/talksbot/talksbot/bot"
)

func TestReport(t *testing.T) {
	ctx := t.Context()
	s, _ := openStore(t)
	now := time.Now().Truncate(time.Millisecond)
	old := now.Add(-10 * 24 * time.Hour)
	since := now.Add(-7 * 24 * time.Hour)

	log := func(q string, answered bool, at time.Time) {
		t.Helper()
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
	if err := s.SaveFeedback(ctx, bot.Feedback{ReplyID: "x", User: "U", Helpful: true, Theme: "Spoilers", At: old}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveFeedback(ctx, bot.Feedback{ReplyID: "y", User: "U", Helpful: false, Theme: "Spoilers", At: now}); err != nil {
		t.Fatal(err)
	}

	r, err := s.Report(ctx, since)
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
	if !r.Gaps[0].Last.Equal(now.Add(-time.Minute)) {
		t.Errorf("Gaps[0].Last = %v, want %v", r.Gaps[0].Last, now.Add(-time.Minute))
	}
	if want := "[{Spoilers 0 1}]"; fmt.Sprint(r.Themes) != want {
		t.Errorf("Themes = %v, want %s (older feedback left out)", r.Themes, want)
	}
}

func TestReportLimitsLists(t *testing.T) {
	ctx := t.Context()
	s, _ := openStore(t)
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

func counts(qs []bot.QuestionCount) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = fmt.Sprintf("%d %s", q.Count, q.Question)
	}
	return out
}

func TestReportGroupingUsesAnIndex(t *testing.T) {
	ctx := t.Context()
	_, dir := openStore(t)
	// The report's grouping of questions, as the planner sees it.
	rows, err := rawDB(t, dir).QueryContext(ctx, `EXPLAIN QUERY PLAN
		SELECT question, count(*) AS n, max(at) AS last
		FROM questions WHERE at >= ? AND answered = 0
		GROUP BY question_key
		ORDER BY n DESC, last DESC, question_key
		LIMIT 20`, time.Now().UnixMilli())
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	got := strings.Join(plan, "; ")
	if !strings.Contains(got, "COVERING INDEX questions_key") || strings.Contains(got, "GROUP BY") {
		t.Errorf("plan %q, want the covering index questions_key and no temporary b-tree for the grouping", got)
	}
}

// TestReaderDoesNotWrite opens a database read-only, as talksbot report
// does: the report reads what was stored, and the file is left as it was,
// whether serve is running or stopped.
func TestReaderDoesNotWrite(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := sqlite.Open(ctx, dir, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.LogQuestion(ctx, bot.LogEntry{ReplyID: "r1", Platform: bot.Slack, User: "U1", Question: "What has Congress pushed for?", Answered: true, At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if err := st.Flush(ctx); err != nil {
		t.Fatal(err)
	}

	read := func() {
		t.Helper()
		r, err := sqlite.OpenReader(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		rep, err := r.Report(ctx, time.Now().Add(-time.Hour))
		if err != nil || rep.Questions != 1 {
			t.Fatalf("got %+v, %v; want the one question", rep, err)
		}
	}
	read() // while the store is open, as while serve runs
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, sqlite.FileName)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	read() // once serve has stopped
	after, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the database file changed under a read-only report")
	}
	if _, err := sqlite.OpenReader(ctx, t.TempDir()); err == nil {
		t.Error("got no error for a folder without a database")
	}
}
