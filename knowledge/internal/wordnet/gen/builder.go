package main

import (
	"slices"
	"strings"

	"github.com/kljensen/snowball/english"
)

// The selection rules; ../doc.go describes them for the package's users.
const (
	maxSenses         = 3  // a lemma's frequent senses are among its first three
	minShare          = 4  // … and have at least a quarter of its first sense's tag count
	minCount          = 2  // … and at least this many tags
	minPOSShare       = 10 // a part of speech with under a tenth of a lemma's tags is ignored
	minStemShare      = 2  // a lemma with under half its stem's best lemma's tags is ignored
	maxHyponyms       = 60 // a hypernym with more direct hyponyms than this is too general
	minDepth          = 4  // … as is a noun hypernym fewer than this many steps below the top
	maxTargets        = 16 // targets kept per key
	maxHypernyms      = 5  // hypernyms kept per key
	maxHyponymTargets = 6  // hyponyms kept per key
	maxNarrower       = 40 // a synset with more direct hyponyms than this gives none
	maxHypernymSenses = 12 // a hypernym lemma with more senses than this is too vague
	nounTops          = 3  // lexicographer file noun.Tops: the unique beginners
	nounLocation      = 15 // lexicographer file noun.location: places
	maxAcronymNum     = 3  // an untagged acronym's senses up to this number count
	maxAntonyms       = 8  // antonyms kept per key, apart from maxTargets
	widerSenses       = 5  // a loose synonym's sense is among its first five
	widerShare        = 8  // … with at least an eighth of its first sense's tag count
	untaggedWider     = 2  // an untagged lemma's loose synonyms come from its first two senses
	maxHeadAntonyms   = 2  // antonyms a satellite adjective takes through its head
)

// builder derives relations from WordNet.
type builder struct {
	wn         *wordNet
	rel        relations
	known      map[string]bool         // the words of the word lists, lower-cased
	lemmaTags  map[string]int          // a lemma's tag count over all its senses
	posTags    map[lemmaPOS]int        // a lemma's tag count in one part of speech
	stemTop    map[string]string       // the stem's most tagged lemma
	linked     map[[2]string]bool      // lemmas with a derivational pointer between them
	depth      map[synsetID]int        // shortest distance below the top of the hierarchy
	hyponymN   map[synsetID]int        // number of direct hyponyms ("~")
	stemLemmas map[string][]lemmaPOS   // the single-word lemmas of each stem
	pertainyms map[synsetID][]synsetID // noun synset → the adjective synsets pertaining to it
}

// lemmaPOS is a lemma in one part of speech.
type lemmaPOS struct {
	lemma string
	pos   byte
}

// newBuilder prepares what the rules need to know of WordNet and of the
// word lists.
func newBuilder(wn *wordNet, lists ...wordList) *builder {
	b := &builder{
		wn:         wn,
		rel:        make(relations),
		known:      make(map[string]bool),
		lemmaTags:  make(map[string]int),
		posTags:    make(map[lemmaPOS]int),
		stemTop:    make(map[string]string),
		linked:     make(map[[2]string]bool),
		depth:      make(map[synsetID]int),
		hyponymN:   make(map[synsetID]int),
		stemLemmas: make(map[string][]lemmaPOS),
		pertainyms: make(map[synsetID][]synsetID),
	}
	for _, l := range lists {
		for w := range l.all {
			b.known[w] = true
		}
	}
	for k, n := range wn.counts {
		b.lemmaTags[k.lemma] += n
		b.posTags[lemmaPOS{k.lemma, k.pos}] += n
	}
	b.findStemTops()
	b.findDerivations()
	b.measureHierarchy()
	b.findStemLemmas()
	return b
}

// findStemTops finds the most tagged lemma of each stem (ties go to the
// first in byte order).
func (b *builder) findStemTops() {
	for _, id := range b.wn.order {
		for _, m := range b.wn.synsets[id].members {
			t, ok := termOf(m.raw)
			if !ok || t.phrase {
				continue
			}
			top, seen := b.stemTop[t.stem]
			if n, nTop := b.lemmaTags[m.lemma], b.lemmaTags[top]; !seen || n > nTop || n == nTop && m.lemma < top {
				b.stemTop[t.stem] = m.lemma
			}
		}
	}
}

// findDerivations records the pairs of lemmas joined by a derivational
// ("+") or pertainym ("\") pointer, and the adjective synsets pertaining
// to each noun synset.
func (b *builder) findDerivations() {
	for _, id := range b.wn.order {
		s := b.wn.synsets[id]
		for _, p := range s.ptrs {
			if p.sym != "+" && p.sym != `\` || p.src == 0 || p.src > len(s.members) {
				continue
			}
			if t := b.wn.synsets[p.to]; t != nil && p.dst > 0 && p.dst <= len(t.members) {
				x, y := s.members[p.src-1].lemma, t.members[p.dst-1].lemma
				b.linked[[2]string{x, y}] = true
				b.linked[[2]string{y, x}] = true
				if p.sym == `\` && id.pos == 'a' && p.to.pos == 'n' && !slices.Contains(b.pertainyms[p.to], id) {
					b.pertainyms[p.to] = append(b.pertainyms[p.to], id)
				}
			}
		}
	}
}

// measureHierarchy finds each synset's depth below the top of the
// hypernym hierarchy (the shortest path) and its number of direct hyponyms.
func (b *builder) measureHierarchy() {
	var depthOf func(id synsetID, seen int) int
	depthOf = func(id synsetID, seen int) int {
		if d, ok := b.depth[id]; ok {
			return d
		}
		d := -1
		if seen < 40 { // the hierarchy is a DAG; this only guards against bad data
			for _, p := range b.wn.synsets[id].ptrs {
				if p.sym == "@" || p.sym == "@i" {
					if pd := depthOf(p.to, seen+1) + 1; d < 0 || pd < d {
						d = pd
					}
				}
			}
		}
		d = max(d, 0)
		b.depth[id] = d
		return d
	}
	for _, id := range b.wn.order {
		depthOf(id, 0)
		for _, p := range b.wn.synsets[id].ptrs {
			if p.sym == "~" {
				b.hyponymN[id]++
			}
		}
	}
}

// frequent reports whether sense num of lemma (part of speech pos) is one
// of its frequent senses; acronym relaxes the rule for untagged acronyms,
// whose senses WordNet cannot rank.
func (b *builder) frequent(lemma string, pos byte, num int, acronym bool) bool {
	if num < 1 {
		return false
	}
	if b.wn.tagged[pos][lemma] == 0 {
		// No tags: the order of the senses is a guess.
		if acronym {
			return num <= maxAcronymNum
		}
		return num == 1 && b.majorPOS(lemma, pos)
	}
	if !b.majorPOS(lemma, pos) || num > maxSenses {
		return false
	}
	if num == 1 {
		return true
	}
	c, c1 := b.wn.counts[senseKey{lemma, pos, num}], b.wn.counts[senseKey{lemma, pos, 1}]
	// A tie with the first sense means the order is chance ("quotation": 1, 1).
	return c >= minCount && c*minShare >= c1 || c > 0 && c == c1
}

// majorPOS reports whether pos holds at least a tenth of lemma's tags.
func (b *builder) majorPOS(lemma string, pos byte) bool {
	return b.posTags[lemmaPOS{lemma, pos}]*minPOSShare >= b.lemmaTags[lemma]
}

// majorLemma reports whether lemma may stand for its stem, which Porter2
// may share with unrelated lemmas ("hardly" and "hard", "AIDS" and "aid"):
// it is the stem's most tagged lemma or has at least half its tags, or is
// derivationally related to it ("negotiation" beside "negotiate"), or is a
// tagged plural with a meaning of its own ("talks" beside "talk").
func (b *builder) majorLemma(lemma, stem string) bool {
	top := b.stemTop[stem]
	tags := b.lemmaTags[lemma]
	if lemma == top || (tags+1)*minStemShare >= b.lemmaTags[top]+1 || b.linked[[2]string{lemma, top}] {
		return true
	}
	single := strings.TrimSuffix(lemma, "s")
	return tags > 0 && single != lemma && english.Stem(single, true) == stem
}

// sense is one lemma of a synset that the rules let through.
type sense struct {
	term
	lemma string
	raw   string // as the data file writes it
	num   int    // its sense number
	tags  int    // its tag count
}

// senses returns the members of s whose sense in s is frequent for them and
// whose lemma is a major one for its stem.
func (b *builder) senses(s *synset) []sense {
	var out []sense
	for _, m := range s.members {
		t, ok := termOf(m.raw)
		if !ok || !t.phrase && !t.acronym && !b.known[m.lemma] {
			continue // not a word, or one too rare for the word lists ("eubstance", "operose")
		}
		num := b.wn.senseNum(m.lemma, s.id)
		tags := b.wn.counts[senseKey{m.lemma, s.id.pos, num}]
		if !b.frequent(m.lemma, s.id.pos, num, t.acronym) {
			continue
		}
		if t.acronym && stopWords[t.stem] && tags == 0 {
			continue // "IN", "OR": an untagged acronym spelling a stop word is mostly noise
		}
		if !t.phrase && !b.majorLemma(m.lemma, t.stem) {
			continue // "hardly" beside "hard", "AIDS" beside "aid"
		}
		out = append(out, sense{term: t, lemma: m.lemma, raw: m.raw, num: num, tags: tags})
	}
	return out
}

// wider returns the members of s whose sense in s is within the wider
// bounds of a loose synonym (widerSenses, widerShare; the first
// untaggedWider senses of a lemma never tagged, whose order is a guess)
// and whose lemma is a major one for its stem, as senses does with the
// frequent ones. Chosen on the tuning sets of testdata/eval: the untagged
// senses gained nine first citations and saved four false declines of
// 3,021 covered questions ("the fundamental premise the process is built
// on": "bedrock"), answering no uncovered one.
func (b *builder) wider(s *synset) []sense {
	var out []sense
	for _, m := range s.members {
		t, ok := termOf(m.raw)
		if !ok || t.acronym || !t.phrase && !b.known[m.lemma] {
			continue
		}
		num := b.wn.senseNum(m.lemma, s.id)
		tags := b.wn.counts[senseKey{m.lemma, s.id.pos, num}]
		untagged := b.wn.tagged[s.id.pos][m.lemma] == 0
		if num < 1 || num > widerSenses || untagged && num > untaggedWider || !b.majorPOS(m.lemma, s.id.pos) {
			continue
		}
		c1 := b.wn.counts[senseKey{m.lemma, s.id.pos, 1}]
		if num > 1 && !untagged && !(tags >= minCount && tags*widerShare >= c1) {
			continue
		}
		if !t.phrase && !b.majorLemma(m.lemma, t.stem) {
			continue
		}
		out = append(out, sense{term: t, lemma: m.lemma, raw: m.raw, num: num, tags: tags})
	}
	return out
}

// memberSense returns member i (0-based) of s, and whether its sense in s
// is a frequent one. The stem is empty when the member can be no key or
// target, or when its sense in s is beyond its first maxSenses.
func (b *builder) memberSense(s *synset, i int) (sense, bool) {
	m := s.members[i]
	for _, x := range b.senses(s) {
		if x.lemma == m.lemma {
			return x, true
		}
	}
	t, ok := termOf(m.raw)
	num := b.wn.senseNum(m.lemma, s.id)
	if !ok || num > maxSenses || !t.phrase && (!b.majorLemma(m.lemma, t.stem) || !t.acronym && !b.known[m.lemma]) {
		return sense{}, false
	}
	return sense{term: t, lemma: m.lemma, raw: m.raw, num: num, tags: b.wn.counts[senseKey{m.lemma, s.id.pos, num}]}, false
}
