namespace Omotenashi.Escalation;

/// <summary>The step of the kasu-hara protocol to take now.</summary>
public enum ProtocolAction
{
    /// <summary>No action.</summary>
    None = 0,

    /// <summary>Politely name the boundary ("I want to help, but I can't continue if …").</summary>
    SetBoundary = 1,

    /// <summary>A final, explicit warning that the conversation will end.</summary>
    FinalWarning = 2,

    /// <summary>End the conversation and record the evidence.</summary>
    EndConversation = 3,

    /// <summary>Transfer to a supervisor, who takes over from the agent.</summary>
    TransferToSupervisor = 4,
}
