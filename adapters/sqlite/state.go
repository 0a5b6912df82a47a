package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// tokenSlack is how far short of a whole token a bucket may be and still
// give one, as in bot.MemoryStore: refills are computed in floating point.
const tokenSlack = 1e-9

// Claim claims a delivery key until now+lease, durably, in one statement:
// a new key is inserted, and a claim that lapsed without Complete is taken
// over; a live claim and a completed key are left alone. See
// bot.Deliveries.
func (s *Store) Claim(ctx context.Context, key string, now time.Time, lease time.Duration) (bool, error) {
	if key == "" {
		return false, errors.New("claim delivery: empty key")
	}
	if lease <= 0 {
		return false, fmt.Errorf("claim delivery %s: lease %v is not positive", key, lease)
	}
	res, err := s.w.ExecContext(ctx, `
		INSERT INTO deliveries (event_id, at, lease_until, done) VALUES (?1, ?2, ?3, 0)
		ON CONFLICT (event_id) DO UPDATE SET at = excluded.at, lease_until = excluded.lease_until
		WHERE deliveries.done = 0 AND deliveries.lease_until <= excluded.at`,
		key, millis(now), millis(now.Add(lease)))
	if err != nil {
		return false, fmt.Errorf("claim delivery %s: %w", key, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("claim delivery %s: %w", key, err)
	}
	s.qlog.Wrote()
	return n == 1, nil
}

// Complete marks a delivery key done, durably: no Claim succeeds on it
// again until Prune removes it, bot.DeliveryTTL after now.
func (s *Store) Complete(ctx context.Context, key string, now time.Time) error {
	if key == "" {
		return errors.New("complete delivery: empty key")
	}
	_, err := s.w.ExecContext(ctx, `
		INSERT INTO deliveries (event_id, at, lease_until, done) VALUES (?1, ?2, 0, 1)
		ON CONFLICT (event_id) DO UPDATE SET at = excluded.at, done = 1`,
		key, millis(now))
	if err != nil {
		return fmt.Errorf("complete delivery %s: %w", key, err)
	}
	return nil
}

// Release drops the claim on key made at claimed if it is not done, so
// that the platform's next delivery of key is answered. A done key, a
// claim made at another time, or an unknown key is left as it is.
func (s *Store) Release(ctx context.Context, key string, claimed time.Time) error {
	if key == "" {
		return errors.New("release delivery: empty key")
	}
	if _, err := s.w.ExecContext(ctx, `DELETE FROM deliveries WHERE event_id = ? AND done = 0 AND at = ?`,
		key, millis(claimed)); err != nil {
		return fmt.Errorf("release delivery %s: %w", key, err)
	}
	return nil
}

// SaveTurn records a conversation's last turn, durably, replacing the one
// before.
func (s *Store) SaveTurn(ctx context.Context, key string, t bot.Turn, at time.Time) error {
	if key == "" {
		return errors.New("save turn: empty key")
	}
	_, err := s.w.ExecContext(ctx, `
		INSERT INTO turns (id, question, answer, topic, context, at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET question = excluded.question, answer = excluded.answer,
			topic = excluded.topic, context = excluded.context, at = excluded.at`,
		key, t.Question, t.Answer, t.Topic, t.Context, millis(at))
	if err != nil {
		return fmt.Errorf("save turn of %s: %w", key, err)
	}
	s.qlog.Wrote()
	return nil
}

// LastTurn returns a conversation's last turn and when it was saved, or
// bot.ErrNotFound. It reads through the read-only pool, never waiting for
// a write.
func (s *Store) LastTurn(ctx context.Context, key string) (bot.Turn, time.Time, error) {
	if key == "" {
		return bot.Turn{}, time.Time{}, errors.New("last turn: empty key")
	}
	var (
		t  bot.Turn
		ms int64
	)
	err := s.r.QueryRowContext(ctx, `SELECT question, answer, topic, context, at FROM turns WHERE id = ?`, key).
		Scan(&t.Question, &t.Answer, &t.Topic, &t.Context, &ms)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return bot.Turn{}, time.Time{}, fmt.Errorf("last turn of %s: %w", key, bot.ErrNotFound)
	case err != nil:
		return bot.Turn{}, time.Time{}, fmt.Errorf("last turn of %s: %w", key, err)
	}
	return t, time.UnixMilli(ms).UTC(), nil
}

// SaveShare stores a Share button's payload, durably, replacing any under
// the same key.
func (s *Store) SaveShare(ctx context.Context, key string, payload []byte, at time.Time) error {
	if key == "" {
		return errors.New("save share: empty key")
	}
	if payload == nil {
		payload = []byte{} // the column is NOT NULL
	}
	_, err := s.w.ExecContext(ctx, `
		INSERT INTO shares (id, payload, at) VALUES (?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, at = excluded.at`,
		key, payload, millis(at))
	if err != nil {
		return fmt.Errorf("save share %s: %w", key, err)
	}
	s.qlog.Wrote()
	return nil
}

// LoadShare returns a Share button's payload, or bot.ErrNotFound. It reads
// through the read-only pool.
func (s *Store) LoadShare(ctx context.Context, key string) ([]byte, error) {
	if key == "" {
		return nil, errors.New("load share: empty key")
	}
	var payload []byte
	err := s.r.QueryRowContext(ctx, `SELECT payload FROM shares WHERE id = ?`, key).Scan(&payload)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("load share %s: %w", key, bot.ErrNotFound)
	case err != nil:
		return nil, fmt.Errorf("load share %s: %w", key, err)
	}
	if payload == nil {
		payload = []byte{}
	}
	return payload, nil
}

// Take takes one token from a rate-limit bucket in one statement: a new
// bucket is inserted full less the token; an existing one is refilled
// since its last take (never backwards, never past burst) and updated
// only when that leaves a whole token to take. The bucket's row is written
// only on success, so a refusal changes nothing. See bot.Buckets.
func (s *Store) Take(ctx context.Context, key string, perSecond float64, burst int, now time.Time) (bool, error) {
	if key == "" {
		return false, errors.New("take token: empty key")
	}
	switch {
	case !(perSecond > 0): // NaN too
		return false, fmt.Errorf("take token from %s: rate %v a second is not positive", key, perSecond)
	case burst < 1:
		return false, fmt.Errorf("take token from %s: burst %d is less than 1", key, burst)
	}
	// ?2 is the rate per millisecond; the refill is the tokens the bucket
	// would hold at now, at most the burst.
	res, err := s.w.ExecContext(ctx, `
		INSERT INTO buckets (id, tokens, at) VALUES (?1, ?3 - 1.0, ?4)
		ON CONFLICT (id) DO UPDATE SET
			tokens = min(?3, buckets.tokens + max(0, ?4 - buckets.at) * ?2) - 1.0,
			at     = max(buckets.at, ?4)
		WHERE min(?3, buckets.tokens + max(0, ?4 - buckets.at) * ?2) >= 1.0 - ?5`,
		key, perSecond/1000, float64(burst), millis(now), tokenSlack)
	if err != nil {
		return false, fmt.Errorf("take token from %s: %w", key, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("take token from %s: %w", key, err)
	}
	s.qlog.Wrote()
	return n == 1, nil
}
