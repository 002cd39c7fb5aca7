namespace Omotenashi.Escalation;

/// <summary>One problem found in configuration: where it is (file, line, field) and what is wrong.</summary>
/// <param name="Source">The file name or source name of the configuration.</param>
/// <param name="Line">1-based line number, or 0 when unknown.</param>
/// <param name="Field">The field, as a JSON path (<c>$.rules[3].severity</c>) or a column name.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record ConfigurationProblem(string Source, int Line, string Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{Source}:{Line}: {Field}: {Message}" : $"{Source}: {Field}: {Message}";
}
