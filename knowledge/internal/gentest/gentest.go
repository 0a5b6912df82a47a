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
	goTool, err := exec.LookPath("go")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("go tool not found on PATH: %v", err)
		}
		t.Skipf("go tool not found on PATH, so the generator cannot run: %v", err)
	}
	out := filepath.Join(t.TempDir(), filepath.Base(committed))
	cmd := exec.Command(goTool, append(append([]string{"run", "./gen"}, args...), "-o", out)...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ./gen: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(committed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the generated table (%d bytes) differs from %s (%d bytes): run go generate", len(got), committed, len(want))
	}
}
