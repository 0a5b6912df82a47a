package slack

import (
	"testing"
	"time"
)

// SetNow makes the adapters New returns until the test ends read the time
// from now, to tell how long work waited for a worker.
func SetNow(t testing.TB, now func() time.Time) {
	old := timeNow
	timeNow = now
	t.Cleanup(func() { timeNow = old })
}

// SetDraftInterval makes the adapters New returns until the test ends add
// to a draft at most once per d; zero adds every text the core verifies.
func SetDraftInterval(t testing.TB, d time.Duration) {
	old := draftInterval
	draftInterval = d
	t.Cleanup(func() { draftInterval = old })
}

// SetMaxHomeUsers makes the adapters New returns until the test ends publish
// the Home tab again, after a reload, to the latest n users to open it.
func SetMaxHomeUsers(t testing.TB, n int) {
	old := maxHomeUsers
	maxHomeUsers = n
	t.Cleanup(func() { maxHomeUsers = old })
}
