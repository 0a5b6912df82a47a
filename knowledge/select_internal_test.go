package knowledge

import (
	"math/rand/v2"
	"slices"
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
