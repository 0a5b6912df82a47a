package main

// These tests run talksbot in-process through run. They live in package main
// because a command's main package cannot be imported by an external test
// package.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/adapters/discord"
	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/config"
	"github.com/talksbot/talksbot/knowledge"
)

// result is what one run of talksbot left behind.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs talksbot with args and stdin in a clean environment.
func runCLI(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errs bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errs)
	return result{code: code, stdout: out.String(), stderr: errs.String()}
}

// cleanEnv unsets every setting talksbot reads from the environment (an
// empty variable counts as unset), so the host's environment cannot leak
// into a test; t.Setenv restores it afterwards.
func cleanEnv(t *testing.T) {
	t.Helper()
	for _, k := range config.Keys() {
		t.Setenv(k.Name, "")
	}
}

// wantExit fails the test unless r exited with code; for a failure it also
// wants a reason on stderr.
func wantExit(t *testing.T, r result, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("got exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
	if code != 0 && !strings.HasPrefix(r.stderr, "talksbot: ") && !strings.Contains(r.stderr, "\ntalksbot: ") {
		t.Errorf("got stderr %q, want a line starting with \"talksbot: \"", r.stderr)
	}
}

// defaultIndex indexes the embedded article, as talksbot does with no
// documents folder.
func defaultIndex(t *testing.T) *knowledge.Index {
	t.Helper()
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// writeFiles writes files (name → content) into a new temporary folder.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// jsonKeys returns the keys of the JSON object raw, in order.
func jsonKeys(t *testing.T, raw []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("got %s, want a JSON object", raw)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func TestAskText(t *testing.T) {
	cleanEnv(t)
	r := runCLI(t, "", "ask", "What has Congress pushed for?")
	wantExit(t, r, 0)
	if !strings.Contains(r.stdout, "“Congress has pushed for more hard-hitting sanctions.”") {
		t.Errorf("got:\n%s\nwant the sanctions sentence quoted", r.stdout)
	}
	if !strings.Contains(r.stdout, "— ") || !strings.Contains(r.stdout, "Handling the Spoilers") {
		t.Errorf("got:\n%s\nwant the quote attributed to its document and section", r.stdout)
	}
	if r.stderr != "" {
		t.Errorf("got stderr %q, want none", r.stderr)
	}
}

func TestAskJSON(t *testing.T) {
	cleanEnv(t)
	ix := defaultIndex(t)
	tests := []struct {
		name     string
		args     []string
		k        int
		answered bool
	}{
		{"default k", []string{"ask", "--json", "What has Congress pushed for?"}, 3, true},
		{"k 1, flags after the question", []string{"ask", "What", "has", "Congress", "pushed", "for?", "--json", "--k", "1"}, 1, true},
		{"k 2", []string{"ask", "--k=2", "--json", "Who has openly supported efforts to build confidence?"}, 2, true},
		{"uncovered question", []string{"ask", "--json", "Who won the World Cup?"}, 3, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, "", tc.args...)
			wantExit(t, r, 0)
			out := []byte(strings.TrimSpace(r.stdout))
			want := []string{"question", "kind", "answered", "answer", "mode", "citations", "took_ms"}
			if got := jsonKeys(t, out); !slices.Equal(got, want) {
				t.Errorf("got keys %v, want %v", got, want)
			}
			var a struct {
				Question  string            `json:"question"`
				Kind      string            `json:"kind"`
				Answered  bool              `json:"answered"`
				Answer    string            `json:"answer"`
				Mode      string            `json:"mode"`
				Citations []json.RawMessage `json:"citations"`
				TookMS    float64           `json:"took_ms"`
			}
			if err := json.Unmarshal(out, &a); err != nil {
				t.Fatal(err)
			}
			wantKind := "declined"
			if tc.answered {
				wantKind = "answer"
			}
			if a.Answered != tc.answered || a.Kind != wantKind || a.Mode != "extractive" || a.Answer == "" || a.TookMS < 0 {
				t.Errorf("got answered %v kind %q mode %q answer %q took %v, want answered %v, kind %q, extractive, some answer",
					a.Answered, a.Kind, a.Mode, a.Answer, a.TookMS, tc.answered, wantKind)
			}
			if a.Citations == nil {
				t.Errorf("got citations null, want an array")
			}
			if len(a.Citations) > tc.k {
				t.Errorf("got %d citations, want at most %d", len(a.Citations), tc.k)
			}
			if tc.answered && len(a.Citations) == 0 {
				t.Errorf("got no citations, want at least one")
			}
			if !tc.answered && len(a.Citations) != 0 {
				t.Errorf("got %d citations for a declined question, want none", len(a.Citations))
			}
			for _, raw := range a.Citations {
				wantKeys := []string{"id", "doc", "title", "section", "text", "score"}
				if got := jsonKeys(t, raw); !slices.Equal(got, wantKeys) {
					t.Errorf("got citation keys %v, want %v", got, wantKeys)
				}
				var c struct{ ID, Doc, Text string }
				if err := json.Unmarshal(raw, &c); err != nil {
					t.Fatal(err)
				}
				p, ok := ix.Passage(c.ID)
				if !ok || p.Text != c.Text || p.Doc != c.Doc {
					t.Errorf("citation %s: got text %q, want the stored passage's text exactly", c.ID, c.Text)
				}
			}
		})
	}
}

func TestAskJSONKinds(t *testing.T) {
	cleanEnv(t)
	tests := []struct {
		question, kind string
		answered       bool
	}{
		{"What has Congress pushed for?", "answer", true},
		{"Who won the World Cup?", "declined", false},
		{"What is this article about?", "overview", false},
		{"thanks!", "smalltalk", false},
	}
	for _, tc := range tests {
		t.Run(tc.question, func(t *testing.T) {
			r := runCLI(t, "", "ask", "--json", tc.question)
			wantExit(t, r, 0)
			var a struct {
				Kind     string `json:"kind"`
				Answered bool   `json:"answered"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
				t.Fatal(err)
			}
			if a.Kind != tc.kind || a.Answered != tc.answered {
				t.Errorf("got kind %q answered %v, want %q %v", a.Kind, a.Answered, tc.kind, tc.answered)
			}
		})
	}
}

func TestAskQuestionFirstAnswer(t *testing.T) {
	cleanEnv(t)
	r := runCLI(t, "", "ask", "--json", "What has Congress pushed for?")
	wantExit(t, r, 0)
	var a struct {
		Citations []struct{ Text string } `json:"citations"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
		t.Fatal(err)
	}
	if len(a.Citations) == 0 || !strings.Contains(a.Citations[0].Text, "hard-hitting sanctions") {
		t.Errorf("got citations %+v, want the sanctions passage first", a.Citations)
	}
}

func TestUsageErrors(t *testing.T) {
	cleanEnv(t)
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"no command", nil, "talksbot: missing command"},
		{"unknown command", []string{"frobnicate"}, `talksbot: unknown command "frobnicate"`},
		{"ask without question", []string{"ask"}, "talksbot: ask: missing QUESTION"},
		{"ask blank question", []string{"ask", "  "}, "talksbot: ask: missing QUESTION"},
		{"ask k zero", []string{"ask", "--k", "0", "why?"}, "talksbot: ask: --k must be between 1 and 20, got 0"},
		{"ask k not a number", []string{"ask", "--k", "many", "why?"}, `talksbot: ask: invalid value "many" for flag -k: parse error`},
		{"ask unknown flag", []string{"ask", "--verbose", "why?"}, "talksbot: ask: flag provided but not defined: -verbose"},
		{"ask question too long", []string{"ask", strings.Repeat("why ", 600)}, "talksbot: ask: QUESTION is too long (2399 characters; the limit is 2000)"},
		{"ask control characters", []string{"ask", "why\x1b[31m?"}, "talksbot: ask: QUESTION contains control characters"},
		{"ask invalid UTF-8", []string{"ask", "why\xff?"}, "talksbot: ask: QUESTION is not valid UTF-8 text"},
		{"themes argument", []string{"themes", "extra"}, `talksbot: themes: unexpected argument "extra"`},
		{"chat argument", []string{"chat", "hello"}, `talksbot: chat: unexpected argument "hello"`},
		{"eval without file", []string{"eval"}, "talksbot: eval: missing FILE.jsonl"},
		{"eval two files", []string{"eval", "a.jsonl", "b.jsonl"}, `talksbot: eval: unexpected argument "b.jsonl"`},
		{"eval missing file", []string{"eval", filepath.Join("testdata", "absent.jsonl")}, "talksbot: eval: open testdata/absent.jsonl: no such file or directory"},
		{"config without check", []string{"config"}, "talksbot: config: missing subcommand check"},
		{"config unknown subcommand", []string{"config", "show"}, `talksbot: config: unknown subcommand "show"`},
		{"version argument", []string{"version", "now"}, `talksbot: version: unexpected argument "now"`},
		{"serve argument", []string{"serve", "now"}, `talksbot: serve: unexpected argument "now"`},
		{"config flag without value", []string{"ask", "why?", "--config"}, "talksbot: ask: flag needs an argument: -config"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, "", tc.args...)
			wantExit(t, r, 2)
			if !strings.Contains(r.stderr, tc.want+"\n") {
				t.Errorf("got stderr:\n%s\nwant a line %q", r.stderr, tc.want)
			}
			if r.stdout != "" {
				t.Errorf("got stdout %q, want none", r.stdout)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	cleanEnv(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"help"}, "talksbot ask [--json] [--k N] QUESTION..."},
		{[]string{"--help"}, "talksbot config check"},
		{[]string{"ask", "-h"}, "usage: talksbot ask [--json] [--k N] QUESTION..."},
		{[]string{"eval", "--help"}, "usage: talksbot eval [--json] FILE.jsonl"},
		{[]string{"config", "-h"}, "usage: talksbot config check"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r := runCLI(t, "", tc.args...)
			wantExit(t, r, 0)
			if !strings.Contains(r.stdout, tc.want) {
				t.Errorf("got:\n%s\nwant %q", r.stdout, tc.want)
			}
		})
	}
}

func TestUnknownCommandPrintsUsage(t *testing.T) {
	cleanEnv(t)
	r := runCLI(t, "", "frobnicate")
	wantExit(t, r, 2)
	for _, want := range []string{"talksbot ask", "talksbot summary", "talksbot themes", "talksbot chat",
		"talksbot eval", "talksbot serve", "talksbot report", "talksbot config check", "talksbot version"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("got stderr:\n%s\nwant usage naming %q", r.stderr, want)
		}
	}
}

func TestBadConfig(t *testing.T) {
	cleanEnv(t)
	missing := filepath.Join(t.TempDir(), "absent.yaml")
	dir := writeFiles(t, map[string]string{
		"malformed.yaml": "talksbot_log_level: info\nslack_mode: socket: http\n",
		"invalid.yaml":   "talksbot_log_level: loud\nslack_app_token: xoxb-123\ntalksbot_max_concurrent: 0\n",
		"unknown.yaml":   "talksbot_log_level: info\ntalksbot_colour: blue\n",
	})
	tests := []struct {
		name string
		file string
		want []string // lines in stderr
	}{
		{"missing file", missing, []string{"talksbot: config file: open " + missing + ": no such file or directory"}},
		{"malformed file", filepath.Join(dir, "malformed.yaml"), []string{"talksbot: config file " + filepath.Join(dir, "malformed.yaml") + ": yaml: line 2"}},
		{"invalid values", filepath.Join(dir, "invalid.yaml"), []string{
			`talksbot: SLACK_APP_TOKEN: "xoxb-…" must start with xapp-`,
			`talksbot: TALKSBOT_LOG_LEVEL: "loud" must be one of debug, info, warn, error`,
			`talksbot: TALKSBOT_MAX_CONCURRENT: "0" must be from 1 to 1024`,
		}},
		{"unknown key", filepath.Join(dir, "unknown.yaml"), []string{`line 2: unknown key "talksbot_colour"`}},
	}
	for _, tc := range tests {
		for _, cmd := range [][]string{{"ask", "What has Congress pushed for?"}, {"themes"}, {"config", "check"}} {
			t.Run(tc.name+"/"+cmd[0], func(t *testing.T) {
				r := runCLI(t, "", append(cmd, "--config", tc.file)...)
				wantExit(t, r, 2)
				for _, w := range tc.want {
					if !strings.Contains(r.stderr, w) {
						t.Errorf("got stderr:\n%s\nwant %q", r.stderr, w)
					}
				}
				if strings.Contains(r.stderr, "xoxb-123") {
					t.Errorf("got stderr:\n%s\nwant the token redacted", r.stderr)
				}
			})
		}
	}
}

func TestBadEnvironment(t *testing.T) {
	cleanEnv(t)
	t.Setenv("TALKSBOT_LLM_TIMEOUT", "soon")
	r := runCLI(t, "", "ask", "What has Congress pushed for?")
	wantExit(t, r, 2)
	if want := `talksbot: TALKSBOT_LLM_TIMEOUT: "soon" must be a duration such as 20s or 1m30s`; !strings.Contains(r.stderr, want) {
		t.Errorf("got stderr:\n%s\nwant %q", r.stderr, want)
	}
}

func TestConfigCheck(t *testing.T) {
	cleanEnv(t)
	file := filepath.Join(writeFiles(t, map[string]string{
		"talksbot.yaml": "slack_bot_token: xoxb-file-Sekr1t\nslack_app_token: xapp-file-Sekr1t\ntalksbot_log_format: json\n",
	}), "talksbot.yaml")
	t.Setenv("TALKSBOT_RATE_LIMIT", "5")
	t.Setenv("OPENAI_API_KEY", "sk-Sekr1t")

	r := runCLI(t, "", "config", "check", "--config", file)
	wantExit(t, r, 0)
	lines := map[string][]string{}
	for _, l := range strings.Split(r.stdout, "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			lines[f[0]] = f
		}
	}
	tests := []struct {
		key  string
		want string // the line's fields after the key
	}{
		{"SLACK_BOT_TOKEN", "set (redacted) file"},
		{"TALKSBOT_LOG_FORMAT", "json file"},
		{"TALKSBOT_RATE_LIMIT", "5 env"},
		{"OPENAI_API_KEY", "set (redacted) env"},
		{"TALKSBOT_HTTP_ADDR", "127.0.0.1:8080 default"},
	}
	for _, tc := range tests {
		f := lines[tc.key]
		if len(f) < 2 || strings.Join(f[1:], " ") != tc.want {
			t.Errorf("%s: got %v, want %q", tc.key, f, tc.want)
		}
	}
	if len(lines) != len(config.Keys())+1 {
		t.Errorf("got %d lines, want a header and one per key:\n%s", len(lines), r.stdout)
	}
	if strings.Contains(r.stdout+r.stderr, "Sekr1t") {
		t.Errorf("got output with a secret in it:\n%s%s", r.stdout, r.stderr)
	}

	t.Run("invalid lists every error and still prints", func(t *testing.T) {
		t.Setenv("SLACK_MODE", "socket")
		t.Setenv("DISCORD_API_URL", "http://127.0.0.1:1/api")
		r := runCLI(t, "", "config", "check")
		wantExit(t, r, 2)
		for _, want := range []string{
			"talksbot: SLACK_BOT_TOKEN: must be set when SLACK_MODE is socket\n",
			"talksbot: SLACK_APP_TOKEN: must be set when SLACK_MODE is socket\n",
			`talksbot: DISCORD_API_URL: "http://127.0.0.1:1/api" must end with /` + "\n",
		} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("got stderr:\n%s\nwant %q", r.stderr, want)
			}
		}
		if !strings.Contains(r.stdout, "SLACK_MODE") || !strings.Contains(r.stdout, "socket") {
			t.Errorf("got stdout:\n%s\nwant the effective configuration", r.stdout)
		}
	})
}

// goodDoc is a small document in the .txt format: front matter, numbered
// headings, blank-line paragraphs.
const goodDoc = `---
title: Field Notes on Valley Water
source: Test Desk
---
These notes follow irrigation planning in the valley.

1) Reservoir Levels

The northern reservoir stood at forty percent of capacity in March. Engineers expect the spring snowmelt to refill the northern reservoir by June.

2) Canal Repairs

Crews replaced the rusted sluice gates on the eastern canal. The canal repairs cost twelve thousand dollars.
`

func TestDocumentsFolder(t *testing.T) {
	cleanEnv(t)
	dir := writeFiles(t, map[string]string{
		"water-notes.txt": goodDoc,
		"blob.txt":        "\x00\x01\x02binary\x00data\x00",
		"empty.md":        "",
		"latin1.html":     "<html><body><p>Caf\xe9 cr\xe8me</p></body></html>",
	})

	r := runCLI(t, "", "themes", "--json", "--docs", dir)
	wantExit(t, r, 0)
	for _, name := range []string{"blob.txt", "empty.md", "latin1.html"} {
		found := false
		for _, line := range strings.Split(r.stderr, "\n") {
			if strings.HasPrefix(line, "talksbot: warning: skipped ") && strings.Contains(line, filepath.Join(dir, name)+": ") {
				found = true
			}
		}
		if !found {
			t.Errorf("got stderr:\n%s\nwant a one-line warning naming %s and why", r.stderr, name)
		}
	}
	if strings.Contains(r.stderr, "water-notes.txt") {
		t.Errorf("got stderr:\n%s\nwant no warning for the good document", r.stderr)
	}
	var themes struct {
		Themes []struct {
			Number int
			Title  string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &themes); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, th := range themes.Themes {
		titles = append(titles, th.Title)
	}
	for _, want := range []string{"Handling the Spoilers", "Reservoir Levels", "Canal Repairs"} {
		if !slices.Contains(titles, want) {
			t.Errorf("got themes %q, want %q among them", titles, want)
		}
	}

	t.Run("answers from the added document", func(t *testing.T) {
		r := runCLI(t, "", "ask", "--json", "--docs", dir, "When will the snowmelt refill the northern reservoir?")
		wantExit(t, r, 0)
		var a struct {
			Answered  bool `json:"answered"`
			Citations []struct {
				Doc string `json:"doc"`
			} `json:"citations"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
			t.Fatal(err)
		}
		if !a.Answered || len(a.Citations) == 0 || a.Citations[0].Doc != "water-notes" {
			t.Errorf("got %s, want an answer citing water-notes first", r.stdout)
		}
	})

	t.Run("from the environment", func(t *testing.T) {
		t.Setenv("TALKSBOT_DOCS", dir)
		r := runCLI(t, "", "themes")
		wantExit(t, r, 0)
		if !strings.Contains(r.stdout, "Canal Repairs") {
			t.Errorf("got:\n%s\nwant the added document's themes", r.stdout)
		}
	})

	t.Run("flag overrides the environment", func(t *testing.T) {
		t.Setenv("TALKSBOT_DOCS", filepath.Join(dir, "absent"))
		r := runCLI(t, "", "themes", "--docs", dir)
		wantExit(t, r, 0)
	})

	t.Run("missing folder", func(t *testing.T) {
		missing := filepath.Join(dir, "absent")
		r := runCLI(t, "", "ask", "--docs", missing, "What has Congress pushed for?")
		wantExit(t, r, 2)
		if want := `talksbot: TALKSBOT_DOCS: "` + missing + `" must be an existing folder: it does not exist`; !strings.Contains(r.stderr, want) {
			t.Errorf("got stderr:\n%s\nwant %q", r.stderr, want)
		}
	})

	t.Run("a file, not a folder", func(t *testing.T) {
		r := runCLI(t, "", "themes", "--docs", filepath.Join(dir, "water-notes.txt"))
		wantExit(t, r, 2)
		if !strings.Contains(r.stderr, "TALKSBOT_DOCS:") {
			t.Errorf("got stderr:\n%s\nwant an error naming TALKSBOT_DOCS", r.stderr)
		}
	})

	t.Run("config check reports skipped documents", func(t *testing.T) {
		r := runCLI(t, "", "config", "check", "--docs", dir)
		wantExit(t, r, 0)
		if !strings.Contains(r.stderr, "skipped "+filepath.Join(dir, "blob.txt")) {
			t.Errorf("got stderr:\n%s\nwant a warning about blob.txt", r.stderr)
		}
	})
}

func TestSummary(t *testing.T) {
	cleanEnv(t)
	tests := []struct {
		theme, want string
	}{
		{"spoilers", "Handling the Spoilers"},
		{"2", "Keeping Support At The Top"},
		{"ideology", "Pursuing Interests Over Ideology"},
		{"equals", "Dialogue Among Equals — But Not Equally Powerful"},
	}
	for _, tc := range tests {
		t.Run(tc.theme, func(t *testing.T) {
			r := runCLI(t, "", "summary", "--json", tc.theme)
			wantExit(t, r, 0)
			out := []byte(strings.TrimSpace(r.stdout))
			if got, want := jsonKeys(t, out), []string{"theme", "summary", "citations"}; !slices.Equal(got, want) {
				t.Errorf("got keys %v, want %v", got, want)
			}
			var s struct {
				Theme     string
				Summary   string
				Citations []struct{ Section string }
			}
			if err := json.Unmarshal(out, &s); err != nil {
				t.Fatal(err)
			}
			if s.Theme != tc.want || s.Summary == "" || len(s.Citations) == 0 {
				t.Errorf("got %+v, want a cited summary of %q", s, tc.want)
			}
			for _, c := range s.Citations {
				if c.Section != tc.want {
					t.Errorf("got a citation from %q, want only %q", c.Section, tc.want)
				}
			}

			r = runCLI(t, "", "summary", tc.theme)
			wantExit(t, r, 0)
			if !strings.Contains(r.stdout, tc.want) || !strings.Contains(r.stdout, "“") {
				t.Errorf("got:\n%s\nwant quotes under %q", r.stdout, tc.want)
			}
		})
	}

	t.Run("every theme", func(t *testing.T) {
		r := runCLI(t, "", "summary", "--json")
		wantExit(t, r, 0)
		out := []byte(strings.TrimSpace(r.stdout))
		if got, want := jsonKeys(t, out), []string{"themes"}; !slices.Equal(got, want) {
			t.Fatalf("got keys %v in %s, want one object with %v", got, out, want)
		}
		var all struct {
			Themes []struct {
				Theme     string
				Summary   string
				Citations []json.RawMessage
			}
		}
		if err := json.Unmarshal(out, &all); err != nil {
			t.Fatalf("got %s: %v, want one JSON object", out, err)
		}
		var got []string
		for _, s := range all.Themes {
			got = append(got, s.Theme)
			if s.Summary == "" || len(s.Citations) == 0 {
				t.Errorf("theme %q: got summary %q with %d citations, want a cited summary", s.Theme, s.Summary, len(s.Citations))
			}
		}
		want := []string{"Handling the Spoilers", "Keeping Support At The Top", "Pursuing Interests Over Ideology", "Dialogue Among Equals — But Not Equally Powerful"}
		if !slices.Equal(got, want) {
			t.Errorf("got themes %q, want %q", got, want)
		}
	})

	t.Run("unknown theme", func(t *testing.T) {
		r := runCLI(t, "", "summary", "weather", "forecast")
		wantExit(t, r, 2)
		want := `talksbot: summary: no theme matches "weather forecast"; themes: 1) Handling the Spoilers, 2) Keeping Support At The Top`
		if !strings.Contains(r.stderr, want) {
			t.Errorf("got stderr:\n%s\nwant %q", r.stderr, want)
		}
	})
}

func TestThemes(t *testing.T) {
	cleanEnv(t)
	r := runCLI(t, "", "themes")
	wantExit(t, r, 0)
	for _, want := range []string{"1) Handling the Spoilers", "2) Keeping Support At The Top", "3) Pursuing Interests Over Ideology", "4) Dialogue Among Equals"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("got:\n%s\nwant %q", r.stdout, want)
		}
	}

	r = runCLI(t, "", "themes", "--json")
	wantExit(t, r, 0)
	var got struct {
		Themes []map[string]any `json:"themes"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Themes) != 4 || got.Themes[0]["number"] != 1.0 || got.Themes[0]["title"] != "Handling the Spoilers" {
		t.Errorf("got %s, want the four themes numbered from 1", r.stdout)
	}
	// Each theme names its document as citations do: "doc" the ID,
	// "doc_title" the title.
	article := defaultIndex(t).Documents()[0]
	for _, th := range got.Themes {
		if th["doc"] != article.ID || th["doc_title"] != article.Title {
			t.Errorf("got theme %v, want doc %q and doc_title %q", th, article.ID, article.Title)
		}
	}
	var first struct {
		Themes []json.RawMessage `json:"themes"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &first); err != nil || len(first.Themes) == 0 {
		t.Fatalf("got %s: %v, want themes", r.stdout, err)
	}
	if got, want := jsonKeys(t, first.Themes[0]), []string{"number", "title", "doc", "doc_title"}; !slices.Equal(got, want) {
		t.Errorf("got theme keys %v, want %v", got, want)
	}
}

func TestChat(t *testing.T) {
	cleanEnv(t)
	in := "What has Congress pushed for?\n\nand Khamenei?\nthemes\nquit\nWho won the World Cup?\n"
	r := runCLI(t, in, "chat")
	wantExit(t, r, 0)
	for _, want := range []string{"hard-hitting sanctions", "Khamenei", "4) Dialogue Among Equals"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("got:\n%s\nwant %q", r.stdout, want)
		}
	}
	if strings.Contains(r.stdout, "doesn't cover") {
		t.Errorf("got:\n%s\nwant nothing after quit", r.stdout)
	}
	// Piped, the questions are echoed as a transcript, without the
	// welcome line or a prompt waiting for input.
	if !strings.HasPrefix(r.stdout, "> What has Congress pushed for?\n") || !strings.Contains(r.stdout, "\n> and Khamenei?\n") {
		t.Errorf("got:\n%s\nwant each question echoed before its answer", r.stdout)
	}
	if strings.Contains(r.stdout, "Ask a question") || strings.HasSuffix(r.stdout, "> ") {
		t.Errorf("got a prompt for input that is not a terminal:\n%s", r.stdout)
	}
}

func TestEval(t *testing.T) {
	cleanEnv(t)
	r := runCLI(t, "", "eval", "--json", filepath.Join("testdata", "small.jsonl"))
	wantExit(t, r, 0)
	var rep struct {
		Questions        int     `json:"questions"`
		Answerable       int     `json:"answerable"`
		Unanswerable     int     `json:"unanswerable"`
		HitAt1           float64 `json:"hit_at_1"`
		HitAt3           float64 `json:"hit_at_3"`
		MRRAt3           float64 `json:"mrr_at_3"`
		AnswerHit        float64 `json:"answer_hit"`
		DeclineAccuracy  float64 `json:"decline_accuracy"`
		FalseDeclineRate float64 `json:"false_decline_rate"`
		Results          []struct {
			ID       string `json:"id"`
			Answered bool   `json:"answered"`
			HitAt1   bool   `json:"hit_at_1"`
			OK       bool   `json:"ok"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Questions != 5 || rep.Answerable != 3 || rep.Unanswerable != 2 || len(rep.Results) != 5 {
		t.Errorf("got %d questions (%d answerable, %d unanswerable, %d results), want 5 (3, 2, 5)",
			rep.Questions, rep.Answerable, rep.Unanswerable, len(rep.Results))
	}
	for _, m := range []float64{rep.HitAt1, rep.HitAt3, rep.MRRAt3, rep.AnswerHit, rep.DeclineAccuracy, rep.FalseDeclineRate} {
		if m < 0 || m > 1 {
			t.Errorf("got metric %v, want it in [0, 1]", m)
		}
	}
	byID := map[string]int{}
	for i, res := range rep.Results {
		byID[res.ID] = i
	}
	if c1 := rep.Results[byID["c1"]]; !c1.Answered || !c1.HitAt1 {
		t.Errorf("c1: got %+v, want answered with a hit at 1", c1)
	}
	if u1 := rep.Results[byID["u1"]]; u1.Answered || !u1.OK {
		t.Errorf("u1: got %+v, want declined", u1)
	}

	r = runCLI(t, "", "eval", filepath.Join("testdata", "small.jsonl"))
	wantExit(t, r, 0)
	for _, want := range []string{"hit@1 ", "hit@3 ", "MRR@3 ", "answer-hit ", "decline accuracy ", "false-decline rate ", "questions           5 (3 answerable, 2 unanswerable)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("got:\n%s\nwant %q", r.stdout, want)
		}
	}
}

func TestEvalMalformed(t *testing.T) {
	cleanEnv(t)
	path := filepath.Join("testdata", "malformed.jsonl")
	r := runCLI(t, "", "eval", path)
	wantExit(t, r, 2)
	for _, want := range []string{
		"talksbot: eval: " + path + ":2: not a JSON object",
		path + ":3: needs expect_any, unanswerable: true or expect_kind",
		path + `:4: id "c1" already used on line 1`,
		path + `:5: not a JSON object of id, question or turns, and expect_any, unanswerable or expect_kind: json: unknown field "expect_anyy"`,
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("got stderr:\n%s\nwant %q", r.stderr, want)
		}
	}

	empty := filepath.Join(writeFiles(t, map[string]string{"empty.jsonl": "\n\n"}), "empty.jsonl")
	r = runCLI(t, "", "eval", empty)
	wantExit(t, r, 2)
	if !strings.Contains(r.stderr, "no questions") {
		t.Errorf("got stderr:\n%s\nwant \"no questions\"", r.stderr)
	}
}

func TestParseEvalLine(t *testing.T) {
	tests := []struct {
		line, want string // want: the error, "" for none
	}{
		{`{"id":"a","question":"q?","expect_any":["x"]}`, ""},
		{`{"id":"a","question":"q?","unanswerable":true}`, ""},
		{`{"id":"","question":"q?","unanswerable":true}`, "missing id"},
		{`{"id":"a","question":" ","unanswerable":true}`, "missing question (or turns)"},
		{`{"id":"a","question":"q?","expect_any":["x"],"unanswerable":true}`, "has both expect_any and unanswerable"},
		{`{"id":"a","question":"q?","expect_any":[" "]}`, "expect_any holds an empty string"},
		{`{"id":"a","question":"q?","unanswerable":true} {}`, "more than one JSON value on the line"},
		{`["a"]`, "not a JSON object of id, question or turns, and expect_any, unanswerable or expect_kind: json: cannot unmarshal array into Go value of type main.evalCase"},
		{`{"id":"a","turns":["q1?","q2?"],"expect_any":["x"]}`, ""},
		{`{"id":"a","turns":["q1?","q2?","q3?"],"unanswerable":true}`, ""},
		{`{"id":"a","turns":["q1?","q2?"],"expect_kind":"overview"}`, ""},
		{`{"id":"a","question":"q?","expect_kind":"overview"}`, ""},
		{`{"id":"a","question":"q?","turns":["q1?","q2?"],"expect_any":["x"]}`, "has both question and turns"},
		{`{"id":"a","turns":["q1?"],"expect_any":["x"]}`, "turns holds 1 questions, want at least 2 (or a question)"},
		{`{"id":"a","turns":[],"expect_any":["x"]}`, "turns holds 0 questions, want at least 2 (or a question)"},
		{`{"id":"a","turns":null,"expect_any":["x"]}`, "missing question (or turns)"},
		{`{"id":"a","turns":["q1?"," "],"expect_any":["x"]}`, "turn 2 is empty"},
		{`{"id":"a","turns":"q1?","expect_any":["x"]}`, "not a JSON object of id, question or turns, and expect_any, unanswerable or expect_kind: json: cannot unmarshal string into Go struct field evalCase.turns of type []string"},
		{`{"id":"a","question":"q?","expect_kind":"answer"}`, `expect_kind "answer" is not one of: overview`},
		{`{"id":"a","question":"q?","expect_kind":"overview","expect_any":["x"]}`, "has both expect_kind and expect_any"},
		{`{"id":"a","question":"q?","expect_kind":"overview","unanswerable":true}`, "has both expect_kind and unanswerable"},
		{`{"id":"a","question":"q?"}`, "needs expect_any, unanswerable: true or expect_kind"},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			_, err := parseEvalLine([]byte(tc.line))
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestContainsAny(t *testing.T) {
	tests := []struct {
		text string
		want []string
		hit  bool
	}{
		{"It won’t be easy.", []string{"it won't be easy"}, true},
		{"“No good deed goes unpunished.”", []string{`"no good deed`}, true},
		{"alternatives to diplomacy — such as", []string{"diplomacy - such as"}, true},
		{"alternatives to diplomacy—such as", []string{"diplomacy -- such as", "diplomacy – such as"}, true},
		{"spend  their\n(political)\u00a0capital", []string{"spend their (political) capital"}, true},
		{"Congress has pushed", []string{"congress HAS pushed"}, true},
		{"Congress has pushed", []string{"Senate"}, false},
		{"", []string{"x"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			if got := containsAny(tc.text, tc.want); got != tc.hit {
				t.Errorf("containsAny(%q, %q): got %v, want %v", tc.text, tc.want, got, tc.hit)
			}
		})
	}
}

func TestVersion(t *testing.T) {
	cleanEnv(t)
	r := runCLI(t, "", "version")
	wantExit(t, r, 0)
	if !strings.HasPrefix(r.stdout, "talksbot ") || !strings.Contains(r.stdout, " go1.") {
		t.Errorf("got %q, want \"talksbot VERSION goVERSION...\"", r.stdout)
	}

	old := version
	version = "v9.8.7"
	t.Cleanup(func() { version = old })
	r = runCLI(t, "", "version")
	wantExit(t, r, 0)
	if !strings.HasPrefix(r.stdout, "talksbot v9.8.7 go1.") {
		t.Errorf("got %q, want the version set at build time", r.stdout)
	}
}

// failWriter fails every write, like a closed pipe.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestWriteFailure(t *testing.T) {
	cleanEnv(t)
	var errs bytes.Buffer
	code := run(context.Background(), []string{"ask", "What has Congress pushed for?"}, strings.NewReader(""), failWriter{}, &errs)
	if code != 1 {
		t.Errorf("got exit %d, want 1", code)
	}
	if !strings.Contains(errs.String(), "broken pipe") {
		t.Errorf("got stderr %q, want the write error", errs.String())
	}
}

func TestEvalScoring(t *testing.T) {
	// The metric arithmetic, on replies made up for the purpose.
	cite := func(id, text string) bot.Citation { return bot.Citation{ID: id, Text: text} }
	answer := func(text string, cites ...bot.Citation) bot.Reply {
		return bot.Reply{Kind: bot.KindAnswer, Text: text, Citations: cites}
	}
	declined := bot.Reply{Kind: bot.KindDeclined, Text: "The article doesn't cover that."}
	steps := []struct {
		c       evalCase
		reply   bot.Reply
		wantOK  bool
		problem string
	}{
		{evalCase{ID: "a1", Question: "q", ExpectAny: []string{"Alpha’s"}}, answer("about alpha's", cite("p1", "it is Alpha's"), cite("p2", "no")), true, ""},
		{evalCase{ID: "a2", Question: "q", ExpectAny: []string{"beta"}}, answer("nothing", cite("p1", "no"), cite("p2", "no"), cite("p3", "beta")), false,
			"expected text in citation 3, not 1; expected text not in the answer"},
		{evalCase{ID: "a3", Question: "q", ExpectAny: []string{"gamma"}}, declined, false, "declined a question it should answer"},
		{evalCase{ID: "a4", Question: "q", ExpectAny: []string{"delta"}}, answer("delta", cite("p1", "no"), cite("p2", "no"), cite("p3", "no"), cite("p4", "delta")), false,
			"expected text in none of the first 3 citations"},
		{evalCase{ID: "u1", Question: "q", Unanswerable: true}, declined, true, ""},
		{evalCase{ID: "u2", Question: "q", Unanswerable: true}, answer("x", cite("p9", "x")), false, "answered a question it should decline, citing p9"},
	}
	var rep evalReport
	for _, s := range steps {
		rep.add(s.c, s.reply)
	}
	rep.finish()
	for i, s := range steps {
		res := rep.Results[i]
		if res.OK != s.wantOK || strings.Join(res.Problems, "; ") != s.problem {
			t.Errorf("%s: got ok %v problems %q, want %v %q", s.c.ID, res.OK, res.Problems, s.wantOK, s.problem)
		}
	}
	metrics := []struct {
		name      string
		got, want float64
	}{
		{"hit@1", rep.HitAt1, 0.25},
		{"hit@3", rep.HitAt3, 0.5},
		{"MRR@3", rep.MRRAt3, (1 + 1.0/3) / 4},
		{"answer-hit", rep.AnswerHit, 0.5}, // a1 and a4: the answer holds the text wherever it is cited
		{"decline accuracy", rep.DeclineAccuracy, 0.5},
		{"false-decline rate", rep.FalseDeclineRate, 0.25},
	}
	for _, m := range metrics {
		if math.Abs(m.got-m.want) > 1e-9 {
			t.Errorf("%s: got %v, want %v", m.name, m.got, m.want)
		}
	}
	if rep.Answerable != 4 || rep.Unanswerable != 2 || rep.Questions != 6 {
		t.Errorf("got %d/%d/%d questions, want 6 (4 answerable, 2 unanswerable)", rep.Questions, rep.Answerable, rep.Unanswerable)
	}

	var out bytes.Buffer
	if err := rep.print(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`FAIL a2 "q": expected text in citation 3, not 1; expected text not in the answer`,
		`FAIL u2 "q": answered a question it should decline, citing p9`,
		`RANK a4 "q": expected text in none of the first 3 citations`,
		"hit@1               0.250 (1/4)",
		"answer-hit          0.500 (2/4)",
		"decline accuracy    0.500 (1/2)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("got:\n%s\nwant %q", out.String(), want)
		}
	}
	if strings.Contains(out.String(), "FAIL a1") || strings.Contains(out.String(), "FAIL u1") {
		t.Errorf("got:\n%s\nwant no line for the questions that passed", out.String())
	}
}

// TestServeAndConfigCheckAgree shows that `config check` and serve judge the
// chat platforms' settings alike, by the adapters' own rules, reporting
// every problem at once: whatever config check accepts serve's adapters
// accept, and what it rejects serve rejects, exit 2, with the same lines.
func TestServeAndConfigCheckAgree(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want []string // config check's complaints, in order; none when valid
	}{
		{"no platform", nil, nil},
		{"socket mode chosen by the app token", map[string]string{"SLACK_BOT_TOKEN": "xoxb-Sekr1t", "SLACK_APP_TOKEN": "xapp-Sekr1t"}, nil},
		{"http mode chosen by the signing secret", map[string]string{"SLACK_BOT_TOKEN": "xoxb-Sekr1t", "SLACK_SIGNING_SECRET": "Sekr1t"}, nil},
		{"discord", map[string]string{"DISCORD_BOT_TOKEN": "Sekr1t", "DISCORD_SHARD_ID": "1", "DISCORD_SHARD_COUNT": "2"}, nil},
		{"bot token alone", map[string]string{"SLACK_BOT_TOKEN": "xoxb-Sekr1t"},
			[]string{"SLACK_APP_TOKEN: must be set for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode"}},
		{"app token alone", map[string]string{"SLACK_APP_TOKEN": "xapp-Sekr1t"},
			[]string{"SLACK_BOT_TOKEN: must be set when SLACK_APP_TOKEN is set"}},
		{"signing secret alone", map[string]string{"SLACK_SIGNING_SECRET": "Sekr1t"},
			[]string{"SLACK_BOT_TOKEN: must be set when SLACK_SIGNING_SECRET is set"}},
		{"socket mode alone", map[string]string{"SLACK_MODE": "socket"},
			[]string{"SLACK_BOT_TOKEN: must be set when SLACK_MODE is socket", "SLACK_APP_TOKEN: must be set when SLACK_MODE is socket"}},
		{"socket mode without app token", map[string]string{"SLACK_MODE": "socket", "SLACK_BOT_TOKEN": "xoxb-Sekr1t", "SLACK_SIGNING_SECRET": "Sekr1t"},
			[]string{"SLACK_APP_TOKEN: must be set when SLACK_MODE is socket"}},
		{"http mode without signing secret", map[string]string{"SLACK_MODE": "http", "SLACK_BOT_TOKEN": "xoxb-Sekr1t", "SLACK_APP_TOKEN": "xapp-Sekr1t"},
			[]string{"SLACK_SIGNING_SECRET: must be set when SLACK_MODE is http"}},
		{"api url with a bare query mark", map[string]string{"SLACK_BOT_TOKEN": "xoxb-Sekr1t", "SLACK_APP_TOKEN": "xapp-Sekr1t", "SLACK_API_URL": "http://127.0.0.1:1/api/?"},
			[]string{`SLACK_API_URL: "http://127.0.0.1:1/api/?" must end with /`}},
		// A key that breaks its own rule does not hide what is missing.
		{"bot token's kind as app token, alone", map[string]string{"SLACK_APP_TOKEN": "xoxb-Sekr1t"},
			[]string{`SLACK_APP_TOKEN: "xoxb-…" must start with xapp-`, "SLACK_BOT_TOKEN: must be set"}},
		// ... and is reported once, not again by the rules that weigh it.
		{"bad app token beside a bot token", map[string]string{"SLACK_BOT_TOKEN": "xoxb-Sekr1t", "SLACK_APP_TOKEN": "xoxb-Sekr1t"},
			[]string{`SLACK_APP_TOKEN: "xoxb-…" must start with xapp-`}},
		{"unknown mode", map[string]string{"SLACK_MODE": "rtm", "SLACK_BOT_TOKEN": "xoxb-Sekr1t", "SLACK_APP_TOKEN": "xapp-Sekr1t"},
			[]string{`SLACK_MODE: "rtm" must be one of empty, socket, http`}},
		{"shard id equals count", map[string]string{"DISCORD_BOT_TOKEN": "Sekr1t", "DISCORD_SHARD_ID": "2", "DISCORD_SHARD_COUNT": "2"},
			[]string{`DISCORD_SHARD_ID: "2" must be less than DISCORD_SHARD_COUNT (2)`}},
		{"bad shard count reported once", map[string]string{"DISCORD_BOT_TOKEN": "Sekr1t", "DISCORD_SHARD_ID": "1", "DISCORD_SHARD_COUNT": "0"},
			[]string{`DISCORD_SHARD_COUNT: "0" must be 1 or more`}},
		{"discord setting without a token", map[string]string{"DISCORD_GUILD_ID": "123"},
			[]string{"DISCORD_BOT_TOKEN: must be set"}},
		{"every problem at once", map[string]string{"SLACK_APP_TOKEN": "xoxb-Sekr1t", "TALKSBOT_LOG_LEVEL": "loud", "DISCORD_SHARD_ID": "1"},
			[]string{`SLACK_APP_TOKEN: "xoxb-…" must start with xapp-`, `TALKSBOT_LOG_LEVEL: "loud" must be one of debug, info, warn, error`,
				"SLACK_BOT_TOKEN: must be set", "DISCORD_BOT_TOKEN: must be set", "DISCORD_SHARD_COUNT: must be set when DISCORD_SHARD_ID is set"}},
		{"shard count without an id", map[string]string{"DISCORD_BOT_TOKEN": "Sekr1t", "DISCORD_SHARD_COUNT": "4"},
			[]string{"DISCORD_SHARD_ID: must be set when DISCORD_SHARD_COUNT is set"}},
		{"discord with interactions over http", map[string]string{"DISCORD_BOT_TOKEN": "Sekr1t", "DISCORD_PUBLIC_KEY": strings.Repeat("0f", 32)}, nil},
		{"public key of the wrong length, reported once", map[string]string{"DISCORD_BOT_TOKEN": "Sekr1t", "DISCORD_PUBLIC_KEY": "0f0f"},
			[]string{`DISCORD_PUBLIC_KEY: "0f0f" must be 64 hexadecimal characters`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cleanEnv(t)
			t.Setenv("TALKSBOT_DATA", t.TempDir())
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			check := runCLI(t, "", "config", "check")
			if strings.Contains(check.stdout+check.stderr, "Sekr1t") {
				t.Errorf("got output with a secret in it:\n%s%s", check.stdout, check.stderr)
			}
			if tc.want == nil {
				wantExit(t, check, 0)
				// What serve would then build is accepted by the adapters.
				cfg, err := config.Load(config.Sources{Env: os.LookupEnv})
				if err != nil {
					t.Fatalf("config.Load: got %v, want no error", err)
				}
				core := bot.New(defaultIndex(t), bot.Options{})
				if opts, on := slackOptions(cfg); on {
					if _, err := slack.New(opts, core); err != nil {
						t.Errorf("slack.New: got %v, want none", err)
					}
				}
				if opts, on := discordOptions(cfg); on {
					if _, err := discord.New(opts, core); err != nil {
						t.Errorf("discord.New: got %v, want none", err)
					}
				}
				return
			}
			wantExit(t, check, 2)
			var want strings.Builder
			for _, w := range tc.want {
				want.WriteString("talksbot: " + w + "\n")
			}
			if check.stderr != want.String() {
				t.Errorf("config check: got stderr:\n%s\nwant:\n%s", check.stderr, want.String())
			}
			// serve stops at the same check, before building anything.
			serve := runCLI(t, "", "serve")
			wantExit(t, serve, 2)
			if serve.stderr != check.stderr {
				t.Errorf("serve: got stderr:\n%s\nwant config check's:\n%s", serve.stderr, check.stderr)
			}
		})
	}
}
