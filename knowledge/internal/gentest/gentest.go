// Package gentest checks, for the tests of the embedded tables under
// knowledge/internal, that a table's generator reproduces the committed
// table byte for byte: a table is generated data, and the generator is its
// source.
package gentest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Reproduces runs the generator in ./gen of the test's package with args
// and "-o" a temporary file, and fails t unless what it writes is the file
// committed, byte for byte. Without the go tool on PATH (a test binary
// built elsewhere) it skips, except under CI, which always has it.
func Reproduces(t testing.TB, committed string, args ...string) {
	t.Helper()
	ReproducesAll(t, []Output{{Flag: "-o", Committed: committed}}, args...)
}

// Output is one file a generator writes: the flag that names it and the
// committed file it must reproduce.
type Output struct{ Flag, Committed string }

// ReproducesAll is Reproduces for a generator that writes several files:
// each output's flag names a temporary file, and each must be its
// committed file, byte for byte.
func ReproducesAll(t testing.TB, outputs []Output, args ...string) {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("go tool not found on PATH: %v", err)
		}
		t.Skipf("go tool not found on PATH, so the generator cannot run: %v", err)
	}
	dir := t.TempDir()
	cmdArgs := append([]string{"run", "./gen"}, args...)
	for _, o := range outputs {
		cmdArgs = append(cmdArgs, o.Flag, filepath.Join(dir, filepath.Base(o.Committed)))
	}
	if msg, err := exec.Command(goTool, cmdArgs...).CombinedOutput(); err != nil {
		t.Fatalf("go run ./gen: %v\n%s", err, msg)
	}
	for _, o := range outputs {
		got, err := os.ReadFile(filepath.Join(dir, filepath.Base(o.Committed)))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(o.Committed)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("the generated file (%d bytes) differs from %s (%d bytes): run go generate", len(got), o.Committed, len(want))
		}
	}
}
