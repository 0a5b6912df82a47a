// Package synthetic generates a deterministic synthetic corpus and question set
// for talksbot's benchmarks and for the side-by-side comparison with bleve under
// bench/.
//
// The corpus imitates English prose where it matters to retrieval: a few
// function words make up close to half of all tokens, content words follow a
// Zipf-like law over a few thousand stems (each with inflected variants, so a
// stemmer has real work), a long tail of rare words appears once or twice, and
// each section leans on a handful of topic words so that documents differ. The
// words themselves are invented from syllables. Passages run to about 60 words,
// split into sentences whose offsets obey knowledge.Sentence.
//
// The same seed always yields the same corpus and the same questions.
package synthetic
