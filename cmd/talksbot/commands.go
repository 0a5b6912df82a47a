package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/talksbot/talksbot/adapters/console"
	"github.com/talksbot/talksbot/bot"
)

// maxK bounds --k; the bot cites no more than this many passages anyway.
const maxK = 20

// version is the release version, set at build time with
// -ldflags "-X main.version=v1.2.3"; empty, the module version is used.
var version = ""

// cliRequest is a request from the command line: one user, no thread.
func cliRequest(cmd, arg string) bot.Request {
	return bot.Request{
		Platform: bot.Console,
		User:     "console",
		Channel:  "console",
		Command:  &bot.Command{Name: cmd, Arg: arg},
	}
}

func (a *app) ask(ctx context.Context, args []string) error {
	f := a.newFlags("ask", "[--json] [--k N] QUESTION...")
	asJSON := f.Bool("json", false, "print the answer as one JSON object")
	k := f.Int("k", bot.DefaultK, fmt.Sprintf("cite at most `N` passages (1–%d)", maxK))
	pos, err := a.parse(f, args)
	if err != nil {
		return err
	}
	question := strings.TrimSpace(strings.Join(pos, " "))
	switch {
	case question == "":
		return f.usageError("missing QUESTION")
	case *k < 1 || *k > maxK:
		return f.usageError("--k must be between 1 and %d, got %d", maxK, *k)
	case !utf8.ValidString(question):
		return f.usageError("QUESTION is not valid UTF-8 text")
	case utf8.RuneCountInString(question) > bot.MaxInput:
		return f.usageError("QUESTION is too long (%d characters; the limit is %d)", utf8.RuneCountInString(question), bot.MaxInput)
	case strings.IndexFunc(question, isControl) >= 0:
		return f.usageError("QUESTION contains control characters")
	}
	b, err := a.setup(ctx, f, *k)
	if err != nil {
		return err
	}

	req := cliRequest("ask", question)
	var stream *console.Stream
	if !*asJSON {
		// Text mode prints an LLM draft as it arrives.
		stream = console.NewStream(a.stdout)
		req.Progress = stream.Progress
	}
	start := time.Now()
	reply := b.Handle(ctx, req)
	took := time.Since(start)
	if reply.Kind == bot.KindError {
		return fmt.Errorf("ask: %s", oneLine(reply.Text))
	}
	if *asJSON {
		return console.WriteJSON(a.stdout, bot.NewAsk(question, reply, *k, took))
	}
	return stream.Finish(reply)
}

func (a *app) summary(ctx context.Context, args []string) error {
	f := a.newFlags("summary", "[--json] [THEME...]")
	asJSON := f.Bool("json", false, "print the summary as one JSON object (every theme's, without THEME)")
	pos, err := a.parse(f, args)
	if err != nil {
		return err
	}
	targets := themeTargets(pos)
	b, err := a.setup(ctx, f, 0)
	if err != nil {
		return err
	}

	// No theme summarises every theme, each the same way as when named.
	if len(targets) == 0 {
		for _, t := range b.Themes() {
			targets = append(targets, strconv.Itoa(t.Number))
		}
		if len(targets) == 0 {
			return errors.New("summary: the knowledge base has no themes")
		}
	}
	// Every theme is found before anything is printed: a wrong one among
	// several must not leave half an answer behind.
	replies := make([]bot.Reply, 0, len(targets))
	for _, target := range targets {
		reply := b.Handle(ctx, cliRequest("summary", target))
		switch reply.Kind {
		case bot.KindSummary:
		case bot.KindThemes: // no theme matched
			return f.usageError("no theme matches %q; themes: %s", target, themeList(reply.Themes))
		default:
			return fmt.Errorf("summary: %s", oneLine(reply.Text))
		}
		replies = append(replies, reply)
	}
	all := console.Summaries{Themes: make([]console.Summary, 0, len(replies))}
	for i, reply := range replies {
		if *asJSON {
			all.Themes = append(all.Themes, console.NewSummary(reply))
			continue
		}
		if i > 0 {
			fmt.Fprintln(a.stdout)
		}
		if err := console.Render(a.stdout, reply); err != nil {
			return err
		}
	}
	switch {
	case !*asJSON:
		return nil
	case len(pos) > 0 && len(all.Themes) == 1:
		return console.WriteJSON(a.stdout, all.Themes[0])
	default:
		return console.WriteJSON(a.stdout, all)
	}
}

// themeTargets reads the THEME arguments of summary: several themes when
// each is a number ("summary 1 3") or each was quoted as a whole ("summary
// 'handling the spoilers' 'interests over ideology'"), else the words of
// one theme's name ("summary handling the spoilers"). None means every
// theme.
func themeTargets(args []string) []string {
	var targets []string
	numbers, quoted := true, true
	for _, a := range args {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		targets = append(targets, a)
		if _, err := strconv.Atoi(strings.TrimPrefix(a, "#")); err != nil {
			numbers = false
		}
		if !strings.ContainsAny(a, " \t") {
			quoted = false
		}
	}
	if len(targets) <= 1 || numbers || quoted {
		return targets
	}
	return []string{strings.Join(targets, " ")}
}

// isControl reports control characters other than the white space a
// question may hold.
func isControl(r rune) bool {
	return unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t'
}

// themeList lists themes on one line: "1) Handling the Spoilers, 2) ...".
func themeList(themes []bot.ThemeRef) string {
	parts := make([]string, len(themes))
	for i, t := range themes {
		parts[i] = fmt.Sprintf("%d) %s", t.Number, t.Title)
	}
	return strings.Join(parts, ", ")
}

func (a *app) themes(ctx context.Context, args []string) error {
	f := a.newFlags("themes", "[--json]")
	asJSON := f.Bool("json", false, "print the themes as one JSON object")
	if err := a.noArgs(f, args); err != nil {
		return err
	}
	cfg, ix, err := a.load(f)
	if err != nil {
		return err
	}
	if *asJSON {
		return console.WriteJSON(a.stdout, console.NewThemes(ix.Themes()))
	}
	b, err := a.newBot(ctx, cfg, ix, 0)
	if err != nil {
		return err
	}
	return console.Render(a.stdout, b.Handle(ctx, cliRequest("themes", "")))
}

func (a *app) chat(ctx context.Context, args []string) error {
	f := a.newFlags("chat", "")
	if err := a.noArgs(f, args); err != nil {
		return err
	}
	b, err := a.setup(ctx, f, 0)
	if err != nil {
		return err
	}
	return console.Chat(ctx, b, a.stdin, a.stdout, console.ChatOptions{})
}

func (a *app) config(ctx context.Context, args []string) error {
	const usage = "talksbot config check [--config FILE] [--docs DIR]"
	if len(args) == 0 || args[0] != "check" {
		switch {
		case len(args) == 0:
			return &usageError{cmd: "config", msg: "missing subcommand check", usage: usage}
		case args[0] == "-h" || args[0] == "-help" || args[0] == "--help":
			fmt.Fprintf(a.stdout, "usage: %s\n", usage)
			return errHelp
		}
		return &usageError{cmd: "config", msg: fmt.Sprintf("unknown subcommand %q", args[0]), usage: usage}
	}
	f := a.newFlags("config check", "")
	if err := a.noArgs(f, args[1:]); err != nil {
		return err
	}
	cfg, err := a.loadServeConfig(f)
	if perr := cfg.Print(a.stdout); perr != nil {
		return perr
	}
	if err != nil {
		return err
	}
	// The documents folder exists; say which of its files would be skipped.
	if _, err := a.loadIndex(cfg); err != nil {
		return err
	}
	return nil
}

func (a *app) version(ctx context.Context, args []string) error {
	f := a.newFlags("version", "")
	if err := a.noArgs(f, args); err != nil {
		return err
	}
	_, err := fmt.Fprintln(a.stdout, versionString())
	return err
}

// versionString describes this build: "talksbot v1.2.3 go1.26.0 abc123def456".
func versionString() string {
	v, goVersion, revision := version, runtime.Version(), ""
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		goVersion = info.GoVersion
		modified := false
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value[:min(len(s.Value), 12)]
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if revision != "" && modified {
			revision += "-dirty"
		}
	}
	if v == "" {
		v = "devel"
	}
	s := "talksbot " + v + " " + goVersion
	if revision != "" {
		s += " " + revision
	}
	return s
}
