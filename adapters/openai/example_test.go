package openai_test

import (
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/talksbot/talksbot/adapters/openai"
	"github.com/talksbot/talksbot/bot"
)

// A Drafter for a local Ollama server: no key, the model by its Ollama
// name. The bot verifies every draft and falls back to its extractive
// answer when the model fails or a draft does not check out.
func ExampleNew() {
	d, err := openai.New(openai.Options{
		BaseURL: "http://127.0.0.1:11434/v1",
		Model:   "llama3.1:8b",
		Timeout: time.Minute,
		Logger:  slog.New(slog.NewTextHandler(os.Stderr, nil)),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = bot.Options{Drafter: d}
	fmt.Println(d.Model())
	// Output: llama3.1:8b
}

// Merging a keyword ranking with an embedding ranking of the same
// passages: passages both rank well come first.
func ExampleFuseRRF() {
	keyword := []string{"vienna-talks#4", "vienna-talks#9", "vienna-talks#2"}
	semantic := []string{"vienna-talks#2", "vienna-talks#4", "vienna-talks#7"}
	fmt.Println(openai.FuseRRF(60, keyword, semantic))
	// Output: [vienna-talks#4 vienna-talks#2 vienna-talks#9 vienna-talks#7]
}
