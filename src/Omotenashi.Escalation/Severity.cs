namespace Omotenashi.Escalation;

/// <summary>How serious detected harassment is.</summary>
public enum Severity
{
    /// <summary>No harassment.</summary>
    None = 0,

    /// <summary>Rude, borderline.</summary>
    Low = 1,

    /// <summary>Clearly abusive.</summary>
    Moderate = 2,

    /// <summary>Seriously abusive (slurs, sexual harassment, intimidation).</summary>
    High = 3,

    /// <summary>Threats to life or safety: the protocol skips steps.</summary>
    Severe = 4,
}
