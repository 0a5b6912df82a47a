package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestHoistGlobalFlags(t *testing.T) {
	tests := []struct {
		in, want []string
		err      string
	}{
		{[]string{"ask", "q"}, []string{"ask", "q"}, ""},
		{[]string{"--docs", "d", "ask", "q"}, []string{"ask", "--docs", "d", "q"}, ""},
		{[]string{"-config=c.yaml", "--docs", "d", "summary", "2"}, []string{"summary", "-config=c.yaml", "--docs", "d", "2"}, ""},
		{[]string{"--json", "ask", "q"}, []string{"--json", "ask", "q"}, ""}, // not global: the dispatcher says so
		{[]string{"--docs"}, nil, "flag needs an argument: --docs"},
		{[]string{"--docs", "d"}, []string{}, ""},
	}
	for _, tt := range tests {
		got, err := hoistGlobalFlags(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: got error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// TestGlobalFlagsBeforeTheCommand runs `talksbot --docs DIR ask …` as the
// README shows it.
func TestGlobalFlagsBeforeTheCommand(t *testing.T) {
	cleanEnv(t)
	docs := t.TempDir()
	doc := "# Zebra Accord\n\nThe zebra accord was signed by the llama council in Oslo.\n"
	if err := os.WriteFile(filepath.Join(docs, "zebra.md"), []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "", "--docs", docs, "ask", "--json", "Who signed the zebra accord?")
	wantExit(t, r, 0)
	if !strings.Contains(r.stdout, `"answered":true`) || !strings.Contains(r.stdout, "llama council") {
		t.Errorf("got %s, want the zebra document's answer", r.stdout)
	}
	r = runCLI(t, "", "--docs", docs)
	wantExit(t, r, 2)
	if !strings.Contains(r.stderr, "missing command") {
		t.Errorf("got stderr %q, want missing command", r.stderr)
	}
}
