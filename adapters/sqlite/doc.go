// Package sqlite is talksbot's durable state: a bot.Store over an embedded
// SQLite database (the pure-Go modernc.org/sqlite driver) holding feedback,
// the question log, the claims on delivered platform events, the last turn
// of each thread the bot answered in, Share payloads and rate-limit
// buckets, plus the report an operator reads to improve the documents
// (`talksbot report`).
//
// The database lives in one file, talksbot.db, in the state folder
// (TALKSBOT_DATA). It runs in WAL mode with synchronous=FULL, and its schema
// evolves through numbered migrations, each applied once in its own
// transaction.
//
// What is acknowledged to a user is written synchronously and survives a
// crash of the process or of the machine: feedback, and the delivery
// claims that keep a retried event from being answered twice; so are
// turns, shares and buckets, so that a restart forgets none of them. The
// question log, which nobody is told about, is written asynchronously in
// batches so that an answer never waits for an fsync; Close writes what is
// pending, and a crash loses at most the last few milliseconds of it.
//
// Ping is the readiness check of the state folder: quick, and telling why
// the state is not writable while the bot goes on answering.
package sqlite
