package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvURL names the variable that holds the test server's URL, such as
// postgres://postgres@127.0.0.1:5433/postgres?sslmode=disable. Its user
// must be allowed to create databases.
const EnvURL = "TALKSBOT_TEST_DATABASE_URL"

// ServerURL returns the test server's URL. Without one it skips t, or fails
// it when the environment variable CI is set.
func ServerURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(EnvURL)
	if u != "" {
		return u
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not set: CI must provide a PostgreSQL (.ci/run starts one)", EnvURL)
	}
	t.Skipf("no PostgreSQL: set %s (a postgres:// URL whose user may create databases) to run this test", EnvURL)
	return ""
}

// adminTimeout bounds creating and dropping a test database.
const adminTimeout = 30 * time.Second

// create makes an object with a random name on the test server by the
// statement create, %s standing for the quoted name, drops it by drop when
// t ends, and returns the name.
func create(t testing.TB, server, create, drop string) string {
	t.Helper()
	name := randomName()
	ident := pgx.Identifier{name}.Sanitize()
	if err := admin(server, fmt.Sprintf(create, ident)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := admin(server, fmt.Sprintf(drop, ident)); err != nil {
			t.Error(err)
		}
	})
	return name
}

// NewDatabase creates an empty database with a random name on the test
// server and returns its URL: the server's URL with the database's name as
// its path. The database is dropped when t ends, connections and all.
func NewDatabase(t testing.TB) string {
	t.Helper()
	server := ServerURL(t)
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("%s: %v", EnvURL, err)
	}
	name := create(t, server, "CREATE DATABASE %s", "DROP DATABASE %s WITH (FORCE)")
	u.Path = "/" + name
	return u.String()
}

// NewSchema creates an empty schema with a random name in the test
// server's database and returns a URL that works in it alone: the server's
// URL with search_path set to the schema. The schema is dropped when t
// ends, with everything in it. It is much quicker to make than a database,
// and as separate for a store: its tables, and the advisory lock its
// migrations take, are the schema's own.
func NewSchema(t testing.TB) string {
	t.Helper()
	server := ServerURL(t)
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("%s: %v", EnvURL, err)
	}
	name := create(t, server, "CREATE SCHEMA %s", "DROP SCHEMA %s CASCADE")
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

// randomName returns a name for a test database or schema.
func randomName() string {
	var raw [6]byte
	_, _ = rand.Read(raw[:])
	return "talksbot_test_" + hex.EncodeToString(raw[:])
}

// admin runs one statement on the test server's database on a connection
// of its own.
func admin(server, sql string) error {
	ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
	defer cancel()
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		return fmt.Errorf("connect to the test server (%s): %w", EnvURL, err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, sql); err != nil {
		return fmt.Errorf("%s: %w", sql, err)
	}
	return nil
}

// Exec runs one statement on the database at dbURL outside any store, on
// a connection of its own, for tests that set up rows.
func Exec(t testing.TB, dbURL, sql string, args ...any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
	defer cancel()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatalf("connect to the test database: %v", err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// Connect opens one connection to the database at dbURL, closed when t
// ends, for tests that read what a store wrote.
func Connect(t testing.TB, dbURL string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), adminTimeout)
	defer cancel()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatalf("connect to the test database: %v", err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}
