package main

import (
	"cmp"
	"maps"
	"slices"
	"strings"
)

// antonymPair is a pair of opposite stems, a < b: antonymy is symmetric.
type antonymPair struct{ a, b string }

// antonymLink is what a pair of antonyms rests on.
type antonymLink struct {
	inflected bool // only through an inflection of either stem ("won" → "win" ↔ "lose")
	head      bool // only through a satellite adjective's head ("huge" → "large" ↔ "small")
	score     int  // tag counts behind the pair; higher ranks first
}

// better reports whether l is better evidence than o: a pair of WordNet's
// words before one of their inflections, then a direct pointer before one
// through a head, then the higher score.
func (l antonymLink) better(o antonymLink) bool {
	if l.inflected != o.inflected {
		return o.inflected
	}
	return !l.head && o.head || l.head == o.head && l.score > o.score
}

// antonymSet collects pairs of antonyms before they enter the relations.
// They are kept apart because the other relations are one-way and may be
// inherited by a British spelling, while a pair of antonyms must hold both
// ways and survive its caps on both sides.
type antonymSet map[antonymPair]antonymLink

// add records that x and y are opposites, keeping the better link.
func (s antonymSet) add(x, y string, l antonymLink) {
	if x == y || x == "" || y == "" {
		return
	}
	p := antonymPair{min(x, y), max(x, y)}
	if old, ok := s[p]; !ok || l.better(old) {
		s[p] = l
	}
}

// antonyms derives the pairs of antonyms from WordNet's antonym pointers
// ("!"), which are lexical: between two lemmas, each in one sense.
func (b *builder) antonyms() antonymSet {
	s := make(antonymSet)
	for _, id := range b.wn.order {
		syn := b.wn.synsets[id]
		b.directAntonyms(s, syn)
		if syn.satellite {
			b.headAntonyms(s, syn)
		}
	}
	return s
}

// directAntonyms adds the antonym pointers of syn whose source is a
// frequent sense of its lemma and whose target is a single word within its
// first senses, as for derived forms. WordNet gives each pointer its
// reverse, so a pair enters if either side's sense is a frequent one.
func (b *builder) directAntonyms(s antonymSet, syn *synset) {
	for _, p := range syn.ptrs {
		to, ok := b.antonymPointer(syn, p)
		if !ok {
			continue
		}
		if x, freq := b.memberSense(syn, p.src-1); freq && antonymTerm(x) {
			if y, _ := b.memberSense(to, p.dst-1); antonymTerm(y) {
				s.add(x.stem, y.stem, antonymLink{score: x.tags + y.tags})
			}
		}
	}
}

// antonymPointer returns the synset that p, a pointer of syn, points to,
// and whether p is a well-formed lexical antonym pointer.
func (b *builder) antonymPointer(syn *synset, p pointer) (*synset, bool) {
	if p.sym != "!" || p.src == 0 || p.src > len(syn.members) {
		return nil, false
	}
	t := b.wn.synsets[p.to]
	if t == nil || p.dst == 0 || p.dst > len(t.members) {
		return nil, false
	}
	return t, true
}

// headAntonyms gives satellite adjective syn the antonyms of its head:
// WordNet links only heads as antonyms ("large" ↔ "small") and leaves their
// satellites ("huge", "vast") to reach them through their head. The
// satellite's words count if single, in a frequent sense tagged at least
// minCount times, and each its stem's most tagged word ("winning",
// charming, does not speak for "win"). They take only the words the head's
// pointers name, each in a frequent sense of its own, at most
// maxHeadAntonyms of them (the most tagged), and never the other head's
// satellites ("huge" ↔ "tiny" is not said).
func (b *builder) headAntonyms(s antonymSet, syn *synset) {
	var xs []sense
	for _, x := range b.senses(syn) {
		if antonymTerm(x) && x.tags >= minCount && b.stemTop[x.stem] == x.lemma {
			xs = append(xs, x)
		}
	}
	if len(xs) == 0 {
		return
	}
	tags := make(map[string]int) // each antonym stem's best tag count
	for _, p := range syn.ptrs {
		if p.sym != "&" {
			continue
		}
		head := b.wn.synsets[p.to]
		if head == nil {
			continue
		}
		for _, q := range head.ptrs {
			if to, ok := b.antonymPointer(head, q); ok {
				if y, freq := b.memberSense(to, q.dst-1); freq && antonymTerm(y) {
					tags[y.stem] = max(tags[y.stem], y.tags)
				}
			}
		}
	}
	ys := slices.SortedFunc(maps.Keys(tags), func(x, y string) int {
		return cmp.Or(cmp.Compare(tags[y], tags[x]), strings.Compare(x, y))
	})
	for _, y := range ys[:min(len(ys), maxHeadAntonyms)] {
		for _, x := range xs {
			s.add(x.stem, y, antonymLink{head: true, score: x.tags + tags[y]})
		}
	}
}

// antonymTerm reports whether a sense's word may be an antonym: a single
// word, not an acronym.
func antonymTerm(x sense) bool { return x.stem != "" && !x.phrase && !x.acronym }

// withSpellings returns s with every pair repeated for the British
// spellings of its stems, both ways ("honour" ↔ "dishonour" as well as
// "honor" ↔ "dishonor"): WordNet spells the American way.
func (s antonymSet) withSpellings(g spellingGroups) antonymSet {
	british := make(map[string][]string) // American stem → its British spellings
	for b, as := range g {
		for _, a := range as {
			british[a] = append(british[a], b)
		}
	}
	for a, bs := range british {
		// Porter2 strips "-ize" but not "-ise": "privatis" is a spelling of
		// "privatize" only, not of the other words with stem "privat".
		british[a] = slices.DeleteFunc(bs, func(b string) bool { return b == a+"is" })
	}
	out := make(antonymSet, len(s))
	for p, l := range s {
		for _, x := range append([]string{p.a}, british[p.a]...) {
			for _, y := range append([]string{p.b}, british[p.b]...) {
				out.add(x, y, l)
			}
		}
	}
	return out
}

// withInflections returns s with every pair repeated for the inflected
// forms of its stems, both ways, each combination of a stem or its forms
// with the other stem or its forms ("win" ↔ "lose" gives "won" ↔ "lose",
// "win" ↔ "lost" and "won" ↔ "lost"): an inflection is the same word. The
// repeated pairs rank after every pair of WordNet's own, so that they only
// fill what the cap leaves.
func (s antonymSet) withInflections(in inflections) antonymSet {
	forms := in.forms()
	out := maps.Clone(s)
	for p, l := range s {
		inflected := l
		inflected.inflected = true
		for _, x := range append([]string{p.a}, forms[p.a]...) {
			for _, y := range append([]string{p.b}, forms[p.b]...) {
				if x != p.a || y != p.b {
					out.add(x, y, inflected)
				}
			}
		}
	}
	return out
}

// addTo adds the pairs to rel as antonyms, both ways. A pair whose stems
// rel already relates, either way, is left out: the stem keeps its other
// relation ("employ" and "employe", for "employer" and "employee", are
// derived forms; "bless" and "damn", for "blessed" and "damned",
// synonyms). Then the pairs are taken best first (see antonymLink.better,
// then by stem), each only while both its stems have fewer than
// maxAntonyms, so that the cap keeps every pair whole. A key lists the
// pairs through an inflection after the others.
func (s antonymSet) addTo(rel relations) {
	type scored struct {
		antonymPair
		antonymLink
	}
	var ps []scored
	for p, l := range s {
		// Any relation but a loose synonym's says the two are no
		// opposites; a loose synonym gives way ("internal" and
		// "external" share a rare sense of "international").
		if l, ok := rel[p.a][p.b]; ok && l.rel != looseSynonym {
			continue
		}
		if l, ok := rel[p.b][p.a]; ok && l.rel != looseSynonym {
			continue
		}
		ps = append(ps, scored{p, l})
	}
	slices.SortFunc(ps, func(x, y scored) int {
		switch {
		case x.better(y.antonymLink):
			return -1
		case y.better(x.antonymLink):
			return 1
		}
		return cmp.Or(strings.Compare(x.a, y.a), strings.Compare(x.b, y.b))
	})
	n := make(map[string]int)
	for _, p := range ps {
		if n[p.a] < maxAntonyms && n[p.b] < maxAntonyms {
			n[p.a]++
			n[p.b]++
			score := p.score
			if p.inflected {
				score = -1 // after a key's pairs of WordNet's words ("bad": "good", then "better")
			}
			delete(rel[p.a], p.b)
			delete(rel[p.b], p.a)
			rel.add(p.a, p.b, antonym, score)
			rel.add(p.b, p.a, antonym, score)
		}
	}
}
