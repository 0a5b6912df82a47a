package bot_test

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

// articleIndex is the real index over the embedded article, built once per
// test binary.
var articleIndex = sync.OnceValues(func() (*knowledge.Index, error) {
	return knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
})

func newIndex(t testing.TB) *knowledge.Index {
	t.Helper()
	ix, err := articleIndex()
	if err != nil {
		t.Fatalf("build the article index: %v", err)
	}
	return ix
}

// extraDoc is a second document, parsed by the real parser, for knowledge
// bases of more than one document.
const extraDoc = `# Enrichment Glossary

## Centrifuges

A centrifuge spins uranium hexafluoride gas at high speed to separate isotopes.
Cascades link hundreds of centrifuges so that each stage enriches a little more.
`

// twoDocIndex is the article plus extraDoc.
func twoDocIndex(t testing.TB) *knowledge.Index {
	t.Helper()
	extra, err := knowledge.Parse("glossary.md", []byte(extraDoc))
	if err != nil {
		t.Fatalf("parse the glossary: %v", err)
	}
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default(), extra})
	if err != nil {
		t.Fatalf("build a two-document index: %v", err)
	}
	return ix
}

// ask sends one free-text request on the console.
func ask(t testing.TB, b *bot.Bot, text string) bot.Reply {
	t.Helper()
	return b.Handle(context.Background(), bot.Request{Platform: bot.Console, User: "u1", Text: text})
}

// inThread sends one free-text request in a Slack thread.
func inThread(t testing.TB, b *bot.Bot, thread, text string) bot.Reply {
	t.Helper()
	return b.Handle(context.Background(), bot.Request{
		Platform: bot.Slack, User: "U1", Channel: "C1", Thread: thread, Text: text,
	})
}

// checkGrounded checks an answer's or summary's quotes and citations fit
// together and match the stored passages exactly.
func checkGrounded(t testing.TB, ix *knowledge.Index, r bot.Reply) {
	t.Helper()
	if len(r.Quotes) == 0 {
		t.Fatalf("got no quotes in %s reply %q", r.Kind, r.Text)
	}
	for i, q := range r.Quotes {
		if q.Citation < 0 || q.Citation >= len(r.Citations) {
			t.Fatalf("quote %d: got citation index %d, want one of %d citations", i, q.Citation, len(r.Citations))
		}
		if c := r.Citations[q.Citation]; !strings.Contains(c.Text, q.Text) {
			t.Errorf("quote %d %q: not in its citation %s %q", i, q.Text, c.ID, c.Text)
		}
	}
	for _, c := range r.Citations {
		p, ok := ix.Passage(c.ID)
		if !ok {
			t.Errorf("citation %s: no such passage", c.ID)
			continue
		}
		if c.Text != p.Text || c.Doc != p.Doc || c.Section != p.Section || c.Title != p.DocTitle {
			t.Errorf("citation %s: got %+v, want the stored passage %+v", c.ID, c, p)
		}
	}
}

func quoteTexts(r bot.Reply) string {
	var texts []string
	for _, q := range r.Quotes {
		texts = append(texts, q.Text)
	}
	return strings.Join(texts, " ")
}

// clock is a settable time source.
type clock struct {
	mu   sync.Mutex
	now  time.Time
	tick time.Duration // added after every reading
}

func newClock(tick time.Duration) *clock {
	return &clock{now: time.Date(2014, 2, 18, 9, 0, 0, 0, time.UTC), tick: tick}
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := c.now
	c.now = c.now.Add(c.tick)
	return t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// logBuffer collects log output safely across goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}
