package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/talksbot/talksbot/adapters/postgres/pgtest"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
)

// TestSocketModeReplicasAnswerEachEventOnce runs three replicas in Slack's
// Socket Mode on one database, each holding one of the app's three
// connections to the fake Slack, each with a state folder of its own.
// Events spread among the connections are each answered once; an event
// and a slash command each delivered to two connections at once (the
// second a retry, as Slack sends one to any connection) are answered once.
func TestSocketModeReplicasAnswerEachEventOnce(t *testing.T) {
	fake := slacktest.New(t, slackBotToken, slackAppToken)
	url := pgtest.NewSchema(t)
	var replicas []*served
	for i := range 3 {
		replicas = append(replicas, slackServe(t, fake, map[string]string{"TALKSBOT_DATABASE_URL": url}))
		fake.WaitOpenConnections(t, i+1)
	}
	conns := fake.OpenConnections()

	const spread = 6
	var envs []slacktest.Envelope
	for i := range spread {
		ts := fmt.Sprintf("1700006000.%06d", i+1)
		envs = append(envs, slacktest.EventEnvelope(fmt.Sprintf("Ev0SPREAD%d", i), 0, appMention(fake, "C0SPREAD", ts, congress)))
	}
	on := make(map[int]int) // spread envelopes by connection
	for _, id := range fake.Spread(t, envs...) {
		fake.WaitAck(t, id)
		on[fake.ConnectionOf(id)]++
	}
	for _, c := range conns {
		if on[c] != spread/len(conns) {
			t.Fatalf("got %v envelopes by connection, want %d on each of %v", on, spread/len(conns), conns)
		}
	}

	// Both deliveries are sent before either is acknowledged: two
	// replicas take the same event at once.
	const twice = "1700006100.000100"
	first := fake.SendTo(t, conns[0], slacktest.EventEnvelope("Ev0TWICE", 0, appMention(fake, "C0TWICE", twice, congress)))
	retry := fake.RedeliverElsewhere(t, first)
	if fake.ConnectionOf(retry) == fake.ConnectionOf(first) {
		t.Fatalf("got the retry on connection %d, the first delivery's", fake.ConnectionOf(retry))
	}

	command := slacktest.SlashCommandEnvelope(map[string]string{"command": "/talks", "text": "ask " + congress,
		"user_id": "U0ALICE", "channel_id": "C0COMMAND", "team_id": slacktest.TeamID, "trigger_id": "6200.1.ask",
		"response_url": fake.ResponseURL("twice")})
	firstCommand := fake.SendTo(t, conns[2], command)
	retryCommand := fake.RedeliverElsewhere(t, firstCommand)

	for _, id := range []string{first, retry, firstCommand, retryCommand} {
		fake.WaitAck(t, id)
	}
	fake.WaitMessages(t, "C0SPREAD", spread)
	fake.WaitMessages(t, "C0TWICE", 1)
	fake.WaitResponses(t, "twice", 1)
	// Stopped, the replicas have finished every delivery they
	// acknowledged: what is counted now is all there will be.
	for i, s := range replicas {
		if code := s.stop(t); code != 0 {
			t.Fatalf("replica %d: exit %d, want 0", i, code)
		}
	}

	answered := make(map[string]int) // by the mention's ts
	for _, m := range fake.Messages("C0SPREAD") {
		if !strings.Contains(strings.Join(m.Texts(), "\n"), sanctions) {
			t.Errorf("got %q, want an answer quoting %q", m.Texts(), sanctions)
		}
		answered[m.Thread]++
	}
	for i := range spread {
		if ts := fmt.Sprintf("1700006000.%06d", i+1); answered[ts] != 1 {
			t.Errorf("spread mention %d: answered %d times, want once", i, answered[ts])
		}
	}
	if n := len(fake.Messages("C0TWICE")); n != 1 {
		t.Errorf("the event delivered to two connections: answered %d times, want once", n)
	}
	var answers int
	for _, c := range fake.Calls("response_url") {
		if c.Name == "twice" && strings.Contains(slackTexts(c), sanctions) {
			answers++
		}
	}
	if answers != 1 {
		t.Errorf("the slash command delivered to two connections: answered %d times, want once", answers)
	}
	var events, requests int
	for _, s := range replicas {
		events += strings.Count(s.logs.String(), "slack duplicate event ignored")
		requests += strings.Count(s.logs.String(), "slack duplicate request ignored")
	}
	if events != 1 || requests != 1 {
		t.Errorf("got %d duplicate events and %d duplicate requests ignored, want one of each", events, requests)
	}
}
