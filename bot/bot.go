package bot

import (
	"context"
	"log/slog"

	"github.com/talksbot/talksbot/knowledge"
)

// Options configure a Bot. The zero value is usable: extractive answers, an
// in-memory store, no logging.
type Options struct {
	Drafter Drafter      // nil: extractive answers only
	Store   Store        // nil: a MemoryStore
	Logger  *slog.Logger // nil: discard
	K       int          // citations per answer; 3 when zero
}

// Bot turns Requests into Replies. It is safe for concurrent use.
type Bot struct{}

// New returns a Bot answering from ix.
func New(ix *knowledge.Index, opts Options) *Bot { panic("todo") }

// Handle answers one request. It always returns a Reply: bad input and
// failures become a KindError reply with a message fit for the user.
func (b *Bot) Handle(ctx context.Context, req Request) Reply { panic("todo") }

// Feedback records a user's verdict on a reply through the Store.
func (b *Bot) Feedback(ctx context.Context, f Feedback) error { panic("todo") }

// FirstDelivery reports whether a platform event id is seen for the first
// time, through the Store; adapters call it to answer a retried event once.
func (b *Bot) FirstDelivery(ctx context.Context, eventID string) (bool, error) { panic("todo") }

// Themes lists the knowledge base's themes (for autocomplete and menus).
func (b *Bot) Themes() []ThemeRef { panic("todo") }

// SetIndex swaps the knowledge base atomically (hot reload).
func (b *Bot) SetIndex(ix *knowledge.Index) { panic("todo") }
