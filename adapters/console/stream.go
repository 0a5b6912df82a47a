package console

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/talksbot/talksbot/bot"
)

// Stream prints an answer while an LLM drafts it: pass Progress as the
// request's bot.Request.Progress, then Finish with the reply. Text already
// printed is not printed again; when the final reply does not continue it
// (the draft was replaced by the quoted answer), Finish says so and prints
// the reply in full. Once finished, it ignores Progress: a draft's last
// chunk arriving late must not print after the answer. It is safe for
// concurrent use.
type Stream struct {
	w io.Writer

	mu       sync.Mutex
	printed  string // the draft text written so far
	finished bool   // Finish has run
	err      error  // the first write error
}

// NewStream returns a Stream writing to w.
func NewStream(w io.Writer) *Stream { return &Stream{w: w} }

// Progress prints what partial adds to the text printed so far. A partial
// that does not extend it is not printed; Finish sorts it out.
func (s *Stream) Progress(partial string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.finished || s.err != nil || len(partial) <= len(s.printed) || !strings.HasPrefix(partial, s.printed) {
		return
	}
	if _, err := io.WriteString(s.w, partial[len(s.printed):]); err != nil {
		s.err = fmt.Errorf("render reply: %w", err)
		return
	}
	s.printed = partial
}

// Finish renders r as Render does, leaving out what Progress already
// printed, and returns the first write error. Progress calls after it are
// ignored.
func (s *Stream) Finish(r bot.Reply) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.finished = true
	if s.err != nil {
		return s.err
	}
	var b strings.Builder
	if err := Render(&b, r); err != nil {
		return err
	}
	full := b.String()
	switch {
	case s.printed == "":
	case strings.HasPrefix(full, s.printed):
		full = full[len(s.printed):]
	default:
		full = "\n\n(The draft above could not be checked against the sources; here is the answer from them.)\n\n" + full
	}
	if _, err := io.WriteString(s.w, full); err != nil {
		return fmt.Errorf("render reply: %w", err)
	}
	return nil
}
