package main

import (
	"errors"
	"strings"

	"github.com/talksbot/talksbot/adapters/discord"
	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/config"
)

// slackOptions are the Slack adapter's options from cfg, as serve gives them
// (serve adds its logger and metrics hooks). on reports whether any SLACK_
// setting is set: then serve runs Slack, and its options must be valid.
// TALKSBOT_MAX_CONCURRENT sets its workers and the bot's queue timeout its
// wait for one, as for every adapter: the bot owns the bound on answers.
func slackOptions(cfg config.Config) (opts slack.Options, on bool) {
	return slack.Options{
		BotToken:      cfg.SlackBotToken.Reveal(),
		AppToken:      cfg.SlackAppToken.Reveal(),
		SigningSecret: cfg.SlackSigningSecret.Reveal(),
		APIURL:        cfg.SlackAPIURL,
		Mode:          cfg.SlackMode,
		Workers:       cfg.MaxConcurrent,
		QueueTimeout:  bot.DefaultQueueTimeout,
	}, anySet(cfg, "SLACK_")
}

// discordOptions are the Discord adapter's options from cfg, as serve gives
// them (serve adds its logger and metrics hooks). on reports whether any
// DISCORD_ setting is set: then serve runs Discord, and its options must be
// valid. Its workers and queue timeout are set as for Slack.
func discordOptions(cfg config.Config) (opts discord.Options, on bool) {
	opts = discord.Options{
		Token:          cfg.DiscordBotToken.Reveal(),
		GuildID:        cfg.DiscordGuildID,
		APIURL:         cfg.DiscordAPIURL,
		ShardCount:     cfg.DiscordShardCount,
		PublicKey:      cfg.DiscordPublicKey,
		MessageContent: cfg.DiscordMessageContent,
		TypingDelay:    discord.DefaultTypingDelay,
		Workers:        cfg.MaxConcurrent,
		QueueTimeout:   bot.DefaultQueueTimeout,
	}
	// The adapter tells an unset shard id from shard 0: it wants both or
	// neither.
	if anySet(cfg, "DISCORD_SHARD_ID") {
		opts.ShardID = new(cfg.DiscordShardID)
	}
	return opts, anySet(cfg, "DISCORD_")
}

// anySet reports whether a setting whose key starts with prefix was given a
// value (in the file, the environment or a flag), valid or not.
func anySet(cfg config.Config, prefix string) bool {
	for _, s := range cfg.Redacted() {
		if strings.HasPrefix(s.Key, prefix) && s.Source != config.SourceDefault && s.Value != "" {
			return true
		}
	}
	return false
}

// loadServeConfig loads the configuration as loadConfig does and judges it
// as serve will: each chat platform with a setting set has its adapter
// validate the options serve would give it. Every problem is reported at
// once, config's own first, as a *configError; the Config is returned even
// then, for printing.
//
// An option whose setting config rejected is left empty in the options, so
// the adapter's complaints about that setting, and about rules that weighed
// it, are set aside: each mistake is reported once, by config, with its
// value redacted. The adapter's complaints about the other settings stay:
// a bad SLACK_APP_TOKEN does not hide a missing SLACK_BOT_TOKEN.
func (a *app) loadServeConfig(f *flags) (config.Config, error) {
	cfg, err := config.Load(a.sources(f))
	errs := split(err)
	rejected := make(map[string]bool)
	for _, e := range errs {
		if ke, ok := errors.AsType[*config.KeyError](e); ok {
			rejected[ke.Key] = true
		}
	}
	var judged []error
	if opts, on := slackOptions(cfg); on {
		judged = append(judged, split(opts.Validate())...)
	}
	if opts, on := discordOptions(cfg); on {
		judged = append(judged, split(opts.Validate())...)
	}
	for _, e := range judged {
		if !judgedRejected(e, rejected) {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		return cfg, &configError{err: errors.Join(errs...)}
	}
	return cfg, nil
}

// judgedRejected reports whether an adapter's complaint is about a setting
// in rejected, or weighed one.
func judgedRejected(err error, rejected map[string]bool) bool {
	// slack.OptionError and discord.OptionError are one type.
	e, ok := errors.AsType[*slack.OptionError](err)
	if !ok {
		return false
	}
	if rejected[e.Key] {
		return true
	}
	for _, k := range e.Related {
		if rejected[k] {
			return true
		}
	}
	return false
}

// split returns the errors err joins, err alone when it joins none, and
// nothing for nil.
func split(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
