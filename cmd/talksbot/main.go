// Command talksbot answers questions about the Vienna nuclear talks from a
// knowledge base of documents, quoting and citing the passages it relies on.
//
// Usage:
//
//	talksbot ask [--json] [--k N] QUESTION...
//	talksbot summary [--json] [THEME...]
//	talksbot themes [--json]
//	talksbot chat
//	talksbot eval [--json] FILE.jsonl
//	talksbot serve
//	talksbot report [--since 7d] [--json]
//	talksbot config check
//	talksbot version
//
// Every subcommand takes --config FILE (a YAML file of settings) and
// --docs DIR (a folder of extra documents, overriding TALKSBOT_DOCS). Exit
// codes: 0 ok, 1 runtime failure, 2 usage or config error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/config"
	"github.com/talksbot/talksbot/knowledge"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first SIGINT or SIGTERM starts a graceful stop; once it has,
	// signals take their default action again, so a second one ends the
	// process at once instead of waiting out the drain.
	context.AfterFunc(ctx, stop)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run runs talksbot with args (without the program name) and returns the
// exit code. Every failure leaves a reason on stderr.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr}
	return a.exit(a.dispatch(ctx, args))
}

// app is one invocation of talksbot: its standard streams and subcommands.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	hooks          serveHooks // for tests; zero in production
}

// command is a subcommand.
type command struct {
	name    string
	usage   string // arguments after the name
	summary string
	run     func(ctx context.Context, args []string) error
}

func (a *app) commands() []command {
	return []command{
		{"ask", "[--json] [--k N] QUESTION...", "answer one question, quoting and citing passages", a.ask},
		{"summary", "[--json] [THEME...]", "summarise a theme (a number or words of its title), or every theme", a.summary},
		{"themes", "[--json]", "list the themes", a.themes},
		{"chat", "", "ask questions interactively; follow-ups keep their context", a.chat},
		{"eval", "[--json] FILE.jsonl", "measure retrieval and answers on a question set", a.eval},
		{"serve", "", "run the Slack and Discord adapters and the HTTP API", a.serve},
		{"report", "[--since 7d] [--json]", "what people asked, what went unanswered, feedback per theme", a.report},
		{"config", "check", "print the effective configuration, secrets redacted, and validate it", a.config},
		{"version", "", "print the version", a.version},
	}
}

func (a *app) dispatch(ctx context.Context, args []string) error {
	args, err := hoistGlobalFlags(args)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		a.printUsage(a.stderr)
		return &usageError{msg: "missing command"}
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		a.printUsage(a.stdout)
		return nil
	}
	for _, c := range a.commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:])
		}
	}
	a.printUsage(a.stderr)
	return &usageError{msg: fmt.Sprintf("unknown command %q", args[0])}
}

// globalFlags are the flags every command takes, which may also come
// before the command ("talksbot --docs DIR ask …").
var globalFlags = []string{"config", "docs"}

// hoistGlobalFlags moves global flags given before the command to just
// after it, where the command's own flags are parsed.
func hoistGlobalFlags(args []string) ([]string, error) {
	var globals []string
	for len(args) > 0 && strings.HasPrefix(args[0], "-") && args[0] != "-" {
		name, _, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
		if !slices.Contains(globalFlags, name) {
			break // a command's flag, or help: the command decides
		}
		n := 2
		if hasValue {
			n = 1
		} else if len(args) < 2 {
			return nil, &usageError{msg: fmt.Sprintf("flag needs an argument: %s", args[0])}
		}
		globals = append(globals, args[:n]...)
		args = args[n:]
	}
	if len(globals) == 0 || len(args) == 0 {
		return args, nil // no global flag, or no command to give them to
	}
	return slices.Concat(args[:1], globals, args[1:]), nil
}

func (a *app) printUsage(w io.Writer) {
	var b strings.Builder
	b.WriteString("talksbot answers questions about the Vienna nuclear talks, quoting its sources.\n\nUsage:\n")
	for _, c := range a.commands() {
		line := "talksbot " + c.name
		if c.usage != "" {
			line += " " + c.usage
		}
		fmt.Fprintf(&b, "  %-45s %s\n", line, c.summary)
	}
	b.WriteString("\nEvery command takes --config FILE (YAML settings) and --docs DIR (extra documents),\nbefore or after the command.\n")
	b.WriteString("Run talksbot COMMAND -h for a command's flags.\n")
	_, _ = io.WriteString(w, b.String())
}

// usageError is a mistake on the command line: exit code 2.
type usageError struct {
	cmd   string // the subcommand, "" for talksbot itself
	msg   string
	usage string // the subcommand's usage line, printed after the reason
}

func (e *usageError) Error() string {
	if e.cmd == "" {
		return e.msg
	}
	return e.cmd + ": " + e.msg
}

// configError is an invalid configuration: exit code 2.
type configError struct{ err error }

func (e *configError) Error() string { return e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

// errHelp reports that help was asked for and printed: exit code 0.
var errHelp = errors.New("help printed")

// exit maps err to an exit code, printing its reason on stderr: one line per
// problem, each prefixed with "talksbot: ".
func (a *app) exit(err error) int {
	if err == nil || errors.Is(err, errHelp) {
		return exitOK
	}
	code := exitFailure
	var ue *usageError
	var ce *configError
	switch {
	case errors.As(err, &ue):
		code = exitUsage
	case errors.As(err, &ce):
		code = exitUsage
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(a.stderr, "talksbot: %s\n", line)
	}
	if ue != nil && ue.usage != "" {
		fmt.Fprintf(a.stderr, "usage: %s\n", ue.usage)
	}
	return code
}

// flags are the flags every subcommand takes, plus its own.
type flags struct {
	*flag.FlagSet
	name       string
	usage      string // the usage line, "talksbot ask [--json] ..."
	configFile string
	docs       string
}

// newFlags returns the flag set of subcommand name with --config and --docs.
func (a *app) newFlags(name, usage string) *flags {
	f := &flags{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), name: name, usage: "talksbot " + name}
	if usage != "" {
		f.usage += " " + usage
	}
	f.SetOutput(io.Discard) // parse errors are reported by exit, help by parse
	f.StringVar(&f.configFile, "config", "", "read settings from the YAML `FILE`")
	f.StringVar(&f.docs, "docs", "", "load extra documents from the folder `DIR` (overrides TALKSBOT_DOCS)")
	return f
}

// parse parses args, allowing flags after positional arguments
// ("ask What has Congress pushed for? --json"); "--" ends the flags.
func (a *app) parse(f *flags, args []string) ([]string, error) {
	var positional []string
	for {
		err := f.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(a.stdout, "usage: %s\n\nFlags:\n", f.usage)
			f.SetOutput(a.stdout)
			f.PrintDefaults()
			return nil, errHelp
		}
		if err != nil {
			return nil, f.usageError("%s", err.Error())
		}
		rest := f.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func (f *flags) usageError(format string, args ...any) error {
	return &usageError{cmd: f.name, msg: fmt.Sprintf(format, args...), usage: f.usage}
}

// sources are where the configuration comes from: the environment, the
// --config file and the --docs flag.
func (a *app) sources(f *flags) config.Sources {
	src := config.Sources{File: f.configFile, Env: os.LookupEnv, Flags: map[string]string{}}
	f.Visit(func(fl *flag.Flag) {
		if fl.Name == "docs" {
			src.Flags["TALKSBOT_DOCS"] = f.docs
		}
	})
	return src
}

// loadConfig loads the configuration from its sources, each key judged by
// its own rule. The commands that run no chat platform use it; serve and
// config check use loadServeConfig.
func (a *app) loadConfig(f *flags) (config.Config, error) {
	cfg, err := config.Load(a.sources(f))
	if err != nil {
		return cfg, &configError{err: err}
	}
	return cfg, nil
}

// logger returns the logger for cfg, writing to stderr.
func (a *app) logger(cfg config.Config) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(a.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(a.stderr, opts))
}

// loadIndex builds the knowledge base: the embedded article plus the
// documents of cfg.Docs, warning on stderr about each document skipped.
func (a *app) loadIndex(cfg config.Config) (*knowledge.Index, error) {
	syn, err := loadSynonyms(cfg.Synonyms)
	if err != nil {
		return nil, err
	}
	return buildIndex(cfg.Docs, syn, func(err error) {
		fmt.Fprintf(a.stderr, "talksbot: warning: skipped %s\n", oneLine(err.Error()))
	})
}

// setup loads the configuration and the knowledge base and returns a bot
// answering from it with k citations per answer (the default when 0). With
// OPENAI_API_KEY or OPENAI_BASE_URL set, an LLM drafts the wording.
func (a *app) setup(ctx context.Context, f *flags, k int) (*bot.Bot, error) {
	cfg, ix, err := a.load(f)
	if err != nil {
		return nil, err
	}
	return a.newBot(ctx, cfg, ix, k)
}

// load loads the configuration and the knowledge base.
func (a *app) load(f *flags) (config.Config, *knowledge.Index, error) {
	cfg, err := a.loadConfig(f)
	if err != nil {
		return cfg, nil, err
	}
	ix, err := a.loadIndex(cfg)
	if err != nil {
		return cfg, nil, err
	}
	return cfg, ix, nil
}

// newBot returns a bot answering from ix with k citations per answer, as
// setup describes.
func (a *app) newBot(ctx context.Context, cfg config.Config, ix *knowledge.Index, k int) (*bot.Bot, error) {
	log := a.logger(cfg)
	l, err := newLLM(cfg, log)
	if err != nil {
		return nil, err
	}
	// The command line has no per-user limits: it has one user, who is at
	// the keyboard. Its state lives in memory: questions asked here are not
	// what the operator's report is about.
	opts := bot.Options{K: k, Logger: log}
	if l.drafter != nil {
		opts.Drafter = l.drafter
	}
	if l.embeddings != nil {
		l.embeddings.index(ctx, ix)
	}
	l.apply(&opts)
	return bot.New(ix, opts), nil
}

// noArgs parses args for a subcommand that takes flags only.
func (a *app) noArgs(f *flags, args []string) error {
	pos, err := a.parse(f, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return f.usageError("unexpected argument %q", pos[0])
	}
	return nil
}

// oneLine flattens s onto one line for a message.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
