using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Omotenashi.Escalation.Tests.Properties;

/// <summary>The invariants of DESIGN.md, as properties over generated text.</summary>
public class DecisionProperties
{
    private static EscalationEngine Default => EscalationEngine.CreateDefault();

    /// <summary>Awkward characters: controls, lone surrogates, combining marks, every script the engine knows and some it does not.</summary>
    private static readonly char[] Awkward =
    [
        '\0', '\u0001', '\t', '\n', '\r', '\u007F', '\u200B', '\u200D', '\uFEFF', '\uFE0F', '\uD800', '\uDBFF', '\uDC00', '\uDFFF',
        '\u0301', '\u3099', '\uFF9E', '\uFF9F', 'a', 'Z', '1', '0', '!', '?', '*', '.', ' ', '\'', '$', '@', 'ä', 'ß', 'å',
        'я', 'Ё', 'і', 'あ', 'ア', 'ｱ', 'ﾞ', '漢', '語', 'ー', '한', 'ע', 'ب', '中', '\u3000', 'Ｆ', 'ｕ', '\uD83D', '\uDE00',
    ];

    private static readonly string[] Words =
    [
        "the", "order", "is", "late", "my", "refund", "please", "help", "you", "app", "broken", "terrible", "good", "not", "but",
        "荷物", "届かない", "です", "お前", "バカ", "заказ", "не", "работает", "Paket", "kaputt", "nicht", "paketet", "inte",
        "!!!", "??", "WHY", "NOW", ":(", "😡", "idiot", "fuck", "shit", "人と話したい",
    ];

    private static Arbitrary<string> AwkwardText() =>
        Gen.OneOf(
            Gen.ArrayOf(Gen.Elements(Awkward)).Select(cs => new string(cs)),
            Gen.ArrayOf(Gen.Elements(Words)).Select(ws => string.Join(' ', ws)),
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty))
        .ToArbitrary();

    [Property(MaxTest = 400)]
    public Property Decide_NeverThrows_AndIsWellFormed() => Prop.ForAll(AwkwardText(), text =>
    {
        var d = Default.Decide(text);
        return Valid(d) && Valid(Default.Decide(text, d.State));
    });

    [Property(MaxTest = 200)]
    public Property Decide_IsDeterministic() => Prop.ForAll(AwkwardText(), AwkwardText(), (first, second) =>
    {
        var a1 = Default.Decide(first);
        var a2 = Default.Decide(first);
        var b1 = Default.Decide(second, a1.State);
        var b2 = Default.Decide(second, a2.State);
        return Same(a1, a2) && Same(b1, b2);
    });

    private static readonly string[] Complaints =
    [
        "my order never arrived", "this is the worst service ever", "the app keeps crashing", "I've been waiting for three weeks",
        "WHERE IS MY REFUND", "this is ridiculous", "I am so angry right now", "nothing works", "you charged me twice",
        "I'm going to leave a one star review", "this is unacceptable", "terrible, just terrible", "I want my money back",
        "this fucking app crashed again", "what the hell is going on", "this shit is broken", "damn it, not again",
        "まだ届かないんですけど", "最悪です", "ふざけないでほしい、全然使えないアプリ", "返金してください",
        "заказ так и не пришёл", "это приложение полный отстой", "das ist eine Frechheit", "die App ist kaputt",
        "det här är helt oacceptabelt", "appen fungerar inte",
    ];

    private static readonly string[] Emphasis = ["", "!", "!!!", "???", " :(", " 😡"];

    [Property(MaxTest = 300)]
    public Property NegativeSentimentAlone_NeverYieldsKasuHara() => Prop.ForAll(
        Gen.Zip(Gen.SubListOf(Complaints).Where(l => l.Count > 0), Gen.Zip(Gen.Elements(Emphasis), Gen.Elements(true, false), (e, s) => (e, s)), (p, es) => (Parts: p, Emphasis: es.e, Shout: es.s)).ToArbitrary(),
        t =>
        {
            var (parts, emphasis, shout) = (t.Parts, t.Emphasis, t.Shout);
            string text = string.Join(". ", parts) + emphasis;
            if (shout)
            {
                text = text.ToUpperInvariant();
            }

            var d = Default.Decide(text);
            return (d.Route != Route.KasuHara).Label($"'{text}' → {d}");
        });

    private static readonly (string Base, string Abuse, string Language)[] AbuseCases =
    [
        ("where is my order", "you idiot", "en"),
        ("the app is broken", "fuck you", "en"),
        ("I want a refund", "I know where you live", "en"),
        ("荷物が届かない", "お前はバカか", "ja"),
        ("返金してください", "土下座しろ", "ja"),
        ("заказ не пришёл", "ты идиот", "ru"),
        ("wo ist mein Paket", "du Idiot", "de"),
        ("var är mitt paket", "din idiot", "sv"),
    ];

    [Property(MaxTest = 300)]
    public Property AddingAbuse_NeverLowersHarassment() => Prop.ForAll(
        Gen.Zip(Gen.Elements(AbuseCases), Gen.Zip(Gen.ArrayOf(Gen.Elements(Words)), Gen.Choose(1, 3), (n, k) => (n, k)), (c, nk) => (Case: c, Noise: nk.n, Times: nk.k)).ToArbitrary(),
        t =>
        {
            var (baseText, abuse, lang) = t.Case;
            var (noise, times) = (t.Noise, t.Times);
            string text = baseText + " " + string.Join(' ', noise);
            double before = Default.Decide(new CustomerTurn(text) { Language = lang }).Harassment;
            string abusive = text;
            for (int i = 0; i < times; i++)
            {
                abusive += ". " + abuse;
            }

            double after = Default.Decide(new CustomerTurn(abusive) { Language = lang }).Harassment;
            return (after >= before).Label($"{before} → {after} for '{abusive}'");
        });

    private static readonly string[] NegativeAdditions = ["terrible", "this is awful", "worst ever", "I hate this", "so disappointed", "horrible"];

    [Property(MaxTest = 300)]
    public Property MoreNegativeTurn_NeverMovesHumanBackToBot() => Prop.ForAll(
        Gen.Zip(Gen.Elements(Complaints), Gen.Elements(NegativeAdditions), (c, a) => (c, a)).ToArbitrary(),
        t =>
        {
            var (text, addition) = t;
            var d = Default.Decide(text);
            var worse = Default.Decide(text + ". " + addition);
            return (d.Route != Route.Human || worse.Route != Route.Bot).Label($"'{text}' {d} → {worse}");
        });

    private static bool Valid(in EscalationDecision d) =>
        Enum.IsDefined(d.Route) && Enum.IsDefined(d.Urgency)
        && d.Confidence is >= 0 and <= 1
        && d.Sentiment is >= -1 and <= 1
        && d.Frustration is >= 0 and <= 1
        && d.Harassment is >= 0 and <= 1
        && d.Reasons.Count is >= 1 and <= ReasonList.Capacity
        && d.State is not null
        && !string.IsNullOrEmpty(d.Language);

    private static bool Same(in EscalationDecision a, in EscalationDecision b)
        => a.Route == b.Route && a.Urgency == b.Urgency && a.Confidence.Equals(b.Confidence) && a.Sentiment.Equals(b.Sentiment)
        && a.Frustration.Equals(b.Frustration) && a.Harassment.Equals(b.Harassment) && a.KasuHara == b.KasuHara
        && a.Reasons.SequenceEqual(b.Reasons) && a.State == b.State && a.Language == b.Language;
}
