namespace Omotenashi.Escalation;

/// <summary>What was found of harassment in a turn and what the protocol says to do now.</summary>
/// <param name="Categories">The abusive means detected (aimed at a person).</param>
/// <param name="Severity">The highest severity among them.</param>
/// <param name="Action">The protocol step to take now (<see cref="ProtocolAction.None"/> unless the route is <see cref="Route.KasuHara"/>).</param>
/// <param name="Strikes">How many kasu-hara turns the conversation has had, this one included.</param>
public readonly record struct KasuHaraDetail(
    KasuHaraCategories Categories,
    Severity Severity,
    ProtocolAction Action,
    int Strikes);
