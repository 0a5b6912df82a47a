package valence_test

import (
	"os"
	"testing"

	"github.com/kljensen/snowball/english"
	"github.com/talksbot/talksbot/knowledge/internal/gentest"
	"github.com/talksbot/talksbot/knowledge/internal/valence"
)

func TestOf(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"strengthened", 1},
		{"weakened", -1},
		{"undermined", -1},
		{"reinvigorated", 1},
		{"stalled", -1},
		{"supported", 1},
		{"unsupported", -1}, // not in the table: the opposite of "supported"
		{"negotiations", 0}, // leans neither way
		{"centrifuge", 0},   // not known
		{"", 0},
	}
	for _, tt := range tests {
		if got := valence.Of(english.Stem(tt.word, true)); got != tt.want {
			t.Errorf("Of(stem of %q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

// TestGenerate checks that the generator, run on the VADER lexicon named
// by TALKSBOT_VADER_LEXICON, reproduces the committed table byte for byte.
// .ci/run fetches the lexicon from the npm registry when it answers;
// elsewhere the test runs where the variable is set.
func TestGenerate(t *testing.T) {
	src := os.Getenv("TALKSBOT_VADER_LEXICON")
	if src == "" {
		t.Skip("TALKSBOT_VADER_LEXICON is not set: the VADER lexicon to regenerate the table from, which .ci/run fetches when the npm registry answers (see valence.go)")
	}
	gentest.Reproduces(t, "table.txt", "-vader", src)
}
