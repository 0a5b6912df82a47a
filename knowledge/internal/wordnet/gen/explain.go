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
// hyponyms, lexicographer file and whether they are too general), then its
// antonym pointers and, for a satellite, its head's (see explainAntonyms).
// Before the senses it prints the lemma's frequency, whether it is a
// major lemma of its stem, and, for an irregular inflected form, whether
// the rules keep it as an inflection of its base (see judge).
func (b *builder) explain(w io.Writer, lemma string) {
	if t, ok := termOf(lemma); ok && !t.phrase {
		fmt.Fprintf(w, "%s (stem %s, tags %d, stem's frequency %d, major %v)\n",
			lemma, t.stem, b.lemmaTags[lemma], b.frequencies()[t.stem], b.majorLemma(lemma, t.stem))
	} else {
		fmt.Fprintln(w, lemma)
	}
	for _, e := range b.wn.exceptions {
		if e.form == lemma {
			form, base, why := b.judge(e)
			if why == "" {
				why = fmt.Sprintf("kept: %s → %s", form, base)
			}
			fmt.Fprintf(w, "  inflection of %s (%s): %s\n", e.base, posNames[e.pos], why)
		}
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
			fmt.Fprintf(w, "  %c%d tags=%d frequent=%v hyponyms=%d [%s] -> %s%s\n", p.pos, num, b.wn.counts[senseKey{lemma, p.pos, num}],
				b.frequent(lemma, p.pos, num, false), b.narrower(s), strings.Join(ms, " "), strings.Join(hs, " "), b.explainAntonyms(s, lemma))
		}
	}
}

// explainAntonyms describes the antonym pointers of lemma in s, each
// target with its sense number and whether that sense is a frequent one,
// and for a satellite those of its head, which it may take.
func (b *builder) explainAntonyms(s *synset, lemma string) string {
	var out strings.Builder
	describe := func(from *synset, p pointer) string {
		t, ok := b.antonymPointer(from, p)
		if !ok {
			return ""
		}
		m := t.members[p.dst-1]
		y, freq := b.memberSense(t, p.dst-1)
		return fmt.Sprintf(" %s#%d(stem %q, frequent %v)", m.raw, b.wn.senseNum(m.lemma, t.id), y.stem, freq)
	}
	for _, p := range s.ptrs {
		if p.src > 0 && p.src <= len(s.members) && s.members[p.src-1].lemma == lemma {
			if d := describe(s, p); d != "" {
				out.WriteString(" !" + d)
			}
		}
		if p.sym == "&" && s.satellite {
			if h := b.wn.synsets[p.to]; h != nil {
				for _, q := range h.ptrs {
					if d := describe(h, q); d != "" {
						fmt.Fprintf(&out, " !(head %s)%s", h.members[q.src-1].raw, d)
					}
				}
			}
		}
	}
	return out.String()
}
