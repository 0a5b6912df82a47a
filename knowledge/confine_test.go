package knowledge_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/talksbot/talksbot/knowledge"
)

// TestLoadDirStaysInsideTheFolder checks that links are followed only
// within the documents folder and that every skip says why.
func TestLoadDirStaysInsideTheFolder(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "passwd.txt")
	if err := os.WriteFile(secret, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	write("notes.txt", "The zebra accord was signed in Oslo.")
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	link("notes.txt", "inside.txt")                       // resolves inside: read
	link(secret, "passwd.txt")                            // leaves the folder: skipped
	link("../"+filepath.Base(outside)+"/x.txt", "up.txt") // broken, and outside
	link("sub", "folder.txt")                             // a folder: not followed
	link("loop.txt", "loop.txt")                          // a loop
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o600); err != nil {
		t.Fatal(err)
	}

	docs, skipped, err := knowledge.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, d := range docs {
		paths = append(paths, filepath.Base(d.Path))
		for _, s := range d.Sections {
			for _, p := range s.Passages {
				if strings.Contains(p.Text, "root:x") {
					t.Errorf("%s: indexed a file outside the folder", d.Path)
				}
			}
		}
	}
	if strings.Join(paths, " ") != "inside.txt notes.txt" {
		t.Errorf("got documents %q, want inside.txt and notes.txt", paths)
	}
	reasons := map[string]string{}
	for _, err := range skipped {
		var de *knowledge.DocumentError
		if !errors.As(err, &de) {
			t.Fatalf("got %v, want a *DocumentError", err)
		}
		reasons[filepath.Base(de.Path)] = de.Reason
	}
	want := map[string]string{
		"passwd.txt": "points outside the documents folder",
		"up.txt":     "a broken link",
		"folder.txt": "a link to a folder, not followed",
		"loop.txt":   "a link that cannot be followed",
		"pipe.txt":   "not a regular file (a named pipe)",
	}
	for name, w := range want {
		if !strings.Contains(reasons[name], w) {
			t.Errorf("%s: got reason %q, want one with %q", name, reasons[name], w)
		}
	}
	if len(reasons) != len(want) {
		t.Errorf("got skips %v, want exactly %v", reasons, want)
	}
	var de *knowledge.DocumentError
	for _, err := range skipped {
		if errors.As(err, &de) && filepath.Base(de.Path) == "passwd.txt" && !errors.Is(err, knowledge.ErrOutside) {
			t.Errorf("passwd.txt: got %v, want ErrOutside", err)
		}
	}
}
