using System.Text.Json.Serialization;

namespace Omotenashi.Escalation;

internal sealed class RulePackDocument
{
    public string? Language { get; set; }

    public List<string>? Sources { get; set; }

    /// <summary>When true, the built-in rules of this language are dropped and this pack replaces them.</summary>
    public bool Replace { get; set; }

    public List<RuleDocument?>? Rules { get; set; }
}

internal sealed class RuleDocument
{
    public string? Id { get; set; }

    public string? Category { get; set; }

    public string? Severity { get; set; }

    public double? Weight { get; set; }

    public string? Target { get; set; }

    public List<string?>? Patterns { get; set; }

    public List<string?>? Except { get; set; }

    public bool? Enabled { get; set; }

    public string? Note { get; set; }
}

internal sealed class PolicyDocument
{
    public string? Name { get; set; }

    public string? Version { get; set; }

    public string? BasedOn { get; set; }

    public double? HarassmentThreshold { get; set; }

    public double? FrustrationThreshold { get; set; }

    public bool? HonorExplicitRequests { get; set; }

    public int? FallbacksBeforeHuman { get; set; }

    public int? RepeatedDemandsBeforeHuman { get; set; }

    public int? RepeatedDemandsForTimeBinding { get; set; }

    public double? LongConversationMinutes { get; set; }

    public double? TimeBindingMinutes { get; set; }

    public double? ImplicitTargetFactor { get; set; }

    public double? ObjectTargetFactor { get; set; }

    public double? ClassifierWeight { get; set; }

    public double? SentimentSmoothing { get; set; }

    public double? DeEscalationSentiment { get; set; }

    public double? LowConfidenceThreshold { get; set; }

    public List<string?>? HumanCues { get; set; }

    public List<string?>? Protocol { get; set; }

    public string? SevereAction { get; set; }

    public FrustrationDocument? Frustration { get; set; }
}

internal sealed class FrustrationDocument
{
    public double? Bias { get; set; }

    public double? NegativeLevel { get; set; }

    public double? NegativeAverage { get; set; }

    public double? ConsecutiveNegative { get; set; }

    public double? Trend { get; set; }

    public double? Emphasis { get; set; }

    public double? Profanity { get; set; }

    public double? Repetition { get; set; }

    public double? Fallbacks { get; set; }

    public double? LowConfidence { get; set; }

    public double? Duration { get; set; }

    public double? Classifier { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(RulePackDocument))]
[JsonSerializable(typeof(PolicyDocument))]
internal sealed partial class ConfigurationJsonContext : JsonSerializerContext
{
}
