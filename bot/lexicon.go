package bot

import "github.com/talksbot/talksbot/knowledge"

// lexicon reads a draft's words through the lexicon of the index its
// passages come from, as retrieval does, remembering what it looked up for
// the draft at hand. A nil index has no lexicon: words match only by stem.
type lexicon struct {
	ix       *knowledge.Index
	related  map[string][]relatedKey
	opposite map[string][]string
}

// relatedKey is a stem or phrase the lexicon relates to a stem, with how
// far it stands for it, in (0, 1].
type relatedKey struct {
	key    string
	credit float64
}

func newLexicon(ix *knowledge.Index) *lexicon {
	return &lexicon{ix: ix, related: make(map[string][]relatedKey), opposite: make(map[string][]string)}
}

// relatedTo returns what the lexicon relates to stem, strongest first.
func (l *lexicon) relatedTo(stem string) []relatedKey {
	if l.ix == nil {
		return nil
	}
	if rs, ok := l.related[stem]; ok {
		return rs
	}
	var rs []relatedKey
	l.ix.Related(stem, func(key string, credit float64) bool {
		rs = append(rs, relatedKey{key, credit})
		return true
	})
	l.related[stem] = rs
	return rs
}

// antonymsOf returns the stems the lexicon gives as opposites of stem.
func (l *lexicon) antonymsOf(stem string) []string {
	if l.ix == nil {
		return nil
	}
	if as, ok := l.opposite[stem]; ok {
		return as
	}
	var as []string
	antonyms(l.ix, stem, func(a string) bool {
		as = append(as, a)
		return true
	})
	l.opposite[stem] = as
	return as
}

// antonyms calls yield with the antonyms of stem in the index's lexicon.
func antonyms(ix *knowledge.Index, stem string, yield func(antonym string) bool) {
	ix.Antonyms(stem, yield)
}
