package config

import (
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dustin/go-humanize"
	"github.com/jackc/pgx/v5/pgxpool"
)

// key is one row of the settings table: its name, default, rule and how its
// raw text becomes a field of Config.
type key struct {
	name   string
	def    string
	rule   string // for documentation; the parsers' errors say the same per case
	secret bool
	// show, when set, is how a set secret's value is printed and quoted
	// in errors, in place of Redacted: the parts that are not secret.
	show func(raw string) string
	set  func(c *Config, raw string) error
}

// table declares every setting once, in the order `config check` prints them.
var table = []key{
	{name: "SLACK_BOT_TOKEN", secret: true, rule: "starts with xoxb-",
		set: bind(func(c *Config) *Secret { return &c.SlackBotToken }, token("xoxb-"))},
	{name: "SLACK_APP_TOKEN", secret: true, rule: "starts with xapp-; needed for Socket Mode",
		set: bind(func(c *Config) *Secret { return &c.SlackAppToken }, token("xapp-"))},
	{name: "SLACK_SIGNING_SECRET", secret: true, rule: "no whitespace; needed for HTTP mode",
		set: bind(func(c *Config) *Secret { return &c.SlackSigningSecret }, token(""))},
	{name: "SLACK_API_URL", def: "https://slack.com/api/", rule: "absolute http(s) URL ending with /",
		set: bind(func(c *Config) *string { return &c.SlackAPIURL }, baseURL(true))},
	{name: "SLACK_MODE", rule: "socket, http or empty (chosen from the tokens set)",
		set: bind(func(c *Config) *string { return &c.SlackMode }, oneOf("", "socket", "http"))},

	{name: "DISCORD_BOT_TOKEN", secret: true, rule: "no whitespace, without the \"Bot \" prefix",
		set: bind(func(c *Config) *Secret { return &c.DiscordBotToken }, token(""))},
	{name: "DISCORD_GUILD_ID", rule: "digits (a guild id); empty registers commands globally",
		set: bind(func(c *Config) *string { return &c.DiscordGuildID }, digits)},
	{name: "DISCORD_API_URL", def: "https://discord.com/api/v9/", rule: "absolute http(s) URL ending with /",
		set: bind(func(c *Config) *string { return &c.DiscordAPIURL }, baseURL(true))},
	{name: "DISCORD_SHARD_ID", rule: "integer, 0 ≤ id < DISCORD_SHARD_COUNT; set with DISCORD_SHARD_COUNT or not at all",
		set: bind(func(c *Config) *int { return &c.DiscordShardID }, optional(atLeast(0)))},
	{name: "DISCORD_SHARD_COUNT", rule: "integer ≥ 1; set with DISCORD_SHARD_ID or not at all (one shard)",
		set: bind(func(c *Config) *int { return &c.DiscordShardCount }, optional(atLeast(1)))},
	{name: "DISCORD_PUBLIC_KEY", rule: "64 hexadecimal characters (the application's public key); enables interactions over HTTP",
		set: bind(func(c *Config) *string { return &c.DiscordPublicKey }, optional(hexKey(32)))},
	{name: "DISCORD_MESSAGE_CONTENT", def: "false", rule: "true or false (a privileged intent)",
		set: bind(func(c *Config) *bool { return &c.DiscordMessageContent }, boolean)},

	{name: "OPENAI_API_KEY", secret: true, rule: "no whitespace; enables LLM answers",
		set: bind(func(c *Config) *Secret { return &c.OpenAIAPIKey }, token(""))},
	{name: "OPENAI_BASE_URL", rule: "absolute http(s) URL; empty for the OpenAI API",
		set: bind(func(c *Config) *string { return &c.OpenAIBaseURL }, optional(baseURL(false)))},
	{name: "TALKSBOT_LLM_MODEL", def: "gpt-4o-mini", rule: "not empty",
		set: bind(func(c *Config) *string { return &c.LLMModel }, nonEmpty)},
	{name: "TALKSBOT_LLM_TIMEOUT", def: "20s", rule: "duration > 0, e.g. 20s",
		set: bind(func(c *Config) *time.Duration { return &c.LLMTimeout }, positiveDuration)},
	{name: "TALKSBOT_LLM_MAX_TOKENS", def: "400", rule: "integer from 16 to 4096",
		set: bind(func(c *Config) *int { return &c.LLMMaxTokens }, between(16, 4096))},
	{name: "TALKSBOT_EMBED_MODEL", rule: "model name; empty for no embeddings",
		set: bind(func(c *Config) *string { return &c.EmbedModel }, anyText)},

	{name: "TALKSBOT_DOCS", rule: "existing folder; empty for the article alone",
		set: bind(func(c *Config) *string { return &c.Docs }, optional(existingDir))},
	{name: "TALKSBOT_SYNONYMS", rule: "existing file of synonym groups; empty for WordNet's alone",
		set: bind(func(c *Config) *string { return &c.Synonyms }, optional(existingFile))},
	{name: "TALKSBOT_DATA", def: "./data", rule: "folder path (created when needed)",
		set: bind(func(c *Config) *string { return &c.Data }, dataDir)},
	{name: "TALKSBOT_DATABASE_URL", secret: true, show: redactURL,
		rule: "postgres:// or postgresql:// URL that pgx accepts: shared state for several replicas; empty: SQLite under TALKSBOT_DATA",
		set:  bind(func(c *Config) *Secret { return &c.DatabaseURL }, databaseURL)},
	{name: "TALKSBOT_QUESTION_LOG", def: "full", rule: "full, anonymous (no user ids) or off",
		set: bind(func(c *Config) *string { return &c.QuestionLog }, oneOf("full", "anonymous", "off"))},
	{name: "TALKSBOT_RETENTION", def: "90d", rule: "how long questions and feedback are kept: days (90d) or a duration (36h), > 0",
		set: bind(func(c *Config) *time.Duration { return &c.Retention }, ParseAge)},
	{name: "TALKSBOT_STATE_MAX_SIZE", def: "1GiB", rule: "a size such as 500MB or 2GiB, ≥ 1MB: past it serve warns (a soft cap)",
		set: bind(func(c *Config) *int64 { return &c.StateMaxSize }, byteSize(1e6))},
	{name: "TALKSBOT_SHUTDOWN_GRACE", def: "20s", rule: "duration from 1s to 5m: how long answers in flight may take to finish at shutdown",
		set: bind(func(c *Config) *time.Duration { return &c.ShutdownGrace }, durationBetween(time.Second, 5*time.Minute))},
	{name: "TALKSBOT_HTTP_ADDR", def: "127.0.0.1:8080", rule: "host:port",
		set: bind(func(c *Config) *string { return &c.HTTPAddr }, hostPort)},
	{name: "TALKSBOT_API_TOKEN", secret: true, rule: "at least 16 characters, no whitespace; empty: /v1/ask and /metrics answer this machine only",
		set: bind(func(c *Config) *Secret { return &c.APIToken }, apiToken)},
	{name: "TALKSBOT_TRUSTED_PROXIES", rule: "comma-separated IP addresses or CIDRs whose X-Forwarded-For is believed",
		set: bind(func(c *Config) *[]netip.Prefix { return &c.TrustedProxies }, prefixes)},
	{name: "TALKSBOT_LOG_FORMAT", def: "text", rule: "text or json",
		set: bind(func(c *Config) *string { return &c.LogFormat }, oneOf("text", "json"))},
	{name: "TALKSBOT_LOG_LEVEL", def: "info", rule: "debug, info, warn or error",
		set: bind(func(c *Config) *slog.Level { return &c.LogLevel }, logLevel)},
	{name: "TALKSBOT_RATE_LIMIT", def: "20", rule: "questions per minute per user, ≥ 0 (0: no limit)",
		set: bind(func(c *Config) *int { return &c.RateLimit }, atLeast(0))},
	{name: "TALKSBOT_MAX_CONCURRENT", def: "16", rule: "answers computed at once on every platform, from 1 to 1024",
		set: bind(func(c *Config) *int { return &c.MaxConcurrent }, between(1, 1024))},
}

// lookup returns the table row named name.
func lookup(name string) (key, bool) {
	for _, k := range table {
		if k.name == name {
			return k, true
		}
	}
	return key{}, false
}

// bind makes a key's setter from the field it fills and the parser that
// checks its raw text. A parser's error is the rule broken, worded to follow
// the quoted value: "must start with xapp-".
func bind[T any](field func(*Config) *T, parse func(string) (T, error)) func(*Config, string) error {
	return func(c *Config, raw string) error {
		v, err := parse(raw)
		if err != nil {
			return err
		}
		*field(c) = v
		return nil
	}
}

// optional accepts the empty string as the zero value and hands anything else
// to parse.
func optional[T any](parse func(string) (T, error)) func(string) (T, error) {
	return func(s string) (T, error) {
		if s == "" {
			var zero T
			return zero, nil
		}
		return parse(s)
	}
}

func token(prefix string) func(string) (Secret, error) {
	return func(s string) (Secret, error) {
		if s == "" {
			return "", nil
		}
		if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
			return "", errors.New("must not contain whitespace")
		}
		if prefix != "" && !strings.HasPrefix(s, prefix) {
			return "", fmt.Errorf("must start with %s", prefix)
		}
		return Secret(s), nil
	}
}

func baseURL(trailingSlash bool) func(string) (string, error) {
	return func(s string) (string, error) {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return "", errors.New("must be an absolute http or https URL")
		}
		if u.RawQuery != "" || u.Fragment != "" {
			return "", errors.New("must not have a query or fragment")
		}
		if trailingSlash && (!strings.HasSuffix(u.Path, "/") || !strings.HasSuffix(s, "/")) {
			return "", errors.New("must end with /")
		}
		return s, nil
	}
}

func oneOf(allowed ...string) func(string) (string, error) {
	return func(s string) (string, error) {
		for _, a := range allowed {
			if s == a {
				return s, nil
			}
		}
		var named []string
		for _, a := range allowed {
			if a == "" {
				named = append(named, "empty")
			} else {
				named = append(named, a)
			}
		}
		return "", fmt.Errorf("must be one of %s", strings.Join(named, ", "))
	}
}

func digits(s string) (string, error) {
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", errors.New("must be digits only")
		}
	}
	return s, nil
}

// hexKey accepts a key of size bytes written in hexadecimal.
func hexKey(size int) func(string) (string, error) {
	return func(s string) (string, error) {
		b, err := hex.DecodeString(s)
		if err != nil || len(b) != size {
			return "", fmt.Errorf("must be %d hexadecimal characters", 2*size)
		}
		return s, nil
	}
}

func atLeast(min int) func(string) (int, error) {
	return func(s string) (int, error) {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return 0, errors.New("must be an integer")
		}
		if n < min {
			return 0, fmt.Errorf("must be %d or more", min)
		}
		return n, nil
	}
}

func between(min, max int) func(string) (int, error) {
	return func(s string) (int, error) {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return 0, errors.New("must be an integer")
		}
		if n < min || n > max {
			return 0, fmt.Errorf("must be from %d to %d", min, max)
		}
		return n, nil
	}
}

func boolean(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "yes", "on":
		return true, nil
	case "false", "0", "no", "off", "":
		return false, nil
	}
	return false, errors.New("must be true or false")
}

func nonEmpty(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", errors.New("must not be empty")
	}
	return s, nil
}

func anyText(s string) (string, error) { return s, nil }

// maxAge bounds an age in days: past it the count of days is surely a
// mistake, and the duration would overflow.
const maxAgeDays = 100 * 365

// ParseAge parses an age or a look-back window: a whole number of days
// ("90d"), or anything time.ParseDuration reads ("36h", "90m", "1h30m").
// It must be greater than zero and at most 100 years.
func ParseAge(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		switch {
		case err != nil:
			return 0, errors.New("must be a number of days (90d), hours (36h) or minutes (90m)")
		case n <= 0:
			return 0, errors.New("must be greater than zero")
		case n > maxAgeDays:
			return 0, fmt.Errorf("must be at most %d days (100 years)", maxAgeDays)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	switch {
	case err != nil:
		return 0, errors.New("must be a number of days (90d), hours (36h) or minutes (90m)")
	case d <= 0:
		return 0, errors.New("must be greater than zero")
	case d > maxAgeDays*24*time.Hour:
		return 0, fmt.Errorf("must be at most %d days (100 years)", maxAgeDays)
	}
	return d, nil
}

// byteSize accepts a size such as "500MB" or "2GiB" of at least min bytes.
func byteSize(min int64) func(string) (int64, error) {
	return func(s string) (int64, error) {
		n, err := humanize.ParseBytes(strings.TrimSpace(s))
		switch {
		case err != nil || n > math.MaxInt64:
			return 0, errors.New("must be a size such as 500MB or 2GiB")
		case int64(n) < min:
			return 0, fmt.Errorf("must be at least %s", humanize.Bytes(uint64(min)))
		}
		return int64(n), nil
	}
}

// durationBetween accepts a duration from lo to hi.
func durationBetween(lo, hi time.Duration) func(string) (time.Duration, error) {
	return func(s string) (time.Duration, error) {
		d, err := time.ParseDuration(strings.TrimSpace(s))
		switch {
		case err != nil:
			return 0, errors.New("must be a duration such as 20s or 1m30s")
		case d < lo || d > hi:
			return 0, fmt.Errorf("must be from %s to %s", lo, hi)
		}
		return d, nil
	}
}

func positiveDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return 0, errors.New("must be a duration such as 20s or 1m30s")
	}
	if d <= 0 {
		return 0, errors.New("must be greater than 0")
	}
	return d, nil
}

func existingDir(s string) (string, error) {
	fi, err := os.Stat(s)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", errors.New("must be an existing folder: it does not exist")
	case err != nil:
		return "", fmt.Errorf("must be a readable folder: %v", err)
	case !fi.IsDir():
		return "", errors.New("must be a folder, not a file")
	}
	return s, nil
}

// minAPITokenLen is the shortest API token accepted: a guessable token
// would open the API to anyone.
const minAPITokenLen = 16

func apiToken(s string) (Secret, error) {
	t, err := token("")(s)
	if err == nil && s != "" && len(s) < minAPITokenLen {
		return "", fmt.Errorf("must be at least %d characters", minAPITokenLen)
	}
	return t, err
}

// prefixes parses a comma-separated list of IP addresses and CIDRs; an
// address stands for itself alone.
func prefixes(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if p, err := netip.ParsePrefix(f); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(f)
		if err != nil {
			return nil, fmt.Errorf("must be IP addresses or CIDRs such as 10.0.0.0/8: %q is neither", f)
		}
		out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
	}
	return out, nil
}

func existingFile(s string) (string, error) {
	fi, err := os.Stat(s)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", errors.New("must be an existing file: it does not exist")
	case err != nil:
		return "", fmt.Errorf("must be a readable file: %v", err)
	case !fi.Mode().IsRegular():
		return "", errors.New("must be a regular file")
	}
	return s, nil
}

func dataDir(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", errors.New("must not be empty")
	}
	// The folder is created when state is first written; if something is
	// already there it has to be a folder.
	if fi, err := os.Stat(s); err == nil && !fi.IsDir() {
		return "", errors.New("must be a folder, not a file")
	}
	return s, nil
}

func hostPort(s string) (string, error) {
	_, port, err := net.SplitHostPort(s)
	if err != nil {
		return "", errors.New("must be host:port, e.g. 127.0.0.1:8080")
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return "", errors.New("must have a port between 0 and 65535")
	}
	return s, nil
}

func logLevel(s string) (slog.Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "debug":
		return slog.LevelDebug, nil
	case "info":
		return slog.LevelInfo, nil
	case "warn", "warning":
		return slog.LevelWarn, nil
	case "error":
		return slog.LevelError, nil
	}
	return 0, errors.New("must be one of debug, info, warn, error")
}

// databaseURL accepts a PostgreSQL URL: postgres:// or postgresql://, and
// every setting in it one that pgx (and its pool) knows how to read.
func databaseURL(s string) (Secret, error) {
	if s == "" {
		return "", nil
	}
	lower := strings.ToLower(s)
	if !strings.HasPrefix(lower, "postgres://") && !strings.HasPrefix(lower, "postgresql://") {
		return "", errors.New("must be a postgres:// or postgresql:// URL")
	}
	if _, err := pgxpool.ParseConfig(s); err != nil {
		return "", fmt.Errorf("must be a URL pgx can parse: %s", scrub(pgxReason(err), s))
	}
	return Secret(s), nil
}

// pgxReason is what pgx found wrong with a URL, without the URL, which pgx
// quotes with the password hidden as best it can.
func pgxReason(err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "cannot parse `"); ok {
		if i := strings.LastIndex(rest, "`: "); i >= 0 {
			return rest[i+len("`: "):]
		}
		return "cannot parse it"
	}
	return msg
}

// scrub replaces the password of rawURL, wherever it appears in msg.
func scrub(msg, rawURL string) string {
	for _, pw := range passwords(rawURL) {
		if len(pw) >= 3 {
			msg = strings.ReplaceAll(msg, pw, "xxxxx")
		}
	}
	return msg
}

// passwords returns the secrets a database URL holds, as written and
// decoded: the user's password and any parameter that names a password.
func passwords(rawURL string) []string {
	var out []string
	if at := strings.LastIndex(rawURL, "@"); at >= 0 {
		if i := strings.Index(rawURL, "://"); i >= 0 && i < at {
			if _, pw, ok := strings.Cut(rawURL[i+3:at], ":"); ok {
				out = append(out, pw)
				if dec, err := url.PathUnescape(pw); err == nil {
					out = append(out, dec)
				}
			}
		}
	}
	if u, err := url.Parse(rawURL); err == nil {
		for k, vs := range u.Query() {
			if strings.Contains(strings.ToLower(k), "password") {
				out = append(out, vs...)
			}
		}
	}
	return out
}

// redactURL shows a database URL without its secrets: the password, and
// any parameter naming a password, become xxxxx. A URL that does not parse
// shows as Redacted.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" {
		return Redacted
	}
	if u.User != nil {
		if _, set := u.User.Password(); set {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
	}
	q := u.Query()
	changed := false
	for k := range q {
		if strings.Contains(strings.ToLower(k), "password") {
			q.Set(k, "xxxxx")
			changed = true
		}
	}
	if changed {
		u.RawQuery = q.Encode()
	}
	return u.String()
}
