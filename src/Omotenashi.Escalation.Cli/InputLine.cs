using System.Globalization;
using System.Text.Json;

namespace Omotenashi.Escalation.Cli;

/// <summary>One parsed input line of the JSON Lines contract.</summary>
internal sealed record InputLine(string Id, string Conversation, string Text, bool IsBot, CustomerTurn Turn, JsonElement? Gold)
{
    /// <summary>Parses a line; returns an error message naming the field when the line is not valid.</summary>
    public static InputLine? TryParse(string line, int lineNumber, out string? error, bool keepGold = false)
    {
        error = null;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            error = $"line {lineNumber}: invalid JSON: {ex.Message}";
            return null;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = $"line {lineNumber}: expected a JSON object, found {root.ValueKind}";
                return null;
            }

            string? id = null, conversation = null, text = null, language = null, role = null, channel = null;
            DateTimeOffset? timestamp = null;
            double? botConfidence = null;
            bool botFallback = false;
            JsonElement? gold = null;
            foreach (var p in root.EnumerateObject())
            {
                var v = p.Value;
                switch (p.Name)
                {
                    case "id":
                        id = v.ValueKind switch
                        {
                            JsonValueKind.String => v.GetString(),
                            JsonValueKind.Number => v.GetRawText(),
                            JsonValueKind.Null => null,
                            _ => Fail(ref error, lineNumber, "id", "must be a string or a number"),
                        };
                        break;
                    case "conversation":
                        conversation = v.ValueKind switch
                        {
                            JsonValueKind.String => v.GetString(),
                            JsonValueKind.Number => v.GetRawText(),
                            JsonValueKind.Null => null,
                            _ => Fail(ref error, lineNumber, "conversation", "must be a string or a number"),
                        };
                        break;
                    case "text":
                        text = v.ValueKind == JsonValueKind.String ? v.GetString() : Fail(ref error, lineNumber, "text", "must be a string");
                        break;
                    case "language":
                        language = v.ValueKind switch
                        {
                            JsonValueKind.String => v.GetString(),
                            JsonValueKind.Null => null,
                            _ => Fail(ref error, lineNumber, "language", "must be a BCP-47 string such as \"ja\""),
                        };
                        break;
                    case "role":
                        role = v.ValueKind switch
                        {
                            JsonValueKind.String => v.GetString(),
                            JsonValueKind.Null => null,
                            _ => Fail(ref error, lineNumber, "role", "must be a string (\"bot\" or \"customer\")"),
                        };
                        break;
                    case "channel":
                        channel = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                        break;
                    case "timestamp":
                        if (v.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ts))
                        {
                            timestamp = ts;
                        }
                        else if (v.ValueKind != JsonValueKind.Null)
                        {
                            Fail(ref error, lineNumber, "timestamp", "must be an ISO 8601 date and time");
                        }

                        break;
                    case "botConfidence":
                        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double c) && c >= 0 && c <= 1)
                        {
                            botConfidence = c;
                        }
                        else if (v.ValueKind != JsonValueKind.Null)
                        {
                            Fail(ref error, lineNumber, "botConfidence", "must be a number in [0, 1]");
                        }

                        break;
                    case "botFallback":
                        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
                        {
                            botFallback = v.GetBoolean();
                        }
                        else if (v.ValueKind != JsonValueKind.Null)
                        {
                            Fail(ref error, lineNumber, "botFallback", "must be true or false");
                        }

                        break;
                    case "gold":
                        if (keepGold)
                        {
                            gold = v.Clone();
                        }

                        break;
                    default:
                        break; // unknown fields are ignored by contract
                }

                if (error is not null)
                {
                    return null;
                }
            }

            if (text is null)
            {
                error = $"line {lineNumber}: field 'text': is required";
                return null;
            }

            id ??= "line-" + lineNumber.ToString(CultureInfo.InvariantCulture);
            conversation ??= id;
            bool isBot = role is not null && !role.Equals("customer", StringComparison.OrdinalIgnoreCase) && !role.Equals("user", StringComparison.OrdinalIgnoreCase);
            var turn = new CustomerTurn(text)
            {
                Language = language,
                Channel = ParseChannel(channel),
                Timestamp = timestamp,
                BotConfidence = botConfidence,
                BotFallback = botFallback,
            };
            return new InputLine(id, conversation, text, isBot, turn, gold);
        }
    }

    private static string? Fail(ref string? error, int lineNumber, string field, string message)
    {
        error = $"line {lineNumber}: field '{field}': {message}";
        return null;
    }

    private static TurnChannel ParseChannel(string? name) => name?.ToLowerInvariant() switch
    {
        null or "chat" or "web" => TurnChannel.Chat,
        "phone" or "voice" => TurnChannel.Phone,
        "email" or "e-mail" or "mail" => TurnChannel.Email,
        "sms" or "messaging" or "messenger" => TurnChannel.Messaging,
        "social" => TurnChannel.Social,
        _ => TurnChannel.Other,
    };
}
