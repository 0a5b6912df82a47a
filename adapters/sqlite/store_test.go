package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/sqlite"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/storetest"
	"github.com/talksbot/talksbot/knowledge"
)

// openStore opens a store in a fresh temporary folder and closes it when the
// test ends.
func openStore(t testing.TB) (*sqlite.Store, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	s, err := sqlite.Open(t.Context(), dir, sqlite.Options{})
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dir
}

// rawDB opens the database file in dir directly, for checks the Store's API
// does not offer (schema, pragmas) and for setting up old rows.
func rawDB(t testing.TB, dir string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(dir, sqlite.FileName)+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatalf("open raw database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestOpenCreatesDatabase(t *testing.T) {
	ctx := t.Context()
	s, dir := openStore(t)

	if got, want := s.Path(), filepath.Join(dir, sqlite.FileName); got != want {
		t.Errorf("Path() = %q, want %q", got, want)
	}
	if _, err := os.Stat(s.Path()); err != nil {
		t.Fatalf("database file: %v", err)
	}
	v, err := s.Version(ctx)
	if err != nil {
		t.Fatalf("Version: %v", err)
	}
	if v != sqlite.SchemaVersion {
		t.Errorf("Version() = %d, want %d", v, sqlite.SchemaVersion)
	}

	db := rawDB(t, dir)
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatalf("journal_mode: %v", err)
	}
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	for _, table := range []string{"feedback", "questions", "deliveries", "turns", "shares", "buckets", "schema_migrations"} {
		var n int
		err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", table).Scan(&n)
		if err != nil || n != 1 {
			t.Errorf("table %s: got %d tables (err %v), want 1", table, n, err)
		}
	}
	// The question log never has a place for a token.
	rows, err := db.QueryContext(ctx, "SELECT name FROM pragma_table_info('questions')")
	if err != nil {
		t.Fatalf("table info: %v", err)
	}
	defer rows.Close()
	for rows.Next() {
		var col string
		if err := rows.Scan(&col); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(col, "token") {
			t.Errorf("questions has a column %q, want no token column", col)
		}
	}
}

func TestMigrationsAppliedOnce(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	for i := range 3 {
		s, err := sqlite.Open(ctx, dir, sqlite.Options{})
		if err != nil {
			t.Fatalf("open #%d: %v", i+1, err)
		}
		if err := s.Close(); err != nil {
			t.Fatalf("close #%d: %v", i+1, err)
		}
	}
	db := rawDB(t, dir)
	rows, err := db.QueryContext(ctx, "SELECT version, count(*) FROM schema_migrations GROUP BY version ORDER BY version")
	if err != nil {
		t.Fatalf("read schema_migrations: %v", err)
	}
	defer rows.Close()
	var versions []int
	for rows.Next() {
		var v, n int
		if err := rows.Scan(&v, &n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("version %d recorded %d times, want 1", v, n)
		}
		versions = append(versions, v)
	}
	if len(versions) != sqlite.SchemaVersion {
		t.Fatalf("got versions %v, want 1..%d", versions, sqlite.SchemaVersion)
	}
	for i, v := range versions {
		if v != i+1 {
			t.Errorf("versions[%d] = %d, want %d", i, v, i+1)
		}
	}
}

func TestOpenRejectsNewerSchema(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	s, err := sqlite.Open(ctx, dir, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db := rawDB(t, dir)
	if _, err := db.ExecContext(ctx, "INSERT INTO schema_migrations (version, applied_at) VALUES (?, 0)", sqlite.SchemaVersion+1); err != nil {
		t.Fatal(err)
	}
	_, err = sqlite.Open(ctx, dir, sqlite.Options{})
	if err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("Open on a newer schema: got error %v, want one saying the schema is newer", err)
	}
}

func TestOpenUnwritable(t *testing.T) {
	base := t.TempDir()
	file := filepath.Join(base, "file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	dbIsDir := filepath.Join(base, "dbdir")
	if err := os.MkdirAll(filepath.Join(dbIsDir, sqlite.FileName), 0o750); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dir  string
		want string // the path the error must name
	}{
		{"folder under a file", filepath.Join(file, "data"), filepath.Join(file, "data")},
		{"database is a folder", dbIsDir, filepath.Join(dbIsDir, sqlite.FileName)},
		{"empty path", " ", "empty state folder"},
	}
	if os.Geteuid() != 0 {
		// Permissions bind only unprivileged users; root passes them.
		ro := filepath.Join(base, "readonly")
		if err := os.Mkdir(ro, 0o500); err != nil {
			t.Fatal(err)
		}
		tests = append(tests, struct{ name, dir, want string }{"read-only folder", ro, ro})
		roFile := filepath.Join(base, "readonly-db")
		if err := os.Mkdir(roFile, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(roFile, sqlite.FileName), nil, 0o400); err != nil {
			t.Fatal(err)
		}
		tests = append(tests, struct{ name, dir, want string }{"read-only database", roFile, filepath.Join(roFile, sqlite.FileName)})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := sqlite.Open(t.Context(), tt.dir, sqlite.Options{})
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q): got no error, want one", tt.dir)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open(%q) error = %q, want it to name %q", tt.dir, err, tt.want)
			}
		})
	}
}

// verdictStore gives a Store the read-back of feedback that the contract
// suite needs, straight from the database file.
type verdictStore struct {
	*sqlite.Store
	db *sql.DB
}

func (s verdictStore) Verdicts(ctx context.Context, replyID string) ([]bot.Feedback, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT platform, user_id, helpful, theme, at FROM feedback WHERE reply_id = ?`, replyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []bot.Feedback
	for rows.Next() {
		f := bot.Feedback{ReplyID: replyID}
		var ms int64
		if err := rows.Scan(&f.Platform, &f.User, &f.Helpful, &f.Theme, &ms); err != nil {
			return nil, err
		}
		f.At = time.UnixMilli(ms)
		out = append(out, f)
	}
	return out, rows.Err()
}

func TestStoreContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) bot.Store {
		s, dir := openStore(t)
		return verdictStore{Store: s, db: rawDB(t, dir)}
	})
}

// TestStateSurvivesReopening checks that what replicas share outlives the
// process, whether it closed the store or died: turns, shares, claims and
// buckets are on disk when their methods return.
func TestStateSurvivesReopening(t *testing.T) {
	tests := []struct {
		name  string
		close bool
	}{
		{"closed", true},
		{"killed", false}, // the first store is still open: nothing was flushed on close
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := t.Context()
			dir := t.TempDir()
			now := time.Now().Truncate(time.Millisecond)
			turn := bot.Turn{Question: "and Khamenei? (following up on “What did Congress push for?”)", Answer: "He backed the talks.",
				Topic: "What did Congress push for?", Context: "What did Congress push for? and Khamenei?"}
			s, err := sqlite.Open(ctx, dir, sqlite.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			_, errClaim := s.Claim(ctx, "slack:Ev2", now, time.Hour)
			_, errTake := s.Take(ctx, "slack:U1", 1.0/3600, 1, now)
			for i, err := range []error{
				s.SaveTurn(ctx, "slack:C1:T1", turn, now),
				s.SaveShare(ctx, "0123456789abcdef", []byte(`{"ID":"r1"}`), now),
				s.Complete(ctx, "slack:Ev1", now),
				errClaim, errTake,
			} {
				if err != nil {
					t.Fatalf("write %d: %v", i+1, err)
				}
			}
			if tt.close {
				if err := s.Close(); err != nil {
					t.Fatal(err)
				}
			}

			s2, err := sqlite.Open(ctx, dir, sqlite.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s2.Close()
			got, at, err := s2.LastTurn(ctx, "slack:C1:T1")
			if err != nil || got != turn || !at.Equal(now) {
				t.Errorf("LastTurn after reopening = %+v at %v, %v; want %+v at %v", got, at, err, turn, now)
			}
			if p, err := s2.LoadShare(ctx, "0123456789abcdef"); err != nil || string(p) != `{"ID":"r1"}` {
				t.Errorf("LoadShare after reopening = %q, %v; want the payload", p, err)
			}
			for _, key := range []string{"slack:Ev1", "slack:Ev2"} {
				if ok, err := s2.Claim(ctx, key, now.Add(time.Minute), time.Minute); ok || err != nil {
					t.Errorf("Claim(%s) after reopening = %v, %v; want false (done or held)", key, ok, err)
				}
			}
			if ok, err := s2.Take(ctx, "slack:U1", 1.0/3600, 1, now.Add(time.Minute)); ok || err != nil {
				t.Errorf("Take after reopening = %v, %v; want false (the bucket is empty)", ok, err)
			}
		})
	}
}

// TestBotStateSurvivesRestart runs the bot on SQLite, restarts it, and
// finds its threads and shares: follow-ups without a mention and Share
// buttons keep working across a restart.
func TestBotStateSurvivesRestart(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		t.Fatal(err)
	}
	in := func(b *bot.Bot, text string) bot.Reply {
		return b.Handle(ctx, bot.Request{Platform: bot.Slack, User: "U1", Channel: "C1", Thread: "T1", Text: text})
	}

	s, err := sqlite.Open(ctx, dir, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := bot.New(ix, bot.Options{Store: s})
	answer := in(before, "What did Congress push for?")
	if answer.Kind != bot.KindAnswer {
		t.Fatalf("got %s, want an answer", answer.Kind)
	}
	key, err := before.SaveShare(ctx, answer)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = sqlite.Open(ctx, dir, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	after := bot.New(ix, bot.Options{Store: s})
	if ok, err := after.Follows(ctx, bot.Slack, "C1", "T1"); !ok || err != nil {
		t.Errorf("after the restart: Follows = %v, %v; want true, nil", ok, err)
	}
	if r := in(after, "and Khamenei?"); !strings.Contains(r.Question, "following up on “What did Congress push for?”") {
		t.Errorf("after the restart: got question %q, want it in the thread's context", r.Question)
	}
	shared, err := after.LoadShare(ctx, key)
	if err != nil {
		t.Fatalf("after the restart: LoadShare: %v", err)
	}
	if shared.ID != answer.ID || shared.Text != answer.Text || len(shared.Citations) != len(answer.Citations) {
		t.Errorf("after the restart: shared %+v, want %+v", shared, answer)
	}
}

// TestClaimsAcrossOpenStores races claims through two stores open on one
// file, as two processes would: each key is claimed once.
func TestClaimsAcrossOpenStores(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	var stores [2]*sqlite.Store
	for i := range stores {
		s, err := sqlite.Open(ctx, dir, sqlite.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	const keys, each = 5, 8
	now := time.Now()
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		wins = make(map[string]int)
	)
	start := make(chan struct{})
	for g := range 2 * each {
		wg.Go(func() {
			<-start
			for k := range keys {
				key := fmt.Sprint("ev", k)
				ok, err := stores[g%2].Claim(ctx, key, now, time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if ok {
					mu.Lock()
					wins[key]++
					mu.Unlock()
				}
			}
		})
	}
	close(start)
	wg.Wait()
	for k := range keys {
		if key := fmt.Sprint("ev", k); wins[key] != 1 {
			t.Errorf("%s claimed %d times through two stores, want once", key, wins[key])
		}
	}
}

// TestMigrationKeepsDeliveredIDs checks the upgrade from schema version 2:
// the event ids delivered before are done, and a retry of one is not
// answered again.
func TestMigrationKeepsDeliveredIDs(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	db := rawDB(t, dir)
	if _, err := db.ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for v, m := range sqlite.Migrations()[:2] {
		if _, err := db.ExecContext(ctx, m); err != nil {
			t.Fatalf("migration %d: %v", v+1, err)
		}
		if _, err := db.ExecContext(ctx, `INSERT INTO schema_migrations VALUES (?, 0)`, v+1); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Now()
	if _, err := db.ExecContext(ctx, `INSERT INTO deliveries (event_id, at) VALUES ('Ev1', ?)`, now.UnixMilli()); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := sqlite.Open(ctx, dir, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.Version(ctx); err != nil || v != sqlite.SchemaVersion {
		t.Fatalf("Version = %d, %v; want %d", v, err, sqlite.SchemaVersion)
	}
	if ok, err := s.Claim(ctx, "Ev1", now.Add(time.Hour), time.Minute); ok || err != nil {
		t.Errorf("Claim of an id delivered before the upgrade = %v, %v; want false", ok, err)
	}
	if ok, err := s.Claim(ctx, "Ev2", now, time.Minute); !ok || err != nil {
		t.Errorf("Claim of a new id = %v, %v; want true", ok, err)
	}
}

func TestPrune(t *testing.T) {
	ctx := t.Context()
	tests := []struct {
		kind  string
		ttl   time.Duration
		write func(s *sqlite.Store, at time.Time) error
		want  sqlite.Pruned
		// gone reports whether the row written is gone.
		gone func(s *sqlite.Store, now time.Time) (bool, error)
	}{
		{"completed delivery", bot.DeliveryTTL,
			func(s *sqlite.Store, at time.Time) error { return s.Complete(ctx, "ev", at) },
			sqlite.Pruned{Deliveries: 1},
			func(s *sqlite.Store, now time.Time) (bool, error) { return s.Claim(ctx, "ev", now, time.Minute) }},
		{"turn", bot.TurnTTL,
			func(s *sqlite.Store, at time.Time) error { return s.SaveTurn(ctx, "t", bot.Turn{Question: "q"}, at) },
			sqlite.Pruned{Turns: 1},
			func(s *sqlite.Store, _ time.Time) (bool, error) {
				_, _, err := s.LastTurn(ctx, "t")
				return notFound(err)
			}},
		{"share", bot.ShareTTL,
			func(s *sqlite.Store, at time.Time) error { return s.SaveShare(ctx, "sh", []byte("p"), at) },
			sqlite.Pruned{Shares: 1},
			func(s *sqlite.Store, _ time.Time) (bool, error) {
				_, err := s.LoadShare(ctx, "sh")
				return notFound(err)
			}},
		{"bucket", bot.BucketTTL,
			func(s *sqlite.Store, at time.Time) error {
				_, err := s.Take(ctx, "u", 1.0/(365*24*3600), 1, at) // a token a year
				return err
			},
			sqlite.Pruned{Buckets: 1},
			func(s *sqlite.Store, now time.Time) (bool, error) { return s.Take(ctx, "u", 1.0/(365*24*3600), 1, now) }},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			s, _ := openStore(t)
			// Written an hour from now, so that the store's own prunes, by
			// the wall clock, leave it alone.
			at := time.Now().Add(time.Hour)
			if err := tt.write(s, at); err != nil {
				t.Fatal(err)
			}
			p, err := s.Prune(ctx, at.Add(tt.ttl-time.Millisecond))
			if err != nil {
				t.Fatal(err)
			}
			if p != (sqlite.Pruned{}) {
				t.Errorf("Prune(just before the %s expires) = %+v, want nothing removed", tt.kind, p)
			}
			if p, err = s.Prune(ctx, at.Add(tt.ttl+time.Millisecond)); err != nil {
				t.Fatal(err)
			}
			if p != tt.want {
				t.Errorf("Prune(after the %s expired) = %+v, want %+v", tt.kind, p, tt.want)
			}
			if gone, err := tt.gone(s, at.Add(time.Second)); err != nil || !gone {
				t.Errorf("after pruning: %s gone = %v, %v; want true", tt.kind, gone, err)
			}
		})
	}
}

// notFound reports whether err is bot.ErrNotFound, passing on other errors.
func notFound(err error) (bool, error) {
	if errors.Is(err, bot.ErrNotFound) {
		return true, nil
	}
	return false, err
}

func TestPruneRetention(t *testing.T) {
	ctx := t.Context()
	now := time.Now()
	old, recent := now.Add(-40*24*time.Hour), now.Add(-time.Hour)
	tests := []struct {
		name      string
		retention time.Duration
		want      sqlite.Pruned
		wantLeft  int // questions and verdicts each left
	}{
		{"kept forever", 0, sqlite.Pruned{}, 2},
		{"thirty days", 30 * 24 * time.Hour, sqlite.Pruned{Questions: 1, Feedback: 1}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := sqlite.Open(ctx, t.TempDir(), sqlite.Options{Retention: tt.retention})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for i, at := range []time.Time{old, recent} {
				id := fmt.Sprint("r", i)
				if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: id, Question: "q", At: at}); err != nil {
					t.Fatal(err)
				}
				if err := s.SaveFeedback(ctx, bot.Feedback{ReplyID: id, User: "U", Theme: "T", At: at}); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			p, err := s.Prune(ctx, now)
			if err != nil {
				t.Fatal(err)
			}
			if p != tt.want {
				t.Errorf("Prune = %+v, want %+v", p, tt.want)
			}
			r, err := s.Report(ctx, old.Add(-time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if r.Questions != tt.wantLeft || len(r.Themes) != 1 || r.Themes[0].Down != tt.wantLeft {
				t.Errorf("report after prune: %d questions, themes %+v; want %d of each", r.Questions, r.Themes, tt.wantLeft)
			}
		})
	}
	if _, err := sqlite.Open(ctx, t.TempDir(), sqlite.Options{Retention: -time.Hour}); err == nil {
		t.Error("Open with a negative retention: got no error, want one")
	}
}

// TestBotDeliveries checks that the bot's delivery calls reach the store.
func TestBotDeliveries(t *testing.T) {
	ctx := t.Context()
	s, _ := openStore(t)
	b := bot.New(nil, bot.Options{Store: s})
	steps := []struct {
		op   string // "first", "forget" or "done"
		key  string
		want bool // for "first"
	}{
		{"first", "Ev1", true},
		{"first", "Ev1", false},
		{"forget", "Ev1", false},
		{"first", "Ev1", true}, // the platform's retry is answered
		{"done", "Ev1", false},
		{"forget", "Ev1", false}, // too late: it was answered
		{"first", "Ev1", false},
		{"forget", "never-seen", false},
		{"first", "never-seen", true},
	}
	for i, st := range steps {
		var err error
		switch st.op {
		case "first":
			var got bool
			got, err = b.FirstDelivery(ctx, st.key)
			if got != st.want {
				t.Errorf("step %d FirstDelivery(%q) = %v, want %v", i+1, st.key, got, st.want)
			}
		case "forget":
			err = b.ForgetDelivery(ctx, st.key)
		case "done":
			err = b.DoneDelivery(ctx, st.key)
		}
		if err != nil {
			t.Errorf("step %d %s(%q): %v", i+1, st.op, st.key, err)
		}
	}
}

func TestOpenPrunes(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	s, err := sqlite.Open(ctx, dir, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, id := range []string{"old", "new"} {
		if err := s.Complete(ctx, id, now); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveTurn(ctx, id, bot.Turn{Question: id}, now); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	db := rawDB(t, dir)
	for _, q := range []struct {
		query string
		age   time.Duration
	}{
		{"UPDATE deliveries SET at = ? WHERE event_id = 'old'", bot.DeliveryTTL},
		{"UPDATE turns SET at = ? WHERE id = 'old'", bot.TurnTTL},
	} {
		if _, err := db.ExecContext(ctx, q.query, now.Add(-q.age-time.Minute).UnixMilli()); err != nil {
			t.Fatal(err)
		}
	}

	s, err = sqlite.Open(ctx, dir, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, tt := range []struct {
		id   string
		want bool
	}{{"old", true}, {"new", false}} {
		got, err := s.Claim(ctx, tt.id, now, time.Minute)
		if err != nil || got != tt.want {
			t.Errorf("after reopen Claim(%q) = %v, %v; want %v", tt.id, got, err, tt.want)
		}
		_, _, err = s.LastTurn(ctx, tt.id)
		if gone, err := notFound(err); err != nil || gone != tt.want {
			t.Errorf("after reopen turn %q gone = %v, %v; want %v", tt.id, gone, err, tt.want)
		}
	}
}

func TestClaimPrunesNowAndThen(t *testing.T) {
	defer sqlite.SetPruneEvery(3)()
	ctx := t.Context()
	s, dir := openStore(t)
	now := time.Now()
	if _, err := s.Claim(ctx, "old", now, time.Minute); err != nil {
		t.Fatal(err)
	}
	expired := now.Add(-sqlite.DeliveryTTL - time.Minute).UnixMilli()
	if _, err := rawDB(t, dir).ExecContext(ctx, "UPDATE deliveries SET at = ?, lease_until = ?, done = 1 WHERE event_id = 'old'", expired, expired); err != nil {
		t.Fatal(err)
	}
	// "old" was the first claim; two more make three and trigger a prune,
	// which the question log's writer runs: Flush waits for it.
	for _, id := range []string{"e2", "e3"} {
		if _, err := s.Claim(ctx, id, now, time.Minute); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		id   string
		want bool
	}{{"old", true}, {"e2", false}, {"e3", false}} {
		got, err := s.Claim(ctx, tt.id, now, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("Claim(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

func TestSaveFeedback(t *testing.T) {
	ctx := t.Context()
	s, _ := openStore(t)
	at := time.Now()
	saves := []bot.Feedback{
		{ReplyID: "r1", Platform: bot.Slack, User: "U1", Helpful: true, Theme: "Spoilers", At: at},
		{ReplyID: "r1", Platform: bot.Slack, User: "U2", Helpful: false, Theme: "Spoilers", At: at},
		{ReplyID: "r2", Platform: bot.Discord, User: "U1", Helpful: true, Theme: "Ideology"},
		// U1 changes their mind on r1: one verdict per user and reply.
		{ReplyID: "r1", Platform: bot.Slack, User: "U1", Helpful: false, Theme: "Spoilers", At: at.Add(time.Second)},
		// The same user id on another platform is another person.
		{ReplyID: "r1", Platform: bot.Discord, User: "U1", Helpful: true, Theme: "Spoilers", At: at},
		{ReplyID: "r3", Platform: bot.Slack, User: "U3", Helpful: true, Theme: "", At: at},
	}
	for _, f := range saves {
		if err := s.SaveFeedback(ctx, f); err != nil {
			t.Fatalf("SaveFeedback(%+v): %v", f, err)
		}
	}
	if err := s.SaveFeedback(ctx, bot.Feedback{User: "U1", Helpful: true}); err == nil {
		t.Error("SaveFeedback without a reply id: got no error, want one")
	}

	r, err := s.Report(ctx, at.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	want := []bot.ThemeFeedback{
		{Theme: "Spoilers", Up: 1, Down: 2},
		{Theme: "", Up: 1, Down: 0},
		{Theme: "Ideology", Up: 1, Down: 0},
	}
	if fmt.Sprint(r.Themes) != fmt.Sprint(want) {
		t.Errorf("feedback per theme = %+v, want %+v", r.Themes, want)
	}
}

func TestLogQuestion(t *testing.T) {
	ctx := t.Context()
	s, dir := openStore(t)
	e := bot.LogEntry{
		ReplyID: "r1", Platform: bot.Slack, User: "U1", Question: "What did Congress push for?",
		Answered: true, Mode: bot.ModeExtractive, Latency: 1500 * time.Microsecond,
	}
	if err := s.LogQuestion(ctx, e); err != nil {
		t.Fatalf("LogQuestion: %v", err)
	}
	if err := s.Flush(ctx); err != nil {
		t.Fatalf("Flush: %v", err)
	}
	var (
		question, mode, platform, user string
		answered                       bool
		latency, at                    int64
	)
	err := rawDB(t, dir).QueryRowContext(ctx,
		"SELECT question, mode, platform, user_id, answered, latency_ms, at FROM questions WHERE reply_id = 'r1'").
		Scan(&question, &mode, &platform, &user, &answered, &latency, &at)
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	got := fmt.Sprint(question, "|", mode, "|", platform, "|", user, "|", answered, "|", latency)
	if want := "What did Congress push for?|extractive|slack|U1|true|1"; got != want {
		t.Errorf("stored row = %q, want %q", got, want)
	}
	if d := time.Since(time.UnixMilli(at)); d < 0 || d > time.Hour {
		t.Errorf("a zero At was stored as %v, want about now", time.UnixMilli(at))
	}
}

func TestPing(t *testing.T) {
	ctx := t.Context()
	s, err := sqlite.Open(ctx, t.TempDir(), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Ping(ctx); err != nil {
		t.Errorf("Ping on an open store: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if err := s.Ping(ctx); err == nil {
		t.Error("Ping on a closed store: got no error, want one")
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := t.Context()
	dir := t.TempDir()
	at := time.Now()
	s, err := sqlite.Open(ctx, dir, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveFeedback(ctx, bot.Feedback{ReplyID: "r1", Platform: bot.Slack, User: "U1", Helpful: true, Theme: "Spoilers", At: at}); err != nil {
		t.Fatal(err)
	}
	if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: "r1", Platform: bot.Slack, User: "U1", Question: "who won?", At: at}); err != nil {
		t.Fatal(err)
	}
	if err := s.Complete(ctx, "evt", at); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s, err = sqlite.Open(ctx, dir, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := s.Report(ctx, at.Add(-time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if r.Questions != 1 || r.Declined != 1 || len(r.Themes) != 1 || r.Themes[0].Up != 1 {
		t.Errorf("after reopen: report %+v, want the question (declined) and one up vote", r)
	}
	if first, _ := s.Claim(ctx, "evt", at, time.Minute); first {
		t.Error("after reopen: Claim(evt) = true, want false")
	}
}

func TestConcurrentWriters(t *testing.T) {
	ctx := t.Context()
	s, _ := openStore(t)
	const writers, each = 16, 25
	start := time.Now()
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		firsts int
		errs   []error
	)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				id := fmt.Sprintf("r-%d-%d", w, i)
				err1 := s.LogQuestion(ctx, bot.LogEntry{ReplyID: id, Platform: bot.Discord, User: "u", Question: "q", Answered: true, At: start})
				err2 := s.SaveFeedback(ctx, bot.Feedback{ReplyID: id, Platform: bot.Discord, User: "u", Helpful: i%2 == 0, Theme: "t", At: start})
				// Every writer delivers the same events: each must be first once.
				first, err3 := s.Claim(ctx, fmt.Sprintf("shared-%d", i), start, time.Minute)
				mu.Lock()
				if first {
					firsts++
				}
				for _, err := range []error{err1, err2, err3} {
					if err != nil {
						errs = append(errs, err)
					}
				}
				mu.Unlock()
			}
		})
	}
	// A report reads while the writers write.
	wg.Go(func() {
		if _, err := s.Report(ctx, start); err != nil {
			mu.Lock()
			errs = append(errs, err)
			mu.Unlock()
		}
	})
	wg.Wait()
	for _, err := range errs {
		t.Error(err)
	}
	if firsts != each {
		t.Errorf("claims won = %d, want %d (one per shared event)", firsts, each)
	}
	r, err := s.Report(ctx, start)
	if err != nil {
		t.Fatal(err)
	}
	if r.Questions != writers*each {
		t.Errorf("questions = %d, want %d", r.Questions, writers*each)
	}
	if len(r.Themes) != 1 || r.Themes[0].Up+r.Themes[0].Down != writers*each {
		t.Errorf("feedback = %+v, want %d verdicts on theme t", r.Themes, writers*each)
	}
}
