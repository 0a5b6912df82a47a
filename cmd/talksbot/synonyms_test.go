package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSynonymsFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "synonyms.txt")
	if err := os.WriteFile(good, []byte("# our users' words\nmoderates, doves\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("moderates, doves\nlonely\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("without it the word is unknown", func(t *testing.T) {
		cleanEnv(t)
		r := runCLI(t, "", "ask", "--json", "Who are the doves?")
		wantExit(t, r, 0)
		if !strings.Contains(r.stdout, `"answered":false`) {
			t.Fatalf("got %s, want a decline: the test needs a word the built-in lexicon lacks", r.stdout)
		}
	})
	t.Run("with it the question is answered", func(t *testing.T) {
		cleanEnv(t)
		t.Setenv("TALKSBOT_SYNONYMS", good)
		r := runCLI(t, "", "ask", "--json", "Who are the doves?")
		wantExit(t, r, 0)
		if !strings.Contains(r.stdout, `"answered":true`) || !strings.Contains(r.stdout, "moderat") {
			t.Fatalf("got %s, want an answer about the moderates", r.stdout)
		}
	})
	t.Run("a bad file is a config error naming the key and the line", func(t *testing.T) {
		cleanEnv(t)
		t.Setenv("TALKSBOT_SYNONYMS", bad)
		for _, args := range [][]string{{"ask", "Who are the doves?"}, {"config", "check"}} {
			r := runCLI(t, "", args...)
			wantExit(t, r, 2)
			if !strings.Contains(r.stderr, "TALKSBOT_SYNONYMS") || !strings.Contains(r.stderr, "line 2") {
				t.Errorf("%v: got stderr %q, want the key and line 2 named", args, r.stderr)
			}
		}
	})
}
