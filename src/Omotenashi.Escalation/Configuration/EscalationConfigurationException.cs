namespace Omotenashi.Escalation;

/// <summary>
/// Thrown by <see cref="EscalationEngineBuilder.Build"/> (and the JSON loaders) when configuration is invalid.
/// It lists every problem found, each with file, line and field.
/// </summary>
public sealed class EscalationConfigurationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public EscalationConfigurationException(IReadOnlyList<ConfigurationProblem> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public EscalationConfigurationException(string message)
        : base(message)
    {
        Problems = [new ConfigurationProblem("configuration", 0, "", message)];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public EscalationConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new ConfigurationProblem("configuration", 0, "", message)];
    }

    /// <summary>Creates an empty exception.</summary>
    public EscalationConfigurationException()
        : this("Invalid escalation configuration.")
    {
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    private static string Format(IReadOnlyList<ConfigurationProblem> problems)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("Invalid escalation configuration (").Append(problems.Count).Append(problems.Count == 1 ? " problem):" : " problems):");
        foreach (var p in problems)
        {
            sb.AppendLine().Append("  ").Append(p);
        }

        return sb.ToString();
    }
}
