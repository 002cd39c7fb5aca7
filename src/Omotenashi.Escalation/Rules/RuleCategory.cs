namespace Omotenashi.Escalation;

/// <summary>What a rule pattern signals.</summary>
internal enum RuleCategory : byte
{
    Insult,
    Threat,
    Exposure,
    Demand,
    Sexual,
    Discrimination,
    Profanity,
    HumanRequest,
    SelfHarm,
    Legal,
    Churn,
    Hardship,
    StaffComplaint,
    Gratitude,
    BotFallback,
    Addressee,
    Self,
    Object,
    Group,
    ThirdParty,
}

internal static class RuleCategoryInfo
{
    public static readonly string[] Names =
    [
        "insult", "threat", "exposure", "demand", "sexual", "discrimination", "profanity", "human-request",
        "self-harm", "legal", "churn", "hardship", "staff-complaint", "gratitude", "bot-fallback",
        "addressee", "self", "object", "group", "third-party",
    ];

    public static bool TryParse(string? name, out RuleCategory category)
    {
        int i = name is null ? -1 : Array.IndexOf(Names, name.Trim().ToLowerInvariant());
        category = (RuleCategory)Math.Max(i, 0);
        return i >= 0;
    }

    public static bool IsHarassment(RuleCategory c) => c <= RuleCategory.Discrimination;

    public static bool IsMarker(RuleCategory c) => c >= RuleCategory.Addressee;

    public static KasuHaraCategories ToFlag(RuleCategory c) => c switch
    {
        RuleCategory.Insult => KasuHaraCategories.Insult,
        RuleCategory.Threat => KasuHaraCategories.Threat,
        RuleCategory.Exposure => KasuHaraCategories.Exposure,
        RuleCategory.Demand => KasuHaraCategories.Demand,
        RuleCategory.Sexual => KasuHaraCategories.Sexual,
        RuleCategory.Discrimination => KasuHaraCategories.Discrimination,
        _ => KasuHaraCategories.None,
    };

    public static string ReasonCode(RuleCategory c) => c switch
    {
        RuleCategory.Insult => ReasonCodes.KasuHaraInsult,
        RuleCategory.Threat => ReasonCodes.KasuHaraThreat,
        RuleCategory.Exposure => ReasonCodes.KasuHaraExposure,
        RuleCategory.Demand => ReasonCodes.KasuHaraDemand,
        RuleCategory.Sexual => ReasonCodes.KasuHaraSexual,
        RuleCategory.Discrimination => ReasonCodes.KasuHaraDiscrimination,
        RuleCategory.Profanity => ReasonCodes.SignalProfanity,
        RuleCategory.HumanRequest => ReasonCodes.HumanExplicitRequest,
        RuleCategory.SelfHarm => ReasonCodes.HumanSelfHarm,
        RuleCategory.Legal => ReasonCodes.HumanLegal,
        RuleCategory.Churn => ReasonCodes.HumanChurn,
        RuleCategory.Hardship => ReasonCodes.HumanHardship,
        RuleCategory.StaffComplaint => ReasonCodes.HumanStaffComplaint,
        RuleCategory.Gratitude => ReasonCodes.BotDeEscalated,
        _ => ReasonCodes.BotRoutine,
    };
}
