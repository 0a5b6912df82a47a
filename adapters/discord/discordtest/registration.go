package discordtest

import "encoding/json"

// Command is an application command as the fake accepted it in a bulk
// overwrite.
type Command struct {
	// Type is 1 for a slash command, 2 for a user and 3 for a message
	// context menu command; 0 when the registration left it out (a slash
	// command).
	Type        int
	Name        string
	Description string
	// IntegrationTypes and Contexts are the lists as registered: nil when
	// left out, so that Discord's defaults apply.
	IntegrationTypes []int
	Contexts         []int
	// GuildID is the guild the command was registered in; "" for a global
	// command.
	GuildID string
	// Raw is the command as the application sent it, with the id,
	// application_id and version the fake gave it.
	Raw json.RawMessage
}

// Commands returns the commands of the last accepted bulk overwrite in a
// scope: guildID's, or the global one for "". It is nil until one was
// accepted.
func (s *Server) Commands(guildID string) []Command {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Command(nil), s.commands[guildID]...)
}

// recordCommand reads an accepted command for Commands.
func recordCommand(cmd map[string]any, guildID string) Command {
	raw := mustJSON(cmd)
	var in struct {
		Type             int    `json:"type"`
		Name             string `json:"name"`
		Description      string `json:"description"`
		IntegrationTypes []int  `json:"integration_types"`
		Contexts         []int  `json:"contexts"`
	}
	_ = json.Unmarshal(raw, &in) // checkCommands has decoded the same body
	return Command{
		Type: in.Type, Name: in.Name, Description: in.Description,
		IntegrationTypes: in.IntegrationTypes, Contexts: in.Contexts,
		GuildID: guildID, Raw: raw,
	}
}
