package main

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
)

// The table layout, read by ../table.go; change both together.
//
//	header   16 bytes: magic "WNT3", then little-endian uint32 key count,
//	         pool length in bytes, entry count
//	pool     every key and target stem once, sorted, each as a length byte
//	         and the stem's bytes
//	keys     key count + 1 records of 8 bytes, sorted by stem: a 3-byte pool
//	         offset of the key's stem, then 3 bytes holding the index of its
//	         first entry (low 23 bits) and a flag (bit 23) set when a key
//	         phrase begins with this stem, then the stem's frequency as a
//	         little-endian uint16 (capped at maxFrequency); a last record
//	         holds only the end of the entries
//	entries  3 bytes each: a target's pool offset (low 20 bits) and its
//	         relation (high 4 bits); a key's antonyms (relation 7) come
//	         after its other targets, so the reader finds where they begin
//	         by looking back from the end of the key's entries
const (
	magic        = "WNT3"
	headerSize   = 16
	keySize      = 8
	entrySize    = 3
	poolBits     = 20
	entryBits    = 23
	phraseFlag   = 1 << entryBits
	maxFrequency = 1<<16 - 1
)

// encode writes the table for the given relations and stem frequencies.
func encode(rel relations, freq map[string]int) ([]byte, error) {
	t := tableKeys(rel, freq)
	pool, offset, err := t.pool()
	if err != nil {
		return nil, err
	}
	recs, ents, n := t.records(offset)
	if n >= 1<<entryBits {
		return nil, fmt.Errorf("%d entries exceed %d", n, 1<<entryBits)
	}
	out := make([]byte, 0, headerSize+len(pool)+len(recs)+len(ents))
	out = append(out, magic...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(t.keys)))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(pool)))
	out = binary.LittleEndian.AppendUint32(out, uint32(n))
	out = append(out, pool...)
	out = append(out, recs...)
	out = append(out, ents...)
	return out, nil
}

// keyed is what the table holds, by key.
type keyed struct {
	keys   []string            // sorted
	lists  map[string][]target // each key's targets, ranked
	starts map[string]bool     // first words of key phrases
	freq   map[string]int
}

// tableKeys chooses the keys: every stem with targets, the first word of
// every key phrase, and every stem with a frequency.
func tableKeys(rel relations, freq map[string]int) keyed {
	t := keyed{lists: make(map[string][]target), starts: make(map[string]bool), freq: freq}
	for key := range rel {
		if ts := rel.ranked(key); len(ts) > 0 {
			t.lists[key] = ts
			if first, _, ok := strings.Cut(key, " "); ok {
				t.starts[first] = true
			}
		}
	}
	for k := range t.lists {
		t.keys = append(t.keys, k)
	}
	for k := range t.starts {
		if t.lists[k] == nil {
			t.keys = append(t.keys, k)
		}
	}
	for k, f := range freq {
		if f > 0 && t.lists[k] == nil && !t.starts[k] {
			t.keys = append(t.keys, k)
		}
	}
	slices.Sort(t.keys)
	return t
}

// pool returns the pool of every key and target stem, and each stem's
// offset in it.
func (t keyed) pool() ([]byte, map[string]int, error) {
	stems := slices.Clone(t.keys)
	for _, ts := range t.lists {
		for _, x := range ts {
			stems = append(stems, x.stem)
		}
	}
	slices.Sort(stems)
	stems = slices.Compact(stems)
	var pool []byte
	offset := make(map[string]int, len(stems))
	for _, s := range stems {
		if len(s) > 255 {
			return nil, nil, fmt.Errorf("stem %q longer than 255 bytes", s)
		}
		offset[s] = len(pool)
		pool = append(pool, byte(len(s)))
		pool = append(pool, s...)
	}
	if len(pool) >= 1<<poolBits {
		return nil, nil, fmt.Errorf("pool of %d bytes exceeds %d", len(pool), 1<<poolBits)
	}
	return pool, offset, nil
}

// records returns the key records, the entries and their number.
func (t keyed) records(offset map[string]int) (recs, ents []byte, n int) {
	for _, k := range t.keys {
		v := n
		if t.starts[k] {
			v |= phraseFlag
		}
		recs = put24(put24(recs, offset[k]), v)
		recs = binary.LittleEndian.AppendUint16(recs, uint16(min(t.freq[k], maxFrequency)))
		for _, x := range t.lists[k] {
			ents = put24(ents, offset[x.stem]|int(x.rel)<<poolBits)
			n++
		}
	}
	recs = binary.LittleEndian.AppendUint16(put24(put24(recs, 0), n), 0)
	return recs, ents, n
}

func put24(b []byte, v int) []byte { return append(b, byte(v), byte(v>>8), byte(v>>16)) }
