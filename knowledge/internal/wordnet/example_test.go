package wordnet_test

import (
	"fmt"

	"github.com/talksbot/talksbot/knowledge/internal/wordnet"
)

func ExampleRelated() {
	e := wordnet.Related("sedan") // the Porter2 stem of "sedan"
	for i := range e.Len() {
		stem, rel := e.At(i)
		fmt.Println(stem, rel)
	}
	// Output:
	// car hypernym
	// automobil hypernym
	// auto hypernym
	// motorcar hypernym
}

func ExampleStartsPhrase() {
	// "United States" in a question: its stems are "unit" and "state".
	if wordnet.StartsPhrase("unit") {
		e := wordnet.Related("unit state")
		for i := range e.Len() {
			stem, rel := e.At(i)
			fmt.Println(stem, rel)
		}
	}
	// Output:
	// america synonym
	// us abbreviation
	// usa abbreviation
}

func ExampleFrequency() {
	// Stems of a question's words: everyday ones are frequent, a specific
	// one is rare, and one WordNet lacks is 0.
	for _, stem := range []string{"previous", "statement", "enrich", "fordow"} {
		fmt.Println(stem, wordnet.Frequency(stem))
	}
	// Output:
	// previous 71
	// statement 70
	// enrich 8
	// fordow 0
}

func ExampleRelated_hyponym() {
	e := wordnet.Related("legislatur") // the stem of "legislature"
	for i := range e.Len() {
		if stem, rel := e.At(i); rel == wordnet.Hyponym {
			fmt.Println(stem)
		}
	}
	// Output:
	// congress
	// senat
	// parliament
}

func ExampleAntonyms() {
	// A draft says "decreased" where its source says "increased".
	source, draft := "increas", "decreas" // the stems
	e := wordnet.Antonyms(source)
	for i := range e.Len() {
		if stem, _ := e.At(i); stem == draft {
			fmt.Println(source, "and", draft, "are opposites")
		}
	}
	// An adjective similar to "large" takes the antonyms of "large".
	e = wordnet.Antonyms("huge")
	for i := range e.Len() {
		stem, rel := e.At(i)
		fmt.Println(stem, rel)
	}
	// Output:
	// increas and decreas are opposites
	// small antonym
	// littl antonym
	// smallest antonym
}

func ExampleRelated_inflection() {
	// "struck" reads as "strike" and reaches what "strike" reaches; the
	// opposites of "win" are those of "won".
	e := wordnet.Related("struck")
	for i := range 3 {
		stem, rel := e.At(i)
		fmt.Println(stem, rel)
	}
	e = wordnet.Antonyms("won")
	for i := range e.Len() {
		stem, rel := e.At(i)
		fmt.Println(stem, rel)
	}
	// Output:
	// strike inflection
	// hit synonym
	// impress synonym
	// lose antonym
	// lost antonym
}
