package config

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest config file Load reads.
const MaxFileSize = 1 << 20

// Sources are where Load reads settings from, besides the defaults.
type Sources struct {
	// File is a YAML file of lower-case keys, e.g. "slack_bot_token: xoxb-...";
	// "" for none.
	File string
	// Env looks up environment variables, typically os.LookupEnv; nil for
	// none. A variable set to the empty string counts as unset.
	Env func(name string) (string, bool)
	// Flags holds values given on the command line, by key name (e.g.
	// "TALKSBOT_DOCS" for --docs).
	Flags map[string]string
}

// Load reads the settings with the precedence defaults < file < environment
// < flags, then validates every one of them on its own. On error the
// returned Config still holds every value that was read, so it can be
// printed, and every valid one in its field (an invalid key's field is
// left zero), and the error joins one error per problem: each *KeyError
// names the key, the value and the rule; a file error names the file and,
// for YAML problems, the line.
//
// Rules that relate several keys, such as which Slack tokens SLACK_MODE
// needs or the Discord shard bounds, belong to the adapters the keys
// configure: their Options.Validate judges them.
func Load(src Sources) (Config, error) {
	raw := make(map[string]string, len(table))
	from := make(map[string]Source, len(table))
	for _, k := range table {
		raw[k.name], from[k.name] = k.def, SourceDefault
	}

	var errs []error
	if src.File != "" {
		vals, err := readFile(src.File)
		errs = append(errs, err...)
		for name, v := range vals {
			raw[name], from[name] = v, SourceFile
		}
	}
	if src.Env != nil {
		for _, k := range table {
			if v, ok := src.Env(k.name); ok && v != "" {
				raw[k.name], from[k.name] = v, SourceEnv
			}
		}
	}
	for name, v := range src.Flags {
		if _, ok := lookup(name); !ok {
			errs = append(errs, fmt.Errorf("flag sets unknown key %s", name))
			continue
		}
		raw[name], from[name] = v, SourceFlag
	}

	var c Config
	for _, k := range table {
		if err := k.set(&c, raw[k.name]); err != nil {
			errs = append(errs, &KeyError{Key: k.name, Value: shown(k, raw[k.name]), Rule: err.Error()})
		}
		v := raw[k.name]
		switch {
		case k.secret && v != "" && k.show != nil:
			v = k.show(v)
		case k.secret && v != "":
			v = Redacted
		}
		c.settings = append(c.settings, Setting{Key: k.name, Value: v, Source: from[k.name], Secret: k.secret})
	}
	return c, errors.Join(errs...)
}

// shown is how a value appears in an error message: as given, or for a
// secret only its type prefix ("xoxb-…"), which is what a wrong-token mistake
// needs and reveals nothing, or what the key shows of it (a database URL
// without its password).
func shown(k key, v string) string {
	if !k.secret || v == "" {
		return v
	}
	if k.show != nil {
		return k.show(v)
	}
	if i := strings.IndexByte(v, '-'); i > 0 && i <= 5 && isLowerASCII(v[:i]) {
		return v[:i+1] + "…"
	}
	return "…"
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// readFile reads a YAML config file into raw values by key name. Unknown,
// repeated or non-scalar keys are errors naming the file and the line.
func readFile(path string) (map[string]string, []error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, []error{fmt.Errorf("config file: %w", err)}
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, []error{fmt.Errorf("config file %s: is a folder, not a file", path)}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, []error{fmt.Errorf("config file %s: %w", path, err)}
	}
	if len(data) > MaxFileSize {
		return nil, []error{fmt.Errorf("config file %s: larger than %d bytes", path, MaxFileSize)}
	}

	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, []error{fmt.Errorf("config file %s: %v", path, err)}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil // an empty file sets nothing
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, []error{fmt.Errorf("config file %s: line %d: must be a mapping of keys to values", path, root.Line)}
	}

	vals := make(map[string]string)
	firstLine := make(map[string]int)
	var errs []error
	for i := 0; i+1 < len(root.Content); i += 2 {
		kn, vn := root.Content[i], root.Content[i+1]
		name := strings.ToUpper(kn.Value)
		if _, ok := lookup(name); !ok || kn.Kind != yaml.ScalarNode || kn.Value != strings.ToLower(kn.Value) {
			errs = append(errs, fmt.Errorf("config file %s: line %d: unknown key %q%s", path, kn.Line, kn.Value, hint(kn.Value)))
			continue
		}
		if l, ok := firstLine[name]; ok {
			errs = append(errs, fmt.Errorf("config file %s: line %d: key %q repeated (first on line %d)", path, kn.Line, kn.Value, l))
			continue
		}
		firstLine[name] = kn.Line
		if vn.Kind != yaml.ScalarNode {
			errs = append(errs, fmt.Errorf("config file %s: line %d: %s must be a single value, not a list or mapping", path, vn.Line, kn.Value))
			continue
		}
		v := vn.Value
		if vn.Tag == "!!null" {
			v = ""
		}
		vals[name] = v
	}
	return vals, errs
}

// hint suggests the lower-case spelling of a known key written otherwise.
func hint(s string) string {
	if _, ok := lookup(strings.ToUpper(s)); ok && s != strings.ToLower(s) {
		return fmt.Sprintf(" (keys are lower case: %q)", strings.ToLower(s))
	}
	return ""
}
