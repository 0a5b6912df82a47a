// Package config loads talksbot's settings, validates them and prints them
// with secrets redacted.
//
// Every setting is declared once, in one table, with its name, default,
// validation rule and whether it is a secret. Load reads them with the
// precedence defaults < YAML file < environment < command-line flags, checks
// every rule, and reports all errors at once, each naming the key, the value
// (redacted for secrets) and the rule broken. The environment names are the
// canonical keys (SLACK_BOT_TOKEN); the YAML file uses the same names in lower
// case (slack_bot_token).
//
// Only cmd/talksbot imports this package: it reads a Config and hands plain
// values to the library packages, which never see it.
package config
