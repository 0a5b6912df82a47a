package main

import (
	"fmt"
	"io"
	"strings"
)

// explain prints, for each part of speech and sense of lemma, its tag
// count, whether the rules count it as frequent, its synset's number of
// direct hyponyms and instances (over maxNarrower gives none), its members
// (with each one's sense number) and its hypernyms (with depth, direct
// hyponyms, lexicographer file and whether they are too general). Before
// the senses it prints the lemma's frequency and whether it is a major
// lemma of its stem.
func (b *builder) explain(w io.Writer, lemma string) {
	if t, ok := termOf(lemma); ok && !t.phrase {
		fmt.Fprintf(w, "%s (stem %s, tags %d, stem's frequency %d, major %v)\n",
			lemma, t.stem, b.lemmaTags[lemma], b.frequencies()[t.stem], b.majorLemma(lemma, t.stem))
	} else {
		fmt.Fprintln(w, lemma)
	}
	for _, p := range partsOfSpeech {
		for i, off := range b.wn.senses[p.pos][lemma] {
			num := i + 1
			s := b.wn.synsets[synsetID{p.pos, off}]
			var ms []string
			for _, m := range s.members {
				ms = append(ms, fmt.Sprintf("%s#%d", m.raw, b.wn.senseNum(m.lemma, s.id)))
			}
			var hs []string
			for _, ptr := range s.ptrs {
				if ptr.sym == "@" || ptr.sym == "@i" || ptr.sym == "&" && s.satellite {
					h := b.wn.synsets[ptr.to]
					hs = append(hs, fmt.Sprintf("%s(depth %d, hyponyms %d, file %d, general %v)",
						h.members[0].raw, b.depth[h.id], b.hyponymN[h.id], h.lexfile, b.tooGeneral(h)))
				}
			}
			fmt.Fprintf(w, "  %c%d tags=%d frequent=%v hyponyms=%d [%s] -> %s\n", p.pos, num, b.wn.counts[senseKey{lemma, p.pos, num}],
				b.frequent(lemma, p.pos, num, false), b.narrower(s), strings.Join(ms, " "), strings.Join(hs, " "))
		}
	}
}
