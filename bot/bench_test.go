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
			h := bot.New(ix, bot.Options{Store: discardStore{bot.NewMemoryStore()}, RatePerMinute: 1e9, Burst: 1e9, MaxConcurrent: 64})
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
	ix := newIndex(b)
	c := bot.NewChecker(ix)
	answer := articleCitations(b, ix, "The most recent diplomatic efforts", "Building confidence at the negotiating")
	var section []bot.Citation // a summary's passages: a whole section
	for _, p := range ix.Passages() {
		if p.Section == answer[0].Section {
			section = append(section, bot.Citation{ID: p.ID, Text: p.Text})
		}
	}
	benchmarks := []struct {
		name     string
		draft    string
		passages []bot.Citation
	}{
		{"answer", "Congress pushed for “more hard-hitting sanctions” [1], while an official said \"we're in the business of pursuing our interests\" [2]. " +
			"Iranian hardliners are trying to narrow the window Rouhani's team has to negotiate with Washington [1].", answer},
		{"summary", "Spoilers on all sides have repeatedly torpedoed attempts at resolving tensions [1]. " +
			"Congress has pushed for more hard-hitting sanctions, and the only way to neutralize spoilers is to build confidence through tangible deliverables [2].", section},
	}
	for _, bm := range benchmarks {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := c.Verify(bm.draft, bm.passages); err != nil {
					b.Fatal(err)
				}
			}
		})
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
	h := bot.New(ix, bot.Options{Store: discardStore{bot.NewMemoryStore()}, NewRanker: func(*knowledge.Index) bot.Ranker { return rk }})
	ctx := context.Background()
	req := bot.Request{Platform: bot.Slack, User: "U1", Text: hardliners}
	b.ReportAllocs()
	for b.Loop() {
		rk.calls = rk.calls[:0]
		h.Handle(ctx, req)
	}
}

// discardStore forgets the journal; the rest it keeps in memory.
type discardStore struct{ *bot.MemoryStore }

func (discardStore) SaveFeedback(context.Context, bot.Feedback) error { return nil }
func (discardStore) LogQuestion(context.Context, bot.LogEntry) error  { return nil }
