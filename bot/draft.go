package bot

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
)

// draft asks the Drafter for a draft and verifies it. ok is false when the
// Drafter failed, panicked or produced a draft that does not verify; the
// reason is logged and the caller keeps its extractive reply. progress, when
// not nil, receives the verified part of the draft while it streams in.
func (b *Bot) draft(ctx context.Context, id string, req DraftRequest, progress func(string)) (d Draft, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("panic in drafter", "reply_id", id, "panic", fmt.Sprint(p),
				"stack", string(debug.Stack()))
			d, ok = Draft{}, false
		}
	}()
	c := newChecker(req.Passages)
	var g *progressGate
	req.Partial = nil
	if progress != nil {
		g = &progressGate{forward: progress, check: c}
		defer g.close("")
		req.Partial = g.partial
	}
	d, err := b.drafter.Draft(ctx, req)
	if err != nil {
		b.log.Warn("draft failed, answering extractively", "reply_id", id, "err", err)
		return Draft{}, false
	}
	if err := c.verify(d.Text); err != nil {
		b.log.Warn("draft rejected, answering extractively", "reply_id", id, "model", d.Model, "err", err)
		b.log.Debug("rejected draft", "reply_id", id, "draft", d.Text)
		return Draft{}, false
	}
	if g != nil {
		g.close(d.Text)
	}
	return d, true
}

// progressGate stands between a streaming Drafter and Request.Progress: it
// forwards only the longest prefix of whole sentences that verify, each time
// that prefix grows; then the whole draft once it verifies, and nothing
// after the draft is done. Unverified text never reaches a user.
type progressGate struct {
	mu      sync.Mutex
	forward func(string)
	check   *checker
	shown   string // the text forwarded last
	closed  bool   // the Drafter returned: later calls are ignored
}

func (g *progressGate) partial(text string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return
	}
	if n := g.check.verifiedPrefix(text); n > len(g.shown) {
		g.shown = text[:n]
		g.forward(g.shown)
	}
}

// close ends the gate, forwarding verified, the whole verified draft, first
// unless it is empty or was the text forwarded last.
func (g *progressGate) close(verified string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return
	}
	g.closed = true
	if verified != "" && verified != g.shown {
		g.forward(verified)
	}
}
