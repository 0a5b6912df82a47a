package knowledge

import (
	"os"
	"os/exec"
	"runtime"
	"testing"

	"github.com/talksbot/talksbot/knowledge/internal/proper"
	"github.com/talksbot/talksbot/knowledge/internal/similar"
	"github.com/talksbot/talksbot/knowledge/internal/wordnet"
)

// TestNewIndexLoadsSharedTables checks, in a fresh process, that building
// an index indexes the shared word tables questions are read with: a
// lookup in each afterwards allocates nothing, so no question pays for
// them, whichever words it asks.
func TestNewIndexLoadsSharedTables(t *testing.T) {
	if os.Getenv("TALKSBOT_TABLES_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestNewIndexLoadsSharedTables$", "-test.count=1")
		cmd.Env = append(os.Environ(), "TALKSBOT_TABLES_CHILD=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("child process: %v\n%s", err, out)
		}
		return
	}
	if _, err := NewIndex([]*Document{Default()}); err != nil {
		t.Fatal(err)
	}
	for name, lookup := range map[string]func(){
		"proper nouns": func() { proper.Is("zzquux") },
		"adjectives":   func() { wordnet.Adjective("zzquux") },
		"words used alike": func() {
			similar.Neighbours("zzquux", func(string, float32) bool { return true })
		},
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		lookup()
		runtime.ReadMemStats(&after)
		if n := after.Mallocs - before.Mallocs; n > 0 {
			t.Errorf("%s: the first lookup after NewIndex allocated %d times, want the table indexed already", name, n)
		}
	}
}
