using System.Text.RegularExpressions;

namespace Omotenashi.Escalation;

/// <summary>
/// Masks personal data — e-mail addresses, payment-card numbers (keeping the last four digits), phone numbers —
/// in evidence before a host records or prints it. The engine itself keeps no customer text and puts none in
/// telemetry; use this on <see cref="Reason.EvidenceIn"/> excerpts and transcripts you store for an audit.
/// </summary>
public static partial class PersonalData
{
    /// <summary>Returns <paramref name="text"/> with e-mail addresses, card numbers and phone numbers replaced by <c>[e-mail]</c>, <c>[card …1234]</c> and <c>[phone]</c>.</summary>
    public static string Mask(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        string s = Email().Replace(text.ToString(), "[e-mail]");
        s = Card().Replace(s, static m => "[card …" + LastFourDigits(m.ValueSpan) + "]");
        return Phone().Replace(s, "[phone]");
    }

    private static string LastFourDigits(ReadOnlySpan<char> s)
    {
        Span<char> last = stackalloc char[4];
        int n = 0;
        for (int i = s.Length - 1; i >= 0 && n < 4; i--)
        {
            if (char.IsDigit(s[i]))
            {
                last[3 - n++] = s[i];
            }
        }

        return new string(last[(4 - n)..]);
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Email();

    // 13 to 19 digits, optionally grouped by spaces or dashes: card numbers (PAN).
    [GeneratedRegex(@"(?<!\d)\d(?:[ \-－]?\d){12,18}(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Card();

    // An optional +, then at least 8 digits with separators: phone numbers.
    [GeneratedRegex(@"[+＋]?[(（]?\d(?:[\d\s().\-－‐（）]{6,}\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Phone();
}
