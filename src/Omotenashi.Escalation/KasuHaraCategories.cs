namespace Omotenashi.Escalation;

/// <summary>
/// The abusive <em>means</em> that make customer behaviour harassment (kasu-hara), after the two-axis
/// test of Japan's labour-ministry manual: whether the demand is legitimate and whether the means are
/// acceptable are judged separately. Profanity about a product is frustration, never one of these.
/// </summary>
[Flags]
public enum KasuHaraCategories
{
    /// <summary>No harassment.</summary>
    None = 0,

    /// <summary>Abusive language or personal attacks aimed at staff (or the agent).</summary>
    Insult = 1 << 0,

    /// <summary>Threats of violence, stalking ("I know where you live").</summary>
    Threat = 1 << 1,

    /// <summary>Threats to expose staff online or to the media.</summary>
    Exposure = 1 << 2,

    /// <summary>Demands pressed by abusive means: kneeling apology (dogeza), firing a named employee, money as "sincerity".</summary>
    Demand = 1 << 3,

    /// <summary>Sexual remarks or advances.</summary>
    Sexual = 1 << 4,

    /// <summary>Discrimination: slurs and demeaning remarks about a group.</summary>
    Discrimination = 1 << 5,

    /// <summary>Holding staff for very long or repeating the same demand after it was answered.</summary>
    TimeBinding = 1 << 6,
}
