package sqlite

import (
	"context"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// SetPruneEvery sets how many writes pass between two automatic prunes, for
// the duration of a test, and returns a function restoring it.
func SetPruneEvery(n uint64) (restore func()) {
	old := logOptions.PruneEvery
	logOptions.PruneEvery = n
	return func() { logOptions.PruneEvery = old }
}

// WriteQuestions writes entries as the question log's writer writes one
// batch.
func (s *Store) WriteQuestions(ctx context.Context, entries []bot.LogEntry) error {
	return s.insertQuestions(ctx, entries)
}

// SetBusyTimeouts sets how long writes and Ping wait for a write lock held
// elsewhere, for stores opened afterwards, and returns a function restoring
// them.
func SetBusyTimeouts(write, ping time.Duration) (restore func()) {
	oldWrite, oldPing := busyTimeout, pingBusyTimeout
	busyTimeout, pingBusyTimeout = write, ping
	return func() { busyTimeout, pingBusyTimeout = oldWrite, oldPing }
}

// Migrations returns the schema's migrations, for tests that build an
// older database.
func Migrations() []string { return migrations[:] }
