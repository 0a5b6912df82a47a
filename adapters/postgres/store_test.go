package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	neturl "net/url"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/talksbot/talksbot/adapters/postgres"
	"github.com/talksbot/talksbot/adapters/postgres/pgtest"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/storetest"
)

// openStore opens a store in a fresh schema and closes it when the test
// ends. It returns the schema's URL too.
func openStore(t testing.TB, opts postgres.Options) (*postgres.Store, string) {
	t.Helper()
	url := pgtest.NewSchema(t)
	return openAt(t, url, opts), url
}

// openAt opens a store on the database at url, closed when the test ends.
func openAt(t testing.TB, url string, opts postgres.Options) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(t.Context(), url, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// verdictStore gives the contract suite the feedback a store holds.
type verdictStore struct {
	*postgres.Store
	conn *pgx.Conn
}

func (s verdictStore) Verdicts(ctx context.Context, replyID string) ([]bot.Feedback, error) {
	rows, err := s.conn.Query(ctx, `SELECT reply_id, platform, user_id, helpful, theme, at FROM feedback WHERE reply_id = $1`, replyID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (bot.Feedback, error) {
		var (
			f        bot.Feedback
			platform string
		)
		err := row.Scan(&f.ReplyID, &platform, &f.User, &f.Helpful, &f.Theme, &f.At)
		f.Platform = bot.Platform(platform)
		return f, err
	})
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) bot.Store {
		s, url := openStore(t, postgres.Options{})
		return verdictStore{Store: s, conn: pgtest.Connect(t, url)}
	})
}

func TestOpenCreatesSchema(t *testing.T) {
	ctx := t.Context()
	s, url := openStore(t, postgres.Options{})
	v, err := s.Version(ctx)
	if err != nil || v != postgres.SchemaVersion {
		t.Fatalf("Version() = %d, %v; want %d", v, err, postgres.SchemaVersion)
	}
	conn := pgtest.Connect(t, url)
	for _, table := range []string{"feedback", "questions", "deliveries", "turns", "shares", "buckets", "secrets", "health", "schema_migrations"} {
		var n int
		if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1`, table).Scan(&n); err != nil || n != 1 {
			t.Errorf("table %s: got %d (err %v), want 1", table, n, err)
		}
	}
	// The question log never has a place for a token.
	var cols int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM information_schema.columns WHERE table_name = 'questions' AND column_name LIKE '%token%'`).Scan(&cols); err != nil || cols != 0 {
		t.Errorf("questions has %d token columns (err %v), want none", cols, err)
	}
}

// TestReplicasStartingTogetherMigrateOnce opens many stores at once on a
// fresh database, as replicas starting together do: every Open succeeds,
// and each migration is applied once.
func TestReplicasStartingTogetherMigrateOnce(t *testing.T) {
	const replicas = 8
	url := pgtest.NewDatabase(t)
	var (
		wg    sync.WaitGroup
		start = make(chan struct{})
		errs  = make(chan error, replicas)
	)
	for range replicas {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			s, err := postgres.Open(t.Context(), url, postgres.Options{})
			if err != nil {
				errs <- err
				return
			}
			errs <- s.Close()
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("Open: %v", err)
		}
	}
	rows, err := pgtest.Connect(t, url).Query(t.Context(), `SELECT version, count(*) FROM schema_migrations GROUP BY version ORDER BY version`)
	if err != nil {
		t.Fatal(err)
	}
	type count struct{ Version, N int }
	got, err := pgx.CollectRows(rows, pgx.RowToStructByPos[count])
	if err != nil {
		t.Fatal(err)
	}
	var want []count
	for v := 1; v <= postgres.SchemaVersion; v++ {
		want = append(want, count{v, 1})
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("schema_migrations (version, times applied) = %v, want %v", got, want)
	}
}

func TestOpenRefusesANewerSchema(t *testing.T) {
	s, url := openStore(t, postgres.Options{})
	s.Close()
	pgtest.Exec(t, url, `INSERT INTO schema_migrations (version) VALUES ($1)`, postgres.SchemaVersion+1)
	_, err := postgres.Open(t.Context(), url, postgres.Options{})
	if err == nil || !strings.Contains(err.Error(), "upgrade talksbot") {
		t.Errorf("Open on a newer schema: %v, want an error asking to upgrade talksbot", err)
	}
}

func TestOpenBadURL(t *testing.T) {
	const password = "s3cr3t-pa55"
	tests := []struct {
		url  string
		want string
	}{
		{"mysql://talksbot:" + password + "@db/talksbot", "must start with postgres://"},
		{"host=db user=talksbot password=" + password, "must start with postgres://"},
		{"postgres://talksbot:" + password + "@db:notaport/talksbot", "invalid port"},
		{"postgres://talksbot:" + password + "@db/talksbot?sslmode=sometimes", "sslmode is invalid"},
		{"postgres://talksbot:" + password + "@db/talksbot?pool_max_conns=many", "pool_max_conns"},
		{"postgres://talksbot:" + password + "%zz@db/talksbot", "invalid percent-encoded token"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			_, err := postgres.Open(t.Context(), tt.url, postgres.Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Open(%q) = %v, want an error saying %q", tt.url, err, tt.want)
			}
			if strings.Contains(err.Error(), password) {
				t.Errorf("error %q reveals the password", err)
			}
		})
	}
}

// TestOpenFailsFastWhenTheServerIsDown opens a store through a proxy that
// closes every connection, as a server that is down does, and through one
// that accepts connections but never answers: Open returns an error that
// says why, and never the password, rather than waiting for the server.
func TestOpenFailsFastWhenTheServerIsDown(t *testing.T) {
	url := pgtest.NewDatabase(t)
	down, downURL := pgtest.Through(t, withPassword(t, url, "pa55word"))
	down.Cut()
	_, err := postgres.Open(t.Context(), downURL, postgres.Options{})
	if err == nil {
		t.Fatal("Open with the server down succeeded")
	}
	if !strings.Contains(err.Error(), "open state database") || !strings.Contains(err.Error(), down.Addr()) ||
		strings.Contains(err.Error(), "pa55word") {
		t.Errorf("error %q: want it to name the database's address %s and not the password", err, down.Addr())
	}

	hung, hungURL := pgtest.Through(t, withParam(t, url, "connect_timeout", "1"))
	hung.Hang()
	_, err = postgres.Open(t.Context(), hungURL, postgres.Options{})
	if err == nil || !strings.Contains(err.Error(), "no answer in time") {
		t.Errorf("Open with a server that never answers: %v, want an error saying it did not answer in time", err)
	}
}

// withParam returns url with the query parameter key set to value.
func withParam(t *testing.T, raw, key, value string) string {
	t.Helper()
	u, err := neturl.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.String()
}

// withPassword returns url with a password set for its user (the test
// server trusts local connections and ignores it).
func withPassword(t *testing.T, url, password string) string {
	t.Helper()
	i := strings.Index(url, "://")
	at := strings.Index(url, "@")
	if i < 0 || at < 0 {
		t.Skipf("%s has no user to give a password to", pgtest.EnvURL)
	}
	user := url[i+3 : at]
	if j := strings.Index(user, ":"); j >= 0 {
		user = user[:j]
	}
	return url[:i+3] + user + ":" + password + url[at:]
}

// TestOutageAndRecovery cuts the store's connections to the server and
// restores them: while the server is unreachable, every call fails with
// the reason and Ping says so; once it is back, the same store works
// again, without being reopened, and what was written before is there.
func TestOutageAndRecovery(t *testing.T) {
	ctx := t.Context()
	url := pgtest.NewDatabase(t)
	proxy, proxied := pgtest.Through(t, url)
	s := openAt(t, proxied, postgres.Options{})
	t0 := time.Now()

	if ok, err := s.Claim(ctx, "ev-before", t0, time.Minute); !ok || err != nil {
		t.Fatalf("Claim before the outage = %v, %v", ok, err)
	}
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping before the outage: %v", err)
	}

	proxy.Cut()
	if _, err := s.Claim(ctx, "ev-during", t0, time.Minute); err == nil {
		t.Error("Claim during the outage succeeded")
	}
	if err := s.SaveFeedback(ctx, bot.Feedback{ReplyID: "r1", Platform: bot.Slack, User: "U1", Helpful: true, At: t0}); err == nil {
		t.Error("SaveFeedback during the outage succeeded: it must fail, so that the vote is not acknowledged")
	}
	err := s.Ping(ctx)
	if err == nil || !strings.HasPrefix(err.Error(), "state database unreachable: ") {
		t.Errorf("Ping during the outage: %v, want it to say the state database is unreachable", err)
	}

	proxy.Restore()
	if err := s.Ping(ctx); err != nil {
		t.Errorf("Ping after the outage: %v", err)
	}
	if ok, err := s.Claim(ctx, "ev-before", t0, time.Minute); ok || err != nil {
		t.Errorf("Claim of the key claimed before the outage = %v, %v; want false, nil", ok, err)
	}
	if ok, err := s.Claim(ctx, "ev-during", t0, time.Minute); !ok || err != nil {
		t.Errorf("Claim of the key whose claim failed = %v, %v; want true, nil", ok, err)
	}
	if err := s.SaveFeedback(ctx, bot.Feedback{ReplyID: "r1", Platform: bot.Slack, User: "U1", Helpful: true, At: t0}); err != nil {
		t.Errorf("SaveFeedback after the outage: %v", err)
	}
}

// TestKeyIsSharedByReplicas asks several stores on one database for the
// same key at once: each gets the same 32 bytes, created once, and keeps
// getting them.
func TestKeyIsSharedByReplicas(t *testing.T) {
	url := pgtest.NewDatabase(t)
	const replicas = 6
	stores := make([]*postgres.Store, replicas)
	for i := range stores {
		stores[i] = openAt(t, url, postgres.Options{})
	}
	keys := make([][]byte, replicas)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			k, err := s.Key(t.Context(), "reply")
			if err != nil {
				t.Errorf("replica %d: Key: %v", i, err)
			}
			keys[i] = k
		}()
	}
	close(start)
	wg.Wait()
	for i, k := range keys {
		if len(k) != postgres.KeySize || string(k) != string(keys[0]) {
			t.Errorf("replica %d got key %x, want replica 0's %x (%d bytes)", i, k, keys[0], postgres.KeySize)
		}
	}
	if again, err := stores[1].Key(t.Context(), "reply"); err != nil || string(again) != string(keys[0]) {
		t.Errorf("Key again = %x, %v; want the same key", again, err)
	}
	if other, err := stores[0].Key(t.Context(), "other"); err != nil || string(other) == string(keys[0]) {
		t.Errorf("Key(other) = %x, %v; want a different key", other, err)
	}
	if _, err := stores[0].Key(t.Context(), ""); err == nil {
		t.Error("Key with an empty name: got no error")
	}
}

func TestKeyRefusesAMangledKey(t *testing.T) {
	s, url := openStore(t, postgres.Options{})
	pgtest.Exec(t, url, `INSERT INTO secrets (name, value) VALUES ('reply', '\x0102')`)
	if _, err := s.Key(t.Context(), "reply"); err == nil || !strings.Contains(err.Error(), "2 bytes stored") {
		t.Errorf("Key with a 2-byte key stored: %v, want an error saying so", err)
	}
}

func TestPrune(t *testing.T) {
	ctx := t.Context()
	now := time.Now()
	s, url := openStore(t, postgres.Options{Retention: 90 * 24 * time.Hour})
	old := now.Add(-100 * 24 * time.Hour)
	// Rows written as of long ago, each past its age now.
	if _, err := s.Claim(ctx, "old-claim", old, time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveTurn(ctx, "old-turn", bot.Turn{Question: "q"}, old); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveShare(ctx, "old-share", []byte("p"), old); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Take(ctx, "old-bucket", 1, 1, old); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveFeedback(ctx, bot.Feedback{ReplyID: "old", Platform: bot.Slack, User: "U", At: old}); err != nil {
		t.Fatal(err)
	}
	if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: "old", Question: "q", At: old}); err != nil {
		t.Fatal(err)
	}
	// And rows young enough to stay.
	if _, err := s.Claim(ctx, "new-claim", now, time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveTurn(ctx, "new-turn", bot.Turn{Question: "q"}, now.Add(-6*24*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveFeedback(ctx, bot.Feedback{ReplyID: "new", Platform: bot.Slack, User: "U", At: now.Add(-80 * 24 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if err := s.Flush(ctx); err != nil {
		t.Fatal(err)
	}

	p, err := s.Prune(ctx, now)
	if err != nil {
		t.Fatalf("Prune: %v", err)
	}
	want := postgres.Pruned{Deliveries: 1, Turns: 1, Shares: 1, Buckets: 1, Questions: 1, Feedback: 1}
	if p != want {
		t.Errorf("Prune = %+v, want %+v", p, want)
	}
	conn := pgtest.Connect(t, url)
	for table, n := range map[string]int{"deliveries": 1, "turns": 1, "shares": 0, "buckets": 0, "feedback": 1, "questions": 0} {
		var got int
		if err := conn.QueryRow(ctx, "SELECT count(*) FROM "+table).Scan(&got); err != nil || got != n {
			t.Errorf("%s after Prune: %d rows (err %v), want %d", table, got, err, n)
		}
	}
	if _, _, err := s.LastTurn(ctx, "old-turn"); !errors.Is(err, bot.ErrNotFound) {
		t.Errorf("LastTurn(old-turn) after Prune: %v, want ErrNotFound", err)
	}
}

func TestPruneKeepsQuestionsWithoutRetention(t *testing.T) {
	ctx := t.Context()
	s, _ := openStore(t, postgres.Options{})
	old := time.Now().Add(-1000 * 24 * time.Hour)
	if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: "old", Question: "q", At: old}); err != nil {
		t.Fatal(err)
	}
	if err := s.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if p, err := s.Prune(ctx, time.Now()); err != nil || p.Questions != 0 || p.Feedback != 0 {
		t.Errorf("Prune without retention = %+v, %v; want no questions or feedback pruned", p, err)
	}
}

// TestTextIsStoredAsValidText saves text that PostgreSQL's text columns
// cannot hold as it is (a NUL byte, invalid UTF-8): the write succeeds,
// with the bad bytes replaced.
func TestTextIsStoredAsValidText(t *testing.T) {
	ctx := t.Context()
	s, _ := openStore(t, postgres.Options{})
	turn := bot.Turn{Question: "a\x00b", Answer: "c\xffd", Topic: "ok", Context: "ok"}
	if err := s.SaveTurn(ctx, "k", turn, storetest.T0); err != nil {
		t.Fatalf("SaveTurn: %v", err)
	}
	got, _, err := s.LastTurn(ctx, "k")
	want := bot.Turn{Question: "a\uFFFDb", Answer: "c\uFFFDd", Topic: "ok", Context: "ok"}
	if err != nil || got != want {
		t.Errorf("LastTurn = %+v, %v; want %+v", got, err, want)
	}
	for _, key := range []string{"a\x00b", "\xff"} {
		if _, err := s.Claim(ctx, key, storetest.T0, time.Second); err == nil {
			t.Errorf("Claim(%q): got no error, want one: keys are never altered", key)
		}
	}
}

func TestReason(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(10, 1, 2, 3), Port: 5432},
		Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("claim delivery k: %w", refused), "cannot reach the database: connect: connection refused"},
		{fmt.Errorf("claim delivery k: %w", &pgconn.PgError{Severity: "FATAL", Code: "57P01", Message: "terminating connection due to administrator command"}),
			"terminating connection due to administrator command (SQLSTATE 57P01)"},
		{fmt.Errorf("take: %w", context.DeadlineExceeded), "no answer in time"},
		{errors.New("something else"), "something else"},
	}
	for _, tt := range tests {
		if got := postgres.Reason(tt.err); got != tt.want {
			t.Errorf("Reason(%v) = %q, want %q", tt.err, got, tt.want)
		}
		if strings.Contains(postgres.Reason(tt.err), "10.1.2.3") {
			t.Errorf("Reason(%v) names the server's address", tt.err)
		}
	}
}
