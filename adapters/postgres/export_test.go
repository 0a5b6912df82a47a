package postgres

import (
	"context"

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
