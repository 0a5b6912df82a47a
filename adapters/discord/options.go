package discord

import (
	"errors"
	"fmt"
	"strconv"
)

// OptionError says why one option is invalid, naming the option by the
// setting an operator gives it (DISCORD_BOT_TOKEN, DISCORD_SHARD_ID, ...).
type OptionError struct {
	Key string // the setting, e.g. "DISCORD_SHARD_ID"
	// Value is the value as given for a setting that is not secret; "" for
	// the token, and when the rule is about an unset option.
	Value string
	Rule  string // the rule broken, e.g. "must end with /"
	// Related lists the other settings whose values the rule weighed, e.g.
	// DISCORD_SHARD_COUNT for "must be less than DISCORD_SHARD_COUNT (2)".
	// A caller that has already rejected one of them, and so passed a
	// stand-in for it, may leave this error out: one mistake is then
	// reported once.
	Related []string
}

// Error says "KEY: "value" rule", or "KEY: rule" when there is no value to
// show.
func (e *OptionError) Error() string {
	if e.Value == "" {
		return e.Key + ": " + e.Rule
	}
	return fmt.Sprintf("%s: %q %s", e.Key, e.Value, e.Rule)
}

// Validate checks the options and reports every problem at once, joined.
// Each problem with a setting an operator gives is an *OptionError. New
// calls Validate; a program that reads the settings itself calls it to
// report them all before it builds anything.
func (o Options) Validate() error {
	var errs []error
	if _, err := cleanToken(o.Token); err != nil {
		errs = append(errs, err)
	}
	if _, err := parseAPIURL(o.APIURL); err != nil {
		errs = append(errs, err)
	}
	count := max(o.ShardCount, 1) // 0 means a single shard
	switch {
	case o.ShardCount < 0:
		errs = append(errs, &OptionError{Key: "DISCORD_SHARD_COUNT", Value: strconv.Itoa(o.ShardCount), Rule: "must not be negative"})
	case o.ShardID < 0:
		errs = append(errs, &OptionError{Key: "DISCORD_SHARD_ID", Value: strconv.Itoa(o.ShardID), Rule: "must be 0 or more"})
	case o.ShardID >= count:
		errs = append(errs, &OptionError{Key: "DISCORD_SHARD_ID", Value: strconv.Itoa(o.ShardID),
			Rule: fmt.Sprintf("must be less than DISCORD_SHARD_COUNT (%d)", count), Related: []string{"DISCORD_SHARD_COUNT"}})
	}
	if o.TypingDelay > maxTypingDelay {
		errs = append(errs, fmt.Errorf("discord: typing delay %s: must be at most %s", o.TypingDelay, maxTypingDelay))
	}
	if o.Workers < 0 || o.Workers > maxWorkers {
		errs = append(errs, fmt.Errorf("discord: workers %d: must be between 0 (the default, %d) and %d", o.Workers, DefaultWorkers, maxWorkers))
	}
	if o.QueueTimeout < 0 {
		errs = append(errs, fmt.Errorf("discord: queue timeout %s: must not be negative", o.QueueTimeout))
	}
	return errors.Join(errs...)
}
