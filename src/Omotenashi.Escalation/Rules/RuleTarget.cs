namespace Omotenashi.Escalation;

/// <summary>Whether a rule must be aimed at a person to count as harassment.</summary>
internal enum RuleTarget : byte
{
    /// <summary>Counts fully only when aimed at the addressee (staff, agent, "you").</summary>
    Person,

    /// <summary>Counts wherever it appears: the pattern itself names the person.</summary>
    Any,
}
