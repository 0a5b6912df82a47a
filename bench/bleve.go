package main

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/talksbot/talksbot/knowledge"
)

// bleveIndex is a bleve v2 index under test.
type bleveIndex struct {
	idx bleve.Index
	// passages maps bleve's document IDs back to passages: a passage's ID
	// in bleve is its position here, the cheapest mapping there is (a
	// pointer a passage, as talksbot's index keeps).
	passages []*knowledge.Passage
}

var _ searcher = (*bleveIndex)(nil)

// textField is the one field bleve indexes: the passage text.
const textField = "text"

// bleveMapping indexes the passage text with the English analyzer (Unicode
// tokens, possessives dropped, lower case, English stop words, Porter stemming)
// and scores with BM25: as near as bleve's standard analysis comes to
// talksbot's, which also widens a question's words with its lexicon. Nothing is
// stored, and neither term vectors nor doc values are kept: the bench maps hit
// IDs back to the shared passages, as talksbot's index points to them.
func bleveMapping() *mapping.IndexMappingImpl {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = en.AnalyzerName
	text.Store = false
	text.IncludeTermVectors = false
	text.IncludeInAll = false
	text.DocValues = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(textField, text)

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = en.AnalyzerName
	m.DefaultField = textField
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	// BM25 is set on the mapping: bleve's default scoring model is TF-IDF.
	m.ScoringModel = bleveindex.BM25Scoring
	return m
}

// buildBleve indexes the passages of docs in one batch.
//
// The index is scorch kept in memory: bleve.NewUsing with an empty path and
// the scorch index type. bleve.NewMemOnly is not used because it builds the
// older upsidedown index over an in-memory KV store, which lacks the field
// statistics BM25 needs (it is no index.BM25Reader); asked for BM25 it works
// with an average field length of zero, and by default it scores with TF-IDF.
// Scorch with no path keeps its segments in memory and never persists them.
func buildBleve(docs []*knowledge.Document) (searcher, error) {
	idx, err := bleve.NewUsing("", bleveMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("new scorch index in memory: %w", err)
	}
	b := &bleveIndex{idx: idx, passages: passages(docs)}
	batch := idx.NewBatch()
	for i, p := range b.passages {
		if err := batch.Index(strconv.Itoa(i), map[string]any{textField: p.Text}); err != nil {
			idx.Close()
			return nil, fmt.Errorf("index passage %s: %w", p.ID, err)
		}
	}
	if err := idx.Batch(batch); err != nil {
		idx.Close()
		return nil, fmt.Errorf("index batch: %w", err)
	}
	return b, nil
}

// Search appends the k best passages for q by a match query on the text.
func (b *bleveIndex) Search(q string, k int, dst []*knowledge.Passage) ([]*knowledge.Passage, error) {
	mq := bleve.NewMatchQuery(q)
	mq.SetField(textField)
	res, err := b.idx.Search(bleve.NewSearchRequestOptions(mq, k, 0, false))
	if err != nil {
		return dst, fmt.Errorf("bleve search: %w", err)
	}
	// Bleve orders hits of equal score by their place in its segment, which
	// follows the batch's map order and so changes from build to build;
	// ordering them by passage, as talksbot orders its ties, keeps the
	// figures from changing between runs.
	slices.SortStableFunc(res.Hits, func(x, y *search.DocumentMatch) int {
		return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(position(x.ID), position(y.ID)))
	})
	for _, h := range res.Hits {
		i := position(h.ID)
		if i < 0 || i >= len(b.passages) {
			return dst, fmt.Errorf("bleve returned unknown document %q", h.ID)
		}
		dst = append(dst, b.passages[i])
	}
	return dst, nil
}

// position returns the passage position a bleve document ID stands for, or
// -1 for an ID the bench did not give.
func position(id string) int {
	i, err := strconv.Atoi(id)
	if err != nil {
		return -1
	}
	return i
}

// Close closes the bleve index.
func (b *bleveIndex) Close() error { return b.idx.Close() }

// passages flattens the passages of docs, in document order.
func passages(docs []*knowledge.Document) []*knowledge.Passage {
	n := 0
	for _, d := range docs {
		for _, s := range d.Sections {
			n += len(s.Passages)
		}
	}
	ps := make([]*knowledge.Passage, 0, n)
	for _, d := range docs {
		for si := range d.Sections {
			for pi := range d.Sections[si].Passages {
				ps = append(ps, &d.Sections[si].Passages[pi])
			}
		}
	}
	return ps
}
