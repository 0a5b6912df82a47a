package discord

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// discordgo logs through one package-level hook, discordgo.Logger, that does
// not say which session is logging. The adapter installs the hook once and
// hands each line to the adapter that started running last (normally the
// only one), at debug level, with secrets redacted.
var libraryLogs struct {
	once    sync.Once
	mu      sync.Mutex
	running []*Adapter // most recently started last
}

// routeLibraryLogs sends discordgo's log lines to a until the returned
// function is called.
func routeLibraryLogs(a *Adapter) (stop func()) {
	libraryLogs.once.Do(func() { discordgo.Logger = logLibraryLine })
	libraryLogs.mu.Lock()
	libraryLogs.running = append(libraryLogs.running, a)
	libraryLogs.mu.Unlock()
	return func() {
		libraryLogs.mu.Lock()
		defer libraryLogs.mu.Unlock()
		for i, r := range libraryLogs.running {
			if r == a {
				libraryLogs.running = append(libraryLogs.running[:i], libraryLogs.running[i+1:]...)
				break
			}
		}
	}
}

// libraryLogLevel is the discordgo log level for a session: informational
// lines when the adapter logs at debug level, none otherwise. discordgo's own
// debug level, a dump of every gateway payload, stays off.
func libraryLogLevel(log *slog.Logger) int {
	if log.Enabled(context.Background(), slog.LevelDebug) {
		return discordgo.LogInformational
	}
	return discordgo.LogError - 1
}

var libraryLevels = [...]string{
	discordgo.LogError:         "error",
	discordgo.LogWarning:       "warning",
	discordgo.LogInformational: "info",
	discordgo.LogDebug:         "debug",
}

// logLibraryLine is the discordgo.Logger hook.
func logLibraryLine(level, _ int, format string, args ...any) {
	libraryLogs.mu.Lock()
	var a *Adapter
	if n := len(libraryLogs.running); n > 0 {
		a = libraryLogs.running[n-1]
	}
	libraryLogs.mu.Unlock()
	if a == nil {
		return
	}
	name := "unknown"
	if level >= 0 && level < len(libraryLevels) {
		name = libraryLevels[level]
	}
	msg := strings.TrimSpace(fmt.Sprintf(format, args...))
	a.log.Debug("discordgo", "discordgo_level", name, "line", redactSecrets(msg, a.token))
}

var (
	// tokenField matches a token in JSON ("token":"…") or in Go's %#v
	// output (Token:"…").
	tokenField = regexp.MustCompile(`(?i)("?token"?\s*[:=]\s*")[^"]*(")`)
	// tokenPath matches the token after an interaction or webhook id in a
	// REST path.
	tokenPath = regexp.MustCompile(`(/(?:interactions|webhooks)/[^/\s"]+/)[^/\s"?]+`)
)

// redactSecrets removes the bot token, token fields and the tokens in
// interaction and webhook paths from a log line.
func redactSecrets(s, token string) string {
	if token != "" {
		s = strings.ReplaceAll(s, token, "[redacted]")
	}
	s = tokenField.ReplaceAllString(s, "${1}[redacted]${2}")
	return tokenPath.ReplaceAllString(s, "${1}:token")
}
