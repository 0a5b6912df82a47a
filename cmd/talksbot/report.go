package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/talksbot/talksbot/adapters/console"
	"github.com/talksbot/talksbot/adapters/sqlite"
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
	store, err := sqlite.Open(ctx, cfg.Data, sqlite.Options{})
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
	return sqlite.WriteReport(a.stdout, r)
}

// parseSince parses a look-back window: a whole number of days ("7d"), or
// anything time.ParseDuration reads ("36h", "90m", "1h30m"). It must be
// positive.
func parseSince(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n > 100*365 {
			return 0, errors.New("must be a number of days (7d), hours (36h) or minutes (90m)")
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, errors.New("must be a number of days (7d), hours (36h) or minutes (90m)")
		}
	}
	if d <= 0 {
		return 0, errors.New("must be greater than zero")
	}
	return d, nil
}
