package main

// frequencies returns, for each single-word stem, the summed tag counts
// (cntlist.rev) of every sense of every lemma with that stem, in all parts
// of speech: how often its words occur in the sense-tagged corpus. Stems
// that cannot be keys (stop words, numbers, single letters) and phrases are
// left out, as are stems never tagged.
//
// The index files' tagsense_cnt is no substitute: it is the number of a
// lemma's senses that were tagged at all, not how often they were.
func (b *builder) frequencies() map[string]int {
	freq := make(map[string]int)
	for k, n := range b.wn.counts {
		if n <= 0 {
			continue
		}
		if t, ok := termOf(b.rawOf(k)); ok && !t.phrase {
			freq[t.stem] += n
		}
	}
	return freq
}

// rawOf returns the lemma of sense k as the data file writes it ("US" for
// "us"), which decides whether it is an acronym, or the lemma itself when
// the index does not list the sense: cntlist.rev numbers a few senses that
// WordNet 3.0 no longer has ("doubt" the verb, sense 3).
func (b *builder) rawOf(k senseKey) string {
	offs := b.wn.senses[k.pos][k.lemma]
	if k.num < 1 || k.num > len(offs) {
		return k.lemma
	}
	if s := b.wn.synsets[synsetID{k.pos, offs[k.num-1]}]; s != nil {
		for _, m := range s.members {
			if m.lemma == k.lemma {
				return m.raw
			}
		}
	}
	return k.lemma
}
