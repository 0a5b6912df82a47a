package main

import (
	"cmp"
	"slices"
	"strings"
)

// Relation mirrors wordnet.Relation: how a target relates to its key.
// Its values are the table's; rank orders them by strength.
type Relation uint8

const (
	spelling Relation = iota + 1
	synonym
	abbreviation
	derived
	hypernym
	hyponym
	antonym      // kept apart from the others: see antonym.go
	inflection   // the strongest, though added last: see inflection.go
	looseSynonym // a synonym in a less frequent sense: see widerSynonyms
)

// rank orders the relations, strongest first: inflection, then spelling
// to hyponym, then loose synonym, then antonym. A loose synonym never
// takes a pair or a place among a key's targets from a stronger relation.
func (r Relation) rank() int {
	switch r {
	case inflection:
		return 0
	case looseSynonym:
		return 2*int(hyponym) + 1
	}
	return 2 * int(r)
}

// link is the best-known relation of one target to one key.
type link struct {
	rel   Relation
	score int // tag counts behind the link; higher ranks first among equals
}

// relations collects key → target → link.
type relations map[string]map[string]link

// add records that target relates to key by rel, keeping the strongest
// relation (then the highest score) for a pair.
func (r relations) add(key, target string, rel Relation, score int) {
	if key == target || key == "" || target == "" {
		return
	}
	m := r[key]
	if m == nil {
		m = make(map[string]link)
		r[key] = m
	}
	old, ok := m[target]
	if !ok || rel.rank() < old.rel.rank() || rel == old.rel && score > old.score {
		m[target] = link{rel, score}
	}
}

// build derives every relation from WordNet.
func (b *builder) build() relations {
	for _, id := range b.wn.order {
		s := b.wn.synsets[id]
		b.looseSynonyms(s) // may relate words of which no sense here is frequent
		ss := b.senses(s)
		if len(ss) == 0 {
			continue
		}
		b.synonyms(ss)
		b.widerSynonyms(s)
		b.abbreviations(s, ss)
		b.derived(s)
		b.hypernyms(s, ss)
		b.hyponyms(s, ss)
		b.places(s, ss)
	}
	return b.rel
}

// synonyms relates the single words of one synset to one another, and an
// expansion phrase to the single words of its synset.
func (b *builder) synonyms(ss []sense) {
	for _, x := range ss {
		for _, y := range ss {
			if y.phrase || x.phrase && (y.acronym || !isExpansion(x, ss)) {
				continue // phrases relate only as expansions of acronyms
			}
			b.rel.add(x.stem, y.stem, synonym, x.tags+y.tags)
		}
	}
}

// widerSynonyms relates the single words of synset s as loose synonyms
// where s is a frequent sense of neither or only one of them, but a sense
// within the wider bounds of wider for both ("acknowledge" and
// "recognize"): less common meanings, which expand a question but must not
// vouch for a claim.
func (b *builder) widerSynonyms(s *synset) {
	ss := b.wider(s)
	for _, x := range ss {
		for _, y := range ss {
			if x.phrase || y.phrase || x.num <= maxSenses && y.num <= maxSenses && b.frequent(x.lemma, s.id.pos, x.num, x.acronym) && b.frequent(y.lemma, s.id.pos, y.num, y.acronym) {
				continue // phrases relate only as expansions; frequent senses are synonyms
			}
			b.rel.add(x.stem, y.stem, looseSynonym, x.tags+y.tags)
		}
	}
}

// looseSynonyms relates the single words of an adjective or adverb
// synset s that is the first sense of one of the two and, for the other, a
// sense among its first three tagged at least minCount times: "probable"
// and "likely" (sense 1 of "probable", 2 of "likely", with 4 tags against
// the first's 58). An adjective's senses are finer than a noun's, and a
// word's second or third is often still the meaning it shares; an untagged
// one is not ("large", sense 3, is not "bombastic"). The key must be a
// major lemma of its stem. The target need not be when its sense here is
// tagged at least minCount times: "probable" → "like", for "likely", whose
// stem Porter2 shares with the verb "like"; but not "like" → "probable".
func (b *builder) looseSynonyms(s *synset) {
	if s.id.pos != 'a' && s.id.pos != 'r' {
		return
	}
	ms := b.looseSenses(s)
	for _, x := range ms {
		if !b.majorLemma(x.lemma, x.stem) {
			continue
		}
		for _, y := range ms {
			if (x.num == 1 || y.num == 1) && (y.tags >= minCount || b.majorLemma(y.lemma, y.stem)) {
				b.rel.add(x.stem, y.stem, synonym, x.tags+y.tags)
			}
		}
	}
}

// looseSenses returns the single words of s, known to the word lists, for
// which s is their first sense, or their second or third tagged at least
// minCount times, in a part of speech that holds at least a tenth of their
// tags.
func (b *builder) looseSenses(s *synset) []sense {
	var out []sense
	for _, m := range s.members {
		t, ok := termOf(m.raw)
		if !ok || t.phrase || !t.acronym && !b.known[m.lemma] || !b.majorPOS(m.lemma, s.id.pos) {
			continue
		}
		num := b.wn.senseNum(m.lemma, s.id)
		tags := b.wn.counts[senseKey{m.lemma, s.id.pos, num}]
		if num == 1 || num > 1 && num <= maxSenses && tags >= minCount {
			out = append(out, sense{term: t, lemma: m.lemma, raw: m.raw, num: num, tags: tags})
		}
	}
	return out
}

// isExpansion reports whether phrase x spells out an acronym among ss.
func isExpansion(x sense, ss []sense) bool {
	for _, a := range ss {
		if a.acronym && expands(a, x) {
			return true
		}
	}
	return false
}

// abbreviations relates the acronyms of a synset to the phrases they
// abbreviate. When any acronym's letters are the initials of any phrase
// ("USA", "United States of America"), every acronym and phrase so matched
// are related to one another ("US" ↔ "United States of America" too).
func (b *builder) abbreviations(s *synset, ss []sense) {
	var acronyms, phrases []sense
	for _, a := range ss {
		if !a.acronym {
			continue
		}
		for _, p := range ss {
			if p.phrase && expands(a, p) {
				acronyms = append(acronyms, a)
				break
			}
		}
	}
	for _, p := range ss {
		if p.phrase && isExpansion(p, ss) {
			phrases = append(phrases, p)
		}
	}
	for _, a := range acronyms {
		for _, p := range phrases {
			b.rel.add(a.stem, p.stem, abbreviation, a.tags+p.tags)
			b.rel.add(p.stem, a.stem, abbreviation, a.tags+p.tags)
		}
	}
}

// expands reports whether phrase p's initials spell acronym a.
func expands(a, p sense) bool {
	letters, _ := acronymLetters(a.raw)
	all, content := initials(p.raw)
	return letters == all || letters == content
}

// derived follows the "+" (derivationally related form) and "\"
// (pertainym, "presidential" → "president") pointers between lemma senses.
func (b *builder) derived(s *synset) {
	for _, p := range s.ptrs {
		if p.sym != "+" && p.sym != `\` || p.src == 0 || p.src > len(s.members) {
			continue
		}
		t := b.wn.synsets[p.to]
		if t == nil || p.dst == 0 || p.dst > len(t.members) {
			continue
		}
		// The link is between two words, so it holds whatever the sense; only
		// the key's side needs to be a frequent sense of the key.
		from, fromFreq := b.memberSense(s, p.src-1)
		to, toFreq := b.memberSense(t, p.dst-1)
		if from.stem == "" || to.stem == "" || from.phrase || to.phrase {
			continue
		}
		if fromFreq {
			b.rel.add(from.stem, to.stem, derived, from.tags+to.tags)
		}
		if toFreq {
			b.rel.add(to.stem, from.stem, derived, from.tags+to.tags)
		}
	}
}

// hypernyms relates each single word of s to the single words of its
// direct hypernyms ("@", "@i"; for a satellite adjective, its head "&"),
// unless the hypernym is too general to help.
func (b *builder) hypernyms(s *synset, ss []sense) {
	for _, p := range s.ptrs {
		switch {
		case p.sym == "@" || p.sym == "@i":
		case p.sym == "&" && s.satellite:
		default:
			continue
		}
		h := b.wn.synsets[p.to]
		if h == nil || b.tooGeneral(h) {
			continue
		}
		for _, y := range b.senses(h) {
			if y.phrase || b.polysemy(y.lemma) > maxHypernymSenses {
				continue // "give", "make": too many meanings to stand for one
			}
			for _, x := range ss {
				if !x.phrase {
					b.rel.add(x.stem, y.stem, hypernym, x.tags+y.tags)
				}
			}
		}
	}
}

// hyponyms relates each single word of s to the single words of its
// direct hyponyms ("~", "~i": "legislature" → "parliament", "congress"),
// each a frequent sense of its own word, unless s has so many that each
// says little ("punishment" → "penalty", but not "penalty" → each penalty).
func (b *builder) hyponyms(s *synset, ss []sense) {
	if b.narrower(s) > maxNarrower {
		return
	}
	for _, p := range s.ptrs {
		if p.sym != "~" && p.sym != "~i" {
			continue
		}
		h := b.wn.synsets[p.to]
		if h == nil {
			continue
		}
		for _, y := range b.senses(h) {
			if y.phrase || b.polysemy(y.lemma) > maxHypernymSenses {
				continue // as for hypernyms: too many meanings to stand for one
			}
			for _, x := range ss {
				if !x.phrase {
					b.rel.add(x.stem, y.stem, hyponym, x.tags+y.tags)
				}
			}
		}
	}
}

// places relates a country, state or district to the cities it holds, as
// hyponyms: "Austria" → "Vienna", "Switzerland" → "Geneva", "DC" →
// "Washington" (part meronyms, "%p", of a noun.location synset that are
// instances of a city, town or capital), and so does the adjective that
// pertains to the country ("Austrian", "Swiss"). A question asked about
// the country finds the text that names its city. Not the other way: a city's
// country is not what a text about the city is about ("Ohio" is no
// "United States"), nor a region ("the North"), nor a holder of more than
// maxNarrower parts, each of which then says little.
func (b *builder) places(s *synset, ss []sense) {
	if s.id.pos != 'n' || s.lexfile != nounLocation {
		return
	}
	parts := 0
	for _, p := range s.ptrs {
		if p.sym == "%p" {
			parts++
		}
	}
	if parts > maxNarrower {
		return
	}
	adjectives := b.pertaining(s)
	for _, p := range s.ptrs {
		if p.sym != "%p" {
			continue
		}
		part := b.wn.synsets[p.to]
		if part == nil || !b.city(part) {
			continue
		}
		for _, y := range b.senses(part) {
			if y.phrase {
				continue
			}
			for _, x := range ss {
				if !x.phrase {
					b.rel.add(x.stem, y.stem, hyponym, x.tags+y.tags)
				}
			}
			for _, x := range adjectives {
				b.rel.add(x.stem, y.stem, hyponym, x.tags+y.tags)
			}
		}
	}
}

// pertaining returns the single-word adjectives whose pertainym pointer
// ("\") leads to s ("Austrian" to "Austria"), each in a frequent sense of
// its own.
func (b *builder) pertaining(s *synset) []sense {
	var out []sense
	for _, id := range b.pertainyms[s.id] {
		a := b.wn.synsets[id]
		for _, p := range a.ptrs {
			if p.sym != "\\" || p.to != s.id || p.src < 1 || p.src > len(a.members) {
				continue
			}
			for _, x := range b.senses(a) {
				if !x.phrase && x.raw == a.members[p.src-1].raw {
					out = append(out, x)
				}
			}
		}
	}
	return out
}

// city reports whether place s is an instance of a city, a town or a
// capital.
func (b *builder) city(s *synset) bool {
	for _, p := range s.ptrs {
		if p.sym != "@i" {
			continue
		}
		if h := b.wn.synsets[p.to]; h != nil && slices.ContainsFunc(h.members, func(m member) bool { return cityKinds[m.lemma] }) {
			return true
		}
	}
	return false
}

// cityKinds are the kinds of place a city is.
var cityKinds = map[string]bool{"city": true, "town": true, "national_capital": true, "state_capital": true,
	"provincial_capital": true, "capital": true, "port": true, "metropolis": true}

// narrower returns the number of direct hyponyms and instances of s.
func (b *builder) narrower(s *synset) int {
	n := 0
	for _, p := range s.ptrs {
		if p.sym == "~" || p.sym == "~i" {
			n++
		}
	}
	return n
}

// polysemy returns the number of senses lemma has in all parts of speech.
func (b *builder) polysemy(lemma string) int {
	n := 0
	for _, p := range partsOfSpeech {
		n += len(b.wn.senses[p.pos][lemma])
	}
	return n
}

// tooGeneral reports whether a hypernym says too little to be worth adding:
// a unique beginner (noun.Tops), a noun near the top of the hierarchy, or a
// synset with very many direct hyponyms.
func (b *builder) tooGeneral(h *synset) bool {
	if h.id.pos == 'n' && (h.lexfile == nounTops || b.depth[h.id] < minDepth) {
		return true
	}
	return b.hyponymN[h.id] > maxHyponyms
}

// target is one entry of a key's list.
type target struct {
	stem string
	link
}

// ranked returns key's targets, strongest relation first (by rank), then
// by score, then by stem: at most maxHypernyms hypernyms,
// maxHyponymTargets hyponyms and maxTargets in all, then its antonyms. The
// antonyms come last and outside maxTargets, so that a reader expanding a
// word never meets one among the others; antonymSet.addTo has already
// capped them, on both sides of each pair, which a cap here would break.
func (r relations) ranked(key string) []target {
	var ts []target
	for stem, l := range r[key] {
		ts = append(ts, target{stem, l})
	}
	slices.SortFunc(ts, func(a, b target) int {
		return cmp.Or(cmp.Compare(a.rel.rank(), b.rel.rank()), cmp.Compare(b.score, a.score), strings.Compare(a.stem, b.stem))
	})
	var n [looseSynonym + 1]int
	ts = slices.DeleteFunc(ts, func(t target) bool {
		n[t.rel]++
		return t.rel == hypernym && n[t.rel] > maxHypernyms || t.rel == hyponym && n[t.rel] > maxHyponymTargets
	})
	split := len(ts) - n[antonym]
	return append(ts[:min(split, maxTargets)], ts[split:]...)
}

// singleLemmas returns WordNet's one-word lower-case lemmas, sorted.
func (b *builder) singleLemmas() []string {
	var out []string
	for _, p := range partsOfSpeech {
		for l := range b.wn.senses[p.pos] {
			if strings.IndexFunc(l, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
				out = append(out, l)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sameSynset reports whether lemmas x and y share a synset.
func (b *builder) sameSynset(x, y string) bool {
	for _, p := range partsOfSpeech {
		for _, o := range b.wn.senses[p.pos][x] {
			if slices.Contains(b.wn.senses[p.pos][y], o) {
				return true
			}
		}
	}
	return false
}
