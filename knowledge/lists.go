package knowledge

import (
	"iter"
	"maps"
	"slices"
	"strings"
)

// A wordList is a fixed list of words that the rules reading a question
// test its words against: "personNouns", "copulas" and a hundred more,
// each asked of the same few words many times per question. Every
// distinct word of every list has a number, kept with its classes in
// wordEntries, so a scanned word brings its number along with its classes
// from the one lookup scanWords makes; the lists that hold the word are
// bits in its row of listMembers, and asking a list of the word is a bit
// test instead of a map lookup. A question's few words keep their few
// rows in cache however many lists ask about them.
//
// The numbers are handed out as the package's variables are initialized,
// before any text is read: nothing scans words while the package
// initializes, and a list made later would leave the words already
// scanned with stale numbers, which newWordList therefore refuses.
type wordList struct {
	// n is the list's bit in a row of listMembers. Bit 0 is no list's,
	// so that the zero wordList holds no word.
	n uint8
}

// maxLists is how many bits a row of listMembers has: one for each word
// list, and bit 0.
const maxLists = 256

// listMembers holds, by word number, the lists that hold the word; row 0,
// for a word in no list, is empty.
var listMembers = make([][maxLists / 64]uint64, 1)

// lists counts the word lists made.
var lists int

// listsSealed is set once the package is initialized: from then on words
// are scanned, and no list may be added.
var listsSealed bool

func init() { listsSealed = true }

// wordSet returns the list of the space-separated words in s.
func wordSet(s string) wordList { return newWordList(strings.FieldsSeq(s)) }

// newWordList returns the list of words, numbering each word that no list
// has yet.
func newWordList(words iter.Seq[string]) wordList {
	if listsSealed {
		panic("knowledge: a word list made after initialization")
	}
	if lists+1 == maxLists {
		panic("knowledge: more word lists than a row of listMembers has bits for")
	}
	lists++
	l := wordList{n: uint8(lists)}
	for w := range words {
		e := wordEntries[w]
		if e.listed == 0 {
			if len(listMembers) > 1<<16-1 {
				panic("knowledge: more listed words than a word's number can hold")
			}
			e.listed = uint16(len(listMembers))
			wordEntries[w] = e
			listMembers = append(listMembers, [maxLists / 64]uint64{})
		}
		listMembers[e.listed][l.n>>6] |= 1 << (l.n & 63)
	}
	return l
}

// has reports whether the list holds w. It reads the number w was given
// when it was scanned: a word made by hand, or whose text changes, must
// take its text by setText.
func (l wordList) has(w word) bool { return l.holds(w.listed) }

// hasText reports whether the list holds the word s: for a string that is
// no scanned word's text, at the cost of a map lookup.
func (l wordList) hasText(s string) bool { return l.holds(wordEntries[s].listed) }

// holds reports whether the list holds the word numbered n.
func (l wordList) holds(n uint16) bool {
	return listMembers[n][l.n>>6]&(1<<(l.n&63)) != 0
}

// A wordMap maps the words of a fixed table to values, as a map keyed by
// their texts does, and tells a word that is no key, most words, by a bit
// test.
type wordMap[V any] struct {
	keys   wordList
	values map[string]V
}

// mapOf returns the table m as a wordMap.
func mapOf[V any](m map[string]V) wordMap[V] {
	return wordMap[V]{keys: newWordList(slices.Values(slices.Sorted(maps.Keys(m)))), values: m}
}

// get returns the value of w, and whether w is a key; as has does, it
// reads the number w was given when it was scanned.
func (m wordMap[V]) get(w word) (V, bool) {
	if !m.keys.has(w) {
		var zero V
		return zero, false
	}
	v, ok := m.values[w.text]
	return v, ok
}

// getText returns the value of the word s, and whether s is a key.
func (m wordMap[V]) getText(s string) (V, bool) {
	v, ok := m.values[s]
	return v, ok
}
