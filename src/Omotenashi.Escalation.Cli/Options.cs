namespace Omotenashi.Escalation.Cli;

/// <summary>Parsed command-line options (<c>--name value</c> pairs; <c>--rules</c> may repeat).</summary>
internal sealed class Options
{
    private static readonly string[] Known = ["input", "output", "policy", "rules", "model", "data", "out", "trainer", "folds", "seed", "quiet", "report"];

    public string? Input { get; private set; }

    public string? Output { get; private set; }

    public string? Policy { get; private set; }

    public List<string> Rules { get; } = [];

    public string? Model { get; private set; }

    public string? Data { get; private set; }

    public string? Out { get; private set; }

    public string? Trainer { get; private set; }

    public int? Folds { get; private set; }

    public int? Seed { get; private set; }

    public bool Quiet { get; private set; }

    public string? Report { get; private set; }

    public static Options Parse(ReadOnlySpan<string> args)
    {
        var o = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{a}'");
            }

            string name = a[2..];
            if (Array.IndexOf(Known, name) < 0)
            {
                throw new ArgumentException($"unknown option '{a}'");
            }

            if (name == "quiet")
            {
                o.Quiet = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"option '{a}' needs a value");
            }

            string v = args[++i];
            switch (name)
            {
                case "input": o.Input = v; break;
                case "output": o.Output = v; break;
                case "policy": o.Policy = v; break;
                case "rules": o.Rules.Add(v); break;
                case "model": o.Model = v; break;
                case "data": o.Data = v; break;
                case "out": o.Out = v; break;
                case "trainer": o.Trainer = v; break;
                case "report": o.Report = v; break;
                case "folds": o.Folds = int.TryParse(v, out int f) && f >= 2 ? f : throw new ArgumentException("--folds must be an integer ≥ 2"); break;
                case "seed": o.Seed = int.TryParse(v, out int s) ? s : throw new ArgumentException("--seed must be an integer"); break;
            }
        }

        return o;
    }
}
