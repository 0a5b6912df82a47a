package knowledge

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// selectTop must return the k best by score (ties broken by unit), whatever
// the input order and however many scores are equal.
func TestSelectTop(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		n := r.IntN(300)
		k := 1 + r.IntN(30)
		xs := make([]scored, n)
		for i := range xs {
			xs[i] = scored{unit: int32(i), score: float32(r.IntN(1 + trial%7))} // many ties
		}
		r.Shuffle(n, func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
		want := slices.Clone(xs)
		slices.SortFunc(want, func(a, b scored) int {
			if a.score != b.score {
				if a.score > b.score {
					return -1
				}
				return 1
			}
			return int(a.unit - b.unit)
		})
		want = want[:min(k, n)]
		got := slices.Clone(selectTop(xs, k))
		slices.SortFunc(got, func(a, b scored) int {
			if a.score != b.score {
				if a.score > b.score {
					return -1
				}
				return 1
			}
			return int(a.unit - b.unit)
		})
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d (n=%d k=%d): got %v, want %v", trial, n, k, got, want)
		}
	}
}

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
