namespace Omotenashi.Escalation.Cli;

/// <summary>
/// Replays JSON Lines turns through an engine in input order, one state per conversation: bot lines are observed as
/// context, customer lines are decided. Bad lines are reported on stderr with their number and counted; the replay
/// goes on. Shared by <c>decide</c> and <c>score</c> so both read input the same way.
/// </summary>
internal sealed class ConversationReplay(EscalationEngine engine, TextWriter stderr, bool keepGold)
{
    private readonly Dictionary<string, ConversationState> _states = new(StringComparer.Ordinal);

    /// <summary>Lines that could not be parsed.</summary>
    public int Errors { get; private set; }

    public async IAsyncEnumerable<(InputLine Line, EscalationDecision Decision)> RunAsync(TextReader input)
    {
        int lineNumber = 0;
        string? text;
        while ((text = await input.ReadLineAsync().ConfigureAwait(false)) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var line = InputLine.TryParse(text, lineNumber, out string? error, keepGold);
            if (line is null)
            {
                Errors++;
                await stderr.WriteLineAsync(error).ConfigureAwait(false);
                continue;
            }

            _states.TryGetValue(line.Conversation, out var state);
            if (line.IsBot)
            {
                _states[line.Conversation] = engine.ObserveBotTurn(line.Text, state, line.Turn.BotFallback ? true : null);
                continue;
            }

            var decision = engine.Decide(line.Turn, state);
            _states[line.Conversation] = decision.State;
            yield return (line, decision);
        }
    }
}
