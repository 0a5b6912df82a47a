package sqlite

// SetPruneEvery sets how many first deliveries pass between two automatic
// prunes, for the duration of a test, and returns a function restoring it.
func SetPruneEvery(n uint64) (restore func()) {
	old := pruneEvery
	pruneEvery = n
	return func() { pruneEvery = old }
}
