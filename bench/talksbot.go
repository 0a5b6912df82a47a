package main

import (
	"fmt"

	"github.com/talksbot/talksbot/knowledge"
)

// talksbotIndex is talksbot's own index under test.
type talksbotIndex struct {
	ix  *knowledge.Index
	buf []*knowledge.Passage // reused between searches: the bench runs them one at a time
}

var _ searcher = (*talksbotIndex)(nil)

// buildTalksbot indexes docs with knowledge.NewIndex.
func buildTalksbot(docs []*knowledge.Document) (searcher, error) {
	ix, err := knowledge.NewIndex(docs)
	if err != nil {
		return nil, fmt.Errorf("new index: %w", err)
	}
	return &talksbotIndex{ix: ix}, nil
}

// Search returns the k best passages for q.
func (t *talksbotIndex) Search(q string, k int) ([]*knowledge.Passage, error) {
	t.buf = t.buf[:0]
	for _, h := range t.ix.Search(q, k) {
		t.buf = append(t.buf, h.Passage)
	}
	return t.buf, nil
}

// Close releases nothing: the index is garbage once dropped.
func (t *talksbotIndex) Close() error { return nil }
