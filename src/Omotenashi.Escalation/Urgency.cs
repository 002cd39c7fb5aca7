namespace Omotenashi.Escalation;

/// <summary>How fast a human should act on the decision.</summary>
public enum Urgency
{
    /// <summary>Routine; no human needed.</summary>
    Low = 0,

    /// <summary>A human should take the conversation in the normal queue.</summary>
    Normal = 1,

    /// <summary>A human should take the conversation ahead of the queue.</summary>
    High = 2,

    /// <summary>Immediate attention: self-harm or a severe threat.</summary>
    Critical = 3,
}
