namespace Omotenashi.Escalation;

/// <summary>The medium a turn arrived on.</summary>
public enum TurnChannel
{
    /// <summary>Web or app chat.</summary>
    Chat = 0,

    /// <summary>A phone-bot transcript line (speech recognised).</summary>
    Phone = 1,

    /// <summary>E-mail.</summary>
    Email = 2,

    /// <summary>SMS or messenger.</summary>
    Messaging = 3,

    /// <summary>A public social-media post or reply.</summary>
    Social = 4,

    /// <summary>Anything else.</summary>
    Other = 5,
}
