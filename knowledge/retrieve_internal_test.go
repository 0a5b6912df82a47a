package knowledge

import (
	"strings"
	"testing"
)

// A query is parsed into pooled memory: nothing of the previous question may
// survive into the next.
func TestParseResetsQuery(t *testing.T) {
	ix, err := NewIndex([]*Document{Default()})
	if err != nil {
		t.Fatal(err)
	}
	var q query
	ix.parse(&q, "How many big picture issues are there?", "and Khamenei")
	ix.parse(&q, "Who has emphasized win-win solutions?", "")
	if q.cue != hasName {
		t.Errorf("got cue %d, want %d (who)", q.cue, hasName)
	}
	for _, term := range q.terms {
		if term.slot < 0 {
			t.Errorf("context term %d of the previous question survived", term.id)
		}
	}
	ix.parse(&q, "Will reaching a deal be easy?", "")
	if q.cue != 0 {
		t.Errorf("got cue %d, want none", q.cue)
	}
}

// Units longer than the weight table's lengths are weighted by their true
// length.
func TestTermWeightOfLongUnits(t *testing.T) {
	long := strings.Repeat("sanctions talks ", 200) + "end."
	doc, err := Parse("long.txt", []byte("Short sentence about talks. "+long))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := NewIndex([]*Document{doc})
	if err != nil {
		t.Fatal(err)
	}
	for u := range ix.numUnits() {
		n := ix.unitOff[u+1] - ix.unitOff[u]
		for _, tf := range []uint32{1, 3, 9, 200} {
			want := bm25Weight(float32(tf), n, ix.avgLen)
			if got := ix.termWeight(tf, uint32(u)); got != want {
				t.Errorf("unit %d (%d terms), tf %d: got %v, want %v", u, n, tf, got, want)
			}
		}
	}
}
