namespace Omotenashi.Escalation;

/// <summary>Where the current customer turn should be handled.</summary>
public enum Route
{
    /// <summary>The bot keeps the conversation.</summary>
    Bot = 0,

    /// <summary>Hand the conversation to a human agent.</summary>
    Human = 1,

    /// <summary>The customer's means are abusive (customer harassment, kasu-hara): apply the protocol.</summary>
    KasuHara = 2,
}
