namespace Omotenashi.Escalation.Cli;

/// <summary>The entry point of the <c>omotenashi</c> tool, testable with any readers and writers.</summary>
internal static class CommandLine
{
    public const string Usage = """
        omotenashi — escalation decisions for helpdesks and bots

        usage:
          omotenashi decide   [--input FILE|-] [--output FILE|-] [--policy NAME|FILE] [--rules FILE]... [--model FILE]
          omotenashi score    --data FILE [--policy NAME|FILE] [--rules FILE]... [--model FILE]
          omotenashi train    --data FILE|DIR --out MODEL [--trainer sdca|lightgbm] [--folds K] [--seed N] [--report FILE]
          omotenashi evaluate --data FILE --model MODEL [--report FILE]

        decide reads JSON Lines ({"id","conversation","text", optional "language","channel","role","timestamp",
        "botConfidence","botFallback"}) and writes one decision per customer line, in input order. Lines with
        "role": "bot" are context. Errors name the line and field; the exit code is 1 when any line failed.
        score runs decide over a labelled file (the shared/eval format) and prints metrics as JSON.
        """;

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Length == 0 ? 2 : 0;
        }

        Options options;
        try
        {
            options = Options.Parse(args.AsSpan(1));
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 2;
        }

        try
        {
            return args[0] switch
            {
                "decide" => await DecideCommand.RunAsync(options, stdin, stdout, stderr).ConfigureAwait(false),
                "score" => await ScoreCommand.RunAsync(options, stdout, stderr).ConfigureAwait(false),
                "train" or "evaluate" => await ModelCommands.RunAsync(args[0], options, stdout, stderr).ConfigureAwait(false),
                _ => await UnknownAsync(args[0], stderr).ConfigureAwait(false),
            };
        }
        catch (EscalationConfigurationException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 2;
        }
        catch (IOException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 2;
        }
        catch (UnauthorizedAccessException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 2;
        }
    }

    private static async Task<int> UnknownAsync(string command, TextWriter stderr)
    {
        await stderr.WriteLineAsync($"error: unknown command '{command}'. Run 'omotenashi --help'.").ConfigureAwait(false);
        return 2;
    }
}
