package main

import (
	"fmt"

	"github.com/talksbot/talksbot/knowledge"
)

// talksbotIndex is talksbot's own index under test, asked as the bot asks it.
type talksbotIndex struct {
	ix *knowledge.Index
}

var _ searcher = (*talksbotIndex)(nil)

// buildTalksbot indexes docs with knowledge.NewIndex, as talksbot does on
// start and on every reload; it takes no settings.
func buildTalksbot(docs []*knowledge.Document) (searcher, error) {
	ix, err := knowledge.NewIndex(docs)
	if err != nil {
		return nil, fmt.Errorf("new index: %w", err)
	}
	return &talksbotIndex{ix: ix}, nil
}

// Search appends the passages of talksbot's answer to q: Index.Answer with
// no conversation context, the call the bot makes for a standalone question.
// When talksbot declines the question (it judges the knowledge base does not
// cover it) the answer has no passages, as the user gets none.
func (t *talksbotIndex) Search(q string, k int, dst []*knowledge.Passage) ([]*knowledge.Passage, error) {
	for _, h := range t.ix.Answer(knowledge.Query{Text: q, K: k}).Hits {
		dst = append(dst, h.Passage)
	}
	return dst, nil
}

// Close releases nothing: the index is garbage once dropped.
func (t *talksbotIndex) Close() error { return nil }
