namespace Omotenashi.Escalation.ML.Tests;

/// <summary>A small, generated, labelled set (English and Japanese) that trains in about a second.</summary>
internal static class SampleTurns
{
    private static readonly string[] BotEn =
    [
        "what time do you open on saturday", "how do I reset my password", "where is my order 4411", "can I change my delivery address",
        "do you ship to canada", "is the store open on sunday", "how much is shipping", "I need a copy of my invoice",
        "can I pay by credit card", "what is your return policy", "how do I update my email address", "do you have this in blue",
    ];

    private static readonly string[] HumanEn =
    [
        "I have been waiting three weeks and nobody helps me, this is unacceptable", "I want to speak to a real person about my refund",
        "my account was charged twice and I am very upset", "this is the fourth time I am asking and still no answer",
        "your bot keeps misunderstanding me, I need an agent", "I am really frustrated, the package arrived broken again",
        "I want to file a formal complaint about the delay", "nothing works and I am losing money every day",
    ];

    private static readonly string[] KasuHaraEn =
    [
        "you are a useless idiot", "I know where you live", "get on your knees and apologise to me", "I will post your name online",
        "shut up you stupid moron", "you worthless piece of garbage", "fire that incompetent girl or else", "I will find you and hurt you",
    ];

    private static readonly string[] BotJa = ["営業時間を教えてください", "土曜日は営業していますか", "パスワードを変更したいです", "注文番号の配送状況を知りたい", "送料はいくらですか", "支払い方法を教えて", "平日は何時まで開いていますか", "営業日を確認したいです"];

    private static readonly string[] HumanJa = ["三週間も待っているのに誰も対応してくれません", "担当者と話したいです", "返金の件で何度も連絡しているのに解決しません", "二重に請求されていて本当に困っています"];

    private static readonly string[] KasuHaraJa = ["お前はバカか", "土下座しろ", "ネットに晒すぞ", "ふざけるなこの役立たず", "お前みたいな無能はクビにしろ", "バカじゃないの", "このバカ店員が", "本当に使えないバカだ"];

    private static readonly string[] PrefixEn = ["", "hey ", "hello, ", "listen, ", "ok "];
    private static readonly string[] SuffixEn = ["", "!", "?", " now", " please", "!!!"];
    private static readonly string[] PrefixJa = ["", "ちょっと、", "あの、"];
    private static readonly string[] SuffixJa = ["", "！", "。"];

    /// <summary>About 700 turns: every template with a few prefixes and suffixes.</summary>
    public static TrainingSet Create(bool withHuman = true)
    {
        var list = new List<TrainingExample>();
        Add(list, BotEn, ClassifierLabels.Bot, PrefixEn, SuffixEn);
        Add(list, KasuHaraEn, ClassifierLabels.KasuHara, PrefixEn, SuffixEn);
        Add(list, BotJa, ClassifierLabels.Bot, PrefixJa, SuffixJa);
        Add(list, KasuHaraJa, ClassifierLabels.KasuHara, PrefixJa, SuffixJa);
        if (withHuman)
        {
            Add(list, HumanEn, ClassifierLabels.Human, PrefixEn, SuffixEn);
            Add(list, HumanJa, ClassifierLabels.Human, PrefixJa, SuffixJa);
        }

        return new TrainingSet(list, "sample");
    }

    /// <summary>Turns not in the training set, for predictions.</summary>
    public static string[] Probes { get; } =
    [
        "what time do you close on friday?", "you stupid useless idiot!!", "I want a real person, I have been waiting for weeks",
        "お前は本当にバカだな", "日曜日の営業時間は？", "", "   ", "f.u.c.k you idiot", new string('x', 3000), "担当者と話したい",
    ];

    private static void Add(List<TrainingExample> list, string[] texts, string label, string[] prefixes, string[] suffixes)
    {
        foreach (string t in texts)
        {
            foreach (string p in prefixes)
            {
                foreach (string s in suffixes)
                {
                    list.Add(new TrainingExample(p + t + s, label));
                }
            }
        }
    }
}
