package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/postgres/pgtest"
	"github.com/talksbot/talksbot/adapters/slack/slacktest"
	"github.com/talksbot/talksbot/bot"
)

// countRows counts the rows of table in the database at url.
func countRows(t *testing.T, url, table string) int {
	t.Helper()
	var n int
	if err := pgtest.Connect(t, url).QueryRow(context.Background(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// TestServeSharesStateInPostgres runs two replicas on one database: both
// answer, both are ready, the reply key is the database's (no reply.key is
// written in either state folder), and the question log and `talksbot
// report` hold both replicas' questions.
func TestServeSharesStateInPostgres(t *testing.T) {
	url := pgtest.NewSchema(t)
	var replicas []*served
	var datas []string
	for range 2 {
		data := t.TempDir()
		datas = append(datas, data)
		replicas = append(replicas, startServe(t, map[string]string{"TALKSBOT_DATABASE_URL": url, "TALKSBOT_DATA": data}))
	}
	for i, s := range replicas {
		if a := s.ask(t, congress); !a.Answered {
			t.Errorf("replica %d: got %+v, want an answer", i, a)
		}
		if ok, reason := s.waitReady(t, "state").check(t, "state"); !ok {
			t.Errorf("replica %d: state check failing: %s", i, reason)
		}
		if !strings.Contains(s.logs.String(), "shared state database open") {
			t.Errorf("replica %d: logs do not say the shared database is open:\n%s", i, s.logs)
		}
		// The size of a SQLite file has no meaning here; losses do.
		if _, metrics := s.get(t, "/metrics"); strings.Contains(metrics, "talksbot_state_database_bytes") ||
			!strings.Contains(metrics, "talksbot_question_log_dropped_total 0\n") {
			t.Errorf("replica %d: /metrics wants talksbot_question_log_dropped_total 0 and no talksbot_state_database_bytes:\n%s", i, metrics)
		}
	}
	for i, s := range replicas {
		if code := s.stop(t); code != 0 {
			t.Errorf("replica %d: exit %d, want 0", i, code)
		}
	}
	for i, data := range datas {
		if _, err := os.Stat(filepath.Join(data, replyKeyFile)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("replica %d wrote %s (err %v): the reply key must come from the database", i, replyKeyFile, err)
		}
		if _, err := os.Stat(filepath.Join(data, "talksbot.db")); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("replica %d created a SQLite database (err %v) beside the shared one", i, err)
		}
	}
	if n := countRows(t, url, "secrets WHERE name = 'reply'"); n != 1 {
		t.Errorf("%d reply keys in the database, want 1", n)
	}
	if n := countRows(t, url, "questions"); n != 2 {
		t.Errorf("%d questions logged, want 2 (one per replica)", n)
	}

	cleanEnv(t)
	t.Setenv("TALKSBOT_DATABASE_URL", url)
	t.Setenv("TALKSBOT_DATA", filepath.Join(t.TempDir(), "absent")) // never read
	r := runCLI(t, "", "report", "--json")
	wantExit(t, r, 0)
	var rep struct {
		Questions int `json:"questions"`
		Answered  int `json:"answered"`
		Top       []struct {
			Question string `json:"question"`
			Count    int    `json:"count"`
		} `json:"top"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("report --json: %v\n%s", err, r.stdout)
	}
	if rep.Questions != 2 || rep.Answered != 2 || len(rep.Top) != 1 || rep.Top[0].Count != 2 {
		t.Errorf("report = %+v, want the question twice, from both replicas", rep)
	}
}

// TestServeThroughAPostgresOutage cuts serve's connections to PostgreSQL
// and restores them: questions are answered throughout, /readyz fails its
// state check with the reason while the database is unreachable (and the
// question log counts what it lost) and passes again, without a restart,
// once it is back.
func TestServeThroughAPostgresOutage(t *testing.T) {
	proxy, url := pgtest.Through(t, pgtest.NewSchema(t))
	s := startServe(t, map[string]string{"TALKSBOT_DATABASE_URL": url})
	s.waitReady(t, "state")
	if a := s.ask(t, congress); !a.Answered {
		t.Fatalf("before the outage: got %+v, want an answer", a)
	}

	proxy.Cut()
	if a := s.ask(t, congress); !a.Answered {
		t.Errorf("during the outage: got %+v, want an answer", a)
	}
	code, r := s.ready(t)
	ok, reason := r.check(t, "state")
	if code != http.StatusServiceUnavailable || ok || !strings.HasPrefix(reason, "state database unreachable: ") {
		t.Errorf("/readyz during the outage: %d, state ok=%v %q; want 503, failing, unreachable", code, ok, reason)
	}
	if strings.Contains(reason, proxy.Addr()) {
		t.Errorf("the public readiness check names the database's address: %q", reason)
	}
	s.waitLogged(t, "state store unavailable")
	// The question asked meanwhile could not be logged (nor, perhaps, the
	// one before, if its batch was still waiting): it is counted.
	s.waitMetric(t, "talksbot_question_log_dropped_total", func(v float64) bool { return v >= 1 })

	proxy.Restore()
	s.waitReady(t, "state")
	if a := s.ask(t, congress); !a.Answered {
		t.Errorf("after the outage: got %+v, want an answer", a)
	}
}

// TestServeStartsWithPostgresDown starts serve while the database is
// unreachable: it answers all the same, /readyz says why the state check
// fails, and a retry in the background opens the database once it is
// back.
func TestServeStartsWithPostgresDown(t *testing.T) {
	proxy, url := pgtest.Through(t, pgtest.NewSchema(t))
	proxy.Cut()
	s := startServe(t, map[string]string{"TALKSBOT_DATABASE_URL": url})
	if a := s.ask(t, congress); !a.Answered {
		t.Errorf("got %+v, want an answer with the database down", a)
	}
	code, r := s.ready(t)
	ok, reason := r.check(t, "state")
	if code != http.StatusServiceUnavailable || ok || !strings.Contains(reason, "not open since start") ||
		!strings.Contains(reason, "answering with this replica's own state") {
		t.Errorf("/readyz: %d, state ok=%v %q; want 503 and the state check saying the database is not open", code, ok, reason)
	}
	if strings.Contains(reason, proxy.Addr()) {
		t.Errorf("the public readiness check names the database's address: %q", reason)
	}
	if !strings.Contains(s.logs.String(), "shared state database unreachable") {
		t.Errorf("logs do not say the database is unreachable:\n%s", s.logs)
	}
	s.waitMetric(t, "talksbot_question_log_dropped_total", func(v float64) bool { return v >= 1 })

	proxy.Restore()
	s.waitLogged(t, "shared state database open")
	s.waitReady(t, "state")
	if a := s.ask(t, congress); !a.Answered {
		t.Errorf("once the database is open: got %+v, want an answer", a)
	}
	if code := s.stop(t); code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
}

// TestConfigCheckRedactsTheDatabaseURL shows the database URL as config
// check prints it and as an error quotes it: without the password.
func TestConfigCheckRedactsTheDatabaseURL(t *testing.T) {
	cleanEnv(t)
	t.Setenv("TALKSBOT_DATABASE_URL", "postgres://talksbot:Sekr1t-pw@db.internal:5432/talksbot?sslmode=require")
	r := runCLI(t, "", "config", "check")
	wantExit(t, r, 0)
	want := "TALKSBOT_DATABASE_URL    postgres://talksbot:xxxxx@db.internal:5432/talksbot?sslmode=require  env"
	if !strings.Contains(strings.Join(strings.Fields(r.stdout), " "), strings.Join(strings.Fields(want), " ")) {
		t.Errorf("config check:\n%s\nwant a line %q", r.stdout, want)
	}

	t.Setenv("TALKSBOT_DATABASE_URL", "postgres://talksbot:Sekr1t-pw@db.internal:port/talksbot")
	r = runCLI(t, "", "config", "check")
	wantExit(t, r, 2)
	if !strings.Contains(r.stderr, "TALKSBOT_DATABASE_URL: ") || !strings.Contains(r.stderr, "invalid port") {
		t.Errorf("stderr %q: want the key and the rule broken", r.stderr)
	}
	if strings.Contains(r.stdout+r.stderr, "Sekr1t") {
		t.Errorf("output reveals the password:\n%s%s", r.stdout, r.stderr)
	}
}

// waitMetric polls /metrics until the sample named name (a metric without
// labels) satisfies cond.
func (s *served) waitMetric(t *testing.T, name string, cond func(float64) bool) {
	t.Helper()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	timeout := time.After(waitLimit)
	for {
		_, metrics := s.get(t, "/metrics")
		for _, line := range strings.Split(metrics, "\n") {
			if v, ok := strings.CutPrefix(line, name+" "); ok {
				if f, err := strconv.ParseFloat(v, 64); err == nil && cond(f) {
					return
				}
			}
		}
		select {
		case <-tick.C:
		case <-timeout:
			t.Fatalf("/metrics: %s never as wanted:\n%s", name, metrics)
		}
	}
}

// TestReplicasAnswerASlackEventOnce runs three replicas in Slack's HTTP
// mode on one database and delivers one event to all three at once, as a
// balancer spreading Slack's retries would: one answers it, the other two
// find it claimed and say so in their logs, and Slack gets one answer.
func TestReplicasAnswerASlackEventOnce(t *testing.T) {
	const secret = "8f742231b10e8888abcd99yyyzzz85a5"
	fake := slacktest.New(t, slackBotToken, slackAppToken)
	url := pgtest.NewSchema(t)
	var replicas []*served
	for range 3 {
		s := startServe(t, map[string]string{
			"SLACK_BOT_TOKEN":       slackBotToken,
			"SLACK_SIGNING_SECRET":  secret,
			"SLACK_API_URL":         fake.APIURL(),
			"TALKSBOT_DATABASE_URL": url,
		})
		s.waitLogged(t, "slack connected")
		replicas = append(replicas, s)
	}

	event := `{"type":"event_callback","team_id":"T0TALKS","api_app_id":"A0APP","event_id":"Ev0REPLICAS","event_time":1700000000,` +
		`"event":{"type":"app_mention","user":"U0ALICE","text":"<@` + fake.BotUserID + `> ` + congress + `","ts":"1700000000.000200",` +
		`"channel":"C0REPLICAS","event_ts":"1700000000.000200"}}`
	codes := make([]int, len(replicas))
	var wg sync.WaitGroup
	for i, s := range replicas {
		wg.Go(func() { codes[i] = postSigned(t, s.url+"/slack/events", secret, event) })
	}
	wg.Wait()
	for i, code := range codes {
		if code != http.StatusOK {
			t.Errorf("replica %d acknowledged the event with %d, want 200", i, code)
		}
	}

	fake.WaitMatch(t, "chat.postMessage", func(c slacktest.Call) bool { return c.Get("channel") == "C0REPLICAS" })
	// The two others have decided once each has logged that it ignored
	// the event: only then is the count of answers final.
	ignored := func() int {
		n := 0
		for _, s := range replicas {
			if strings.Contains(s.logs.String(), "slack duplicate event ignored") {
				n++
			}
		}
		return n
	}
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	timeout := time.After(waitLimit)
	for ignored() < len(replicas)-1 {
		select {
		case <-tick.C:
		case <-timeout:
			t.Fatalf("%d replicas logged the event as a duplicate, want %d", ignored(), len(replicas)-1)
		}
	}
	var answers int
	for _, c := range fake.Calls("chat.postMessage") {
		if c.Get("channel") == "C0REPLICAS" {
			answers++
		}
	}
	if answers != 1 || ignored() != len(replicas)-1 {
		t.Errorf("%d answers posted and %d replicas ignored the event, want 1 and %d", answers, ignored(), len(replicas)-1)
	}
}

// postSigned posts body to url signed with Slack's signing secret, and
// returns the status.
func postSigned(t *testing.T, url, secret, body string) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Error(err)
		return 0
	}
	req.Header.Set("Content-Type", "application/json")
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	mac := hmac.New(sha256.New, []byte(secret))
	fmt.Fprintf(mac, "v0:%s:%s", ts, body)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", "v0="+hex.EncodeToString(mac.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Error(err)
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestRateLimitHoldsAcrossReplicas asks three replicas on one database
// from one client: the burst is spent across them, after which every
// replica refuses.
func TestRateLimitHoldsAcrossReplicas(t *testing.T) {
	url := pgtest.NewSchema(t)
	var replicas []*served
	for range 3 {
		replicas = append(replicas, startServe(t, map[string]string{"TALKSBOT_DATABASE_URL": url, "TALKSBOT_RATE_LIMIT": "1"}))
	}
	status := func(s *served) int {
		t.Helper()
		resp, err := http.Post(s.url+"/v1/ask", "application/json", strings.NewReader(`{"question":"What has Congress pushed for?"}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for i := range bot.DefaultBurst {
		if code := status(replicas[i%len(replicas)]); code != http.StatusOK {
			t.Fatalf("ask %d of the burst of %d: got %d, want 200", i+1, bot.DefaultBurst, code)
		}
	}
	for i, s := range replicas {
		if code := status(s); code != http.StatusTooManyRequests {
			t.Errorf("replica %d after the burst was spent on all three: got %d, want 429", i, code)
		}
	}
}
