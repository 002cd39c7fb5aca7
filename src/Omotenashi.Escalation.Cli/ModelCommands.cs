namespace Omotenashi.Escalation.Cli;

/// <summary><c>omotenashi train</c> and <c>omotenashi evaluate</c>.</summary>
internal static class ModelCommands
{
    public static async Task<int> RunAsync(string command, Options options, TextWriter stdout, TextWriter stderr)
    {
        _ = options;
        _ = stdout;
        await stderr.WriteLineAsync($"error: '{command}' is not available in this build yet").ConfigureAwait(false);
        return 2;
    }
}
