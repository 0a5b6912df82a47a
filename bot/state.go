package bot

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// stateProbe is how often a failing store is tried again; in between, the
// state goes straight to the bot's memory.
const stateProbe = time.Second

// ErrShareExpired is returned by LoadShare for a share that is not (or no
// longer) kept: never saved, older than ShareTTL, or a malformed key. It
// wraps ErrNotFound.
var ErrShareExpired = fmt.Errorf("share no longer available: %w", ErrNotFound)

// FirstDelivery claims a platform delivery (an event, command or
// interaction, named by a key the adapter chooses) for Options.DeliveryLease
// and reports whether this caller now holds it: true the first time, and
// again once a claim lapsed without DoneDelivery (the replica that held it
// died mid-answer); false while another claim holds it and after
// DoneDelivery. Adapters call it before answering, DoneDelivery once the
// answer is posted, and ForgetDelivery when it could not be.
//
// A key must be valid UTF-8 without NUL bytes, at most MaxKeyLen bytes.
// When the Store fails, the claim is made in the bot's memory (see Bot):
// deliveries are then deduplicated within this process only. It returns
// an error only for a bad key, or when the Store failed after ctx was done.
func (b *Bot) FirstDelivery(ctx context.Context, key string) (bool, error) {
	if err := checkDeliveryKey(key); err != nil {
		return false, fmt.Errorf("first delivery: %w", err)
	}
	now := b.now()
	if b.storeDue() {
		sctx, cancel := context.WithTimeout(ctx, storeTimeout)
		first, err := b.store.Claim(sctx, key, now, b.lease)
		cancel()
		if err == nil {
			b.storeWorks()
			first = first && b.unclaimedInMemory(ctx, key, now)
			if first {
				b.claims.put(key, now, now)
			}
			return first, nil
		}
		if ctx.Err() != nil {
			return false, fmt.Errorf("first delivery of %s: %w", key, err)
		}
		b.storeFailed("claim delivery", err)
	}
	first, err := b.fallback.Claim(context.WithoutCancel(ctx), key, now, b.lease)
	if first {
		b.claims.put(key, now, now)
	}
	return first, err
}

// maxClaimTimes bounds the deliveries whose claim times a Bot remembers;
// past it the least recently claimed is forgotten (its claim then lapses
// after its lease instead of being released).
const maxClaimTimes = 4096

// forgetClaim returns when this process claimed key, if within its lease,
// and forgets it.
func (b *Bot) forgetClaim(key string) (time.Time, bool) {
	at, ok := b.claims.get(key, b.now())
	b.claims.removeIf(key, func(time.Time) bool { return true })
	return at, ok
}

// unclaimedInMemory reports whether a delivery the store just let this
// replica claim is unknown to the bot's memory too. One claimed or answered
// here while the store was down is not: it is being answered, or was, and
// one answered is marked so in the store now, for the other replicas.
func (b *Bot) unclaimedInMemory(ctx context.Context, key string, now time.Time) bool {
	live, done := b.fallback.claimed(key, now)
	if done {
		sctx, cancel := context.WithTimeout(ctx, storeTimeout)
		defer cancel()
		if err := b.store.Complete(sctx, key, now); err != nil {
			b.storeFailed("complete delivery", err)
		}
	}
	return !live && !done
}

// DoneDelivery marks a delivery answered: no FirstDelivery of key reports
// true again for DeliveryTTL. Adapters call it once the answer is posted.
// When the Store fails, the delivery is marked done in the bot's memory.
// It returns an error only for a bad key, or when the Store failed after
// ctx was done.
func (b *Bot) DoneDelivery(ctx context.Context, key string) error {
	if err := checkDeliveryKey(key); err != nil {
		return fmt.Errorf("done delivery: %w", err)
	}
	b.forgetClaim(key)
	now := b.now()
	if b.storeDue() {
		sctx, cancel := context.WithTimeout(ctx, storeTimeout)
		err := b.store.Complete(sctx, key, now)
		cancel()
		if err == nil {
			b.storeWorks()
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("done delivery of %s: %w", key, err)
		}
		b.storeFailed("complete delivery", err)
	}
	return b.fallback.Complete(context.WithoutCancel(ctx), key, now)
}

// ForgetDelivery releases the claim FirstDelivery made on key in this
// process: adapters call it when they could not post the answer
// (shutdown, a platform error), so that the platform's next delivery is
// answered rather than dropped. A delivery marked done stays done; a key
// this process holds no claim on (unknown, or already done or forgotten)
// is no error and changes nothing, and neither does a claim another
// replica took over once this one's lease had lapsed. The claim is
// released in the bot's memory too; when the Store fails, its claim
// lapses after Options.DeliveryLease instead. It returns an error only
// for a bad key, or when the Store failed after ctx was done.
func (b *Bot) ForgetDelivery(ctx context.Context, key string) error {
	if err := checkDeliveryKey(key); err != nil {
		return fmt.Errorf("forget delivery: %w", err)
	}
	claimed, ok := b.forgetClaim(key)
	if !ok {
		return nil
	}
	_ = b.fallback.Release(context.WithoutCancel(ctx), key, claimed) // fails only for an empty key
	if !b.storeDue() {
		return nil
	}
	sctx, cancel := context.WithTimeout(ctx, storeTimeout)
	err := b.store.Release(sctx, key, claimed)
	cancel()
	switch {
	case err == nil:
		b.storeWorks()
	case ctx.Err() != nil:
		return fmt.Errorf("forget delivery of %s: %w", key, err)
	default:
		b.storeFailed("release delivery", err)
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

// Follows reports whether the bot answered in a thread (the bot saved a
// turn of it, any reply but an error, within TurnTTL), so that adapters
// answer its later messages without a mention. When the Store fails, the
// threads answered in this process are followed. It returns an error only
// for an empty channel or thread.
func (b *Bot) Follows(ctx context.Context, p Platform, channel, thread string) (bool, error) {
	if channel == "" || thread == "" {
		return false, errors.New("follows: empty channel or thread")
	}
	_, at, found := b.lastTurn(ctx, threadKey(p, channel, thread))
	return found && b.now().Sub(at) < TurnTTL, nil
}

// thread is the conversation a request belongs to, as far as the bot read
// it: its last turn, and whether this request saved one.
type thread struct {
	key   string
	last  Turn
	at    time.Time // when last was saved
	found bool      // a turn is saved: the bot answered in this thread
	saved bool      // this request saved a turn
}

// threadKey is the Store key of a conversation: its parts escaped, so that
// no two conversations share a key and none holds a NUL byte.
func threadKey(p Platform, channel, thread string) string {
	return stateKey(string(p), channel, thread)
}

// stateKey joins parts into a Store key, escaping each; a key longer than
// MaxKeyLen (an absurd user or channel id) is replaced by its digest.
func stateKey(parts ...string) string {
	for i, p := range parts {
		parts[i] = url.QueryEscape(p)
	}
	key := strings.Join(parts, ":")
	if len(key) > MaxKeyLen {
		key = "sha256:" + digest(key)
	}
	return key
}

// openThread reads the last turn of req's conversation; nil when req has
// none.
func (b *Bot) openThread(ctx context.Context, req Request) *thread {
	if req.Thread == "" && !req.DM {
		return nil
	}
	th := &thread{key: threadKey(req.Platform, req.Channel, req.Thread)}
	th.last, th.at, th.found = b.lastTurn(ctx, th.key)
	return th
}

// context returns the thread's last turn when it may serve as the context
// of a follow-up asked at now: saved within ThreadTTL, by an answer.
func (th *thread) context(now time.Time, ttl time.Duration) *Turn {
	if th == nil || !th.found || th.last.Context == "" || now.Sub(th.at) >= ttl {
		return nil
	}
	t := th.last
	return &t
}

// saveTurn saves t as the thread's last turn.
func (b *Bot) saveTurn(ctx context.Context, th *thread, t Turn) {
	at := b.now()
	th.saved = true
	if b.storeDue() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeTimeout)
		err := b.store.SaveTurn(sctx, th.key, t, at)
		cancel()
		if err == nil {
			b.storeWorks()
			return
		}
		b.storeFailed("save turn", err)
	}
	_ = b.fallback.SaveTurn(context.WithoutCancel(ctx), th.key, t, at) // fails only for an empty key
}

// markThread marks a thread the bot replied in but saved no turn of (a
// decline, a summary, help), so that Follows knows it: a turn without
// context, saved only when the thread has no turn yet, so as not to
// replace the context of an earlier answer. Errors mark nothing.
func (b *Bot) markThread(ctx context.Context, th *thread, r Reply) {
	if th == nil || th.saved || th.found || r.Kind == "" || r.Kind == KindError {
		return
	}
	b.saveTurn(ctx, th, Turn{Question: r.Question})
}

// lastTurn returns the newest of the conversation's last turn in the Store
// and in the bot's memory (saved there while the Store failed).
func (b *Bot) lastTurn(ctx context.Context, key string) (Turn, time.Time, bool) {
	var (
		t     Turn
		at    time.Time
		found bool
	)
	if b.storeDue() {
		sctx, cancel := context.WithTimeout(ctx, storeTimeout)
		st, sat, err := b.store.LastTurn(sctx, key)
		cancel()
		switch {
		case err == nil:
			t, at, found = st, sat, true
			b.storeWorks()
		case errors.Is(err, ErrNotFound):
			b.storeWorks()
		case ctx.Err() == nil:
			b.storeFailed("read turn", err)
		}
	}
	if mt, mat, err := b.fallback.LastTurn(context.WithoutCancel(ctx), key); err == nil && (!found || mat.After(at)) {
		t, at, found = mt, mat, true
	}
	return t, at, found
}

// allow takes a token from the bucket of req's user, reporting whether the
// user may make the request at now. Requests without a user, and every
// request when there is no limit, are allowed.
func (b *Bot) allow(ctx context.Context, req Request, now time.Time) bool {
	if b.perSecond == 0 || req.User == "" {
		return true
	}
	key := stateKey(string(req.Platform), req.User)
	if b.storeDue() {
		sctx, cancel := context.WithTimeout(ctx, storeTimeout)
		ok, err := b.store.Take(sctx, key, b.perSecond, b.burst, now)
		cancel()
		if err == nil {
			b.storeWorks()
			return ok
		}
		if ctx.Err() == nil {
			b.storeFailed("take rate-limit token", err)
		}
	}
	ok, _ := b.fallback.Take(context.WithoutCancel(ctx), key, b.perSecond, b.burst, now) // fails only for bad parameters, checked in New
	return ok
}

// sharePayload is what a share keeps: the reply, and when it was saved, so
// that a share past ShareTTL is refused whether or not the Store pruned it.
type sharePayload struct {
	At    time.Time `json:"at"`
	Reply Reply     `json:"reply"`
}

// shareKeyBytes is the size of a share key's random part: 16 hex digits.
const shareKeyBytes = 8

// SaveShare keeps r for ShareTTL so that a Share button, clicked on any
// replica, can post it, and returns the button's key: 16 random hex
// digits. The whole Reply is kept, every field an adapter renders. When
// the Store fails, r is kept in the bot's memory, for this process's
// buttons; SaveShare then returns an error only when ctx was done.
func (b *Bot) SaveShare(ctx context.Context, r Reply) (string, error) {
	var raw [shareKeyBytes]byte
	_, _ = rand.Read(raw[:]) // crypto/rand.Read never fails
	key := hex.EncodeToString(raw[:])
	at := b.now()
	payload, err := json.Marshal(sharePayload{At: at, Reply: r})
	if err != nil {
		return "", fmt.Errorf("save share of reply %s: %w", r.ID, err)
	}
	if b.storeDue() {
		sctx, cancel := context.WithTimeout(ctx, storeTimeout)
		err := b.store.SaveShare(sctx, key, payload, at)
		cancel()
		if err == nil {
			b.storeWorks()
			return key, nil
		}
		if ctx.Err() != nil {
			return "", fmt.Errorf("save share of reply %s: %w", r.ID, err)
		}
		b.storeFailed("save share", err)
	}
	if err := b.fallback.SaveShare(context.WithoutCancel(ctx), key, payload, at); err != nil {
		return "", fmt.Errorf("save share of reply %s: %w", r.ID, err)
	}
	return key, nil
}

// LoadShare returns the reply SaveShare kept under key, or an error
// wrapping ErrShareExpired (and so ErrNotFound) when there is none: never
// saved, older than ShareTTL, or key is not one SaveShare gives. Other
// errors are the Store's, when it failed and the bot's memory has no such
// share either.
func (b *Bot) LoadShare(ctx context.Context, key string) (Reply, error) {
	if raw, err := hex.DecodeString(key); err != nil || len(raw) != shareKeyBytes {
		return Reply{}, fmt.Errorf("load share %.40q: %w", key, ErrShareExpired)
	}
	var (
		payload  []byte
		storeErr error
	)
	if b.storeDue() {
		sctx, cancel := context.WithTimeout(ctx, storeTimeout)
		payload, storeErr = b.store.LoadShare(sctx, key)
		cancel()
		switch {
		case storeErr == nil, errors.Is(storeErr, ErrNotFound):
			b.storeWorks()
		case ctx.Err() == nil:
			b.storeFailed("load share", storeErr)
		}
	}
	if payload == nil {
		var err error
		if payload, err = b.fallback.LoadShare(context.WithoutCancel(ctx), key); err != nil {
			if storeErr != nil && !errors.Is(storeErr, ErrNotFound) {
				return Reply{}, fmt.Errorf("load share %s: %w", key, storeErr)
			}
			return Reply{}, fmt.Errorf("load share %s: %w", key, ErrShareExpired)
		}
	}
	var sp sharePayload
	if err := json.Unmarshal(payload, &sp); err != nil {
		return Reply{}, fmt.Errorf("load share %s: %w", key, err)
	}
	if b.now().Sub(sp.At) >= ShareTTL {
		return Reply{}, fmt.Errorf("load share %s: %w", key, ErrShareExpired)
	}
	return sp.Reply, nil
}

// storeDue reports whether to call the Store: always while it works; while
// it fails, once every stateProbe, the other calls going straight to the
// bot's memory.
func (b *Bot) storeDue() bool {
	if !b.down.Load() {
		return true
	}
	now := b.now().UnixNano()
	next := b.probeAt.Load()
	return now >= next && b.probeAt.CompareAndSwap(next, now+int64(stateProbe))
}

// storeFailed notes that the Store failed op with err, warning once per
// outage.
func (b *Bot) storeFailed(op string, err error) {
	b.probeAt.Store(b.now().Add(stateProbe).UnixNano())
	if b.down.CompareAndSwap(false, true) {
		b.log.Warn("state store unavailable; keeping delivery claims, threads, shares and rate limits in this process until it is back",
			"op", op, "err", err)
	}
}

// storeWorks notes that a Store call succeeded, saying once that an outage
// ended.
func (b *Bot) storeWorks() {
	if b.down.Load() && b.down.CompareAndSwap(true, false) {
		b.log.Info("state store available again; state is shared again")
	}
}

// digest is the hex SHA-256 of s.
func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
