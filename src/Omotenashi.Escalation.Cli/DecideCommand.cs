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
            using var writer = new DecisionWriter();
            var replay = new ConversationReplay(engine, stderr, keepGold: false);
            int decided = 0;
            await foreach (var (line, decision) in replay.RunAsync(input).ConfigureAwait(false))
            {
                await output.WriteLineAsync(writer.Format(line.Id, line.Conversation, decision)).ConfigureAwait(false);
                decided++;
                if (!options.Quiet && decided % 10000 == 0)
                {
                    await stderr.WriteLineAsync($"decided {decided.ToString(CultureInfo.InvariantCulture)} turns…").ConfigureAwait(false);
                }
            }

            int errors = replay.Errors;
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
