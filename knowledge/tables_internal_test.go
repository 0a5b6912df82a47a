package knowledge

import (
	"os"
	"os/exec"
	"testing"

	"github.com/talksbot/talksbot/knowledge/internal/proper"
	"github.com/talksbot/talksbot/knowledge/internal/similar"
	"github.com/talksbot/talksbot/knowledge/internal/wordnet"
)

// TestNewIndexLoadsSharedTables checks, in a fresh process, that building
// an index indexes the shared word tables questions are read with, so no
// question pays for them, whichever words it asks.
func TestNewIndexLoadsSharedTables(t *testing.T) {
	if os.Getenv("TALKSBOT_TABLES_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestNewIndexLoadsSharedTables$", "-test.count=1")
		cmd.Env = append(os.Environ(), "TALKSBOT_TABLES_CHILD=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("child process: %v\n%s", err, out)
		}
		return
	}
	if proper.Loaded() || wordnet.AdjectivesLoaded() || wordnet.VerbsLoaded() || similar.Loaded() {
		t.Fatal("a table is indexed before any index is built: the check below says nothing")
	}
	if _, err := NewIndex([]*Document{Default()}); err != nil {
		t.Fatal(err)
	}
	for name, loaded := range map[string]bool{
		"proper nouns":     proper.Loaded(),
		"adjectives":       wordnet.AdjectivesLoaded(),
		"verbs":            wordnet.VerbsLoaded(),
		"words used alike": similar.Loaded(),
	} {
		if !loaded {
			t.Errorf("%s: not indexed after NewIndex", name)
		}
	}
}
