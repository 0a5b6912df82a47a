package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReplyKeyLasts checks that the key signing reply ids is made once and
// kept in the state folder, so that feedback buttons outlive a restart.
func TestReplyKeyLasts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	first, err := replyKey(dir)
	if err != nil || len(first) != 32 {
		t.Fatalf("got %d bytes, %v; want a new 32-byte key", len(first), err)
	}
	again, err := replyKey(dir)
	if err != nil || !bytes.Equal(first, again) {
		t.Fatalf("got another key (%v) on the second start, want the same", err)
	}
	fi, err := os.Stat(filepath.Join(dir, replyKeyFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("got %v, %v; want the key file readable by its owner only", fi.Mode(), err)
	}
	if err := os.WriteFile(filepath.Join(dir, replyKeyFile), []byte("short"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := replyKey(dir); err == nil || !strings.Contains(err.Error(), "want 32") {
		t.Errorf("got %v for a damaged key file, want an error saying so", err)
	}
}
