package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeWatchesARecreatedFolder removes the documents folder, creates it
// again and then writes a document into it: the document is picked up
// without a SIGHUP.
func TestServeWatchesARecreatedFolder(t *testing.T) {
	docs := filepath.Join(t.TempDir(), "docs")
	if err := os.Mkdir(docs, 0o700); err != nil {
		t.Fatal(err)
	}
	s := startServe(t, map[string]string{"TALKSBOT_DOCS": docs})
	if err := os.RemoveAll(docs); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the reload after the folder went", s.reloads, func(err error) bool { return err != nil })
	if err := os.Mkdir(docs, 0o700); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a reload of the new, empty folder", s.reloads, func(err error) bool { return err == nil })
	doc := "# Zebra Accord\n\nThe zebra accord was signed by the llama council in Oslo.\n"
	if err := os.WriteFile(filepath.Join(docs, "zebra.md"), []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the new document to be answerable", s.reloads, func(error) bool {
		return s.ask(t, "Who signed the zebra accord?").Answered
	})
}

// TestServeWarnsOncePerChange checks that a skipped file is warned about
// once, not on every reload, and again when it changes.
func TestServeWarnsOncePerChange(t *testing.T) {
	docs := t.TempDir()
	bad := filepath.Join(docs, "broken.txt")
	if err := os.WriteFile(bad, []byte("\x00\x01binary"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := startServe(t, map[string]string{"TALKSBOT_DOCS": docs})
	warnings := func() int { return strings.Count(s.logs.String(), "document skipped") }
	if n := warnings(); n != 1 {
		t.Fatalf("at start: got %d warnings, want 1:\n%s", n, s.logs)
	}
	for range 2 {
		sighup(t)
		waitFor(t, "a reload", s.reloads, func(error) bool { return true })
	}
	if n := warnings(); n != 1 {
		t.Errorf("after two reloads: got %d warnings, want still 1", n)
	}
	if err := os.WriteFile(bad, []byte("\x00\x02still binary, and longer"), 0o600); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "a warning for the changed file", s.reloads, func(error) bool { return warnings() == 2 })
}
