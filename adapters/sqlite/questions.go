package sqlite

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// The question log is written asynchronously: LogQuestion queues an entry
// and returns, and one goroutine writes the queue in batches, one
// transaction (one fsync) per batch. Nobody is told that a question was
// logged, so an answer need not wait for the disk; feedback and delivery
// ids, which are acknowledged, are written synchronously instead.
var (
	// queueSize bounds the entries waiting to be written; past it, entries
	// are dropped with a warning. Tests lower it.
	queueSize = 4096
	// maxBatch bounds the entries written in one transaction. Tests lower it.
	maxBatch = 256
)

const (
	// flushDelay is how long the writer waits for more entries after the
	// first one of a batch, so that a moderate stream of questions shares
	// fsyncs. A crash loses at most this much of the log, plus the batch
	// being written.
	flushDelay = 5 * time.Millisecond
	// batchTimeout bounds one batch's write, lock waits included.
	batchTimeout = 30 * time.Second
	// dropWarnEvery spaces out the warnings about a full queue.
	dropWarnEvery = 10 * time.Second
)

// logItem is one element of the question log's queue.
type logItem struct {
	entry bot.LogEntry
	// flushed, when non-nil, marks a Flush: it receives the outcome once
	// every entry queued before it is written.
	flushed chan error
	// prune asks the writer to prune once the batch is written.
	prune bool
}

func (s *Store) startQuestionLog() {
	s.queue = make(chan logItem, queueSize)
	s.qdone = make(chan struct{})
	go s.writeQuestions()
}

// stopQuestionLog refuses further entries and waits until the queued ones
// are written.
func (s *Store) stopQuestionLog() {
	if s.queue == nil {
		return
	}
	s.qclosing.Store(true)
	s.qmu.Lock()
	s.qclosed = true
	close(s.queue)
	s.qmu.Unlock()
	<-s.qdone
}

// LogQuestion queues one answered or declined question for the log and
// returns without waiting for the disk: the log is written in batches, a few
// milliseconds later, and Close writes what is pending. When the queue is
// full (the disk cannot keep up, or the database is locked) the entry is
// dropped, counted (DroppedQuestions) and a warning logged; the answer is
// never held up. The log holds the question, its outcome, mode and latency;
// never a token.
func (s *Store) LogQuestion(ctx context.Context, e bot.LogEntry) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("log question of reply %s: %w", e.ReplyID, err)
	}
	e.At = orNow(e.At) // the time asked, not the time written
	s.qmu.RLock()
	defer s.qmu.RUnlock()
	if s.qclosed {
		return fmt.Errorf("log question of reply %s: state database is closed", e.ReplyID)
	}
	select {
	case s.queue <- logItem{entry: e}:
		return nil
	default:
	}
	n := s.dropped.Add(1)
	now := time.Now().UnixNano()
	if last := s.lastWarn.Load(); now-last >= int64(dropWarnEvery) && s.lastWarn.CompareAndSwap(last, now) {
		s.log.Warn("question log queue full: dropping entries", "dropped_total", n)
	}
	return nil
}

// Flush waits until every question logged before it is written. It returns
// an error when the last write before it failed (those entries are lost and
// counted in DroppedQuestions). After Close it returns nil at once: Close
// wrote everything it could.
func (s *Store) Flush(ctx context.Context) error {
	done := make(chan error, 1)
	s.qmu.RLock()
	if s.qclosed {
		s.qmu.RUnlock()
		return nil
	}
	select {
	case s.queue <- logItem{flushed: done}:
		s.qmu.RUnlock()
	case <-ctx.Done():
		s.qmu.RUnlock()
		return fmt.Errorf("flush question log: %w", ctx.Err())
	}
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("flush question log: %w", err)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("flush question log: %w", ctx.Err())
	}
}

// DroppedQuestions returns how many question-log entries were lost since
// Open: dropped because the queue was full, or in a batch whose write
// failed.
func (s *Store) DroppedQuestions() uint64 { return s.dropped.Load() }

// requestPrune asks the writer goroutine to prune, unless the queue is full
// or closed: the next request will do.
func (s *Store) requestPrune() {
	s.qmu.RLock()
	defer s.qmu.RUnlock()
	if s.qclosed {
		return
	}
	select {
	case s.queue <- logItem{prune: true}:
	default:
	}
}

// writeQuestions is the question log's writer goroutine. It takes the first
// waiting entry, gathers more for up to flushDelay (or until a batch is full
// or a Flush asks), writes them in one transaction, and starts over until
// the queue is closed and empty.
func (s *Store) writeQuestions() {
	defer close(s.qdone)
	var (
		batch   = make([]bot.LogEntry, 0, maxBatch)
		waiters []chan error
		prune   bool
		giveUp  bool  // a write failed while closing: drop the rest
		lastErr error // the last batch's outcome, for a Flush with nothing to write
		timer   = time.NewTimer(flushDelay)
	)
	timer.Stop()
	take := func(it logItem) {
		switch {
		case it.flushed != nil:
			waiters = append(waiters, it.flushed)
		case it.prune:
			prune = true
		default:
			batch = append(batch, it.entry)
		}
	}
	for {
		it, open := <-s.queue
		if !open {
			return
		}
		take(it)
		timer.Reset(flushDelay)
	gather:
		for len(batch) < maxBatch && len(waiters) == 0 {
			select {
			case it, open = <-s.queue:
				if !open {
					break gather
				}
				take(it)
			case <-timer.C:
				break gather
			}
		}
		timer.Stop()

		if len(batch) > 0 { // else only a Flush or a prune request
			switch {
			case giveUp:
				s.dropped.Add(uint64(len(batch)))
				lastErr = errors.New("question log not written: the database failed while closing")
			default:
				lastErr = s.writeBatch(batch)
				// While closing, a failing database would hold Close up for
				// a lock timeout per batch: the rest is dropped instead.
				giveUp = lastErr != nil && s.qclosing.Load()
				if lastErr == nil && s.counted(uint64(len(batch))) {
					prune = true
				}
			}
		}
		if prune && lastErr == nil {
			prune = false
			s.pruneInBackground()
		}
		batch = batch[:0]
		for _, w := range waiters {
			w <- lastErr
		}
		waiters = waiters[:0]
		if !open {
			return
		}
	}
}

// writeBatch writes entries in one transaction. On failure the entries are
// lost: they are counted as dropped, the error is logged, and Ping reports
// the state unwritable until a write succeeds again.
func (s *Store) writeBatch(entries []bot.LogEntry) error {
	if len(entries) == 0 {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), batchTimeout)
	defer cancel()
	err := s.insertQuestions(ctx, entries)
	if err != nil {
		s.dropped.Add(uint64(len(entries)))
		s.writeErr.Store(&err)
		s.log.Error("question log write failed", "entries", len(entries), "err", err)
		return err
	}
	s.writeErr.Store(nil)
	return nil
}

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

// pruneInBackground prunes from the writer goroutine, logging a failure:
// the next round retries.
func (s *Store) pruneInBackground() {
	ctx, cancel := context.WithTimeout(context.Background(), batchTimeout)
	defer cancel()
	if p, err := s.Prune(ctx, time.Now()); err != nil {
		s.log.Warn("prune state database", "err", err)
	} else if p != (Pruned{}) {
		s.log.Debug("pruned state database", "deliveries", p.Deliveries, "turns", p.Turns, "shares", p.Shares, "buckets", p.Buckets, "questions", p.Questions, "feedback", p.Feedback)
	}
}
