namespace Omotenashi.Escalation;

/// <summary>A rule after validation: what the hot path needs and nothing else.</summary>
internal sealed record CompiledRule(string Id, RuleCategory Category, Severity Severity, double Weight, RuleTarget Target, int Language);
