package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/talksbot/talksbot/adapters/postgres"
	"github.com/talksbot/talksbot/adapters/prometheus"
	"github.com/talksbot/talksbot/adapters/sqlite"
	"github.com/talksbot/talksbot/bot"
)

// stateStore is what serve needs of its state database besides a
// bot.Store: readiness, closing, and the count of question-log entries
// lost. The SQLite store and sharedState have it.
type stateStore interface {
	bot.Store
	Ping(ctx context.Context) error
	Close() error
	DroppedQuestions() uint64
}

// openState opens the state store the configuration asks for and returns
// the store the bot is to use and the key that signs reply ids. With
// TALKSBOT_DATABASE_URL it is the shared PostgreSQL database, whose Key
// every replica shares; while the database is unreachable serve starts
// anyway (see sharedState), with the key in TALKSBOT_DATA until the
// database opens (see adoptSharedKey). Without it, it
// is SQLite in TALKSBOT_DATA, or when that cannot be opened the bot's
// memory, with /readyz saying why.
func (s *service) openState(ctx context.Context, metrics *prometheus.Metrics) (bot.Store, []byte, error) {
	log := s.log.With("component", "state")
	octx, cancel := context.WithTimeout(ctx, openStateTimeout)
	defer cancel()
	if s.cfg.DatabaseURL.IsSet() {
		shared, err := openShared(octx, s.cfg.DatabaseURL.Reveal(), postgres.Options{Logger: log, Retention: s.cfg.Retention}, log)
		s.store = shared
		if err := metrics.CountDroppedQuestions(shared.DroppedQuestions); err != nil {
			return nil, nil, err
		}
		if err != nil {
			// Answering matters more than sharing: the bot keeps its state
			// in memory, and /readyz says why, until a retry opens the
			// database.
			log.Error("shared state database unreachable: answering with this replica's own state until it is back", "err", err)
			return shared, s.localReplyKey(), nil
		}
		pg := shared.pg.Load()
		log.Info("shared state database open")
		key, err := pg.Key(octx, replyKeyName)
		if err != nil {
			log.Warn("no shared reply key yet: this replica signs reply ids with its own key until it reads it", "err", err)
			s.keyPending = pg
			return shared, s.localReplyKey(), nil
		}
		return shared, key, nil
	}

	st, err := sqlite.Open(octx, s.cfg.Data, sqlite.Options{Logger: log, Retention: s.cfg.Retention})
	if err != nil {
		// Answering matters more than remembering: the bot keeps working
		// with state in memory, and /readyz says why it is not durable.
		s.stateErr = err
		s.log.Error("state database unavailable: keeping state in memory until restart", "data", s.cfg.Data, "err", err)
		return bot.NewMemoryStore(), s.localReplyKey(), nil
	}
	s.store = st
	s.log.Info("state database open", "path", st.Path())
	if err := errors.Join(metrics.CountDroppedQuestions(st.DroppedQuestions), metrics.GaugeStateSize(st.Size)); err != nil {
		return nil, nil, err
	}
	s.checkSize(st)
	return st, s.localReplyKey(), nil
}

// localReplyKey is the reply key kept in TALKSBOT_DATA; nil, and a random
// key of the bot's own, when it cannot be had.
func (s *service) localReplyKey() []byte {
	key, err := replyKey(s.cfg.Data)
	if err != nil {
		// Buttons of earlier answers stop counting feedback; new ones work.
		s.log.Warn("no lasting reply key: feedback on answers given before a restart will be refused", "err", err)
	}
	return key
}

// pruneState deletes what is past its age or the retention from the state
// database, as of now.
func (s *service) pruneState(ctx context.Context, now time.Time) error {
	switch st := s.store.(type) {
	case *sqlite.Store:
		p, err := st.Prune(ctx, now)
		if err != nil {
			return err
		}
		s.log.Debug("state database pruned", "questions", p.Questions, "feedback", p.Feedback, "deliveries", p.Deliveries)
		s.checkSize(st)
	case *sharedState:
		p, err := st.Prune(ctx, now)
		if err != nil {
			return err
		}
		s.log.Debug("shared state database pruned", "questions", p.Questions, "feedback", p.Feedback, "deliveries", p.Deliveries)
	}
	return nil
}

// replyKeyName names, in the shared database, the key that signs reply ids.
const replyKeyName = "reply"

// adoptSharedKey has the bot sign reply ids with the replicas' shared key
// once it can read it: after the database, unreachable at start, opens, or
// after reading the key failed at start. It tries until it succeeds or ctx
// is done, waiting longer after each failure. From then on feedback on
// this replica's answers counts whichever replica the click reaches. The
// bot still accepts ids signed with the key it had, so the buttons of
// answers given meanwhile keep working here.
func (s *service) adoptSharedKey(ctx context.Context, pg *postgres.Store) {
	wait := reopenFirst
	for tries := 1; ; tries++ {
		kctx, cancel := context.WithTimeout(ctx, openStateTimeout)
		key, err := pg.Key(kctx, replyKeyName)
		cancel()
		if err == nil {
			s.bot.SetReplyKey(key)
			s.log.Info("reply ids signed with the shared key: feedback on new answers counts on any replica, on earlier ones here",
				"component", "state")
			return
		}
		if tries == 1 {
			s.log.Warn("no shared reply key: this replica keeps signing reply ids with its own key, so feedback on its answers counts only when clicked here, until the key can be read",
				"component", "state", "err", err)
		} else {
			s.log.Debug("shared reply key still unreadable", "component", "state", "err", err, "retry_in", wait)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait = min(2*wait, reopenMax)
	}
}

// Reopening the shared database after it was unreachable at start: the
// first retry a second later, each wait doubling up to reopenMax.
const (
	reopenFirst = time.Second
	reopenMax   = 30 * time.Second
)

// sharedState is serve's state in PostgreSQL (TALKSBOT_DATABASE_URL). When
// the database is reachable at start it is simply the postgres Store. When
// it is not, serve starts all the same: until a retry in the background
// opens the database, every call fails at once with the reason, so that
// the bot keeps delivery claims, threads, shares and rate limits in its
// own memory (see bot.Bot), feedback is refused rather than acknowledged
// and lost, and questions for the log are counted as dropped. Once open,
// the pool reconnects by itself through later outages.
type sharedState struct {
	url  string
	opts postgres.Options
	log  *slog.Logger

	mu      sync.Mutex // held while attaching and closing
	pg      atomic.Pointer[postgres.Store]
	openErr atomic.Pointer[error] // why pg is nil
	closed  bool
	dropped atomic.Uint64 // questions logged before pg was open
	warned  atomic.Bool   // the drops were logged
}

var _ stateStore = (*sharedState)(nil)

// openShared opens the shared database once. On failure it returns a
// sharedState that is not open, and the error, which says why.
func openShared(ctx context.Context, url string, opts postgres.Options, log *slog.Logger) (*sharedState, error) {
	s := &sharedState{url: url, opts: opts, log: log}
	pg, err := postgres.Open(ctx, url, opts)
	if err != nil {
		s.openErr.Store(&err)
		return s, err
	}
	s.pg.Store(pg)
	return s, nil
}

// open returns the postgres Store, or an error saying why there is none.
func (s *sharedState) open() (*postgres.Store, error) {
	if pg := s.pg.Load(); pg != nil {
		return pg, nil
	}
	reason := "not open"
	if p := s.openErr.Load(); p != nil {
		reason = postgres.Reason(*p)
	}
	return nil, fmt.Errorf("shared state database not open since start: %s", reason)
}

// keepOpening retries opening the database until it opens or ctx is done,
// waiting longer after each failure, and then calls opened with it. It is
// serve's "state" component while the database was unreachable at start.
func (s *sharedState) keepOpening(ctx context.Context, opened func(context.Context, *postgres.Store)) error {
	wait := reopenFirst
	for s.pg.Load() == nil {
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
		wait = min(2*wait, reopenMax)
		octx, cancel := context.WithTimeout(ctx, openStateTimeout)
		pg, err := postgres.Open(octx, s.url, s.opts)
		cancel()
		if err != nil {
			s.openErr.Store(&err)
			s.log.Debug("shared state database still unreachable", "err", err, "retry_in", wait)
			continue
		}
		if !s.attach(pg) {
			return nil
		}
		s.log.Info("shared state database open: state is shared with the other replicas again",
			"question_log_dropped", s.dropped.Load())
		opened(ctx, pg)
	}
	return nil
}

// attach makes pg the store, unless serve has closed the state already.
func (s *sharedState) attach(pg *postgres.Store) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		pg.Close()
		return false
	}
	s.pg.Store(pg)
	return true
}

// Close closes the database, once it is open. A late open after Close
// closes what it opened.
func (s *sharedState) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	if pg := s.pg.Load(); pg != nil {
		return pg.Close()
	}
	return nil
}

// Ping is the readiness check: the database's, or why it is not open.
func (s *sharedState) Ping(ctx context.Context) error {
	pg, err := s.open()
	if err != nil {
		return fmt.Errorf("%w; answering with this replica's own state", err)
	}
	return pg.Ping(ctx)
}

// Prune prunes the database; nothing while it is not open.
func (s *sharedState) Prune(ctx context.Context, now time.Time) (postgres.Pruned, error) {
	pg, err := s.open()
	if err != nil {
		return postgres.Pruned{}, nil
	}
	return pg.Prune(ctx, now)
}

// DroppedQuestions counts the question-log entries lost: before the
// database was open, and by the store since.
func (s *sharedState) DroppedQuestions() uint64 {
	n := s.dropped.Load()
	if pg := s.pg.Load(); pg != nil {
		n += pg.DroppedQuestions()
	}
	return n
}

// LogQuestion logs e, or counts it dropped while the database is not open:
// the log may lose entries, the answer never waits for it.
func (s *sharedState) LogQuestion(ctx context.Context, e bot.LogEntry) error {
	pg, err := s.open()
	if err != nil {
		if s.dropped.Add(1); !s.warned.Swap(true) {
			s.log.Warn("question log entries dropped until the shared state database is open", "err", err)
		}
		return nil
	}
	return pg.LogQuestion(ctx, e)
}

// SaveFeedback saves f, or fails while the database is not open: a vote
// is acknowledged only once it is stored.
func (s *sharedState) SaveFeedback(ctx context.Context, f bot.Feedback) error {
	pg, err := s.open()
	if err != nil {
		return err
	}
	return pg.SaveFeedback(ctx, f)
}

// Claim delegates to the database.
func (s *sharedState) Claim(ctx context.Context, key string, now time.Time, lease time.Duration) (bool, error) {
	pg, err := s.open()
	if err != nil {
		return false, err
	}
	return pg.Claim(ctx, key, now, lease)
}

// Complete delegates to the database.
func (s *sharedState) Complete(ctx context.Context, key string, now time.Time) error {
	pg, err := s.open()
	if err != nil {
		return err
	}
	return pg.Complete(ctx, key, now)
}

// Release delegates to the database.
func (s *sharedState) Release(ctx context.Context, key string, claimed time.Time) error {
	pg, err := s.open()
	if err != nil {
		return err
	}
	return pg.Release(ctx, key, claimed)
}

// SaveTurn delegates to the database.
func (s *sharedState) SaveTurn(ctx context.Context, key string, t bot.Turn, at time.Time) error {
	pg, err := s.open()
	if err != nil {
		return err
	}
	return pg.SaveTurn(ctx, key, t, at)
}

// LastTurn delegates to the database.
func (s *sharedState) LastTurn(ctx context.Context, key string) (bot.Turn, time.Time, error) {
	pg, err := s.open()
	if err != nil {
		return bot.Turn{}, time.Time{}, err
	}
	return pg.LastTurn(ctx, key)
}

// SaveShare delegates to the database.
func (s *sharedState) SaveShare(ctx context.Context, key string, payload []byte, at time.Time) error {
	pg, err := s.open()
	if err != nil {
		return err
	}
	return pg.SaveShare(ctx, key, payload, at)
}

// LoadShare delegates to the database.
func (s *sharedState) LoadShare(ctx context.Context, key string) ([]byte, error) {
	pg, err := s.open()
	if err != nil {
		return nil, err
	}
	return pg.LoadShare(ctx, key)
}

// Take delegates to the database.
func (s *sharedState) Take(ctx context.Context, key string, perSecond float64, burst int, now time.Time) (bool, error) {
	pg, err := s.open()
	if err != nil {
		return false, err
	}
	return pg.Take(ctx, key, perSecond, burst, now)
}
