package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/talksbot/talksbot/adapters/internal/questionlog"
	"github.com/talksbot/talksbot/bot"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// FileName is the database file's name inside the state folder.
const FileName = "talksbot.db"

// DeliveryTTL is how long a delivery key is remembered after its last claim
// or completion, bot.DeliveryTTL; older keys are pruned on open and from
// time to time while the store is in use.
const DeliveryTTL = bot.DeliveryTTL

// busyTimeout bounds how long a write waits for another process's write
// lock before giving up with SQLITE_BUSY. Tests lower it.
var busyTimeout = 5 * time.Second

// pingBusyTimeout bounds how long Ping waits for the write lock: a
// readiness probe must answer quickly. Tests lower it.
var pingBusyTimeout = time.Second

// Options configure a Store. The zero value keeps everything and logs
// nothing.
type Options struct {
	// Logger receives what the store handles itself: question-log writes
	// that failed or were dropped. nil discards.
	Logger *slog.Logger
	// Retention is how long questions and feedback are kept; Prune (run on
	// Open and now and then while the store is in use) deletes older ones.
	// Zero keeps them forever.
	Retention time.Duration
}

// Store is a bot.Store backed by one SQLite database file. It is safe for
// concurrent use. Writes go through a single connection, the question log's
// asynchronously in batches (see LogQuestion); reports read through a
// separate read-only pool, so they never wait behind a write; Ping has a
// connection of its own, so a probe never queues behind the writer.
type Store struct {
	path      string
	file      os.FileInfo // the database file as opened, to notice it replaced
	log       *slog.Logger
	retention time.Duration

	w    *sql.DB // exactly one connection: SQLite has one writer at a time
	r    *sql.DB // query_only connections for reports
	ping *sql.DB // one connection with a short busy timeout, for Ping

	// qlog writes the question log and runs the automatic prunes; see
	// questions.go. Open starts it last.
	qlog *questionlog.Writer

	closeOnce sync.Once
	closeErr  error
}

var _ bot.Store = (*Store)(nil)

// Open opens (creating when missing) the state database talksbot.db in dir,
// creating dir too, brings its schema up to date and proves it writable. It
// prunes what is older than DeliveryTTL (delivery ids) and opts.Retention
// (questions and feedback).
//
// The database runs in WAL mode with synchronous=FULL: feedback and delivery
// ids are on disk when the method that wrote them returns, so whatever the
// bot acknowledged to a user survives the process being killed or the
// machine losing power. The question log, which nobody is told about, is
// written asynchronously in batches (see LogQuestion); Close writes what is
// pending.
func Open(ctx context.Context, dir string, opts Options) (*Store, error) {
	if strings.TrimSpace(dir) == "" {
		return nil, errors.New("open state database: empty state folder path")
	}
	if opts.Retention < 0 {
		return nil, fmt.Errorf("open state database: negative retention %v", opts.Retention)
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

	s := &Store{path: path, log: opts.Logger, retention: opts.Retention}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.w, err = openPool(ctx, path, dsn(path, modeWrite), 1); err != nil {
		return nil, fmt.Errorf("open state database %s: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("open state database %s: %w", path, err)
	}
	// The other pools open after the writer has created the file and
	// switched it to WAL, so they never need to write to set up.
	if s.r, err = openPool(ctx, path, dsn(path, modeRead), 4); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("open state database %s: %w", path, err)
	}
	if s.ping, err = openPool(ctx, path, dsn(path, modePing), 1); err != nil {
		s.w.Close()
		s.r.Close()
		return nil, fmt.Errorf("open state database %s: %w", path, err)
	}
	if s.file, err = os.Stat(path); err != nil {
		s.closePools()
		return nil, fmt.Errorf("open state database: %w", err)
	}
	if err := s.Ping(ctx); err != nil {
		s.closePools()
		return nil, fmt.Errorf("open state database %s: %w", path, err)
	}
	if _, err := s.Prune(ctx, time.Now()); err != nil {
		s.closePools()
		return nil, fmt.Errorf("open state database %s: %w", path, err)
	}
	s.startQuestionLog()
	return s, nil
}

// openPool opens a connection pool of at most n connections and checks that
// one connects.
func openPool(ctx context.Context, path, dsn string, n int) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	db.SetConnMaxIdleTime(0)
	db.SetConnMaxLifetime(0)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Connection modes for dsn.
const (
	modeWrite = iota
	modeRead
	modePing
)

// dsn builds the driver's connection string for the database at path. The
// path goes through a file: URI so that characters such as '?' or '#' in a
// folder name cannot be taken for parameters.
func dsn(path string, mode int) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	busy := busyTimeout
	if mode == modePing {
		busy = pingBusyTimeout
	}
	q := []string{
		"_pragma=busy_timeout(" + fmt.Sprint(busy.Milliseconds()) + ")",
		"_pragma=synchronous(FULL)",
	}
	switch mode {
	case modeRead:
		q = append(q, "_pragma=query_only(1)")
	case modeWrite:
		// WAL lets reports read while the bot writes. It is a property of
		// the file, so only the writer sets it.
		q = append(q, "_pragma=journal_mode(WAL)")
	}
	if mode != modeRead {
		// Transactions begin IMMEDIATE so that a second process serialises
		// on BEGIN instead of failing midway on a lock upgrade, and so that
		// Ping's BEGIN proves the write lock can be had.
		q = append(q, "_txlock=immediate")
	}
	return u.String() + "?" + strings.Join(q, "&")
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close writes the pending question log, then closes the database. Feedback
// and delivery ids are on disk already. Calling Close again returns the
// first call's result.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		s.qlog.Close()
		// Checkpoint so the next open starts from a small WAL; a failure
		// here loses nothing, the WAL still holds every commit.
		_, _ = s.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		if err := s.closePools(); err != nil {
			s.closeErr = fmt.Errorf("close state database %s: %w", s.path, err)
		}
	})
	return s.closeErr
}

func (s *Store) closePools() error {
	var errs []error
	for _, db := range []*sql.DB{s.ping, s.r, s.w} {
		if db != nil {
			errs = append(errs, db.Close())
		}
	}
	return errors.Join(errs...)
}

// Size returns the bytes the database takes on disk, its write-ahead log
// included; 0 when they cannot be read.
func (s *Store) Size() int64 {
	var n int64
	for _, p := range []string{s.path, s.path + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			n += fi.Size()
		}
	}
	return n
}

// Ping reports whether the state is writable, for /readyz. It answers within
// about a second: the database file must still be the one opened (not
// removed or replaced underneath the running process), the write lock must
// be obtainable, and when the last question-log write failed, a small write
// must now succeed. Its errors name no paths: probes may be public, and the
// operator knows where TALKSBOT_DATA points.
func (s *Store) Ping(ctx context.Context) error {
	fi, err := os.Stat(s.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("state database file was removed while in use: restart talksbot to recreate it")
	case err != nil:
		return fmt.Errorf("state database file unreadable: %w", pathless(err))
	case !os.SameFile(fi, s.file):
		return errors.New("state database file was replaced while in use: restart talksbot to use the new one")
	}
	ctx, cancel := context.WithTimeout(ctx, pingBusyTimeout+time.Second)
	defer cancel()
	tx, err := s.ping.BeginTx(ctx, nil) // BEGIN IMMEDIATE: takes the write lock
	if err != nil {
		return fmt.Errorf("state database not writable: %w", pathless(err))
	}
	defer tx.Rollback()
	if s.qlog == nil { // Open's own check: nothing logged yet
		return nil
	}
	// When a question-log write failed lately, taking the lock is not proof
	// enough: a small write must succeed.
	return s.qlog.Recheck(func(failure error) error {
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO health (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at`,
			millis(time.Now())); err != nil {
			return fmt.Errorf("state database not writable: %w", pathless(err))
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("state database not writable: last question-log write failed (%v); a test write failed too: %w", pathless(failure), pathless(err))
		}
		return nil
	})
}

// pathless strips the file name from a file-system error, keeping the
// system's reason.
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// SaveFeedback records a user's verdict on a reply, durably: it returns once
// the verdict is on disk. A user has one verdict per reply: voting again
// replaces the earlier one.
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

// Pruned counts the rows a Prune removed.
type Pruned struct {
	Deliveries int64 // delivery claims last claimed or completed more than bot.DeliveryTTL ago
	Turns      int64 // turns saved more than bot.TurnTTL ago
	Shares     int64 // share payloads saved more than bot.ShareTTL ago
	Buckets    int64 // rate-limit buckets last taken from more than bot.BucketTTL ago
	Questions  int64 // logged questions older than the retention
	Feedback   int64 // verdicts older than the retention
}

// Prune removes, as of now, the shared state past its age (delivery
// claims, turns, shares and buckets; see bot.DeliveryTTL and the rest)
// and, when Options.Retention is set, questions and feedback older than
// it. Open runs it, and the store runs it now and then while in use.
func (s *Store) Prune(ctx context.Context, now time.Time) (Pruned, error) {
	var p Pruned
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return p, fmt.Errorf("prune: %w", err)
	}
	defer tx.Rollback()
	type step struct {
		what   string
		query  string
		before time.Time
		n      *int64
	}
	steps := []step{
		{"deliveries", `DELETE FROM deliveries WHERE at < ?`, now.Add(-bot.DeliveryTTL), &p.Deliveries},
		{"turns", `DELETE FROM turns WHERE at < ?`, now.Add(-bot.TurnTTL), &p.Turns},
		{"shares", `DELETE FROM shares WHERE at < ?`, now.Add(-bot.ShareTTL), &p.Shares},
		{"buckets", `DELETE FROM buckets WHERE at < ?`, now.Add(-bot.BucketTTL), &p.Buckets},
	}
	if s.retention > 0 {
		before := now.Add(-s.retention)
		steps = append(steps,
			step{"questions", `DELETE FROM questions WHERE at < ?`, before, &p.Questions},
			step{"feedback", `DELETE FROM feedback WHERE at < ?`, before, &p.Feedback})
	}
	for _, st := range steps {
		res, err := tx.ExecContext(ctx, st.query, millis(st.before))
		if err != nil {
			return Pruned{}, fmt.Errorf("prune %s: %w", st.what, err)
		}
		if *st.n, err = res.RowsAffected(); err != nil {
			return Pruned{}, fmt.Errorf("prune %s: %w", st.what, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return Pruned{}, fmt.Errorf("prune: %w", err)
	}
	return p, nil
}

// millis is how times are stored: milliseconds since the Unix epoch, UTC.
func millis(t time.Time) int64 { return t.UnixMilli() }

func orNow(t time.Time) time.Time {
	if t.IsZero() {
		return time.Now()
	}
	return t
}
