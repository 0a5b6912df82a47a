package main

import (
	"os"
	"path/filepath"
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

func TestComposeFile(t *testing.T) {
	var compose struct {
		Services map[string]struct {
			Build       any               `yaml:"build"`
			EnvFile     []string          `yaml:"env_file"`
			Environment map[string]string `yaml:"environment"`
			Volumes     []string          `yaml:"volumes"`
			Ports       []string          `yaml:"ports"`
		} `yaml:"services"`
		Volumes map[string]any `yaml:"volumes"`
	}
	if err := yaml.Unmarshal([]byte(repoFile(t, "docker-compose.yml")), &compose); err != nil {
		t.Fatalf("docker-compose.yml is not valid YAML: %v", err)
	}
	svc, ok := compose.Services["talksbot"]
	if !ok {
		t.Fatalf("got services %v, want talksbot", compose.Services)
	}
	if svc.Build == nil || len(svc.EnvFile) == 0 {
		t.Errorf("got build %v env_file %v, want both", svc.Build, svc.EnvFile)
	}
	var mounts []string
	for _, v := range svc.Volumes {
		parts := strings.Split(v, ":")
		if len(parts) >= 2 {
			mounts = append(mounts, parts[1])
		}
	}
	for _, want := range []string{"/data", "/docs"} {
		if !slices.Contains(mounts, want) {
			t.Errorf("got volumes %v, want one on %s", svc.Volumes, want)
		}
	}
	if _, ok := compose.Volumes["talksbot-data"]; !ok {
		t.Errorf("got top-level volumes %v, want talksbot-data", compose.Volumes)
	}
	// Every setting the file names must exist and be valid.
	src := config.Sources{Env: func(k string) (string, bool) { v, ok := svc.Environment[k]; return v, ok }}
	for k := range svc.Environment {
		if !slices.ContainsFunc(config.Keys(), func(key config.Key) bool { return key.Name == k }) {
			t.Errorf("environment sets unknown key %s", k)
		}
	}
	if _, err := config.Load(src); err != nil && !strings.Contains(err.Error(), "TALKSBOT_DOCS") {
		// /docs does not exist outside the container; anything else is a mistake.
		t.Errorf("environment does not validate: %v", err)
	}
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
