package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	slackapi "github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// runSocket connects over Socket Mode and dispatches what arrives until ctx
// is done. socketmode reconnects on its own; it gives up only when Slack
// refuses the app token.
func (a *Adapter) runSocket(ctx context.Context) error {
	smc := socketmode.New(a.api, socketmode.OptionLog(debugWriter{a.log}))
	errc := make(chan error, 1)
	go func() { errc <- smc.RunContext(ctx) }()
	for {
		select {
		case err := <-errc:
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("slack: socket mode: %w", err)
		case evt := <-smc.Events:
			a.onSocketEvent(ctx, smc, evt)
		}
	}
}

// onSocketEvent acknowledges an envelope at once and queues its work.
func (a *Adapter) onSocketEvent(ctx context.Context, smc *socketmode.Client, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		a.log.Debug("slack socket connecting")
	case socketmode.EventTypeConnected:
		a.log.Info("slack socket connected")
	case socketmode.EventTypeHello:
		a.log.Debug("slack socket hello")
	case socketmode.EventTypeDisconnect:
		a.log.Info("slack socket disconnect requested")
	case socketmode.EventTypeConnectionError:
		if e, ok := evt.Data.(*slackapi.ConnectionErrorEvent); ok {
			a.log.Warn("slack socket connection failed", "attempt", e.Attempt, "backoff", e.Backoff, "err", safeError(e.ErrorObj))
		}
	case socketmode.EventTypeInvalidAuth:
		a.log.Error("slack socket refused the app token")
	case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorWriteFailed:
		a.log.Warn("slack socket error", "type", string(evt.Type))
	case socketmode.EventTypeErrorBadMessage:
		// Acknowledge what can be, so Slack does not deliver it again.
		if bad, ok := evt.Data.(*socketmode.ErrorBadMessage); ok {
			var env struct {
				EnvelopeID string `json:"envelope_id"`
			}
			if json.Unmarshal(bad.Message, &env) == nil && env.EnvelopeID != "" {
				a.ack(ctx, smc, env.EnvelopeID)
			}
			a.log.Warn("slack socket message unreadable", "err", bad.Cause)
		}
	case socketmode.EventTypeEventsAPI:
		a.ackRequest(ctx, smc, evt)
		ev, ok := evt.Data.(slackevents.EventsAPIEvent)
		if !ok {
			return
		}
		retry := ""
		if evt.Request != nil {
			retry = strconv.Itoa(evt.Request.RetryAttempt)
		}
		if in, ok := a.onEvent(ev, retry); ok {
			a.enqueue(ctx, func(ctx context.Context) { a.answer(ctx, in) })
		}
	case socketmode.EventTypeSlashCommand:
		a.ackRequest(ctx, smc, evt)
		if cmd, ok := evt.Data.(slackapi.SlashCommand); ok {
			c := fromSlack(cmd)
			a.enqueue(ctx, func(ctx context.Context) { a.command(ctx, c) })
		}
	case socketmode.EventTypeInteractive:
		a.ackRequest(ctx, smc, evt)
		if cb, ok := evt.Data.(slackapi.InteractionCallback); ok {
			a.enqueue(ctx, func(ctx context.Context) { a.interaction(ctx, cb) })
		}
	}
}

func (a *Adapter) ackRequest(ctx context.Context, smc *socketmode.Client, evt socketmode.Event) {
	if evt.Request != nil && evt.Request.EnvelopeID != "" {
		a.ack(ctx, smc, evt.Request.EnvelopeID)
	}
}

func (a *Adapter) ack(ctx context.Context, smc *socketmode.Client, envelopeID string) {
	if err := smc.AckCtx(ctx, envelopeID, nil); err != nil && !errors.Is(err, context.Canceled) {
		a.log.Warn("slack socket ack failed", "envelope_id", envelopeID, "err", err)
	}
}
