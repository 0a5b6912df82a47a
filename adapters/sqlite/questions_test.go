package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/internal/questionlog/questionlogtest"
	"github.com/talksbot/talksbot/adapters/sqlite"
	"github.com/talksbot/talksbot/bot"
)

// holdWriteLock takes the database's write lock from a connection of its
// own, as another process would, and returns a function releasing it.
func holdWriteLock(t *testing.T, dir string) (release func()) {
	t.Helper()
	conn, err := rawDB(t, dir).Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatalf("take the write lock: %v", err)
	}
	done := false
	release = func() {
		if done {
			return
		}
		done = true
		if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
			t.Errorf("release the write lock: %v", err)
		}
		conn.Close()
	}
	t.Cleanup(release)
	return release
}

// countQuestions counts the logged questions straight from the file.
func countQuestions(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(t.Context(), "SELECT count(*) FROM questions").Scan(&n); err != nil {
		t.Fatalf("count questions: %v", err)
	}
	return n
}

func TestLogQuestionDoesNotWaitForTheDisk(t *testing.T) {
	// While another process holds the write lock, a synchronous write would
	// wait for the lock and then fail; the question log queues and returns.
	defer sqlite.SetBusyTimeouts(2*time.Second, 50*time.Millisecond)()
	ctx := t.Context()
	s, dir := openStore(t)
	release := holdWriteLock(t, dir)
	for i := range 10 {
		if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: fmt.Sprint(i), Question: "q"}); err != nil {
			t.Fatalf("LogQuestion while the database is locked: %v", err)
		}
	}
	release()
	if err := s.Flush(ctx); err != nil {
		t.Fatalf("Flush: %v", err)
	}
	if n := countQuestions(t, rawDB(t, dir)); n != 10 {
		t.Errorf("stored %d questions, want 10", n)
	}
}

// TestQuestionLogAndReport runs the suite both stores share: batches
// stored whole, Close writing what is queued, the report read back; a
// second store on the folder stands for a second process.
func TestQuestionLogAndReport(t *testing.T) {
	questionlogtest.Run(t, func(t *testing.T) questionlogtest.DB {
		dir := t.TempDir()
		refused := 0
		return questionlogtest.DB{
			Open: func() questionlogtest.Store {
				s, err := sqlite.Open(t.Context(), dir, sqlite.Options{})
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				t.Cleanup(func() { s.Close() })
				return s
			},
			Refuse: func(replyID string) {
				refused++
				q := fmt.Sprintf(`CREATE TRIGGER refuse_%d BEFORE INSERT ON questions WHEN NEW.reply_id = '%s'
					BEGIN SELECT RAISE(ABORT, 'disk says no'); END`, refused, strings.ReplaceAll(replyID, "'", "''"))
				if _, err := rawDB(t, dir).ExecContext(t.Context(), q); err != nil {
					t.Fatal(err)
				}
			},
		}
	})
}

func TestQuestionLogWriteFailure(t *testing.T) {
	ctx := t.Context()
	var logs syncBuffer
	dir := t.TempDir()
	s, err := sqlite.Open(ctx, dir, sqlite.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	db := rawDB(t, dir)
	// A failing disk, in effect: every write to the log and to the health
	// row is refused.
	for _, table := range []string{"questions", "health"} {
		q := fmt.Sprintf("CREATE TRIGGER refuse_%[1]s BEFORE INSERT ON %[1]s BEGIN SELECT RAISE(ABORT, 'disk says no'); END", table)
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
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
	// Taking the lock works, but the last write failed: Ping tries one.
	err = s.Ping(ctx)
	if err == nil || !strings.Contains(err.Error(), "not writable") || !strings.Contains(err.Error(), "disk says no") {
		t.Errorf("Ping after a failed write = %v, want not writable, saying why", err)
	}
	// The disk recovers: Ping's own write succeeds and readiness returns
	// without waiting for the next question.
	for _, table := range []string{"questions", "health"} {
		if _, err := db.ExecContext(ctx, "DROP TRIGGER refuse_"+table); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Ping(ctx); err != nil {
		t.Errorf("Ping after recovery: %v", err)
	}
	if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: "r2", Question: "q"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Flush(ctx); err != nil {
		t.Errorf("Flush after recovery: %v", err)
	}
}

func TestQuestionLogPrunesNowAndThen(t *testing.T) {
	defer sqlite.SetPruneEvery(3)()
	ctx := t.Context()
	s, dir := openStore(t)
	if err := s.Complete(ctx, "old", time.Now()); err != nil {
		t.Fatal(err)
	}
	expired := time.Now().Add(-sqlite.DeliveryTTL - time.Minute).UnixMilli()
	if _, err := rawDB(t, dir).ExecContext(ctx, "UPDATE deliveries SET at = ? WHERE event_id = 'old'", expired); err != nil {
		t.Fatal(err)
	}
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

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a logger.
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
