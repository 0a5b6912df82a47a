package knowledge

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/talksbot/talksbot/knowledge/internal/proper"
	"github.com/talksbot/talksbot/knowledge/internal/similar"
	"github.com/talksbot/talksbot/knowledge/internal/wordnet"
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
	namesOnce sync.Once
	names     map[string]bool // stems written as names; see WritesAsName
	docs      []*Document
	passages  []*Passage
	docStart  map[string]int // document ID → index of its first passage
	themes    []Theme
	// themeData is built on first use: many documents mean many themes,
	// and an index that is only searched never needs it.
	themeData themeData
	sections  []sectionInfo // one per (document, section)
	// textUnits holds, per question about the text itself (aboutPublished…),
	// the sentences that answer it, in reading order.
	textUnits [aboutWhoSpokeTo][]int32
	passSec   []int32 // passage → index into sections
	// persons holds the term ids of names the text writes after a title
	// ("President Obama", "Ambassador John Limbert"): people, where other
	// names may be places ("Vienna").
	persons map[int32]bool
	// capitalOnly holds the term ids of words the text writes only with
	// a capital, and at least once within a sentence ("Soviet", "Huffington"):
	// its names, which a question typed in lower case may ask about.
	capitalOnly map[int32]bool
	// initials maps the initials of two to four capitalised words written
	// in a row ("pd" for "Public Diplomacy", "fm" for "Foreign Minister")
	// to their term ids: a question's acronym the text never writes may
	// stand for them.
	initials map[string][]int32
	// clips holds the pairs of capitalised words written in a row, by
	// the first minClipFirst letters of the first and minClipSecond of the
	// second: a question's clipped compound the text never writes, the
	// start of each run together ("huffpo" for "Huffington Post"), may
	// stand for them (see clipped).
	clips map[string][]clipPair
	// passPos says, per passage, whether it opens or closes its document
	// (posStart…): "what does the opening say?"
	passPos []uint8

	// Units are stored column by column: the hot loops touch one column at
	// a time and a row struct would be a third larger.
	unitPassage   []int32 // the passage a unit belongs to
	unitOff       []int32 // unit u's terms are seq[unitOff[u]:unitOff[u+1]]
	unitFlags     []uint8
	spanSentences []int32 // in order, the units that tell a span of time (lasts): few, read by "how long…?"
	denials       []int32 // in order, the short units that deny something ("Simply put: It doesn't."): see shortDenial
	passFirst     []int32 // per passage: its first unit
	unitLen       []uint8 // content terms in a unit, capped at 255
	// weight[tf][len] is BM25's term weight tf·(k1+1)/(tf+k1·(1−b+b·len/avg))
	// for the first few term frequencies and lengths under 255: the scoring
	// loop reads it instead of dividing.
	weight [weightTFs][255]float32
	// neighbours says, per unit, whether the sentences before and after it
	// are in the same passage: a byte per unit keeps the window scoring of
	// every matching unit in cache.
	neighbours []uint8
	// The content term ids of every unit, unit after unit: in 16 bits when
	// the vocabulary fits (it halves the largest array), else in 32.
	seq16  []uint16
	seq32  []int32
	avgLen float32

	vocab    map[string]int32 // stem → term id; the keys are substrings of stemText
	stemText string           // every stem, in term id order
	stemOff  []int32          // term t's stem is stemText[stemOff[t]:stemOff[t+1]]
	lex      lexicon
	// reverse holds, per word WordNet relates one of the vocabulary's
	// stems to, that stem the other way round: see reverseRelations.
	reverse        map[string][]reversed
	idf            []float32
	queryStems     sync.Map // query word → stem, for words the vocabulary lacks
	queryStemCount atomic.Int64
	respelt        sync.Map // misspelt query stem → the stem meant; see respell
	postOff        []int32  // postings of term t are posts[postOff[t]:postOff[t+1]]
	posts          []uint32 // unit id in the low bits, term frequency (capped) in the top bits
}

// A posting packs a unit id and the term's frequency in it into 32 bits.
const (
	postTFShift = 26
	postUnitMax = 1<<postTFShift - 1
	postTFMax   = 1<<(32-postTFShift) - 1
)

type sectionInfo struct {
	doc, section int
	title        []int32 // term ids of the section title
}

// unit is one sentence of one passage, as assembled from the columns.
type unit struct {
	passage  int32
	off      int32 // its terms are seq[off:off+n]
	n        int32 // content terms in the sentence
	sentence int32 // index in the passage's Sentences
	flags    uint8
}

// unit assembles unit u.
func (ix *Index) unit(u int32) unit {
	p := ix.unitPassage[u]
	off := ix.unitOff[u]
	return unit{passage: p, off: off, n: ix.unitOff[u+1] - off, sentence: u - ix.passFirst[p], flags: ix.unitFlags[u]}
}

// numUnits is how many units the index holds.
func (ix *Index) numUnits() int { return len(ix.unitPassage) }

// weightTFs is how many term frequencies the weight table covers; rarer,
// higher frequencies are computed.
const weightTFs = 8

// termWeight is BM25's term weight of a term occurring tf times in unit u,
// without its IDF.
func (ix *Index) termWeight(tf uint32, u uint32) float32 {
	n := ix.unitLen[u]
	if tf < weightTFs && n < 255 {
		return ix.weight[tf][n]
	}
	if n == 255 { // 255 or more: the true length
		return bm25Weight(float32(tf), ix.unitOff[u+1]-ix.unitOff[u], ix.avgLen)
	}
	return bm25Weight(float32(tf), int32(n), ix.avgLen)
}

// bm25Weight is BM25's term weight for a term occurring tf times in a unit of
// n terms, without its IDF.
func bm25Weight(tf float32, n int32, avgLen float32) float32 {
	return tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*float32(n)/avgLen))
}

// Neighbour bits.
const (
	prevInPassage uint8 = 1 << iota
	nextInPassage
)

// Unit flags feed the question-word cue.
const (
	hasName    uint8 = 1 << iota // a capitalised word that does not start the sentence
	hasNumber                    // digits or a number word
	hasTime                      // a date or time word
	hasQuote                     // a quotation
	hasDate                      // a calendar date: digits, a month or a day of the week
	hasSpeech                    // reported speech: a quotation or a verb of saying
	hasSimile                    // a comparison: "is like", "as if", "akin to", "compared to"
	hasExample                   // examples given: "such as", "for example", "for instance", "including"
)

// simile reports whether word w after prev makes a sentence a comparison:
// "is like", "as if", "as though", "akin to", "compared to", "likened".
func simile(prev, w string) bool {
	switch w {
	case "like":
		return copulas.hasText(prev) || prev == "be" || prev == "been"
	case "if", "though":
		return prev == "as"
	case "to", "with":
		return prev == "akin" || prev == "compared"
	case "likened", "likens":
		return true
	}
	return false
}

// speechWords report what someone said: a sentence holding one reports
// speech ("emphasized that…", "told me"). Forms that are as often nouns
// ("states", "claims", "notes", "promises") are left out.
var speechWords = wordSet(`said say says told tell tells described describes explained explains stated
emphasized emphasised emphasizes emphasises stressed insisted insists warned warns announced
announces promised declared declares remarked noted argued argues claimed wrote writes`)

// ErrEmpty is returned by NewIndex when the documents hold no passage.
var ErrEmpty = errors.New("knowledge base has no passages")

// NewIndex builds an index over docs and keeps them: documents whose IDs
// collide are renamed in place ("-2", "-3", …) and their passages renumbered,
// so give each Index documents of its own (Default and Parse return fresh
// ones).
func NewIndex(docs []*Document, opts ...Option) (*Index, error) {
	ix := &Index{
		docs:     docs,
		docStart: make(map[string]int),
		vocab:    make(map[string]int32),
	}
	for _, o := range opts {
		o(ix)
	}
	uniqueIDs(docs)
	loadTables()
	b := indexBuilder{surface: make(map[string]int32)}
	ix.scan(&b)
	ix.persons = b.persons
	for id, c := range b.cases {
		if c == writtenCapital {
			if ix.capitalOnly == nil {
				ix.capitalOnly = make(map[int32]bool)
			}
			ix.capitalOnly[int32(id)] = true
		}
	}
	ix.initials, ix.clips = b.initials, b.clips
	ix.markPositions()
	if len(ix.unitPassage) == 0 {
		return nil, ErrEmpty
	}
	ix.tables(&b)
	ix.postings(&b)
	return ix, nil
}

// loadTables indexes the word tables questions are read with (proper
// nouns, adjectives, verbs, words used alike), which index themselves on first
// lookup and are shared by every index: the first index built pays for
// them, not whichever question first needs one (a first question's
// latency, and a heap measured after the first index, would depend on its
// words).
func loadTables() {
	proper.Load()
	wordnet.LoadAdjectives()
	wordnet.LoadVerbs()
	similar.Load()
}

// uniqueIDs renames documents whose IDs collide: "-2", "-3", ….
func uniqueIDs(docs []*Document) {
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
}

// indexBuilder is what NewIndex gathers while it scans the documents.
type indexBuilder struct {
	// surface maps a lower-case word to its term id, or -1 for a stop word,
	// so that each distinct word is stemmed once.
	surface map[string]int32
	df      []int32 // per term: the units it occurs in
	tfs     []int32 // per term: its count in the current unit
	touched []int32 // the terms of the current unit
	raw     []rawPost
	seq     []int32 // the term ids of every unit, unit after unit
	// persons holds the term ids of names written after a title
	// ("President Obama", "Ambassador John Limbert"): people.
	persons map[int32]bool
	// cases says, per term id, how the text writes the term: with a
	// capital within a sentence, in lower case, or both (see
	// Index.capitalOnly).
	cases []uint8
	// initials maps the initials of runs of capitalised words to the
	// runs' term ids: see Index.initials.
	initials map[string][]int32
	clips    map[string][]clipPair // see Index.clips
	// figures counts, per unit, the plain words of figures of speech
	// added to its terms (see figureTerms), which its length leaves out.
	figures    []uint8
	allFigures int
	words      []word // the current unit's words, for figureTerms
}

// rawPost is a posting before postings are grouped by term.
type rawPost struct {
	term, unit int32
	tf         int32
}

// scan walks the documents' sections, passages and sentences, interning
// their words and recording one unit per sentence.
func (ix *Index) scan(b *indexBuilder) {
	ix.reserve()
	for di, d := range ix.docs {
		ix.docStart[d.ID] = len(ix.passages)
		source := foldSpace(d.Source)
		for si := range d.Sections {
			s := &d.Sections[si]
			secIdx := int32(len(ix.sections))
			ix.sections = append(ix.sections, sectionInfo{doc: di, section: si, title: ix.termIDs(b, s.Title)})
			if s.Theme {
				ix.themes = append(ix.themes, Theme{Number: len(ix.themes) + 1, Doc: d.ID, DocTitle: d.Title, Title: s.Title, Section: si})
			}
			for pi := range s.Passages {
				p := &s.Passages[pi]
				pIdx := int32(len(ix.passages))
				ix.passages = append(ix.passages, p)
				ix.passSec = append(ix.passSec, secIdx)
				ix.passFirst = append(ix.passFirst, int32(len(ix.unitPassage)))
				for _, sent := range p.Sentences {
					if len(ix.unitPassage) >= postUnitMax {
						break // a corpus beyond what postings can address; the rest is not indexed
					}
					ix.addUnit(b, pIdx, sent.Text)
					ix.noteTextUnit(int32(len(ix.unitPassage)-1), sent.Text, source)
				}
			}
		}
	}
}

// reserve sizes the per-section, per-passage and per-unit columns for the
// documents before scan fills them: grown by append, they would hold up to
// a quarter more than they use for as long as the index lives.
func (ix *Index) reserve() {
	var sections, themes, passages, units int
	for _, d := range ix.docs {
		sections += len(d.Sections)
		for si := range d.Sections {
			s := &d.Sections[si]
			if s.Theme {
				themes++
			}
			passages += len(s.Passages)
			for pi := range s.Passages {
				units += len(s.Passages[pi].Sentences)
			}
		}
	}
	units = min(units, postUnitMax)
	ix.sections = make([]sectionInfo, 0, sections)
	ix.themes = make([]Theme, 0, themes)
	ix.passages = make([]*Passage, 0, passages)
	ix.passSec = make([]int32, 0, passages)
	ix.passFirst = make([]int32, 0, passages)
	ix.unitPassage = make([]int32, 0, units)
	ix.unitOff = make([]int32, 0, units+1)
	ix.unitFlags = make([]uint8, 0, units)
}

// personTitles are words that, capitalised, come before a person's name:
// "President Obama", "Foreign Minister Zarif".
var personTitles = wordSet(`president ambassador secretary minister ayatollah senator representative congressman
congresswoman envoy general admiral governor mayor chancellor king queen prince princess professor dr mr mrs ms`)

// How the text writes a term (indexBuilder.cases).
const (
	writtenCapital uint8 = 1 << iota // with a capital, within a sentence
	writtenLower                     // in lower case
)

// addUnit indexes one sentence of passage p as the next unit.
func (ix *Index) addUnit(b *indexBuilder, p int32, text string) {
	u := int32(len(ix.unitPassage))
	ix.unitOff = append(ix.unitOff, int32(len(b.seq)))
	var flags uint8
	if strings.ContainsAny(text, "“”\"") {
		flags |= hasQuote | hasSpeech
	}
	first, prev := true, ""
	prevCapital := false // the word before was written with a capital, not first
	oneLast := false     // "one" ended the words so far, a number unless a verb follows
	titled := false      // the words so far since a title are names: "Ambassador John Limbert"
	var run []word       // capitalised words in a row, up to this one
	var runIDs []int32
	b.words = b.words[:0]
	scanWords(text, func(w word) {
		b.words = append(b.words, w)
		if !w.capital || w.keep {
			run, runIDs = run[:0], runIDs[:0]
		}
		if prev == "one" {
			// "One would think…": a pronoun, no number.
			if !pronounOne.has(w) {
				flags |= hasNumber
			}
			oneLast = false
		}
		switch {
		case w.text == "one":
			oneLast = true
		case prevCapital && isDigits(w.text):
			// "Public Diplomacy 101", "Resolution 1737": a number that
			// ends a name is part of it, no count a "how many…?" asks
			// for (four uncovered questions more declined on the tuning
			// sets, nothing else changed).
			flags |= wordFlags(w, first) &^ hasNumber
		default:
			flags |= wordFlags(w, first)
		}
		prevCapital = w.capital && !first
		person := titled && w.capital && !personTitles.has(w)
		titled = w.capital && (person || personTitles.has(w))
		if speechWords.has(w) {
			flags |= hasSpeech
		}
		if simile(prev, w.text) {
			flags |= hasSimile
		}
		if prev == "such" && w.text == "as" || prev == "for" && (w.text == "example" || w.text == "instance") || w.text == "including" {
			flags |= hasExample
		}
		wasFirst := first
		first, prev = false, w.text
		id := ix.intern(b, w)
		if w.capital && !w.keep && id >= 0 {
			run, runIDs = append(run, w), append(runIDs, id)
			b.addInitials(run, runIDs)
			b.addClips(run, runIDs)
		}
		if id < 0 {
			return
		}
		if int(id) >= len(b.cases) {
			b.cases = append(b.cases, make([]uint8, int(id)+1-len(b.cases))...)
		}
		switch {
		case w.capital && !w.keep && !wasFirst:
			b.cases[id] |= writtenCapital
		case !w.capital:
			b.cases[id] |= writtenLower
		}
		if person {
			if b.persons == nil {
				b.persons = make(map[int32]bool)
			}
			b.persons[id] = true
		}
		b.seq = append(b.seq, id)
		if b.tfs[id] == 0 {
			b.touched = append(b.touched, id)
		}
		b.tfs[id]++
	})
	if oneLast {
		flags |= hasNumber
	}
	n := ix.figureTerms(b, b.words)
	b.figures = append(b.figures, uint8(min(n, 255)))
	b.allFigures += n
	for _, t := range b.touched {
		b.raw = append(b.raw, rawPost{term: t, unit: u, tf: b.tfs[t]})
		b.df[t]++
		b.tfs[t] = 0
	}
	b.touched = b.touched[:0]
	ix.unitPassage = append(ix.unitPassage, p)
	ix.unitFlags = append(ix.unitFlags, flags)
	if flags&hasTime != 0 && lasts(text) {
		ix.spanSentences = append(ix.spanSentences, u)
	}
	if int32(len(b.seq))-ix.unitOff[u] < shortSentence && shortDenialWords(b.words) {
		ix.denials = append(ix.denials, u)
	}
}

// figureTerms adds to the unit being indexed the plain words of each figure
// of speech of the idioms table its words hold ("for all to see":
// "publicly"; "past is prologue": "history", "repeat"), after its own: a
// question in plain words finds the figure, as a question using a figure
// finds the plain words; they leave the unit's length for BM25 as it is.
// Not the figures that ask about a text as a whole
// ("the big picture" is an overview only in a question). Chosen on the
// tuning sets of session 27, with six figures the article uses added to
// the table: 15 first citations more of 4,351 covered questions, 11 false
// declines fewer, one uncovered question answered more, two conversations
// more; the table as it was, three first citations more; counted in the
// unit's length, the plain words gained two first citations fewer.
func (ix *Index) figureTerms(b *indexBuilder, words []word) (added int) {
	for i := range words {
		if words[i].class&classFigure == 0 {
			continue
		}
		idiomsAt(words[i:], func(id idiom) bool {
			if len(id.seq) < 2 || len(id.plain) == 0 || id.whole || id.ofText {
				return true
			}
			for _, p := range id.plain {
				t := ix.termOf(b, p)
				b.seq = append(b.seq, t)
				if b.tfs[t] == 0 {
					b.touched = append(b.touched, t)
				}
				b.tfs[t]++
				added++
			}
			return true
		})
	}
	return added
}

// init gives classFigure to the first words of the idioms table's figures
// of speech, as written and in their regular inflections: figureTerms looks
// for a figure only where one may start, at the cost of a bit test.
func init() {
	for phrase := range idioms {
		f := strings.Fields(phrase)
		if len(f) < 2 {
			continue
		}
		w := f[0]
		addClass(w, classFigure)
		forms := []string{w + "s", w + "es", w + "ed", w + "d", w + "ing"}
		if n := len(w); n > 1 {
			forms = append(forms, w[:n-1]+"ing", w+w[n-1:]+"ed", w+w[n-1:]+"ing", w[:n-1]+"ies", w[:n-1]+"ied")
		}
		for _, form := range forms {
			if inflectionOf(form, w) {
				addClass(form, classFigure)
			}
		}
	}
}

// tables derives what scoring reads: the units' terms in their compact
// form, lengths, BM25's weight table, IDF, the stems by term id and the
// neighbour bits.
func (ix *Index) tables(b *indexBuilder) {
	seq := b.seq
	ix.unitOff = append(ix.unitOff, int32(len(seq)))
	ix.avgLen = float32(len(seq)-b.allFigures) / float32(len(ix.unitPassage))
	if len(b.df) <= 1<<16 {
		ix.seq16 = make([]uint16, len(seq))
		for i, id := range seq {
			ix.seq16[i] = uint16(id)
		}
	} else {
		ix.seq32 = slices.Clip(seq)
	}
	if ix.avgLen == 0 {
		ix.avgLen = 1
	}
	for tf := 1; tf < weightTFs; tf++ {
		for n := range 255 {
			ix.weight[tf][n] = bm25Weight(float32(tf), int32(n), ix.avgLen)
		}
	}
	ix.unitLen = make([]uint8, len(ix.unitPassage))
	for u := range ix.unitLen {
		ix.unitLen[u] = uint8(min(ix.unitOff[u+1]-ix.unitOff[u]-int32(b.figures[u]), 255))
	}
	n := float64(len(ix.unitPassage))
	ix.idf = make([]float32, len(b.df))
	for t, f := range b.df {
		ix.idf[t] = float32(math.Log(1 + (n-float64(f)+0.5)/(float64(f)+0.5)))
	}
	ix.packStems()
	ix.reverse = reverseRelations(ix.vocab)
	ix.neighbours = make([]uint8, len(ix.unitPassage))
	for i, p := range ix.unitPassage {
		if i > 0 && ix.unitPassage[i-1] == p {
			ix.neighbours[i] |= prevInPassage
		}
		if i+1 < len(ix.unitPassage) && ix.unitPassage[i+1] == p {
			ix.neighbours[i] |= nextInPassage
		}
	}
}

// postings groups the postings by term, in unit order (the raw postings are
// in unit order already).
func (ix *Index) postings(b *indexBuilder) {
	ix.postOff = make([]int32, len(b.df)+1)
	for _, r := range b.raw {
		ix.postOff[r.term+1]++
	}
	for t := 1; t < len(ix.postOff); t++ {
		ix.postOff[t] += ix.postOff[t-1]
	}
	ix.posts = make([]uint32, len(b.raw))
	fill := make([]int32, len(b.df))
	for _, r := range b.raw {
		tf := uint32(min(r.tf, postTFMax))
		ix.posts[ix.postOff[r.term]+fill[r.term]] = uint32(r.unit) | tf<<postTFShift
		fill[r.term]++
	}
}

// intern maps a word to its term id, adding it to the vocabulary; -1 for a
// stop word.
func (ix *Index) intern(b *indexBuilder, w word) int32 {
	if !w.keep {
		if id, ok := b.surface[w.text]; ok {
			return id
		}
	}
	// The word's text shares its sentence's string: keep a copy of its own.
	text := strings.Clone(w.text)
	if !w.keep && w.class&(classStop|classQuestion) != 0 {
		b.surface[text] = -1
		return -1
	}
	s := text
	if !w.keep {
		s = stem(w.text)
	}
	id := ix.termOf(b, s)
	if !w.keep {
		b.surface[text] = id
	}
	return id
}

// termOf returns the term id of stem s, adding it to the vocabulary when
// it is new.
func (ix *Index) termOf(b *indexBuilder, s string) int32 {
	id, ok := ix.vocab[s]
	if !ok {
		id = int32(len(ix.vocab))
		ix.vocab[s] = id
		b.df = append(b.df, 0)
		b.tfs = append(b.tfs, 0)
	}
	return id
}

// termIDs interns the content words of a short text (a title).
func (ix *Index) termIDs(b *indexBuilder, s string) []int32 {
	var ids []int32
	scanWords(s, func(w word) {
		if id := ix.intern(b, w); id >= 0 {
			ids = append(ids, id)
		}
	})
	return ids
}

// packStems lays the vocabulary's stems end to end in term id order, so
// that a term id names its stem, and keys the vocabulary by those same
// bytes: one copy of each stem.
func (ix *Index) packStems() {
	stems := make([]string, len(ix.vocab))
	size := 0
	for st, id := range ix.vocab {
		stems[id] = st
		size += len(st)
	}
	var text strings.Builder
	text.Grow(size)
	ix.stemOff = make([]int32, len(stems)+1)
	for id, st := range stems {
		text.WriteString(st)
		ix.stemOff[id+1] = int32(text.Len())
	}
	ix.stemText = text.String()
	ix.vocab = make(map[string]int32, len(stems))
	for id := range stems {
		ix.vocab[ix.stem(int32(id))] = int32(id)
	}
}

// extensions calls yield with the ids of the knowledge base's stems that
// are stem with a derivational suffix ("threaten" for "threat"), until
// yield returns false.
func (ix *Index) extensions(stem string, yield func(id int32) bool) {
	var buf [64]byte
	if len(stem)+maxSuffix > len(buf) {
		return
	}
	for _, suffix := range derivational {
		key := append(append(buf[:0], stem...), suffix...)
		if id, ok := ix.vocab[string(key)]; ok && !yield(id) {
			return
		}
	}
}

// derivational are the suffixes, as Porter2 leaves them, that make one
// English word of another without changing what it is about: "threat" →
// "threaten", "critic" → "critical", "escalat" → "escalator". Any other
// lengthening is a word of its own ("secret" → "secretari", "super" →
// "superpow").
var derivational = [...]string{"en", "er", "or", "al", "ic", "ist", "iz", "is", "ism", "ive", "ous", "ful", "less", "ment", "ness", "ion"}

// maxSuffix is the length of the longest derivational suffix.
const maxSuffix = 4

// stem returns the stem of term id.
func (ix *Index) stem(id int32) string { return ix.stemText[ix.stemOff[id]:ix.stemOff[id+1]] }

// pronounOne are the words after which "one" is a pronoun, no number:
// "one would think", "one can see".
var pronounOne = wordSet(`would could can cannot might must should may will thinks think sees see
expects expect assumes assume imagines imagine`)

func wordFlags(w word, first bool) uint8 {
	var f uint8
	if w.capital && !first && !w.keep {
		f |= hasName
	}
	if c := w.text[0]; '0' <= c && c <= '9' {
		f |= hasNumber
		if !plainCount(w.text) {
			f |= hasTime | hasDate
		}
	}
	if w.class&classCalendar != 0 {
		f |= hasDate
	}
	if w.class&classNumber != 0 {
		f |= hasNumber
	}
	if w.class&classTime != 0 {
		f |= hasTime
	}
	return f
}

// plainCount reports whether digits, all digits, count something and date
// nothing: "101" in "Public Diplomacy 101", "50" in "50 senators". Four
// digits from 1000 to 2999 read as a year; digits with anything else
// ("1979s", "24th", "3/4", "10:30") keep the reading of a date or time.
func plainCount(digits string) bool {
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(digits) != 4 || digits[0] != '1' && digits[0] != '2'
}

// Documents returns the indexed documents in load order.
func (ix *Index) Documents() []*Document { return ix.docs }

// Passages returns every passage in document order.
func (ix *Index) Passages() []*Passage { return ix.passages }

// Passage returns the passage with the given ID.
func (ix *Index) Passage(id string) (*Passage, bool) {
	doc, ord, ok := strings.Cut(id, "#")
	if !ok {
		return nil, false
	}
	n, err := strconv.Atoi(ord)
	start, known := ix.docStart[doc]
	if err != nil || !known || n < 1 || start+n-1 >= len(ix.passages) {
		return nil, false
	}
	p := ix.passages[start+n-1]
	if p.ID != id {
		return nil, false
	}
	return p, true
}

// Themes lists the themes of every document, numbered from 1.
func (ix *Index) Themes() []Theme { return ix.themes }

// lookup returns the term id of a lower-case surface word, -1 for a stop
// word, and whether the knowledge base knows the word at all.
func (ix *Index) lookup(w word) (id int32, stemmed string, known bool) {
	if !w.keep {
		if w.class&classStop != 0 {
			return -1, "", true
		}
		stemmed = ix.stemQuery(w.text)
	} else {
		stemmed = w.text
	}
	id, ok := ix.vocab[stemmed]
	if !ok && !w.keep && !w.capital {
		if fixed := ix.respell(w.text, stemmed); fixed != stemmed {
			stemmed = fixed
			id, ok = ix.vocab[stemmed]
		}
	}
	if !ok {
		return -1, stemmed, false
	}
	return id, stemmed, true
}

// respell returns the stem of the word a misspelt one was meant to be:
// for a word of no name that neither the knowledge base nor the lexicon
// knows in any form ("negotations", "recomendation"), the knowledge base's
// one stem one edit away, else the lexicon's most used one (see
// wordnet.Nearest); else stemmed itself. A word the built-in tables hold
// (shorthand, idioms, plain senses), an operator's synonym, a stop word's
// stem ("others") and a negation by "un" of a known word (see negated)
// are no misspellings. Corrections are remembered as stems are. Chosen on
// the tuning sets: it gained two first citations and saved one false
// decline of 3,021 covered questions, answering no uncovered one.
func (ix *Index) respell(text, stemmed string) string {
	if len(stemmed) < minRespelt || wordnet.Known(stemmed) || proper.Is(text) || classOf(stemmed)&classStop != 0 ||
		classOf(text)&^classFigure != 0 || ix.lex.operator.Len() > 0 && ix.lex.operator.related[stemmed] != nil {
		return stemmed
	}
	if base, ok := strings.CutPrefix(stemmed, negatingPrefix); ok && wordnet.Known(base) {
		return stemmed // "unmapped": see negated
	}
	if v, ok := ix.respelt.Load(stemmed); ok {
		return v.(string)
	}
	fixed, found := stemmed, false
	for id := range int32(len(ix.stemOff) - 1) {
		if t := ix.stem(id); len(t) >= minRespelt && wordnet.OneEdit(t, stemmed) {
			if found {
				fixed = stemmed // two of the text's words: no guess
				break
			}
			fixed, found = t, true
		}
	}
	if !found {
		if k, freq := wordnet.Nearest(stemmed); freq >= respeltFrequency {
			fixed = k
		}
	}
	if len(stemmed) <= 32 && ix.queryStemCount.Add(1) <= queryStemMax {
		ix.respelt.Store(strings.Clone(stemmed), fixed)
	}
	return fixed
}

// minRespelt is the shortest stem respell corrects: a shorter one has
// too many words one edit away to guess among.
const minRespelt = 5

// respeltFrequency is the least wordnet.Frequency of the lexicon's word a
// misspelt one is taken for. The words of chat that no lexicon holds are
// often one edit from a rarer word: "trump" from "tramp" (9), "fallback"
// from "fullback" (3). Typing errors are of common words: "acheive" for
// "achieve" (139), "acording" for "according" (44), "recomend" for
// "recommend" (85). Chosen on the words of the tuning sets' questions:
// at 20 every correction but "repost" (to "report") is right.
const respeltFrequency = 20

// stemQuery stems a query word, remembering the first few thousand: the
// stemmer allocates and costs microseconds, and people ask with the same
// words again.
func (ix *Index) stemQuery(w string) string {
	if v, ok := ix.queryStems.Load(w); ok {
		return v.(string)
	}
	st := stem(w)
	if len(w) <= 32 && ix.queryStemCount.Add(1) <= queryStemMax {
		ix.queryStems.Store(strings.Clone(w), st)
	}
	return st
}

// queryStemMax bounds the memo of query stems.
const queryStemMax = 4096

// isStop reports whether a query word carries no topic.
func isStop(w word) bool {
	return !w.keep && w.class&(classStop|classQuestion|classFraming) != 0
}

// termID is the type a unit's term ids are stored in.
type termID interface{ ~uint16 | ~int32 }

// countIn counts id in seq.
func countIn[T termID](seq []T, id int32) (n int) {
	for _, x := range seq {
		if int32(x) == id {
			n++
		}
	}
	return n
}

// count returns how often term id occurs in unit u.
func (ix *Index) count(u unit, id int32) int {
	if ix.seq16 != nil {
		return countIn(ix.seq16[u.off:u.off+u.n], id)
	}
	return countIn(ix.seq32[u.off:u.off+u.n], id)
}

// termsOf appends the term ids of unit u to buf.
func (ix *Index) termsOf(u unit, buf []int32) []int32 {
	if ix.seq16 != nil {
		for _, x := range ix.seq16[u.off : u.off+u.n] {
			buf = append(buf, int32(x))
		}
		return buf
	}
	return append(buf, ix.seq32[u.off:u.off+u.n]...)
}

// addInitials records the initials of the runs of two to maxInitials
// capitalised words that end the run so far.
func (b *indexBuilder) addInitials(run []word, ids []int32) {
	for n := 2; n <= min(len(run), maxInitials); n++ {
		var key strings.Builder
		for _, w := range run[len(run)-n:] {
			key.WriteByte(w.text[0])
		}
		if b.initials == nil {
			b.initials = make(map[string][]int32)
		}
		k := key.String()
		for _, id := range ids[len(ids)-n:] {
			if len(b.initials[k]) < maxInitials*maxRuns && !slices.Contains(b.initials[k], id) {
				b.initials[k] = append(b.initials[k], id)
			}
		}
	}
}

// clipPair is two capitalised words written in a row and their term ids.
type clipPair struct {
	first, second string
	ids           [2]int32
}

// addClips records the last two capitalised words of run for clipped
// compounds (see Index.clips).
func (b *indexBuilder) addClips(run []word, ids []int32) {
	if len(run) < 2 {
		return
	}
	p := clipPair{first: run[len(run)-2].text, second: run[len(run)-1].text, ids: [2]int32{ids[len(ids)-2], ids[len(ids)-1]}}
	if len(p.first) < minClipFirst || len(p.second) < minClipSecond {
		return
	}
	if b.clips == nil {
		b.clips = make(map[string][]clipPair)
	}
	k := p.first[:minClipFirst] + p.second[:minClipSecond]
	if !slices.ContainsFunc(b.clips[k], func(o clipPair) bool { return o.first == p.first && o.second == p.second }) {
		b.clips[k] = append(b.clips[k], p)
	}
}

// clipped returns the term ids of the two capitalised words in a row whose
// starts w joins, minClipFirst letters or more of the first and
// minClipSecond or more of the second ("huffpo" for "Huffington Post");
// not the two written solid.
func (ix *Index) clipped(w string) []int32 {
	var out []int32
	for k := minClipFirst; k+minClipSecond <= len(w); k++ {
		for _, p := range ix.clips[w[:minClipFirst]+w[k:k+minClipSecond]] {
			if strings.HasPrefix(p.first, w[:k]) && strings.HasPrefix(p.second, w[k:]) && (k < len(p.first) || len(w)-k < len(p.second)) {
				out = append(out, p.ids[:]...)
			}
		}
	}
	return out
}

// The shortest starts of two words a clipped compound joins.
const (
	minClipFirst  = 3
	minClipSecond = 2
)

// Runs of capitalised words that initials record: at most maxInitials
// words a run, and maxRuns words' worth of runs per initials.
const (
	maxInitials = 4
	maxRuns     = 2
)
