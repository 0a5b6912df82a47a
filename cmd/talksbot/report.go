package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/talksbot/talksbot/adapters/console"
	"github.com/talksbot/talksbot/adapters/postgres"
	"github.com/talksbot/talksbot/adapters/sqlite"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/config"
)

func (a *app) report(ctx context.Context, args []string) error {
	f := a.newFlags("report", "[--since DURATION] [--json]")
	since := f.String("since", "7d", "report on the last `DURATION`: 7d, 36h, 90m or a Go duration such as 1h30m")
	asJSON := f.Bool("json", false, "print the report as one JSON object")
	if err := a.noArgs(f, args); err != nil {
		return err
	}
	window, err := parseSince(*since)
	if err != nil {
		return f.usageError("--since %q: %v", *since, err)
	}
	cfg, err := a.loadConfig(f)
	if err != nil {
		return err
	}
	r, err := readReport(ctx, cfg, time.Now().Add(-window))
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if *asJSON {
		return console.WriteJSON(a.stdout, r)
	}
	return console.WriteReport(a.stdout, r)
}

// readReport reads the report since since from what serve keeps: the
// shared database with TALKSBOT_DATABASE_URL, SQLite in TALKSBOT_DATA
// without. Either is opened read-only: a report never migrates, prunes or
// writes to what serve keeps, even while serve runs.
func readReport(ctx context.Context, cfg config.Config, since time.Time) (bot.Report, error) {
	if cfg.DatabaseURL.IsSet() {
		db, err := postgres.OpenReader(ctx, cfg.DatabaseURL.Reveal())
		if err != nil {
			return bot.Report{}, err
		}
		defer db.Close()
		return db.Report(ctx, since)
	}
	// It never creates a state folder or an empty database where none
	// was, which would only hide a wrong TALKSBOT_DATA.
	path := filepath.Join(cfg.Data, sqlite.FileName)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return bot.Report{}, fmt.Errorf("no state database at %s", path)
	} else if err != nil {
		return bot.Report{}, err
	}
	db, err := sqlite.OpenReader(ctx, cfg.Data)
	if err != nil {
		return bot.Report{}, err
	}
	defer db.Close()
	return db.Report(ctx, since)
}

// parseSince parses a look-back window as config.ParseAge does: "7d",
// "36h", "90m".
func parseSince(s string) (time.Duration, error) { return config.ParseAge(s) }
