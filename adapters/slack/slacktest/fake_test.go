package slacktest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	slackapi "github.com/slack-go/slack"

	"github.com/talksbot/talksbot/adapters/slack/slacktest"
)

const (
	botToken = "xoxb-fake-test"
	appToken = "xapp-fake-test"
)

// slackError returns the error code of a Slack ok:false answer, "" for none.
func slackError(t *testing.T, err error) string {
	t.Helper()
	if err == nil {
		return ""
	}
	var se slackapi.SlackErrorResponse
	if !errors.As(err, &se) {
		t.Fatalf("got error %v, want a Slack error response", err)
	}
	return se.Err
}

func section(text string) slackapi.Block {
	return slackapi.NewSectionBlock(slackapi.NewTextBlockObject(slackapi.MarkdownType, text, false, false), nil, nil)
}

func TestFakeRejectsWhatSlackRejects(t *testing.T) {
	fake := slacktest.New(t, botToken, appToken)
	api := slackapi.New(botToken, slackapi.OptionAPIURL(fake.APIURL()))
	many := make([]slackapi.Block, slacktest.MaxBlocks+1)
	for i := range many {
		many[i] = section("part")
	}
	button := func(label string) slackapi.Block {
		return slackapi.NewActionBlock("acts", slackapi.NewButtonBlockElement("a1", "v",
			slackapi.NewTextBlockObject(slackapi.PlainTextType, label, false, false)))
	}
	tests := []struct {
		name string
		opts []slackapi.MsgOption
		want string
	}{
		{"text alone", []slackapi.MsgOption{slackapi.MsgOptionText("hello", false)}, ""},
		{"blocks alone", []slackapi.MsgOption{slackapi.MsgOptionBlocks(section("hello"))}, ""},
		{"section at the limit, in characters", []slackapi.MsgOption{slackapi.MsgOptionBlocks(section(strings.Repeat("é", slacktest.MaxSectionText)))}, ""},
		{"no text and no blocks", []slackapi.MsgOption{slackapi.MsgOptionText("", false)}, "no_text"},
		{"too many blocks", []slackapi.MsgOption{slackapi.MsgOptionText("x", false), slackapi.MsgOptionBlocks(many...)}, "invalid_blocks"},
		{"section text too long", []slackapi.MsgOption{slackapi.MsgOptionBlocks(section(strings.Repeat("x", slacktest.MaxSectionText+1)))}, "invalid_blocks"},
		{"empty section", []slackapi.MsgOption{slackapi.MsgOptionBlocks(section(""))}, "invalid_blocks"},
		{"button label too long", []slackapi.MsgOption{slackapi.MsgOptionBlocks(button(strings.Repeat("x", slacktest.MaxButtonText+1)))}, "invalid_blocks"},
		{"duplicate block ids", []slackapi.MsgOption{slackapi.MsgOptionBlocks(button("a"), button("b"))}, "invalid_blocks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := api.PostMessageContext(context.Background(), "C0000001", tt.opts...)
			if got := slackError(t, err); got != tt.want {
				t.Errorf("got error code %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFakeChecksTokens(t *testing.T) {
	fake := slacktest.New(t, botToken, appToken)
	post := func(t *testing.T, form url.Values, header http.Header) string {
		t.Helper()
		req, err := http.NewRequest(http.MethodPost, fake.APIURL()+"auth.test", strings.NewReader(form.Encode()))
		if err != nil {
			t.Fatalf("build request: %v", err)
		}
		req.Header = header
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("POST auth.test: %v", err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("read auth.test answer: %v", err)
		}
		return string(body)
	}
	bearer := func(tok string) http.Header { return http.Header{"Authorization": {"Bearer " + tok}} }
	tests := []struct {
		name   string
		form   url.Values
		header http.Header
		want   string
	}{
		{"bearer", url.Values{}, bearer(botToken), `"ok":true`},
		{"form token", url.Values{"token": {botToken}}, http.Header{}, `"ok":true`},
		{"wrong bearer", url.Values{}, bearer("xoxb-wrong"), `"invalid_auth"`},
		{"the header wins over the form", url.Values{"token": {botToken}}, bearer("xoxb-wrong"), `"invalid_auth"`},
		{"not a bearer", url.Values{"token": {botToken}}, http.Header{"Authorization": {"Basic " + botToken}}, `"not_authed"`},
		{"no token", url.Values{}, http.Header{}, `"not_authed"`},
		{"the app token", url.Values{}, bearer(appToken), `"invalid_auth"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := post(t, tt.form, tt.header); !strings.Contains(got, tt.want) {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
	t.Run("slack-go with a wrong token", func(t *testing.T) {
		api := slackapi.New("xoxb-wrong", slackapi.OptionAPIURL(fake.APIURL()))
		_, err := api.AuthTestContext(context.Background())
		if got := slackError(t, err); got != "invalid_auth" {
			t.Errorf("got error code %q, want invalid_auth", got)
		}
	})
}

func TestFakeResponseURL(t *testing.T) {
	fake := slacktest.New(t, botToken, appToken)
	api := slackapi.New(botToken, slackapi.OptionAPIURL(fake.APIURL()))
	respond := func(name string, opts ...slackapi.MsgOption) error {
		opts = append(opts, slackapi.MsgOptionResponseURL(fake.ResponseURL(name), slackapi.ResponseTypeEphemeral))
		_, _, err := api.PostMessageContext(context.Background(), "", opts...)
		return err
	}
	for i := range slacktest.MaxResponseURLUses {
		if err := respond("five", slackapi.MsgOptionText("part", false)); err != nil {
			t.Fatalf("post %d: got %v, want it taken", i+1, err)
		}
	}
	if got := slackError(t, respond("five", slackapi.MsgOptionText("one too many", false))); got != "used_url" {
		t.Errorf("got error code %q for a sixth post, want used_url", got)
	}
	if got := slackError(t, respond("bad", slackapi.MsgOptionBlocks(section(strings.Repeat("x", slacktest.MaxSectionText+1))))); got != "invalid_blocks" {
		t.Errorf("got error code %q, want invalid_blocks", got)
	}
	if got := slackError(t, respond("empty", slackapi.MsgOptionText("", false))); got != "no_text" {
		t.Errorf("got error code %q, want no_text", got)
	}
}

func TestFakeKeepsMessagesAsUpdated(t *testing.T) {
	fake := slacktest.New(t, botToken, appToken)
	api := slackapi.New(botToken, slackapi.OptionAPIURL(fake.APIURL()))
	ctx := context.Background()
	_, ts, err := api.PostMessageContext(ctx, "C1", slackapi.MsgOptionText("draft", false),
		slackapi.MsgOptionBlocks(section("draft")), slackapi.MsgOptionTS("1600000000.000001"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := api.PostMessageContext(ctx, "C2", slackapi.MsgOptionText("elsewhere", false)); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := api.UpdateMessageContext(ctx, "C1", ts, slackapi.MsgOptionText("answer", false),
		slackapi.MsgOptionBlocks(section("answer"))); err != nil {
		t.Fatal(err)
	}
	got := fake.Messages("C1")
	if len(got) != 1 {
		t.Fatalf("got %d messages in C1, want 1", len(got))
	}
	if m := got[0]; m.TS != ts || m.Thread != "1600000000.000001" || m.Text != "answer" ||
		strings.Join(m.Texts(), "|") != "answer" {
		t.Errorf("got message %+v, want the update's text and blocks in the posted message's place", m)
	}
	_, _, _, err = api.UpdateMessageContext(ctx, "C1", "1600000000.999999", slackapi.MsgOptionText("x", false))
	if got := slackError(t, err); got != "message_not_found" {
		t.Errorf("got %q updating an unknown message, want message_not_found", got)
	}
}
