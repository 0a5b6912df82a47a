package main

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/talksbot/talksbot/knowledge"
)

// bleveIndex is a bleve v2 index under test.
type bleveIndex struct {
	idx      bleve.Index
	passages map[string]*knowledge.Passage
	buf      []*knowledge.Passage // reused between searches: the bench runs them one at a time
}

var _ searcher = (*bleveIndex)(nil)

// textField is the one field bleve indexes: the passage text.
const textField = "text"

// bleveMapping indexes the passage text with the English analyzer (Unicode
// tokens, possessives dropped, lower case, English stop words, Porter stemming)
// and scores with BM25, so that bleve does the work talksbot does. Nothing is
// stored, and neither term vectors nor doc values are kept: the bench maps hit
// IDs back to its own passages, as talksbot keeps them anyway.
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
	b := &bleveIndex{idx: idx, passages: make(map[string]*knowledge.Passage)}
	batch := idx.NewBatch()
	for _, p := range passages(docs) {
		b.passages[p.ID] = p
		if err := batch.Index(p.ID, map[string]any{textField: p.Text}); err != nil {
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

// Search returns the k best passages for q by a match query on the text.
func (b *bleveIndex) Search(q string, k int) ([]*knowledge.Passage, error) {
	mq := bleve.NewMatchQuery(q)
	mq.SetField(textField)
	res, err := b.idx.Search(bleve.NewSearchRequestOptions(mq, k, 0, false))
	if err != nil {
		return nil, fmt.Errorf("bleve search: %w", err)
	}
	b.buf = b.buf[:0]
	for _, h := range res.Hits {
		p, ok := b.passages[h.ID]
		if !ok {
			return nil, fmt.Errorf("bleve returned unknown passage %q", h.ID)
		}
		b.buf = append(b.buf, p)
	}
	return b.buf, nil
}

// Close closes the bleve index.
func (b *bleveIndex) Close() error { return b.idx.Close() }
