package discord_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/discord"
	"github.com/talksbot/talksbot/adapters/discord/discordtest"
)

// countCalls returns how many of calls match match.
func countCalls(calls []discordtest.Call, match func(discordtest.Call) bool) int {
	n := 0
	for _, c := range calls {
		if match(c) {
			n++
		}
	}
	return n
}

func TestInteractionDeliveredAgainIsAnsweredOnce(t *testing.T) {
	core := newFakeCore()
	fx := start(t, discordtest.Options{}, discord.Options{NoTyping: true}, core)
	// An interaction is marked done only once its answer is posted.
	core.onDone = func(key string) {
		posted := map[string]func(discordtest.Call) bool{
			"discord:interaction:i-rep":    call("PATCH", "webhooks/"+appID+"/tok-rep/messages/@original"),
			"discord:interaction:i-rep-fb": call("POST", "interactions/i-rep-fb/tok-rep-fb/callback"),
		}[key]
		if posted == nil || indexOf(fx.fake.Calls(), posted) < 0 {
			t.Errorf("got %s marked done before its answer was posted", key)
		}
	}
	command := interactionEvent("i-rep", "tok-rep", 2, "c-rep", commandData("ask", stringOption("question", "Congress?")))
	click := interactionEvent("i-rep-fb", "tok-rep-fb", 3, "c-rep-fb", map[string]any{"custom_id": "fb:down:r-rep", "component_type": 2})
	for _, ev := range []map[string]any{command, command, click, click} {
		fx.dispatch(t, "INTERACTION_CREATE", ev)
	}
	// The gateway's events are taken in order: once the sentinel is
	// answered, every delivery before it was taken, and stopping waits for
	// the work of every event taken.
	fx.dispatch(t, "MESSAGE_CREATE", messageEvent("m-rep", "c-rep-sentinel", guildID, userID, "<@"+botID+"> sentinel", botID))
	fx.waitCalls(t, 1, call("POST", "channels/c-rep-sentinel/messages"))
	fx.stop()

	calls := fx.fake.Calls()
	for _, path := range []string{"interactions/i-rep/tok-rep/callback", "interactions/i-rep-fb/tok-rep-fb/callback"} {
		if got := countCalls(calls, call("POST", path)); got != 1 {
			t.Errorf("got %d responses on %s, want 1", got, path)
		}
	}
	if got := len(core.requestsIn("c-rep")); got != 1 {
		t.Errorf("got %d requests for the command, want 1", got)
	}
	if fb := core.feedbackFor("r-rep"); len(fb) != 1 || fb[0].Helpful {
		t.Errorf("got feedback %+v, want the one vote on r-rep", fb)
	}
	for _, key := range []string{"discord:interaction:i-rep", "discord:interaction:i-rep-fb"} {
		if got := core.deliveries(key); got != 2 {
			t.Errorf("got %d claims of %s, want both deliveries claimed under it", got, key)
		}
	}
	if got, want := slices.Sorted(slices.Values(core.done())), []string{"discord:interaction:i-rep", "discord:interaction:i-rep-fb"}; !slices.Equal(got, want) {
		t.Errorf("got %v marked done, want each interaction once", got)
	}
	// A second response would have been refused with 40060.
	fx.acceptedAll(t)
}

func TestInteractionNotAcknowledgedIsAnsweredWhenDeliveredAgain(t *testing.T) {
	core := newFakeCore()
	core.forgot = make(chan string, 1)
	fx := start(t, discordtest.Options{}, discord.Options{NoTyping: true}, core)
	const path = "interactions/i-lost/tok-lost/callback"
	fx.fake.Respond("POST", path, http.StatusInternalServerError, `{"code":0,"message":"500: Internal Server Error"}`)
	ev := interactionEvent("i-lost", "tok-lost", 2, "c-lost", commandData("themes"))
	fx.dispatch(t, "INTERACTION_CREATE", ev)
	select {
	case key := <-core.forgot:
		if key != "discord:interaction:i-lost" {
			t.Fatalf("got %q released, want the interaction Discord never heard back on", key)
		}
	case <-time.After(guard):
		t.Fatal("got the claim kept, want it released once Discord refused the response")
	}

	fx.dispatch(t, "INTERACTION_CREATE", ev)
	edit := fx.waitCalls(t, 1, call("PATCH", "webhooks/"+appID+"/tok-lost/messages/@original"))[0]
	if m := decodeSent(t, edit); !strings.Contains(m.Content+string(edit.Body), "Echo") {
		t.Errorf("got edit %s, want the answer", edit.Body)
	}
	if got := countCalls(fx.fake.Calls(), call("POST", path)); got != 2 {
		t.Errorf("got %d responses, want the refused one and the one answering the delivery again", got)
	}
	fx.stop() // every answer has ended
	if got := core.done(); !slices.Equal(got, []string{"discord:interaction:i-lost"}) {
		t.Errorf("got %v marked done, want the interaction once, when it was answered", got)
	}
}
