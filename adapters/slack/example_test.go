package slack_test

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/talksbot/talksbot/adapters/slack"
	"github.com/talksbot/talksbot/bot"
)

// A Socket Mode adapter needs the bot token and the app-level token; Run
// connects and answers until its context is done.
func ExampleNew() {
	core := bot.New(nil, bot.Options{})
	a, err := slack.New(slack.Options{BotToken: "xoxb-example", AppToken: "xapp-example"}, core)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Mode())

	// Mistakes are reported together, each naming what to fix.
	_, err = slack.New(slack.Options{BotToken: "xoxp-user-token", APIURL: "http://127.0.0.1:8080/api"}, core)
	fmt.Println(err)
	// Output:
	// socket
	// SLACK_BOT_TOKEN: must start with xoxb-
	// SLACK_API_URL: "http://127.0.0.1:8080/api" must end with /
	// SLACK_APP_TOKEN: must be set for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode
}

// Validate reports every problem with the options at once, before anything
// is built; each names the setting to fix and never shows a token.
func ExampleOptions_Validate() {
	err := slack.Options{AppToken: "xoxb-wrong-kind", Mode: slack.ModeSocket}.Validate()
	fmt.Println(err)
	var oe *slack.OptionError
	if errors.As(err, &oe) {
		fmt.Println(oe.Key, oe.Related)
	}
	// Output:
	// SLACK_BOT_TOKEN: must be set when SLACK_MODE is socket
	// SLACK_APP_TOKEN: must start with xapp-
	// SLACK_BOT_TOKEN [SLACK_MODE]
}

// In HTTP mode the adapter's Handler serves Slack's three endpoints, next to
// whatever else the server offers; Run must be running to answer.
func ExampleAdapter_Handler() {
	a, err := slack.New(slack.Options{BotToken: "xoxb-example", SigningSecret: "example-secret"}, bot.New(nil, bot.Options{}))
	if err != nil {
		fmt.Println(err)
		return
	}
	mux := http.NewServeMux()
	mux.Handle("/slack/", a.Handler())
	// http.ListenAndServe(addr, mux) and a.Run(ctx) would follow.
	fmt.Println(a.Mode())
	// Output: http
}
