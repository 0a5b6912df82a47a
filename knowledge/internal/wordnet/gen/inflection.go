package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// exception is one form-base pair of a WordNet exception list (verb.exc,
// noun.exc, adj.exc, adv.exc): an irregular inflected form and one of its
// bases, in part of speech pos ("struck", "strike", 'v').
type exception struct {
	form, base string
	pos        byte
}

// inflections maps each inflected stem the rules keep to the stems of its
// bases, sorted ("struck" → "strike"; "better" → "good", "well").
type inflections map[string][]string

// inflections returns the irregular inflections of WordNet's exception
// lists that the rules keep; see judge.
func (b *builder) inflections() inflections {
	in := make(inflections)
	for _, e := range slices.Concat(b.wn.exceptions, b.comparatives()) {
		if form, base, why := b.judge(e); why == "" {
			in[form] = append(in[form], base)
		}
	}
	for form, bases := range in {
		slices.Sort(bases)
		in[form] = slices.Compact(bases)
	}
	return in
}

// comparatives returns the regular comparatives and superlatives of
// adjectives that the exception lists leave to WordNet's rules of
// detachment ("wider" from "wide", "newest" from "new"; "bigger" and
// "happier" are listed) and Porter2 leaves as they are: each a form
// "er", "est" (or "r", "st" after an "e") on a one-word adjective, which
// the word lists hold and WordNet does not know as a word of its own
// ("later", "closer" and "modest" are).
func (b *builder) comparatives() []exception {
	listed := make(map[string]bool)
	for _, e := range b.wn.exceptions {
		listed[e.form] = true
	}
	var out []exception
	for _, base := range slices.Sorted(maps.Keys(b.wn.senses['a'])) {
		if strings.IndexFunc(base, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
			continue
		}
		suffixes := []string{"er", "est"}
		if strings.HasSuffix(base, "e") {
			suffixes = []string{"r", "st"}
		}
		for _, suf := range suffixes {
			form := base + suf
			if listed[form] || !b.known[form] || b.polysemy(form) > 0 {
				continue
			}
			out = append(out, exception{form: form, base: base, pos: 'a'})
		}
	}
	return out
}

// judge returns the stems of exception e's form and base, and why the rules
// drop it: "" when they keep it. They keep a form and a base that are single
// words of the word lists with different stems (most of verb.exc's
// "abetted abet" Porter2 joins already), whose base is a main word of its
// stem in the exception's part of speech, or the form would take another
// word's relations ("reis", the coins, those of "real" the adjective;
// "manlier" those of "man", for "manly"), and whose form is no word of its
// own: see ownSense.
func (b *builder) judge(e exception) (form, base, why string) {
	f, okF := termOf(e.form)
	t, okB := termOf(e.base)
	switch {
	case !okF || !okB || f.phrase || t.phrase:
		return "", "", "not two single words"
	case f.stem == t.stem:
		return "", "", "one stem"
	case !b.known[e.form] || !b.known[e.base]:
		return "", "", "not in the word lists"
	case !b.majorPOS(e.base, e.pos) || !b.mainLemma(e.base, t.stem):
		return "", "", fmt.Sprintf("%q is not the main word of its stem as a %s", e.base, posNames[e.pos])
	}
	if s, ok := b.ownSense(e, f.stem); ok {
		return "", "", fmt.Sprintf("a word of its own: %s#%c%d, %d tags", s.lemma, s.pos, s.num, s.tags)
	}
	return f.stem, t.stem, ""
}

// mainLemma reports whether lemma is its stem's most tagged lemma or has
// at least half its tags: the stem stands for it, so that a form may take
// the stem's relations. A derived word is not enough, as it is for
// majorLemma: "manly" is derived from "man", but "manlier" should not take
// the relations of "man".
func (b *builder) mainLemma(lemma, stem string) bool {
	top := b.stemTop[stem]
	return lemma == top || (b.lemmaTags[lemma]+1)*minStemShare >= b.lemmaTags[top]+1
}

// taggedSense is one sense of a lemma and its tag count.
type taggedSense struct {
	lemma string
	pos   byte
	num   int
	tags  int
}

// ownSense returns a sense that makes e's form a word of its own, of which
// the corpus tags a frequent sense: the most tagged, if any. The tags of
// the form used as its base's inflection go to the base, so a tag of the
// form's own is evidence of another word in running text ("found", to
// establish; "saw", to cut), and one suffices; an untagged sense ("won",
// the currency) is too rare to outweigh the inflection. Not counted are the
// form's senses in the parts of speech its inflection fills, which are the
// inflection itself: an adjective for a verb's participle ("lost",
// "known"), an adjective or adverb for a comparative ("better"); nor a
// sense whose synset holds the base. Another word with the form's stem
// (Porter2's doing: "range" beside "rang", "live" beside "lives") counts
// when its sense has at least a quarter of the base's tags: the stem is
// then as much that word's ("analyse", 2 tags, does not keep "analyses"
// from "analysis", 52).
func (b *builder) ownSense(e exception, stem string) (taggedSense, bool) {
	var best taggedSense
	for _, l := range b.stemLemmas[stem] {
		for num, off := range b.wn.senses[l.pos][l.lemma] {
			num++
			tags := b.wn.counts[senseKey{l.lemma, l.pos, num}]
			if tags <= best.tags || !b.frequent(l.lemma, l.pos, num, false) || b.holds(synsetID{l.pos, off}, e.base) {
				continue
			}
			if l.lemma == e.form && inflectionPOS(e.pos, l.pos) || l.lemma != e.form && tags*minShare < b.lemmaTags[e.base] {
				continue
			}
			best = taggedSense{l.lemma, l.pos, num, tags}
		}
	}
	return best, best.tags > 0
}

// inflectionPOS reports whether a lemma's senses in part of speech pos are
// those of an inflected form of a word in part of speech base.
func inflectionPOS(base, pos byte) bool {
	switch base {
	case 'v':
		return pos == 'a'
	case 'a', 'r':
		return pos == 'a' || pos == 'r'
	}
	return pos == base
}

// holds reports whether synset id has lemma as a member.
func (b *builder) holds(id synsetID, lemma string) bool {
	s := b.wn.synsets[id]
	return s != nil && slices.ContainsFunc(s.members, func(m member) bool { return m.lemma == lemma })
}

// findStemLemmas indexes every single-word lemma, in each part of speech,
// by its stem, in byte order of the lemmas.
func (b *builder) findStemLemmas() {
	for _, p := range partsOfSpeech {
		for _, l := range slices.Sorted(maps.Keys(b.wn.senses[p.pos])) {
			if t, ok := termOf(b.rawOf(senseKey{l, p.pos, 1})); ok && !t.phrase {
				b.stemLemmas[t.stem] = append(b.stemLemmas[t.stem], lemmaPOS{l, p.pos})
			}
		}
	}
}

var posNames = map[byte]string{'n': "noun", 'v': "verb", 'a': "adjective", 'r': "adverb"}

// forms returns each base stem's inflected stems, sorted.
func (in inflections) forms() map[string][]string {
	out := make(map[string][]string)
	for _, form := range slices.Sorted(maps.Keys(in)) {
		for _, base := range in[form] {
			out[base] = append(out[base], form)
		}
	}
	return out
}

// addTo relates each inflected stem and its bases as inflections, both
// ways, and the inflected stems of one base to one another ("began",
// "begun"), unless they are spellings of one another ("swop", "swap"),
// then gives each inflected stem the relations its bases have:
// "struck" is "strike", and reaches what "strike" reaches. A base's
// spellings are not inherited: they spell the base, not the form. The
// relations inherited are those from before any inheritance, so the order
// of the stems does not matter. Each inflection's score is its target's
// frequency, so the commoner base comes first ("good" before "well").
func (in inflections) addTo(rel relations, freq map[string]int) {
	from := make(map[string]map[string]link)
	forms := in.forms()
	for base := range forms {
		from[base] = maps.Clone(rel[base])
	}
	both := func(x, y string) {
		if rel[x][y].rel != spelling { // "dialled" is a spelling of "dialed" before an inflection of "dial"
			rel.add(x, y, inflection, freq[y])
			rel.add(y, x, inflection, freq[x])
		}
	}
	for form, bases := range in {
		for _, base := range bases {
			both(form, base)
			for _, sibling := range forms[base] {
				both(form, sibling)
			}
			for t, l := range from[base] {
				if l.rel != spelling {
					rel.add(form, t, l.rel, l.score)
				}
			}
		}
	}
}

// inheritFrequency gives each inflected stem the highest frequency of its
// bases when that is higher than its own: the concordances tag "struck"
// under "strike", and it is the same word. It reads the frequencies from
// before any inheritance.
func (in inflections) inheritFrequency(freq map[string]int) {
	was := maps.Clone(freq)
	for form, bases := range in {
		for _, base := range bases {
			freq[form] = max(freq[form], was[base])
		}
	}
}
