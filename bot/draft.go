package bot

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
)

// draft asks the Drafter for a draft and has check verify it. ok is false
// when the Drafter failed, panicked or produced a draft that does not
// check out; the reason is logged, the DraftObserver told, and the caller
// keeps its extractive reply. progress, when not nil, receives the verified
// part of the draft while it streams in.
func (b *Bot) draft(ctx context.Context, check *Checker, id string, req DraftRequest, progress func(string)) (d Draft, ok bool) {
	outcome := DraftOutcome{Kind: KindAnswer}
	if req.Summary != "" {
		outcome.Kind = KindSummary
	}
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("panic in drafter", "reply_id", id, "panic", fmt.Sprint(p),
				"stack", string(debug.Stack()))
			d, ok = Draft{}, false
			outcome.Reason = ReasonDrafterFailed
		}
		outcome.Used = ok
		if b.observer != nil {
			b.observer.ObserveDraft(outcome)
		}
	}()
	g := &progressGate{forward: progress, check: check.start(req.Passages)}
	defer g.close()
	req.Partial = nil
	if progress != nil {
		req.Partial = g.partial
	}
	// Drafting stops for good once StopDrafting is called: the answer is
	// then the extractive one, delivered within the shutdown's grace.
	if b.drafting.Err() != nil {
		outcome.Reason = ReasonDrafterFailed
		return Draft{}, false
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(b.drafting, cancel)()
	d, err := b.drafter.Draft(ctx, req)
	if err != nil {
		b.log.Warn("draft failed, answering extractively", "reply_id", id, "err", err)
		outcome.Reason = ReasonDrafterFailed
		return Draft{}, false
	}
	if err := g.finish(d.Text); err != nil {
		var r *Refusal
		if !errors.As(err, &r) {
			r = &Refusal{Reason: ReasonUnsupported}
		}
		outcome.Reason, outcome.Sentence = r.Reason, r.Sentence
		// The sentence's words stay out of the warning: a draft is a
		// message body, logged at debug level only.
		b.log.Warn("draft refused, answering extractively", "reply_id", id, "model", d.Model,
			"reason", string(r.Reason), "sentence", r.Sentence, "err", err)
		b.log.Debug("refused draft sentence", "reply_id", id, "reason", string(r.Reason),
			"sentence", r.Sentence, "text", r.Text, "term", r.Term)
		return Draft{}, false
	}
	return d, true
}

// progressGate stands between a streaming Drafter and Request.Progress: it
// has its draftCheck check each sentence once, as soon as the text after it
// shows it is finished, and forwards the longest prefix of whole sentences
// that verify each time that prefix grows; then the whole draft once it
// verifies, and nothing after the draft is done. Unverified text never
// reaches a user. Without Progress (forward is nil) it only checks.
type progressGate struct {
	mu      sync.Mutex
	forward func(string) // nil: nothing to forward
	check   *draftCheck
	shown   string // the text forwarded last
	closed  bool   // the Drafter returned: later calls are ignored
}

func (g *progressGate) partial(text string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return
	}
	n, _ := g.check.feed(text, false)
	if n > len(g.shown) && strings.HasPrefix(text, g.shown) {
		g.shown = text[:n]
		g.forward(g.shown)
	}
}

// finish closes the gate and checks the rest of the draft, text: the
// sentences partial has not checked. When it verifies, the whole draft is
// forwarded unless it was the text forwarded last.
func (g *progressGate) finish(text string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closed = true
	if _, err := g.check.feed(text, true); err != nil {
		return err
	}
	if g.forward != nil && text != g.shown {
		g.forward(text)
	}
	return nil
}

// close ends the gate without a verdict: the Drafter failed.
func (g *progressGate) close() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closed = true
}
