package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/talksbot/talksbot/adapters/internal/questionlog"
	"github.com/talksbot/talksbot/bot"
)

// The question log is written asynchronously by a questionlog.Writer:
// LogQuestion queues an entry and returns, and the writer's goroutine writes
// the queue in batches, one transaction (one fsync) per batch. Nobody is
// told that a question was logged, so an answer need not wait for the disk;
// feedback and delivery ids, which are acknowledged, are written
// synchronously instead.

// logOptions configures the question log's writer: its sizes and how many
// writes (claims, turns, shares, takes and logged questions) pass between
// two automatic prunes; zero takes questionlog's defaults. Tests lower
// PruneEvery (SetPruneEvery).
var logOptions questionlog.Options

// startQuestionLog starts the question log's writer; Close stops it. The
// writer also runs the automatic prunes, so that a long-running process
// does not grow its tables without bound.
func (s *Store) startQuestionLog() {
	opts := logOptions
	opts.Logger = s.log
	opts.Prune = s.pruneNow
	s.qlog = questionlog.Start(s.insertQuestions, opts)
}

// LogQuestion queues one answered or declined question for the log and
// returns without waiting for the disk: the log is written in batches, a few
// milliseconds later, and Close writes what is pending. When the queue is
// full (the disk cannot keep up, or the database is locked) the entry is
// dropped, counted (DroppedQuestions) and a warning logged; the answer is
// never held up. The log holds the question, its outcome, mode and latency;
// never a token.
func (s *Store) LogQuestion(ctx context.Context, e bot.LogEntry) error {
	return s.qlog.Log(ctx, e)
}

// Flush waits until every question logged before it is written. It returns
// an error when the last write before it failed (those entries are lost and
// counted in DroppedQuestions). After Close it returns nil at once: Close
// wrote everything it could.
func (s *Store) Flush(ctx context.Context) error { return s.qlog.Flush(ctx) }

// DroppedQuestions returns how many question-log entries were lost since
// Open: dropped because the queue was full, or in a batch whose write
// failed.
func (s *Store) DroppedQuestions() uint64 { return s.qlog.Dropped() }

// insertQuestions writes a batch of the question log in one transaction:
// whole, or not at all.
func (s *Store) insertQuestions(ctx context.Context, entries []bot.LogEntry) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("log %d questions: %w", len(entries), err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `
		INSERT INTO questions (reply_id, platform, user_id, question, question_key, answered, mode, latency_ms, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("log %d questions: %w", len(entries), err)
	}
	defer stmt.Close()
	for _, e := range entries {
		if _, err := stmt.ExecContext(ctx, e.ReplyID, string(e.Platform), e.User, e.Question, bot.FoldQuestion(e.Question),
			e.Answered, e.Mode, e.Latency.Milliseconds(), millis(e.At)); err != nil {
			return fmt.Errorf("log question of reply %s: %w", e.ReplyID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("log %d questions: %w", len(entries), err)
	}
	return nil
}

// pruneNow is the automatic prune the question log's writer runs.
func (s *Store) pruneNow(ctx context.Context) error {
	p, err := s.Prune(ctx, time.Now())
	if err == nil && p != (Pruned{}) {
		s.log.Debug("pruned state database", "deliveries", p.Deliveries, "turns", p.Turns, "shares", p.Shares, "buckets", p.Buckets, "questions", p.Questions, "feedback", p.Feedback)
	}
	return err
}
