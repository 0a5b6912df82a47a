package sqlite_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/sqlite"
	"github.com/talksbot/talksbot/bot"
)

// crashHelperEnv, when set to a folder, turns the test binary into the
// crash test's writer process instead of running the tests.
const crashHelperEnv = "TALKSBOT_SQLITE_CRASH_HELPER"

// The writer process stops by itself after this many records, so it ends
// even if the test that started it does not kill it.
const crashHelperMax = 20000

func TestMain(m *testing.M) {
	if dir := os.Getenv(crashHelperEnv); dir != "" {
		os.Exit(crashWriter(dir))
	}
	os.Exit(m.Run())
}

// crashWriter writes feedback from a few goroutines and prints each reply id
// on its own line once SaveFeedback has returned: a printed id is one the
// bot would have acknowledged to a user.
func crashWriter(dir string) int {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, dir, sqlite.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	var (
		mu  sync.Mutex
		out = bufio.NewWriter(os.Stdout)
		wg  sync.WaitGroup
	)
	const writers = 4
	for w := range writers {
		wg.Go(func() {
			for i := w; i < crashHelperMax; i += writers {
				id := fmt.Sprintf("fb-%05d", i)
				err := s.SaveFeedback(ctx, bot.Feedback{ReplyID: id, Platform: bot.Slack, User: "U1", Helpful: true, Theme: "Spoilers"})
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(1)
				}
				mu.Lock()
				fmt.Fprintln(out, id)
				out.Flush() // unbuffered in effect: the id is out before the next write begins
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return 0
}

func TestCrashKeepsAcknowledgedFeedback(t *testing.T) {
	dir := t.TempDir()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), crashHelperEnv+"="+dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start writer process: %v", err)
	}

	// Kill the writer mid-stream: after enough acknowledgements, or after a
	// second of writing on a slow disk, whichever comes first.
	const killAfter = 300
	killed := make(chan struct{})
	var once sync.Once
	kill := func() {
		once.Do(func() {
			cmd.Process.Kill() // SIGKILL: no deferred code, no Close, no checkpoint
			close(killed)
		})
	}
	timer := time.AfterFunc(time.Second, kill)
	defer timer.Stop()

	var acked []string
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		acked = append(acked, sc.Text())
		if len(acked) == killAfter {
			kill()
		}
	}
	kill()
	<-killed
	werr := cmd.Wait()
	if werr == nil || !strings.Contains(werr.Error(), "killed") {
		t.Fatalf("writer process ended with %v, want it killed; stderr: %s", werr, stderr.String())
	}
	if len(acked) == 0 {
		t.Fatalf("writer acknowledged nothing before it was killed; stderr: %s", stderr.String())
	}
	t.Logf("writer acknowledged %d records before SIGKILL", len(acked))

	s, err := sqlite.Open(t.Context(), dir, sqlite.Options{})
	if err != nil {
		t.Fatalf("reopen after crash: %v", err)
	}
	defer s.Close()
	rows, err := rawDB(t, dir).QueryContext(t.Context(), "SELECT reply_id FROM feedback")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	stored := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		stored[id] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, id := range acked {
		if !stored[id] {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d of %d acknowledged records lost after SIGKILL, e.g. %v", len(missing), len(acked), missing[:min(5, len(missing))])
	}
}
