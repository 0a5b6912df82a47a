package slacktest_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	slackapi "github.com/slack-go/slack"

	"github.com/talksbot/talksbot/adapters/slack/slacktest"
)

func feedbackBlock(actionID string) slackapi.Block {
	plain := func(s string) *slackapi.TextBlockObject {
		return slackapi.NewTextBlockObject(slackapi.PlainTextType, s, false, false)
	}
	return slackapi.NewContextActionsBlock("", slackapi.NewFeedbackButtonsBlockElement(actionID,
		slackapi.NewFeedbackButton(plain("Helpful"), "helpful"), slackapi.NewFeedbackButton(plain("Not helpful"), "not_helpful")))
}

func TestFakeStreamsAsSlackDoes(t *testing.T) {
	const thread = "1700000000.000100"
	recipients := []slackapi.MsgOption{slackapi.MsgOptionRecipientUserID("U0ALICE01"), slackapi.MsgOptionRecipientTeamID(slacktest.TeamID)}
	tests := []struct {
		name    string
		channel string
		opts    []slackapi.MsgOption
		want    string
	}{
		{"a channel with recipients", "C0TALKS01", append([]slackapi.MsgOption{slackapi.MsgOptionTS(thread)}, recipients...), ""},
		{"a direct message needs no recipients", "D0ALICE01", []slackapi.MsgOption{slackapi.MsgOptionTS(thread)}, ""},
		{"a channel without recipients", "C0TALKS01", []slackapi.MsgOption{slackapi.MsgOptionTS(thread)}, "missing_recipient_user_id"},
		{"a channel without the team", "C0TALKS01", []slackapi.MsgOption{slackapi.MsgOptionTS(thread), recipients[0]}, "missing_recipient_team_id"},
		{"outside a thread", "D0ALICE01", nil, "invalid_arguments"},
		{"text over the limit", "D0ALICE01", []slackapi.MsgOption{slackapi.MsgOptionTS(thread),
			slackapi.MsgOptionMarkdownText(strings.Repeat("x", slacktest.MaxMarkdownText+1))}, "msg_too_long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := slacktest.New(t, botToken, appToken)
			api := slackapi.New(botToken, slackapi.OptionAPIURL(fake.APIURL()))
			opts := append([]slackapi.MsgOption{slackapi.MsgOptionMarkdownText("Congress ")}, tt.opts...)
			_, ts, err := api.StartStreamContext(context.Background(), tt.channel, opts...)
			if got := slackError(t, err); got != tt.want {
				t.Fatalf("got error code %q, want %q", got, tt.want)
			}
			msgs := fake.Messages(tt.channel)
			if tt.want != "" {
				if len(msgs) != 0 {
					t.Errorf("got messages %+v, want none for a refused stream", msgs)
				}
				return
			}
			if len(msgs) != 1 || msgs[0].TS != ts || !msgs[0].Streaming || msgs[0].Thread != thread || msgs[0].Markdown != "Congress " {
				t.Errorf("got messages %+v, want the stream at %s", msgs, ts)
			}
		})
	}
}

func TestFakeStreamLifecycle(t *testing.T) {
	fake := slacktest.New(t, botToken, appToken)
	api := slackapi.New(botToken, slackapi.OptionAPIURL(fake.APIURL()))
	ctx := context.Background()
	const ch = "D0ALICE01"
	_, ts, err := api.StartStreamContext(ctx, ch, slackapi.MsgOptionTS("1700000000.000100"), slackapi.MsgOptionMarkdownText("One."))
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		call func() error
		want string
	}{
		{"append", func() error {
			_, _, err := api.AppendStreamContext(ctx, ch, ts, slackapi.MsgOptionMarkdownText(" Two."))
			return err
		}, ""},
		{"append nothing", func() error {
			_, _, err := api.AppendStreamContext(ctx, ch, ts)
			return err
		}, "no_text"},
		{"append to an unknown stream", func() error {
			_, _, err := api.AppendStreamContext(ctx, ch, "1700000000.999999", slackapi.MsgOptionMarkdownText("x"))
			return err
		}, "message_not_found"},
		{"update while streaming", func() error {
			_, _, _, err := api.UpdateMessageContext(ctx, ch, ts, slackapi.MsgOptionText("x", false))
			return err
		}, "cant_update_message"},
		{"stop with too many blocks", func() error {
			many := make([]slackapi.Block, slacktest.MaxBlocks+1)
			for i := range many {
				many[i] = section("x")
			}
			_, _, err := api.StopStreamContext(ctx, ch, ts, slackapi.MsgOptionBlocks(many...))
			return err
		}, "invalid_blocks"},
		{"stop with feedback buttons", func() error {
			_, _, err := api.StopStreamContext(ctx, ch, ts, slackapi.MsgOptionMarkdownText(" Three."),
				slackapi.MsgOptionBlocks(feedbackBlock("talks_feedback:r1")))
			return err
		}, ""},
		{"append once stopped", func() error {
			_, _, err := api.AppendStreamContext(ctx, ch, ts, slackapi.MsgOptionMarkdownText("x"))
			return err
		}, "message_not_in_streaming_state"},
		{"stop once stopped", func() error {
			_, _, err := api.StopStreamContext(ctx, ch, ts)
			return err
		}, "message_not_in_streaming_state"},
	}
	for _, st := range steps {
		if got := slackError(t, st.call()); got != st.want {
			t.Errorf("%s: got error code %q, want %q", st.name, got, st.want)
		}
	}
	m := fake.Messages(ch)[0]
	if m.Markdown != "One. Two. Three." || m.Streaming {
		t.Errorf("got %q (streaming %v), want the appends in order and the stream stopped", m.Markdown, m.Streaming)
	}
	want := []slacktest.Button{{ActionID: "talks_feedback:r1", Value: "helpful", Label: "Helpful"},
		{ActionID: "talks_feedback:r1", Value: "not_helpful", Label: "Not helpful"}}
	if got := m.Buttons(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got buttons %+v, want %+v", got, want)
	}
	if _, _, _, err := api.UpdateMessageContext(ctx, ch, ts, slackapi.MsgOptionText("replaced", false),
		slackapi.MsgOptionBlocks(section("replaced"))); err != nil {
		t.Fatalf("update a stopped stream: %v", err)
	}
	if m := fake.Messages(ch)[0]; m.Markdown != "" || strings.Join(m.Texts(), "|") != "replaced" {
		t.Errorf("got %q and %q, want the update in place of the streamed text", m.Markdown, m.Texts())
	}
}

func TestFakeRefusesStreamsAndRateLimits(t *testing.T) {
	fake := slacktest.New(t, botToken, appToken)
	api := slackapi.New(botToken, slackapi.OptionAPIURL(fake.APIURL()))
	ctx := context.Background()
	start := func() error {
		_, _, err := api.StartStreamContext(ctx, "D0ALICE01", slackapi.MsgOptionTS("1700000000.000100"), slackapi.MsgOptionMarkdownText("x"))
		return err
	}
	fake.RefuseStreams("not_allowed")
	for range 2 {
		if got := slackError(t, start()); got != "not_allowed" {
			t.Errorf("got %q, want every stream refused with not_allowed", got)
		}
	}
	fake.RefuseStreams("")
	if err := start(); err != nil {
		t.Errorf("got %v, want streams taken again", err)
	}
	fake.RateLimitNext("chat.appendStream", 7)
	_, _, err := api.AppendStreamContext(ctx, "D0ALICE01", "1700000000.000001", slackapi.MsgOptionMarkdownText("x"))
	var rl *slackapi.RateLimitedError
	if !errors.As(err, &rl) || rl.RetryAfter != 7*time.Second {
		t.Errorf("got %v, want a 429 asking to retry after 7s", err)
	}
}

func TestFakeAssistantThreads(t *testing.T) {
	fake := slacktest.New(t, botToken, appToken)
	api := slackapi.New(botToken, slackapi.OptionAPIURL(fake.APIURL()))
	ctx := context.Background()
	const ch, thread = "D0ALICE01", "1700000000.000100"
	prompts := func(n int) []slackapi.AssistantThreadsPrompt {
		var ps []slackapi.AssistantThreadsPrompt
		for i := range n {
			ps = append(ps, slackapi.AssistantThreadsPrompt{Title: fmt.Sprint("P", i), Message: fmt.Sprint("M", i)})
		}
		return ps
	}
	tests := []struct {
		name string
		call func() error
		want string
	}{
		{"four prompts", func() error {
			return api.SetAssistantThreadsSuggestedPromptsContext(ctx, slackapi.AssistantThreadsSetSuggestedPromptsParameters{
				ChannelID: ch, ThreadTS: thread, Title: "Try", Prompts: prompts(4)})
		}, ""},
		{"five prompts", func() error {
			return api.SetAssistantThreadsSuggestedPromptsContext(ctx, slackapi.AssistantThreadsSetSuggestedPromptsParameters{
				ChannelID: ch, ThreadTS: thread, Prompts: prompts(5)})
		}, "invalid_arguments"},
		{"no prompts", func() error {
			return api.SetAssistantThreadsSuggestedPromptsContext(ctx, slackapi.AssistantThreadsSetSuggestedPromptsParameters{
				ChannelID: ch, ThreadTS: thread})
		}, "invalid_arguments"},
		{"a status", func() error {
			return api.SetAssistantThreadsStatusContext(ctx, slackapi.AssistantThreadsSetStatusParameters{
				ChannelID: ch, ThreadTS: thread, Status: "is reading", LoadingMessages: []string{"Reading", "Quoting"}})
		}, ""},
		{"the status cleared", func() error {
			return api.SetAssistantThreadsStatusContext(ctx, slackapi.AssistantThreadsSetStatusParameters{ChannelID: ch, ThreadTS: thread})
		}, ""},
		{"a status without a thread", func() error {
			return api.SetAssistantThreadsStatusContext(ctx, slackapi.AssistantThreadsSetStatusParameters{ChannelID: ch, Status: "x"})
		}, "invalid_arguments"},
		{"a title", func() error {
			return api.SetAssistantThreadsTitleContext(ctx, slackapi.AssistantThreadsSetTitleParameters{ChannelID: ch, ThreadTS: thread, Title: "Congress"})
		}, ""},
		{"an empty title", func() error {
			return api.SetAssistantThreadsTitleContext(ctx, slackapi.AssistantThreadsSetTitleParameters{ChannelID: ch, ThreadTS: thread})
		}, "invalid_arguments"},
	}
	for _, tt := range tests {
		if got := slackError(t, tt.call()); got != tt.want {
			t.Errorf("%s: got error code %q, want %q", tt.name, got, tt.want)
		}
	}
	th, ok := fake.Thread(ch, thread)
	if !ok {
		t.Fatal("got no assistant thread recorded")
	}
	if len(th.Prompts) != 4 || th.PromptsTitle != "Try" || th.Prompts[3] != (slacktest.Prompt{Title: "P3", Message: "M3"}) {
		t.Errorf("got prompts %q %+v, want the four set", th.PromptsTitle, th.Prompts)
	}
	wantStatuses := []slacktest.Status{{Text: "is reading", LoadingMessages: []string{"Reading", "Quoting"}}, {}}
	if fmt.Sprint(th.Statuses) != fmt.Sprint(wantStatuses) {
		t.Errorf("got statuses %+v, want %+v", th.Statuses, wantStatuses)
	}
	if th.Title != "Congress" {
		t.Errorf("got title %q, want Congress", th.Title)
	}
}

func TestFakeHomeViews(t *testing.T) {
	fake := slacktest.New(t, botToken, appToken)
	api := slackapi.New(botToken, slackapi.OptionAPIURL(fake.APIURL()))
	ctx := context.Background()
	blocks := func(n int) []slackapi.Block {
		bs := make([]slackapi.Block, n)
		for i := range bs {
			bs[i] = slackapi.NewSectionBlock(slackapi.NewTextBlockObject(slackapi.MarkdownType, fmt.Sprint("theme ", i), false, false), nil,
				slackapi.NewAccessory(slackapi.NewButtonBlockElement(fmt.Sprint("summary:", i), fmt.Sprint(i),
					slackapi.NewTextBlockObject(slackapi.PlainTextType, "Summary", false, false))))
		}
		return bs
	}
	publish := func(user string, view slackapi.HomeTabViewRequest) error {
		_, err := api.PublishViewContext(ctx, slackapi.PublishViewContextRequest{UserID: user, View: view})
		return err
	}
	home := func(n int) slackapi.HomeTabViewRequest {
		return slackapi.HomeTabViewRequest{Type: slackapi.VTHomeTab, Blocks: slackapi.Blocks{BlockSet: blocks(n)}}
	}
	header := slackapi.HomeTabViewRequest{Type: slackapi.VTHomeTab, Blocks: slackapi.Blocks{BlockSet: []slackapi.Block{
		slackapi.NewHeaderBlock(slackapi.NewTextBlockObject(slackapi.PlainTextType, strings.Repeat("h", slacktest.MaxHeaderText+1), false, false))}}}
	tests := []struct {
		name string
		user string
		view slackapi.HomeTabViewRequest
		want string
	}{
		{"at the limit", "U0ALICE01", home(slacktest.MaxViewBlocks), ""},
		{"over the limit", "U0ALICE01", home(slacktest.MaxViewBlocks + 1), "invalid_arguments"},
		{"a modal", "U0ALICE01", slackapi.HomeTabViewRequest{Type: slackapi.VTModal, Blocks: slackapi.Blocks{BlockSet: blocks(1)}}, "invalid_arguments"},
		{"a header too long", "U0ALICE01", header, "invalid_arguments"},
	}
	for _, tt := range tests {
		if got := slackError(t, publish(tt.user, tt.view)); got != tt.want {
			t.Errorf("%s: got error code %q, want %q", tt.name, got, tt.want)
		}
	}
	views := fake.HomeViews("U0ALICE01")
	if len(views) != 1 {
		t.Fatalf("got %d views, want the one within limits", len(views))
	}
	if b := views[0].Buttons(); len(b) != slacktest.MaxViewBlocks || b[2] != (slacktest.Button{ActionID: "summary:2", Value: "2", Label: "Summary"}) {
		t.Errorf("got buttons %+v, want every accessory", b)
	}
}
