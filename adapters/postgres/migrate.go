package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// migrations are the schema's versions in order: migrations[i] brings the
// schema from version i to version i+1. Published entries are never edited;
// a change to the schema is a new entry at the end.
var migrations = [...]string{
	// 1: what the replicas share (bot.Store): feedback and the question log,
	// delivery claims, the last turn of each thread, Share payloads and
	// rate-limit buckets, each pruned by at; the secrets every replica must
	// hold alike, such as the key that signs reply ids; and the row Ping
	// writes to prove the database writable.
	`
	CREATE TABLE feedback (
		reply_id text        NOT NULL,
		platform text        NOT NULL,
		user_id  text        NOT NULL,
		helpful  boolean     NOT NULL,
		theme    text        NOT NULL,
		at       timestamptz NOT NULL,
		PRIMARY KEY (reply_id, platform, user_id)
	);
	CREATE INDEX feedback_at ON feedback (at);

	CREATE TABLE questions (
		id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		reply_id     text        NOT NULL,
		platform     text        NOT NULL,
		user_id      text        NOT NULL,
		question     text        NOT NULL,
		question_key text        NOT NULL,
		answered     boolean     NOT NULL,
		mode         text        NOT NULL,
		latency_ms   bigint      NOT NULL,
		at           timestamptz NOT NULL
	);
	CREATE INDEX questions_at ON questions (at, answered);
	CREATE INDEX questions_key ON questions (question_key, at);

	CREATE TABLE deliveries (
		key         text        PRIMARY KEY,
		at          timestamptz NOT NULL,
		lease_until timestamptz NOT NULL,
		done        boolean     NOT NULL
	);
	CREATE INDEX deliveries_at ON deliveries (at);

	CREATE TABLE turns (
		key      text        PRIMARY KEY,
		question text        NOT NULL,
		answer   text        NOT NULL,
		topic    text        NOT NULL,
		context  text        NOT NULL,
		at       timestamptz NOT NULL
	);
	CREATE INDEX turns_at ON turns (at);

	CREATE TABLE shares (
		key     text        PRIMARY KEY,
		payload bytea       NOT NULL,
		at      timestamptz NOT NULL
	);
	CREATE INDEX shares_at ON shares (at);

	CREATE TABLE buckets (
		key    text             PRIMARY KEY,
		tokens double precision NOT NULL,
		at     timestamptz      NOT NULL
	);
	CREATE INDEX buckets_at ON buckets (at);

	CREATE TABLE health (
		id integer     PRIMARY KEY CHECK (id = 1),
		at timestamptz NOT NULL
	);

	CREATE TABLE secrets (
		name       text        PRIMARY KEY,
		value      bytea       NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now()
	);
	`,
}

// SchemaVersion is the schema version this package writes.
const SchemaVersion = len(migrations)

// migrationLock is the first half of the advisory lock taken while
// migrating; the second is a hash of the schema migrated, so that
// deployments in different schemas of one database do not wait for each
// other.
const migrationLock = 0x7a6b5f01

// migrate brings the schema up to date. Each migration runs in its own
// transaction together with its row in schema_migrations, so the schema is
// always at a whole version; each transaction first takes the advisory
// lock, so that of replicas starting together one applies each migration
// and the others, once it commits, find it applied.
func (s *Store) migrate(ctx context.Context) error {
	for {
		done, err := s.step(ctx)
		if err != nil || done {
			return err
		}
	}
}

// step applies the next migration the database lacks, and reports whether
// it lacked none.
func (s *Store) step(ctx context.Context) (done bool, err error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return false, fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))`, migrationLock); err != nil {
		return false, fmt.Errorf("migrate: take the migration lock: %w", err)
	}
	// Created under the lock: two CREATE TABLE IF NOT EXISTS at once can
	// both find the table missing, and one then fails.
	if _, err := tx.Exec(ctx, `
		CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer     PRIMARY KEY,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`); err != nil {
		return false, fmt.Errorf("migrate: create schema_migrations: %w", err)
	}
	current, err := version(ctx, tx)
	if err != nil {
		return false, err
	}
	switch {
	case current > SchemaVersion:
		return false, fmt.Errorf("schema version %d is newer than this talksbot supports (%d): upgrade talksbot", current, SchemaVersion)
	case current == SchemaVersion:
		return true, tx.Commit(ctx)
	}
	v := current + 1
	if _, err := tx.Exec(ctx, migrations[v-1]); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", v, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, v); err != nil {
		return false, fmt.Errorf("migrate to version %d: record version: %w", v, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return false, fmt.Errorf("migrate to version %d: %w", v, err)
	}
	s.log.Info("state database migrated", "version", v)
	return false, nil
}

// querier is what version needs of a pool or a transaction.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// version reads the schema version: 0 for a database talksbot never
// migrated.
func version(ctx context.Context, q querier) (int, error) {
	var v int
	err := q.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// Version returns the database's schema version.
func (s *Store) Version(ctx context.Context) (int, error) { return version(ctx, s.pool) }

// errNoSchema is returned by OpenReader for a database serve never set up.
var errNoSchema = errors.New("no talksbot schema: start talksbot serve once to create it")
