package bot_test

import (
	"context"
	"testing"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

func BenchmarkHandle(b *testing.B) {
	ix := newIndex(b)
	benchmarks := []struct {
		name string
		req  bot.Request
	}{
		{"ask", bot.Request{Platform: bot.Slack, User: "U1", Text: "What has Congress pushed for?"}},
		{"follow-up", bot.Request{Platform: bot.Slack, User: "U1", Channel: "C", Thread: "T", Text: "and Khamenei?"}},
		{"declined", bot.Request{Platform: bot.Slack, User: "U1", Text: "Who won the World Cup?"}},
		{"summary", bot.Request{Platform: bot.Slack, User: "U1", Text: "summary spoilers"}},
		{"help", bot.Request{Platform: bot.Slack, User: "U1", Text: "help"}},
	}
	for _, bm := range benchmarks {
		b.Run(bm.name, func(b *testing.B) {
			// A discarding store keeps the question log from growing.
			h := bot.New(ix, bot.Options{Store: discardStore{}, RatePerMinute: 1e9, Burst: 1e9, MaxConcurrent: 64})
			ctx := context.Background()
			h.Handle(ctx, bot.Request{Platform: bot.Slack, Channel: "C", Thread: "T", Text: "What did Congress push for?"})
			b.ReportAllocs()
			for b.Loop() {
				h.Handle(ctx, bm.req)
			}
		})
	}
}

func BenchmarkVerify(b *testing.B) {
	passages := []bot.Citation{
		{Text: "Congress has pushed for more hard-hitting sanctions. Iranian hardliners are seeking ways to narrow the window of opportunity that President Rouhani’s team has to negotiate with Washington."},
		{Text: "As a senior Western official told me upon arriving in Vienna: “We’re not in the business of doing favors. We’re in the business of pursuing our interests.”"},
	}
	draft := "Congress pushed for “more hard-hitting sanctions” [1], while an official said \"we're in the business of pursuing our interests\" [2]."
	b.ReportAllocs()
	for b.Loop() {
		if err := bot.Verify(draft, passages); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHandleHybrid measures what fusing a ranking costs an answer; the
// Ranker answers at once, so the figure leaves out the ranking itself.
func BenchmarkHandleHybrid(b *testing.B) {
	ix := newIndex(b)
	var ids []string
	for _, p := range ix.Passages() {
		ids = append(ids, p.ID)
	}
	rk := &fakeRanker{ix: ix, rank: ranking(ids[len(ids)-12:]...)}
	h := bot.New(ix, bot.Options{Store: discardStore{}, NewRanker: func(*knowledge.Index) bot.Ranker { return rk }})
	ctx := context.Background()
	req := bot.Request{Platform: bot.Slack, User: "U1", Text: hardliners}
	b.ReportAllocs()
	for b.Loop() {
		rk.calls = rk.calls[:0]
		h.Handle(ctx, req)
	}
}

// discardStore accepts and forgets everything.
type discardStore struct{}

func (discardStore) SaveFeedback(context.Context, bot.Feedback) error    { return nil }
func (discardStore) LogQuestion(context.Context, bot.LogEntry) error     { return nil }
func (discardStore) FirstDelivery(context.Context, string) (bool, error) { return true, nil }
