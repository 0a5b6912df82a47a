package postgres

// SetPruneEvery sets how many writes pass between two automatic prunes, for
// the duration of a test, and returns a function restoring it.
func SetPruneEvery(n uint64) (restore func()) {
	old := questionLog.PruneEvery
	questionLog.PruneEvery = n
	return func() { questionLog.PruneEvery = old }
}

// SetQueue sets the question log's queue size and batch size for stores
// opened afterwards, and returns a function restoring them.
func SetQueue(size, batch int) (restore func()) {
	oldSize, oldBatch := questionLog.QueueSize, questionLog.MaxBatch
	questionLog.QueueSize, questionLog.MaxBatch = size, batch
	return func() { questionLog.QueueSize, questionLog.MaxBatch = oldSize, oldBatch }
}
