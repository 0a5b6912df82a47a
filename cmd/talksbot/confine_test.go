package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeKeepsDocumentsInsideTheFolder runs serve with a documents folder
// holding a link to a file outside it: the file is never indexed, and the
// log says why.
func TestServeKeepsDocumentsInsideTheFolder(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("The zebra accord was signed by the llama council in Oslo.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	docs := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(docs, "secret.txt")); err != nil {
		t.Fatal(err)
	}
	s := startServe(t, map[string]string{"TALKSBOT_DOCS": docs})
	if a := s.ask(t, "Who signed the zebra accord?"); a.Answered {
		t.Fatalf("got %+v, want a decline: the file is outside the documents folder", a)
	}
	if !strings.Contains(s.logs.String(), "points outside the documents folder") {
		t.Errorf("logs do not give the reason:\n%s", s.logs)
	}
}
