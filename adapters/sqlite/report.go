package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"
	"unicode/utf8"
)

// ReportTop is how many questions each list of a Report holds at most.
const ReportTop = 20

// Report is what an operator reads to improve the documents: what people
// ask, what the knowledge base could not answer, and how each theme's
// answers were received.
type Report struct {
	Since     time.Time `json:"since"`
	Questions int       `json:"questions"` // questions logged since Since
	Answered  int       `json:"answered"`
	Declined  int       `json:"declined"`
	// Top are the most asked questions, answered or not, most asked first.
	Top []QuestionCount `json:"top"`
	// Gaps are the most asked declined questions: what the knowledge base
	// does not cover.
	Gaps []QuestionCount `json:"gaps"`
	// Themes is the feedback per theme, most feedback first.
	Themes []ThemeFeedback `json:"themes"`
}

// QuestionCount is a question and how often it was asked. Questions that
// differ only in case, spacing or final punctuation count as one; Question
// is the most recent wording.
type QuestionCount struct {
	Question string    `json:"question"`
	Count    int       `json:"count"`
	Last     time.Time `json:"last"`
}

// ThemeFeedback is the feedback on answers from one theme. Theme is "" for
// feedback on replies that cited no theme.
type ThemeFeedback struct {
	Theme string `json:"theme"`
	Up    int    `json:"up"`
	Down  int    `json:"down"`
}

// Report summarises the question log and feedback recorded at or after since.
// Questions still queued for the log are written first, so the report sees
// every question logged before it.
func (s *Store) Report(ctx context.Context, since time.Time) (Report, error) {
	// A failed write is logged by the question log itself; the report shows
	// what is stored.
	_ = s.Flush(ctx)
	return report(ctx, s.r, since)
}

// report reads the report from db.
func report(ctx context.Context, db *sql.DB, since time.Time) (Report, error) {
	s := reportReader{r: db}
	r := Report{Since: since, Top: []QuestionCount{}, Gaps: []QuestionCount{}, Themes: []ThemeFeedback{}}
	from := millis(since)

	err := s.r.QueryRowContext(ctx, `
		SELECT count(*), coalesce(sum(answered), 0)
		FROM questions WHERE at >= ?`, from).Scan(&r.Questions, &r.Answered)
	if err != nil {
		return Report{}, fmt.Errorf("report: count questions: %w", err)
	}
	r.Declined = r.Questions - r.Answered

	if r.Top, err = s.topQuestions(ctx, from, false); err != nil {
		return Report{}, fmt.Errorf("report: top questions: %w", err)
	}
	if r.Gaps, err = s.topQuestions(ctx, from, true); err != nil {
		return Report{}, fmt.Errorf("report: declined questions: %w", err)
	}

	rows, err := s.r.QueryContext(ctx, `
		SELECT theme, sum(helpful), sum(1 - helpful)
		FROM feedback WHERE at >= ?
		GROUP BY theme
		ORDER BY count(*) DESC, theme`, from)
	if err != nil {
		return Report{}, fmt.Errorf("report: feedback per theme: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t ThemeFeedback
		if err := rows.Scan(&t.Theme, &t.Up, &t.Down); err != nil {
			return Report{}, fmt.Errorf("report: feedback per theme: %w", err)
		}
		r.Themes = append(r.Themes, t)
	}
	if err := rows.Err(); err != nil {
		return Report{}, fmt.Errorf("report: feedback per theme: %w", err)
	}
	return r, nil
}

// topQuestions groups the logged questions by their folded form, most asked
// first; declinedOnly keeps only the declined ones.
func (s reportReader) topQuestions(ctx context.Context, from int64, declinedOnly bool) ([]QuestionCount, error) {
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
		LIMIT ?`, from, ReportTop)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []QuestionCount{}
	for rows.Next() {
		var (
			q    QuestionCount
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
func (r *Reader) Report(ctx context.Context, since time.Time) (Report, error) {
	return report(ctx, r.db, since)
}

// Close closes the database.
func (r *Reader) Close() error { return r.db.Close() }

// maxReportQuestion is how many characters of a question a text report shows.
const maxReportQuestion = 100

// WriteReport renders r as plain text for a terminal.
func WriteReport(w io.Writer, r Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "talksbot report since %s\n", r.Since.UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(&b, "questions: %d (answered %d, declined %d)\n", r.Questions, r.Answered, r.Declined)

	section := func(title string, qs []QuestionCount) {
		fmt.Fprintf(&b, "\n%s\n", title)
		if len(qs) == 0 {
			fmt.Fprintf(&b, "  none\n")
		}
		// The counts are right-aligned to the widest of them.
		width := 5
		for _, q := range qs {
			width = max(width, len(strconv.Itoa(q.Count)))
		}
		for _, q := range qs {
			fmt.Fprintf(&b, "  %*d  %s\n", width, q.Count, printable(q.Question))
		}
	}
	section("top questions", r.Top)
	section("declined questions (what the documents do not cover)", r.Gaps)

	fmt.Fprintf(&b, "\nfeedback per theme\n")
	if len(r.Themes) == 0 {
		fmt.Fprintf(&b, "  none\n")
	} else {
		tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "  theme\tup\tdown\n")
		for _, t := range r.Themes {
			name := t.Theme
			if name == "" {
				name = "(no theme)"
			}
			fmt.Fprintf(tw, "  %s\t%d\t%d\n", printable(name), t.Up, t.Down)
		}
		tw.Flush()
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// printable makes user text safe for one terminal line: control characters
// (escape sequences included) become spaces, and long text is cut.
func printable(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) || r == '\t' {
			return ' '
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > maxReportQuestion {
		s = string([]rune(s)[:maxReportQuestion-1]) + "…"
	}
	return s
}
