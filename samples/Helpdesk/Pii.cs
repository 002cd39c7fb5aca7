using System.Text.RegularExpressions;

namespace Helpdesk;

/// <summary>
/// Masks e-mail addresses, card numbers and phone numbers before anything is printed or logged. The engine keeps
/// no text and puts none in telemetry; whatever the host prints is the host's responsibility.
/// </summary>
internal static partial class Pii
{
    public static string Mask(ReadOnlySpan<char> text)
    {
        string s = Email().Replace(text.ToString(), "[e-mail]");
        s = Card().Replace(s, m => "[card …" + Digits(m.Value)[^4..] + "]");
        return Phone().Replace(s, "[phone]");
    }

    private static string Digits(string s) => string.Concat(s.Where(char.IsAsciiDigit));

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+")]
    private static partial Regex Email();

    // 13 to 19 digits, optionally grouped by spaces or dashes: card numbers (PAN).
    [GeneratedRegex(@"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")]
    private static partial Regex Card();

    // An optional +, then at least 8 digits with separators: phone numbers.
    [GeneratedRegex(@"\+?\(?\d(?:[\d\s().-]{6,}\d)")]
    private static partial Regex Phone();
}
