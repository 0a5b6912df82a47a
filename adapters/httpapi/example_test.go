package httpapi_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/talksbot/talksbot/adapters/httpapi"
	"github.com/talksbot/talksbot/bot"
	"github.com/talksbot/talksbot/knowledge"
)

func Example() {
	ix, err := knowledge.NewIndex([]*knowledge.Document{knowledge.Default()})
	if err != nil {
		fmt.Println(err)
		return
	}
	api := httpapi.New(httpapi.Options{
		Core: bot.New(ix, bot.Options{}),
		Checks: []httpapi.Check{
			{Name: "index", Func: func(context.Context) error { return nil }},
			{Name: "state", Func: func(context.Context) error { return errors.New("state folder /data not writable") }},
		},
	})
	ts := httptest.NewServer(api.Handler())
	defer ts.Close()

	resp, err := http.Post(ts.URL+"/v1/ask", "application/json",
		strings.NewReader(`{"question":"What has Congress pushed for?"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	var a bot.Ask
	json.NewDecoder(resp.Body).Decode(&a)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, a.Answered, a.Mode, a.Answer)

	resp, err = http.Get(ts.URL + "/readyz")
	if err != nil {
		fmt.Println(err)
		return
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Print(resp.StatusCode, " ", string(body))
	// Output:
	// 200 true extractive Congress has pushed for more hard-hitting sanctions.
	// 503 {"ready":false,"checks":[{"name":"index","ok":true},{"name":"state","ok":false,"error":"state folder /data not writable"}]}
}
