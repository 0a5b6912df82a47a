package proper_test

import (
	"os"
	"testing"

	"github.com/talksbot/talksbot/knowledge/internal/gentest"
	"github.com/talksbot/talksbot/knowledge/internal/proper"
)

func TestIs(t *testing.T) {
	for _, w := range []string{"israel", "hezbollah", "oman", "vienna", "aaron", "geneva"} {
		if !proper.Is(w) {
			t.Errorf("Is(%q) = false, want true", w)
		}
	}
	// Words the lists write in lower case too ("china" the porcelain,
	// "turkey" the bird), or not at all, are no proper nouns.
	// Nor are abbreviations and titles ("OK", "TV", "Mr").
	for _, w := range []string{"house", "talks", "china", "turkey", "", "zzzzqx", "Israel", "ok", "tv", "mr", "dr", "btw", "asap", "tl", "nov", "capt", "tues"} {
		if proper.Is(w) {
			t.Errorf("Is(%q) = true, want false", w)
		}
	}
}

// TestGenerate checks that the generator, run on the installed word
// lists, reproduces the committed list byte for byte.
func TestGenerate(t *testing.T) {
	const british, american = "/usr/share/dict/british-english", "/usr/share/dict/american-english"
	for _, f := range []string{british, american} {
		if _, err := os.Stat(f); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing (.ci/run installs wbritish and wamerican): %v", f, err)
			}
			t.Skipf("%s is missing (apt-get install wbritish wamerican): %v", f, err)
		}
	}
	if testing.Short() {
		t.Skip("-short: this test builds and runs the generator; CI runs it")
	}
	gentest.Reproduces(t, "list.txt", "-british", british, "-american", american)
}
