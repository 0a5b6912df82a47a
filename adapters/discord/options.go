package discord

import (
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"

	"github.com/talksbot/talksbot/adapters/internal/setting"
)

// OptionError says why one option is invalid, naming the option by the
// setting an operator gives it. Every adapter's option checks use the
// one type: a program reading several adapters' settings tells their
// complaints apart by Key.
type OptionError = setting.Error

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
	errs = append(errs, o.shardErrors()...)
	if o.PublicKey != "" {
		if _, err := parsePublicKey(o.PublicKey); err != nil {
			errs = append(errs, err)
		}
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

// shardErrors checks ShardID and ShardCount: both or neither, and the id
// below the count.
func (o Options) shardErrors() []error {
	const idKey, countKey = "DISCORD_SHARD_ID", "DISCORD_SHARD_COUNT"
	var errs []error
	if o.ShardCount < 0 {
		errs = append(errs, &OptionError{Key: countKey, Value: strconv.Itoa(o.ShardCount), Rule: "must be 1 or more"})
	}
	if o.ShardID != nil && *o.ShardID < 0 {
		errs = append(errs, &OptionError{Key: idKey, Value: strconv.Itoa(*o.ShardID), Rule: "must be 0 or more"})
	}
	if len(errs) > 0 {
		return errs
	}
	switch {
	case o.ShardID != nil && o.ShardCount == 0:
		return []error{&OptionError{Key: countKey, Rule: "must be set when DISCORD_SHARD_ID is set", Related: []string{idKey}}}
	case o.ShardID == nil && o.ShardCount > 0:
		return []error{&OptionError{Key: idKey, Rule: "must be set when DISCORD_SHARD_COUNT is set", Related: []string{countKey}}}
	case o.ShardID != nil && *o.ShardID >= o.ShardCount:
		return []error{&OptionError{Key: idKey, Value: strconv.Itoa(*o.ShardID),
			Rule: fmt.Sprintf("must be less than DISCORD_SHARD_COUNT (%d)", o.ShardCount), Related: []string{countKey}}}
	}
	return nil
}

// parsePublicKey reads the application's public key.
func parsePublicKey(raw string) (ed25519.PublicKey, error) {
	key, err := hex.DecodeString(raw)
	if err != nil || len(key) != ed25519.PublicKeySize {
		return nil, &OptionError{Key: "DISCORD_PUBLIC_KEY", Value: raw,
			Rule: fmt.Sprintf("must be %d hexadecimal characters (the application's public key)", 2*ed25519.PublicKeySize)}
	}
	return ed25519.PublicKey(key), nil
}
