namespace Omotenashi.Escalation;

/// <summary>Character statistics gathered while normalising: scripts for language identification, emphasis for sentiment.</summary>
internal struct ScriptCounts
{
    public int Latin;
    public int Cyrillic;
    public int Kana;
    public int Han;
    public int Hangul;
    public int OtherLetters;
    public int Upper;
    public int Lower;
    public int Exclamations;
    public int Questions;
    public int Words;
    public int CapsWords;

    public readonly int Letters => Latin + Cyrillic + Kana + Han + Hangul + OtherLetters;

    /// <summary>Whether the whole text is shouted (VADER ignores per-word capitals then).</summary>
    public readonly bool AllCaps => Upper >= 2 && Lower == 0;
}
