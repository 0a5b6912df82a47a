package postgres

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/talksbot/talksbot/adapters/internal/questionlog"
	"github.com/talksbot/talksbot/bot"
)

// DefaultConnectTimeout bounds each attempt to connect when the URL sets no
// connect_timeout: Open fails within it when the server is down or does not
// answer, and a replica notices an outage as quickly.
const DefaultConnectTimeout = 5 * time.Second

// pingTimeout bounds Ping: a readiness probe must answer quickly.
const pingTimeout = 2 * time.Second

// Options configure a Store. The zero value keeps questions and feedback
// forever and logs nothing.
type Options struct {
	// Logger receives what the store handles itself: migrations, and
	// question-log writes that failed or were dropped. nil discards.
	Logger *slog.Logger
	// Retention is how long questions and feedback are kept; Prune (run on
	// Open and now and then while the store is in use) deletes older ones.
	// Zero keeps them forever.
	Retention time.Duration
}

// Store is a bot.Store in a PostgreSQL database that any number of
// replicas share. It is safe for concurrent use. Every call takes a
// connection from a pool (pgxpool) that replaces broken connections by
// itself, so the store recovers on its own once an unreachable server is
// back; in between, calls fail with the reason.
type Store struct {
	pool      *pgxpool.Pool
	log       *slog.Logger
	retention time.Duration

	// qlog writes the question log and runs the automatic prunes; see
	// questions.go. Open starts it last.
	qlog *questionlog.Writer

	closeOnce sync.Once
}

var _ bot.Store = (*Store)(nil)

// Open connects to the PostgreSQL database at url (postgres://…, any
// setting pgx accepts, pool_max_conns among them), brings its schema up to
// date under an advisory lock, so that replicas starting together migrate
// once, and prunes what is past its age. It fails within the connect
// timeout (the URL's connect_timeout, DefaultConnectTimeout without one)
// when the server is down, with an error that names the server but never
// the password.
func Open(ctx context.Context, url string, opts Options) (*Store, error) {
	if opts.Retention < 0 {
		return nil, fmt.Errorf("open state database: negative retention %v", opts.Retention)
	}
	cfg, err := ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("open state database: %w", err)
	}
	s := &Store{log: opts.Logger, retention: opts.Retention}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	where := describe(cfg)
	if s.pool, err = pgxpool.NewWithConfig(ctx, cfg); err != nil {
		return nil, &openError{where: where, err: err}
	}
	// The pool connects lazily: a first connection now makes a server that
	// is down an error here rather than on the first question.
	if err := s.pool.Ping(ctx); err != nil {
		s.pool.Close()
		return nil, &openError{where: where, err: err}
	}
	if err := s.migrate(ctx); err != nil {
		s.pool.Close()
		return nil, &openError{where: where, err: err}
	}
	if _, err := s.Prune(ctx, time.Now()); err != nil {
		s.pool.Close()
		return nil, &openError{where: where, err: err}
	}
	s.startQuestionLog()
	return s, nil
}

// ParseURL parses a database URL as Open does: a postgres:// or
// postgresql:// URL that pgx accepts, with DefaultConnectTimeout when it
// sets no connect_timeout. Its errors never hold the password.
func ParseURL(url string) (*pgxpool.Config, error) {
	lower := strings.ToLower(url)
	if !strings.HasPrefix(lower, "postgres://") && !strings.HasPrefix(lower, "postgresql://") {
		return nil, errors.New("the database URL must start with postgres:// or postgresql://")
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("bad database URL: %s", parseReason(err))
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = DefaultConnectTimeout
	}
	return cfg, nil
}

// parseReason is what pgx found wrong with a URL, without the URL (pgx
// quotes it, hiding the password only as best it can).
func parseReason(err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "cannot parse `"); ok {
		if i := strings.LastIndex(rest, "`: "); i >= 0 {
			return rest[i+len("`: "):]
		}
		return "cannot parse it"
	}
	return msg
}

// describe names the database cfg points at, for errors and logs:
// user@host:port/database, never the password.
func describe(cfg *pgxpool.Config) string {
	c := cfg.ConnConfig
	return fmt.Sprintf("%s@%s/%s", c.User, net.JoinHostPort(c.Host, fmt.Sprint(c.Port)), c.Database)
}

// openError is why Open failed to open the database at where.
type openError struct {
	where string // user@host:port/database
	err   error
}

// Error names the database and the reason: briefly for a failure to
// connect, whose pgx message repeats the address; in full otherwise.
func (e *openError) Error() string {
	var connErr *pgconn.ConnectError
	if errors.As(e.err, &connErr) || pgconn.Timeout(e.err) {
		return "open state database " + e.where + ": " + Reason(e.err)
	}
	return "open state database " + e.where + ": " + e.err.Error()
}

func (e *openError) Unwrap() error { return e.err }

// Reason says briefly why a call to the database failed: the server's own
// message for an error it sent, the network's reason (connection refused,
// a timeout) when it could not be reached. It names neither the server nor
// the password, so that a public readiness probe may show it.
func Reason(err error) string {
	var openErr *openError
	if errors.As(err, &openErr) {
		err = openErr.err
	}
	var pgErr *pgconn.PgError
	var netErr *net.OpError
	switch {
	case errors.As(err, &pgErr):
		return fmt.Sprintf("%s (SQLSTATE %s)", pgErr.Message, pgErr.Code)
	case errors.Is(err, context.DeadlineExceeded), pgconn.Timeout(err):
		return "no answer in time"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case errors.As(err, &netErr):
		return "cannot reach the database: " + netErr.Err.Error()
	case errors.Is(err, pgx.ErrNoRows):
		return "no rows"
	}
	var connErr *pgconn.ConnectError
	if errors.As(err, &connErr) {
		if u := errors.Unwrap(connErr); u != nil {
			return "cannot connect: " + lastPart(u.Error())
		}
		return "cannot connect"
	}
	return err.Error()
}

// lastPart is the end of a chain of "context: cause" messages: pgx's
// connection errors begin with the server's address.
func lastPart(msg string) string {
	if i := strings.LastIndex(msg, ": "); i >= 0 && i+2 < len(msg) {
		return msg[i+2:]
	}
	return msg
}

// Close writes the pending question log, then closes every connection.
// Feedback and the shared state are in the database already. Calling it
// again does nothing.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		s.qlog.Close()
		s.pool.Close()
	})
	return nil
}

// Ping reports whether the database accepts writes, for /readyz: it
// answers within pingTimeout, and fails while the server is unreachable,
// when it is read-only (a standby after a failover, say) and, when the
// last question-log write failed, until a write succeeds again. Its errors
// name neither the server nor the password.
func (s *Store) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, pingTimeout)
	defer cancel()
	var writable bool
	err := s.pool.QueryRow(ctx,
		`SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off'`).Scan(&writable)
	switch {
	case err != nil:
		return fmt.Errorf("state database unreachable: %s", Reason(err))
	case !writable:
		return errors.New("state database is read-only (a standby?)")
	}
	// When a question-log write failed lately, a read is not proof enough:
	// a small write must succeed.
	return s.qlog.Recheck(func(failure error) error {
		if _, err := s.pool.Exec(ctx, `INSERT INTO health (id, at) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET at = excluded.at`); err != nil {
			return fmt.Errorf("state database not writable: last question-log write failed (%s); a test write failed too: %s", Reason(failure), Reason(err))
		}
		return nil
	})
}

// KeySize is the size of the secrets Key makes.
const KeySize = 32

// Key returns the secret named name, creating it on first use: KeySize
// random bytes, the same for every replica, however many ask at once. The
// first replica's insert wins; the others read it.
func (s *Store) Key(ctx context.Context, name string) ([]byte, error) {
	if name == "" {
		return nil, errors.New("key: empty name")
	}
	fresh := make([]byte, KeySize)
	_, _ = rand.Read(fresh) // crypto/rand.Read never fails
	if _, err := s.pool.Exec(ctx,
		`INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, name, fresh); err != nil {
		return nil, fmt.Errorf("key %s: %w", name, err)
	}
	// A statement of its own, so that it sees a row another replica
	// committed after the insert began.
	var key []byte
	if err := s.pool.QueryRow(ctx, `SELECT value FROM secrets WHERE name = $1`, name).Scan(&key); err != nil {
		return nil, fmt.Errorf("key %s: %w", name, err)
	}
	if len(key) != KeySize {
		return nil, fmt.Errorf("key %s: %d bytes stored, want %d (delete the row from the secrets table to make a new key)", name, len(key), KeySize)
	}
	return key, nil
}

// SaveFeedback records a user's verdict on a reply, durably: it returns
// once the transaction committed. A user has one verdict per reply: voting
// again replaces the earlier one.
func (s *Store) SaveFeedback(ctx context.Context, f bot.Feedback) error {
	if strings.TrimSpace(f.ReplyID) == "" {
		return errors.New("save feedback: empty reply id")
	}
	_, err := s.pool.Exec(ctx, `
		INSERT INTO feedback (reply_id, platform, user_id, helpful, theme, at)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (reply_id, platform, user_id) DO UPDATE SET
			helpful = excluded.helpful, theme = excluded.theme, at = excluded.at`,
		text(f.ReplyID), text(string(f.Platform)), text(f.User), f.Helpful, text(f.Theme), ms(orNow(f.At)))
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
// it, in one transaction. Open runs it, and the store runs it now and then
// while in use; replicas pruning at once only wait for each other.
func (s *Store) Prune(ctx context.Context, now time.Time) (Pruned, error) {
	var p Pruned
	type step struct {
		what   string
		query  string
		before time.Time
		n      *int64
	}
	steps := []step{
		{"deliveries", `DELETE FROM deliveries WHERE at < $1`, now.Add(-bot.DeliveryTTL), &p.Deliveries},
		{"turns", `DELETE FROM turns WHERE at < $1`, now.Add(-bot.TurnTTL), &p.Turns},
		{"shares", `DELETE FROM shares WHERE at < $1`, now.Add(-bot.ShareTTL), &p.Shares},
		{"buckets", `DELETE FROM buckets WHERE at < $1`, now.Add(-bot.BucketTTL), &p.Buckets},
	}
	if s.retention > 0 {
		before := now.Add(-s.retention)
		steps = append(steps,
			step{"questions", `DELETE FROM questions WHERE at < $1`, before, &p.Questions},
			step{"feedback", `DELETE FROM feedback WHERE at < $1`, before, &p.Feedback})
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		for _, st := range steps {
			tag, err := tx.Exec(ctx, st.query, st.before)
			if err != nil {
				return fmt.Errorf("prune %s: %w", st.what, err)
			}
			*st.n = tag.RowsAffected()
		}
		return nil
	})
	if err != nil {
		return Pruned{}, fmt.Errorf("prune: %w", err)
	}
	return p, nil
}

// ms is how times are stored: to the millisecond, as bot.Store promises.
func ms(t time.Time) time.Time { return time.UnixMilli(t.UnixMilli()).UTC() }

func orNow(t time.Time) time.Time {
	if t.IsZero() {
		return time.Now()
	}
	return t
}

// text makes s storable in a text column, which holds valid UTF-8 without
// NUL bytes: anything else becomes U+FFFD. The bot's text is valid
// already, so this changes nothing it sends; it keeps a malformed value
// from failing a whole write.
func text(s string) string {
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

// checkKey checks a key the bot passes: non-empty valid UTF-8 without NUL
// bytes, which a text column can hold.
func checkKey(op, key string) error {
	switch {
	case key == "":
		return fmt.Errorf("%s: empty key", op)
	case !utf8.ValidString(key):
		return fmt.Errorf("%s: key %q is not valid UTF-8", op, key)
	case strings.IndexByte(key, 0) >= 0:
		return fmt.Errorf("%s: key %q holds a NUL byte", op, key)
	}
	return nil
}
