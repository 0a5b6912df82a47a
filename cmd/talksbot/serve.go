package main

import (
	"context"
	"errors"
)

// serve will run the Slack and Discord adapters and the HTTP API; until
// they are wired in, it checks its flags and configuration and says so.
func (a *app) serve(ctx context.Context, args []string) error {
	f := a.newFlags("serve", "")
	pos, err := a.parse(f, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return f.usageError("unexpected argument %q", pos[0])
	}
	if _, err := a.loadConfig(f); err != nil {
		return err
	}
	return errors.New("serve: not available in this build yet")
}
