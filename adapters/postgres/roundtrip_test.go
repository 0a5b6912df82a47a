package postgres_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/postgres"
	"github.com/talksbot/talksbot/adapters/postgres/pgtest"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/storetest"
)

// storeCall is one kind of call a question makes to the store.
type storeCall struct {
	name string
	call func(s *postgres.Store, i int) error
}

// questionCalls are the store calls on the path of a question: a delivery
// claimed (won, or lost to another replica), a rate-limit token taken (or
// refused), the thread's last turn read and saved, the delivery completed.
var questionCalls = []storeCall{
	{"Claim won", func(s *postgres.Store, i int) error {
		_, err := s.Claim(bg, fmt.Sprint("ev", i), storetest.T0, time.Minute)
		return err
	}},
	{"Claim lost", func(s *postgres.Store, i int) error {
		_, err := s.Claim(bg, "ev0", storetest.T0, time.Minute)
		return err
	}},
	{"Take allowed", func(s *postgres.Store, i int) error {
		_, err := s.Take(bg, fmt.Sprint("user", i%100), 1, 1000, storetest.T0.Add(time.Duration(i)*time.Second))
		return err
	}},
	{"Take refused", func(s *postgres.Store, i int) error {
		_, err := s.Take(bg, "busy-user", 0.001, 1, storetest.T0)
		return err
	}},
	{"LastTurn", func(s *postgres.Store, i int) error {
		_, _, err := s.LastTurn(bg, "thread")
		return err
	}},
	{"SaveTurn", func(s *postgres.Store, i int) error {
		return s.SaveTurn(bg, "thread", bot.Turn{Question: "q", Answer: "a"}, storetest.T0)
	}},
	{"Complete", func(s *postgres.Store, i int) error { return s.Complete(bg, fmt.Sprint("ev", i), storetest.T0) }},
}

// TestOneRoundTripPerCall counts, through a proxy, the round trips each
// store call on a question's path makes once its connection has the
// statement prepared: exactly one. A connection idle for over a second is
// pinged before use (pgxpool's liveness check): one more round trip after
// a pause, which a loaded machine may make even here, so pings are told
// apart.
func TestOneRoundTripPerCall(t *testing.T) {
	proxy, url := pgtest.Through(t, pgtest.NewSchema(t))
	s := openAt(t, url, postgres.Options{})
	if err := s.SaveTurn(t.Context(), "thread", bot.Turn{Question: "q"}, storetest.T0); err != nil {
		t.Fatal(err)
	}
	const calls = 50
	for _, c := range questionCalls {
		t.Run(c.name, func(t *testing.T) {
			for i := range 2 { // the first call prepares the statement
				if err := c.call(s, i); err != nil {
					t.Fatal(err)
				}
			}
			before, pings := proxy.RoundTrips(), proxy.SimpleQueries()
			for i := 2; i < calls+2; i++ {
				if err := c.call(s, i); err != nil {
					t.Fatal(err)
				}
			}
			pings = proxy.SimpleQueries() - pings
			if got := proxy.RoundTrips() - before - pings; got != calls {
				t.Errorf("%d calls made %d round trips besides %d pings, want %d (one each)", calls, got, pings, calls)
			}
		})
	}
}
