package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/discord/discordtest"
	"github.com/talksbot/talksbot/adapters/postgres/pgtest"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/bot"
)

// The end-to-end tests of several replicas on one PostgreSQL: each runs
// `talksbot serve` replicas (in the test's process, or in a child process
// when one must be killed) against the fake Slack or Discord, sharing one
// fresh schema.

// hardliners is the article's sentence that answers "and the Iranian
// side?" read in the context of a question on Congress; read alone, the
// question gets other sentences.
const hardliners = "Iranian hardliners are seeking ways to narrow the window of opportunity"

// appMention is the app_mention event of U0ALICE asking text in channel,
// in a new thread at ts.
func appMention(fake *slacktest.Server, channel, ts, text string) map[string]any {
	return map[string]any{"type": "app_mention", "user": "U0ALICE", "text": "<@" + fake.BotUserID + "> " + text,
		"ts": ts, "channel": channel, "event_ts": ts}
}

// threadReply is the message event of U0ALICE replying text, without a
// mention, at ts in the thread of channel at thread.
func threadReply(channel, thread, ts, text string) map[string]any {
	return map[string]any{"type": "message", "channel_type": "channel", "user": "U0ALICE", "text": text,
		"ts": ts, "thread_ts": thread, "channel": channel, "event_ts": ts}
}

// slackReplicas starts n replicas in Slack's HTTP mode against fake on the
// database at url, without a rate limit.
func slackReplicas(t *testing.T, fake *slacktest.Server, url string, n int) []*slackHTTP {
	t.Helper()
	var replicas []*slackHTTP
	for range n {
		replicas = append(replicas, startSlackReplica(t, fake, map[string]string{
			"TALKSBOT_DATABASE_URL": url, "TALKSBOT_RATE_LIMIT": "0",
		}, serveHooks{}))
	}
	return replicas
}

// TestReplicasFollowThreadsAndShareAcrossRestarts runs three replicas in
// Slack's HTTP mode on one database: a mention answered by the first, a
// reply without a mention in its thread delivered to the second, a Share
// click on the third. The second answers the reply as a follow-up read in
// the thread's context, and the third shares the first one's answer. Then
// all three stop and three new ones start on the same database, each with
// a state folder of its own: the thread is still followed in context, and
// Share still works.
func TestReplicasFollowThreadsAndShareAcrossRestarts(t *testing.T) {
	fake := slacktest.New(t, slackBotToken, slackAppToken)
	url := pgtest.NewSchema(t)
	const channel, thread = "C0FOLLOW", "1700005000.000100"
	// posted waits for the n-th message in the channel and checks that it
	// answers in the thread and quotes want.
	posted := func(t *testing.T, n int, want, what string) {
		t.Helper()
		m := fake.WaitMessages(t, channel, n)[n-1]
		if texts := strings.Join(m.Texts(), "\n"); m.Thread != thread || !strings.Contains(texts, want) {
			t.Errorf("%s: got %q in thread %q, want %q quoted in thread %s", what, texts, m.Thread, want, thread)
		}
	}
	// shared clicks Share on replica h and checks that the answer is
	// posted in the channel.
	shared := func(t *testing.T, h *slackHTTP, b slacktest.Button, trigger string) {
		t.Helper()
		click := h.click(t, b, trigger, "share-"+trigger)
		if status, reply := h.post(t, "/slack/interactions", click, signSlack(time.Now(), click)); status != http.StatusOK {
			t.Fatalf("Share: got %d %q, want 200", status, reply)
		}
		r := h.fake.WaitResponses(t, "share-"+trigger, 1)[0]
		if r.Get("response_type") != "in_channel" || !strings.Contains(slackTexts(r), sanctions) {
			t.Errorf("Share: got %s %q, want the answer posted in the channel", r.Get("response_type"), slackTexts(r))
		}
	}

	r := slackReplicas(t, fake, url, 3)
	if code := r[0].event(t, "Ev0FOLLOW1", 0, appMention(fake, channel, thread, congress)); code != http.StatusOK {
		t.Fatalf("mention: got %d, want 200", code)
	}
	posted(t, 1, sanctions, "the mention, on the first replica")
	if code := r[1].event(t, "Ev0FOLLOW2", 0, threadReply(channel, thread, "1700005000.000200", "and the Iranian side?")); code != http.StatusOK {
		t.Fatalf("reply: got %d, want 200", code)
	}
	posted(t, 2, hardliners, "the reply without a mention, on the second replica")
	// Two private answers of the first replica: one shared now, one after
	// the restart.
	before := r[0].button(t, r[0].askPrivately(t, "9301.1.ask"), "talks_share:")
	after := r[0].button(t, r[0].askPrivately(t, "9302.1.ask"), "talks_share:")
	shared(t, r[2], before, "9303.1.share")
	for i, h := range r {
		if code := h.stop(t); code != 0 {
			t.Fatalf("replica %d: exit %d, want 0", i, code)
		}
	}

	r = slackReplicas(t, fake, url, 3)
	if code := r[2].event(t, "Ev0FOLLOW3", 0, threadReply(channel, thread, "1700005000.000300", "and the Iranian side?")); code != http.StatusOK {
		t.Fatalf("reply after the restart: got %d, want 200", code)
	}
	posted(t, 3, hardliners, "the reply without a mention, after every replica restarted")
	shared(t, r[1], after, "9304.1.share")
	if n := len(fake.Messages(channel)); n != 3 {
		t.Errorf("got %d messages in the channel, want the three answers", n)
	}
}

// testClock is a clock a test sets: a replica's bot reads it instead of
// time.Now (serveHooks.now).
type testClock struct {
	mu sync.Mutex
	at time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.at
}

func (c *testClock) Set(at time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at = at
}

// TestReplicaKilledMidAnswer has replica A claim a Slack event and start
// answering it, its LLM draft never finishing, and kills A with SIGKILL:
// its claim stays in the database with its lease, unreleased. Slack's
// retries go to replica B: one while A's claim holds is not answered; once
// the lease has lapsed, by B's clock, the next is answered, once; one more
// after that is not.
func TestReplicaKilledMidAnswer(t *testing.T) {
	fake := slacktest.New(t, slackBotToken, slackAppToken)
	url := pgtest.NewSchema(t)
	llm := newFakeLLM(t, "Congress has pushed for more hard-hitting sanctions [1].")
	llm.got, llm.release = make(chan struct{}, 1), make(chan struct{})
	t.Cleanup(func() { close(llm.release) }) // before the server closes

	// A's clock stands at claimed; B's is the test's to move.
	claimed := time.Now().UTC().Truncate(time.Millisecond)
	clock := &testClock{at: claimed}
	b := startSlackReplica(t, fake, map[string]string{"TALKSBOT_DATABASE_URL": url, "TALKSBOT_RATE_LIMIT": "0"},
		serveHooks{now: clock.Now})
	a := startChild(t, map[string]string{
		"SLACK_BOT_TOKEN":       slackBotToken,
		"SLACK_SIGNING_SECRET":  slackSecret,
		"SLACK_API_URL":         fake.APIURL(),
		"TALKSBOT_DATABASE_URL": url,
		"TALKSBOT_RATE_LIMIT":   "0",
		"OPENAI_BASE_URL":       llm.URL(),
		"TALKSBOT_LLM_MODEL":    "fake-model",
		"TALKSBOT_LLM_TIMEOUT":  "1h", // the draft is cut short by the kill alone
		childNow:                claimed.Format(time.RFC3339Nano),
	})
	a.waitLogged(t, "slack connected")
	onA := &slackHTTP{served: a.served, fake: fake}

	const channel, id = "C0KILLED", "Ev0KILLED"
	event := appMention(fake, channel, "1700005100.000100", congress)
	if code := onA.event(t, id, 0, event); code != http.StatusOK {
		t.Fatalf("A: got %d, want 200", code)
	}
	// A asks for a draft only once it holds the claim.
	waitFor(t, "A's draft request", llm.got, func(struct{}) bool { return true })

	// A's lease covers its longest answer: the wait for a worker, its
	// LLM timeout and the margin for posting.
	lease := deliveryLease(bot.DefaultQueueTimeout, true, time.Hour)
	clock.Set(claimed.Add(lease - time.Millisecond))
	if code := b.event(t, id, 1, event); code != http.StatusOK {
		t.Fatalf("B, while A's claim holds: got %d, want 200", code)
	}
	b.waitLogged(t, "slack duplicate event ignored")
	a.kill(t)
	if n := len(fake.Messages(channel)); n != 0 {
		t.Fatalf("got %d answers before the lease lapsed, want none: A was killed mid-answer and B found the event claimed", n)
	}

	clock.Set(claimed.Add(lease))
	if code := b.event(t, id, 2, event); code != http.StatusOK {
		t.Fatalf("B, once the lease lapsed: got %d, want 200", code)
	}
	m := fake.WaitMessages(t, channel, 1)[0]
	if texts := strings.Join(m.Texts(), "\n"); !strings.Contains(texts, sanctions) {
		t.Errorf("got %q, want B's answer quoting %q", texts, sanctions)
	}
	if code := b.event(t, id, 3, event); code != http.StatusOK {
		t.Fatalf("B, once answered: got %d, want 200", code)
	}
	logged := func(struct{}) bool { return strings.Count(b.logs.String(), "slack duplicate event ignored") == 2 }
	if !logged(struct{}{}) {
		waitFor(t, "B to ignore the delivery after its answer", b.logs.written, logged)
	}
	if n := len(fake.Messages(channel)); n != 1 {
		t.Errorf("got %d answers, want 1", n)
	}
}

// TestDiscordInteractionsAcrossReplicas runs two replicas with Discord's
// interactions over HTTP on one database. Each interaction is delivered to
// both at once, as a balancer spreading Discord's deliveries might: a
// signed one is answered once, by the replica that claimed it, while the
// other answers 409; an unsigned or forged one gets 401 from both, and
// nothing answers it. A private answer of one replica is shared by a click
// the other gets.
func TestDiscordInteractionsAcrossReplicas(t *testing.T) {
	fake := discordtest.Start(t, discordtest.Options{Token: discordBotToken})
	url := pgtest.NewSchema(t)
	var replicas []*served
	for i := range 2 {
		s := startServe(t, map[string]string{
			"DISCORD_BOT_TOKEN":     discordBotToken,
			"DISCORD_API_URL":       fake.URL(),
			"DISCORD_PUBLIC_KEY":    fake.PublicKey(),
			"DISCORD_SHARD_ID":      fmt.Sprint(i),
			"DISCORD_SHARD_COUNT":   "2",
			"TALKSBOT_DATABASE_URL": url,
			"TALKSBOT_RATE_LIMIT":   "0",
		})
		s.waitReady(t, "discord", "state")
		replicas = append(replicas, s)
	}
	// deliverToAll delivers payload to each of to (every replica when
	// none) at once.
	deliverToAll := func(t *testing.T, payload any, sign discordtest.Signing, to ...*served) []discordtest.Delivery {
		t.Helper()
		if len(to) == 0 {
			to = replicas
		}
		ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
		defer cancel()
		out := make([]discordtest.Delivery, len(to))
		var wg sync.WaitGroup
		for i, s := range to {
			wg.Go(func() {
				var err error
				if out[i], err = fake.Deliver(ctx, s.url+"/discord/interactions", payload, sign); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		return out
	}

	ds := deliverToAll(t, discordInteraction(fake, "i-replicas", 2, "c-replicas", talksAsk(congress), "guild"), discordtest.Signed)
	var deferred, refused int
	for i, d := range ds {
		var a interactionAnswer
		switch {
		case d.Accepted && json.Unmarshal(d.Body, &a) == nil && a.Type == 5:
			deferred++
		case d.Status == http.StatusConflict && !d.Accepted:
			refused++
		default:
			t.Errorf("replica %d: got %d %s (refusal %s), want a deferral or 409", i, d.Status, d.Body, d.Refusal)
		}
	}
	if deferred != 1 || refused != 1 {
		t.Errorf("got %d deferrals and %d refusals with 409, want one of each", deferred, refused)
	}
	if m := answered(t, fake, "i-replicas"); !strings.Contains(string(m.Embeds), sanctions) {
		t.Errorf("got %+v, want the quoted sentence %q", m, sanctions)
	}

	for i, sign := range []discordtest.Signing{discordtest.Unsigned, discordtest.ForeignKey, discordtest.Tampered} {
		id := fmt.Sprintf("i-forged-%d", i)
		for j, d := range deliverToAll(t, discordInteraction(fake, id, 2, "c-forged", talksAsk(congress), "guild"), sign) {
			if d.Status != http.StatusUnauthorized || d.Accepted {
				t.Errorf("signing %d, replica %d: got %d %s, want 401", sign, j, d.Status, d.Body)
			}
		}
	}

	if d := deliverToAll(t, discordInteraction(fake, "i-own", 2, "c-own", talksAsk(congress), "user"), discordtest.Signed, replicas[0])[0]; !d.Accepted {
		t.Fatalf("a member's own install: got %d %s, want a deferral taken", d.Status, d.Body)
	}
	own := answered(t, fake, "i-own")
	share := shareButton(t, own.Components)
	if !own.Ephemeral || share == "" {
		t.Fatalf("got %+v, want a private answer with Share", own)
	}
	click := discordInteraction(fake, "i-click", 3, "c-own", map[string]any{"custom_id": share, "component_type": 2}, "user")
	if d := deliverToAll(t, click, discordtest.Signed, replicas[1])[0]; !d.Accepted {
		t.Fatalf("Share on the other replica: got %d %s, want the click's deferral taken", d.Status, d.Body)
	}
	if shared := answered(t, fake, "i-click"); shared.Ephemeral || !strings.Contains(string(shared.Embeds), sanctions) {
		t.Errorf("got %+v, want the answer shared publicly by the other replica", shared)
	}

	// Stopped, the replicas have finished every answer they took.
	for i, s := range replicas {
		if code := s.stop(t); code != 0 {
			t.Errorf("replica %d: exit %d, want 0", i, code)
		}
	}
	var edits int
	for _, c := range fake.Calls() {
		if strings.Contains(c.Path, "/tok-i-forged-") || strings.Contains(c.Path, "/i-forged-") {
			t.Errorf("got %s %s answering a forged interaction", c.Method, c.Path)
		}
		if discordCall(http.MethodPatch, "webhooks/"+fake.AppID()+"/tok-i-replicas/messages/@original")(c) {
			edits++
		}
	}
	if edits != 1 {
		t.Errorf("got the interaction's response edited %d times, want once", edits)
	}
}
