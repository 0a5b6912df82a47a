package postgres_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/postgres"
	"github.com/talksbot/talksbot/adapters/postgres/pgtest"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/bot/storetest"
)

// TestReplicasAgree runs the same calls at once through several stores on
// one database, each with its own pool, as replicas make them: of the
// claims on one delivery one wins; of the takes on one user's bucket no
// more than its burst succeed; a turn saved or a share kept by one is read
// by another.
func TestReplicasAgree(t *testing.T) {
	const replicas, perReplica = 4, 8
	url := pgtest.NewSchema(t)
	stores := make([]*postgres.Store, replicas)
	for i := range stores {
		stores[i] = openAt(t, url, postgres.Options{})
	}
	ctx := t.Context()

	// all runs f from perReplica goroutines on each store at once, and
	// counts the calls that returned true.
	all := func(f func(s *postgres.Store) (bool, error)) int {
		var (
			wg    sync.WaitGroup
			start = make(chan struct{})
			wins  atomic.Int64
		)
		for _, s := range stores {
			for range perReplica {
				wg.Go(func() {
					<-start
					ok, err := f(s)
					if err != nil {
						t.Error(err)
					}
					if ok {
						wins.Add(1)
					}
				})
			}
		}
		close(start)
		wg.Wait()
		return int(wins.Load())
	}

	for i := range 5 {
		key := fmt.Sprint("slack:Ev", i)
		if wins := all(func(s *postgres.Store) (bool, error) { return s.Claim(ctx, key, storetest.T0, time.Minute) }); wins != 1 {
			t.Errorf("%s: %d of %d claims won across %d replicas, want 1", key, wins, replicas*perReplica, replicas)
		}
	}
	const burst = 5
	if wins := all(func(s *postgres.Store) (bool, error) { return s.Take(ctx, "slack:U1", 1.0/60, burst, storetest.T0) }); wins != burst {
		t.Errorf("%d of %d takes succeeded across %d replicas, want the burst of %d", wins, replicas*perReplica, replicas, burst)
	}

	turn := bot.Turn{Question: "What did Congress push for?", Answer: "More sanctions.", Topic: "Congress", Context: "Congress"}
	if err := stores[0].SaveTurn(ctx, "slack:C1:T1", turn, storetest.T0); err != nil {
		t.Fatal(err)
	}
	if got, _, err := stores[replicas-1].LastTurn(ctx, "slack:C1:T1"); err != nil || got != turn {
		t.Errorf("another replica's LastTurn = %+v, %v; want %+v", got, err, turn)
	}
	if err := stores[1].SaveShare(ctx, "a1b2c3d4e5f60718", []byte(`{"reply":1}`), storetest.T0); err != nil {
		t.Fatal(err)
	}
	if got, err := stores[2].LoadShare(ctx, "a1b2c3d4e5f60718"); err != nil || string(got) != `{"reply":1}` {
		t.Errorf("another replica's LoadShare = %q, %v", got, err)
	}
}
