// Package questionlog writes the question log of talksbot's state stores
// (packages sqlite and postgres) asynchronously, in batches. Nobody is told
// that a question was logged, so an answer need not wait for the database,
// nor fail while it is down; what the bot acknowledges to a user (feedback,
// delivery claims) the stores write synchronously instead.
//
// A Writer owns a bounded queue and one goroutine. Log queues an entry and
// returns; the goroutine takes the first waiting entry, gathers more for up
// to a flush delay (or until a batch is full or a Flush asks), and hands the
// batch to the store's WriteFunc, which writes it whole or not at all (one
// SQLite transaction, one PostgreSQL COPY). When the queue is full the entry
// is dropped, counted and a warning logged, at most one every ten seconds;
// a batch whose write fails is counted as dropped too. Close refuses further
// entries and writes what is queued. A crash loses at most the flush delay's
// worth of the log, plus the batch being written.
//
// The same goroutine runs the store's upkeep: the Prune hook, every
// PruneEvery writes (logged questions and the store's other writes, which
// it reports with Wrote), so that pruning never runs beside a batch.
package questionlog
