package main

import (
	"slices"
	"strings"
)

// detachments are WordNet's rules of detachment (morphy(7WN)): the suffix
// of an inflected form and what replaces it to give a base, by part of
// speech. Adverbs have none.
var detachments = map[byte][][2]string{
	'n': {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	'v': {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	'a': {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
}

// reading is how often WordNet's corpus tags a word in one part of speech,
// and how many senses it has there.
type reading struct{ tagged, senses int }

// more reports whether r is the more frequent reading: tagged more often,
// or, neither being tagged, with more senses.
func (r reading) more(o reading) bool {
	if r.tagged != o.tagged {
		return r.tagged > o.tagged
	}
	return r.tagged == 0 && r.senses > o.senses
}

// firstIn returns, sorted, the lower-case words of the word lists whose
// most frequent part of speech in WordNet is partsOfSpeech[pos]: for the
// adjective "tougher", "messy", "temporary", but not "sink", "backer" nor
// "signed"; for the verb "passed", "met", "signed", but not "talks" nor
// "vote" (as often a noun). WordNet's corpus tags some words of news as
// verbs more often than as nouns ("deal", "work", "process"), and so
// lists them here. A word that WordNet holds is read as itself, in each
// part of speech it has, and an adjective that is a participle as its
// verb too; any other word as its bases (an exception list's, or what a
// rule of detachment gives: "tougher" as "tough"), in each part of speech
// as its most frequent base. The part of speech must be strictly more
// frequent than every other (see more).
func firstIn(wn *wordNet, pos int, lists ...wordList) []string {
	irregular := make(map[string][]exception)
	for _, e := range wn.exceptions {
		irregular[e.form] = append(irregular[e.form], e)
	}
	seen := make(map[string]bool)
	var out []string
	for _, l := range lists {
		for w := range l.lower {
			if seen[w] {
				continue
			}
			seen[w] = true
			if p, ok := mostFrequent(wn, irregular, w); ok && p == pos {
				out = append(out, w)
			}
		}
	}
	slices.Sort(out)
	return out
}

// The places in partsOfSpeech of the verb and the adjective.
const verbPOS, adjectivePOS = 1, 2

// adjectiveFirst reports whether word's most frequent part of speech is the
// adjective; see firstIn.
func adjectiveFirst(wn *wordNet, irregular map[string][]exception, word string) bool {
	p, ok := mostFrequent(wn, irregular, word)
	return ok && p == adjectivePOS
}

// mostFrequent returns the place in partsOfSpeech of word's most frequent
// part of speech, and whether one is strictly more frequent than the
// others; see firstIn.
func mostFrequent(wn *wordNet, irregular map[string][]exception, word string) (int, bool) {
	var best [4]reading
	var found [4]bool
	consider := func(i int, base string) {
		p := partsOfSpeech[i].pos
		offs, ok := wn.senses[p][base]
		if !ok {
			return
		}
		r := reading{tagged: wn.tagged[p][base], senses: len(offs)}
		if !found[i] || r.more(best[i]) {
			best[i], found[i] = r, true
		}
	}
	for i := range partsOfSpeech {
		consider(i, word)
	}
	if found[adjectivePOS] {
		// A participle is its verb's too ("signed", "frozen", "elected"):
		// the verb's reading counts beside the adjective's.
		for _, e := range irregular[word] {
			if e.pos == 'v' {
				consider(verbPOS, e.base)
			}
		}
		for _, d := range detachments['v'] {
			if base, ok := strings.CutSuffix(word, d[0]); ok && d[0] == "ed" && base != "" {
				consider(verbPOS, base+d[1])
			}
		}
	}
	if found == [4]bool{} {
		// No word of WordNet's own: read it as its bases.
		for i, p := range partsOfSpeech {
			for _, e := range irregular[word] {
				if e.pos == p.pos {
					consider(i, e.base)
				}
			}
			for _, d := range detachments[p.pos] {
				if base, ok := strings.CutSuffix(word, d[0]); ok && base != "" {
					consider(i, base+d[1])
				}
			}
		}
	}
	first := -1
	for i := range partsOfSpeech {
		if found[i] && (first < 0 || best[i].more(best[first])) {
			first = i
		}
	}
	if first < 0 {
		return 0, false
	}
	for i := range partsOfSpeech {
		if i != first && found[i] && !best[first].more(best[i]) {
			return 0, false
		}
	}
	return first, true
}
