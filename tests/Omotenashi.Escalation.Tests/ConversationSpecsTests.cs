using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Omotenashi.Escalation.Tests;

/// <summary>
/// The multi-turn corpus of issue 6: <c>Specs/conversations.jsonl</c>, JSON Lines, one turn a line:
/// <c>{conversation, language, role: customer|bot, text, policy?, route?, reason?, protocol?, urgency?, timestamp?, botFallback?}</c>.
/// Lines of a conversation are contiguous and in order; <c>policy</c> (a preset name, default Balanced) sits on the
/// first line. Every conversation is replayed through an engine built with its policy: bot lines through
/// <see cref="EscalationEngine.ObserveBotTurn"/> (fallback detected from the text unless <c>botFallback</c> is true),
/// customer lines through <see cref="EscalationEngine.Decide(in CustomerTurn, ConversationState?)"/>, and each
/// customer turn must give the expected route and, when given, reason code, protocol action and urgency.
/// Conversations the engine does not follow yet live in <c>Specs/conversation-gaps.jsonl</c> (same format, plus
/// <c>gap</c>: the engine's output when the case was recorded, and a <c>note</c>).
/// </summary>
public class ConversationSpecsTests
{
    private const string CorpusFile = "conversations.jsonl";
    private const string GapsFile = "conversation-gaps.jsonl";
    private static readonly string[] Languages = ["en", "ja", "de", "ru", "sv"];
    private static readonly ConcurrentDictionary<string, EscalationEngine> Engines = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, IReadOnlyList<SpecConversation>> Files = new(StringComparer.Ordinal);
    private static readonly HashSet<string> KnownReasonCodes = typeof(ReasonCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    public static TheoryData<string> Conversations() => Ids(CorpusFile);

    public static TheoryData<string> Gaps() => Ids(GapsFile);

    [Theory]
    [MemberData(nameof(Conversations))]
    public void Conversation_FollowsTheSpec(string conversation)
    {
        var failures = Replay(Find(CorpusFile, conversation), out _);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>A known gap that starts following its spec is good news: move it to the corpus.</summary>
    [Theory]
    [MemberData(nameof(Gaps))]
    public void KnownGap_IsStillOpen(string conversation)
    {
        var spec = Find(GapsFile, conversation);
        Assert.True(spec.Turns.Any(t => t.Gap is not null), $"{GapsFile}:{spec.Turns[0].Line}: {conversation} has no turn marked \"gap\"");
        var failures = Replay(spec, out string transcript);
        Assert.True(failures.Count > 0, $"{GapsFile}:{spec.Turns[0].Line}: {conversation} now follows its spec; move it to {CorpusFile} (drop \"gap\" and \"note\").{Environment.NewLine}{transcript}");
    }

    [Fact]
    public void Corpus_CoversFiveLanguagesWithEnoughConversations()
    {
        var corpus = Load(CorpusFile);
        Assert.True(corpus.Count >= 60, $"{CorpusFile}: {corpus.Count} conversations, expected at least 60");
        foreach (string language in Languages)
        {
            int n = corpus.Count(c => c.Language == language);
            Assert.True(n >= 12, $"{CorpusFile}: {n} conversations in '{language}', expected at least 12");
        }

        foreach (var c in corpus.Concat(Load(GapsFile)))
        {
            Assert.True(c.Turns.Count is >= 3 and <= 8, $"{c.File}:{c.Turns[0].Line}: {c.Id} has {c.Turns.Count} turns, expected 3 to 8");
        }
    }

    /// <summary>
    /// <c>&lt;lang&gt;-policy-omotenashi-N</c> and <c>&lt;lang&gt;-policy-transactional-N</c> are the same conversation under
    /// two presets, and the expectations say Omotenashi hands over first (the replay checks the engine agrees).
    /// </summary>
    [Fact]
    public void PolicyPairs_AreTheSameConversation_AndOmotenashiHandsOverEarlier()
    {
        var corpus = Load(CorpusFile).ToDictionary(c => c.Id, StringComparer.Ordinal);
        int pairs = 0;
        foreach (var omotenashi in corpus.Values.Where(c => c.Id.Contains("-policy-omotenashi-", StringComparison.Ordinal)))
        {
            string twin = omotenashi.Id.Replace("-policy-omotenashi-", "-policy-transactional-", StringComparison.Ordinal);
            Assert.True(corpus.TryGetValue(twin, out var transactional), $"{CorpusFile}: {omotenashi.Id} has no twin {twin}");
            Assert.Equal("Omotenashi", omotenashi.Policy);
            Assert.Equal("Transactional", transactional!.Policy);
            Assert.Equal(omotenashi.Turns.Select(t => (t.Role, t.Text)), transactional.Turns.Select(t => (t.Role, t.Text)));
            int first = FirstHumanTurn(omotenashi);
            int firstTransactional = FirstHumanTurn(transactional);
            Assert.True(first >= 0 && (firstTransactional < 0 || first < firstTransactional), $"{CorpusFile}: {omotenashi.Id} must hand over before {twin} (turn {first + 1} vs {firstTransactional + 1})");
            pairs++;
        }

        Assert.True(pairs >= Languages.Length, $"{CorpusFile}: {pairs} Omotenashi/Transactional pairs, expected one per language");

        static int FirstHumanTurn(SpecConversation c)
        {
            for (int i = 0; i < c.Turns.Count; i++)
            {
                if (c.Turns[i].Route == "human")
                {
                    return i;
                }
            }

            return -1;
        }
    }

    private static List<string> Replay(SpecConversation spec, out string transcript)
    {
        var engine = Engines.GetOrAdd(spec.Policy, static name => new EscalationEngineBuilder().UsePolicy(name).Build());
        var failures = new List<string>();
        var log = new StringBuilder();
        var state = ConversationState.Initial;
        for (int i = 0; i < spec.Turns.Count; i++)
        {
            var t = spec.Turns[i];
            if (t.Role == "bot")
            {
                state = engine.ObserveBotTurn(t.Text, state, t.BotFallback ? true : null);
                log.AppendLine(CultureInfo.InvariantCulture, $"  turn {i + 1} bot: {t.Text} (fallback: {state.LastBotTurnWasFallback})");
                continue;
            }

            var d = engine.Decide(new CustomerTurn(t.Text) { Language = t.Language, Timestamp = t.Timestamp }, state);
            state = d.State;
            string route = d.Route switch { Route.Bot => "bot", Route.Human => "human", _ => "kasuhara" };
            string got = $"{route} [{string.Join(", ", d.Reasons.Select(r => r.Code))}] protocol={d.KasuHara.Action} urgency={d.Urgency} h={d.Harassment:0.00} f={d.Frustration:0.00} s={d.Sentiment:0.00}";
            log.AppendLine(CultureInfo.InvariantCulture, $"  turn {i + 1} customer: {t.Text} -> {got}");
            bool ok = t.Route == route
                && (t.Reason is null || d.Reasons.Contains(t.Reason))
                && (t.Protocol is null || t.Protocol == d.KasuHara.Action)
                && (t.Urgency is null || t.Urgency == d.Urgency);
            if (!ok)
            {
                string expected = t.Route
                    + (t.Reason is null ? string.Empty : "/" + t.Reason)
                    + (t.Protocol is null ? string.Empty : $" protocol={t.Protocol}")
                    + (t.Urgency is null ? string.Empty : $" urgency={t.Urgency}");
                failures.Add($"{spec.File}:{t.Line}: {spec.Id} turn {i + 1} ({spec.Policy}): '{t.Text}' expected {expected}, got {got}");
            }
        }

        transcript = log.ToString();
        return failures;
    }

    private static TheoryData<string> Ids(string file)
    {
        var data = new TheoryData<string>();
        foreach (var c in Load(file))
        {
            data.Add(c.Id);
        }

        return data;
    }

    private static SpecConversation Find(string file, string id) => Load(file).Single(c => c.Id == id);

    private static IReadOnlyList<SpecConversation> Load(string file) => Files.GetOrAdd(file, static f => Parse(f));

    /// <summary>Parses and validates a corpus file; a malformed line fails with file, line and field.</summary>
    private static List<SpecConversation> Parse(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Specs", file);
        var conversations = new List<SpecConversation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int n = 0;
        foreach (string line in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string where = $"{file}:{n}";
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            string id = Required(root, "conversation", where);
            string role = Required(root, "role", where);
            string text = Required(root, "text", where);
            string? language = Optional(root, "language");
            string? policy = Optional(root, "policy");
            bool botFallback = root.TryGetProperty("botFallback", out var fb) && fb.GetBoolean();
            DateTimeOffset? timestamp = Optional(root, "timestamp") is { } ts ? DateTimeOffset.Parse(ts, CultureInfo.InvariantCulture) : null;

            if (conversations.Count == 0 || conversations[^1].Id != id)
            {
                Assert.True(seen.Add(id), $"{where}: conversation '{id}' appears again after other conversations; keep its lines together");
                string name = policy ?? "Balanced";
                Assert.True(EscalationPolicy.GetPreset(name) is not null, $"{where}: field 'policy': unknown preset '{name}'");
                conversations.Add(new SpecConversation(file, id, name, language, []));
            }
            else
            {
                Assert.True(policy is null || policy == conversations[^1].Policy, $"{where}: field 'policy': set it on the first line of '{id}' only");
            }

            string? route = null, reason = null;
            ProtocolAction? protocol = null;
            Urgency? urgency = null;
            if (role == "customer")
            {
                route = Required(root, "route", where);
                Assert.True(route is "bot" or "human" or "kasuhara", $"{where}: field 'route': '{route}' is not bot, human or kasuhara");
                reason = Optional(root, "reason");
                Assert.True(reason is null || KnownReasonCodes.Contains(reason), $"{where}: field 'reason': '{reason}' is not a reason code");
                protocol = Optional(root, "protocol") is { } p ? Enum.Parse<ProtocolAction>(p) : null;
                urgency = Optional(root, "urgency") is { } u ? Enum.Parse<Urgency>(u) : null;
            }
            else
            {
                Assert.True(role == "bot", $"{where}: field 'role': '{role}' is not customer or bot");
            }

            conversations[^1].Turns.Add(new SpecTurn(n, role, text, language ?? conversations[^1].Language, route, reason, protocol, urgency, timestamp, botFallback, Optional(root, "gap")));
        }

        return conversations;
    }

    private static string Required(JsonElement root, string field, string where)
    {
        Assert.True(root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0, $"{where}: field '{field}' is missing");
        return v.GetString()!;
    }

    private static string? Optional(JsonElement root, string field) => root.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private sealed record SpecConversation(string File, string Id, string Policy, string? Language, List<SpecTurn> Turns);

    private sealed record SpecTurn(int Line, string Role, string Text, string? Language, string? Route, string? Reason, ProtocolAction? Protocol, Urgency? Urgency, DateTimeOffset? Timestamp, bool BotFallback, string? Gap);
}
