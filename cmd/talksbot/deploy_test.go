package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/talksbot/talksbot/config"
)

// repoFile reads a file at the repository root.
func repoFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// composeService is what the tests read of a service in docker-compose.yml.
type composeService struct {
	Build       any               `yaml:"build"`
	Image       string            `yaml:"image"`
	Profiles    []string          `yaml:"profiles"`
	EnvFile     []string          `yaml:"env_file"`
	Environment map[string]string `yaml:"environment"`
	Volumes     []string          `yaml:"volumes"`
	Ports       []string          `yaml:"ports"`
	DependsOn   map[string]struct {
		Condition string `yaml:"condition"`
	} `yaml:"depends_on"`
	Healthcheck *struct {
		Test []string `yaml:"test"`
	} `yaml:"healthcheck"`
	Networks any `yaml:"networks"`
}

// composeFile is what the tests read of docker-compose.yml.
type composeFile struct {
	Services map[string]composeService `yaml:"services"`
	Volumes  map[string]any            `yaml:"volumes"`
}

func readCompose(t *testing.T) composeFile {
	t.Helper()
	var compose composeFile
	if err := yaml.Unmarshal([]byte(repoFile(t, "docker-compose.yml")), &compose); err != nil {
		t.Fatalf("docker-compose.yml is not valid YAML: %v", err)
	}
	return compose
}

// mountsOn returns the container paths of a service's volumes.
func mountsOn(svc composeService) []string {
	var mounts []string
	for _, v := range svc.Volumes {
		parts := strings.Split(v, ":")
		if len(parts) >= 2 {
			mounts = append(mounts, parts[1])
		}
	}
	return mounts
}

// checkEnvironment checks that every setting a service's environment
// names exists and validates, as Compose would pass it: with ${NAME:-…}
// replaced by vars[NAME].
func checkEnvironment(t *testing.T, name string, env map[string]string, vars map[string]string) {
	t.Helper()
	interpolated := make(map[string]string, len(env))
	ref := regexp.MustCompile(`\$\{([A-Z_]+)(:-[^}]*)?\}`)
	for k, v := range env {
		interpolated[k] = ref.ReplaceAllStringFunc(v, func(m string) string { return vars[ref.FindStringSubmatch(m)[1]] })
		if !slices.ContainsFunc(config.Keys(), func(key config.Key) bool { return key.Name == k }) {
			t.Errorf("%s: environment sets unknown key %s", name, k)
		}
	}
	src := config.Sources{Env: func(k string) (string, bool) { v, ok := interpolated[k]; return v, ok }}
	if _, err := config.Load(src); err != nil && !strings.Contains(err.Error(), "TALKSBOT_DOCS") {
		// /docs does not exist outside the container; anything else is a mistake.
		t.Errorf("%s: environment does not validate: %v", name, err)
	}
}

func TestComposeFile(t *testing.T) {
	compose := readCompose(t)
	svc, ok := compose.Services["talksbot"]
	if !ok {
		t.Fatalf("got services %v, want talksbot", compose.Services)
	}
	if svc.Build == nil || len(svc.EnvFile) == 0 {
		t.Errorf("got build %v env_file %v, want both", svc.Build, svc.EnvFile)
	}
	if len(svc.Profiles) != 0 {
		t.Errorf("talksbot has profiles %v: plain docker compose up would not start it", svc.Profiles)
	}
	mounts := mountsOn(svc)
	for _, want := range []string{"/data", "/docs"} {
		if !slices.Contains(mounts, want) {
			t.Errorf("got volumes %v, want one on %s", svc.Volumes, want)
		}
	}
	if _, ok := compose.Volumes["talksbot-data"]; !ok {
		t.Errorf("got top-level volumes %v, want talksbot-data", compose.Volumes)
	}
	checkEnvironment(t, "talksbot", svc.Environment, nil)
}

// TestComposeScaleProfile checks the shape of the scale profile: PostgreSQL
// with a health check, two replicas started once it is healthy, each with
// its own state volume and TALKSBOT_DATABASE_URL pointing at it, and nginx
// in front of both on the port the single service publishes.
func TestComposeScaleProfile(t *testing.T) {
	compose := readCompose(t)
	replicas := []string{"talksbot-1", "talksbot-2"}
	for _, name := range append([]string{"postgres", "proxy"}, replicas...) {
		svc, ok := compose.Services[name]
		if !ok {
			t.Fatalf("no service %s in docker-compose.yml", name)
		}
		if !slices.Equal(svc.Profiles, []string{"scale"}) {
			t.Errorf("%s: profiles %v, want [scale]", name, svc.Profiles)
		}
	}

	pg := compose.Services["postgres"]
	if pg.Healthcheck == nil || !slices.Contains(pg.Healthcheck.Test, "pg_isready") {
		t.Errorf("postgres: healthcheck %+v, want one running pg_isready", pg.Healthcheck)
	}
	for _, k := range []string{"POSTGRES_USER", "POSTGRES_DB", "POSTGRES_PASSWORD"} {
		if pg.Environment[k] == "" {
			t.Errorf("postgres: %s not set", k)
		}
	}

	proxy := compose.Services["proxy"]
	vars := map[string]string{"TALKSBOT_DB_PASSWORD": "0123abcd", "TALKSBOT_VERSION": ""}
	dataVolumes := map[string]bool{}
	for _, name := range replicas {
		svc := compose.Services[name]
		if svc.Build == nil || svc.Image != compose.Services["talksbot"].Image || len(svc.EnvFile) == 0 {
			t.Errorf("%s: build %v image %q env_file %v, want the talksbot image built here and talksbot.env", name, svc.Build, svc.Image, svc.EnvFile)
		}
		if got := svc.DependsOn["postgres"].Condition; got != "service_healthy" {
			t.Errorf("%s: depends on postgres with condition %q, want service_healthy", name, got)
		}
		url := svc.Environment["TALKSBOT_DATABASE_URL"]
		if !strings.HasPrefix(url, "postgres://") || !strings.Contains(url, "@postgres:5432/"+pg.Environment["POSTGRES_DB"]) ||
			!strings.Contains(url, "${TALKSBOT_DB_PASSWORD") || !strings.Contains(pg.Environment["POSTGRES_PASSWORD"], "${TALKSBOT_DB_PASSWORD") {
			t.Errorf("%s: TALKSBOT_DATABASE_URL %q, want the postgres service's database with TALKSBOT_DB_PASSWORD", name, url)
		}
		checkEnvironment(t, name, svc.Environment, vars)
		if !strings.Contains(svc.Environment["TALKSBOT_TRUSTED_PROXIES"], proxyAddress(t, proxy)) {
			t.Errorf("%s: TALKSBOT_TRUSTED_PROXIES %q, want the proxy's address %s", name, svc.Environment["TALKSBOT_TRUSTED_PROXIES"], proxyAddress(t, proxy))
		}
		for _, v := range svc.Volumes {
			if strings.HasSuffix(v, ":/data") {
				dataVolumes[strings.TrimSuffix(v, ":/data")] = true
			}
		}
		if _, ok := proxy.DependsOn[name]; !ok {
			t.Errorf("proxy: does not depend on %s", name)
		}
		if len(svc.Ports) != 0 {
			t.Errorf("%s: publishes %v: only the proxy is reached from outside", name, svc.Ports)
		}
	}
	if len(dataVolumes) != len(replicas) {
		t.Errorf("replicas' state volumes %v, want one of its own each", dataVolumes)
	}
	if !slices.Equal(proxy.Ports, compose.Services["talksbot"].Ports) {
		t.Errorf("proxy: ports %v, want the single service's %v", proxy.Ports, compose.Services["talksbot"].Ports)
	}
	if proxy.Healthcheck == nil || !strings.Contains(strings.Join(proxy.Healthcheck.Test, " "), "/healthz") {
		t.Errorf("proxy: healthcheck %+v, want one fetching /healthz through it", proxy.Healthcheck)
	}

	// nginx sends to both replicas, on the port they listen on.
	conf := ""
	for _, v := range proxy.Volumes {
		if src, _, ok := strings.Cut(v, ":"); ok && strings.HasSuffix(src, ".conf") {
			conf = repoFile(t, strings.TrimPrefix(src, "./"))
		}
	}
	if conf == "" {
		t.Fatalf("proxy: volumes %v, want an nginx .conf from this repository", proxy.Volumes)
	}
	for _, name := range replicas {
		if !strings.Contains(conf, "server "+name+":8080") {
			t.Errorf("the nginx config has no upstream %s:8080", name)
		}
	}
	for _, want := range []string{"listen 8080;", "proxy_pass http://talksbot;", "X-Forwarded-For"} {
		if !strings.Contains(conf, want) {
			t.Errorf("the nginx config lacks %q", want)
		}
	}
}

// proxyAddress is the fixed address the proxy has on the scale network.
func proxyAddress(t *testing.T, proxy composeService) string {
	t.Helper()
	nets, ok := proxy.Networks.(map[string]any)
	if !ok {
		t.Fatalf("proxy: networks %v, want a map giving its address", proxy.Networks)
	}
	for _, n := range nets {
		if m, ok := n.(map[string]any); ok {
			if addr, ok := m["ipv4_address"].(string); ok {
				return addr
			}
		}
	}
	t.Fatalf("proxy: networks %v, want an ipv4_address", proxy.Networks)
	return ""
}

func TestDockerfile(t *testing.T) {
	df := repoFile(t, "Dockerfile")
	ci := repoFile(t, ".ci/run")
	for _, want := range []string{
		"FROM golang:1.26 AS build",
		"CGO_ENABLED=0 go build -trimpath",
		"-X main.version=",
		"gcr.io/distroless/static-debian12:nonroot",
		"USER nonroot",
		`VOLUME ["/data", "/docs"]`,
		"TALKSBOT_DATA=/data",
		"TALKSBOT_DOCS=/docs",
		"TALKSBOT_HTTP_ADDR=0.0.0.0:8080",
		"EXPOSE 8080",
		`CMD ["serve"]`,
	} {
		if !strings.Contains(df, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	// CI builds the binary the way the Dockerfile does.
	if !strings.Contains(ci, "CGO_ENABLED=0 go build -trimpath") {
		t.Error(".ci/run does not check the Dockerfile's static build")
	}
	example := repoFile(t, "deploy/talksbot.env.example")
	for _, line := range strings.Split(example, "\n") {
		line = strings.TrimPrefix(strings.TrimSpace(line), "#")
		k, _, ok := strings.Cut(line, "=")
		if !ok || strings.ContainsAny(k, " ") {
			continue
		}
		if !slices.ContainsFunc(config.Keys(), func(key config.Key) bool { return key.Name == k }) {
			t.Errorf("deploy/talksbot.env.example names unknown key %s", k)
		}
	}
}
