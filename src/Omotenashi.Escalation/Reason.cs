namespace Omotenashi.Escalation;

/// <summary>
/// One contribution that moved a decision: a stable <see cref="Code"/>, the signal it came from, its
/// weight, and the evidence span in the customer's text (turn number, character offset, length).
/// </summary>
/// <param name="Code">A stable code from <see cref="ReasonCodes"/>.</param>
/// <param name="Source">The signal that produced it.</param>
/// <param name="Weight">Its strength in [0, 1]; reasons are ordered strongest first.</param>
/// <param name="Turn">The customer-turn number (1 for the first turn of a conversation).</param>
/// <param name="Start">Offset of the evidence in the turn text (UTF-16 code units); 0 when the reason is about the whole turn or conversation.</param>
/// <param name="Length">Length of the evidence; 0 when there is no span.</param>
/// <param name="RuleId">The rule or lexicon entry that matched, when the source is a rule.</param>
public readonly record struct Reason(
    string Code,
    ReasonSource Source,
    double Weight,
    int Turn,
    int Start,
    int Length,
    string? RuleId = null)
{
    /// <summary>Returns the evidence text from the turn it was found in, or an empty span when the reason has no span.</summary>
    /// <param name="turnText">The text of the same turn.</param>
    public ReadOnlySpan<char> EvidenceIn(ReadOnlySpan<char> turnText)
        => Length <= 0 || Start < 0 || Start + Length > turnText.Length ? default : turnText.Slice(Start, Length);
}
