package main

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/talksbot/talksbot/knowledge"
	"github.com/talksbot/talksbot/knowledge/synthetic"
)

// corpus is one synthetic corpus and the questions asked of it. Both engines
// index the same documents; they are the bench's, allocated before either
// engine is weighed, so neither is charged for them.
type corpus struct {
	passages int
	docs     []*knowledge.Document
	queries  []string
	words    int           // words in all passages
	took     time.Duration // to generate docs and queries
}

// newCorpus generates n passages and the questions asked of them.
func newCorpus(n, queries int, seed int64) *corpus {
	start := time.Now()
	c := &corpus{passages: n, docs: synthetic.Documents(n, seed)}
	c.queries = synthetic.Queries(c.docs, queries, seed)
	c.took = time.Since(start)
	for _, p := range passages(c.docs) {
		c.words += len(strings.Fields(p.Text))
	}
	return c
}

// trial is what one engine measured on one corpus, and all the memory the
// bench uses to measure it. newTrial allocates every slice in full, before
// the baseline heap reading, and nothing in a trial grows afterwards.
type trial struct {
	engine   string
	builds   []time.Duration      // one a build; sorted when done
	lat      []time.Duration      // one a timed search, rounds × questions; sorted when done
	top1     []string             // per question, the ID of the top passage, "" for none
	dst      []*knowledge.Passage // the result buffer every search appends to
	answered int                  // questions with at least one passage
	heap     uint64               // live heap held by the first index, after its searches
}

// newTrial allocates a trial for cfg's builds and rounds over n questions.
func newTrial(cfg config, n int) *trial {
	return &trial{
		builds: make([]time.Duration, cfg.builds),
		lat:    make([]time.Duration, cfg.rounds*n),
		top1:   make([]string, n),
		dst:    make([]*knowledge.Passage, 0, topK),
	}
}

// runSize generates a corpus of n passages, measures every engine on it and
// prints their rows and the RATIO line.
func runSize(w io.Writer, cfg config, n int) error {
	c := newCorpus(n, cfg.queries, cfg.seed)
	// Both engines' trials are allocated before the first one is weighed.
	trials := make([]*trial, len(engines))
	for i := range trials {
		trials[i] = newTrial(cfg, len(c.queries))
	}
	for i, e := range engines {
		if err := trials[i].measure(e, c); err != nil {
			return fmt.Errorf("%s, %d passages: %w", e.name, n, err)
		}
	}
	return printSpeed(w, c, trials)
}

// measure builds e's index over c, searches it and weighs it, then times the
// remaining builds. The live heap is read just before the first build and
// again after its searches, while that index is still live; the difference
// is the engine's heap. The corpus and the trial, allocated before the first
// reading, are kept alive past the second.
func (t *trial) measure(e engine, c *corpus) error {
	t.engine = e.name
	before := liveHeap()
	start := time.Now()
	s, err := e.build(c.docs)
	t.builds[0] = time.Since(start)
	if err != nil {
		return fmt.Errorf("build index: %w", err)
	}
	err = t.search(s, c.queries)
	after := liveHeap()
	runtime.KeepAlive(s)
	runtime.KeepAlive(c)
	runtime.KeepAlive(t)
	if after > before {
		t.heap = after - before
	}
	if cerr := s.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close index: %w", cerr)
	}
	if err != nil {
		return err
	}
	for i := 1; i < len(t.builds); i++ {
		if t.builds[i], err = timeBuild(e, c.docs); err != nil {
			return err
		}
	}
	slices.Sort(t.builds)
	slices.Sort(t.lat)
	return nil
}

// search asks s every question once to warm up, recording the top passage
// of each, then times every question in each of the rounds that t.lat holds.
func (t *trial) search(s searcher, queries []string) error {
	for i, q := range queries {
		ps, err := s.Search(q, topK, t.dst[:0])
		if err != nil {
			return fmt.Errorf("search %q: %w", q, err)
		}
		if len(ps) > 0 {
			t.top1[i] = ps[0].ID
			t.answered++
		}
	}
	for r := range len(t.lat) / max(len(queries), 1) {
		for i, q := range queries {
			start := time.Now()
			_, err := s.Search(q, topK, t.dst[:0])
			t.lat[r*len(queries)+i] = time.Since(start)
			if err != nil {
				return fmt.Errorf("search %q: %w", q, err)
			}
		}
	}
	return nil
}

// timeBuild builds and closes an index of docs and returns how long the
// build took. It collects garbage first so that no earlier index is
// collected on the build's clock.
func timeBuild(e engine, docs []*knowledge.Document) (time.Duration, error) {
	runtime.GC()
	start := time.Now()
	s, err := e.build(docs)
	d := time.Since(start)
	if err != nil {
		return 0, fmt.Errorf("build index: %w", err)
	}
	if err := s.Close(); err != nil {
		return 0, fmt.Errorf("close index: %w", err)
	}
	return d, nil
}
