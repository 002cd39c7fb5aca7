namespace Omotenashi.Escalation;

/// <summary>Whether a rule must be aimed at a person to count as harassment.</summary>
internal enum RuleTarget : byte
{
    /// <summary>Counts fully only when aimed at the addressee (staff, agent, "you").</summary>
    Person,

    /// <summary>Counts wherever it appears: the pattern itself names the person.</summary>
    Any,

    /// <summary>
    /// Counts only when aimed at a protected group named near it ("immigrants … should be deported"), as
    /// discrimination; a hostile predicate that is harmless on its own.
    /// </summary>
    Group,
}
