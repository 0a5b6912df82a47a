package slack

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	slackapi "github.com/slack-go/slack"
)

// Web API retry bounds: a 429 is retried after its Retry-After, at most
// maxAttempts times in all, and never when Slack asks to wait longer than
// maxRetryAfter.
const (
	maxAttempts   = 4
	maxRetryAfter = time.Minute
)

// retryConfig has slack-go retry Web API and response_url calls that Slack
// answers with 429. Its handler waits as Retry-After says (at least a
// second) and gives up when the request's context is done; cappedRetry
// adds the ceiling.
func retryConfig(log *slog.Logger) slackapi.RetryConfig {
	cfg := slackapi.DefaultRetryConfig()
	cfg.MaxRetries = maxAttempts - 1
	cfg.RetryAfterDuration = 5 * time.Second // Slack sends Retry-After; this is for when it does not
	cfg.RetryAfterJitter = 250 * time.Millisecond
	cfg.Handlers = []slackapi.RetryHandler{cappedRetry{next: slackapi.NewRateLimitErrorRetryHandler(cfg), log: log}}
	return cfg
}

// cappedRetry refuses the retries next would wait longer than maxRetryAfter
// for, so that a worker is not held for long.
type cappedRetry struct {
	next slackapi.RetryHandler
	log  *slog.Logger
}

var _ slackapi.RetryHandler = cappedRetry{}

// ShouldRetry asks next and applies the ceiling.
func (h cappedRetry) ShouldRetry(state *slackapi.RetryState, req *http.Request, resp *http.Response, err error) (bool, time.Duration) {
	retry, wait := h.next.ShouldRetry(state, req, resp, err)
	if !retry {
		return false, 0
	}
	if wait > maxRetryAfter {
		h.log.Warn("slack rate limit too long to wait out", "retry_after", wait)
		return false, 0
	}
	// The path of a response_url is a credential: log no URL.
	h.log.Debug("slack rate limited", "retry_after", wait, "attempt", state.Attempt+1)
	return true, wait
}

// apiError is a failed Web API (or response_url) call.
type apiError struct {
	Method string
	Err    error
}

func (e *apiError) Error() string { return e.Method + ": " + e.Err.Error() }
func (e *apiError) Unwrap() error { return e.Err }

// call runs one Web API call (which slack-go retries on 429) and names the
// method in its failure, an *apiError.
func (a *Adapter) call(ctx context.Context, method string, fn func(context.Context) error) error {
	if err := fn(ctx); err != nil {
		return &apiError{Method: method, Err: err}
	}
	return nil
}

// logAPIError logs a failed call with its method and Slack's error code.
func (a *Adapter) logAPIError(err error) {
	method := "unknown"
	var ae *apiError
	if errors.As(err, &ae) {
		method = ae.Method
	}
	a.log.Warn("slack api call failed", "method", method, "error_code", errorCode(err), "err", safeError(err))
}

// errorCode names why a call failed: Slack's error code when it sent one.
func errorCode(err error) string {
	var se slackapi.SlackErrorResponse
	var rl *slackapi.RateLimitedError
	var sc slackapi.StatusCodeError
	switch {
	case errors.As(err, &se):
		return se.Err
	case errors.As(err, &rl):
		return "ratelimited"
	case errors.As(err, &sc):
		return fmt.Sprintf("http_%d", sc.Code)
	case errors.Is(err, context.Canceled):
		return "canceled"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	default:
		return "transport"
	}
}

// safeError describes err without the request URL: a response_url is a
// credential for as long as it lives.
func safeError(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		var ae *apiError
		if errors.As(err, &ae) {
			return ae.Method + ": " + ue.Err.Error()
		}
		return ue.Err.Error()
	}
	return err.Error()
}

// msgOptions turns a rendered message into slack-go options.
func msgOptions(m message) []slackapi.MsgOption {
	return []slackapi.MsgOption{
		slackapi.MsgOptionText(m.Text, false),
		slackapi.MsgOptionBlocks(m.Blocks...),
		slackapi.MsgOptionDisableLinkUnfurl(),
	}
}

// postMessage posts m in channel, in thread when thread is set, and returns
// the new message's ts.
func (a *Adapter) postMessage(ctx context.Context, channel, thread string, m message) (ts string, err error) {
	opts := msgOptions(m)
	if thread != "" {
		opts = append(opts, slackapi.MsgOptionTS(thread))
	}
	err = a.call(ctx, "chat.postMessage", func(ctx context.Context) (err error) {
		_, ts, err = a.api.PostMessageContext(ctx, channel, opts...)
		return err
	})
	return ts, err
}

// updateMessage replaces the message at ts with m.
func (a *Adapter) updateMessage(ctx context.Context, channel, ts string, m message) error {
	return a.call(ctx, "chat.update", func(ctx context.Context) error {
		_, _, _, err := a.api.UpdateMessageContext(ctx, channel, ts, msgOptions(m)...)
		return err
	})
}

// deleteMessage deletes the bot's message at ts in channel.
func (a *Adapter) deleteMessage(ctx context.Context, channel, ts string) error {
	return a.call(ctx, "chat.delete", func(ctx context.Context) error {
		_, _, err := a.api.DeleteMessageContext(ctx, channel, ts)
		return err
	})
}

// postEphemeral shows m to user alone, in thread when thread is set.
func (a *Adapter) postEphemeral(ctx context.Context, channel, user, thread string, m message) error {
	opts := msgOptions(m)
	if thread != "" {
		opts = append(opts, slackapi.MsgOptionTS(thread))
	}
	return a.call(ctx, "chat.postEphemeral", func(ctx context.Context) error {
		_, err := a.api.PostEphemeralContext(ctx, channel, user, opts...)
		return err
	})
}

// respond posts m to a response_url: responseType is "ephemeral" (only the
// user sees it) or "in_channel".
func (a *Adapter) respond(ctx context.Context, responseURL, responseType string, m message) error {
	opts := append(msgOptions(m), slackapi.MsgOptionResponseURL(responseURL, responseType))
	return a.call(ctx, "response_url", func(ctx context.Context) error {
		_, _, err := a.api.PostMessageContext(ctx, "", opts...)
		return err
	})
}

// deleteOriginal removes the message a response_url belongs to.
func (a *Adapter) deleteOriginal(ctx context.Context, responseURL string) error {
	return a.call(ctx, "response_url", func(ctx context.Context) error {
		_, _, err := a.api.PostMessageContext(ctx, "", slackapi.MsgOptionDeleteOriginal(responseURL))
		return err
	})
}

// react adds (or, when remove is set, removes) an emoji reaction.
func (a *Adapter) react(ctx context.Context, channel, ts, name string, remove bool) error {
	ref := slackapi.NewRefToMessage(channel, ts)
	if remove {
		return a.call(ctx, "reactions.remove", func(ctx context.Context) error {
			return a.api.RemoveReactionContext(ctx, name, ref)
		})
	}
	return a.call(ctx, "reactions.add", func(ctx context.Context) error {
		return a.api.AddReactionContext(ctx, name, ref)
	})
}

// startStream starts a stream of markdown text replying in thread, for
// user of team, and returns its ts. Slack streams replies only, and in a
// channel (not a direct message) only for a named recipient.
func (a *Adapter) startStream(ctx context.Context, channel, thread, user, team, markdown string) (ts string, err error) {
	opts := []slackapi.MsgOption{slackapi.MsgOptionTS(thread), slackapi.MsgOptionMarkdownText(markdown)}
	if user != "" && team != "" {
		opts = append(opts, slackapi.MsgOptionRecipientUserID(user), slackapi.MsgOptionRecipientTeamID(team))
	}
	err = a.call(ctx, "chat.startStream", func(ctx context.Context) (err error) {
		_, ts, err = a.api.StartStreamContext(ctx, channel, opts...)
		return err
	})
	return ts, err
}

// appendStream adds markdown text to the stream at ts.
func (a *Adapter) appendStream(ctx context.Context, channel, ts, markdown string) error {
	return a.call(ctx, "chat.appendStream", func(ctx context.Context) error {
		_, _, err := a.api.AppendStreamContext(ctx, channel, ts, slackapi.MsgOptionMarkdownText(markdown))
		return err
	})
}

// stopStream ends the stream at ts, adding the last markdown text (if any)
// and blocks under it.
func (a *Adapter) stopStream(ctx context.Context, channel, ts, markdown string, blocks []slackapi.Block) error {
	var opts []slackapi.MsgOption
	if markdown != "" {
		opts = append(opts, slackapi.MsgOptionMarkdownText(markdown))
	}
	if len(blocks) > 0 {
		opts = append(opts, slackapi.MsgOptionBlocks(blocks...))
	}
	return a.call(ctx, "chat.stopStream", func(ctx context.Context) error {
		_, _, err := a.api.StopStreamContext(ctx, channel, ts, opts...)
		return err
	})
}

// setStatus shows status (with loading messages rotating under it) in an
// assistant thread; an empty status clears it.
func (a *Adapter) setStatus(ctx context.Context, channel, thread, status string, loading []string) error {
	return a.call(ctx, "assistant.threads.setStatus", func(ctx context.Context) error {
		return a.api.SetAssistantThreadsStatusContext(ctx, slackapi.AssistantThreadsSetStatusParameters{
			ChannelID: channel, ThreadTS: thread, Status: status, LoadingMessages: loading,
		})
	})
}

// setTitle titles an assistant thread.
func (a *Adapter) setTitle(ctx context.Context, channel, thread, title string) error {
	return a.call(ctx, "assistant.threads.setTitle", func(ctx context.Context) error {
		return a.api.SetAssistantThreadsTitleContext(ctx, slackapi.AssistantThreadsSetTitleParameters{
			ChannelID: channel, ThreadTS: thread, Title: title,
		})
	})
}

// setPrompts offers prompts, under title, in an assistant thread.
func (a *Adapter) setPrompts(ctx context.Context, channel, thread, title string, prompts []slackapi.AssistantThreadsPrompt) error {
	return a.call(ctx, "assistant.threads.setSuggestedPrompts", func(ctx context.Context) error {
		return a.api.SetAssistantThreadsSuggestedPromptsContext(ctx, slackapi.AssistantThreadsSetSuggestedPromptsParameters{
			ChannelID: channel, ThreadTS: thread, Title: title, Prompts: prompts,
		})
	})
}

// publishHome publishes blocks as user's Home tab.
func (a *Adapter) publishHome(ctx context.Context, user string, blocks []slackapi.Block) error {
	view := slackapi.HomeTabViewRequest{Type: slackapi.VTHomeTab, Blocks: slackapi.Blocks{BlockSet: blocks}}
	return a.call(ctx, "views.publish", func(ctx context.Context) error {
		_, err := a.api.PublishViewContext(ctx, slackapi.PublishViewContextRequest{UserID: user, View: view})
		return err
	})
}
