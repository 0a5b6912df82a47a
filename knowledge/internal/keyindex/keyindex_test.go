package keyindex_test

import (
	"fmt"
	"testing"

	"github.com/talksbot/talksbot/knowledge/internal/keyindex"
)

func TestFind(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000, 40000} {
		keys := make([]string, n)
		for i := range keys {
			keys[i] = fmt.Sprintf("k%d", i)
		}
		key := func(i int) string { return keys[i] }
		ix := keyindex.New(n, key)
		for i, k := range keys {
			if got, ok := ix.Find(k, key); !ok || got != i {
				t.Fatalf("n=%d: Find(%q) = %d, %v; want %d, true", n, k, got, ok, i)
			}
		}
		for _, k := range []string{"", "k", fmt.Sprintf("k%d", n), "x1", "k01"} {
			if got, ok := ix.Find(k, key); ok {
				t.Errorf("n=%d: Find(%q) = %d, true; want false", n, k, got)
			}
		}
	}
}

func TestFindDuplicateKey(t *testing.T) {
	keys := []string{"a", "b", "b", "c"}
	key := func(i int) string { return keys[i] }
	ix := keyindex.New(len(keys), key)
	if i, ok := ix.Find("b", key); !ok || keys[i] != "b" {
		t.Errorf(`Find("b") = %d, %v; want 1 or 2, true`, i, ok)
	}
}
