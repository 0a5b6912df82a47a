package lines_test

import (
	"sync"
	"testing"

	"github.com/talksbot/talksbot/knowledge/internal/lines"
)

func TestFind(t *testing.T) {
	table := lines.New("apple red\nbanana\ncherry dark red\n")
	for _, tt := range []struct {
		key, rest string
		ok        bool
	}{
		{"apple", "red", true},
		{"banana", "", true},
		{"cherry", "dark red", true},
		{"app", "", false},
		{"blueberry", "", false},
		{"zucchini", "", false},
		{"", "", false},
	} {
		if rest, ok := table.Find(tt.key); rest != tt.rest || ok != tt.ok {
			t.Errorf("Find(%q) = %q, %v; want %q, %v", tt.key, rest, ok, tt.rest, tt.ok)
		}
	}
	// A last line without its newline is a line too.
	if rest, ok := lines.New("a 1\nb 2").Find("b"); !ok || rest != "2" {
		t.Errorf(`Find("b") on a table without a final newline = %q, %v; want "2", true`, rest, ok)
	}
	if _, ok := lines.New("").Find("a"); ok {
		t.Error(`Find("a") on an empty table found it`)
	}
}

// TestFindConcurrently checks that lookups racing to index a fresh table
// all see it whole (run with -race).
func TestFindConcurrently(t *testing.T) {
	table := lines.New("apple red\nbanana\ncherry dark red\n")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if rest, ok := table.Find("cherry"); !ok || rest != "dark red" {
				t.Errorf(`Find("cherry") = %q, %v; want "dark red", true`, rest, ok)
			}
		})
	}
	wg.Wait()
}
