package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/talksbot/talksbot/bot"
)

// tokenSlack is how far short of a whole token a bucket may be and still
// give one, as in bot.MemoryStore: refills are computed in floating point.
const tokenSlack = 1e-9

// Claim claims a delivery key until now+lease in one statement, one round
// trip: a new key is inserted, and a claim that lapsed without Complete is
// taken over; a live claim and a completed key are left alone, and the
// statement returns no row. Of many replicas claiming at once, the first
// to lock the row wins; the others re-read it locked and find it held.
// See bot.Deliveries.
func (s *Store) Claim(ctx context.Context, key string, now time.Time, lease time.Duration) (bool, error) {
	if err := checkKey("claim delivery", key); err != nil {
		return false, err
	}
	if lease <= 0 {
		return false, fmt.Errorf("claim delivery %s: lease %v is not positive", key, lease)
	}
	var won bool
	err := s.pool.QueryRow(ctx, `
		INSERT INTO deliveries AS d (key, at, lease_until, done) VALUES ($1, $2, $3, false)
		ON CONFLICT (key) DO UPDATE SET at = excluded.at, lease_until = excluded.lease_until
		WHERE NOT d.done AND d.lease_until <= excluded.at
		RETURNING true`,
		key, ms(now), ms(now.Add(lease))).Scan(&won)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("claim delivery %s: %w", key, err)
	}
	s.qlog.Wrote()
	return won, nil
}

// Complete marks a delivery key done: no Claim succeeds on it again until
// Prune removes it, bot.DeliveryTTL after now.
func (s *Store) Complete(ctx context.Context, key string, now time.Time) error {
	if err := checkKey("complete delivery", key); err != nil {
		return err
	}
	_, err := s.pool.Exec(ctx, `
		INSERT INTO deliveries AS d (key, at, lease_until, done) VALUES ($1, $2, $2, true)
		ON CONFLICT (key) DO UPDATE SET at = excluded.at, done = true`,
		key, ms(now))
	if err != nil {
		return fmt.Errorf("complete delivery %s: %w", key, err)
	}
	return nil
}

// Release drops the claim on key made at claimed if it is not done, so
// that the platform's next delivery of key is answered. A done key, a
// claim made at another time (another replica's, taken over after this
// one's lapsed), or an unknown key is left as it is.
func (s *Store) Release(ctx context.Context, key string, claimed time.Time) error {
	if err := checkKey("release delivery", key); err != nil {
		return err
	}
	if _, err := s.pool.Exec(ctx, `DELETE FROM deliveries WHERE key = $1 AND NOT done AND at = $2`,
		key, ms(claimed)); err != nil {
		return fmt.Errorf("release delivery %s: %w", key, err)
	}
	return nil
}

// SaveTurn records a conversation's last turn, replacing the one before.
func (s *Store) SaveTurn(ctx context.Context, key string, t bot.Turn, at time.Time) error {
	if err := checkKey("save turn", key); err != nil {
		return err
	}
	_, err := s.pool.Exec(ctx, `
		INSERT INTO turns (key, question, answer, topic, context, at) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (key) DO UPDATE SET question = excluded.question, answer = excluded.answer,
			topic = excluded.topic, context = excluded.context, at = excluded.at`,
		key, text(t.Question), text(t.Answer), text(t.Topic), text(t.Context), ms(at))
	if err != nil {
		return fmt.Errorf("save turn of %s: %w", key, err)
	}
	s.qlog.Wrote()
	return nil
}

// LastTurn returns a conversation's last turn and when it was saved, or
// bot.ErrNotFound.
func (s *Store) LastTurn(ctx context.Context, key string) (bot.Turn, time.Time, error) {
	if err := checkKey("last turn", key); err != nil {
		return bot.Turn{}, time.Time{}, err
	}
	var (
		t  bot.Turn
		at time.Time
	)
	err := s.pool.QueryRow(ctx, `SELECT question, answer, topic, context, at FROM turns WHERE key = $1`, key).
		Scan(&t.Question, &t.Answer, &t.Topic, &t.Context, &at)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return bot.Turn{}, time.Time{}, fmt.Errorf("last turn of %s: %w", key, bot.ErrNotFound)
	case err != nil:
		return bot.Turn{}, time.Time{}, fmt.Errorf("last turn of %s: %w", key, err)
	}
	return t, at.UTC(), nil
}

// SaveShare stores a Share button's payload, replacing any under the same
// key.
func (s *Store) SaveShare(ctx context.Context, key string, payload []byte, at time.Time) error {
	if err := checkKey("save share", key); err != nil {
		return err
	}
	if payload == nil {
		payload = []byte{} // the column is NOT NULL
	}
	_, err := s.pool.Exec(ctx, `
		INSERT INTO shares (key, payload, at) VALUES ($1, $2, $3)
		ON CONFLICT (key) DO UPDATE SET payload = excluded.payload, at = excluded.at`,
		key, payload, ms(at))
	if err != nil {
		return fmt.Errorf("save share %s: %w", key, err)
	}
	s.qlog.Wrote()
	return nil
}

// LoadShare returns a Share button's payload, or bot.ErrNotFound.
func (s *Store) LoadShare(ctx context.Context, key string) ([]byte, error) {
	if err := checkKey("load share", key); err != nil {
		return nil, err
	}
	var payload []byte
	err := s.pool.QueryRow(ctx, `SELECT payload FROM shares WHERE key = $1`, key).Scan(&payload)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return nil, fmt.Errorf("load share %s: %w", key, bot.ErrNotFound)
	case err != nil:
		return nil, fmt.Errorf("load share %s: %w", key, err)
	}
	if payload == nil {
		payload = []byte{}
	}
	return payload, nil
}

// Take takes one token from a rate-limit bucket in one statement, one
// round trip: a new bucket is inserted full less the token; an existing
// one is refilled since its last take (never backwards: GREATEST; never
// past the burst: LEAST) and updated only when that leaves a whole token
// to take. A refusal updates nothing and returns no row. Concurrent takes
// on one bucket queue on its row lock, each reading the row as the one
// before left it. See bot.Buckets.
func (s *Store) Take(ctx context.Context, key string, perSecond float64, burst int, now time.Time) (bool, error) {
	if err := checkKey("take token", key); err != nil {
		return false, err
	}
	switch {
	case !(perSecond > 0): // NaN too
		return false, fmt.Errorf("take token from %s: rate %v a second is not positive", key, perSecond)
	case burst < 1:
		return false, fmt.Errorf("take token from %s: burst %d is less than 1", key, burst)
	}
	// The refill is the tokens the bucket would hold at $4, at most the
	// burst $3, at $2 tokens a second.
	var took bool
	err := s.pool.QueryRow(ctx, `
		INSERT INTO buckets AS b (key, tokens, at) VALUES ($1, $3::float8 - 1, $4)
		ON CONFLICT (key) DO UPDATE SET
			tokens = LEAST($3::float8, b.tokens + GREATEST(0, extract(epoch FROM $4::timestamptz - b.at)::float8) * $2::float8) - 1,
			at     = GREATEST(b.at, $4::timestamptz)
		WHERE LEAST($3::float8, b.tokens + GREATEST(0, extract(epoch FROM $4::timestamptz - b.at)::float8) * $2::float8) >= 1 - $5::float8
		RETURNING true`,
		key, perSecond, float64(burst), ms(now), tokenSlack).Scan(&took)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("take token from %s: %w", key, err)
	}
	s.qlog.Wrote()
	return took, nil
}
