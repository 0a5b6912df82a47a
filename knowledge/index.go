package knowledge

import "errors"

// Index is the retrieval index over a set of documents. It is immutable once
// built and safe for concurrent use.
type Index struct {
	docs []*Document
}

// ErrEmpty is returned by NewIndex when the documents hold no passage.
var ErrEmpty = errors.New("knowledge base has no passages")

// NewIndex builds an index over docs.
func NewIndex(docs []*Document) (*Index, error) { panic("todo") }

// Documents returns the indexed documents in load order.
func (ix *Index) Documents() []*Document { return ix.docs }

// Passage returns the passage with the given ID.
func (ix *Index) Passage(id string) (*Passage, bool) { panic("todo") }

// Search returns the k best passages for q, best first.
func (ix *Index) Search(q string, k int) []Hit { panic("todo") }

// Answer answers q extractively.
func (ix *Index) Answer(q Query) Answer { panic("todo") }

// Themes lists the themes of every document, numbered from 1.
func (ix *Index) Themes() []Theme { panic("todo") }

// FindTheme matches s leniently against the themes: a number, title words or
// their stems. It reports false when nothing matches.
func (ix *Index) FindTheme(s string) (Theme, bool) { panic("todo") }

// Summarize returns an extractive summary of t drawn from its section only.
func (ix *Index) Summarize(t Theme) Summary { panic("todo") }
