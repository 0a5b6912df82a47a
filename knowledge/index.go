package knowledge

import (
	"errors"
	"fmt"
	"math"
)

// BM25 parameters: the usual defaults, with length normalisation over
// sentence units.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// Index is the retrieval index over a set of documents. It is immutable once
// built and safe for concurrent use.
//
// Retrieval scores single sentences ("units") with BM25, its statistics
// (document frequency, average length) taken over units, not documents; a
// unit's score is widened to a window with its neighbours in the same
// passage. The best candidates are then re-ranked by IDF-weighted coverage of
// the question's terms, their proximity, phrase matches, section-title
// matches and a cue from the question word.
type Index struct {
	docs     []*Document
	passages []*Passage
	byID     map[string]int
	themes   []Theme
	sections []sectionInfo // one per (document, section)
	passSec  []int32       // passage → index into sections

	units  []unit
	seq    []int32 // content term ids of every unit, unit after unit
	avgLen float32

	vocab   map[string]int32 // stem → term id
	surface map[string]int32 // lower-case surface form → term id, or -1 for a stop word
	idf     []float32
	postOff []int32 // postings of term t are posts[postOff[t]:postOff[t+1]]
	posts   []posting
}

type sectionInfo struct {
	doc, section int
	title        []int32 // term ids of the section title
}

// unit is one sentence of one passage.
type unit struct {
	passage  int32
	sentence int32
	off, n   int32 // its terms are seq[off:off+n]
	flags    uint8
}

// Unit flags feed the question-word cue.
const (
	hasName   uint8 = 1 << iota // a capitalised word that does not start the sentence
	hasNumber                   // digits or a number word
	hasTime                     // a date or time word
)

type posting struct {
	unit int32
	w    float32 // BM25 term weight tf·(k1+1)/(tf+k1·(1−b+b·len/avg)), idf excluded
}

// ErrEmpty is returned by NewIndex when the documents hold no passage.
var ErrEmpty = errors.New("knowledge base has no passages")

// NewIndex builds an index over docs. Documents whose IDs collide are given
// distinct IDs ("-2", "-3", …) and their passages renumbered.
func NewIndex(docs []*Document) (*Index, error) {
	ix := &Index{
		docs:    docs,
		byID:    make(map[string]int),
		vocab:   make(map[string]int32),
		surface: make(map[string]int32),
	}
	seen := make(map[string]int)
	for _, d := range docs {
		if n := seen[d.ID]; n > 0 {
			base := d.ID
			for seen[d.ID] > 0 {
				n++
				d.ID = fmt.Sprintf("%s-%d", base, n)
			}
			seen[base] = n
			d.finish()
		}
		seen[d.ID]++
	}
	var df []int32
	var tfs []int32 // per term: count in the current unit
	var touched []int32
	type rawPost struct {
		term, unit int32
		tf         int32
	}
	var raw []rawPost
	for di, d := range docs {
		for si := range d.Sections {
			s := &d.Sections[si]
			secIdx := int32(len(ix.sections))
			ix.sections = append(ix.sections, sectionInfo{doc: di, section: si, title: ix.termIDs(s.Title, &df, &tfs)})
			if s.Theme {
				ix.themes = append(ix.themes, Theme{Number: len(ix.themes) + 1, Doc: d.ID, DocTitle: d.Title, Title: s.Title, Section: si})
			}
			for pi := range s.Passages {
				p := &s.Passages[pi]
				pIdx := int32(len(ix.passages))
				ix.passages = append(ix.passages, p)
				ix.passSec = append(ix.passSec, secIdx)
				ix.byID[p.ID] = int(pIdx)
				for sn, sent := range p.Sentences {
					u := unit{passage: pIdx, sentence: int32(sn), off: int32(len(ix.seq))}
					uIdx := int32(len(ix.units))
					first := true
					scanWords(sent.Text, func(w word) {
						u.flags |= wordFlags(w, first)
						first = false
						id := ix.intern(w, &df, &tfs)
						if id < 0 {
							return
						}
						ix.seq = append(ix.seq, id)
						if tfs[id] == 0 {
							touched = append(touched, id)
						}
						tfs[id]++
					})
					u.n = int32(len(ix.seq)) - u.off
					for _, t := range touched {
						raw = append(raw, rawPost{term: t, unit: uIdx, tf: tfs[t]})
						df[t]++
						tfs[t] = 0
					}
					touched = touched[:0]
					ix.units = append(ix.units, u)
				}
			}
		}
	}
	if len(ix.units) == 0 {
		return nil, ErrEmpty
	}
	ix.avgLen = float32(len(ix.seq)) / float32(len(ix.units))
	if ix.avgLen == 0 {
		ix.avgLen = 1
	}
	n := float64(len(ix.units))
	ix.idf = make([]float32, len(df))
	for t, f := range df {
		ix.idf[t] = float32(math.Log(1 + (n-float64(f)+0.5)/(float64(f)+0.5)))
	}
	// Postings grouped by term, in unit order (raw is in unit order already).
	ix.postOff = make([]int32, len(df)+1)
	for _, r := range raw {
		ix.postOff[r.term+1]++
	}
	for t := 1; t < len(ix.postOff); t++ {
		ix.postOff[t] += ix.postOff[t-1]
	}
	ix.posts = make([]posting, len(raw))
	fill := make([]int32, len(df))
	for _, r := range raw {
		u := ix.units[r.unit]
		tf := float32(r.tf)
		norm := bm25K1 * (1 - bm25B + bm25B*float32(u.n)/ix.avgLen)
		ix.posts[ix.postOff[r.term]+fill[r.term]] = posting{unit: r.unit, w: tf * (bm25K1 + 1) / (tf + norm)}
		fill[r.term]++
	}
	return ix, nil
}

// intern maps a word to its term id, adding it to the vocabulary; -1 for a
// stop word.
func (ix *Index) intern(w word, df *[]int32, tfs *[]int32) int32 {
	if !w.keep {
		if id, ok := ix.surface[w.text]; ok {
			return id
		}
	}
	if !w.keep && stopWords[w.text] || questionWords[w.text] && !w.keep {
		ix.surface[w.text] = -1
		return -1
	}
	s := w.text
	if !w.keep {
		s = stem(w.text)
	}
	id, ok := ix.vocab[s]
	if !ok {
		id = int32(len(ix.vocab))
		ix.vocab[s] = id
		*df = append(*df, 0)
		*tfs = append(*tfs, 0)
	}
	if !w.keep {
		ix.surface[w.text] = id
	}
	return id
}

// termIDs interns the content words of a short text (a title).
func (ix *Index) termIDs(s string, df *[]int32, tfs *[]int32) []int32 {
	var ids []int32
	scanWords(s, func(w word) {
		if id := ix.intern(w, df, tfs); id >= 0 {
			ids = append(ids, id)
		}
	})
	return ids
}

var numberWords = setOf(`one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
hundred hundreds thousand thousands million millions billion billions dozen dozens first second third
percent half`)

var timeWords = setOf(`today yesterday tomorrow week weeks month months year years decade decades century
monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december days day ago soon recently past future time times
since until later earlier`)

func wordFlags(w word, first bool) uint8 {
	var f uint8
	if w.capital && !first && !w.keep {
		f |= hasName
	}
	if c := w.text[0]; '0' <= c && c <= '9' {
		f |= hasNumber | hasTime
	}
	if numberWords[w.text] {
		f |= hasNumber
	}
	if timeWords[w.text] {
		f |= hasTime
	}
	return f
}

// Documents returns the indexed documents in load order.
func (ix *Index) Documents() []*Document { return ix.docs }

// Passages returns every passage in document order.
func (ix *Index) Passages() []*Passage { return ix.passages }

// Passage returns the passage with the given ID.
func (ix *Index) Passage(id string) (*Passage, bool) {
	i, ok := ix.byID[id]
	if !ok {
		return nil, false
	}
	return ix.passages[i], true
}

// Themes lists the themes of every document, numbered from 1.
func (ix *Index) Themes() []Theme { return ix.themes }

// lookup returns the term id of a lower-case surface word, -1 for a stop
// word, and whether the knowledge base knows the word at all.
func (ix *Index) lookup(w word) (id int32, stemmed string, known bool) {
	if !w.keep {
		if id, ok := ix.surface[w.text]; ok {
			return id, "", true
		}
		if stopWords[w.text] {
			return -1, "", true
		}
		stemmed = stem(w.text)
	} else {
		stemmed = w.text
	}
	id, ok := ix.vocab[stemmed]
	if !ok {
		return -1, stemmed, false
	}
	return id, stemmed, true
}

// isStop reports whether a query word carries no topic.
func isStop(w word) bool {
	return !w.keep && (stopWords[w.text] || questionWords[w.text] || framingWords[w.text])
}
