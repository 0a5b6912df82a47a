package postgres_test

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/internal/questionlog/questionlogtest"
	"github.com/talksbot/talksbot/adapters/postgres"
	"github.com/talksbot/talksbot/adapters/postgres/pgtest"
	"github.com/talksbot/talksbot/bot"
)

// lockQuestions locks the questions table from a connection of its own,
// as a long migration or a heavy report would, so that every write to it
// waits; it returns a function releasing the lock.
func lockQuestions(t *testing.T, url string) (release func()) {
	t.Helper()
	conn := pgtest.Connect(t, url)
	tx, err := conn.Begin(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(t.Context(), "LOCK TABLE questions IN EXCLUSIVE MODE"); err != nil {
		t.Fatalf("lock questions: %v", err)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			if err := tx.Rollback(context.Background()); err != nil {
				t.Errorf("release the lock: %v", err)
			}
		})
	}
	t.Cleanup(release)
	return release
}

// countQuestions counts the logged questions from a connection of its own.
func countQuestions(t *testing.T, url string) int {
	t.Helper()
	var n int
	if err := pgtest.Connect(t, url).QueryRow(t.Context(), "SELECT count(*) FROM questions").Scan(&n); err != nil {
		t.Fatalf("count questions: %v", err)
	}
	return n
}

func TestLogQuestionDoesNotWaitForTheDatabase(t *testing.T) {
	ctx := t.Context()
	s, url := openStore(t, postgres.Options{})
	release := lockQuestions(t, url)
	// The writer waits for the lock; LogQuestion queues and returns.
	for i := range 10 {
		if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: fmt.Sprint(i), Platform: bot.Slack, User: "U1", Question: "q"}); err != nil {
			t.Fatalf("LogQuestion while the table is locked: %v", err)
		}
	}
	release()
	if err := s.Flush(ctx); err != nil {
		t.Fatalf("Flush: %v", err)
	}
	if n := countQuestions(t, url); n != 10 {
		t.Errorf("stored %d questions, want 10", n)
	}
}

// TestQuestionLogAndReport runs the suite both stores share: batches
// stored whole, Close writing what is queued, the report read back; a
// second store on the database stands for a second replica.
func TestQuestionLogAndReport(t *testing.T) {
	questionlogtest.Run(t, func(t *testing.T) questionlogtest.DB {
		url := pgtest.NewSchema(t)
		refused := 0
		return questionlogtest.DB{
			Open: func() questionlogtest.Store { return openAt(t, url, postgres.Options{}) },
			Refuse: func(replyID string) {
				refused++
				pgtest.Exec(t, url, fmt.Sprintf(`CREATE FUNCTION refuse_%d() RETURNS trigger LANGUAGE plpgsql AS $$
					BEGIN IF NEW.reply_id = %s THEN RAISE EXCEPTION 'disk says no'; END IF; RETURN NEW; END $$`,
					refused, quote(replyID)))
				pgtest.Exec(t, url, fmt.Sprintf(`CREATE TRIGGER refuse_%[1]d BEFORE INSERT ON questions
					FOR EACH ROW EXECUTE FUNCTION refuse_%[1]d()`, refused))
			},
		}
	})
}

// quote makes s a string literal for SQL.
func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// refuse makes every insert into table fail with "disk says no", as a
// failing database would.
func refuse(t *testing.T, url, table string) {
	t.Helper()
	pgtest.Exec(t, url, `CREATE OR REPLACE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'disk says no'; END $$`)
	pgtest.Exec(t, url, fmt.Sprintf(`CREATE TRIGGER refuse_%[1]s BEFORE INSERT OR UPDATE ON %[1]s
		FOR EACH ROW EXECUTE FUNCTION refuse()`, table))
}

func TestQuestionLogWriteFailure(t *testing.T) {
	ctx := t.Context()
	var logs syncBuffer
	s, url := openStore(t, postgres.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	refuse(t, url, "questions")
	refuse(t, url, "health")
	if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: "r1", Question: "q"}); err != nil {
		t.Fatalf("LogQuestion: %v, want nil (the failure comes later)", err)
	}
	if err := s.Flush(ctx); err == nil || !strings.Contains(err.Error(), "disk says no") {
		t.Errorf("Flush = %v, want the write's failure", err)
	}
	if s.DroppedQuestions() != 1 {
		t.Errorf("DroppedQuestions = %d, want 1", s.DroppedQuestions())
	}
	if !strings.Contains(logs.String(), "question log write failed") {
		t.Errorf("log lacks the failure; log:\n%s", logs.String())
	}
	// The server answers, but the last write failed: Ping tries one.
	err := s.Ping(ctx)
	if err == nil || !strings.Contains(err.Error(), "not writable") || !strings.Contains(err.Error(), "disk says no") {
		t.Errorf("Ping after a failed write = %v, want not writable, saying why", err)
	}
	// The database recovers: Ping's own write succeeds and readiness
	// returns without waiting for the next question.
	pgtest.Exec(t, url, "DROP TRIGGER refuse_questions ON questions")
	pgtest.Exec(t, url, "DROP TRIGGER refuse_health ON health")
	if err := s.Ping(ctx); err != nil {
		t.Errorf("Ping after recovery: %v", err)
	}
	if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: "r2", Question: "q"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Flush(ctx); err != nil {
		t.Errorf("Flush after recovery: %v", err)
	}
	if n := countQuestions(t, url); n != 1 {
		t.Errorf("stored %d questions, want 1 (the one after recovery)", n)
	}
}

func TestQuestionLogPrunesNowAndThen(t *testing.T) {
	defer postgres.SetPruneEvery(3)()
	ctx := t.Context()
	s, url := openStore(t, postgres.Options{})
	if err := s.Complete(ctx, "old", time.Now()); err != nil {
		t.Fatal(err)
	}
	pgtest.Exec(t, url, "UPDATE deliveries SET at = $1 WHERE key = 'old'", time.Now().Add(-bot.DeliveryTTL-time.Minute))
	// A claim and two logged questions make three writes: a prune.
	if _, err := s.Claim(ctx, "new", time.Now(), time.Minute); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"r1", "r2"} {
		if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: id, Question: "q"}); err != nil {
			t.Fatal(err)
		}
		if err := s.Flush(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if first, err := s.Claim(ctx, "old", time.Now(), time.Minute); err != nil || !first {
		t.Errorf("Claim(old) = %v, %v; want true (pruned)", first, err)
	}
}

// TestQuestionsAreStoredAsLogged reads back a logged question's every
// field, and its folded form for the report.
func TestQuestionsAreStoredAsLogged(t *testing.T) {
	ctx := t.Context()
	s, url := openStore(t, postgres.Options{})
	at := time.Date(2026, 11, 20, 10, 0, 0, 123456789, time.UTC)
	e := bot.LogEntry{ReplyID: "r1", Platform: bot.Discord, User: "D7", Question: "  What did Congress   push for?? ",
		Answered: true, Mode: bot.ModeLLM, Latency: 1234 * time.Millisecond, At: at}
	if err := s.LogQuestion(ctx, e); err != nil {
		t.Fatal(err)
	}
	if err := s.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	var (
		got              bot.LogEntry
		platform, folded string
		latency          int64
	)
	err := pgtest.Connect(t, url).QueryRow(ctx, `SELECT reply_id, platform, user_id, question, question_key, answered, mode, latency_ms, at FROM questions`).
		Scan(&got.ReplyID, &platform, &got.User, &got.Question, &folded, &got.Answered, &got.Mode, &latency, &got.At)
	if err != nil {
		t.Fatal(err)
	}
	got.Platform, got.Latency = bot.Platform(platform), time.Duration(latency)*time.Millisecond
	want := e
	want.At = at.Truncate(time.Millisecond)
	if got.At.Equal(want.At) {
		got.At = want.At
	}
	if got != want || folded != "what did congress push for" {
		t.Errorf("stored %+v folded %q, want %+v folded %q", got, folded, want, "what did congress push for")
	}
}

// syncBuffer is a strings.Builder safe for the concurrent writes of a
// logger.
type syncBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
