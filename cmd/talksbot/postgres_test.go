package main

import (
	"context"
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

	"github.com/talksbot/talksbot/adapters/postgres"
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
// and restores them while a stream of questions (/v1/ask) and feedback
// clicks (Slack's HTTP mode) keeps coming: questions are answered
// throughout; /readyz fails its state check with the reason while the
// database is unreachable (and the question log counts what it lost) and
// passes again, without a restart, once it is back; clicks are refused
// while their vote cannot be written, and every vote acknowledged, before,
// during or after the outage, is in the database.
func TestServeThroughAPostgresOutage(t *testing.T) {
	fake := slacktest.New(t, slackBotToken, slackAppToken)
	direct := pgtest.NewSchema(t)
	proxy, url := pgtest.Through(t, direct)
	s := startSlackReplica(t, fake, map[string]string{"TALKSBOT_DATABASE_URL": url, "TALKSBOT_RATE_LIMIT": "0"}, serveHooks{})
	s.waitReady(t, "state")
	// The answers whose feedback buttons the clicks click.
	buttons := []slacktest.Button{s.askForButton(t, "9501.1.ask"), s.askForButton(t, "9502.1.ask")}

	load := &outageLoad{changed: make(chan struct{}, 1)}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() { load.ask(t, s, stop) })
		wg.Go(func() { load.click(t, s, buttons, w, stop) })
	}
	var once sync.Once
	halt := func() {
		once.Do(func() { close(stop) })
		wg.Wait()
	}
	defer halt() // should the test end early
	wait := func(what string, cond func(*outageLoad) bool) {
		t.Helper()
		holds := func(struct{}) bool {
			load.mu.Lock()
			defer load.mu.Unlock()
			return cond(load)
		}
		if !holds(struct{}{}) {
			waitFor(t, what, load.changed, holds)
		}
	}
	wait("questions answered and votes acknowledged before the outage", func(l *outageLoad) bool {
		return l.answered[beforeOutage] >= 3 && l.acked[beforeOutage] >= 3
	})

	proxy.Cut()
	load.enter(duringOutage)
	code, r := s.ready(t)
	ok, reason := r.check(t, "state")
	if code != http.StatusServiceUnavailable || ok || !strings.HasPrefix(reason, "state database unreachable: ") {
		t.Errorf("/readyz during the outage: %d, state ok=%v %q; want 503, failing, unreachable", code, ok, reason)
	}
	if strings.Contains(reason, proxy.Addr()) {
		t.Errorf("the public readiness check names the database's address: %q", reason)
	}
	wait("questions answered and clicks handled during the outage", func(l *outageLoad) bool {
		return l.answered[duringOutage] >= 3 && l.acked[duringOutage]+l.refused[duringOutage] >= 3
	})
	// Every click sent since the cut and handled so far met an unreachable
	// database throughout: none can have been written.
	load.tally(func() {
		if n := load.acked[duringOutage]; n > 0 {
			t.Errorf("%d clicks acknowledged while their votes could not be written", n)
		}
	})
	s.waitLogged(t, "state store unavailable")
	// The questions asked meanwhile could not be logged (nor, perhaps, the
	// ones before, if their batch was still waiting): they are counted.
	s.waitMetric(t, "talksbot_question_log_dropped_total", func(v float64) bool { return v >= 1 })

	proxy.Restore()
	load.enter(afterOutage)
	s.waitReady(t, "state")
	wait("questions answered and votes acknowledged after the outage", func(l *outageLoad) bool {
		return l.answered[afterOutage] >= 3 && l.acked[afterOutage] >= 3
	})
	halt()

	stored := map[string]bool{}
	rows, err := pgtest.Connect(t, direct).Query(context.Background(), "SELECT user_id FROM feedback WHERE platform = 'slack'")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var user string
		if err := rows.Scan(&user); err != nil {
			t.Fatal(err)
		}
		stored[user] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	var lost []string
	for _, user := range load.votes {
		if !stored[user] {
			lost = append(lost, user)
		}
	}
	t.Logf("answered %v, votes acknowledged %v and refused %v (before, during, after the outage)", load.answered, load.acked, load.refused)
	if len(lost) > 0 {
		t.Errorf("%d of %d acknowledged votes are not in the database: %v", len(lost), len(load.votes), lost)
	}
}

// The phases of an outage, as outageLoad counts them.
const (
	beforeOutage = iota
	duringOutage
	afterOutage
)

// outageLoad is the stream of questions and feedback clicks that
// TestServeThroughAPostgresOutage keeps sending, and its tally, by the
// phase each request was sent in.
type outageLoad struct {
	mu       sync.Mutex
	phase    int
	answered [3]int   // questions answered
	acked    [3]int   // clicks acknowledged with 200
	refused  [3]int   // clicks refused: their vote could not be written
	votes    []string // the users whose clicks were acknowledged
	// changed gets a value after each request (dropped when one is
	// pending).
	changed chan struct{}
}

// enter starts phase: the requests sent from now on count in it.
func (l *outageLoad) enter(phase int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.phase = phase
}

// begin returns the phase a request sent now counts in.
func (l *outageLoad) begin() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.phase
}

// tally records a request's outcome under the lock.
func (l *outageLoad) tally(f func()) {
	l.mu.Lock()
	f()
	l.mu.Unlock()
	select {
	case l.changed <- struct{}{}:
	default:
	}
}

// ask asks the question everyone asks until stop is closed; every one
// must be answered.
func (l *outageLoad) ask(t *testing.T, s *slackHTTP, stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		phase := l.begin()
		resp, err := http.Post(s.url+"/v1/ask", "application/json", strings.NewReader(`{"question":"What has Congress pushed for?"}`))
		if err != nil {
			t.Error(err)
			return
		}
		var a bot.Ask
		err = json.NewDecoder(resp.Body).Decode(&a)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || err != nil || !a.Answered {
			t.Errorf("phase %d: got %d %+v (%v), want an answer", phase, resp.StatusCode, a, err)
			return
		}
		l.tally(func() { l.answered[phase]++ })
	}
}

// click clicks one of buttons as a new user each time until stop is
// closed: acknowledged with 200, or refused with 500 when the vote could
// not be written.
func (l *outageLoad) click(t *testing.T, s *slackHTTP, buttons []slacktest.Button, worker int, stop <-chan struct{}) {
	for n := 0; ; n++ {
		select {
		case <-stop:
			return
		default:
		}
		phase := l.begin()
		user := fmt.Sprintf("U0LOAD%d%05d", worker, n)
		trigger := fmt.Sprintf("9600.%d.%d", worker, n)
		body := s.clickAs(user, buttons[n%len(buttons)], trigger, "thanks-"+trigger)
		status, reply, err := s.send("/slack/interactions", body, signSlack(time.Now(), body))
		switch {
		case err != nil:
			t.Error(err)
			return
		case status == http.StatusOK:
			l.tally(func() { l.acked[phase]++; l.votes = append(l.votes, user) })
		case status == http.StatusInternalServerError:
			l.tally(func() { l.refused[phase]++ })
		default:
			t.Errorf("phase %d: click got %d %q, want 200 or 500", phase, status, reply)
			return
		}
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

// TestServeTakesTheSharedReplyKeyWhenTheDatabaseOpens starts one replica
// with the database up, which makes the replicas' shared reply key, and
// another while it is down, which signs reply ids with a key of its own.
// Once the database is back, the late replica signs new answers with the
// shared key, so their feedback buttons work on either replica, and the
// buttons of the answer it gave during the outage keep working where it
// was given (and only there: the other replica never had that key).
func TestServeTakesTheSharedReplyKeyWhenTheDatabaseOpens(t *testing.T) {
	fake := slacktest.New(t, slackBotToken, slackAppToken)
	direct := pgtest.NewSchema(t)
	proxy, through := pgtest.Through(t, direct)
	other := startSlackReplica(t, fake, map[string]string{"TALKSBOT_DATABASE_URL": direct, "TALKSBOT_RATE_LIMIT": "0"}, serveHooks{})
	other.waitReady(t, "state")
	proxy.Cut()
	late := startSlackReplica(t, fake, map[string]string{"TALKSBOT_DATABASE_URL": through, "TALKSBOT_RATE_LIMIT": "0"}, serveHooks{})
	during := late.askForButton(t, "9401.1.ask")
	proxy.Restore()
	late.waitLogged(t, "reply ids signed with the shared key")
	after := late.askForButton(t, "9402.1.ask")

	clickFeedback(t, []feedbackClick{
		{"an answer given once the database opened, clicked on the other replica", other, after, "9403.1.click", http.StatusOK},
		{"an answer given once the database opened, clicked where it was given", late, after, "9404.1.click", http.StatusOK},
		{"an answer given during the outage, clicked where it was given", late, during, "9405.1.click", http.StatusOK},
		{"an answer given during the outage, clicked on the other replica", other, during, "9406.1.click", http.StatusInternalServerError},
	})
	// Acknowledged, a vote is in the database.
	if n := countRows(t, direct, "feedback"); n != 3 {
		t.Errorf("%d feedback rows, want the 3 acknowledged", n)
	}
}

// feedbackClick is a click on an answer's feedback button, on a replica,
// and the status the replica should answer it with.
type feedbackClick struct {
	name    string
	on      *slackHTTP
	button  slacktest.Button
	trigger string
	want    int
}

// clickFeedback clicks each button as a user of its own.
func clickFeedback(t *testing.T, clicks []feedbackClick) {
	t.Helper()
	for _, tt := range clicks {
		t.Run(tt.name, func(t *testing.T) {
			click := tt.on.clickAs("U0"+strings.ReplaceAll(tt.trigger, ".", ""), tt.button, tt.trigger, "thanks-"+tt.trigger)
			if status, reply := tt.on.post(t, "/slack/interactions", click, signSlack(time.Now(), click)); status != tt.want {
				t.Errorf("got %d %q, want %d", status, reply, tt.want)
			}
		})
	}
}

// TestServeReportsAReadOnlyDatabase turns serve's database read-only, as
// a standby that a failover left in the primary's place is: /readyz fails
// its state check saying so, rather than passing while no write can
// succeed.
func TestServeReportsAReadOnlyDatabase(t *testing.T) {
	db := pgtest.NewDatabase(t)
	proxy, url := pgtest.Through(t, db)
	s := startServe(t, map[string]string{"TALKSBOT_DATABASE_URL": url})
	s.waitReady(t, "state")
	// Every connection is closed, and the ones made after the change are
	// read-only, as a standby's are.
	proxy.Cut()
	pgtest.Exec(t, db, `DO $$ BEGIN
		EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = on', current_database());
	END $$`)
	proxy.Restore()
	s.waitCheck(t, "state", func(ok bool, reason string) bool {
		return !ok && reason == "state database is read-only (a standby?)"
	})
}

// waitCheck polls /readyz until its check named name satisfies cond.
func (s *served) waitCheck(t *testing.T, name string, cond func(ok bool, reason string) bool) {
	t.Helper()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	timeout := time.After(waitLimit)
	for {
		_, r := s.ready(t)
		ok, reason := r.check(t, name)
		if cond(ok, reason) {
			return
		}
		select {
		case <-tick.C:
		case <-timeout:
			t.Fatalf("/readyz: check %s never as wanted; last ok=%v %q", name, ok, reason)
		}
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
	fake := slacktest.New(t, slackBotToken, slackAppToken)
	url := pgtest.NewSchema(t)
	var replicas []*slackHTTP
	for range 3 {
		replicas = append(replicas, startSlackReplica(t, fake, map[string]string{"TALKSBOT_DATABASE_URL": url}, serveHooks{}))
	}

	event, err := json.Marshal(slacktest.EventCallback("Ev0REPLICAS", appMention(fake, "C0REPLICAS", "1700000000.000200", congress)))
	if err != nil {
		t.Fatal(err)
	}
	header := signSlack(time.Now(), string(event))
	header.Set("Content-Type", "application/json")
	codes := make([]int, len(replicas))
	var wg sync.WaitGroup
	for i, s := range replicas {
		wg.Go(func() {
			var err error
			if codes[i], _, err = s.send("/slack/events", string(event), header); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i, code := range codes {
		if code != http.StatusOK {
			t.Errorf("replica %d acknowledged the event with %d, want 200", i, code)
		}
	}

	fake.WaitMessages(t, "C0REPLICAS", 1)
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
	if answers := len(fake.Messages("C0REPLICAS")); answers != 1 || ignored() != len(replicas)-1 {
		t.Errorf("%d answers posted and %d replicas ignored the event, want 1 and %d", answers, ignored(), len(replicas)-1)
	}
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

// TestServeTakesTheSharedReplyKeyWhenItCanBeRead starts a replica whose
// database opens but refuses to store the replicas' shared reply key (a
// trigger plays the failure): it answers, signing reply ids with a key of
// its own, and keeps trying. Once the key can be stored, it signs new
// answers with the shared key, so their feedback buttons work on another
// replica too.
func TestServeTakesTheSharedReplyKeyWhenItCanBeRead(t *testing.T) {
	fake := slacktest.New(t, slackBotToken, slackAppToken)
	url := pgtest.NewSchema(t)
	pg, err := postgres.Open(t.Context(), url, postgres.Options{}) // the schema, with its secrets table
	if err != nil {
		t.Fatal(err)
	}
	pg.Close()
	conn := pgtest.Connect(t, url)
	for _, stmt := range []string{
		`CREATE FUNCTION refuse_secrets() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'secrets refused'; END $$`,
		`CREATE TRIGGER refuse_secrets BEFORE INSERT ON secrets FOR EACH ROW EXECUTE FUNCTION refuse_secrets()`,
	} {
		if _, err := conn.Exec(t.Context(), stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	env := map[string]string{"TALKSBOT_DATABASE_URL": url, "TALKSBOT_RATE_LIMIT": "0"}
	first := startSlackReplica(t, fake, env, serveHooks{})
	first.waitLogged(t, "no shared reply key yet")
	before := first.askForButton(t, "9501.1.ask")

	if _, err := conn.Exec(t.Context(), `DROP TRIGGER refuse_secrets ON secrets`); err != nil {
		t.Fatal(err)
	}
	first.waitLogged(t, "reply ids signed with the shared key")
	after := first.askForButton(t, "9502.1.ask")
	second := startSlackReplica(t, fake, env, serveHooks{})
	second.waitReady(t, "state")

	clickFeedback(t, []feedbackClick{
		{"an answer given once the key was read, clicked on another replica", second, after, "9503.1.click", http.StatusOK},
		{"an answer given before, clicked where it was given", first, before, "9504.1.click", http.StatusOK},
		{"an answer given before, clicked on another replica", second, before, "9505.1.click", http.StatusInternalServerError},
	})
}
