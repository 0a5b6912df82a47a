package bot_test

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

// fakeRanker records its calls and ranks with rank. The index it was built
// for is ix.
type fakeRanker struct {
	ix *knowledge.Index

	mu    sync.Mutex
	calls []rankCall
	rank  func(ctx context.Context) ([]string, error)
}

type rankCall struct {
	question string
	k        int
}

var _ bot.Ranker = (*fakeRanker)(nil)

func (r *fakeRanker) Rank(ctx context.Context, question string, k int) ([]string, error) {
	r.mu.Lock()
	r.calls = append(r.calls, rankCall{question: question, k: k})
	rank := r.rank
	r.mu.Unlock()
	return rank(ctx)
}

func (r *fakeRanker) called() []rankCall {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.calls)
}

// setRank replaces the ranking, safely while the bot ranks.
func (r *fakeRanker) setRank(rank func(context.Context) ([]string, error)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rank = rank
}

// rankers builds a fakeRanker ranking with rank for every index it is given
// and remembers them in order: it is the bot's Options.NewRanker.
type rankers struct {
	rank func(ctx context.Context) ([]string, error)

	mu    sync.Mutex
	built []*fakeRanker
}

func (rs *rankers) New(ix *knowledge.Index) bot.Ranker {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	r := &fakeRanker{ix: ix, rank: rs.rank}
	rs.built = append(rs.built, r)
	return r
}

// all returns the rankers built so far, in order.
func (rs *rankers) all() []*fakeRanker {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return slices.Clone(rs.built)
}

// only returns the one ranker built, failing the test unless there is
// exactly one.
func (rs *rankers) only(t testing.TB) *fakeRanker {
	t.Helper()
	all := rs.all()
	if len(all) != 1 {
		t.Fatalf("got %d rankers built, want 1", len(all))
	}
	return all[0]
}

// ranking returns a rank function that answers ids.
func ranking(ids ...string) func(context.Context) ([]string, error) {
	return func(context.Context) ([]string, error) { return ids, nil }
}

// hardliners is a question whose keyword ranking is known: its quotes all
// stand in the first of six hits.
const hardliners = "What are the Iranian hardliners seeking?"

// keywordRanking returns the keyword hits of hardliners, checking the
// assumptions the tests below make.
func keywordRanking(t *testing.T, ix *knowledge.Index) []string {
	t.Helper()
	a := ix.Answer(knowledge.Query{Text: hardliners, K: 12})
	var ids []string
	for _, h := range a.Hits {
		ids = append(ids, h.Passage.ID)
	}
	if len(ids) < 4 || !a.Answerable {
		t.Fatalf("got %d keyword hits for %q, want at least 4", len(ids), hardliners)
	}
	for _, q := range a.Quotes {
		if q.Passage.ID != ids[0] {
			t.Fatalf("got a quote from %s, want every quote from the first hit %s", q.Passage.ID, ids[0])
		}
	}
	return ids
}

func citationIDs(r bot.Reply) []string {
	ids := make([]string, len(r.Citations))
	for i, c := range r.Citations {
		ids[i] = c.ID
	}
	return ids
}

func TestHybridRanking(t *testing.T) {
	ix := newIndex(t)
	kw := keywordRanking(t, ix)
	var other string // a passage the keyword search does not find
	for _, p := range ix.Passages() {
		if !slices.Contains(kw, p.ID) {
			other = p.ID
			break
		}
	}
	extractive := ask(t, bot.New(ix, bot.Options{}), hardliners)

	tests := []struct {
		name       string
		ranked     []string
		want       []string
		wantScores []float64
	}{
		// kw[2] scores 1/63 + 1/62; kw[0] 1/61 and other 1/61, tied: the
		// keyword ranking goes first.
		{"reorders and adds a passage", []string{other, kw[2]}, []string{kw[2], kw[0], other}, []float64{0.032, 0.0164, 0.0164}},
		// kw[3] would be third (1/64 + 1/63), but the quoted kw[0] (1/61)
		// displaces it.
		{"a quoted passage displaces the lowest", []string{kw[1], kw[2], kw[3]}, []string{kw[1], kw[2], kw[0]}, []float64{0.0325, 0.032, 0.0164}},
		// Skipped ids take no rank: kw[2] is the ranker's first (1/63 +
		// 1/61), other its second, tied with kw[1] at 1/62.
		{"unknown ids and repeats are skipped", []string{"nowhere#1", kw[2], kw[2], "", other}, []string{kw[2], kw[0], kw[1]}, []float64{0.0323, 0.0164, 0.0161}},
		{"an empty ranking keeps the keyword order", nil, []string{kw[0], kw[1], kw[2]}, []float64{0.0164, 0.0161, 0.0159}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := &rankers{rank: ranking(tt.ranked...)}
			r := ask(t, bot.New(ix, bot.Options{NewRanker: rs.New}), hardliners)
			if r.Kind != bot.KindAnswer {
				t.Fatalf("got kind %q (%q), want %q", r.Kind, r.Text, bot.KindAnswer)
			}
			if got := citationIDs(r); !slices.Equal(got, tt.want) {
				t.Errorf("got citations %v, want %v", got, tt.want)
			}
			for i, c := range r.Citations {
				if i < len(tt.wantScores) && c.Score != tt.wantScores[i] {
					t.Errorf("citation %d (%s): got score %v, want the fused %v", i, c.ID, c.Score, tt.wantScores[i])
				}
			}
			if r.Text != extractive.Text || quoteTexts(r) != quoteTexts(extractive) {
				t.Errorf("got text %q, want the keyword answer's quotes %q", r.Text, extractive.Text)
			}
			checkGrounded(t, ix, r)
			rk := rs.only(t)
			if rk.ix != ix {
				t.Errorf("got a ranker built for another index, want one for the bot's")
			}
			calls := rk.called()
			if len(calls) != 1 {
				t.Fatalf("got %d ranker calls, want 1", len(calls))
			}
			if c := calls[0]; c.question != hardliners || c.k != 4*bot.DefaultK {
				t.Errorf("got a call %+v, want the question and k %d", c, 4*bot.DefaultK)
			}
		})
	}
}

func TestHybridRankingFallsBackToKeywords(t *testing.T) {
	ix := newIndex(t)
	kw := keywordRanking(t, ix)
	keyword := ask(t, bot.New(ix, bot.Options{}), hardliners)
	boom := errors.New("embeddings unavailable")

	tests := []struct {
		name    string
		rank    func(context.Context) ([]string, error)
		wantLog string
	}{
		{"error", func(context.Context) ([]string, error) { return nil, boom }, boom.Error()},
		{"timeout", func(ctx context.Context) ([]string, error) {
			<-ctx.Done()
			return nil, ctx.Err()
		}, "deadline exceeded"},
		{"answer past the deadline", func(ctx context.Context) ([]string, error) {
			<-ctx.Done()
			return []string{kw[3]}, nil
		}, "deadline exceeded"},
		{"panic", func(context.Context) ([]string, error) { panic("ranker bug") }, "ranker bug"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs logBuffer
			rs := &rankers{rank: tt.rank}
			// The failing rankers wait for the deadline; the working one
			// returns at once, well within it even on a loaded machine
			// running the race detector.
			b := bot.New(ix, bot.Options{NewRanker: rs.New, RankTimeout: time.Second,
				Logger: slog.New(slog.NewTextHandler(&logs, nil))})
			rk := rs.only(t)
			for i := range 3 {
				r := ask(t, b, hardliners)
				if r.Kind != bot.KindAnswer {
					t.Fatalf("request %d: got kind %q, want %q", i, r.Kind, bot.KindAnswer)
				}
				if got, want := citationIDs(r), citationIDs(keyword); !slices.Equal(got, want) {
					t.Errorf("request %d: got citations %v, want the keyword ones %v", i, got, want)
				}
				if r.Citations[0].Score != keyword.Citations[0].Score {
					t.Errorf("request %d: got score %v, want the keyword score %v", i, r.Citations[0].Score, keyword.Citations[0].Score)
				}
			}
			if n := len(rk.called()); n != 3 {
				t.Errorf("got %d ranker calls, want 3", n)
			}
			if n := strings.Count(logs.String(), "level=WARN"); n != 1 || !strings.Contains(logs.String(), tt.wantLog) {
				t.Errorf("got logs %q, want one warning with %q", logs.String(), tt.wantLog)
			}

			rk.setRank(ranking(kw[2])) // it works again
			r := ask(t, b, hardliners)
			if r.Citations[0].ID != kw[2] {
				t.Errorf("got citations %v once the ranker works, want %s first", citationIDs(r), kw[2])
			}
			if !strings.Contains(logs.String(), "works again") {
				t.Errorf("got logs %q, want the recovery noted", logs.String())
			}
		})
	}
}

func TestHybridRankingNotAskedWhenDeclinedOrFollowingUp(t *testing.T) {
	rs := &rankers{rank: ranking()}
	b := bot.New(newIndex(t), bot.Options{NewRanker: rs.New})
	rk := rs.only(t)
	if r := ask(t, b, "Who won the World Cup?"); r.Kind != bot.KindDeclined {
		t.Fatalf("got kind %q, want %q", r.Kind, bot.KindDeclined)
	}
	if n := len(rk.called()); n != 0 {
		t.Errorf("got %d ranker calls for a declined question, want 0", n)
	}
	inThread(t, b, "T1", "What did Congress push for?")
	inThread(t, b, "T1", "and the Iranian side?")
	calls := rk.called()
	if len(calls) != 2 || calls[1].question != "What did Congress push for? and the Iranian side?" {
		t.Errorf("got calls %+v, want the follow-up ranked with its context", calls)
	}
}

// glossaryIndex is an index of extraDoc alone: the article's questions
// are not covered there.
func glossaryIndex(t testing.TB) *knowledge.Index {
	t.Helper()
	doc, err := knowledge.Parse("glossary.md", []byte(extraDoc))
	if err != nil {
		t.Fatalf("parse the glossary: %v", err)
	}
	ix, err := knowledge.NewIndex([]*knowledge.Document{doc})
	if err != nil {
		t.Fatalf("build the glossary index: %v", err)
	}
	return ix
}

func TestNewRankerOncePerIndex(t *testing.T) {
	article, two := newIndex(t), twoDocIndex(t)
	rs := &rankers{rank: ranking()}
	b := bot.New(nil, bot.Options{NewRanker: rs.New})
	if n := len(rs.all()); n != 0 {
		t.Fatalf("got %d rankers built without an index, want 0", n)
	}
	b.SetIndex(article)
	for range 3 {
		ask(t, b, hardliners)
	}
	b.SetIndex(nil) // ignored
	b.SetIndex(two)
	ask(t, b, hardliners)
	ask(t, b, "What do cascades of centrifuges do?")

	built := rs.all()
	if len(built) != 2 || built[0].ix != article || built[1].ix != two {
		t.Fatalf("got %d rankers built, want one for each index given, in order", len(built))
	}
	if n := len(built[0].called()); n != 3 {
		t.Errorf("got %d calls of the first index's ranker, want 3", n)
	}
	if calls := built[1].called(); len(calls) != 2 || calls[1].question != "What do cascades of centrifuges do?" {
		t.Errorf("got calls %+v of the second index's ranker, want both questions after the swap", calls)
	}
}

func TestNewRankerNilRanksByKeywords(t *testing.T) {
	ix := newIndex(t)
	keyword := ask(t, bot.New(ix, bot.Options{}), hardliners)
	built := 0
	b := bot.New(ix, bot.Options{NewRanker: func(*knowledge.Index) bot.Ranker {
		built++
		return nil
	}})
	r := ask(t, b, hardliners)
	if built != 1 {
		t.Errorf("got NewRanker called %d times, want once", built)
	}
	if got, want := citationIDs(r), citationIDs(keyword); !slices.Equal(got, want) || r.Citations[0].Score != keyword.Citations[0].Score {
		t.Errorf("got citations %v, want the keyword ones %v with their scores", got, want)
	}
}

// TestHybridRankingPairsIndexAndRanker asks while another goroutine swaps
// indexes: every answer is ranked by the ranker of the index that answered
// it. The question is covered by the article only, so an answer comes from
// the article and must have been ranked by the article's ranker alone.
func TestHybridRankingPairsIndexAndRanker(t *testing.T) {
	article, glossary := newIndex(t), glossaryIndex(t)
	rankerOf := map[*knowledge.Index]*fakeRanker{
		article:  {ix: article, rank: ranking()},
		glossary: {ix: glossary, rank: ranking()},
	}
	b := bot.New(article, bot.Options{NewRanker: func(ix *knowledge.Index) bot.Ranker { return rankerOf[ix] }})

	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			b.SetIndex([]*knowledge.Index{glossary, article}[i%2])
		}
	})
	// calls counts the ranking calls so far, by index.
	calls := func() map[*knowledge.Index]int {
		n := make(map[*knowledge.Index]int)
		for ix, r := range rankerOf {
			n[ix] = len(r.called())
		}
		return n
	}
	answered := 0
	for i := range 200 {
		before := calls()
		r := ask(t, b, hardliners)
		after := calls()
		switch r.Kind {
		case bot.KindAnswer:
			answered++
			if after[article]-before[article] != 1 || after[glossary] != before[glossary] {
				t.Fatalf("request %d: answered from the article, but the article's ranker ranked %d times and the glossary's %d",
					i, after[article]-before[article], after[glossary]-before[glossary])
			}
		case bot.KindDeclined:
			if after[article] != before[article] || after[glossary] != before[glossary] {
				t.Fatalf("request %d: declined, but a ranker was asked", i)
			}
		default:
			t.Fatalf("request %d: got kind %q, want an answer or a decline", i, r.Kind)
		}
	}
	close(stop)
	wg.Wait()
	t.Logf("%d of 200 answered from the article", answered)
}
