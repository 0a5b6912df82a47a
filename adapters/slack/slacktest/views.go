package slacktest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
)

// View is a Home tab view published with views.publish.
type View struct {
	User   string
	Blocks []map[string]any
}

// Texts returns the text of every section, header and context block, in
// order.
func (v View) Texts() []string { return blockTexts(v.Blocks) }

// Buttons returns every button: section accessories and actions blocks'.
func (v View) Buttons() []Button { return blockButtons(v.Blocks) }

// HomeViews returns every view published to user's Home tab, oldest first.
func (s *Server) HomeViews(user string) []View {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]View(nil), s.views[user]...)
}

// WaitHomeViews waits until at least n views were published to user's Home
// tab and returns them, oldest first.
func (s *Server) WaitHomeViews(t testing.TB, user string, n int) []View {
	t.Helper()
	var out []View
	s.wait(t, fmt.Sprintf("%d Home views for %s", n, user), func() bool {
		out = append(out[:0], s.views[user]...)
		return len(out) >= n
	})
	return out
}

// servePublish answers views.publish. Like Slack it wants a user_id and a
// view of type home with at most MaxViewBlocks blocks that keep to Block
// Kit's limits; anything else is invalid_arguments.
func (s *Server) servePublish(w http.ResponseWriter, c Call) {
	user, _ := c.JSON["user_id"].(string)
	raw, _ := c.JSON["view"].(map[string]any)
	var blocks []map[string]any
	if b, err := json.Marshal(raw["blocks"]); err == nil {
		_ = json.Unmarshal(b, &blocks)
	}
	if user == "" || raw["type"] != "home" || !validBlocks(blocks, MaxViewBlocks) {
		writeJSON(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	s.mu.Lock()
	s.views[user] = append(s.views[user], View{User: user, Blocks: blocks})
	n := len(s.views[user])
	s.notify()
	s.mu.Unlock()
	writeJSON(w, map[string]any{"ok": true, "view": map[string]any{
		"id": fmt.Sprintf("V%08d", n), "type": "home", "team_id": TeamID,
	}})
}
