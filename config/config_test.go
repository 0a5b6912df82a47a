package config_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/config"
)

// envMap returns an environment lookup over m.
func envMap(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) {
		v, ok := m[k]
		return v, ok
	}
}

// writeFile writes a config file in a temporary folder and returns its path.
func writeFile(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "talksbot.yaml")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// mustLoad loads src and fails the test on any error.
func mustLoad(t *testing.T, src config.Sources) config.Config {
	t.Helper()
	c, err := config.Load(src)
	if err != nil {
		t.Fatalf("Load: got error %v, want none", err)
	}
	return c
}

// joined splits an error made by errors.Join into its parts.
func joined(err error) []error {
	if err == nil {
		return nil
	}
	if u, ok := err.(interface{ Unwrap() []error }); ok {
		return u.Unwrap()
	}
	return []error{err}
}

// defaultOf returns the documented default of key.
func defaultOf(t *testing.T, key string) string {
	t.Helper()
	for _, k := range config.Keys() {
		if k.Name == key {
			return k.Default
		}
	}
	t.Fatalf("no key %s", key)
	return ""
}

func TestDefaults(t *testing.T) {
	c := mustLoad(t, config.Sources{})
	// The platform URLs' defaults are checked for shape only: tests do not
	// name the real platforms' hosts.
	for _, key := range []string{"SLACK_API_URL", "DISCORD_API_URL"} {
		if d := defaultOf(t, key); !strings.HasPrefix(d, "https://") || !strings.HasSuffix(d, "/") {
			t.Errorf("%s: got default %q, want an https URL ending with /", key, d)
		}
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"SlackAPIURL", c.SlackAPIURL, defaultOf(t, "SLACK_API_URL")},
		{"SlackMode", c.SlackMode, ""},
		{"DiscordAPIURL", c.DiscordAPIURL, defaultOf(t, "DISCORD_API_URL")},
		{"DiscordShardID", c.DiscordShardID, 0},
		{"DiscordShardCount", c.DiscordShardCount, 0},
		{"DiscordPublicKey", c.DiscordPublicKey, ""},
		{"DiscordMessageContent", c.DiscordMessageContent, false},
		{"LLMModel", c.LLMModel, "gpt-4o-mini"},
		{"LLMTimeout", c.LLMTimeout, 20 * time.Second},
		{"LLMMaxTokens", c.LLMMaxTokens, 400},
		{"Docs", c.Docs, ""},
		{"Data", c.Data, "./data"},
		{"HTTPAddr", c.HTTPAddr, "127.0.0.1:8080"},
		{"LogFormat", c.LogFormat, "text"},
		{"LogLevel", c.LogLevel, slog.LevelInfo},
		{"RateLimit", c.RateLimit, 20},
		{"MaxConcurrent", c.MaxConcurrent, 16},
		{"SlackBotToken", c.SlackBotToken.IsSet(), false},
		{"OpenAIAPIKey", c.OpenAIAPIKey.IsSet(), false},
	}
	for _, tc := range checks {
		if tc.got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	for _, s := range c.Redacted() {
		if s.Source != config.SourceDefault {
			t.Errorf("%s: got source %s, want default", s.Key, s.Source)
		}
	}
}

func TestKeysDeclaredOnce(t *testing.T) {
	want := []string{
		"SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL", "SLACK_MODE",
		"DISCORD_BOT_TOKEN", "DISCORD_GUILD_ID", "DISCORD_API_URL", "DISCORD_SHARD_ID",
		"DISCORD_SHARD_COUNT", "DISCORD_PUBLIC_KEY", "DISCORD_MESSAGE_CONTENT", "OPENAI_API_KEY", "OPENAI_BASE_URL",
		"TALKSBOT_LLM_MODEL", "TALKSBOT_LLM_TIMEOUT", "TALKSBOT_LLM_MAX_TOKENS", "TALKSBOT_EMBED_MODEL", "TALKSBOT_DOCS",
		"TALKSBOT_SYNONYMS", "TALKSBOT_DATA", "TALKSBOT_DATABASE_URL", "TALKSBOT_QUESTION_LOG", "TALKSBOT_RETENTION", "TALKSBOT_STATE_MAX_SIZE", "TALKSBOT_SHUTDOWN_GRACE", "TALKSBOT_HTTP_ADDR", "TALKSBOT_API_TOKEN", "TALKSBOT_TRUSTED_PROXIES",
		"TALKSBOT_LOG_FORMAT", "TALKSBOT_LOG_LEVEL",
		"TALKSBOT_RATE_LIMIT", "TALKSBOT_MAX_CONCURRENT",
	}
	keys := config.Keys()
	if len(keys) != len(want) {
		t.Fatalf("got %d keys, want %d", len(keys), len(want))
	}
	secrets := map[string]bool{"SLACK_BOT_TOKEN": true, "SLACK_APP_TOKEN": true,
		"SLACK_SIGNING_SECRET": true, "DISCORD_BOT_TOKEN": true, "OPENAI_API_KEY": true, "TALKSBOT_API_TOKEN": true, "TALKSBOT_DATABASE_URL": true}
	for i, k := range keys {
		if k.Name != want[i] {
			t.Errorf("key %d: got %s, want %s", i, k.Name, want[i])
		}
		if k.Secret != secrets[k.Name] {
			t.Errorf("%s: got secret %v, want %v", k.Name, k.Secret, secrets[k.Name])
		}
		if k.Rule == "" {
			t.Errorf("%s: got no rule, want one for the docs", k.Name)
		}
	}
}

func TestRules(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file.txt")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key, value string
		rule       string // "" when the value is valid
	}{
		{"SLACK_BOT_TOKEN", "xoxb-123-abc", ""},
		{"SLACK_BOT_TOKEN", "xapp-1-abc", "must start with xoxb-"},
		{"SLACK_BOT_TOKEN", "xoxb-12 3", "must not contain whitespace"},
		{"SLACK_APP_TOKEN", "xapp-1-A-abc", ""},
		{"SLACK_APP_TOKEN", "xoxb-123-abc", "must start with xapp-"},
		{"SLACK_SIGNING_SECRET", "8f742231b10e8888abcd99yyyzzz85a5", ""},
		{"SLACK_SIGNING_SECRET", "abc\n", "must not contain whitespace"},
		{"SLACK_API_URL", "http://127.0.0.1:9999/api/", ""},
		{"SLACK_API_URL", "http://127.0.0.1:9999/api", "must end with /"},
		{"SLACK_API_URL", "/api/", "must be an absolute http or https URL"},
		{"SLACK_API_URL", "ftp://127.0.0.1/api/", "must be an absolute http or https URL"},
		{"SLACK_API_URL", "http://127.0.0.1/api/?x=1", "must not have a query or fragment"},
		{"SLACK_API_URL", "http://127.0.0.1/api/?", "must end with /"},
		{"SLACK_MODE", "socket", ""},
		{"SLACK_MODE", "http", ""},
		{"SLACK_MODE", "webhook", "must be one of empty, socket, http"},
		{"DISCORD_BOT_TOKEN", "MTA.abc.def", ""},
		{"DISCORD_BOT_TOKEN", "Bot MTA.abc.def", "must not contain whitespace"},
		{"DISCORD_GUILD_ID", "123456789012345678", ""},
		{"DISCORD_GUILD_ID", "guild-1", "must be digits only"},
		{"DISCORD_API_URL", "http://127.0.0.1:8088/api/v9/", ""},
		{"DISCORD_API_URL", "http://127.0.0.1:8088/api/v9", "must end with /"},
		{"DISCORD_SHARD_ID", "-1", "must be 0 or more"},
		{"DISCORD_SHARD_ID", "one", "must be an integer"},
		{"DISCORD_SHARD_COUNT", "0", "must be 1 or more"},
		{"DISCORD_PUBLIC_KEY", strings.Repeat("aB", 32), ""},
		{"DISCORD_PUBLIC_KEY", strings.Repeat("ab", 31), "must be 64 hexadecimal characters"},
		{"DISCORD_PUBLIC_KEY", strings.Repeat("ab", 33), "must be 64 hexadecimal characters"},
		{"DISCORD_PUBLIC_KEY", strings.Repeat("zz", 32), "must be 64 hexadecimal characters"},
		{"DISCORD_PUBLIC_KEY", strings.Repeat("ab", 31) + " a", "must be 64 hexadecimal characters"},
		{"DISCORD_MESSAGE_CONTENT", "true", ""},
		{"DISCORD_MESSAGE_CONTENT", "off", ""},
		{"DISCORD_MESSAGE_CONTENT", "maybe", "must be true or false"},
		{"OPENAI_API_KEY", "sk-abc", ""},
		{"OPENAI_API_KEY", "sk abc", "must not contain whitespace"},
		{"OPENAI_BASE_URL", "http://127.0.0.1:11434/v1", ""},
		{"OPENAI_BASE_URL", "localhost:11434", "must be an absolute http or https URL"},
		{"TALKSBOT_LLM_MODEL", " ", "must not be empty"},
		{"TALKSBOT_LLM_TIMEOUT", "1m30s", ""},
		{"TALKSBOT_LLM_TIMEOUT", "20", "must be a duration such as 20s or 1m30s"},
		{"TALKSBOT_LLM_TIMEOUT", "-1s", "must be greater than 0"},
		{"TALKSBOT_LLM_TIMEOUT", "0s", "must be greater than 0"},
		{"TALKSBOT_LLM_MAX_TOKENS", "16", ""},
		{"TALKSBOT_LLM_MAX_TOKENS", "4096", ""},
		{"TALKSBOT_LLM_MAX_TOKENS", " 800 ", ""},
		{"TALKSBOT_LLM_MAX_TOKENS", "0", "must be from 16 to 4096"},
		{"TALKSBOT_LLM_MAX_TOKENS", "15", "must be from 16 to 4096"},
		{"TALKSBOT_LLM_MAX_TOKENS", "4097", "must be from 16 to 4096"},
		{"TALKSBOT_LLM_MAX_TOKENS", "5000", "must be from 16 to 4096"},
		{"TALKSBOT_LLM_MAX_TOKENS", "-400", "must be from 16 to 4096"},
		{"TALKSBOT_LLM_MAX_TOKENS", "abc", "must be an integer"},
		{"TALKSBOT_LLM_MAX_TOKENS", "400.5", "must be an integer"},
		{"TALKSBOT_EMBED_MODEL", "text-embedding-3-small", ""},
		{"TALKSBOT_DOCS", dir, ""},
		{"TALKSBOT_DOCS", filepath.Join(dir, "missing"), "must be an existing folder: it does not exist"},
		{"TALKSBOT_DOCS", file, "must be a folder, not a file"},
		{"TALKSBOT_SYNONYMS", file, ""},
		{"TALKSBOT_SYNONYMS", dir, "must be a regular file"},
		{"TALKSBOT_SYNONYMS", filepath.Join(dir, "missing.txt"), "must be an existing file: it does not exist"},
		{"TALKSBOT_QUESTION_LOG", "anonymous", ""},
		{"TALKSBOT_QUESTION_LOG", "off", ""},
		{"TALKSBOT_QUESTION_LOG", "users", "must be one of full, anonymous, off"},
		{"TALKSBOT_STATE_MAX_SIZE", "500MB", ""},
		{"TALKSBOT_STATE_MAX_SIZE", "2 GiB", ""},
		{"TALKSBOT_STATE_MAX_SIZE", "10kB", "must be at least 1.0 MB"},
		{"TALKSBOT_STATE_MAX_SIZE", "big", "must be a size such as 500MB or 2GiB"},
		{"TALKSBOT_SHUTDOWN_GRACE", "45s", ""},
		{"TALKSBOT_SHUTDOWN_GRACE", "500ms", "must be from 1s to 5m0s"},
		{"TALKSBOT_SHUTDOWN_GRACE", "soon", "must be a duration such as 20s or 1m30s"},
		{"TALKSBOT_RETENTION", "30d", ""},
		{"TALKSBOT_RETENTION", "36h", ""},
		{"TALKSBOT_RETENTION", "0d", "must be greater than zero"},
		{"TALKSBOT_RETENTION", "100000d", "must be at most 36500 days (100 years)"},
		{"TALKSBOT_RETENTION", "forever", "must be a number of days (90d), hours (36h) or minutes (90m)"},
		{"TALKSBOT_API_TOKEN", "0123456789abcdef", ""},
		{"TALKSBOT_API_TOKEN", "short", "must be at least 16 characters"},
		{"TALKSBOT_API_TOKEN", "0123456789 abcdef", "must not contain whitespace"},
		{"TALKSBOT_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.10,::1", ""},
		{"TALKSBOT_TRUSTED_PROXIES", "10.0.0.0/8,proxy.local", `must be IP addresses or CIDRs such as 10.0.0.0/8: "proxy.local" is neither`},
		{"TALKSBOT_TRUSTED_PROXIES", "10.0.0.0/33", `must be IP addresses or CIDRs such as 10.0.0.0/8: "10.0.0.0/33" is neither`},
		{"TALKSBOT_DATA", filepath.Join(dir, "state"), ""},
		{"TALKSBOT_DATA", file, "must be a folder, not a file"},
		{"TALKSBOT_HTTP_ADDR", ":0", ""},
		{"TALKSBOT_HTTP_ADDR", "[::1]:8080", ""},
		{"TALKSBOT_HTTP_ADDR", "8080", "must be host:port, e.g. 127.0.0.1:8080"},
		{"TALKSBOT_HTTP_ADDR", "127.0.0.1:99999", "must have a port between 0 and 65535"},
		{"TALKSBOT_HTTP_ADDR", "127.0.0.1:http", "must have a port between 0 and 65535"},
		{"TALKSBOT_LOG_FORMAT", "json", ""},
		{"TALKSBOT_LOG_FORMAT", "xml", "must be one of text, json"},
		{"TALKSBOT_LOG_LEVEL", "debug", ""},
		{"TALKSBOT_LOG_LEVEL", "loud", "must be one of debug, info, warn, error"},
		{"TALKSBOT_RATE_LIMIT", "0", ""},
		{"TALKSBOT_RATE_LIMIT", "-5", "must be 0 or more"},
		{"TALKSBOT_MAX_CONCURRENT", "1", ""},
		{"TALKSBOT_MAX_CONCURRENT", "0", "must be from 1 to 1024"},
		{"TALKSBOT_MAX_CONCURRENT", "1025", "must be from 1 to 1024"},
	}
	for _, tc := range tests {
		t.Run(tc.key+"="+tc.value, func(t *testing.T) {
			_, err := config.Load(config.Sources{Env: envMap(map[string]string{tc.key: tc.value})})
			if tc.rule == "" {
				if err != nil {
					t.Errorf("got error %v, want none", err)
				}
				return
			}
			var ke *config.KeyError
			if !errors.As(err, &ke) {
				t.Fatalf("got error %v, want a *config.KeyError", err)
			}
			if ke.Key != tc.key || ke.Rule != tc.rule {
				t.Errorf("got %s / %q, want %s / %q", ke.Key, ke.Rule, tc.key, tc.rule)
			}
			if !strings.HasPrefix(err.Error(), tc.key+": ") {
				t.Errorf("got message %q, want it to start with the key", err)
			}
		})
	}
}

func TestParsedValues(t *testing.T) {
	c := mustLoad(t, config.Sources{Env: envMap(map[string]string{
		"SLACK_BOT_TOKEN":         "xoxb-1",
		"SLACK_MODE":              "http",
		"SLACK_SIGNING_SECRET":    "s3cret",
		"DISCORD_SHARD_ID":        "2",
		"DISCORD_SHARD_COUNT":     "3",
		"DISCORD_MESSAGE_CONTENT": "yes",
		"TALKSBOT_LLM_TIMEOUT":    "1m30s",
		"TALKSBOT_LLM_MAX_TOKENS": "800",
		"TALKSBOT_LOG_LEVEL":      "warn",
		"TALKSBOT_RATE_LIMIT":     "0",
	})})
	if got := c.SlackBotToken.Reveal(); got != "xoxb-1" {
		t.Errorf("SlackBotToken: got %q, want xoxb-1", got)
	}
	if c.DiscordShardID != 2 || c.DiscordShardCount != 3 {
		t.Errorf("shards: got %d/%d, want 2/3", c.DiscordShardID, c.DiscordShardCount)
	}
	if !c.DiscordMessageContent {
		t.Errorf("DiscordMessageContent: got false, want true")
	}
	if c.LLMTimeout != 90*time.Second {
		t.Errorf("LLMTimeout: got %v, want 1m30s", c.LLMTimeout)
	}
	if c.LLMMaxTokens != 800 {
		t.Errorf("LLMMaxTokens: got %d, want 800", c.LLMMaxTokens)
	}
	if c.LogLevel != slog.LevelWarn {
		t.Errorf("LogLevel: got %v, want WARN", c.LogLevel)
	}
	if c.RateLimit != 0 {
		t.Errorf("RateLimit: got %d, want 0", c.RateLimit)
	}
}

func TestLLMMaxTokensErrorNamesKeyValueAndRule(t *testing.T) {
	tests := []struct {
		value string
		want  string
	}{
		{"0", `TALKSBOT_LLM_MAX_TOKENS: "0" must be from 16 to 4096`},
		{"5000", `TALKSBOT_LLM_MAX_TOKENS: "5000" must be from 16 to 4096`},
		{"abc", `TALKSBOT_LLM_MAX_TOKENS: "abc" must be an integer`},
	}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			for name, src := range map[string]config.Sources{
				"env":  {Env: envMap(map[string]string{"TALKSBOT_LLM_MAX_TOKENS": tc.value})},
				"file": {File: writeFile(t, "talksbot_llm_max_tokens: "+tc.value+"\n")},
				"flag": {Flags: map[string]string{"TALKSBOT_LLM_MAX_TOKENS": tc.value}},
			} {
				_, err := config.Load(src)
				if err == nil || err.Error() != tc.want {
					t.Errorf("%s: got error %v, want %q", name, err, tc.want)
				}
			}
		})
	}
}

// TestKeysAreJudgedAlone shows that Load applies each key's own rule and
// nothing more: which Slack tokens a mode needs, or the Discord shard
// bounds, are the adapters' rules (their Options.Validate).
func TestKeysAreJudgedAlone(t *testing.T) {
	for _, env := range []map[string]string{
		{"SLACK_MODE": "socket"},
		{"SLACK_APP_TOKEN": "xapp-1"},
		{"SLACK_BOT_TOKEN": "xoxb-1"},
		{"DISCORD_SHARD_ID": "2", "DISCORD_SHARD_COUNT": "2"},
	} {
		if _, err := config.Load(config.Sources{Env: envMap(env)}); err != nil {
			t.Errorf("%v: got error %v, want none", env, err)
		}
	}
}

func TestEveryErrorAtOnce(t *testing.T) {
	file := writeFile(t, "talksbot_log_format: xml\nslack_tokn: x\n")
	_, err := config.Load(config.Sources{
		File: file,
		Env: envMap(map[string]string{
			"SLACK_APP_TOKEN":      "xoxb-0123456789",
			"TALKSBOT_LLM_TIMEOUT": "soon",
		}),
		Flags: map[string]string{"TALKSBOT_MAX_CONCURRENT": "0"},
	})
	want := []string{
		`config file ` + file + `: line 2: unknown key "slack_tokn"`,
		`SLACK_APP_TOKEN: "xoxb-…" must start with xapp-`,
		`TALKSBOT_LLM_TIMEOUT: "soon" must be a duration such as 20s or 1m30s`,
		`TALKSBOT_LOG_FORMAT: "xml" must be one of text, json`,
		`TALKSBOT_MAX_CONCURRENT: "0" must be from 1 to 1024`,
	}
	parts := joined(err)
	if len(parts) != len(want) {
		t.Fatalf("got %d errors %v, want %d", len(parts), err, len(want))
	}
	for i, p := range parts {
		if p.Error() != want[i] {
			t.Errorf("error %d: got %q, want %q", i, p.Error(), want[i])
		}
	}
}

func TestPrecedence(t *testing.T) {
	file := writeFile(t, strings.Join([]string{
		"talksbot_llm_model: from-file",
		"talksbot_embed_model: from-file",
		"talksbot_http_addr: 127.0.0.1:1",
		"talksbot_log_level: debug",
	}, "\n"))
	env := map[string]string{
		"TALKSBOT_EMBED_MODEL": "from-env",
		"TALKSBOT_HTTP_ADDR":   "127.0.0.1:2",
		"TALKSBOT_LOG_FORMAT":  "json",
		"TALKSBOT_LOG_LEVEL":   "", // empty counts as unset: the file's value stands
	}
	flags := map[string]string{"TALKSBOT_HTTP_ADDR": "127.0.0.1:3"}
	c := mustLoad(t, config.Sources{File: file, Env: envMap(env), Flags: flags})

	tests := []struct {
		key        string
		got, want  string
		wantSource config.Source
	}{
		{"TALKSBOT_RATE_LIMIT", fmt.Sprint(c.RateLimit), "20", config.SourceDefault},
		{"TALKSBOT_LLM_MODEL", c.LLMModel, "from-file", config.SourceFile},
		{"TALKSBOT_LOG_LEVEL", c.LogLevel.String(), "DEBUG", config.SourceFile},
		{"TALKSBOT_EMBED_MODEL", c.EmbedModel, "from-env", config.SourceEnv},
		{"TALKSBOT_LOG_FORMAT", c.LogFormat, "json", config.SourceEnv},
		{"TALKSBOT_HTTP_ADDR", c.HTTPAddr, "127.0.0.1:3", config.SourceFlag},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("value: got %q, want %q", tc.got, tc.want)
			}
			if got := c.Source(tc.key); got != tc.wantSource {
				t.Errorf("source: got %s, want %s", got, tc.wantSource)
			}
		})
	}
}

func TestFileErrors(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    string // the error message after "config file <path>: "
	}{
		{"malformed", "slack_mode: socket\n  bad: [indent\n", "yaml: line 2: "},
		{"tab indentation", "slack_mode:\n\t- x\n", "yaml: line 2: "},
		{"unknown key", "slack_mode: socket\nslack_bot_tokn: xoxb-1\n", `line 2: unknown key "slack_bot_tokn"`},
		{"upper-case key", "SLACK_MODE: socket\n", `line 1: unknown key "SLACK_MODE" (keys are lower case: "slack_mode")`},
		{"repeated key", "talksbot_log_level: info\ntalksbot_log_level: debug\n", `line 2: key "talksbot_log_level" repeated (first on line 1)`},
		{"list value", "talksbot_docs:\n  - a\n  - b\n", "line 2: talksbot_docs must be a single value, not a list or mapping"},
		{"not a mapping", "- slack_mode\n", "line 1: must be a mapping of keys to values"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, tc.content)
			_, err := config.Load(config.Sources{File: p})
			if err == nil {
				t.Fatal("got no error, want one")
			}
			prefix := "config file " + p + ": "
			if !strings.HasPrefix(err.Error(), prefix+tc.want) {
				t.Errorf("got %q, want it to start with %q", err, prefix+tc.want)
			}
		})
	}

	t.Run("missing", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "absent.yaml")
		_, err := config.Load(config.Sources{File: p})
		if err == nil || !strings.Contains(err.Error(), p) || !errors.Is(err, os.ErrNotExist) {
			t.Errorf("got %v, want a not-exist error naming %s", err, p)
		}
	})
	t.Run("folder", func(t *testing.T) {
		p := t.TempDir()
		_, err := config.Load(config.Sources{File: p})
		if err == nil || !strings.Contains(err.Error(), "is a folder") {
			t.Errorf("got %v, want an error saying %s is a folder", err, p)
		}
	})
	t.Run("too large", func(t *testing.T) {
		p := writeFile(t, "# "+strings.Repeat("x", config.MaxFileSize))
		_, err := config.Load(config.Sources{File: p})
		if err == nil || !strings.Contains(err.Error(), "larger than") {
			t.Errorf("got %v, want a size error", err)
		}
	})
}

func TestFileValues(t *testing.T) {
	tests := []struct {
		name, content string
	}{
		{"empty file", ""},
		{"comments only", "# nothing yet\n"},
		{"null value", "talksbot_embed_model:\nopenai_base_url: ~\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := mustLoad(t, config.Sources{File: writeFile(t, tc.content)})
			if c.EmbedModel != "" || c.OpenAIBaseURL != "" {
				t.Errorf("got %q/%q, want both empty", c.EmbedModel, c.OpenAIBaseURL)
			}
		})
	}

	c := mustLoad(t, config.Sources{File: writeFile(t, strings.Join([]string{
		"slack_bot_token: xoxb-file",
		"slack_app_token: xapp-file",
		"discord_shard_count: 4",
		"discord_message_content: true",
		"talksbot_llm_timeout: 5s",
		`talksbot_http_addr: "0.0.0.0:9000"`,
	}, "\n"))})
	if c.SlackBotToken.Reveal() != "xoxb-file" || c.DiscordShardCount != 4 || !c.DiscordMessageContent ||
		c.LLMTimeout != 5*time.Second || c.HTTPAddr != "0.0.0.0:9000" {
		t.Errorf("got %+v, want the file's values", c.Redacted())
	}
}

func TestUnknownFlagKey(t *testing.T) {
	_, err := config.Load(config.Sources{Flags: map[string]string{"TALKSBOT_NOPE": "x"}})
	if err == nil || !strings.Contains(err.Error(), "TALKSBOT_NOPE") {
		t.Errorf("got %v, want an error naming TALKSBOT_NOPE", err)
	}
}

func TestSecretsRedacted(t *testing.T) {
	const (
		bot     = "xoxb-111-222-Sekr1tBOT"
		signing = "Sekr1tSIGNINGVALUE"
		discord = "Sekr1tDISCORD.abc"
		openai  = "sk-Sekr1tOPENAI"
	)
	c := mustLoad(t, config.Sources{Env: envMap(map[string]string{
		"SLACK_BOT_TOKEN":      bot,
		"SLACK_SIGNING_SECRET": signing,
		"DISCORD_BOT_TOKEN":    discord,
		"OPENAI_API_KEY":       openai,
	})})

	var printed bytes.Buffer
	if err := c.Print(&printed); err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("cfg", "token", c.SlackBotToken, "key", c.OpenAIAPIKey)
	js, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{
		"Print":  printed.String(),
		"%v":     fmt.Sprintf("%v", c),
		"%+v":    fmt.Sprintf("%+v", c),
		"%#v":    fmt.Sprintf("%#v", c),
		"String": c.SlackBotToken.String(),
		"slog":   logged.String(),
		"json":   string(js),
	}
	for name, out := range outputs {
		for _, secret := range []string{"Sekr1t", bot, signing, discord, openai} {
			if strings.Contains(out, secret) {
				t.Errorf("%s: got output containing %q:\n%s", name, secret, out)
			}
		}
	}
	if !strings.Contains(printed.String(), "set (redacted)") {
		t.Errorf("Print: got %q, want secrets shown as set (redacted)", printed.String())
	}

	for _, s := range c.Redacted() {
		wantSet := map[string]bool{"SLACK_BOT_TOKEN": true, "SLACK_SIGNING_SECRET": true, "DISCORD_BOT_TOKEN": true, "OPENAI_API_KEY": true}
		switch {
		case s.Secret && wantSet[s.Key] && s.Value != config.Redacted:
			t.Errorf("%s: got %q, want %q", s.Key, s.Value, config.Redacted)
		case s.Secret && !wantSet[s.Key] && s.Value != "":
			t.Errorf("%s: got %q, want empty for an unset secret", s.Key, s.Value)
		}
	}

	// Errors show at most a secret's type prefix.
	_, err = config.Load(config.Sources{Env: envMap(map[string]string{
		"SLACK_APP_TOKEN":      "xoxb-Sekr1t-value",
		"SLACK_SIGNING_SECRET": "Sekr1t value",
		"SLACK_BOT_TOKEN":      "Sekr1txoxb",
	})})
	want := []string{
		`SLACK_BOT_TOKEN: "…" must start with xoxb-`,
		`SLACK_APP_TOKEN: "xoxb-…" must start with xapp-`,
		`SLACK_SIGNING_SECRET: "…" must not contain whitespace`,
	}
	if got := err.Error(); got != strings.Join(want, "\n") {
		t.Errorf("got errors:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestPrintListsEveryKey(t *testing.T) {
	c := mustLoad(t, config.Sources{
		Env:   envMap(map[string]string{"TALKSBOT_LOG_FORMAT": "json"}),
		Flags: map[string]string{"TALKSBOT_EMBED_MODEL": "e"},
	})
	var b bytes.Buffer
	if err := c.Print(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != len(config.Keys())+1 {
		t.Fatalf("got %d lines, want a header and one per key:\n%s", len(lines), b.String())
	}
	wants := map[string][]string{
		"TALKSBOT_LOG_FORMAT":  {"json", "env"},
		"TALKSBOT_EMBED_MODEL": {"e", "flag"},
		"TALKSBOT_HTTP_ADDR":   {"127.0.0.1:8080", "default"},
		"SLACK_BOT_TOKEN":      {"(not set)", "default"},
	}
	for _, line := range lines[1:] {
		f := strings.Fields(line)
		if want, ok := wants[f[0]]; ok {
			if !strings.Contains(line, " "+want[0]+" ") || f[len(f)-1] != want[1] {
				t.Errorf("got line %q, want value %q and source %s", line, want[0], want[1])
			}
		}
	}
}

func TestInvalidConfigStillPrintable(t *testing.T) {
	c, err := config.Load(config.Sources{Env: envMap(map[string]string{"TALKSBOT_RATE_LIMIT": "lots"})})
	if err == nil {
		t.Fatal("got no error, want one")
	}
	for _, s := range c.Redacted() {
		if s.Key == "TALKSBOT_RATE_LIMIT" && (s.Value != "lots" || s.Source != config.SourceEnv) {
			t.Errorf("got %+v, want the invalid value as given, from env", s)
		}
	}
}

func TestTrustedProxiesParsed(t *testing.T) {
	c, err := config.Load(config.Sources{Env: envMap(map[string]string{"TALKSBOT_TRUSTED_PROXIES": "10.1.2.3/8, 192.168.1.10 ,::1"})})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range c.TrustedProxies {
		got = append(got, p.String())
	}
	if want := "10.0.0.0/8 192.168.1.10/32 ::1/128"; strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDatabaseURL(t *testing.T) {
	const password = "Sekr1t-pa55"
	tests := []struct {
		name    string
		url     string
		shown   string // in config check
		wantErr string // the whole error, "" for none
	}{
		{name: "unset", url: "", shown: ""},
		{name: "with a password", url: "postgres://talksbot:" + password + "@db:5432/talksbot?sslmode=require",
			shown: "postgres://talksbot:xxxxx@db:5432/talksbot?sslmode=require"},
		{name: "postgresql scheme, no password", url: "postgresql://talksbot@db/talksbot",
			shown: "postgresql://talksbot@db/talksbot"},
		{name: "password as a parameter", url: "postgres://db/talksbot?user=talksbot&password=" + password + "&pool_max_conns=20",
			shown: "postgres://db/talksbot?password=xxxxx&pool_max_conns=20&user=talksbot"},
		{name: "another scheme", url: "mysql://talksbot:" + password + "@db/talksbot",
			wantErr: `TALKSBOT_DATABASE_URL: "mysql://talksbot:xxxxx@db/talksbot" must be a postgres:// or postgresql:// URL`},
		{name: "keyword/value", url: "host=db user=talksbot password=" + password,
			wantErr: `TALKSBOT_DATABASE_URL: "set (redacted)" must be a postgres:// or postgresql:// URL`},
		{name: "bad port", url: "postgres://talksbot:" + password + "@db:fivefour/talksbot",
			wantErr: `TALKSBOT_DATABASE_URL: "set (redacted)" must be a URL pgx can parse: invalid port`},
		{name: "bad sslmode", url: "postgres://talksbot:" + password + "@db/talksbot?sslmode=sometimes",
			wantErr: `TALKSBOT_DATABASE_URL: "postgres://talksbot:xxxxx@db/talksbot?sslmode=sometimes" must be a URL pgx can parse: failed to configure TLS (sslmode is invalid)`},
		{name: "bad pool size", url: "postgres://talksbot:" + password + "@db/talksbot?pool_max_conns=0",
			wantErr: `TALKSBOT_DATABASE_URL: "postgres://talksbot:xxxxx@db/talksbot?pool_max_conns=0" must be a URL pgx can parse: pool_max_conns too small`},
		{name: "bad escape in the password", url: "postgres://talksbot:" + password + "%zz@db/talksbot",
			wantErr: `TALKSBOT_DATABASE_URL: "set (redacted)" must be a URL pgx can parse: failed to parse as URL (invalid percent-encoded token in password)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := config.Load(config.Sources{Env: envMap(map[string]string{"TALKSBOT_DATABASE_URL": tt.url})})
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("got error %v, want %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if c.DatabaseURL.Reveal() != tt.url {
				t.Errorf("DatabaseURL = %q, want %q", c.DatabaseURL.Reveal(), tt.url)
			}
			var printed bytes.Buffer
			if err := c.Print(&printed); err != nil {
				t.Fatal(err)
			}
			outputs := map[string]string{"Print": printed.String(), "%v": fmt.Sprint(c), "String": c.DatabaseURL.String()}
			for name, out := range outputs {
				if strings.Contains(out, password) {
					t.Errorf("%s reveals the password:\n%s", name, out)
				}
			}
			for _, s := range c.Redacted() {
				if s.Key == "TALKSBOT_DATABASE_URL" && s.Value != tt.shown {
					t.Errorf("config check shows %q, want %q", s.Value, tt.shown)
				}
			}
		})
	}
}
