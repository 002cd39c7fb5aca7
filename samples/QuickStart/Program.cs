// QuickStart: one engine on the built-in defaults, two short conversations (English and Japanese),
// each turn decided with its route, urgency, confidence and reasons.
using Omotenashi.Escalation;

Console.OutputEncoding = System.Text.Encoding.UTF8;
var engine = new EscalationEngineBuilder()
    .UsePolicy(EscalationPolicy.Omotenashi)
    .Build();

(string Speaker, string Text)[] english =
[
    ("customer", "Hi, what time do you open on Saturday?"),
    ("bot", "We open at 9:00 on Saturdays."),
    ("customer", "My order #4411 still hasn't arrived and it's been three weeks. This is ridiculous!"),
    ("bot", "Sorry, I didn't understand that."),
    ("customer", "Can I please talk to a real person?"),
    ("customer", "You are a useless idiot and I know where you live."),
];

(string Speaker, string Text)[] japanese =
[
    ("customer", "営業時間を教えてください。"),
    ("bot", "平日は9時から18時まで営業しております。"),
    ("customer", "注文した商品がまだ届かないんですけど、本当に最悪です。"),
    ("customer", "担当者に代わってください。"),
    ("customer", "お前みたいなバカじゃ話にならない。土下座しろ！"),
];

Run("English", english);
Run("日本語", japanese);

void Run(string title, (string Speaker, string Text)[] conversation)
{
    Console.WriteLine($"== {title} ({engine.Policy.Name} policy {engine.Policy.Version})");
    var state = ConversationState.Initial;
    foreach (var (speaker, text) in conversation)
    {
        if (speaker == "bot")
        {
            state = engine.ObserveBotTurn(text, state);
            Console.WriteLine($"   bot: {text}");
            continue;
        }

        var d = engine.Decide(new CustomerTurn(text), state);
        state = d.State;
        Console.WriteLine($"  user: {text}");
        Console.WriteLine($"     → {d.Route} (urgency {d.Urgency}, confidence {d.Confidence:0.00}; sentiment {d.Sentiment:+0.00;-0.00}, frustration {d.Frustration:0.00}, harassment {d.Harassment:0.00})");
        if (d.Route == Route.KasuHara)
        {
            Console.WriteLine($"       kasu-hara: {d.KasuHara.Categories}, severity {d.KasuHara.Severity}, protocol: {d.KasuHara.Action}");
        }

        foreach (var r in d.Reasons)
        {
            string evidence = r.Length > 0 ? $" \"{r.EvidenceIn(text)}\"" : string.Empty;
            Console.WriteLine($"       {r.Code,-26} {r.Source,-12} {r.Weight:0.00}{evidence}");
        }
    }

    Console.WriteLine();
}
