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

// TestServeReloadsSynonyms checks that SIGHUP reads the synonyms file
// again, and that a broken edit keeps the last good version serving.
func TestServeReloadsSynonyms(t *testing.T) {
	path := filepath.Join(t.TempDir(), "synonyms.txt")
	write := func(text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("moderates, doves\n")
	s := startServe(t, map[string]string{"TALKSBOT_SYNONYMS": path})
	const doves, naysayers = "Who are the doves?", "Who are the naysayers?"
	if !s.ask(t, doves).Answered {
		t.Fatal("doves: got a decline, want the file's group at start")
	}

	write("moderates, doves\nlonely\n")
	sighup(t)
	waitFor(t, "the broken file to be reported", s.reloads, func(error) bool {
		return strings.Contains(s.logs.String(), "synonyms file skipped")
	})
	if !s.ask(t, doves).Answered {
		t.Error("after a broken edit: got a decline, want the last good groups serving")
	}

	write("spoilers, naysayers\n")
	sighup(t)
	waitFor(t, "the new groups", s.reloads, func(error) bool { return s.ask(t, naysayers).Answered })
	if s.ask(t, doves).Answered {
		t.Error("doves: got an answer, want the old group gone after the file changed")
	}
}
