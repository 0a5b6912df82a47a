package slack

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

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
	add := func(key, value, rule string, related ...string) {
		errs = append(errs, &OptionError{Key: key, Value: value, Rule: rule, Related: related})
	}
	switch {
	case o.BotToken == "" && o.Mode != "":
		add("SLACK_BOT_TOKEN", "", "must be set when SLACK_MODE is "+o.Mode, "SLACK_MODE")
	case o.BotToken == "" && o.AppToken != "":
		add("SLACK_BOT_TOKEN", "", "must be set when SLACK_APP_TOKEN is set", "SLACK_APP_TOKEN")
	case o.BotToken == "" && o.SigningSecret != "":
		add("SLACK_BOT_TOKEN", "", "must be set when SLACK_SIGNING_SECRET is set", "SLACK_SIGNING_SECRET")
	case o.BotToken == "":
		add("SLACK_BOT_TOKEN", "", "must be set")
	case !strings.HasPrefix(o.BotToken, "xoxb-"):
		add("SLACK_BOT_TOKEN", "", "must start with xoxb-")
	}
	if o.AppToken != "" && !strings.HasPrefix(o.AppToken, "xapp-") {
		add("SLACK_APP_TOKEN", "", "must start with xapp-")
	}
	if o.APIURL != "" {
		if rule := apiURLRule(o.APIURL); rule != "" {
			add("SLACK_API_URL", o.APIURL, rule)
		}
	}
	switch o.Mode {
	case ModeSocket:
		if o.AppToken == "" {
			add("SLACK_APP_TOKEN", "", "must be set when SLACK_MODE is socket", "SLACK_MODE")
		}
	case ModeHTTP:
		if o.SigningSecret == "" {
			add("SLACK_SIGNING_SECRET", "", "must be set when SLACK_MODE is http", "SLACK_MODE")
		}
	case "":
		if o.AppToken == "" && o.SigningSecret == "" {
			add("SLACK_APP_TOKEN", "", "must be set for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode",
				"SLACK_SIGNING_SECRET", "SLACK_MODE")
		}
	default:
		add("SLACK_MODE", o.Mode, fmt.Sprintf("must be %s, %s or empty", ModeSocket, ModeHTTP))
	}
	if o.WorkingAfter > time.Minute {
		errs = append(errs, fmt.Errorf("slack: working-after %s: must be at most a minute", o.WorkingAfter))
	}
	return errors.Join(errs...)
}

// transport returns the transport valid options select: Mode, or when it
// is empty Socket Mode if there is an app token, HTTP mode otherwise.
func (o Options) transport() string {
	switch {
	case o.Mode != "":
		return o.Mode
	case o.AppToken != "":
		return ModeSocket
	}
	return ModeHTTP
}

// apiURLRule returns the rule the Web API base URL s breaks, or "".
func apiURLRule(s string) string {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		return "must be a valid URL"
	case u.Scheme != "http" && u.Scheme != "https", u.Host == "":
		return "must be an absolute http or https URL"
	case !strings.HasSuffix(s, "/"):
		return "must end with /"
	}
	return ""
}
