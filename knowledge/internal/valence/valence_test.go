package valence_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/kljensen/snowball/english"
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
// .ci/run fetches the lexicon from the npm registry; elsewhere the test
// needs the variable.
func TestGenerate(t *testing.T) {
	src := os.Getenv("TALKSBOT_VADER_LEXICON")
	if src == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("TALKSBOT_VADER_LEXICON is not set: .ci/run fetches vader-sentiment@1.1.3 and sets it")
		}
		t.Skip("TALKSBOT_VADER_LEXICON is not set: the VADER lexicon to regenerate the table from (see valence.go)")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("go tool not found on PATH: %v", err)
	}
	out := filepath.Join(t.TempDir(), "table.txt")
	if msg, err := exec.Command(goTool, "run", "./gen", "-vader", src, "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("go run ./gen: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("table.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the generated table differs from table.txt (%d bytes against %d): run go generate", len(got), len(want))
	}
}
