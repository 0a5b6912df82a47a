package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReadmeFirstFiveMinutes runs the README's "First five minutes" as a
// newcomer would, in one shell, and checks each output it shows. The
// build line is replaced by a binary the test builds; the HTTP port is a
// free one.
func TestReadmeFirstFiveMinutes(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Fatal("the walkthrough needs curl (.ci/run installs it): ", err)
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	steps := walkthrough(t, string(readme))
	if len(steps) < 8 {
		t.Fatalf("found %d commands in the walkthrough, want the whole of it", len(steps))
	}

	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "talksbot"), ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	work := filepath.Join(dir, "work")
	if err := os.Mkdir(work, 0o700); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)

	// One shell runs every command, each after a marker line, so that a
	// background job started by one line can be stopped by a later one.
	var script strings.Builder
	script.WriteString("set -m\n")
	for i, st := range steps {
		cmd := strings.ReplaceAll(st.command, "127.0.0.1:8080", addr)
		if strings.HasPrefix(cmd, "go build") {
			cmd = "true # built by the test"
		}
		fmt.Fprintf(&script, "echo '@@step %d@@'\n%s\n", i, cmd)
	}
	script.WriteString("echo '@@end@@'\n")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	sh := exec.CommandContext(ctx, "bash", "-c", script.String())
	sh.Dir = work
	sh.Env = append(cleanEnviron(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"TALKSBOT_HTTP_ADDR="+addr, "HOME="+dir)
	var stdout, stderr bytes.Buffer
	sh.Stdout, sh.Stderr = &stdout, &stderr
	if err := sh.Run(); err != nil {
		t.Fatalf("the walkthrough failed: %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	outputs := splitSteps(t, stdout.String(), len(steps))
	for i, st := range steps {
		if outputs[i] != st.output {
			t.Errorf("$ %s\ngot:\n%s\nwant (as the README shows):\n%s", st.command, outputs[i], st.output)
		}
	}
}

// step is one command of the walkthrough and the output shown under it.
type step struct {
	command, output string
}

// walkthrough returns the commands of the console blocks of the README's
// "First five minutes" section.
func walkthrough(t *testing.T, readme string) []step {
	t.Helper()
	_, section, ok := strings.Cut(readme, "\n## First five minutes\n")
	if !ok {
		t.Fatal("README has no section ## First five minutes")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var steps []step
	in := false
	for _, line := range strings.Split(section, "\n") {
		switch {
		case line == "```console":
			in = true
		case line == "```":
			in = false
		case in && strings.HasPrefix(line, "$ "):
			steps = append(steps, step{command: strings.TrimPrefix(line, "$ ")})
		case in && len(steps) > 0:
			steps[len(steps)-1].output += line + "\n"
		}
	}
	return steps
}

// splitSteps cuts the shell's output at the markers into n outputs.
func splitSteps(t *testing.T, out string, n int) []string {
	t.Helper()
	outputs := make([]string, n)
	rest, ok := strings.CutPrefix(out, "@@step 0@@\n")
	if !ok {
		t.Fatalf("output does not start with the first marker:\n%s", out)
	}
	for i := range n {
		next := fmt.Sprintf("@@step %d@@\n", i+1)
		if i == n-1 {
			next = "@@end@@\n"
		}
		var found bool
		outputs[i], rest, found = strings.Cut(rest, next)
		if !found {
			t.Fatalf("no marker after step %d:\n%s", i, out)
		}
	}
	return outputs
}

// freeAddr returns a 127.0.0.1 address with a port free right now.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// cleanEnviron is the environment without any setting talksbot reads.
func cleanEnviron() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "SLACK_") || strings.HasPrefix(name, "DISCORD_") ||
			strings.HasPrefix(name, "OPENAI_") || strings.HasPrefix(name, "TALKSBOT_") || name == "PATH" || name == "HOME" {
			continue
		}
		env = append(env, kv)
	}
	return env
}
