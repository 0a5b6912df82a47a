package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/talksbot/talksbot/config"
)

// A test that must kill a replica outright, as the kernel's OOM killer or a
// lost node would, runs it in a process of its own: the test binary again,
// told by childServe to run `talksbot serve` instead of the tests. Nothing
// of a killed replica runs after the kill: no drain, no release of its
// delivery claims, no last write.
const (
	// childServe, set in a child's environment, makes TestMain run serve.
	childServe = "TALKSBOT_TEST_CHILD_SERVE"
	// childNow, when set (RFC 3339), is the child's clock, frozen: the
	// bot's serveHooks.now.
	childNow = "TALKSBOT_TEST_CHILD_NOW"
	// childListening starts the line a child writes on its standard output
	// once its HTTP server listens, followed by the address.
	childListening = "listening on "
)

func TestMain(m *testing.M) {
	if os.Getenv(childServe) != "" {
		os.Exit(serveChild())
	}
	os.Exit(m.Run())
}

// serveChild runs `talksbot serve` as a child started by startChild, and
// returns its exit code.
func serveChild() int {
	hooks := serveHooks{ready: func(addr net.Addr) { fmt.Printf("%s%s\n", childListening, addr) }}
	if v := os.Getenv(childNow); v != "" {
		at, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			fmt.Fprintf(os.Stderr, "talksbot: %s: %v\n", childNow, err)
			return exitUsage
		}
		hooks.now = func() time.Time { return at }
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The test holds the other end of standard input: should the test
	// binary die without killing this child, the pipe closes and the child
	// stops too.
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stop()
	}()
	a := &app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: os.Stderr, hooks: hooks}
	return a.exit(a.dispatch(ctx, []string{"serve"}))
}

// child is `talksbot serve` in a process of its own.
type child struct {
	*served // stop sends SIGTERM and waits for the exit
	proc    *os.Process
	stdin   io.Closer // held open while the child runs
}

// startChild starts serve in a child process with env (and nothing else of
// talksbot's settings from the test's environment), its HTTP API on a free
// port of 127.0.0.1 and its state in a temporary folder unless env says
// otherwise, and waits until it listens. It is killed when the test ends.
func startChild(t *testing.T, env map[string]string) *child {
	t.Helper()
	settings := map[string]bool{childServe: true, childNow: true}
	for _, k := range config.Keys() {
		settings[k.Name] = true
	}
	var environ []string
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); !settings[name] {
			environ = append(environ, kv)
		}
	}
	all := map[string]string{
		childServe:           "1",
		"TALKSBOT_HTTP_ADDR": "127.0.0.1:0",
		"TALKSBOT_DATA":      t.TempDir(),
		"TALKSBOT_LOG_LEVEL": "debug",
	}
	for k, v := range env {
		all[k] = v
	}
	for k, v := range all {
		environ = append(environ, k+"="+v)
	}

	logs := &syncBuffer{written: make(chan struct{}, 1)}
	cmd := exec.Command(os.Args[0])
	cmd.Env = environ
	cmd.Stderr = logs
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	// Never written to: closed when the test binary exits, however it does.
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start a child serve: %v", err)
	}
	done := make(chan int, 1)
	addr := make(chan string, 1)
	go func() {
		lines := bufio.NewScanner(stdout)
		for lines.Scan() {
			if a, ok := strings.CutPrefix(lines.Text(), childListening); ok {
				addr <- a
			}
		}
		_ = cmd.Wait() // after the last read, as StdoutPipe asks
		done <- cmd.ProcessState.ExitCode()
	}()
	c := &child{proc: cmd.Process, stdin: stdin, served: &served{
		logs: logs, done: done,
		cancel: func() { _ = cmd.Process.Signal(syscall.SIGTERM) },
	}}
	t.Cleanup(func() { c.kill(t) })
	select {
	case a := <-addr:
		c.url = "http://" + a
	case code := <-done:
		t.Fatalf("child serve exited with %d before listening; logs:\n%s", code, logs)
	case <-time.After(waitLimit):
		t.Fatalf("child serve did not start; logs:\n%s", logs)
	}
	return c
}

// kill ends the child with SIGKILL, at once, and waits until it is gone.
func (c *child) kill(t *testing.T) {
	t.Helper()
	_ = c.proc.Kill() // an error means it is gone already
	defer c.stdin.Close()
	c.once.Do(func() {
		select {
		case c.code = <-c.done:
		case <-time.After(waitLimit):
			t.Errorf("child serve %d outlived SIGKILL", c.proc.Pid)
		}
	})
}
