using System.Diagnostics.CodeAnalysis;

namespace Omotenashi.Escalation;

/// <summary>The evidence of one kind found in a turn: the strongest span and rule.</summary>
internal struct Evidence
{
    public double Strength;
    public int Start;
    public int Length;
    public string? RuleId;
    public Severity Severity;

    public readonly bool Found => Strength > 0;

    public void Offer(double strength, int start, int length, string? ruleId, Severity severity = Severity.None)
    {
        if (strength > Strength)
        {
            Strength = strength;
            Start = start;
            Length = length;
            RuleId = ruleId;
        }

        if (severity > Severity)
        {
            Severity = severity;
        }
    }
}

/// <summary>Everything the analysis of one turn's text found, before the conversation and policy are applied.</summary>
internal struct TurnSignals
{
    public EscalationPolicy Policy;
    public int Language;
    public bool LanguageConfident;
    public double Compound;
    public double Emphasis;
    public Evidence NegativeSentiment;
    public Evidence PositiveSentiment;

    public double HarassmentNoOr; // Π(1 − sᵢ) over harassment evidence
    public double HarassmentTraceNoOr; // Π(1 − tᵢ) over traces that rank but never decide (swearing, hostility at things)
    public KasuHaraCategories Categories;
    public Severity Severity;
    public Evidence Insult;
    public Evidence Threat;
    public Evidence Exposure;
    public Evidence Demand;
    public Evidence Sexual;
    public Evidence Discrimination;

    public double Profanity;
    public Evidence ProfanityEvidence;
    public Evidence HumanRequest;
    public Evidence SelfHarm;
    public Evidence Legal;
    public Evidence Churn;
    public Evidence Hardship;
    public Evidence StaffComplaint;
    public Evidence Gratitude;
    public Evidence BotFallback;
    public ulong Fingerprint;
    public int Letters;

    [UnscopedRef]
    public ref Evidence HarassmentEvidence(RuleCategory c)
    {
        switch (c)
        {
            case RuleCategory.Insult: return ref Insult;
            case RuleCategory.Threat: return ref Threat;
            case RuleCategory.Exposure: return ref Exposure;
            case RuleCategory.Demand: return ref Demand;
            case RuleCategory.Sexual: return ref Sexual;
            default: return ref Discrimination;
        }
    }

    [UnscopedRef]
    public ref Evidence CueEvidence(RuleCategory c)
    {
        switch (c)
        {
            case RuleCategory.HumanRequest: return ref HumanRequest;
            case RuleCategory.SelfHarm: return ref SelfHarm;
            case RuleCategory.Legal: return ref Legal;
            case RuleCategory.Churn: return ref Churn;
            case RuleCategory.Hardship: return ref Hardship;
            case RuleCategory.StaffComplaint: return ref StaffComplaint;
            case RuleCategory.Gratitude: return ref Gratitude;
            case RuleCategory.BotFallback: return ref BotFallback;
            default: return ref ProfanityEvidence;
        }
    }
}
