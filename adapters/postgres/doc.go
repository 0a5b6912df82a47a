// Package postgres is talksbot's shared state for several replicas: a
// bot.Store in a PostgreSQL database (pgx and its pool, pgxpool), selected
// by TALKSBOT_DATABASE_URL. Any number of `talksbot serve` processes use one
// database and agree through it on what must be decided once: the claims on
// platform deliveries (each event, command and interaction answered once),
// the threads the bot answered in, Share payloads, per-user rate-limit
// buckets, feedback and the question log, and the key that signs reply ids
// (Key), so that a button answered on one replica is accepted by any other.
//
// The schema evolves through numbered migrations, each in its own
// transaction under an advisory lock, so that replicas starting together
// migrate once. A claim and a rate-limit take are one statement each, one
// round trip, atomic across replicas (INSERT … ON CONFLICT … DO UPDATE …
// WHERE … RETURNING). Feedback and the shared state are committed before
// the methods that write them return; the question log, which nobody is
// told about, is written in batches a few milliseconds later, as in package
// sqlite.
//
// When the server is unreachable, calls fail with the reason (Reason) and
// Ping says so for /readyz; the pool replaces broken connections by itself,
// so the store works again as soon as the server is back, without a
// restart.
package postgres
