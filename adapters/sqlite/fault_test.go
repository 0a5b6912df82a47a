package sqlite_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/talksbot/talksbot/adapters/httpapi"
	"github.com/talksbot/talksbot/adapters/sqlite"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

// TestReadyzSaysWhyWhileAnswersWork breaks the state folder of a running
// bot in ways that bind root too (file permissions do not): /readyz must
// report the state unwritable, saying why without naming paths, while
// /v1/ask goes on answering.
func TestReadyzSaysWhyWhileAnswersWork(t *testing.T) {
	defer sqlite.SetBusyTimeouts(2*time.Second, 50*time.Millisecond)()
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		t.Fatal(err)
	}
	removeDB := func(t *testing.T, dir string) {
		t.Helper()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(filepath.Join(dir, sqlite.FileName+suffix)); err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name    string
		fault   func(t *testing.T, dir string) (undo func())
		wantErr string
	}{
		{
			"write lock held by another process",
			func(t *testing.T, dir string) func() { return holdWriteLock(t, dir) },
			"database is locked",
		},
		{
			"database file removed",
			func(t *testing.T, dir string) func() { removeDB(t, dir); return nil },
			"removed while in use",
		},
		{
			"database file replaced",
			func(t *testing.T, dir string) func() {
				removeDB(t, dir)
				if _, err := rawDB(t, dir).ExecContext(t.Context(), "CREATE TABLE other (x)"); err != nil {
					t.Fatal(err)
				}
				return nil
			},
			"replaced while in use",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			s, err := sqlite.Open(t.Context(), dir, sqlite.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			api := httpapi.New(httpapi.Options{
				Core:   bot.New(ix, bot.Options{Store: s}),
				Checks: []httpapi.Check{{Name: "state", Func: s.Ping}},
			}).Handler()

			readyz := func() (int, httpapi.Readiness) {
				t.Helper()
				rec := httptest.NewRecorder()
				api.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
				var r httpapi.Readiness
				if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil || len(r.Checks) != 1 {
					t.Fatalf("readyz body %s: %v", rec.Body, err)
				}
				return rec.Code, r
			}
			if code, r := readyz(); code != http.StatusOK {
				t.Fatalf("before the fault: readyz %d %+v, want 200", code, r)
			}

			undo := tt.fault(t, dir)
			code, r := readyz()
			if code != http.StatusServiceUnavailable || !strings.Contains(r.Checks[0].Error, tt.wantErr) {
				t.Errorf("readyz = %d %+v, want 503 with a state error saying %q", code, r, tt.wantErr)
			}
			if strings.Contains(r.Checks[0].Error, dir) {
				t.Errorf("readyz error %q names the state folder, want no paths", r.Checks[0].Error)
			}

			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodPost, "/v1/ask", strings.NewReader(`{"question":"What has Congress pushed for?"}`))
			req.RemoteAddr = "127.0.0.1:1234" // /v1/ask answers this machine without an API token
			req.Header.Set("Content-Type", "application/json")
			api.ServeHTTP(rec, req)
			var a bot.Ask
			if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil || rec.Code != http.StatusOK || !a.Answered {
				t.Errorf("ask while the state is broken: %d %s, want 200 and an answer", rec.Code, rec.Body)
			}

			if undo != nil {
				undo()
				if code, r := readyz(); code != http.StatusOK {
					t.Errorf("after the fault is undone: readyz %d %+v, want 200", code, r)
				}
			}
		})
	}
}
