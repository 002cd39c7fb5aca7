namespace Omotenashi.Escalation.Tests;

/// <summary>Engines shared by tests: the built-in defaults, and a small hand-written one independent of the shipped data.</summary>
internal static class TestEngines
{
    public static EscalationEngine Default => EscalationEngine.CreateDefault();

    private static readonly Lazy<EscalationEngine> SmallEngine = new(() => Small(EscalationPolicy.Balanced));

    public static EscalationEngine SmallBalanced => SmallEngine.Value;

    public const string EnglishLexicon = "bad\t-2.5\ngood\t1.9\nbroken\t-2.0\nfuck\t-2.5\nno problem\t1.5\nlove\t3.2\nuseless\t-2.3\nterrible\t-3.0\nthanks\t1.9\ngreat\t3.1\nangry\t-2.3\n";

    public const string EnglishRules = """
        {"language":"en","rules":[
         {"id":"t.en.insult","category":"insult","severity":"moderate","weight":0.8,"patterns":["idiot","stupid","moron"]},
         {"id":"t.en.fy","category":"insult","severity":"high","weight":0.9,"target":"any","patterns":["fuck you"]},
         {"id":"t.en.threat","category":"threat","severity":"severe","weight":0.95,"patterns":["i know where you live"]},
         {"id":"t.en.prof","category":"profanity","weight":0.7,"patterns":["fuck*","shit","damn"]},
         {"id":"t.en.human","category":"human-request","patterns":["talk to a human","real person"]},
         {"id":"t.en.selfharm","category":"self-harm","patterns":["i want to die","kill myself"]},
         {"id":"t.en.legal","category":"legal","patterns":["my lawyer"]},
         {"id":"t.en.thanks","category":"gratitude","patterns":["thanks","thank you"]},
         {"id":"t.en.you","category":"addressee","patterns":["you","your","you're"]},
         {"id":"t.en.me","category":"self","patterns":["i","me","i'm"]},
         {"id":"t.en.obj","category":"object","patterns":["app","this","order"]},
         {"id":"t.en.fb","category":"bot-fallback","patterns":["i didn't understand"]}
        ]}
        """;

    public const string JapaneseRules = """
        {"language":"ja","rules":[
         {"id":"t.ja.insult","category":"insult","weight":0.8,"patterns":["バカ","アホ"],"except":["ばかり"]},
         {"id":"t.ja.dogeza","category":"demand","severity":"high","weight":0.9,"patterns":["土下座しろ"]},
         {"id":"t.ja.you","category":"addressee","patterns":["お前","あんた"]},
         {"id":"t.ja.human","category":"human-request","patterns":["人と話したい","担当者に代わって"]}
        ]}
        """;

    public static EscalationEngine Small(EscalationPolicy policy) => new EscalationEngineBuilder { UseBuiltInPacks = false }
        .UsePolicy(policy)
        .AddLexicon("en", EnglishLexicon)
        .AddModifiers("en", "not\tnegator\nvery\tbooster\nbut\tcontrast\n")
        .AddLexicon("ja", "良く\t1.8\n良い\t1.9\n最悪\t-3.2\n届かない\t-2.2\n")
        .AddModifiers("ja", "ない\tpostnegator\nとても\tbooster\n")
        .AddRulePackJson(EnglishRules, "test-en.json")
        .AddRulePackJson(JapaneseRules, "test-ja.json")
        .Build();
}
