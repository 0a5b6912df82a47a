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
	defer a.socketUp.Store(false)
	smc := socketmode.New(a.api, socketmode.OptionLog(debugWriter{a.log}))
	errc := make(chan error, 1)
	go func() { errc <- smc.RunContext(ctx) }()
	for {
		select {
		case <-ctx.Done():
			// What is still unread is never acknowledged, so Slack
			// delivers it again.
			<-errc
			return nil
		case err := <-errc:
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("slack: socket mode: %w", err)
		case evt := <-smc.Events:
			if ctx.Err() != nil {
				<-errc
				return nil
			}
			a.onSocketEvent(ctx, smc, evt)
		}
	}
}

// onSocketEvent hands an envelope's work to the workers and acknowledges it
// once they took it. It never waits for a worker: what they cannot take now
// is left unacknowledged, for Slack to deliver again. Commands and clicks
// are claimed and their feedback recorded as over HTTP (see Handler)
// before they are acknowledged: a redelivered one is acknowledged again and
// not handled again.
func (a *Adapter) onSocketEvent(ctx context.Context, smc *socketmode.Client, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		a.log.Debug("slack socket connecting")
	case socketmode.EventTypeConnected:
		a.socketUp.Store(true)
		// socketmode counts the connections of one Run from zero: any
		// later one replaces a connection that was lost.
		count := 0
		if c, ok := evt.Data.(*socketmode.ConnectedEvent); ok {
			count = c.ConnectionCount
		}
		a.log.Info("slack socket connected", "connection", count+1)
		if count > 0 && a.onReconnect != nil {
			a.onReconnect()
		}
	case socketmode.EventTypeHello:
		a.log.Debug("slack socket hello")
	case socketmode.EventTypeDisconnect:
		a.socketUp.Store(false)
		a.log.Info("slack socket disconnect requested")
	case socketmode.EventTypeConnectionError:
		a.socketUp.Store(false)
		if e, ok := evt.Data.(*slackapi.ConnectionErrorEvent); ok {
			a.log.Warn("slack socket connection failed", "attempt", e.Attempt, "backoff", e.Backoff, "err", safeError(e.ErrorObj))
		}
	case socketmode.EventTypeInvalidAuth:
		a.socketUp.Store(false)
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
				a.ack(ctx, smc, env.EnvelopeID, nil)
			}
			a.log.Warn("slack socket message unreadable", "err", bad.Cause)
		}
	case socketmode.EventTypeEventsAPI:
		ev, ok := evt.Data.(slackevents.EventsAPIEvent)
		if !ok {
			a.ackRequest(ctx, smc, evt, nil)
			return
		}
		retry := ""
		if evt.Request != nil {
			retry = strconv.Itoa(evt.Request.RetryAttempt)
		}
		j, id, ok := a.eventJob(ev, retry)
		if !ok {
			a.ackRequest(ctx, smc, evt, nil)
			return
		}
		if got := a.offer(j); got != accepted {
			a.log.Warn("slack event left for redelivery", "event_id", id, "reason", got.String())
			return
		}
		a.ackRequest(ctx, smc, evt, nil)
	case socketmode.EventTypeSlashCommand:
		cmd, ok := evt.Data.(slackapi.SlashCommand)
		if !ok {
			a.ackRequest(ctx, smc, evt, nil)
			return
		}
		key := deliveryKey(cmd.TriggerID, keyEnvelope, envelopeID(evt))
		if a.acceptCommand(ctx, key, fromSlack(cmd)) {
			// Slack does not deliver a command again: tell the user, in
			// the acknowledgement, which needs no worker.
			a.ackRequest(ctx, smc, evt, busyResponse())
			return
		}
		a.ackRequest(ctx, smc, evt, nil)
	case socketmode.EventTypeInteractive:
		cb, ok := evt.Data.(slackapi.InteractionCallback)
		if !ok {
			a.ackRequest(ctx, smc, evt, nil)
			return
		}
		key := deliveryKey(cb.TriggerID, keyEnvelope, envelopeID(evt))
		// Unacknowledged, the click shows the user an error and can be
		// tried again.
		if a.acceptInteraction(ctx, key, cb) == ackDone {
			a.ackRequest(ctx, smc, evt, nil)
		}
	}
}

// envelopeID returns the id of the envelope evt arrived in, "" if none.
func envelopeID(evt socketmode.Event) string {
	if evt.Request == nil {
		return ""
	}
	return evt.Request.EnvelopeID
}

func (o offered) String() string {
	switch o {
	case accepted:
		return "accepted"
	case busy:
		return "busy"
	default:
		return "stopped"
	}
}

// busyResponse is the ephemeral reply to a command no worker can take.
func busyResponse() map[string]string {
	return map[string]string{"response_type": slackapi.ResponseTypeEphemeral, "text": msgBusy}
}

func (a *Adapter) ackRequest(ctx context.Context, smc *socketmode.Client, evt socketmode.Event, payload any) {
	if id := envelopeID(evt); id != "" {
		a.ack(ctx, smc, id, payload)
	}
}

func (a *Adapter) ack(ctx context.Context, smc *socketmode.Client, envelopeID string, payload any) {
	if err := smc.AckCtx(ctx, envelopeID, payload); err != nil && !errors.Is(err, context.Canceled) {
		a.log.Warn("slack socket ack failed", "envelope_id", envelopeID, "err", err)
	}
}
