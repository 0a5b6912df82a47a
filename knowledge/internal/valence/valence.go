// Package valence says which way an English word leans: towards approval,
// gain and success ("strengthen", "support", "revive") or towards
// disapproval, loss and failure ("weaken", "undermine", "stall"), so that
// a checker can tell a word put in another's place to say the opposite
// ("stalled" where the source says "reinvigorated") from one put there to
// say the same in other words ("revived").
//
// It is a table generated from the VADER sentiment lexicon (Hutto and
// Gilbert, 2014), as published in the npm package vader-sentiment 1.1.3
// (licence and notice beside this file): each word's mean rating by its
// raters, from -4 to 4. Keys are stems as knowledge computes them (Porter2,
// english.Stem(word, true)); words sharing a stem are averaged, and a stem
// within half a point of 0 does not lean. To regenerate it:
//
//	npm pack vader-sentiment@1.1.3 && tar xzf vader-sentiment-1.1.3.tgz
//	TALKSBOT_VADER_LEXICON=$PWD/package/vader_lexicon.txt go generate ./knowledge/internal/valence
package valence

import (
	_ "embed"
	"strings"
	"sync"
)

//go:generate sh -c "go run ./gen -vader \"$TALKSBOT_VADER_LEXICON\" -o table.txt"

//go:embed table.txt
var table string

// minBase is the shortest stem the prefix un- may deny.
const minBase = 4

var (
	loadOnce sync.Once
	leans    map[string]int8
)

func load() {
	leans = make(map[string]int8, strings.Count(table, "\n"))
	for line := range strings.Lines(table) {
		stem, sign, _ := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		if sign == "-" {
			leans[stem] = -1
		} else {
			leans[stem] = 1
		}
	}
}

// Of returns which way the word with this stem leans: 1 towards approval,
// -1 towards disapproval, 0 neither or not known. A stem the table lacks
// that the prefix un- makes from one it has leans the other way
// ("unwelcom" from "welcom").
func Of(stem string) int {
	loadOnce.Do(load)
	if v, ok := leans[stem]; ok {
		return int(v)
	}
	if base, ok := strings.CutPrefix(stem, "un"); ok && len(base) >= minBase {
		return -int(leans[base])
	}
	return 0
}
