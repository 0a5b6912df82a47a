package postgres_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/postgres"
	"github.com/talksbot/talksbot/adapters/postgres/pgtest"
	"github.com/talksbot/talksbot/bot/storetest"
)

// bg is the context of benchmarks and of the calls they time.
var bg = context.Background()

// BenchmarkClaim claims a new delivery per op, as each question does, on
// the database of TALKSBOT_TEST_DATABASE_URL; BenchmarkTake takes a
// rate-limit token per op from one of 100 users' buckets. Each reports the
// latency of one call, p50 and p99 in microseconds, and the round trips it
// made, counted through a proxy on a second store (see
// TestOneRoundTripPerCall).
//
//	go test -run '^$' -bench . ./adapters/postgres
func BenchmarkClaim(b *testing.B) {
	benchCall(b, func(s *postgres.Store, i int) error {
		_, err := s.Claim(bg, fmt.Sprint("bench-ev", i), storetest.T0, time.Minute)
		return err
	})
}

func BenchmarkTake(b *testing.B) {
	benchCall(b, func(s *postgres.Store, i int) error {
		_, err := s.Take(bg, fmt.Sprint("user", i%100), 1, 1000, storetest.T0.Add(time.Duration(i)*time.Millisecond))
		return err
	})
}

// benchCall times call b.N times, one at a time, and reports p50, p99 and
// round trips per call.
func benchCall(b *testing.B, call func(s *postgres.Store, i int) error) {
	url := pgtest.NewSchema(b)
	s := openAt(b, url, postgres.Options{})
	for i := range 10 { // prepare the statement, warm the connection
		if err := call(s, -1-i); err != nil {
			b.Fatal(err)
		}
	}
	lat := make([]time.Duration, b.N)
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		if err := call(s, i); err != nil {
			b.Fatal(err)
		}
		lat[i] = time.Since(start)
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(micros(lat[len(lat)/2]), "p50-µs")
	b.ReportMetric(micros(lat[len(lat)*99/100]), "p99-µs")
	b.ReportMetric(roundTrips(b, url, call), "roundtrips/op")
}

// roundTrips counts the round trips of 100 calls through a proxy, after
// the statement is prepared, and returns them per call.
func roundTrips(b *testing.B, url string, call func(s *postgres.Store, i int) error) float64 {
	proxy, proxied := pgtest.Through(b, url)
	s := openAt(b, proxied, postgres.Options{})
	const calls = 100
	if err := call(s, 1<<30); err != nil {
		b.Fatal(err)
	}
	before := proxy.RoundTrips()
	for i := range calls {
		if err := call(s, 1<<30+1+i); err != nil {
			b.Fatal(err)
		}
	}
	return float64(proxy.RoundTrips()-before) / calls
}

func micros(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }
