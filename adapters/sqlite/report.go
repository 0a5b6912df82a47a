package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// Report summarises the question log and feedback recorded at or after since.
// Questions still queued for the log are written first, so the report sees
// every question logged before it.
func (s *Store) Report(ctx context.Context, since time.Time) (bot.Report, error) {
	// A failed write is logged by the question log itself; the report shows
	// what is stored.
	_ = s.Flush(ctx)
	return report(ctx, s.r, since)
}

// report reads the report from db.
func report(ctx context.Context, db *sql.DB, since time.Time) (bot.Report, error) {
	s := reportReader{r: db}
	r := bot.Report{Since: since, Top: []bot.QuestionCount{}, Gaps: []bot.QuestionCount{}, Themes: []bot.ThemeFeedback{}}
	from := millis(since)

	err := s.r.QueryRowContext(ctx, `
		SELECT count(*), coalesce(sum(answered), 0)
		FROM questions WHERE at >= ?`, from).Scan(&r.Questions, &r.Answered)
	if err != nil {
		return bot.Report{}, fmt.Errorf("report: count questions: %w", err)
	}
	r.Declined = r.Questions - r.Answered

	if r.Top, err = s.topQuestions(ctx, from, false); err != nil {
		return bot.Report{}, fmt.Errorf("report: top questions: %w", err)
	}
	if r.Gaps, err = s.topQuestions(ctx, from, true); err != nil {
		return bot.Report{}, fmt.Errorf("report: declined questions: %w", err)
	}

	rows, err := s.r.QueryContext(ctx, `
		SELECT theme, sum(helpful), sum(1 - helpful)
		FROM feedback WHERE at >= ?
		GROUP BY theme
		ORDER BY count(*) DESC, theme`, from)
	if err != nil {
		return bot.Report{}, fmt.Errorf("report: feedback per theme: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t bot.ThemeFeedback
		if err := rows.Scan(&t.Theme, &t.Up, &t.Down); err != nil {
			return bot.Report{}, fmt.Errorf("report: feedback per theme: %w", err)
		}
		r.Themes = append(r.Themes, t)
	}
	if err := rows.Err(); err != nil {
		return bot.Report{}, fmt.Errorf("report: feedback per theme: %w", err)
	}
	return r, nil
}

// topQuestions groups the logged questions by their folded form, most asked
// first; declinedOnly keeps only the declined ones.
func (s reportReader) topQuestions(ctx context.Context, from int64, declinedOnly bool) ([]bot.QuestionCount, error) {
	filter := ""
	if declinedOnly {
		filter = "AND answered = 0"
	}
	// SQLite returns the bare column of the row that max(at) picked, so
	// question is the latest wording within each group.
	rows, err := s.r.QueryContext(ctx, `
		SELECT question, count(*) AS n, max(at) AS last
		FROM questions WHERE at >= ? `+filter+`
		GROUP BY question_key
		ORDER BY n DESC, last DESC, question_key
		LIMIT ?`, from, bot.ReportTop)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []bot.QuestionCount{}
	for rows.Next() {
		var (
			q    bot.QuestionCount
			last int64
		)
		if err := rows.Scan(&q.Question, &q.Count, &last); err != nil {
			return nil, err
		}
		q.Last = time.UnixMilli(last).UTC()
		out = append(out, q)
	}
	return out, rows.Err()
}

// reportReader runs the report's queries on a read-only pool.
type reportReader struct{ r *sql.DB }

// Reader reads reports from a state database without writing to it: no
// migration, no pruning, no question log. It is what `talksbot report` opens,
// so a report never changes the database serve keeps.
type Reader struct {
	path string
	db   *sql.DB
}

// OpenReader opens the state database in dir read-only. It fails when there
// is no database there, or when its schema is not the one this talksbot
// writes (serve upgrades it when it next starts).
func OpenReader(ctx context.Context, dir string) (*Reader, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("open state database in %s: %w", dir, err)
	}
	path := filepath.Join(abs, FileName)
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open state database: %w", err)
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	db, err := openPool(ctx, path, u.String()+"?mode=ro&_pragma=query_only(1)&_pragma=busy_timeout("+
		fmt.Sprint(busyTimeout.Milliseconds())+")", 1)
	if err != nil {
		return nil, fmt.Errorf("open state database %s read-only: %w", path, err)
	}
	var version int
	if err := db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		db.Close()
		return nil, fmt.Errorf("open state database %s: read schema version: %w", path, err)
	}
	if version != SchemaVersion {
		db.Close()
		return nil, fmt.Errorf("open state database %s: schema version %d, this talksbot reads %d: start talksbot serve once to upgrade it",
			path, version, SchemaVersion)
	}
	return &Reader{path: path, db: db}, nil
}

// Report summarises the question log and feedback recorded at or after since.
func (r *Reader) Report(ctx context.Context, since time.Time) (bot.Report, error) {
	return report(ctx, r.db, since)
}

// Close closes the database.
func (r *Reader) Close() error { return r.db.Close() }
