package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestLLMMaxTokensReachesTheAPI checks that TALKSBOT_LLM_MAX_TOKENS is what
// the chat completions request carries.
func TestLLMMaxTokensReachesTheAPI(t *testing.T) {
	got := make(chan int, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			MaxTokens int `json:"max_tokens"`
		}
		_ = json.NewDecoder(r.Body).Decode(&req)
		select {
		case got <- req.MaxTokens:
		default:
		}
		http.Error(w, `{"error":{"message":"down for the test"}}`, http.StatusBadRequest)
	}))
	defer srv.Close()
	cleanEnv(t)
	t.Setenv("OPENAI_BASE_URL", srv.URL+"/v1")
	t.Setenv("TALKSBOT_LLM_MAX_TOKENS", "123")
	r := runCLI(t, "", "ask", "--json", "What has Congress pushed for?")
	wantExit(t, r, 0)
	select {
	case n := <-got:
		if n != 123 {
			t.Errorf("got max_tokens %d, want 123", n)
		}
	default:
		t.Fatal("the LLM was never asked")
	}
}
