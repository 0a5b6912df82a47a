package main

import (
	"testing"

	"github.com/talksbot/talksbot/knowledge"
)

// heldIndex is a fake index that holds a known number of bytes and finds
// nothing.
type heldIndex struct {
	held []byte
}

// Search finds nothing.
func (h *heldIndex) Search(_ string, _ int, dst []*knowledge.Passage) ([]*knowledge.Passage, error) {
	return dst, nil
}

// Close releases nothing.
func (h *heldIndex) Close() error { return nil }

// TestMeasureHeap checks that an engine is charged for what its index holds
// and for none of the bench's own memory.
func TestMeasureHeap(t *testing.T) {
	// The fake's own struct and what other goroutines (the runtime's, the
	// test framework's) allocate meanwhile: well under the trial's 64 KiB
	// of latencies and top passages, and the corpus's hundreds.
	const slack = 16 << 10
	c := newCorpus(500, 2000, 1)
	for _, tt := range []struct {
		name string
		hold int
	}{
		{"nothing", 0},
		{"1 MiB", 1 << 20},
		{"16 MiB", 16 << 20},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := engine{name: "fake", build: func([]*knowledge.Document) (searcher, error) {
				return &heldIndex{held: make([]byte, tt.hold)}, nil
			}}
			tr := newTrial(config{builds: 2, rounds: 2}, len(c.queries))
			if err := tr.measure(e, c); err != nil {
				t.Fatalf("measure: %v", err)
			}
			if got := int(tr.heap); got < tt.hold-slack || got > tt.hold+slack {
				t.Errorf("got heap %d bytes, want %d ± %d", got, tt.hold, slack)
			}
		})
	}
}
