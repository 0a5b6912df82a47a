package console

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/talksbot/talksbot/bot"
)

// Handler answers requests; *bot.Bot is one.
type Handler interface {
	Handle(ctx context.Context, req bot.Request) bot.Reply
}

var _ Handler = (*bot.Bot)(nil)

// MaxLine is the longest input line Chat reads, in bytes; a longer line is
// refused with a message and the loop goes on.
const MaxLine = 64 << 10

// Prompt is printed before each line read when prompting.
const Prompt = "> "

// ChatOptions configure Chat. The zero value prompts only when the input is
// a terminal.
type ChatOptions struct {
	Prompt bool   // print Prompt before each line even when the input is not a terminal
	User   string // the user id the bot sees; "console" when empty
	Thread string // the conversation key that ties follow-ups together; "console" when empty
}

// Chat runs a read-eval-print loop: each line of in goes to h as one
// request in a single conversation thread, so follow-ups are understood, and
// each reply is rendered to out (an LLM draft as it arrives). Lines are
// questions or commands as the bot reads them (summary 2, themes, sources,
// help); empty lines are ignored;
// quit, exit or the end of in ends the loop, as does ctx. The prompt is
// printed when in is a terminal or opts.Prompt is set; otherwise each
// question is echoed after the prompt, so that piped output reads as a
// transcript. A blank line follows each reply.
//
// When ctx ends while a line is being read, Chat returns at once; the read
// itself ends when in yields its next line or is closed.
func Chat(ctx context.Context, h Handler, in io.Reader, out io.Writer, opts ChatOptions) error {
	if opts.User == "" {
		opts.User = "console"
	}
	if opts.Thread == "" {
		opts.Thread = "console"
	}
	prompt := opts.Prompt || isTerminal(in)

	lines := make(chan inputLine)
	done := make(chan struct{})
	defer close(done)
	go readLines(in, lines, done)

	if prompt {
		if _, err := io.WriteString(out, "Ask a question, or type help. quit or Ctrl-D leaves.\n"); err != nil {
			return fmt.Errorf("chat: %w", err)
		}
	}
	for {
		if prompt {
			if _, err := io.WriteString(out, Prompt); err != nil {
				return fmt.Errorf("chat: %w", err)
			}
		}
		var l inputLine
		select {
		case <-ctx.Done():
			return nil
		case l = <-lines:
		}
		switch {
		case errors.Is(l.err, io.EOF):
			if prompt {
				_, _ = io.WriteString(out, "\n") // leave the shell's prompt on a line of its own
			}
			return nil
		case l.err != nil:
			return fmt.Errorf("chat: read input: %w", l.err)
		case l.tooLong:
			if _, err := fmt.Fprintf(out, "That line is too long (over %d KiB); please ask something shorter.\n\n", MaxLine>>10); err != nil {
				return fmt.Errorf("chat: %w", err)
			}
			continue
		}
		text := strings.TrimSpace(l.text)
		switch strings.ToLower(text) {
		case "":
			continue
		case "quit", "exit", "/quit", "/exit":
			return nil
		}
		if !prompt {
			// Piped: echo the question, so that the output reads as a
			// transcript, each answer under its question.
			if _, err := io.WriteString(out, Prompt+text+"\n"); err != nil {
				return fmt.Errorf("chat: %w", err)
			}
		}
		stream := NewStream(out)
		reply := h.Handle(ctx, bot.Request{
			Platform: bot.Console,
			User:     opts.User,
			Channel:  "console",
			Thread:   opts.Thread,
			Text:     text,
			Progress: stream.Progress,
		})
		if err := stream.Finish(reply); err != nil {
			return fmt.Errorf("chat: %w", err)
		}
		if _, err := io.WriteString(out, "\n"); err != nil {
			return fmt.Errorf("chat: %w", err)
		}
	}
}

// inputLine is one line read, or why reading stopped.
type inputLine struct {
	text    string
	tooLong bool // the line exceeded MaxLine and was dropped
	err     error
}

// readLines sends every line of in to lines until in ends or done closes.
func readLines(in io.Reader, lines chan<- inputLine, done <-chan struct{}) {
	br := bufio.NewReader(in)
	for {
		l := readLine(br)
		select {
		case lines <- l:
		case <-done:
			return
		}
		if l.err != nil {
			return
		}
	}
}

// readLine reads one line without its line ending. A line longer than
// MaxLine is consumed whole and reported as too long. The last line needs no
// newline; io.EOF comes only once no text is left.
func readLine(br *bufio.Reader) inputLine {
	var buf []byte
	tooLong := false
	for {
		frag, err := br.ReadSlice('\n')
		if !tooLong && len(buf)+len(frag) <= MaxLine+2 { // +2 for "\r\n"
			buf = append(buf, frag...)
		} else {
			tooLong, buf = true, nil
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && (len(buf) > 0 || tooLong):
			err = nil
		case err != nil:
			return inputLine{err: err}
		}
		text := strings.TrimRight(string(buf), "\r\n")
		if len(text) > MaxLine {
			tooLong = true
		}
		if tooLong {
			return inputLine{tooLong: true}
		}
		return inputLine{text: text}
	}
}

// isTerminal reports whether r is a character device such as a terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
