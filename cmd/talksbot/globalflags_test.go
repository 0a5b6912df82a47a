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

func TestSummarySeveralThemes(t *testing.T) {
	cleanEnv(t)
	tests := []struct {
		args []string
		want []string // the theme titles printed, in order
	}{
		{[]string{"summary", "3", "1"}, []string{"3) Pursuing Interests Over Ideology", "1) Handling the Spoilers"}},
		{[]string{"summary", "handling the spoilers", "dialogue among equals"}, []string{"1) Handling the Spoilers", "4) Dialogue Among Equals"}},
		{[]string{"summary", "handling", "the", "spoilers"}, []string{"1) Handling the Spoilers"}},
	}
	for _, tt := range tests {
		r := runCLI(t, "", tt.args...)
		wantExit(t, r, 0)
		var titles []string
		for _, line := range strings.Split(r.stdout, "\n") {
			if len(line) > 2 && line[1] == ')' {
				titles = append(titles, line)
			}
		}
		if len(titles) != len(tt.want) {
			t.Fatalf("%q: got titles %q, want %q", tt.args, titles, tt.want)
		}
		for i := range titles {
			if !strings.HasPrefix(titles[i], tt.want[i]) {
				t.Errorf("%q: title %d is %q, want %q", tt.args, i, titles[i], tt.want[i])
			}
		}
	}
	r := runCLI(t, "", "summary", "1", "9")
	wantExit(t, r, 2)
	if r.stdout != "" || !strings.Contains(r.stderr, `no theme matches "9"`) {
		t.Errorf("got stdout %q, stderr %q; want nothing printed and theme 9 named", r.stdout, r.stderr)
	}
}
