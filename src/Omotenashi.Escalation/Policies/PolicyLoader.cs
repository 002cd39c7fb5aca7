using System.Text;
using System.Text.Json;

namespace Omotenashi.Escalation;

/// <summary>Reads policies from JSON; every problem names the source, line and field.</summary>
internal static class PolicyLoader
{
    public static EscalationPolicy? Load(string json, string source, List<ConfigurationProblem> problems)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        PolicyDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(utf8, ConfigurationJsonContext.Default.PolicyDocument);
        }
        catch (JsonException ex)
        {
            problems.Add(JsonProblem(source, ex));
            return null;
        }

        if (doc is null)
        {
            problems.Add(new ConfigurationProblem(source, 1, "$", "the document is empty; expected a JSON object"));
            return null;
        }

        int before = problems.Count;
        int LineOf(string path) => JsonLineLocator.Find(utf8, path);
        void Problem(string field, string message) => problems.Add(new ConfigurationProblem(source, LineOf("$." + field), field, message));

        EscalationPolicy basePolicy = EscalationPolicy.Balanced;
        if (doc.BasedOn is not null)
        {
            var preset = EscalationPolicy.GetPreset(doc.BasedOn);
            if (preset is null)
            {
                Problem("basedOn", $"unknown preset '{doc.BasedOn}'; expected Balanced, Omotenashi or Transactional");
            }
            else
            {
                basePolicy = preset;
            }
        }

        var f = basePolicy.Frustration;
        if (doc.Frustration is { } fd)
        {
            f = f with
            {
                Bias = fd.Bias ?? f.Bias,
                NegativeLevel = fd.NegativeLevel ?? f.NegativeLevel,
                NegativeAverage = fd.NegativeAverage ?? f.NegativeAverage,
                ConsecutiveNegative = fd.ConsecutiveNegative ?? f.ConsecutiveNegative,
                Trend = fd.Trend ?? f.Trend,
                Emphasis = fd.Emphasis ?? f.Emphasis,
                Profanity = fd.Profanity ?? f.Profanity,
                Repetition = fd.Repetition ?? f.Repetition,
                Fallbacks = fd.Fallbacks ?? f.Fallbacks,
                LowConfidence = fd.LowConfidence ?? f.LowConfidence,
                Duration = fd.Duration ?? f.Duration,
                Classifier = fd.Classifier ?? f.Classifier,
            };
        }

        var cues = basePolicy.HumanCues;
        if (doc.HumanCues is { } cueNames)
        {
            cues = HumanCues.None;
            for (int i = 0; i < cueNames.Count; i++)
            {
                if (TryParseCue(cueNames[i], out var cue))
                {
                    cues |= cue;
                }
                else
                {
                    problems.Add(new ConfigurationProblem(source, LineOf($"$.humanCues[{i}]"), $"humanCues[{i}]", $"unknown cue '{cueNames[i]}'; expected legal, churn, hardship, staff-complaint, low-confidence, long-conversation or all"));
                }
            }
        }

        var protocol = basePolicy.Protocol;
        if (doc.Protocol is { } steps)
        {
            var list = new List<ProtocolAction>();
            for (int i = 0; i < steps.Count; i++)
            {
                if (TryParseAction(steps[i], out var a))
                {
                    list.Add(a);
                }
                else
                {
                    problems.Add(new ConfigurationProblem(source, LineOf($"$.protocol[{i}]"), $"protocol[{i}]", $"unknown action '{steps[i]}'; expected set-boundary, final-warning, end-conversation or transfer-to-supervisor"));
                }
            }

            protocol = list;
        }

        var severe = basePolicy.SevereAction;
        if (doc.SevereAction is not null && !TryParseAction(doc.SevereAction, out severe))
        {
            Problem("severeAction", $"unknown action '{doc.SevereAction}'; expected set-boundary, final-warning, end-conversation or transfer-to-supervisor");
        }

        var policy = basePolicy with
        {
            Name = doc.Name ?? basePolicy.Name,
            Version = doc.Version ?? basePolicy.Version,
            HarassmentThreshold = doc.HarassmentThreshold ?? basePolicy.HarassmentThreshold,
            FrustrationThreshold = doc.FrustrationThreshold ?? basePolicy.FrustrationThreshold,
            HonorExplicitRequests = doc.HonorExplicitRequests ?? basePolicy.HonorExplicitRequests,
            FallbacksBeforeHuman = doc.FallbacksBeforeHuman ?? basePolicy.FallbacksBeforeHuman,
            RepeatedDemandsBeforeHuman = doc.RepeatedDemandsBeforeHuman ?? basePolicy.RepeatedDemandsBeforeHuman,
            RepeatedDemandsForTimeBinding = doc.RepeatedDemandsForTimeBinding ?? basePolicy.RepeatedDemandsForTimeBinding,
            LongConversation = doc.LongConversationMinutes is { } lm ? TimeSpan.FromMinutes(Math.Max(lm, 0)) : basePolicy.LongConversation,
            TimeBindingDuration = doc.TimeBindingMinutes is { } tm ? TimeSpan.FromMinutes(Math.Max(tm, 0)) : basePolicy.TimeBindingDuration,
            ImplicitTargetFactor = doc.ImplicitTargetFactor ?? basePolicy.ImplicitTargetFactor,
            ObjectTargetFactor = doc.ObjectTargetFactor ?? basePolicy.ObjectTargetFactor,
            ClassifierWeight = doc.ClassifierWeight ?? basePolicy.ClassifierWeight,
            SentimentSmoothing = doc.SentimentSmoothing ?? basePolicy.SentimentSmoothing,
            DeEscalationSentiment = doc.DeEscalationSentiment ?? basePolicy.DeEscalationSentiment,
            LowConfidenceThreshold = doc.LowConfidenceThreshold ?? basePolicy.LowConfidenceThreshold,
            HumanCues = cues,
            Protocol = protocol,
            SevereAction = severe,
            Frustration = f,
        };

        policy.Validate(source, problems, LineOf);
        return problems.Count > before ? null : policy;
    }

    internal static ConfigurationProblem JsonProblem(string source, JsonException ex)
    {
        string field = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        string message = ex.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        return new ConfigurationProblem(source, (int)(ex.LineNumber ?? -1) + 1, field, message);
    }

    internal static bool TryParseAction(string? name, out ProtocolAction action)
    {
        action = Normalize(name) switch
        {
            "setboundary" or "boundary" => ProtocolAction.SetBoundary,
            "finalwarning" or "warning" => ProtocolAction.FinalWarning,
            "endconversation" or "end" => ProtocolAction.EndConversation,
            "transfertosupervisor" or "supervisor" => ProtocolAction.TransferToSupervisor,
            _ => ProtocolAction.None,
        };
        return action != ProtocolAction.None;
    }

    private static bool TryParseCue(string? name, out HumanCues cue)
    {
        cue = Normalize(name) switch
        {
            "legal" => HumanCues.Legal,
            "churn" => HumanCues.Churn,
            "hardship" => HumanCues.Hardship,
            "staffcomplaint" => HumanCues.StaffComplaint,
            "lowconfidence" => HumanCues.LowConfidence,
            "longconversation" => HumanCues.LongConversation,
            "all" => HumanCues.All,
            _ => HumanCues.None,
        };
        return cue != HumanCues.None;
    }

    internal static string Normalize(string? name)
    {
        if (name is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
