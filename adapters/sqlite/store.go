package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/talksbot/talksbot/bot"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// FileName is the database file's name inside the state folder.
const FileName = "talksbot.db"

// DeliveryTTL is how long a delivered event id is remembered. Platforms
// retry a delivery within minutes (Slack) or at most a quarter of an hour
// (Discord interactions), so a day is ample; older ids are pruned on open and
// from time to time while the store is in use.
const DeliveryTTL = 24 * time.Hour

// pruneEvery is how many first deliveries pass between two automatic prunes
// of expired delivery ids while the store is open. Tests lower it.
var pruneEvery uint64 = 1024

// busyTimeout bounds how long a connection waits for another process's
// write lock before giving up with SQLITE_BUSY.
const busyTimeout = 5 * time.Second

// Store is a bot.Store backed by one SQLite database file. It is safe for
// concurrent use; writes are serialised through a single connection, reads
// (reports) use a separate read-only pool so they never wait behind a write.
type Store struct {
	path       string
	w          *sql.DB // exactly one connection: SQLite has one writer at a time
	r          *sql.DB // query_only connections for reports
	deliveries atomic.Uint64
}

var _ bot.Store = (*Store)(nil)

// Open opens (creating when missing) the state database talksbot.db in dir,
// creating dir too, brings its schema up to date and proves it writable. It
// prunes delivery ids older than DeliveryTTL.
//
// The database runs in WAL mode with synchronous=FULL: a write is on disk
// when the method that made it returns, so whatever the bot acknowledged to a
// user survives the process being killed or the machine losing power.
func Open(ctx context.Context, dir string) (*Store, error) {
	if strings.TrimSpace(dir) == "" {
		return nil, errors.New("open state database: empty state folder path")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("open state database in %s: %w", dir, err)
	}
	if err := os.MkdirAll(abs, 0o750); err != nil {
		return nil, fmt.Errorf("open state database: create state folder %s: %w", abs, err)
	}
	// SQLite's own word for an unwritable folder is "unable to open database
	// file"; trying a file first gives the operator the system's reason.
	probe, err := os.CreateTemp(abs, ".talksbot-write-check-*")
	if err != nil {
		return nil, fmt.Errorf("open state database: state folder %s not writable: %w", abs, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	path := filepath.Join(abs, FileName)

	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("open state database %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxIdleTime(0)
	w.SetConnMaxLifetime(0)

	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open state database %s: %w", path, err)
	}
	s := &Store{path: path, w: w}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open state database %s: %w", path, err)
	}
	// The read pool opens after the writer has created the file and switched
	// it to WAL, so query_only connections never need to write to set up.
	s.r, err = sql.Open("sqlite", dsn(path, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open state database %s: %w", path, err)
	}
	s.r.SetMaxOpenConns(4)
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open state database: %w", err)
	}
	if _, err := s.Prune(ctx, time.Now().Add(-DeliveryTTL)); err != nil {
		s.Close()
		return nil, fmt.Errorf("open state database: %w", err)
	}
	return s, nil
}

// dsn builds the driver's connection string for the database at path. The
// path goes through a file: URI so that characters such as '?' or '#' in a
// folder name cannot be taken for parameters.
func dsn(path string, readOnly bool) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	q := []string{
		"_pragma=busy_timeout(" + fmt.Sprint(busyTimeout.Milliseconds()) + ")",
		"_pragma=foreign_keys(1)",
		"_pragma=synchronous(FULL)",
	}
	if readOnly {
		q = append(q, "_pragma=query_only(1)")
	} else {
		// WAL lets reports read while the bot writes. It is a property of
		// the file, so only the writer sets it. Transactions begin
		// IMMEDIATE so that a second process serialises on BEGIN instead of
		// failing midway on a lock upgrade.
		q = append(q, "_pragma=journal_mode(WAL)", "_txlock=immediate")
	}
	return u.String() + "?" + strings.Join(q, "&")
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database. Every acknowledged write is already on disk.
func (s *Store) Close() error {
	var errs []error
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.w != nil {
		// Checkpoint so the next open starts from a small WAL; a failure
		// here loses nothing, the WAL still holds every commit.
		_, _ = s.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		errs = append(errs, s.w.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close state database %s: %w", s.path, err)
	}
	return nil
}

// Ping proves the database writable by writing to it: /readyz reports the
// state unwritable when it fails.
func (s *Store) Ping(ctx context.Context) error {
	_, err := s.w.ExecContext(ctx,
		`INSERT INTO health (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at`,
		millis(time.Now()))
	if err != nil {
		return fmt.Errorf("state database %s not writable: %w", s.path, err)
	}
	return nil
}

// SaveFeedback records a user's verdict on a reply. A user has one verdict
// per reply: voting again replaces the earlier one.
func (s *Store) SaveFeedback(ctx context.Context, f bot.Feedback) error {
	if strings.TrimSpace(f.ReplyID) == "" {
		return errors.New("save feedback: empty reply id")
	}
	_, err := s.w.ExecContext(ctx, `
		INSERT INTO feedback (reply_id, platform, user_id, helpful, theme, at)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (reply_id, platform, user_id) DO UPDATE SET
			helpful = excluded.helpful, theme = excluded.theme, at = excluded.at`,
		f.ReplyID, string(f.Platform), f.User, f.Helpful, f.Theme, millis(orNow(f.At)))
	if err != nil {
		return fmt.Errorf("save feedback on reply %s: %w", f.ReplyID, err)
	}
	return nil
}

// LogQuestion records one answered or declined question. The log holds the
// question, its outcome, mode and latency; never a token.
func (s *Store) LogQuestion(ctx context.Context, e bot.LogEntry) error {
	_, err := s.w.ExecContext(ctx, `
		INSERT INTO questions (reply_id, platform, user_id, question, question_key, answered, mode, latency_ms, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ReplyID, string(e.Platform), e.User, e.Question, questionKey(e.Question),
		e.Answered, e.Mode, e.Latency.Milliseconds(), millis(orNow(e.At)))
	if err != nil {
		return fmt.Errorf("log question of reply %s: %w", e.ReplyID, err)
	}
	return nil
}

// FirstDelivery records a platform event id and reports whether it was seen
// for the first time. Ids are remembered for DeliveryTTL.
func (s *Store) FirstDelivery(ctx context.Context, eventID string) (bool, error) {
	if eventID == "" {
		return false, errors.New("record delivery: empty event id")
	}
	res, err := s.w.ExecContext(ctx,
		`INSERT INTO deliveries (event_id, at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING`,
		eventID, millis(time.Now()))
	if err != nil {
		return false, fmt.Errorf("record delivery %s: %w", eventID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("record delivery %s: %w", eventID, err)
	}
	if n == 1 && s.deliveries.Add(1)%pruneEvery == 0 {
		// Expired ids are dropped now and then so a long-running process
		// does not grow the table without bound. The event is recorded
		// already; a failed prune is retried at the next round.
		_, _ = s.Prune(ctx, time.Now().Add(-DeliveryTTL))
	}
	return n == 1, nil
}

// Prune forgets delivered event ids recorded before olderThan and returns how
// many it removed. Feedback and the question log are kept.
func (s *Store) Prune(ctx context.Context, olderThan time.Time) (int64, error) {
	res, err := s.w.ExecContext(ctx, `DELETE FROM deliveries WHERE at < ?`, millis(olderThan))
	if err != nil {
		return 0, fmt.Errorf("prune deliveries: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("prune deliveries: %w", err)
	}
	return n, nil
}

// millis is how times are stored: milliseconds since the Unix epoch, UTC.
func millis(t time.Time) int64 { return t.UnixMilli() }

func orNow(t time.Time) time.Time {
	if t.IsZero() {
		return time.Now()
	}
	return t
}

// questionKey folds a question for grouping in reports: case, spacing and
// trailing punctuation do not make two questions different.
func questionKey(q string) string {
	q = strings.ToLower(strings.Join(strings.Fields(q), " "))
	return strings.TrimRightFunc(q, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r)
	})
}
