package postgres_test

import (
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/postgres"
	"github.com/talksbot/talksbot/adapters/postgres/pgtest"
	"github.com/talksbot/talksbot/bot"
)

// TestReader reads the report as talksbot report does: what the replicas
// stored, read-only, and a clear error for a database serve never set up
// or one of another schema version.
func TestReader(t *testing.T) {
	ctx := t.Context()
	s, url := openStore(t, postgres.Options{})
	if err := s.LogQuestion(ctx, bot.LogEntry{ReplyID: "r1", Platform: bot.Slack, User: "U1", Question: "What has Congress pushed for?", Answered: true, At: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if err := s.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	r, err := postgres.OpenReader(ctx, url)
	if err != nil {
		t.Fatalf("OpenReader: %v", err)
	}
	defer r.Close()
	rep, err := r.Report(ctx, time.Now().Add(-time.Hour))
	if err != nil || rep.Questions != 1 {
		t.Fatalf("got %+v, %v; want the one question", rep, err)
	}

	if _, err := postgres.OpenReader(ctx, pgtest.NewSchema(t)); err == nil || !strings.Contains(err.Error(), "start talksbot serve once") {
		t.Errorf("OpenReader of an empty database: %v, want an error saying serve sets it up", err)
	}
	pgtest.Exec(t, url, `INSERT INTO schema_migrations (version) VALUES ($1)`, postgres.SchemaVersion+1)
	if _, err := postgres.OpenReader(ctx, url); err == nil || !strings.Contains(err.Error(), "schema version") {
		t.Errorf("OpenReader of a newer schema: %v, want an error naming the schema version", err)
	}
}
