package sqlite_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/sqlite"
	"github.com/talksbot/talksbot/bot"
)

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
