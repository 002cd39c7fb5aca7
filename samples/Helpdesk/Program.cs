// Helpdesk: an in-process helpdesk loop. Several conversations run at once through one engine from DI; turns
// that need a person go to a queue of human agents; kasu-hara raises a supervisor alert with the recorded
// evidence (reason code, span, rule). Personal data is masked in everything printed. Runs to completion in a
// few seconds without input and exits 0.
using System.Diagnostics;
using System.Threading.Channels;
using Helpdesk;
using Microsoft.Extensions.DependencyInjection;
using Omotenashi.Escalation;
using Queue = System.Threading.Channels.Channel;

Console.OutputEncoding = System.Text.Encoding.UTF8;
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // never hang CI
var ct = timeout.Token;

var services = new ServiceCollection();
// The global desk decides with the default engine; the Japanese desk is a tenant with its own keyed engine
// (Omotenashi: frustrated customers go to a person early) and its own state store.
services.AddOmotenashiEscalation(b => b.UsePolicy(EscalationPolicy.Balanced))
    .ConfigureStateStore(o => o.SlidingExpiration = TimeSpan.FromMinutes(20));
services.AddOmotenashiEscalation("jp", b => b.UsePolicy(EscalationPolicy.Omotenashi));
services.AddSingleton(Queue.CreateUnbounded<Handoff>(new UnboundedChannelOptions { SingleWriter = false }));
services.AddSingleton(Queue.CreateUnbounded<Alert>(new UnboundedChannelOptions { SingleReader = true }));
await using var provider = services.BuildServiceProvider();

(EscalationEngine Engine, IConversationStateStore Store) Desk(string name) => name == "global"
    ? (provider.GetRequiredService<EscalationEngine>(), provider.GetRequiredService<IConversationStateStore>())
    : (provider.GetRequiredKeyedService<EscalationEngine>(name), provider.GetRequiredKeyedService<IConversationStateStore>(name));
var handoffs = provider.GetRequiredService<Channel<Handoff>>();
var alerts = provider.GetRequiredService<Channel<Alert>>();
var clock = Stopwatch.StartNew();
var print = new Lock();

void Say(string who, string message)
{
    lock (print)
    {
        Console.WriteLine($"{clock.ElapsedMilliseconds,5} ms  {who,-20} {message}");
    }
}

foreach (string desk in new[] { "global", "jp" })
{
    var e = Desk(desk).Engine;
    Say("helpdesk", $"desk {desk}: {e.Policy.Name} policy {e.Policy.Version}, {e.RuleCount} rules, {e.SentimentTermCount} sentiment terms");
}

// Human agents take handed-over conversations from one queue, first come first served.
string[] agentNames = ["agent Aiko", "agent Ben"];
var agents = agentNames.Select(name => Task.Run(async () =>
{
    int handled = 0;
    await foreach (var h in handoffs.Reader.ReadAllAsync(ct))
    {
        Say(name, $"picks up {h.ConversationId} (urgency {h.Urgency}, {h.Reason}, waited {clock.ElapsedMilliseconds - h.QueuedAtMs} ms)");
        await Task.Delay(h.Urgency >= Urgency.Critical ? 30 : 120, ct); // reads the history, greets the customer
        h.Accepted.TrySetResult(name);
        handled++;
    }

    return (name, handled);
})).ToArray();

// The supervisor sees every kasu-hara turn with the evidence to record.
var supervisor = Task.Run(async () =>
{
    int count = 0;
    await foreach (var a in alerts.Reader.ReadAllAsync(ct))
    {
        count++;
        var d = a.Decision;
        var lines = new List<string>
        {
            $"ALERT {a.ConversationId} turn {d.State.TurnCount}: {d.KasuHara.Categories}, severity {d.KasuHara.Severity}, strike {d.KasuHara.Strikes}, protocol → {d.KasuHara.Action}",
        };
        foreach (var r in d.Reasons)
        {
            string span = r.Length > 0 ? $"turn {r.Turn} [{r.Start}..{r.Start + r.Length})" : $"turn {r.Turn} (whole turn)";
            string evidence = r.Length > 0 ? $" \"{PersonalData.Mask(r.EvidenceIn(a.Text))}\"" : string.Empty;
            lines.Add($"    evidence {r.Code,-24} {span,-22} rule {r.RuleId ?? "-",-26}{evidence}");
        }

        lines.Add($"    record: \"{PersonalData.Mask(a.Text)}\"");
        Say("supervisor", string.Join(Environment.NewLine + new string(' ', 30), lines));
    }

    return count;
});

// Every conversation at once, each turn decided in order with its state kept in the store.
var start = new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.FromHours(9));
var results = await Task.WhenAll(Script.Conversations.Select((c, index) => Task.Run(async () =>
{
    string who = c.Id;
    var (engine, store) = Desk(c.Desk);
    string handler = "bot";
    var last = default(EscalationDecision);
    for (int i = 0; i < c.Lines.Length; i++)
    {
        await Task.Delay(15 * ((index + i) % 4), ct); // customers type at different speeds
        var line = c.Lines[i];
        if (line.FromBot)
        {
            await engine.ObserveBotTurnAsync(store, c.Id, line.Text, line.IsFallback, ct);
            Say(who, $"{(handler == "bot" ? "bot" : "agent"),5}: {PersonalData.Mask(line.Text)}");
            continue;
        }

        var turn = new CustomerTurn(line.Text) { Timestamp = start.AddSeconds(40 * i), Channel = TurnChannel.Chat };
        var d = await engine.DecideAsync(store, c.Id, turn, ct);
        last = d;
        Say(who, $" user: {PersonalData.Mask(line.Text)}");
        Say(who, $"   → {d.Route} ({d.Urgency}, {d.Confidence:0.00}) {(d.Reasons.Count > 0 ? d.Reasons[0].Code : string.Empty)} [{handler}]");

        if (d.Route == Route.KasuHara)
        {
            await alerts.Writer.WriteAsync(new Alert(c.Id, line.Text, d), ct);
            if (d.KasuHara.Action == ProtocolAction.EndConversation)
            {
                Say(who, "   conversation ended by the protocol; evidence recorded");
                break;
            }

            if (d.KasuHara.Action == ProtocolAction.TransferToSupervisor)
            {
                handler = "supervisor";
            }
        }
        else if (d.Route == Route.Bot && handler != "bot")
        {
            Say(who, $"   calmer now: {handler} hands the conversation back to the bot");
            handler = "bot";
        }
        else if (d.Route == Route.Human && handler == "bot")
        {
            var handoff = new Handoff(c.Id, d.Urgency, d.Reasons.Count > 0 ? d.Reasons[0].Code : "human", clock.ElapsedMilliseconds);
            await handoffs.Writer.WriteAsync(handoff, ct);
            handler = await handoff.Accepted.Task.WaitAsync(ct);
            Say(who, $"   now with {handler}");
        }
    }

    await store.RemoveAsync(c.Id, ct); // the conversation is over: forget its state
    return (c.Id, Route: last.Route, Strikes: last.State?.KasuHaraStrikes ?? 0, Handler: handler);
}, ct)));

handoffs.Writer.Complete();
alerts.Writer.Complete();
var handledBy = await Task.WhenAll(agents);
int alertCount = await supervisor;

Console.WriteLine();
Console.WriteLine("conversation           last route  strikes  handled by");
foreach (var r in results)
{
    Console.WriteLine($"{r.Id,-22} {r.Route,-11} {r.Strikes,7}  {r.Handler}");
}

Console.WriteLine($"agents: {string.Join(", ", handledBy.Select(h => $"{h.name} {h.handled}"))}; supervisor alerts: {alertCount}; {clock.ElapsedMilliseconds} ms");
return 0;

/// <summary>A conversation handed to the human agents' queue.</summary>
internal sealed record Handoff(string ConversationId, Urgency Urgency, string Reason, long QueuedAtMs)
{
    public TaskCompletionSource<string> Accepted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A kasu-hara turn for the supervisor, with the text the evidence spans point into.</summary>
internal sealed record Alert(string ConversationId, string Text, EscalationDecision Decision);
