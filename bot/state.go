package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// FirstDelivery claims a platform delivery (an event, command or
// interaction, named by a key the adapter chooses) for Options.DeliveryLease
// and reports whether this caller now holds it: true the first time, and
// again once a claim lapsed without DoneDelivery (the replica that held it
// died mid-answer); false while another claim holds it and after
// DoneDelivery. Adapters call it before answering, DoneDelivery once the
// answer is posted, and ForgetDelivery when it could not be.
func (b *Bot) FirstDelivery(ctx context.Context, key string) (bool, error) {
	if err := checkDeliveryKey(key); err != nil {
		return false, fmt.Errorf("first delivery: %w", err)
	}
	first, err := b.store.Claim(ctx, key, b.now(), b.lease)
	if err != nil {
		return false, fmt.Errorf("first delivery of %s: %w", key, err)
	}
	return first, nil
}

// DoneDelivery marks a delivery answered: no FirstDelivery of key reports
// true again for DeliveryTTL. Adapters call it once the answer is posted.
func (b *Bot) DoneDelivery(ctx context.Context, key string) error {
	if err := checkDeliveryKey(key); err != nil {
		return fmt.Errorf("done delivery: %w", err)
	}
	if err := b.store.Complete(ctx, key, b.now()); err != nil {
		return fmt.Errorf("done delivery of %s: %w", key, err)
	}
	return nil
}

// ForgetDelivery releases the claim FirstDelivery made on key: adapters
// call it when they could not post the answer (shutdown, a platform
// error), so that the platform's next delivery is answered rather than
// dropped. A delivery marked done stays done; an unknown key is no error.
func (b *Bot) ForgetDelivery(ctx context.Context, key string) error {
	if err := checkDeliveryKey(key); err != nil {
		return fmt.Errorf("forget delivery: %w", err)
	}
	if err := b.store.Release(ctx, key); err != nil {
		return fmt.Errorf("forget delivery of %s: %w", key, err)
	}
	return nil
}

// checkDeliveryKey checks an adapter's delivery key against what a Store
// accepts.
func checkDeliveryKey(key string) error {
	switch {
	case key == "":
		return errors.New("empty delivery key")
	case len(key) > MaxKeyLen:
		return fmt.Errorf("delivery key of %d bytes, longer than %d", len(key), MaxKeyLen)
	case !utf8.ValidString(key):
		return errors.New("delivery key is not valid UTF-8")
	case strings.IndexByte(key, 0) >= 0:
		return errors.New("delivery key holds a NUL byte")
	}
	return nil
}
