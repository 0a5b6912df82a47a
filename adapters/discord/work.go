package discord

import (
	"context"
	"fmt"
	"time"

	"github.com/talksbot/talksbot/bot"
)

// spawn runs fn on a tracked goroutine with a bounded context, unless the
// adapter is shutting down or flooded: it reports whether fn will run.
// Gateway handlers call it so that they return at once.
func (a *Adapter) spawn(work context.Context, what string, fn func(ctx context.Context)) bool {
	a.workMu.Lock()
	if a.closing {
		a.workMu.Unlock()
		return false
	}
	if a.inFlight.Load() >= a.maxFlight {
		a.workMu.Unlock()
		a.log.Warn("dropping an event: too many in flight", "event", what, "in_flight", a.maxFlight)
		return false
	}
	a.inFlight.Add(1)
	a.work.Add(1)
	a.workMu.Unlock()
	go func() {
		defer a.work.Done()
		defer a.inFlight.Add(-1)
		defer func() {
			if p := recover(); p != nil {
				a.log.Error("panic while handling an event", "event", what, "panic", fmt.Sprint(p))
			}
		}()
		ctx, cancel := context.WithTimeout(work, workTimeout)
		defer cancel()
		fn(ctx)
	}()
	return true
}

// acquire takes one of the Workers slots for answering an event, waiting up
// to the queue timeout while every slot is taken. ok is false when no slot
// freed up in time, the queue of waiting events is full or ctx is done: the
// caller then tells the user the bot is busy.
func (a *Adapter) acquire(ctx context.Context) (release func(), ok bool) {
	release = func() { <-a.slots }
	select {
	case a.slots <- struct{}{}:
		return release, true
	default:
	}
	if a.queued.Add(1) > a.maxQueued {
		a.queued.Add(-1)
		a.log.Warn("answer queue full", "queued", a.maxQueued)
		return nil, false
	}
	defer a.queued.Add(-1)
	t := time.NewTimer(a.queueTimeout)
	defer t.Stop()
	select {
	case a.slots <- struct{}{}:
		return release, true
	case <-t.C:
		a.log.Warn("no worker free in time", "queue_timeout", a.queueTimeout)
		return nil, false
	case <-ctx.Done():
		return nil, false
	}
}

// refused reports a question refused with problem to Options.OnRefused.
func (a *Adapter) refused(problem bot.Problem) {
	if a.onRefused != nil {
		a.onRefused(problem)
	}
}

// counted reports reply to Options.OnRefused when it is a refusal, and
// returns it.
func (a *Adapter) counted(reply bot.Reply) bot.Reply {
	if reply.Kind == bot.KindError {
		a.refused(reply.Problem)
	}
	return reply
}
