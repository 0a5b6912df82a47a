package bot_test

import (
	"context"
	"errors"
	"log/slog"
	"reflect"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// errDown is what faultyStore returns while failing.
var errDown = errors.New("dial tcp 127.0.0.1:5432: connection refused")

// faultyStore is a MemoryStore whose methods fail while failing is set: a
// fault injector standing for a database that went away. failed counts the
// calls of the shared state (not of the journal) that failed.
type faultyStore struct {
	*bot.MemoryStore
	failing atomic.Bool
	failed  atomic.Int64
}

func newFaultyStore(now func() time.Time) *faultyStore {
	return &faultyStore{MemoryStore: &bot.MemoryStore{Now: now}}
}

func (s *faultyStore) fault() error {
	if s.failing.Load() {
		s.failed.Add(1)
		return errDown
	}
	return nil
}

func (s *faultyStore) SaveFeedback(ctx context.Context, f bot.Feedback) error {
	if s.failing.Load() {
		return errDown
	}
	return s.MemoryStore.SaveFeedback(ctx, f)
}

func (s *faultyStore) LogQuestion(ctx context.Context, e bot.LogEntry) error {
	if s.failing.Load() {
		return errDown
	}
	return s.MemoryStore.LogQuestion(ctx, e)
}

func (s *faultyStore) Claim(ctx context.Context, key string, now time.Time, lease time.Duration) (bool, error) {
	if err := s.fault(); err != nil {
		return false, err
	}
	return s.MemoryStore.Claim(ctx, key, now, lease)
}

func (s *faultyStore) Complete(ctx context.Context, key string, now time.Time) error {
	if err := s.fault(); err != nil {
		return err
	}
	return s.MemoryStore.Complete(ctx, key, now)
}

func (s *faultyStore) Release(ctx context.Context, key string, claimed time.Time) error {
	if err := s.fault(); err != nil {
		return err
	}
	return s.MemoryStore.Release(ctx, key, claimed)
}

func (s *faultyStore) SaveTurn(ctx context.Context, key string, t bot.Turn, at time.Time) error {
	if err := s.fault(); err != nil {
		return err
	}
	return s.MemoryStore.SaveTurn(ctx, key, t, at)
}

func (s *faultyStore) LastTurn(ctx context.Context, key string) (bot.Turn, time.Time, error) {
	if err := s.fault(); err != nil {
		return bot.Turn{}, time.Time{}, err
	}
	return s.MemoryStore.LastTurn(ctx, key)
}

func (s *faultyStore) SaveShare(ctx context.Context, key string, payload []byte, at time.Time) error {
	if err := s.fault(); err != nil {
		return err
	}
	return s.MemoryStore.SaveShare(ctx, key, payload, at)
}

func (s *faultyStore) LoadShare(ctx context.Context, key string) ([]byte, error) {
	if err := s.fault(); err != nil {
		return nil, err
	}
	return s.MemoryStore.LoadShare(ctx, key)
}

func (s *faultyStore) Take(ctx context.Context, key string, perSecond float64, burst int, now time.Time) (bool, error) {
	if err := s.fault(); err != nil {
		return false, err
	}
	return s.MemoryStore.Take(ctx, key, perSecond, burst, now)
}

// deliveryOp is one delivery call of a scenario.
type deliveryOp struct {
	advance time.Duration // the clock moves first
	op      string        // "first", "done" or "forget"
	replica int           // which bot calls, 0 or 1
	key     string        // "ev1" when empty
	want    bool          // for "first"
}

// runDeliveries runs ops on two bots sharing one store.
func runDeliveries(t *testing.T, opts bot.Options, ops []deliveryOp) {
	t.Helper()
	clk := newClock(0)
	opts.Now, opts.Store = clk.Now, &bot.MemoryStore{Now: clk.Now}
	replicas := []*bot.Bot{bot.New(nil, opts), bot.New(nil, opts)}
	ctx := context.Background()
	for i, o := range ops {
		clk.Advance(o.advance)
		key := o.key
		if key == "" {
			key = "ev1"
		}
		b := replicas[o.replica]
		var err error
		switch o.op {
		case "first":
			var got bool
			got, err = b.FirstDelivery(ctx, key)
			if got != o.want {
				t.Errorf("step %d: replica %d FirstDelivery(%s) = %v, want %v", i+1, o.replica, key, got, o.want)
			}
		case "done":
			err = b.DoneDelivery(ctx, key)
		case "forget":
			err = b.ForgetDelivery(ctx, key)
		default:
			t.Fatalf("step %d: unknown op %q", i+1, o.op)
		}
		if err != nil {
			t.Errorf("step %d: replica %d %s(%s): %v", i+1, o.replica, o.op, key, err)
		}
	}
}

func TestDeliveries(t *testing.T) {
	tests := []struct {
		name  string
		lease time.Duration
		ops   []deliveryOp
	}{
		{"answered once", 0, []deliveryOp{
			{op: "first", want: true},
			{op: "first", want: false},
			{op: "first", replica: 1, want: false},
			{op: "done"},
			{advance: time.Hour, op: "first", replica: 1, want: false},
			{op: "forget", replica: 1}, // too late: it was answered
			{op: "first", want: false},
			{op: "first", key: "ev2", replica: 1, want: true},
		}},
		{"the default lease is 30 s", 0, []deliveryOp{
			{op: "first", want: true},
			{advance: 30*time.Second - time.Millisecond, op: "first", replica: 1, want: false},
			{advance: time.Millisecond, op: "first", replica: 1, want: true}, // the first replica died
			{op: "first", want: false},
			{op: "done", replica: 1},
			{advance: time.Minute, op: "first", want: false},
		}},
		{"a lease of 10 s", 10 * time.Second, []deliveryOp{
			{op: "first", want: true},
			{advance: 10*time.Second - time.Millisecond, op: "first", replica: 1, want: false},
			{advance: time.Millisecond, op: "first", replica: 1, want: true},
		}},
		{"forget lets the retry in", 0, []deliveryOp{
			{op: "first", want: true},
			{op: "forget"},
			{op: "first", replica: 1, want: true},
			{op: "first", want: false},
			{op: "forget", key: "never-seen"},
		}},
		{"a late forget leaves the claim that took over", 0, []deliveryOp{
			{op: "first", want: true},
			{advance: 30 * time.Second, op: "first", replica: 1, want: true}, // the first replica was slow
			{op: "forget"}, // the first replica gives up: its claim is no longer the one held
			{op: "first", want: false},
			{op: "forget", replica: 1},
			{op: "first", want: true},
		}},
		{"forget by a replica that did not claim changes nothing", 0, []deliveryOp{
			{op: "first", want: true},
			{op: "forget", replica: 1},
			{op: "first", replica: 1, want: false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runDeliveries(t, bot.Options{DeliveryLease: tt.lease}, tt.ops)
		})
	}
	if bot.DefaultDeliveryLease != 30*time.Second {
		t.Errorf("DefaultDeliveryLease = %v; its comment says 30 s", bot.DefaultDeliveryLease)
	}
}

func TestDeliveryKeys(t *testing.T) {
	b := bot.New(nil, bot.Options{})
	ctx := context.Background()
	tests := []struct {
		name, key, wantErr string
	}{
		{"empty", "", "empty"},
		{"too long", strings.Repeat("e", bot.MaxKeyLen+1), "longer"},
		{"NUL", "ev\x001", "NUL"},
		{"not UTF-8", "ev\xff1", "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := b.FirstDelivery(ctx, tt.key); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("FirstDelivery: got %v, want an error about %q", err, tt.wantErr)
			}
			if err := b.DoneDelivery(ctx, tt.key); err == nil {
				t.Error("DoneDelivery: got no error, want one")
			}
			if err := b.ForgetDelivery(ctx, tt.key); err == nil {
				t.Error("ForgetDelivery: got no error, want one")
			}
		})
	}
	if ok, err := b.FirstDelivery(ctx, strings.Repeat("e", bot.MaxKeyLen)); !ok || err != nil {
		t.Errorf("FirstDelivery of a key of MaxKeyLen bytes = %v, %v; want true, nil", ok, err)
	}
}

// slackIn sends text in channel C1's thread.
func slackIn(b *bot.Bot, thread, text string) bot.Reply {
	return b.Handle(context.Background(), bot.Request{Platform: bot.Slack, User: "U1", Channel: "C1", Thread: thread, Text: text})
}

func TestFollows(t *testing.T) {
	clk := newClock(0)
	b := bot.New(newIndex(t), bot.Options{Now: clk.Now})
	ctx := context.Background()
	slackIn(b, "answered", "What did Congress push for?")
	slackIn(b, "declined", "Who won the World Cup?")
	slackIn(b, "help", "help")
	slackIn(b, "error", "ask") // an ask without a question: an error reply
	tests := []struct {
		platform        bot.Platform
		channel, thread string
		want            bool
	}{
		{bot.Slack, "C1", "answered", true},
		{bot.Slack, "C1", "declined", true},
		{bot.Slack, "C1", "help", true},
		{bot.Slack, "C1", "error", false},
		{bot.Slack, "C1", "never", false},
		{bot.Slack, "C2", "answered", false},
		{bot.Discord, "C1", "answered", false},
	}
	for _, tt := range tests {
		got, err := b.Follows(ctx, tt.platform, tt.channel, tt.thread)
		if err != nil || got != tt.want {
			t.Errorf("Follows(%s, %s, %s) = %v, %v; want %v, nil", tt.platform, tt.channel, tt.thread, got, err, tt.want)
		}
	}
	clk.Advance(bot.TurnTTL - time.Millisecond)
	if got, _ := b.Follows(ctx, bot.Slack, "C1", "answered"); !got {
		t.Error("Follows just before TurnTTL = false, want true")
	}
	clk.Advance(time.Millisecond)
	if got, _ := b.Follows(ctx, bot.Slack, "C1", "answered"); got {
		t.Error("Follows after TurnTTL = true, want false")
	}
	for _, c := range [][2]string{{"", "T1"}, {"C1", ""}} {
		if _, err := b.Follows(ctx, bot.Slack, c[0], c[1]); err == nil {
			t.Errorf("Follows(%q, %q): got no error, want one", c[0], c[1])
		}
	}
}

func TestFollowUpAcrossReplicas(t *testing.T) {
	clk := newClock(0)
	opts := bot.Options{Now: clk.Now, Store: &bot.MemoryStore{Now: clk.Now}, ThreadTTL: time.Hour}
	a, b := bot.New(newIndex(t), opts), bot.New(newIndex(t), opts)
	if r := slackIn(a, "T1", "What did Congress push for?"); r.Kind != bot.KindAnswer {
		t.Fatalf("got %s, want an answer", r.Kind)
	}
	if got, err := b.Follows(context.Background(), bot.Slack, "C1", "T1"); !got || err != nil {
		t.Errorf("the other replica: Follows = %v, %v; want true, nil", got, err)
	}
	r := slackIn(b, "T1", "and Khamenei?")
	if !strings.Contains(r.Question, "following up on “What did Congress push for?”") {
		t.Errorf("the other replica read the follow-up as %q, want it in the thread's context", r.Question)
	}
	clk.Advance(time.Hour)
	if r := slackIn(a, "T1", "and Khamenei?"); r.Question != "and Khamenei?" {
		t.Errorf("an hour later: got question %q, want no context", r.Question)
	}
	if got, _ := a.Follows(context.Background(), bot.Slack, "C1", "T1"); !got {
		t.Error("an hour later: Follows = false, want true (the thread is still followed)")
	}
}

func TestThreadMarkIsNoContext(t *testing.T) {
	tests := []struct {
		name  string
		first string // in the thread before the follow-up
		want  string // the follow-up as understood
	}{
		{"help first", "help", "and Khamenei?"},
		{"an answer, then help", "What did Congress push for?|help", "and Khamenei? (following up on “What did Congress push for?”)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := bot.New(newIndex(t), bot.Options{})
			for _, text := range strings.Split(tt.first, "|") {
				slackIn(b, "T1", text)
			}
			if r := slackIn(b, "T1", "and Khamenei?"); r.Question != tt.want {
				t.Errorf("got question %q, want %q", r.Question, tt.want)
			}
		})
	}
}

func TestRateLimitAcrossReplicas(t *testing.T) {
	clk := newClock(0)
	opts := bot.Options{Now: clk.Now, Store: &bot.MemoryStore{Now: clk.Now}, RatePerMinute: 2, Burst: 2}
	replicas := []*bot.Bot{bot.New(newIndex(t), opts), bot.New(newIndex(t), opts)}
	send := func(i int) bot.Reply {
		return replicas[i].Handle(context.Background(), bot.Request{Platform: bot.Slack, User: "U1", Text: "themes"})
	}
	for i, want := range []bot.Kind{bot.KindThemes, bot.KindThemes, bot.KindError} {
		if r := send(i % 2); r.Kind != want {
			t.Errorf("request %d on replica %d: got %s, want %s", i+1, i%2, r.Kind, want)
		}
	}
	clk.Advance(30 * time.Second)
	if r := send(1); r.Kind != bot.KindThemes {
		t.Errorf("30 s later: got %s, want themes", r.Kind)
	}
	if r := send(0); r.Problem != bot.ProblemRateLimited {
		t.Errorf("right after: got %s, want rate-limited", r.Kind)
	}
}

// fill sets every field of v, recursively, to a value of its own, so that
// a field a round trip loses shows. It fails t on a kind it cannot fill:
// a new field of such a kind needs a look at how shares keep it.
func fill(t *testing.T, v reflect.Value, n *int) {
	t.Helper()
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString("«" + strings.Repeat("x", *n) + "» \"q\" <b>&\n")
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Float64:
		v.SetFloat(float64(*n) / 3)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(t, v.Field(i), n)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(t, v.Index(i), n)
		}
	default:
		t.Fatalf("cannot fill a %s (%s): see how a share keeps it", v.Kind(), v.Type())
	}
}

func TestShareRoundTrip(t *testing.T) {
	var want bot.Reply
	fill(t, reflect.ValueOf(&want).Elem(), new(int))
	store := bot.NewMemoryStore()
	a, b := bot.New(nil, bot.Options{Store: store}), bot.New(nil, bot.Options{Store: store})
	ctx := context.Background()
	key, err := a.SaveShare(ctx, want)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(key) {
		t.Errorf("got key %q, want 16 hex digits", key)
	}
	got, err := b.LoadShare(ctx, key) // on another replica
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	seen := map[string]bool{key: true}
	for range 100 {
		k, err := a.SaveShare(ctx, want)
		if err != nil {
			t.Fatal(err)
		}
		if seen[k] {
			t.Fatalf("got key %s twice", k)
		}
		seen[k] = true
	}
}

func TestLoadShareExpired(t *testing.T) {
	storeClock := newClock(0) // the store prunes nothing: the bot's clock decides
	store := &bot.MemoryStore{Now: storeClock.Now}
	clk := newClock(0)
	b := bot.New(nil, bot.Options{Store: store, Now: clk.Now})
	ctx := context.Background()
	key, err := b.SaveShare(ctx, bot.Reply{ID: "r1", Kind: bot.KindAnswer, Text: "an answer"})
	if err != nil {
		t.Fatal(err)
	}
	clk.Advance(bot.ShareTTL - time.Millisecond)
	if r, err := b.LoadShare(ctx, key); err != nil || r.ID != "r1" {
		t.Fatalf("LoadShare just before ShareTTL = %+v, %v; want reply r1", r, err)
	}
	clk.Advance(time.Millisecond)
	tests := []struct{ name, key string }{
		{"older than ShareTTL", key},
		{"never saved", "0123456789abcdef"},
		{"malformed", "../etc/passwd"},
		{"too short", "0123"},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := b.LoadShare(ctx, tt.key)
			if !errors.Is(err, bot.ErrShareExpired) || !errors.Is(err, bot.ErrNotFound) {
				t.Errorf("got %v, want ErrShareExpired, which is ErrNotFound", err)
			}
		})
	}
}

// TestStoreOutage checks each fallback: while the store fails, what it
// keeps is kept in the bot's memory, the outage is logged once, and the
// store is tried again a second later, its recovery logged once.
func TestStoreOutage(t *testing.T) {
	tests := []struct {
		name string
		opts bot.Options
		// during runs while the store fails; after once it works again.
		during, after func(t *testing.T, b *bot.Bot)
	}{
		{"deliveries", bot.Options{}, func(t *testing.T, b *bot.Bot) {
			ctx := context.Background()
			for i, want := range []bool{true, false} {
				if got, err := b.FirstDelivery(ctx, "ev1"); got != want || err != nil {
					t.Errorf("delivery %d: got %v, %v; want %v, nil", i+1, got, err, want)
				}
			}
			if err := b.ForgetDelivery(ctx, "ev1"); err != nil {
				t.Errorf("ForgetDelivery: %v", err)
			}
			if got, _ := b.FirstDelivery(ctx, "ev1"); !got {
				t.Error("after ForgetDelivery: got false, want true")
			}
			if err := b.DoneDelivery(ctx, "ev1"); err != nil {
				t.Errorf("DoneDelivery: %v", err)
			}
			if got, _ := b.FirstDelivery(ctx, "ev1"); got {
				t.Error("after DoneDelivery: got true, want false")
			}
		}, nil},
		{"rate limit", bot.Options{RatePerMinute: 1, Burst: 2}, func(t *testing.T, b *bot.Bot) {
			for i, want := range []bot.Kind{bot.KindThemes, bot.KindThemes, bot.KindError} {
				if r := slackIn(b, "", "themes"); r.Kind != want {
					t.Errorf("request %d: got %s, want %s", i+1, r.Kind, want)
				}
			}
		}, nil},
		{"threads", bot.Options{}, func(t *testing.T, b *bot.Bot) {
			if r := slackIn(b, "T1", "What did Congress push for?"); r.Kind != bot.KindAnswer {
				t.Fatalf("got %s, want an answer", r.Kind)
			}
			if r := slackIn(b, "T1", "and Khamenei?"); !strings.Contains(r.Question, "following up") {
				t.Errorf("got question %q, want the follow-up in context", r.Question)
			}
			if got, err := b.Follows(context.Background(), bot.Slack, "C1", "T1"); !got || err != nil {
				t.Errorf("Follows = %v, %v; want true, nil", got, err)
			}
		}, func(t *testing.T, b *bot.Bot) {
			// Saved in memory during the outage, still known after it.
			if got, err := b.Follows(context.Background(), bot.Slack, "C1", "T1"); !got || err != nil {
				t.Errorf("after the outage: Follows = %v, %v; want true, nil", got, err)
			}
		}},
		{"shares", bot.Options{}, func(t *testing.T, b *bot.Bot) {
			ctx := context.Background()
			key, err := b.SaveShare(ctx, bot.Reply{ID: "r1", Text: "an answer"})
			if err != nil {
				t.Fatalf("SaveShare: %v", err)
			}
			if r, err := b.LoadShare(ctx, key); err != nil || r.ID != "r1" {
				t.Errorf("LoadShare = %+v, %v; want reply r1", r, err)
			}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs logBuffer
			clk := newClock(0)
			store := newFaultyStore(clk.Now)
			opts := tt.opts
			opts.Store, opts.Now = store, clk.Now
			opts.Logger = slog.New(slog.NewTextHandler(&logs, nil))
			b := bot.New(newIndex(t), opts)

			store.failing.Store(true)
			tt.during(t, b)
			if n := strings.Count(logs.String(), "state store unavailable"); n != 1 {
				t.Errorf("got %d outage warnings, want 1:\n%s", n, logs.String())
			}
			if !strings.Contains(logs.String(), "connection refused") {
				t.Errorf("got logs %q, want the store's error", logs.String())
			}
			if n := store.failed.Load(); n != 1 {
				t.Errorf("the failing store was tried %d times within a second, want once", n)
			}

			store.failing.Store(false)
			clk.Advance(time.Second)
			if got, err := b.FirstDelivery(context.Background(), "after"); !got || err != nil {
				t.Fatalf("FirstDelivery after the outage = %v, %v; want true, nil", got, err)
			}
			if ok, _ := store.MemoryStore.Claim(context.Background(), "after", clk.Now(), time.Second); ok {
				t.Error("the claim after the outage is not in the store")
			}
			if tt.after != nil {
				tt.after(t, b)
			}
			if n := strings.Count(logs.String(), "state store available again"); n != 1 {
				t.Errorf("got %d recovery messages, want 1:\n%s", n, logs.String())
			}
		})
	}
}

func TestStoreOutageWithDoneContext(t *testing.T) {
	store := newFaultyStore(nil)
	store.failing.Store(true)
	b := bot.New(nil, bot.Options{Store: store})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := b.FirstDelivery(ctx, "ev1"); !errors.Is(err, errDown) {
		t.Errorf("FirstDelivery with the caller gone: got %v, want the store's error", err)
	}
}

func TestFeedbackIsNotAcknowledgedWhenTheStoreFails(t *testing.T) {
	store := newFaultyStore(nil)
	b := bot.New(newIndex(t), bot.Options{Store: store})
	r := ask(t, b, "What did Congress push for?")
	store.failing.Store(true)
	if err := b.Feedback(context.Background(), bot.Feedback{ReplyID: r.ID, User: "U1", Helpful: true}); !errors.Is(err, errDown) {
		t.Errorf("Feedback = %v, want the store's error", err)
	}
	if got := store.Feedbacks(); len(got) != 0 {
		t.Errorf("got %d verdicts kept, want none", len(got))
	}
}

// A delivery claimed or answered in the bot's memory while the store was
// down is not answered again once the store is back: memory vetoes the
// store's yes, and an answered one is marked answered in the store for the
// other replicas.
func TestDeliveriesOfAnOutageAreKnownAfterIt(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		// outage runs while the store fails.
		outage func(t *testing.T, b *bot.Bot)
		// advance is how long after the outage ev1 is delivered again.
		advance time.Duration
		// answered says ev1 was answered: the store holds it as such.
		answered bool
	}{
		{"claimed and answered during the outage", func(t *testing.T, b *bot.Bot) {
			if got, _ := b.FirstDelivery(ctx, "ev1"); !got {
				t.Fatal("during the outage: got false, want the claim")
			}
			if err := b.DoneDelivery(ctx, "ev1"); err != nil {
				t.Fatalf("DoneDelivery: %v", err)
			}
		}, bot.DefaultDeliveryLease + time.Second, true},
		{"claimed before, answered during the outage", nil, bot.DefaultDeliveryLease + time.Second, true},
		{"claimed during the outage and still being answered", func(t *testing.T, b *bot.Bot) {
			if got, _ := b.FirstDelivery(ctx, "ev1"); !got {
				t.Fatal("during the outage: got false, want the claim")
			}
		}, 2 * time.Second, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clk := newClock(0)
			store := newFaultyStore(clk.Now)
			b := bot.New(nil, bot.Options{Store: store, Now: clk.Now})
			outage := tt.outage
			if outage == nil { // the claim is in the store, the answer only in memory
				if got, _ := b.FirstDelivery(ctx, "ev1"); !got {
					t.Fatal("before the outage: got false, want the claim")
				}
				outage = func(t *testing.T, b *bot.Bot) {
					if err := b.DoneDelivery(ctx, "ev1"); err != nil {
						t.Fatalf("DoneDelivery: %v", err)
					}
				}
			}
			store.failing.Store(true)
			outage(t, b)
			store.failing.Store(false)
			// Past the store's probe and, for the claims of an answered
			// delivery, past their lease.
			clk.Advance(tt.advance)
			if got, err := b.FirstDelivery(ctx, "ev1"); got || err != nil {
				t.Errorf("redelivery after the outage: got %v, %v; want false, nil (answered once)", got, err)
			}
			// Another replica on the same store, later still: an answered
			// delivery is marked so in the store.
			clk.Advance(bot.DefaultDeliveryLease + time.Second)
			other := bot.New(nil, bot.Options{Store: store, Now: clk.Now})
			got, err := other.FirstDelivery(ctx, "ev1")
			if err != nil {
				t.Fatal(err)
			}
			if got == tt.answered {
				t.Errorf("another replica's claim after the lease: got %v, want %v", got, !tt.answered)
			}
		})
	}
}
