// Package sqlite is talksbot's durable state: a bot.Store over an embedded
// SQLite database (the pure-Go modernc.org/sqlite driver) holding feedback,
// the question log and the ids of delivered platform events, plus the report
// an operator reads to improve the documents (`talksbot report`).
//
// The database lives in one file, talksbot.db, in the state folder
// (TALKSBOT_DATA). It runs in WAL mode with synchronous=FULL so that anything
// acknowledged to a user survives a crash of the process or of the machine,
// and its schema evolves through numbered migrations, each applied once in
// its own transaction.
package sqlite
