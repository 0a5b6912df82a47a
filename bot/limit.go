package bot

import (
	"time"

	"golang.org/x/time/rate"
)

// maxLimiters bounds the per-user limiters kept in memory; the least
// recently active user's limiter goes first (that user starts afresh).
const maxLimiters = 10000

// limiters holds one token bucket per platform user.
type limiters struct {
	limit rate.Limit
	burst int
	users *lru[string, *rate.Limiter]
}

func newLimiters(perMinute float64, burst int) *limiters {
	return &limiters{
		limit: rate.Limit(perMinute / 60),
		burst: burst,
		users: newLRU[string, *rate.Limiter](maxLimiters, 0),
	}
}

// allow reports whether the user keyed by key may make a request at now.
func (l *limiters) allow(key string, now time.Time) bool {
	lim := l.users.getOrAdd(key, now, func() *rate.Limiter {
		return rate.NewLimiter(l.limit, l.burst)
	})
	return lim.AllowN(now, 1)
}
