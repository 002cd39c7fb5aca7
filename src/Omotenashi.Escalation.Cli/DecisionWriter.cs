using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Omotenashi.Escalation.Cli;

/// <summary>Writes decisions as JSON Lines in the contract's field names.</summary>
internal sealed class DecisionWriter : IDisposable
{
    private static readonly string[] Routes = ["bot", "human", "kasuhara"];
    private static readonly string[] Urgencies = ["low", "normal", "high", "critical"];
    private static readonly string[] Actions = ["none", "set-boundary", "final-warning", "end-conversation", "transfer-to-supervisor"];
    private static readonly string[] Severities = ["none", "low", "moderate", "high", "severe"];
    private static readonly string[] Sources = ["sentiment", "rule", "classifier", "conversation", "policy", "host"];
    private static readonly string[] Categories = ["insult", "threat", "exposure", "demand", "sexual", "discrimination", "time-binding"];

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    public DecisionWriter()
    {
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public static string RouteName(Route route) => Routes[(int)route];

    public void Dispose() => _json.Dispose();

    public string Format(string id, string conversation, in EscalationDecision d)
    {
        _buffer.ResetWrittenCount();
        _json.Reset();
        var w = _json;
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("conversation", conversation);
        w.WriteString("route", Routes[(int)d.Route]);
        w.WriteString("urgency", Urgencies[(int)d.Urgency]);
        w.WriteNumber("confidence", Math.Round(d.Confidence, 4));
        w.WriteString("language", d.Language);
        w.WriteNumber("sentiment", Math.Round(d.Sentiment, 4));
        w.WriteNumber("frustration", Math.Round(d.Frustration, 4));
        w.WriteNumber("harassment", Math.Round(d.Harassment, 4));
        w.WriteStartArray("categories");
        int flags = (int)d.KasuHara.Categories;
        for (int i = 0; i < Categories.Length; i++)
        {
            if ((flags & (1 << i)) != 0)
            {
                w.WriteStringValue(Categories[i]);
            }
        }

        w.WriteEndArray();
        w.WriteString("severity", Severities[(int)d.KasuHara.Severity]);
        w.WriteString("protocol", Actions[(int)d.KasuHara.Action]);
        w.WriteStartArray("reasons");
        foreach (var r in d.Reasons)
        {
            w.WriteStartObject();
            w.WriteString("code", r.Code);
            w.WriteString("source", Sources[(int)r.Source]);
            w.WriteNumber("weight", Math.Round(r.Weight, 4));
            w.WriteNumber("turn", r.Turn);
            w.WriteNumber("start", r.Start);
            w.WriteNumber("length", r.Length);
            if (r.RuleId is not null)
            {
                w.WriteString("rule", r.RuleId);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("policy", d.PolicyName);
        w.WriteString("policyVersion", d.PolicyVersion);
        w.WriteEndObject();
        w.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
