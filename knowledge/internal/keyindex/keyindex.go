// Package keyindex finds a key among a fixed set of keys by hashing it.
//
// The generated tables under knowledge/internal are sorted, and a binary
// search of one costs a cache miss at nearly every step once past the few
// keys every search reads: a dozen or more for a question's word, most of
// which a table lacks. An Index answers in one or two probes. It is written
// here rather than taken from a map[string]int32 because it holds no
// pointers, so the collector never scans it, and it takes about a sixth of
// a map's memory: one uint32 a slot, the keys staying where the table has
// them.
package keyindex

import "hash/maphash"

// Index is an open-addressed hash table of positions in a set of keys.
// It is safe for concurrent use once built.
type Index struct {
	seed  maphash.Seed
	slots []uint32 // tag<<posBits | position+1; 0 for an empty slot
	mask  uint64
}

// A slot packs a key's position, plus one, in its low posBits bits and
// the top bits of the key's hash above them, so that a probe compares a
// key only when its tag matches.
const (
	posBits = 20
	posMask = 1<<posBits - 1
	// MaxKeys is the most keys an Index holds.
	MaxKeys = posMask - 1
)

// New indexes the n keys that key returns for 0 <= i < n. n must be at
// most MaxKeys. The table has at least half as many slots again as keys,
// so that most probes end at the first slot.
func New(n int, key func(i int) string) *Index {
	if n > MaxKeys {
		panic("keyindex: too many keys")
	}
	size := 1
	for size < n+n/2+1 {
		size <<= 1
	}
	ix := &Index{seed: maphash.MakeSeed(), slots: make([]uint32, size), mask: uint64(size - 1)}
	for i := range n {
		h := maphash.String(ix.seed, key(i))
		j := h & ix.mask
		for ix.slots[j] != 0 {
			j = (j + 1) & ix.mask
		}
		ix.slots[j] = tag(h) | uint32(i+1)
	}
	return ix
}

// tag is the part of hash h that a slot keeps.
func tag(h uint64) uint32 { return uint32(h>>(64-(32-posBits))) << posBits }

// Find returns the position of k among the keys that key returns, the
// function New was given, and whether k is one of them. Of keys that
// occur more than once, it returns one.
func (ix *Index) Find(k string, key func(i int) string) (int, bool) {
	h := maphash.String(ix.seed, k)
	t := tag(h)
	for j := h & ix.mask; ; j = (j + 1) & ix.mask {
		s := ix.slots[j]
		if s == 0 {
			return 0, false
		}
		if s&^posMask == t {
			if i := int(s&posMask) - 1; key(i) == k {
				return i, true
			}
		}
	}
}
