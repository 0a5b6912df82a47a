// Package storetest checks a bot.Store against the contract package bot
// documents, so that MemoryStore, SQLite and PostgreSQL keep the state the
// same way: delivery claims with their leases, turns, shares, rate-limit
// buckets and feedback, including under concurrent use.
//
// Every time the suite passes a store lies in the future (the year 2099),
// set explicitly, never read from a clock: a store that prunes by its own
// clock prunes nothing the suite wrote, and no test depends on how fast it
// runs.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// Verdicts reads back the feedback a store holds on one reply. The store
// that Run's open returns must implement it, so that the suite can check
// that a new vote replaces the earlier one; a test may wrap the store under
// test to provide it.
type Verdicts interface {
	Verdicts(ctx context.Context, replyID string) ([]bot.Feedback, error)
}

// T0 is the time the suite's scenarios start at.
var T0 = time.Date(2099, 3, 1, 9, 0, 0, 0, time.UTC)

// Concurrency is how many goroutines the concurrent subtests run at once.
const Concurrency = 32

// Run runs the contract suite, with a fresh store from open for every
// subtest. open registers the store's cleanup with t.
func Run(t *testing.T, open func(t *testing.T) bot.Store) {
	t.Helper()
	t.Run("Deliveries", func(t *testing.T) { testDeliveries(t, open) })
	t.Run("ConcurrentClaims", func(t *testing.T) { testConcurrentClaims(t, open) })
	t.Run("Threads", func(t *testing.T) { testThreads(t, open) })
	t.Run("Shares", func(t *testing.T) { testShares(t, open) })
	t.Run("Buckets", func(t *testing.T) { testBuckets(t, open) })
	t.Run("ConcurrentTakes", func(t *testing.T) { testConcurrentTakes(t, open) })
	t.Run("Feedback", func(t *testing.T) { testFeedback(t, open) })
	t.Run("LogQuestion", func(t *testing.T) { testLogQuestion(t, open) })
	t.Run("BadArguments", func(t *testing.T) { testBadArguments(t, open) })
	t.Run("DoneContext", func(t *testing.T) { testDoneContext(t, open) })
}

// at is T0 plus d.
func at(d time.Duration) time.Time { return T0.Add(d) }

// deliveryStep is one call of a delivery scenario.
type deliveryStep struct {
	op    string // "claim", "complete" or "release"
	key   string
	after time.Duration // since T0
	lease time.Duration // for claims; 30 s when zero
	want  bool          // for claims
	// claimed is, for releases, when the claim being released was made,
	// since T0.
	claimed time.Duration
}

func testDeliveries(t *testing.T, open func(*testing.T) bot.Store) {
	const lease = 30 * time.Second
	tests := []struct {
		name  string
		steps []deliveryStep
	}{
		{"a new key is claimed once", []deliveryStep{
			{op: "claim", key: "ev1", want: true},
			{op: "claim", key: "ev1", want: false},
			{op: "claim", key: "ev1", after: lease - time.Millisecond, want: false},
			{op: "claim", key: "ev2", want: true},
		}},
		{"a lapsed claim is claimed again", []deliveryStep{
			{op: "claim", key: "ev1", want: true},
			{op: "claim", key: "ev1", after: lease, want: true},
			{op: "claim", key: "ev1", after: lease + time.Millisecond, want: false},
			{op: "claim", key: "ev1", after: 2*lease - time.Millisecond, want: false},
			{op: "claim", key: "ev1", after: 2 * lease, want: true},
		}},
		{"the lease is the claimer's", []deliveryStep{
			{op: "claim", key: "ev1", lease: time.Hour, want: true},
			{op: "claim", key: "ev1", after: 59 * time.Minute, want: false},
			{op: "claim", key: "ev1", after: time.Hour, lease: time.Second, want: true},
			{op: "claim", key: "ev1", after: time.Hour + time.Second, want: true},
		}},
		{"complete blocks every later claim", []deliveryStep{
			{op: "claim", key: "ev1", want: true},
			{op: "complete", key: "ev1", after: time.Second},
			{op: "claim", key: "ev1", after: time.Second, want: false},
			{op: "claim", key: "ev1", after: lease + time.Second, want: false},
			{op: "claim", key: "ev1", after: bot.DeliveryTTL - time.Minute, want: false},
			{op: "claim", key: "ev2", after: lease, want: true},
		}},
		{"complete after the claim lapsed", []deliveryStep{
			{op: "claim", key: "ev1", want: true},
			{op: "complete", key: "ev1", after: 2 * lease},
			{op: "claim", key: "ev1", after: 3 * lease, want: false},
		}},
		{"complete without a claim", []deliveryStep{
			{op: "complete", key: "ev1"},
			{op: "claim", key: "ev1", want: false},
			{op: "claim", key: "ev1", after: 2 * lease, want: false},
		}},
		{"release lets the next claim in", []deliveryStep{
			{op: "claim", key: "ev1", want: true},
			{op: "release", key: "ev1", after: time.Second},
			{op: "claim", key: "ev1", after: time.Second, want: true},
			{op: "claim", key: "ev1", after: 2 * time.Second, want: false},
		}},
		{"release after complete changes nothing", []deliveryStep{
			{op: "claim", key: "ev1", want: true},
			{op: "complete", key: "ev1"},
			{op: "release", key: "ev1"},
			{op: "claim", key: "ev1", want: false},
			{op: "claim", key: "ev1", after: 2 * lease, want: false},
		}},
		{"release of a claim taken over leaves the new claim", []deliveryStep{
			{op: "claim", key: "ev1", want: true},
			{op: "claim", key: "ev1", after: lease, want: true}, // lapsed: another replica takes over
			{op: "release", key: "ev1", after: lease + time.Second, claimed: 0},
			{op: "claim", key: "ev1", after: lease + 2*time.Second, want: false},
		}},
		{"release by the claim that took over", []deliveryStep{
			{op: "claim", key: "ev1", want: true},
			{op: "claim", key: "ev1", after: lease, want: true},
			{op: "release", key: "ev1", after: lease + time.Second, claimed: lease},
			{op: "claim", key: "ev1", after: lease + 2*time.Second, want: true},
		}},
		{"release of an unknown key", []deliveryStep{
			{op: "release", key: "never-claimed"},
			{op: "claim", key: "never-claimed", want: true},
		}},
		{"keys are exact", []deliveryStep{
			{op: "claim", key: "slack:Ev1", want: true},
			{op: "claim", key: "slack:ev1", want: true},
			{op: "claim", key: "slack:Ev1 ", want: true},
			{op: "claim", key: "discord:Ev1", want: true},
			{op: "claim", key: "slack:Ev1", want: false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			ctx := t.Context()
			for i, st := range tt.steps {
				when := at(st.after)
				switch st.op {
				case "claim":
					l := st.lease
					if l == 0 {
						l = lease
					}
					got, err := s.Claim(ctx, st.key, when, l)
					if err != nil || got != st.want {
						t.Fatalf("step %d: Claim(%q, T0+%v, %v) = %v, %v; want %v, nil", i+1, st.key, st.after, l, got, err, st.want)
					}
				case "complete":
					if err := s.Complete(ctx, st.key, when); err != nil {
						t.Fatalf("step %d: Complete(%q, T0+%v): %v", i+1, st.key, st.after, err)
					}
				case "release":
					if err := s.Release(ctx, st.key, at(st.claimed)); err != nil {
						t.Fatalf("step %d: Release(%q, T0+%v): %v", i+1, st.key, st.claimed, err)
					}
				default:
					t.Fatalf("step %d: unknown op %q", i+1, st.op)
				}
			}
		})
	}
}

// race runs f(i) for i in [0, n) from n goroutines released at once, and
// returns how many returned true. Errors fail t.
func race(t *testing.T, n int, f func(i int) (bool, error)) int {
	t.Helper()
	var (
		wg    sync.WaitGroup
		start = make(chan struct{})
		mu    sync.Mutex
		wins  int
	)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			ok, err := f(i)
			if err != nil {
				t.Errorf("goroutine %d: %v", i, err)
				return
			}
			if ok {
				mu.Lock()
				wins++
				mu.Unlock()
			}
		}()
	}
	close(start)
	wg.Wait()
	return wins
}

func testConcurrentClaims(t *testing.T, open func(*testing.T) bot.Store) {
	tests := []struct {
		name string
		keys int
	}{
		{"one key", 1},
		{"four keys", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			ctx := t.Context()
			var mu sync.Mutex
			winners := make(map[string]int)
			race(t, Concurrency, func(i int) (bool, error) {
				key := fmt.Sprintf("ev%d", i%tt.keys)
				ok, err := s.Claim(ctx, key, T0, time.Minute)
				if ok {
					mu.Lock()
					winners[key]++
					mu.Unlock()
				}
				return ok, err
			})
			for k := range tt.keys {
				key := fmt.Sprintf("ev%d", k)
				if winners[key] != 1 {
					t.Errorf("%s: %d claims won out of %d at once, want exactly 1", key, winners[key], Concurrency/tt.keys)
				}
			}
		})
	}

	t.Run("lapsed", func(t *testing.T) {
		s := open(t)
		ctx := t.Context()
		if ok, err := s.Claim(ctx, "ev", T0, time.Second); !ok || err != nil {
			t.Fatalf("first Claim = %v, %v; want true, nil", ok, err)
		}
		wins := race(t, Concurrency, func(int) (bool, error) {
			return s.Claim(ctx, "ev", at(time.Minute), time.Minute)
		})
		if wins != 1 {
			t.Errorf("%d of %d claims of a lapsed key won, want exactly 1", wins, Concurrency)
		}
	})
}

func testThreads(t *testing.T, open func(*testing.T) bot.Store) {
	first := bot.Turn{Question: "What did Congress push for?", Answer: "More sanctions.",
		Topic: "What did Congress push for?", Context: "What did Congress push for?"}
	second := bot.Turn{
		Question: "and Khamenei? (following up on “What did Congress push for?”)",
		Answer:   "Ayatollah Khamenei \"backed\" the talks.\nA second line, with a tab\tand émojis 🙂.",
		Topic:    "What did Congress push for?",
		Context:  "What did Congress push for? and Khamenei?",
	}
	long := bot.Turn{Question: "q", Answer: strings.Repeat("A long answer. ", 4000), Topic: "q", Context: "q"}
	type save struct {
		key   string
		turn  bot.Turn
		after time.Duration
	}
	tests := []struct {
		name      string
		saves     []save
		key       string
		want      bot.Turn
		wantAfter time.Duration
		wantErr   error
	}{
		{name: "none saved", key: "slack:C1:T1", wantErr: bot.ErrNotFound},
		{name: "round trip", saves: []save{{"slack:C1:T1", second, 1500 * time.Millisecond}},
			key: "slack:C1:T1", want: second, wantAfter: 1500 * time.Millisecond},
		{name: "a later turn replaces", saves: []save{{"slack:C1:T1", first, 0}, {"slack:C1:T1", second, time.Minute}},
			key: "slack:C1:T1", want: second, wantAfter: time.Minute},
		{name: "an earlier turn replaces too", saves: []save{{"slack:C1:T1", second, time.Minute}, {"slack:C1:T1", first, 0}},
			key: "slack:C1:T1", want: first},
		{name: "keys are independent", saves: []save{{"slack:C1:T1", first, 0}, {"slack:C1:T2", second, time.Second}},
			key: "slack:C1:T1", want: first},
		{name: "another key is not found", saves: []save{{"slack:C1:T1", first, 0}},
			key: "discord:C1:T1", wantErr: bot.ErrNotFound},
		{name: "a long answer", saves: []save{{"k", long, 0}}, key: "k", want: long},
		{name: "an empty turn", saves: []save{{"k", bot.Turn{}, time.Hour}}, key: "k", wantAfter: time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			ctx := t.Context()
			for _, sv := range tt.saves {
				if err := s.SaveTurn(ctx, sv.key, sv.turn, at(sv.after)); err != nil {
					t.Fatalf("SaveTurn(%q): %v", sv.key, err)
				}
			}
			got, when, err := s.LastTurn(ctx, tt.key)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("LastTurn(%q) error = %v, want %v", tt.key, err, tt.wantErr)
				}
				if got != (bot.Turn{}) || !when.IsZero() {
					t.Errorf("LastTurn(%q) = %+v at %v with the error, want zero values", tt.key, got, when)
				}
				return
			}
			if err != nil {
				t.Fatalf("LastTurn(%q): %v", tt.key, err)
			}
			if got != tt.want {
				t.Errorf("LastTurn(%q) = %+v, want %+v", tt.key, got, tt.want)
			}
			if want := at(tt.wantAfter); !when.Equal(want) {
				t.Errorf("LastTurn(%q) saved at %v, want %v", tt.key, when, want)
			}
		})
	}
}

func testShares(t *testing.T, open func(*testing.T) bot.Store) {
	binary := make([]byte, 256)
	for i := range binary {
		binary[i] = byte(i)
	}
	large := []byte(strings.Repeat(`{"text":"a reply"}`, 10000))
	type save struct {
		key     string
		payload []byte
	}
	tests := []struct {
		name    string
		saves   []save
		key     string
		want    []byte
		wantErr error
	}{
		{name: "none saved", key: "a1b2c3d4e5f60718", wantErr: bot.ErrNotFound},
		{name: "round trip", saves: []save{{"a1b2c3d4e5f60718", []byte(`{"ID":"r1"}`)}}, key: "a1b2c3d4e5f60718", want: []byte(`{"ID":"r1"}`)},
		{name: "every byte value", saves: []save{{"k", binary}}, key: "k", want: binary},
		{name: "large", saves: []save{{"k", large}}, key: "k", want: large},
		{name: "a later save replaces", saves: []save{{"k", []byte("one")}, {"k", []byte("two")}}, key: "k", want: []byte("two")},
		{name: "another key is not found", saves: []save{{"k1", []byte("one")}}, key: "k2", wantErr: bot.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			ctx := t.Context()
			for i, sv := range tt.saves {
				payload := append([]byte{}, sv.payload...)
				if err := s.SaveShare(ctx, sv.key, payload, at(time.Duration(i)*time.Second)); err != nil {
					t.Fatalf("SaveShare(%q): %v", sv.key, err)
				}
				clear(payload) // the store keeps its own copy
			}
			got, err := s.LoadShare(ctx, tt.key)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || got != nil {
					t.Fatalf("LoadShare(%q) = %q, %v; want nil, %v", tt.key, got, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("LoadShare(%q): %v", tt.key, err)
			}
			if string(got) != string(tt.want) {
				t.Errorf("LoadShare(%q) = %d bytes %.40q, want %d bytes %.40q", tt.key, len(got), got, len(tt.want), tt.want)
			}
		})
	}
}

// takeStep is one Take of a bucket scenario.
type takeStep struct {
	key   string        // "u1" when empty
	after time.Duration // since T0
	want  bool
}

func testBuckets(t *testing.T, open func(*testing.T) bot.Store) {
	tests := []struct {
		name      string
		perSecond float64
		burst     int
		steps     []takeStep
	}{
		{"burst, refusal, refill", 1, 3, []takeStep{
			{want: true}, {want: true}, {want: true}, {want: false},
			{after: 999 * time.Millisecond, want: false},
			{after: time.Second, want: true},
			{after: time.Second, want: false},
		}},
		{"refill stops at the burst", 1, 3, []takeStep{
			{want: true}, {want: true}, {want: true},
			{after: time.Hour, want: true}, {after: time.Hour, want: true}, {after: time.Hour, want: true},
			{after: time.Hour, want: false},
		}},
		{"a refusal takes nothing", 1, 1, []takeStep{
			{want: true},
			{after: 500 * time.Millisecond, want: false},
			{after: 900 * time.Millisecond, want: false},
			{after: time.Second, want: true},
		}},
		{"two a minute", 2.0 / 60, 2, []takeStep{
			{want: true}, {want: true}, {want: false},
			{after: 29 * time.Second, want: false},
			{after: 30 * time.Second, want: true},
			{after: 30 * time.Second, want: false},
			{after: 90 * time.Second, want: true},
			{after: 90 * time.Second, want: true},
			{after: 90 * time.Second, want: false},
		}},
		{"fractions add up", 0.4, 1, []takeStep{
			{want: true},
			{after: 2 * time.Second, want: false},
			{after: 2500 * time.Millisecond, want: true},
		}},
		{"no refill while the clock is behind", 1, 3, []takeStep{
			{after: 10 * time.Second, want: true},
			{after: 5 * time.Second, want: true},
			{after: 5 * time.Second, want: true},
			{after: 5 * time.Second, want: false},
			{after: 10 * time.Second, want: false},
			{after: 11 * time.Second, want: true},
			{after: 11 * time.Second, want: false},
		}},
		{"keys are independent", 1, 1, []takeStep{
			{key: "slack:U1", want: true}, {key: "slack:U1", want: false},
			{key: "slack:U2", want: true}, {key: "discord:U1", want: true},
			{key: "slack:U2", want: false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			ctx := t.Context()
			for i, st := range tt.steps {
				key := st.key
				if key == "" {
					key = "u1"
				}
				got, err := s.Take(ctx, key, tt.perSecond, tt.burst, at(st.after))
				if err != nil || got != st.want {
					t.Fatalf("step %d: Take(%q, %v/s, burst %d, T0+%v) = %v, %v; want %v, nil",
						i+1, key, tt.perSecond, tt.burst, st.after, got, err, st.want)
				}
			}
		})
	}
}

func testConcurrentTakes(t *testing.T, open func(*testing.T) bot.Store) {
	const burst = 7
	tests := []struct {
		name  string
		after func(i int) time.Duration
		want  int
	}{
		{"at one instant", func(int) time.Duration { return 0 }, burst},
		// A token a second over 10 s, at instants racing in any order:
		// never more than the burst and what refilled since the first take.
		{"over ten seconds", func(i int) time.Duration { return time.Duration(i%11) * time.Second }, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			ctx := t.Context()
			wins := race(t, Concurrency, func(i int) (bool, error) {
				return s.Take(ctx, "slack:U1", 1, burst, at(tt.after(i)))
			})
			switch {
			case tt.want >= 0 && wins != tt.want:
				t.Errorf("%d of %d takes at once succeeded, want exactly the burst of %d", wins, Concurrency, tt.want)
			case tt.want < 0 && (wins < burst || wins > burst+10):
				t.Errorf("%d of %d takes over 10 s succeeded, want between %d and %d", wins, Concurrency, burst, burst+10)
			}
		})
	}
}

func testFeedback(t *testing.T, open func(*testing.T) bot.Store) {
	vote := func(user string, p bot.Platform, helpful bool, after time.Duration) bot.Feedback {
		return bot.Feedback{ReplyID: "r1", Platform: p, User: user, Helpful: helpful, Theme: "Handling the Spoilers", At: at(after)}
	}
	tests := []struct {
		name  string
		votes []bot.Feedback
		want  []bot.Feedback // in any order
	}{
		{"one vote", []bot.Feedback{vote("U1", bot.Slack, true, 0)}, []bot.Feedback{vote("U1", bot.Slack, true, 0)}},
		{"a new vote replaces", []bot.Feedback{vote("U1", bot.Slack, true, 0), vote("U1", bot.Slack, false, time.Minute)},
			[]bot.Feedback{vote("U1", bot.Slack, false, time.Minute)}},
		{"voting the same again", []bot.Feedback{vote("U1", bot.Slack, true, 0), vote("U1", bot.Slack, true, time.Minute)},
			[]bot.Feedback{vote("U1", bot.Slack, true, time.Minute)}},
		{"one verdict per user and platform", []bot.Feedback{
			vote("U1", bot.Slack, true, 0), vote("U2", bot.Slack, false, 0), vote("U1", bot.Discord, false, 0),
			vote("U2", bot.Slack, true, time.Second),
		}, []bot.Feedback{vote("U1", bot.Slack, true, 0), vote("U2", bot.Slack, true, time.Second), vote("U1", bot.Discord, false, 0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			r, ok := s.(Verdicts)
			if !ok {
				t.Fatalf("%T does not implement storetest.Verdicts: wrap it in the test's open", s)
			}
			ctx := t.Context()
			for _, f := range tt.votes {
				if err := s.SaveFeedback(ctx, f); err != nil {
					t.Fatalf("SaveFeedback(%+v): %v", f, err)
				}
			}
			got, err := r.Verdicts(ctx, "r1")
			if err != nil {
				t.Fatalf("Verdicts: %v", err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d verdicts %+v, want %d %+v", len(got), got, len(tt.want), tt.want)
			}
			for _, w := range tt.want {
				found := false
				for _, g := range got {
					if g.ReplyID == w.ReplyID && g.Platform == w.Platform && g.User == w.User &&
						g.Helpful == w.Helpful && g.Theme == w.Theme && g.At.Equal(w.At) {
						found = true
					}
				}
				if !found {
					t.Errorf("got verdicts %+v, want one %+v", got, w)
				}
			}
		})
	}
}

func testLogQuestion(t *testing.T, open func(*testing.T) bot.Store) {
	s := open(t)
	e := bot.LogEntry{ReplyID: "r1", Platform: bot.Slack, User: "U1", Question: "What did Congress push for?",
		Answered: true, Mode: bot.ModeExtractive, Latency: 12 * time.Millisecond, At: T0}
	if err := s.LogQuestion(t.Context(), e); err != nil {
		t.Errorf("LogQuestion: %v", err)
	}
}

func testBadArguments(t *testing.T, open func(*testing.T) bot.Store) {
	s := open(t)
	ctx := t.Context()
	calls := []struct {
		name string
		call func() error
	}{
		{"Claim with an empty key", func() error { _, err := s.Claim(ctx, "", T0, time.Second); return err }},
		{"Claim with no lease", func() error { _, err := s.Claim(ctx, "k", T0, 0); return err }},
		{"Claim with a negative lease", func() error { _, err := s.Claim(ctx, "k", T0, -time.Second); return err }},
		{"Complete with an empty key", func() error { return s.Complete(ctx, "", T0) }},
		{"Release with an empty key", func() error { return s.Release(ctx, "", T0) }},
		{"SaveTurn with an empty key", func() error { return s.SaveTurn(ctx, "", bot.Turn{Question: "q"}, T0) }},
		{"LastTurn with an empty key", func() error { _, _, err := s.LastTurn(ctx, ""); return err }},
		{"SaveShare with an empty key", func() error { return s.SaveShare(ctx, "", []byte("p"), T0) }},
		{"LoadShare with an empty key", func() error { _, err := s.LoadShare(ctx, ""); return err }},
		{"Take with an empty key", func() error { _, err := s.Take(ctx, "", 1, 1, T0); return err }},
		{"Take at no rate", func() error { _, err := s.Take(ctx, "k", 0, 1, T0); return err }},
		{"Take at a negative rate", func() error { _, err := s.Take(ctx, "k", -1, 1, T0); return err }},
		{"Take at a NaN rate", func() error { _, err := s.Take(ctx, "k", math.NaN(), 1, T0); return err }},
		{"Take with no burst", func() error { _, err := s.Take(ctx, "k", 1, 0, T0); return err }},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			if err := c.call(); err == nil {
				t.Error("got no error, want one")
			}
		})
	}
	// None of the refused calls changed anything.
	if ok, err := s.Claim(ctx, "k", T0, time.Second); !ok || err != nil {
		t.Errorf("Claim(k) after refused calls = %v, %v; want true, nil", ok, err)
	}
	if ok, err := s.Take(ctx, "k", 1, 1, T0); !ok || err != nil {
		t.Errorf("Take(k) after refused calls = %v, %v; want true, nil", ok, err)
	}
}

func testDoneContext(t *testing.T, open func(*testing.T) bot.Store) {
	s := open(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	calls := []struct {
		name string
		call func() error
	}{
		{"SaveFeedback", func() error {
			return s.SaveFeedback(ctx, bot.Feedback{ReplyID: "r1", Platform: bot.Slack, User: "U1", At: T0})
		}},
		{"LogQuestion", func() error { return s.LogQuestion(ctx, bot.LogEntry{ReplyID: "r1", Question: "q", At: T0}) }},
		{"Claim", func() error { _, err := s.Claim(ctx, "k", T0, time.Second); return err }},
		{"Complete", func() error { return s.Complete(ctx, "k", T0) }},
		{"Release", func() error { return s.Release(ctx, "k", T0) }},
		{"SaveTurn", func() error { return s.SaveTurn(ctx, "k", bot.Turn{Question: "q"}, T0) }},
		{"LastTurn", func() error { _, _, err := s.LastTurn(ctx, "k"); return err }},
		{"SaveShare", func() error { return s.SaveShare(ctx, "k", []byte("p"), T0) }},
		{"LoadShare", func() error { _, err := s.LoadShare(ctx, "k"); return err }},
		{"Take", func() error { _, err := s.Take(ctx, "k", 1, 1, T0); return err }},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			err := c.call()
			if err == nil {
				t.Fatal("got no error with a done context, want one")
			}
			if errors.Is(err, bot.ErrNotFound) {
				t.Errorf("got %v, want an error other than ErrNotFound", err)
			}
		})
	}
	// Nothing was done: the key is free and the bucket full.
	live := t.Context()
	if ok, err := s.Claim(live, "k", T0, time.Second); !ok || err != nil {
		t.Errorf("Claim(k) after calls with a done context = %v, %v; want true, nil", ok, err)
	}
	if ok, err := s.Take(live, "k", 1, 1, T0); !ok || err != nil {
		t.Errorf("Take(k) after calls with a done context = %v, %v; want true, nil", ok, err)
	}
	if _, _, err := s.LastTurn(live, "k"); !errors.Is(err, bot.ErrNotFound) {
		t.Errorf("LastTurn(k) after SaveTurn with a done context: %v, want ErrNotFound", err)
	}
}
