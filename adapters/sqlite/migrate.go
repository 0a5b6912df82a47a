package sqlite

import (
	"context"
	"fmt"
)

// migrations are the schema's versions in order: migrations[i] brings the
// schema from version i to version i+1. Published entries are never edited;
// a change to the schema is a new entry at the end.
var migrations = [...]string{
	// 1: feedback, the question log, delivered event ids, the health probe.
	`
	CREATE TABLE feedback (
		id       INTEGER PRIMARY KEY,
		reply_id TEXT    NOT NULL,
		platform TEXT    NOT NULL,
		user_id  TEXT    NOT NULL,
		helpful  INTEGER NOT NULL CHECK (helpful IN (0, 1)),
		theme    TEXT    NOT NULL,
		at       INTEGER NOT NULL,
		UNIQUE (reply_id, platform, user_id)
	);
	CREATE INDEX feedback_at ON feedback (at);

	CREATE TABLE questions (
		id           INTEGER PRIMARY KEY,
		reply_id     TEXT    NOT NULL,
		platform     TEXT    NOT NULL,
		user_id      TEXT    NOT NULL,
		question     TEXT    NOT NULL,
		question_key TEXT    NOT NULL,
		answered     INTEGER NOT NULL CHECK (answered IN (0, 1)),
		mode         TEXT    NOT NULL,
		latency_ms   INTEGER NOT NULL,
		at           INTEGER NOT NULL
	);
	CREATE INDEX questions_at ON questions (at);

	CREATE TABLE deliveries (
		event_id TEXT    PRIMARY KEY,
		at       INTEGER NOT NULL
	) WITHOUT ROWID;
	CREATE INDEX deliveries_at ON deliveries (at);

	CREATE TABLE health (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		at INTEGER NOT NULL
	);
	`,
	// 2: covering indexes for the report: its grouping of questions by
	// their folded form reads questions_key alone, in group order, and its
	// counts read questions_at alone.
	`
	CREATE INDEX questions_key ON questions (question_key, at, answered, question);
	DROP INDEX questions_at;
	CREATE INDEX questions_at ON questions (at, answered);
	`,
	// 3: the state replicas share (bot.Store). A delivery is claimed with a
	// lease until it is done; the ids delivered before are done already.
	// Turns mark the threads the bot answered in; shares hold the payloads
	// of Share buttons; buckets the per-user rate limits. Each is pruned
	// by at.
	`
	ALTER TABLE deliveries ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE deliveries ADD COLUMN done INTEGER NOT NULL DEFAULT 1 CHECK (done IN (0, 1));

	CREATE TABLE turns (
		id       TEXT    PRIMARY KEY,
		question TEXT    NOT NULL,
		answer   TEXT    NOT NULL,
		topic    TEXT    NOT NULL,
		context  TEXT    NOT NULL,
		at       INTEGER NOT NULL
	);
	CREATE INDEX turns_at ON turns (at);

	CREATE TABLE shares (
		id      TEXT    PRIMARY KEY,
		payload BLOB    NOT NULL,
		at      INTEGER NOT NULL
	);
	CREATE INDEX shares_at ON shares (at);

	CREATE TABLE buckets (
		id     TEXT    PRIMARY KEY,
		tokens REAL    NOT NULL,
		at     INTEGER NOT NULL
	) WITHOUT ROWID;
	CREATE INDEX buckets_at ON buckets (at);
	`,
}

// SchemaVersion is the schema version this package writes.
const SchemaVersion = len(migrations)

// migrate applies the migrations the database lacks, each in its own
// transaction together with its row in schema_migrations, so a crash leaves
// the schema at a whole version. Transactions begin IMMEDIATE, so two
// processes opening a new database at once apply each migration once.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, `
		CREATE TABLE IF NOT EXISTS schema_migrations (
			version    INTEGER PRIMARY KEY,
			applied_at INTEGER NOT NULL
		)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	for v := 1; v <= SchemaVersion; v++ {
		if err := s.apply(ctx, v); err != nil {
			return err
		}
	}
	return nil
}

// apply runs migration v unless the database has it already. It fails when
// the database is newer than this binary.
func (s *Store) apply(ctx context.Context, v int) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate to version %d: %w", v, err)
	}
	defer tx.Rollback()

	var current int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if current > SchemaVersion {
		return fmt.Errorf("schema version %d is newer than this talksbot supports (%d): upgrade talksbot", current, SchemaVersion)
	}
	if current >= v {
		return nil
	}
	if current != v-1 {
		return fmt.Errorf("migrate to version %d: database is at version %d", v, current)
	}
	if _, err := tx.ExecContext(ctx, migrations[v-1]); err != nil {
		return fmt.Errorf("migrate to version %d: %w", v, err)
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO schema_migrations (version, applied_at) VALUES (?, strftime('%s', 'now') * 1000)`, v); err != nil {
		return fmt.Errorf("migrate to version %d: record version: %w", v, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migrate to version %d: %w", v, err)
	}
	return nil
}

// Version returns the database's schema version.
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.w.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}
