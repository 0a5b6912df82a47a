// Package setting describes a setting an operator gave wrong, for the chat
// adapters' option checks: one error type, so that a program reading the
// settings of several adapters tells their complaints apart by key alone.
package setting

import "fmt"

// Error says why one setting is invalid, naming it as the operator gives
// it (SLACK_BOT_TOKEN, DISCORD_SHARD_ID, ...).
type Error struct {
	Key string // the setting, e.g. "SLACK_APP_TOKEN"
	// Value is the value as given for a setting that is not secret; "" for
	// a token or secret, and when the rule is about an unset setting.
	Value string
	Rule  string // the rule broken, e.g. "must start with xapp-"
	// Related lists the other settings whose values the rule weighed, e.g.
	// SLACK_MODE for "must be set when SLACK_MODE is socket". A caller that
	// has already rejected one of them, and so passed a stand-in for it,
	// may leave this error out: one mistake is then reported once.
	Related []string
}

// Error says "KEY: "value" rule", or "KEY: rule" when there is no value to
// show.
func (e *Error) Error() string {
	if e.Value == "" {
		return e.Key + ": " + e.Rule
	}
	return fmt.Sprintf("%s: %q %s", e.Key, e.Value, e.Rule)
}
