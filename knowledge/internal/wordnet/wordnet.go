package wordnet

import (
	_ "embed"
	"iter"
	"strings"
	"sync"

	"github.com/talksbot/talksbot/knowledge/internal/keyindex"
	"github.com/talksbot/talksbot/knowledge/internal/lines"
)

//go:generate go run ./gen -wordnet /usr/share/wordnet -british /usr/share/dict/british-english -american /usr/share/dict/american-english -o table.bin -adjectives adjectives.txt -verbs verbs.txt

// table is the generated table; see gen/table.go for its layout. As a
// string it stays in read-only memory and slicing it never allocates.
//
//go:embed table.bin
var table string

// adjectiveList is the generated list of words whose most frequent part of
// speech is the adjective: one word a line, sorted.
//
//go:embed adjectives.txt
var adjectiveList string

var adjectiveLookup = lines.New(adjectiveList)

// LoadAdjectives indexes the adjective list now, as its first lookup
// would; AdjectivesLoaded reports whether it is indexed.
func LoadAdjectives()        { adjectiveLookup.Load() }
func AdjectivesLoaded() bool { return adjectiveLookup.Loaded() }

// Adjective reports whether word, a lower-case word as written (not a
// stem), is most often an adjective: one of the word lists' words whose
// adjective senses WordNet's corpus tags more often than its senses in any
// other part of speech (or, none being tagged, that has more of them).
// "tougher", "messy" and "temporary" are; "concrete" (a noun first),
// "signed" (its verb's participle first) and "unbridgeable" (no WordNet
// word) are not.
func Adjective(word string) bool {
	_, ok := adjectiveLookup.Find(word)
	return ok
}

// verbList is the generated list of words whose most frequent part of
// speech is the verb: one word a line, sorted.
//
//go:embed verbs.txt
var verbList string

var verbLookup = lines.New(verbList)

// LoadVerbs indexes the verb list now, as its first lookup would;
// VerbsLoaded reports whether it is indexed.
func LoadVerbs()        { verbLookup.Load() }
func VerbsLoaded() bool { return verbLookup.Loaded() }

// Verb reports whether word, a lower-case word as written (not a stem),
// is most often a verb, in the sense Adjective gives: "passed", "met" and
// "improve" are; "talks" (a noun first), "vote" (as often one as the
// other) and "negotiatons" (no WordNet word) are not.
func Verb(word string) bool {
	_, ok := verbLookup.Find(word)
	return ok
}

// Relation says how a word relates to the one looked up. Inflection, then
// Spelling to Hyponym, then LooseSynonym, relate words that may stand for
// one another, strongest first; Antonym is apart from them: an opposite,
// which Antonyms returns and Related never does. Values do not follow
// strength (Inflection and LooseSynonym came last): compare relations by
// their place in a key's entries, not by value.
type Relation uint8

// The relations: Spelling to Hyponym, which a word may be expanded with,
// strongest first; Antonym; Inflection, added later, which is stronger
// than all; and LooseSynonym, added last, weaker than Hyponym (a key lists
// its loose synonyms after its hyponyms, then its antonyms).
const (
	Spelling     Relation = iota + 1 // a British/American spelling variant ("colour"/"color")
	Synonym                          // shares a frequent sense ("help"/"aid")
	Abbreviation                     // an acronym of the phrase, or its expansion ("us" ↔ "unit state")
	Derived                          // a derivationally related form ("decide"/"decision")
	Hypernym                         // a more general word ("sedan" → "car")
	Hyponym                          // a more specific word ("legislature" → "parliament")
	Antonym                          // an opposite ("increase" ↔ "decrease"); never for expansion
	Inflection                       // the same word, another form ("struck" ↔ "strike"); first among a key's entries
	LooseSynonym                     // shares a less frequent sense ("yield"/"concede"); after Hyponym, before Antonym
)

// String returns the relation's name in lower case.
func (r Relation) String() string {
	switch r {
	case Spelling:
		return "spelling"
	case Synonym:
		return "synonym"
	case Abbreviation:
		return "abbreviation"
	case Derived:
		return "derived"
	case Hypernym:
		return "hypernym"
	case Hyponym:
		return "hyponym"
	case Antonym:
		return "antonym"
	case Inflection:
		return "inflection"
	case LooseSynonym:
		return "loose synonym"
	}
	return "invalid"
}

// Layout constants, shared with gen/table.go.
const (
	magic      = "WNT3"
	headerSize = 16
	keySize    = 8
	entrySize  = 3
	poolBits   = 20
	entryBits  = 23
	phraseFlag = 1 << entryBits
)

// The table's sections, sliced from it once at init.
var pool, keys, entries, nKeys = sections(table)

// sections splits the table into its pool, key records and entries.
func sections(t string) (pool, keys, entries string, n int) {
	if len(t) < headerSize || t[:len(magic)] != magic {
		panic("wordnet: table.bin is not a table; run go generate")
	}
	n = int(u32(t[4:]))
	poolLen, nEntries := int(u32(t[8:])), int(u32(t[12:]))
	keysAt := headerSize + poolLen
	entriesAt := keysAt + (n+1)*keySize
	if len(t) != entriesAt+nEntries*entrySize {
		panic("wordnet: table.bin has the wrong size; run go generate")
	}
	return t[headerSize:keysAt], t[keysAt:entriesAt], t[entriesAt:], n
}

func u32(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func u16(s string, i int) uint16 { return uint16(s[i]) | uint16(s[i+1])<<8 }

func u24(s string, i int) int {
	return int(s[i]) | int(s[i+1])<<8 | int(s[i+2])<<16
}

// word returns the stem at pool offset off.
func word(off int) string {
	n := int(pool[off])
	return pool[off+1 : off+1+n]
}

// key returns the stem of key i.
func key(i int) string { return word(u24(keys, i*keySize)) }

// keyIndex finds a key without a binary search's cache misses; built on
// first use, so that a program that never looks a stem up pays nothing
// at start-up.
var keyIndex = sync.OnceValue(func() *keyindex.Index { return keyindex.New(nKeys, key) })

// find returns the index of the key stem, and whether it is there.
func find(stem string) (int, bool) {
	return keyIndex().Find(stem, key)
}

// lowerBound returns the index of the first key not before stem in byte
// order, nKeys when there is none.
func lowerBound(stem string) int {
	lo, hi := 0, nKeys
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if key(m) < stem {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// entriesOf returns the entries of key i: its related words, then its
// antonyms.
func entriesOf(i int) Entries {
	from := u24(keys, i*keySize+3) &^ phraseFlag
	to := u24(keys, (i+1)*keySize+3) &^ phraseFlag
	return Entries{entries[from*entrySize : to*entrySize]}
}

// split divides a key's entries into its related words and its antonyms,
// which come last: at most eight, so the scan back is short.
func (e Entries) split() (related, antonyms Entries) {
	n := len(e.recs)
	// An entry's relation is the top 4 bits of its last byte.
	for n > 0 && Relation(e.recs[n-1]>>(poolBits-16)) == Antonym {
		n -= entrySize
	}
	return Entries{e.recs[:n]}, Entries{e.recs[n:]}
}

// Frequency returns how common the words with stem are in general
// English: how many times WordNet's semantic concordances (about 259,000
// tagged words, mostly of the Brown Corpus) tag any sense of any word with
// that stem, capped at 65,535. A British stem counts as often as its
// American counterpart. It is 0 for a stem never tagged, a phrase, a stop
// word, or a word WordNet lacks (function words such as "everyone", names).
// For scale: "peopl" is 291, "statement" 70, "principl" 36,
// "centrifug" 12, "enrich" 8, "fordow" 0. It never allocates.
func Frequency(stem string) uint32 {
	i, ok := find(stem)
	if !ok {
		return 0
	}
	return uint32(u16(keys, i*keySize+6))
}

// Entries is a view into the table: the words related to one key,
// strongest relation first, then the most frequent; or its antonyms, the
// most frequent first. The zero value is empty.
type Entries struct {
	recs string
}

// Len returns the number of entries.
func (e Entries) Len() int { return len(e.recs) / entrySize }

// At returns entry i, 0 <= i < e.Len(): a related word's stem (words
// joined by single spaces for a phrase) and how it relates to the key.
func (e Entries) At(i int) (stem string, rel Relation) {
	v := u24(e.recs, i*entrySize)
	return word(v & (1<<poolBits - 1)), Relation(v >> poolBits)
}

// Related returns the words related to stem, strongest relation first, at
// most 16: the words a question's word may be expanded with. It never
// returns an Antonym; see Antonyms. It returns none for a stem the table
// does not know or knows only the frequency of. A stem is a Porter2 stem as
// english.Stem(word, true) makes it, an acronym's letters in lower case
// ("us", "iaea"), or a phrase of stems joined by single spaces ("unit
// state"). It never allocates.
func Related(stem string) Entries {
	i, ok := find(stem)
	if !ok {
		return Entries{}
	}
	related, _ := entriesOf(i).split()
	return related
}

// Antonyms returns the opposites of stem ("decreas" for "increas"), each
// with the relation Antonym, the most frequent first, at most eight; none
// for a stem that has none. Antonymy is symmetric: b is among a's antonyms
// exactly when a is among b's. No antonym of a stem is also among its
// Related words. Stems are as for Related, but only single words have
// antonyms. It never allocates.
func Antonyms(stem string) Entries {
	i, ok := find(stem)
	if !ok {
		return Entries{}
	}
	_, antonyms := entriesOf(i).split()
	return antonyms
}

// StartsPhrase reports whether some key phrase begins with stem ("unit"
// begins "unit state"), so that a caller need try the bigrams and trigrams
// starting at a word only when it does. It never allocates.
func StartsPhrase(stem string) bool {
	if strings.IndexByte(stem, ' ') >= 0 {
		return false
	}
	i, ok := find(stem)
	return ok && u24(keys, i*keySize+3)&phraseFlag != 0
}

// All yields every key with all its entries, in byte order of the keys:
// its Related words, then its Antonyms, which are last. Keys that only
// begin phrases or carry a frequency have no entries and are skipped.
func All() iter.Seq2[string, Entries] {
	return func(yield func(string, Entries) bool) {
		for i := range nKeys {
			if e := entriesOf(i); e.Len() > 0 && !yield(key(i), e) {
				return
			}
		}
	}
}

// Known reports whether stem is one of the table's keys: a word or phrase
// of WordNet or of the word lists, with or without related words.
func Known(stem string) bool {
	_, ok := find(stem)
	return ok
}

// Nearest returns the key one edit away from stem (a letter replaced,
// added or dropped, or two adjacent letters swapped) that WordNet's tagged
// texts use most, for correcting a misspelt word ("recomend" for
// "recommend", "acheiv" for "achiev"). Only single words of at least
// minNearest letters that share stem's first letter are candidates:
// people seldom get the first letter wrong, and it bounds the search to
// one letter's keys. It returns the key and its Frequency, 0 when no
// tagged key is that close. It never allocates.
func Nearest(stem string) (string, uint32) {
	if len(stem) < minNearest {
		return "", 0
	}
	first := stem[:1]
	lo := lowerBound(first)
	best, bestFreq := "", uint32(0)
	for i := lo; i < nKeys; i++ {
		k := key(i)
		if !strings.HasPrefix(k, first) {
			break
		}
		if len(k) < minNearest || abs(len(k)-len(stem)) > 1 || !OneEdit(k, stem) {
			continue
		}
		if f := uint32(u16(keys, i*keySize+6)); f > bestFreq && strings.IndexByte(k, ' ') < 0 {
			best, bestFreq = k, f
		}
	}
	return best, bestFreq
}

// minNearest is the shortest stem Nearest corrects or offers: a short
// word has too many neighbours one edit away to guess among.
const minNearest = 5

// OneEdit reports whether a and b differ by exactly one edit: a letter
// replaced, added or dropped, or two adjacent letters swapped (the optimal
// string alignment distance is 1). It compares bytes and never allocates.
// A general edit distance would fill a table per pair; Nearest tries
// thousands of keys for one word and needs only this bound.
func OneEdit(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 || a == b {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) > len(b) {
		return a[i+1:] == b[i:] // a letter added
	}
	if a[i+1:] == b[i+1:] {
		return true // replaced
	}
	// swapped
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
