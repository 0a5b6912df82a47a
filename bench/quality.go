package main

import (
	"fmt"
	"io"

	"github.com/talksbot/talksbot/knowledge"
)

// quality is how one engine did on the covered questions of one set.
type quality struct {
	hit1, hit3 int // covered questions with a right passage first, in the top 3
	empty      int // covered questions that got no passage at all
}

// scoreSets indexes the article in each engine and scores it on every set:
// scores[set][engine], engines in the order of engines.
func scoreSets(sets []*questionSet) ([][]quality, error) {
	scores := make([][]quality, len(sets))
	for i := range scores {
		scores[i] = make([]quality, len(engines))
	}
	article := []*knowledge.Document{knowledge.Default()}
	dst := make([]*knowledge.Passage, 0, topK)
	for ei, e := range engines {
		s, err := e.build(article)
		if err != nil {
			return nil, fmt.Errorf("%s: build article index: %w", e.name, err)
		}
		for si, set := range sets {
			if scores[si][ei], err = score(s, set, dst); err != nil {
				s.Close()
				return nil, fmt.Errorf("%s: %s: %w", e.name, set.name, err)
			}
		}
		if err := s.Close(); err != nil {
			return nil, fmt.Errorf("%s: close article index: %w", e.name, err)
		}
	}
	return scores, nil
}

// score asks s the covered questions of set for their top passages.
func score(s searcher, set *questionSet, dst []*knowledge.Passage) (quality, error) {
	var q quality
	for _, c := range set.covered {
		ps, err := s.Search(c.Question, topK, dst[:0])
		if err != nil {
			return q, fmt.Errorf("search %q: %w", c.Question, err)
		}
		if len(ps) == 0 {
			q.empty++
		}
		for rank, p := range ps {
			if c.matches(p.Text) {
				if rank == 0 {
					q.hit1++
				}
				q.hit3++
				break
			}
		}
	}
	return q, nil
}

// printQuality writes one row per question set and engine.
func printQuality(w io.Writer, sets []*questionSet, scores [][]quality) error {
	fmt.Fprintln(w, "\nquality on the article (covered questions only; uncovered and whole-article ones are skipped):")
	tw := newTable(w)
	fmt.Fprintln(tw, "set\tengine\tquestions\tcovered\tno passage\thit@1\thit@3\t")
	for si, set := range sets {
		n := len(set.covered)
		for ei, e := range engines {
			q := scores[si][ei]
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\t%s\t\n", set.name, e.name, n+set.skipped, n, q.empty,
				share(q.hit1, n), share(q.hit3, n))
		}
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write table: %w", err)
	}
	return nil
}

// share formats n/of with two decimals, or "-" when of is zero.
func share(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(n)/float64(of))
}
