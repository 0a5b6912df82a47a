package similar_test

import (
	"os"
	"slices"
	"testing"

	"github.com/talksbot/talksbot/knowledge/internal/gentest"
	"github.com/talksbot/talksbot/knowledge/internal/similar"
)

func neighbours(stem string) map[string]float32 {
	out := make(map[string]float32)
	similar.Neighbours(stem, func(n string, s float32) bool {
		out[n] = s
		return true
	})
	return out
}

func TestNeighbours(t *testing.T) {
	tests := []struct {
		stem string
		want []string // among the neighbours
	}{
		{"deadlock", []string{"stalem", "impass"}},
		{"derail", []string{"undermin", "thwart"}},
		{"lawmak", []string{"congress"}},
	}
	for _, tt := range tests {
		got := neighbours(tt.stem)
		for _, w := range tt.want {
			if _, ok := got[w]; !ok {
				t.Errorf("Neighbours(%q) = %v, want %q among them", tt.stem, got, w)
			}
		}
		for n, s := range got {
			if s < 0.6 || s > 1 {
				t.Errorf("Neighbours(%q): %q has similarity %v, want it in [0.6, 1]", tt.stem, n, s)
			}
		}
	}
	for _, stem := range []string{"", "zzzz", "the", "aaaaa"} {
		if got := neighbours(stem); len(got) != 0 {
			t.Errorf("Neighbours(%q) = %v, want none", stem, got)
		}
	}
}

func TestNeighboursStops(t *testing.T) {
	var got []string
	similar.Neighbours("deadlock", func(n string, _ float32) bool {
		got = append(got, n)
		return len(got) < 2
	})
	if len(got) != 2 || !slices.Contains(got, "stalem") {
		t.Errorf("stopping after two: got %q", got)
	}
}

// TestGenerate checks that the generator, run on the vectors named by
// TALKSBOT_GLOVE, reproduces the committed table byte for byte. The vectors
// are a 110 MB download (see similar.go): .ci/run fetches them from the
// npm registry when it can; elsewhere the test runs where the variable is
// set.
func TestGenerate(t *testing.T) {
	src := os.Getenv("TALKSBOT_GLOVE")
	if src == "" {
		t.Skip("TALKSBOT_GLOVE is not set: the 110 MB GloVe file to regenerate the table from, which .ci/run fetches when the npm registry answers (see similar.go)")
	}
	if testing.Short() {
		t.Skip("-short: the generator takes about half a minute")
	}
	for _, f := range []string{"/usr/share/dict/british-english", "/usr/share/dict/american-english"} {
		if _, err := os.Stat(f); err != nil {
			t.Fatalf("%v: install wbritish and wamerican", err)
		}
	}
	gentest.Reproduces(t, "table.txt", "-glove", src)
}
