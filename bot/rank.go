package bot

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/talksbot/talksbot/knowledge"
)

// rrfK is the constant of reciprocal rank fusion: a passage at rank r (from
// 1) of a ranking scores 1/(rrfK+r) from it. 60 is the customary value; it
// keeps the top few ranks from swamping the rest.
const rrfK = 60

// hybrid orders an answer's candidate passages by fusing the keyword
// ranking with the ranking of kb's Ranker. On any Ranker failure it returns
// the keyword ranking: the first failure of a run is logged as a warning,
// the rest at debug level, and the recovery at info level.
func (b *Bot) hybrid(ctx context.Context, kb *knowledgeBase, question string, keyword []Citation, id string) []Citation {
	ids, err := b.rank(ctx, kb.ranker, question)
	if err != nil {
		if b.rankerDown.Swap(true) {
			b.log.Debug("ranking by meaning failed again, ranking by keywords", "reply_id", id, "err", err)
		} else {
			b.log.Warn("ranking by meaning failed, ranking by keywords until it works again", "reply_id", id, "err", err)
		}
		return keyword
	}
	if b.rankerDown.Swap(false) {
		b.log.Info("ranking by meaning works again", "reply_id", id)
	}
	return fuse(kb.ix, keyword, ids)
}

// rank asks r for its ranking within RankTimeout, turning a panic into an
// error.
func (b *Bot) rank(ctx context.Context, r Ranker, question string) (ids []string, err error) {
	ctx, cancel := context.WithTimeout(ctx, b.rankTimeout)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			ids, err = nil, fmt.Errorf("rank: panic: %v", p)
		}
	}()
	ids, err = r.Rank(ctx, question, b.poolK())
	if err == nil {
		// A ranker that ignores its deadline is late all the same.
		err = ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("rank: %w", err)
	}
	return ids, nil
}

// fuse merges the keyword ranking with the Ranker's ranked ids by reciprocal
// rank fusion, best first; each citation's Score becomes its fused score.
// Ids that name no passage of ix, and repeats, are skipped. Ties keep the
// keyword order, then the Ranker's.
func fuse(ix *knowledge.Index, keyword []Citation, ranked []string) []Citation {
	type fused struct {
		c     Citation
		score float64
	}
	out := make([]fused, 0, len(keyword)+len(ranked))
	at := make(map[string]int, cap(out))
	for r, c := range keyword {
		at[c.ID] = len(out)
		out = append(out, fused{c: c, score: 1 / float64(rrfK+r+1)})
	}
	seen := make(map[string]bool, len(ranked))
	r := 0
	for _, id := range ranked {
		if seen[id] {
			continue
		}
		i, ok := at[id]
		if !ok {
			p, known := ix.Passage(id)
			if !known {
				continue
			}
			i = len(out)
			at[id] = i
			out = append(out, fused{c: citation(p, 0)})
		}
		seen[id] = true
		r++
		out[i].score += 1 / float64(rrfK+r)
	}
	slices.SortStableFunc(out, func(a, b fused) int { return cmp.Compare(b.score, a.score) })
	cites := make([]Citation, len(out))
	for i, f := range out {
		f.c.Score = math.Round(f.score*1e4) / 1e4
		cites[i] = f.c
	}
	return cites
}
