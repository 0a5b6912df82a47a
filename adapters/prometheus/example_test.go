package prometheus_test

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/talksbot/talksbot/adapters/prometheus"
	"github.com/talksbot/talksbot/bot"
)

func Example() {
	m := prometheus.New()
	// The bot is given the counting store; it never sees Prometheus.
	store := m.Store(bot.NewMemoryStore())
	store.LogQuestion(context.Background(), bot.LogEntry{
		ReplyID: "r1", Platform: bot.Slack, Question: "What has Congress pushed for?",
		Answered: true, Mode: bot.ModeExtractive, Latency: 300 * time.Microsecond,
	})
	m.Reconnected("discord")

	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	sc := bufio.NewScanner(rec.Body)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "talksbot_") && !strings.HasSuffix(line, " 0") &&
			!strings.Contains(line, "_bucket") {
			fmt.Println(line)
		}
	}
	// Output:
	// talksbot_adapter_reconnects_total{adapter="discord"} 1
	// talksbot_answer_seconds_sum{platform="slack"} 0.0003
	// talksbot_answer_seconds_count{platform="slack"} 1
	// talksbot_questions_total{outcome="answered",platform="slack"} 1
}
