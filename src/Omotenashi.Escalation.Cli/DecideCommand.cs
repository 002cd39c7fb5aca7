using System.Globalization;

namespace Omotenashi.Escalation.Cli;

/// <summary><c>omotenashi decide</c>: JSON Lines in, one decision per customer line out, in input order.</summary>
internal static class DecideCommand
{
    public static async Task<int> RunAsync(Options options, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var engine = EngineFactory.Create(options);
        TextReader input = options.Input is null or "-" ? stdin : new StreamReader(options.Input);
        TextWriter output = options.Output is null or "-" ? stdout : new StreamWriter(options.Output) { AutoFlush = false };
        try
        {
            var states = new Dictionary<string, ConversationState>(StringComparer.Ordinal);
            using var writer = new DecisionWriter();
            int lineNumber = 0, errors = 0, decided = 0;
            string? line;
            while ((line = await input.ReadLineAsync().ConfigureAwait(false)) is not null)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var parsed = InputLine.TryParse(line, lineNumber, out string? error);
                if (parsed is null)
                {
                    errors++;
                    await stderr.WriteLineAsync(error).ConfigureAwait(false);
                    continue;
                }

                states.TryGetValue(parsed.Conversation, out var state);
                if (parsed.IsBot)
                {
                    states[parsed.Conversation] = engine.ObserveBotTurn(parsed.Text, state, parsed.Turn.BotFallback ? true : null);
                    continue;
                }

                var decision = engine.Decide(parsed.Turn, state);
                states[parsed.Conversation] = decision.State;
                await output.WriteLineAsync(writer.Format(parsed.Id, parsed.Conversation, decision)).ConfigureAwait(false);
                decided++;
                if (!options.Quiet && decided % 10000 == 0)
                {
                    await stderr.WriteLineAsync($"decided {decided.ToString(CultureInfo.InvariantCulture)} turns…").ConfigureAwait(false);
                }
            }

            await output.FlushAsync().ConfigureAwait(false);
            if (errors > 0)
            {
                await stderr.WriteLineAsync($"{errors.ToString(CultureInfo.InvariantCulture)} line(s) could not be decided; {decided.ToString(CultureInfo.InvariantCulture)} decided.").ConfigureAwait(false);
                return 1;
            }

            return 0;
        }
        finally
        {
            if (!ReferenceEquals(input, stdin))
            {
                input.Dispose();
            }

            if (!ReferenceEquals(output, stdout))
            {
                await output.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
