package bot

import (
	"context"
	"fmt"
	"runtime/debug"
)

// draft asks the Drafter for a draft and verifies it. ok is false when the
// Drafter failed, panicked or produced a draft that does not verify; the
// reason is logged and the caller keeps its extractive reply.
func (b *Bot) draft(ctx context.Context, id string, req DraftRequest) (d Draft, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			b.log.Error("panic in drafter", "reply_id", id, "panic", fmt.Sprint(p),
				"stack", string(debug.Stack()))
			d, ok = Draft{}, false
		}
	}()
	d, err := b.drafter.Draft(ctx, req)
	if err != nil {
		b.log.Warn("draft failed, answering extractively", "reply_id", id, "err", err)
		return Draft{}, false
	}
	if err := Verify(d.Text, req.Passages); err != nil {
		b.log.Warn("draft rejected, answering extractively", "reply_id", id, "model", d.Model, "err", err)
		b.log.Debug("rejected draft", "reply_id", id, "draft", d.Text)
		return Draft{}, false
	}
	return d, true
}
