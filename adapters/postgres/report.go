package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/talksbot/talksbot/bot"
)

// Report summarises the question log and feedback recorded at or after
// since, by every replica. This replica's questions still queued for the
// log are written first; other replicas' are written within milliseconds.
func (s *Store) Report(ctx context.Context, since time.Time) (bot.Report, error) {
	// A failed write is logged by the question log itself; the report shows
	// what is stored.
	_ = s.Flush(ctx)
	return report(ctx, s.pool, since)
}

// report reads the report through pool. Groups and themes are ordered
// bytewise (COLLATE "C"), whatever the database's collation, as SQLite
// orders them.
func report(ctx context.Context, pool *pgxpool.Pool, since time.Time) (bot.Report, error) {
	r := bot.Report{Since: since, Top: []bot.QuestionCount{}, Gaps: []bot.QuestionCount{}, Themes: []bot.ThemeFeedback{}}
	since = ms(since) // as times are stored
	err := pool.QueryRow(ctx, `
		SELECT count(*), count(*) FILTER (WHERE answered)
		FROM questions WHERE at >= $1`, since).Scan(&r.Questions, &r.Answered)
	if err != nil {
		return bot.Report{}, fmt.Errorf("report: count questions: %w", err)
	}
	r.Declined = r.Questions - r.Answered

	if r.Top, err = topQuestions(ctx, pool, since, false); err != nil {
		return bot.Report{}, fmt.Errorf("report: top questions: %w", err)
	}
	if r.Gaps, err = topQuestions(ctx, pool, since, true); err != nil {
		return bot.Report{}, fmt.Errorf("report: declined questions: %w", err)
	}
	rows, err := pool.Query(ctx, `
		SELECT theme, count(*) FILTER (WHERE helpful), count(*) FILTER (WHERE NOT helpful)
		FROM feedback WHERE at >= $1
		GROUP BY theme
		ORDER BY count(*) DESC, theme COLLATE "C"`, since)
	if err != nil {
		return bot.Report{}, fmt.Errorf("report: feedback per theme: %w", err)
	}
	themes, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (bot.ThemeFeedback, error) {
		var t bot.ThemeFeedback
		err := row.Scan(&t.Theme, &t.Up, &t.Down)
		return t, err
	})
	if err != nil {
		return bot.Report{}, fmt.Errorf("report: feedback per theme: %w", err)
	}
	r.Themes = append(r.Themes, themes...)
	return r, nil
}

// topQuestions groups the logged questions by their folded form, most asked
// first, each with its latest wording; declinedOnly keeps only the
// declined ones.
func topQuestions(ctx context.Context, pool *pgxpool.Pool, since time.Time, declinedOnly bool) ([]bot.QuestionCount, error) {
	filter := ""
	if declinedOnly {
		filter = "AND NOT answered"
	}
	rows, err := pool.Query(ctx, `
		SELECT (array_agg(question ORDER BY at DESC, id DESC))[1], count(*) AS n, max(at) AS last
		FROM questions WHERE at >= $1 `+filter+`
		GROUP BY question_key
		ORDER BY n DESC, last DESC, question_key COLLATE "C"
		LIMIT $2`, since, bot.ReportTop)
	if err != nil {
		return nil, err
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (bot.QuestionCount, error) {
		var q bot.QuestionCount
		err := row.Scan(&q.Question, &q.Count, &q.Last)
		q.Last = q.Last.UTC()
		return q, err
	})
	if out == nil {
		out = []bot.QuestionCount{}
	}
	return out, err
}

// Reader reads reports from a state database without writing to it: no
// migration, no pruning, no question log, and every transaction read-only.
// It is what `talksbot report` opens, so a report never changes the
// database the replicas share.
type Reader struct {
	pool *pgxpool.Pool
}

// OpenReader connects to the database at url read-only. It fails when
// talksbot never set the database up, or when its schema is not the one
// this talksbot writes (serve upgrades it when it next starts).
func OpenReader(ctx context.Context, url string) (*Reader, error) {
	cfg, err := ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("open state database: %w", err)
	}
	cfg.ConnConfig.RuntimeParams["default_transaction_read_only"] = "on"
	cfg.MaxConns = 2
	where := describe(cfg)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open state database %s: %w", where, err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open state database %s: %s", where, Reason(err))
	}
	v, err := version(ctx, pool)
	var pgErr *pgconn.PgError
	switch {
	case errors.As(err, &pgErr) && pgErr.Code == "42P01": // undefined_table
		err = errNoSchema
	case err == nil && v != SchemaVersion:
		err = fmt.Errorf("schema version %d, this talksbot reads %d: start talksbot serve once to upgrade it", v, SchemaVersion)
	}
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("open state database %s: %w", where, err)
	}
	return &Reader{pool: pool}, nil
}

// Report summarises the question log and feedback recorded at or after since.
func (r *Reader) Report(ctx context.Context, since time.Time) (bot.Report, error) {
	return report(ctx, r.pool, since)
}

// Close closes the connections.
func (r *Reader) Close() error {
	r.pool.Close()
	return nil
}
