package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Discord's limits, in characters unless said otherwise.
const (
	maxContent       = 2000
	maxEmbeds        = 10
	maxEmbedTitle    = 256
	maxDescription   = 4096
	maxFields        = 25
	maxFieldName     = 256
	maxFieldValue    = 1024
	maxFooter        = 2048
	maxAuthor        = 256
	maxEmbedTotal    = 6000 // across every embed of a message
	maxRows          = 5
	maxRowItems      = 5
	maxCustomID      = 100
	maxButtonLabel   = 80
	maxChoices       = 25
	maxChoiceText    = 100
	maxCommands      = 100
	maxOptions       = 25
	maxDescriptionCm = 100
)

// problem is one rejected field: its dotted path, Discord's error code and
// message.
type problem struct{ path, code, message string }

type problems []problem

func (ps *problems) add(path, code, format string, args ...any) {
	*ps = append(*ps, problem{path: path, code: code, message: fmt.Sprintf(format, args...)})
}

func (ps *problems) tooLong(path string, got, limit int) {
	if got > limit {
		ps.add(path, "BASE_TYPE_MAX_LENGTH", "Must be %d or fewer in length.", limit)
	}
}

// formError is Discord's 400 answer to an invalid body: code 50035 with the
// offending fields nested by path.
func formError(ps problems) (int, []byte) {
	errs := map[string]any{}
	for _, p := range ps {
		node := errs
		for _, key := range strings.Split(p.path, ".") {
			next, ok := node[key].(map[string]any)
			if !ok {
				next = map[string]any{}
				node[key] = next
			}
			node = next
		}
		list, _ := node["_errors"].([]any)
		node["_errors"] = append(list, map[string]any{"code": p.code, "message": p.message})
	}
	return http.StatusBadRequest, mustJSON(map[string]any{"code": 50035, "message": "Invalid Form Body", "errors": errs})
}

type embedIn struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	Fields      []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
	Footer *struct {
		Text string `json:"text"`
	} `json:"footer"`
	Author *struct {
		Name string `json:"name"`
	} `json:"author"`
}

type componentIn struct {
	Type       int           `json:"type"`
	Style      int           `json:"style"`
	CustomID   string        `json:"custom_id"`
	Label      string        `json:"label"`
	URL        string        `json:"url"`
	Components []componentIn `json:"components"`
}

type messageIn struct {
	Content    *string       `json:"content"`
	Embeds     []embedIn     `json:"embeds"`
	Components []componentIn `json:"components"`
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// checkMessage checks a message body against Discord's limits; create also
// refuses an empty message. It returns status 0 when the body is fine.
func checkMessage(body []byte, create bool) (int, []byte) {
	var m messageIn
	if len(body) == 0 || json.Unmarshal(body, &m) != nil {
		return formError(problems{{"_root", "MODEL_TYPE_CONVERT", "Invalid JSON"}})
	}
	var ps problems
	if m.Content != nil {
		ps.tooLong("content", runes(*m.Content), maxContent)
	}
	ps.tooLong("embeds", len(m.Embeds), maxEmbeds)
	total := 0
	for i, e := range m.Embeds {
		at := fmt.Sprintf("embeds.%d.", i)
		ps.tooLong(at+"title", runes(e.Title), maxEmbedTitle)
		ps.tooLong(at+"description", runes(e.Description), maxDescription)
		ps.tooLong(at+"fields", len(e.Fields), maxFields)
		total += runes(e.Title) + runes(e.Description)
		for j, f := range e.Fields {
			fat := fmt.Sprintf("%sfields.%d.", at, j)
			if f.Name == "" {
				ps.add(fat+"name", "BASE_TYPE_REQUIRED", "This field is required")
			}
			if f.Value == "" {
				ps.add(fat+"value", "BASE_TYPE_REQUIRED", "This field is required")
			}
			ps.tooLong(fat+"name", runes(f.Name), maxFieldName)
			ps.tooLong(fat+"value", runes(f.Value), maxFieldValue)
			total += runes(f.Name) + runes(f.Value)
		}
		if e.Footer != nil {
			ps.tooLong(at+"footer.text", runes(e.Footer.Text), maxFooter)
			total += runes(e.Footer.Text)
		}
		if e.Author != nil {
			ps.tooLong(at+"author.name", runes(e.Author.Name), maxAuthor)
			total += runes(e.Author.Name)
		}
	}
	if total > maxEmbedTotal {
		ps.add("embeds", "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of %d", maxEmbedTotal)
	}
	checkComponents(&ps, m.Components)
	if len(ps) > 0 {
		return formError(ps)
	}
	if create && stateOf(body, messageState{}).empty() {
		return http.StatusBadRequest, apiError(50006, "Cannot send an empty message")
	}
	return 0, nil
}

func checkComponents(ps *problems, rows []componentIn) {
	ps.tooLong("components", len(rows), maxRows)
	seen := map[string]bool{}
	for i, row := range rows {
		at := fmt.Sprintf("components.%d.", i)
		if row.Type != 1 {
			ps.add(at+"type", "BASE_TYPE_CHOICES", "Top-level components must be action rows (type 1)")
			continue
		}
		if len(row.Components) == 0 {
			ps.add(at+"components", "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length.")
		}
		ps.tooLong(at+"components", len(row.Components), maxRowItems)
		for j, c := range row.Components {
			cat := fmt.Sprintf("%scomponents.%d.", at, j)
			ps.tooLong(cat+"label", runes(c.Label), maxButtonLabel)
			if c.Type == 2 && c.Style == 5 {
				if c.URL == "" {
					ps.add(cat+"url", "BASE_TYPE_REQUIRED", "This field is required")
				}
				continue
			}
			if c.CustomID == "" {
				ps.add(cat+"custom_id", "BASE_TYPE_REQUIRED", "This field is required")
			}
			ps.tooLong(cat+"custom_id", runes(c.CustomID), maxCustomID)
			if seen[c.CustomID] {
				ps.add(cat+"custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated")
			}
			seen[c.CustomID] = true
		}
	}
}

// stateOf applies the fields present in a message body to prev.
func stateOf(body []byte, prev messageState) messageState {
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil {
		return prev
	}
	if raw, ok := m["content"]; ok {
		var s string
		_ = json.Unmarshal(raw, &s) // null clears the content
		prev.content = s
	}
	if raw, ok := m["embeds"]; ok {
		prev.embeds = raw
	}
	if raw, ok := m["components"]; ok {
		prev.components = raw
	}
	return prev
}

// checkChoices checks an autocomplete result.
func checkChoices(data []byte) problems {
	var d struct {
		Choices []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"choices"`
	}
	if json.Unmarshal(data, &d) != nil {
		return problems{{"data", "MODEL_TYPE_CONVERT", "Invalid JSON"}}
	}
	var ps problems
	ps.tooLong("data.choices", len(d.Choices), maxChoices)
	for i, c := range d.Choices {
		at := fmt.Sprintf("data.choices.%d.", i)
		if c.Name == "" {
			ps.add(at+"name", "BASE_TYPE_REQUIRED", "This field is required")
		}
		ps.tooLong(at+"name", runes(c.Name), maxChoiceText)
		if v, ok := c.Value.(string); ok {
			ps.tooLong(at+"value", runes(v), maxChoiceText)
		}
	}
	return ps
}

// chatName is what Discord accepts as a slash command's or an option's
// name; menuName as a context menu command's.
var (
	chatName = regexp.MustCompile(`^[-_\p{L}\p{N}]{1,32}$`)
	menuName = regexp.MustCompile(`^[^\x00-\x1f]{1,32}$`)
)

// Application command types, integration types and contexts Discord knows.
const (
	chatCommand    = 1
	userCommand    = 2
	messageCommand = 3
	// maxMenuCommands is how many user, and how many message, context menu
	// commands an application may have in one scope.
	maxMenuCommands = 5
)

var (
	integrationTypes = map[int]bool{0: true, 1: true}          // guild install, user install
	contexts         = map[int]bool{0: true, 1: true, 2: true} // guild, bot DM, private channel
)

type commandIn struct {
	Type             int         `json:"type"`
	Name             string      `json:"name"`
	Description      string      `json:"description"`
	MaxLength        int         `json:"max_length"`
	Options          []commandIn `json:"options"`
	IntegrationTypes *[]int      `json:"integration_types"`
	Contexts         *[]int      `json:"contexts"`
}

// checkCommands checks a bulk overwrite of application commands.
func checkCommands(body []byte) problems {
	var cmds []commandIn
	if json.Unmarshal(body, &cmds) != nil {
		return problems{{"_root", "MODEL_TYPE_CONVERT", "Invalid JSON"}}
	}
	var ps problems
	ps.tooLong("_root", len(cmds), maxCommands)
	var check func(at string, c commandIn)
	check = func(at string, c commandIn) {
		if !chatName.MatchString(c.Name) || strings.ToLower(c.Name) != c.Name {
			ps.add(at+"name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
		}
		if c.Description == "" {
			ps.add(at+"description", "BASE_TYPE_REQUIRED", "This field is required")
		}
		ps.tooLong(at+"description", runes(c.Description), maxDescriptionCm)
		if c.MaxLength > 6000 {
			ps.add(at+"max_length", "NUMBER_TYPE_MAX", "int value should be less than or equal to 6000.")
		}
		ps.tooLong(at+"options", len(c.Options), maxOptions)
		for i, o := range c.Options {
			check(fmt.Sprintf("%soptions.%d.", at, i), o)
		}
	}
	seen := map[string]bool{}
	menus := map[int]int{}
	for i, c := range cmds {
		at := fmt.Sprintf("%d.", i)
		switch c.Type {
		case 0, chatCommand:
			check(at, c)
		case userCommand, messageCommand:
			// A context menu command is named as users see it, capitals
			// and spaces included, and has no description or options.
			if !menuName.MatchString(c.Name) {
				ps.add(at+"name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
			}
			if c.Description != "" {
				ps.add(at+"description", "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION", "Context menu commands cannot have description")
			}
			if len(c.Options) > 0 {
				ps.add(at+"options", "APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED", "Context menu commands cannot have options")
			}
			if menus[c.Type]++; menus[c.Type] == maxMenuCommands+1 {
				ps.add(at+"type", "APPLICATION_COMMANDS_TOO_MANY", "Maximum number of application commands of this type reached (%d)", maxMenuCommands)
			}
		default:
			ps.add(at+"type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3}; got %d.", c.Type)
		}
		checkEnum(&ps, at+"integration_types", c.IntegrationTypes, integrationTypes, "{0, 1}")
		checkEnum(&ps, at+"contexts", c.Contexts, contexts, "{0, 1, 2}")
		kind := max(c.Type, chatCommand)
		key := fmt.Sprint(kind, ":", c.Name)
		if seen[key] {
			ps.add(at+"name", "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique")
		}
		seen[key] = true
	}
	return ps
}

// checkEnum checks a list of enumerated values: each must be known, once.
func checkEnum(ps *problems, at string, list *[]int, known map[int]bool, names string) {
	if list == nil {
		return
	}
	seen := map[int]bool{}
	for i, v := range *list {
		if !known[v] {
			ps.add(fmt.Sprintf("%s.%d", at, i), "BASE_TYPE_CHOICES", "Value must be one of %s; got %d.", names, v)
		} else if seen[v] {
			ps.add(fmt.Sprintf("%s.%d", at, i), "SET_TYPE_ALREADY_CONTAINS_VALUE", "The set already contains this value")
		}
		seen[v] = true
	}
}
