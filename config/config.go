package config

import (
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"strings"
	"text/tabwriter"
	"time"
)

// Config is talksbot's effective configuration. Load returns it by value once
// every setting is parsed and validated; nothing changes it afterwards.
type Config struct {
	SlackBotToken      Secret // SLACK_BOT_TOKEN
	SlackAppToken      Secret // SLACK_APP_TOKEN, for Socket Mode
	SlackSigningSecret Secret // SLACK_SIGNING_SECRET, for HTTP mode
	SlackAPIURL        string // SLACK_API_URL, ends with "/"
	SlackMode          string // SLACK_MODE: "socket", "http" or "" to choose from the tokens set

	DiscordBotToken       Secret // DISCORD_BOT_TOKEN
	DiscordGuildID        string // DISCORD_GUILD_ID, "" to register commands globally
	DiscordAPIURL         string // DISCORD_API_URL, ends with "/"
	DiscordShardID        int    // DISCORD_SHARD_ID, ≥ 0, 0 when unset; the Discord adapter checks it against the count
	DiscordShardCount     int    // DISCORD_SHARD_COUNT, ≥ 1, 0 when unset
	DiscordPublicKey      string // DISCORD_PUBLIC_KEY, hex; "" for no interactions over HTTP
	DiscordMessageContent bool   // DISCORD_MESSAGE_CONTENT: read plain messages (a privileged intent)

	OpenAIAPIKey  Secret        // OPENAI_API_KEY
	OpenAIBaseURL string        // OPENAI_BASE_URL, "" for the client's default
	LLMModel      string        // TALKSBOT_LLM_MODEL
	LLMTimeout    time.Duration // TALKSBOT_LLM_TIMEOUT
	LLMMaxTokens  int           // TALKSBOT_LLM_MAX_TOKENS: the most tokens a draft may take, 16 to 4096
	EmbedModel    string        // TALKSBOT_EMBED_MODEL, "" for none

	Docs     string // TALKSBOT_DOCS: a folder of extra documents, "" for none
	Synonyms string // TALKSBOT_SYNONYMS: an operator's synonym groups file, "" for none
	Data     string // TALKSBOT_DATA: the state folder
	// DatabaseURL is TALKSBOT_DATABASE_URL: the PostgreSQL database that
	// replicas share, in place of SQLite under Data; unset for SQLite. It
	// holds a password: it prints redacted, and `config check` and errors
	// show the URL with the password replaced by xxxxx.
	DatabaseURL Secret
	// StateMaxSize is TALKSBOT_STATE_MAX_SIZE: the size of the state
	// database past which serve warns, in bytes.
	StateMaxSize int64
	// ShutdownGrace is TALKSBOT_SHUTDOWN_GRACE: how long serve lets
	// answers in flight finish once it is told to stop.
	ShutdownGrace time.Duration
	// QuestionLog is TALKSBOT_QUESTION_LOG: what the question log keeps,
	// "full", "anonymous" or "off".
	QuestionLog string
	// Retention is TALKSBOT_RETENTION: how long questions and feedback are
	// kept.
	Retention time.Duration
	HTTPAddr  string // TALKSBOT_HTTP_ADDR, host:port
	// APIToken is TALKSBOT_API_TOKEN: the bearer token of /v1/ask and
	// /metrics; unset, they answer loopback clients only.
	APIToken Secret
	// TrustedProxies is TALKSBOT_TRUSTED_PROXIES: the peers whose
	// X-Forwarded-For is believed.
	TrustedProxies []netip.Prefix
	LogFormat      string     // TALKSBOT_LOG_FORMAT: "text" or "json"
	LogLevel       slog.Level // TALKSBOT_LOG_LEVEL
	RateLimit      int        // TALKSBOT_RATE_LIMIT: questions per minute per user, 0 for no limit
	MaxConcurrent  int        // TALKSBOT_MAX_CONCURRENT: answers computed at once

	settings []Setting // what Load saw, for Redacted and Source
}

// Secret is a sensitive setting such as a token. It prints as
// "set (redacted)" in every format, including logs, so it cannot leak by
// accident; Reveal returns the value itself.
type Secret string

// Redacted is how a set secret is shown.
const Redacted = "set (redacted)"

// Reveal returns the secret's value, to hand to the client that needs it.
func (s Secret) Reveal() string { return string(s) }

// IsSet reports whether the secret has a value.
func (s Secret) IsSet() bool { return s != "" }

// String returns "set (redacted)", or "" when the secret is not set.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return Redacted
}

// GoString redacts the secret for the %#v verb.
func (s Secret) GoString() string { return fmt.Sprintf("%q", s.String()) }

// LogValue redacts the secret in slog output.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalText redacts the secret in JSON, YAML and other encodings.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

var (
	_ fmt.Stringer   = Secret("")
	_ fmt.GoStringer = Secret("")
	_ slog.LogValuer = Secret("")
)

// Source says where a setting's effective value came from.
type Source string

// Sources, lowest precedence first.
const (
	SourceDefault Source = "default"
	SourceFile    Source = "file"
	SourceEnv     Source = "env"
	SourceFlag    Source = "flag"
)

// Setting is one key's effective value as printed by `talksbot config check`.
type Setting struct {
	Key    string // the environment name, e.g. "SLACK_BOT_TOKEN"
	Value  string // the value as given; for a set secret Redacted, or a URL's parts that are not secret
	Source Source
	Secret bool
}

// Redacted returns every key's effective value and where it came from, in
// table order, with secrets redacted.
func (c Config) Redacted() []Setting {
	out := make([]Setting, len(c.settings))
	copy(out, c.settings)
	return out
}

// Source reports where key's effective value came from; SourceDefault for an
// unknown key.
func (c Config) Source(key string) Source {
	for _, s := range c.settings {
		if s.Key == key {
			return s.Source
		}
	}
	return SourceDefault
}

// Print writes the effective configuration as a table of key, value and
// source, with secrets redacted.
func (c Config) Print(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tVALUE\tSOURCE")
	for _, s := range c.settings {
		v := s.Value
		if v == "" {
			v = "(not set)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", s.Key, v, s.Source)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("print config: %w", err)
	}
	return nil
}

// String describes the configuration on one line with secrets redacted, so
// printing a Config by mistake leaks nothing.
func (c Config) String() string {
	var b strings.Builder
	b.WriteString("config{")
	for i, s := range c.settings {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s=%q", s.Key, s.Value)
	}
	b.WriteByte('}')
	return b.String()
}

// GoString redacts the configuration for the %#v verb.
func (c Config) GoString() string { return c.String() }

// KeyError says why one setting is invalid.
type KeyError struct {
	Key   string // the environment name, e.g. "SLACK_APP_TOKEN"
	Value string // the value as given, redacted for secrets; "" when the rule is about an unset key
	Rule  string // the rule broken, e.g. "must start with xapp-"
}

// Error says "KEY: "value" rule", or "KEY: rule" when there is no value to show.
func (e *KeyError) Error() string {
	if e.Value == "" {
		return e.Key + ": " + e.Rule
	}
	return fmt.Sprintf("%s: %q %s", e.Key, e.Value, e.Rule)
}

// Key describes one setting for documentation.
type Key struct {
	Name    string // the environment name; the YAML key is the same in lower case
	Default string
	Rule    string
	Secret  bool
}

// Keys lists every setting Load knows, in table order.
func Keys() []Key {
	out := make([]Key, len(table))
	for i, k := range table {
		out[i] = Key{Name: k.name, Default: k.def, Rule: k.rule, Secret: k.secret}
	}
	return out
}
