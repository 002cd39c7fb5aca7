namespace Helpdesk;

/// <summary>
/// One line of a scripted conversation: the customer, or the bot's (or agent's) own reply, which is context for
/// the engine. The host knows when its bot fell back ("I did not understand"), so it says so rather than letting
/// the engine guess from the text.
/// </summary>
internal sealed record Line(bool FromBot, string Text, bool IsFallback = false)
{
    public static Line Customer(string text) => new(false, text);

    public static Line Bot(string text) => new(true, text);

    public static Line Fallback(string text) => new(true, text, IsFallback: true);
}

/// <summary>The conversations the simulated helpdesk receives at once. Personal data in them is fictitious.</summary>
internal static class Script
{
    /// <summary>The desk a conversation arrives at: <c>global</c> (the default engine) or <c>jp</c> (a keyed engine).</summary>
    public static readonly (string Id, string Desk, Line[] Lines)[] Conversations =
    [
        ("c1-opening-hours", "global", [
            Line.Customer("Hi, what time do you open on Saturday?"),
            Line.Bot("We open at 9:00 on Saturdays."),
            Line.Customer("Great, thanks!"),
        ]),
        ("c2-lost-parcel", "global", [
            Line.Customer("Hi, I am checking on order #4411."),
            Line.Fallback("Sorry, I didn't understand that."),
            Line.Customer("Where is my ORDER?? It has been three weeks, this is ridiculous! Call me on +1 415 555 0199."),
            Line.Bot("I am sorry for the wait. The parcel was held at the depot and arrives tomorrow morning."),
            Line.Customer("Thank you so much, that really helps."),
        ]),
        ("c3-double-charge", "global", [
            Line.Customer("I was charged twice on my card 4111 1111 1111 1111."),
            Line.Bot("I can help with refunds. Could you confirm the date of the charge?"),
            Line.Customer("You are a useless idiot."),
            Line.Customer("I know where you live. Write to me at angry.customer@example.com, you moron."),
            Line.Customer("Are you still there?"),
        ]),
        ("c4-late-delivery-ja", "jp", [
            Line.Customer("注文した商品がまだ届かないんですけど、本当に最悪です。"),
            Line.Customer("担当者に代わってください。"),
            Line.Customer("お前みたいなバカじゃ話にならない。土下座しろ！"),
        ]),
        ("c5-hardship", "global", [
            Line.Customer("I lost my job and I can't pay this bill. Honestly I want to die."),
        ]),
        ("c6-app-crash", "global", [
            Line.Customer("This fucking app crashed AGAIN and deleted my whole cart!!!"),
            Line.Bot("I'm sorry about that. I have restored your cart."),
            Line.Customer("ok thanks, it's back"),
        ]),
        ("c7-damaged-de", "global", [
            Line.Customer("Mein Paket ist beschädigt angekommen. Was kann ich tun?"),
            Line.Bot("Das tut uns leid. Ich schicke Ihnen ein Rücksendeetikett."),
            Line.Customer("Danke für die schnelle Antwort!"),
        ]),
    ];
}
