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
	"github.com/talksbot/talksbot/adapters/sqlite"
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
	// A report reads what serve wrote: it never creates a state folder or
	// an empty database where none was, which would only hide a wrong
	// TALKSBOT_DATA.
	path := filepath.Join(cfg.Data, sqlite.FileName)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("report: no state database at %s", path)
	} else if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	// Read-only: a report never migrates, prunes or writes to what serve
	// keeps, even while serve runs.
	store, err := sqlite.OpenReader(ctx, cfg.Data)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	defer store.Close()
	r, err := store.Report(ctx, time.Now().Add(-window))
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if *asJSON {
		return console.WriteJSON(a.stdout, r)
	}
	return console.WriteReport(a.stdout, r)
}

// parseSince parses a look-back window as config.ParseAge does: "7d",
// "36h", "90m".
func parseSince(s string) (time.Duration, error) { return config.ParseAge(s) }
