package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/talksbot/talksbot/knowledge"
)

// memStats receives liveHeap's readings: a package variable, so that
// reading the heap allocates nothing.
var memStats runtime.MemStats

// liveHeap collects garbage and returns the bytes of live heap objects.
//
// HeapAlloc after runtime.GC is the live heap: GC returns once the cycle's
// sweep is done, so no unreachable object is left in the count, and nothing
// is allocated before the reading. It counts objects, not the spans that
// hold them (HeapInuse, which adds the unused tails of partly filled spans
// and so depends on what else shares them), nor memory the runtime keeps
// idle or has returned to the OS (HeapSys, RSS), which depends on the
// scavenger's timing.
func liveHeap() uint64 {
	runtime.GC()
	// A second cycle frees what the first one's finalizers released, and
	// what sync.Pools had moved to their victim caches.
	runtime.GC()
	runtime.ReadMemStats(&memStats)
	return memStats.HeapAlloc
}

// warmUp builds each engine's index over the article, asks it set's
// questions and drops it, before any corpus is weighed. Whatever an engine
// allocates on first use and keeps for every later index (analysers,
// lexicons, caches) is thereby in every baseline, at every size; shared[i]
// is how much engines[i] kept, which warmUp prints to w.
func warmUp(w io.Writer, set *questionSet) error {
	shared := make([]uint64, len(engines))
	dst := make([]*knowledge.Passage, 0, topK)
	for i, e := range engines {
		before := liveHeap()
		if err := warm(e, set, dst); err != nil {
			return fmt.Errorf("%s: warm up: %w", e.name, err)
		}
		if after := liveHeap(); after > before {
			shared[i] = after - before
		}
	}
	runtime.KeepAlive(set)
	runtime.KeepAlive(dst)
	parts := make([]string, len(engines))
	for i, e := range engines {
		parts[i] = fmt.Sprintf("%s %.2f MiB", e.name, mib(shared[i]))
	}
	fmt.Fprintf(w, "kept after a first index is dropped (shared by every index, in no heap column): %s\n", strings.Join(parts, ", "))
	return nil
}

// warm builds e's index over the article, asks it set's questions and
// closes it.
func warm(e engine, set *questionSet, dst []*knowledge.Passage) error {
	s, err := e.build([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		return fmt.Errorf("build article index: %w", err)
	}
	_, err = score(s, set, dst)
	// The sentiment lexicon is loaded on first use, by a question that
	// offers opposites ("a success or a flop?"), which the article's
	// questions do not ask: it is shared by every index.
	knowledge.Valence("good")
	if cerr := s.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close article index: %w", cerr)
	}
	return err
}

// mib converts bytes to MiB.
func mib(b uint64) float64 { return float64(b) / (1 << 20) }
