namespace Omotenashi.Escalation.Cli;

/// <summary>Builds the engine the options ask for: policy, extra rule packs, optional model.</summary>
internal static class EngineFactory
{
    public static EscalationEngine Create(Options options)
    {
        var builder = new EscalationEngineBuilder().UsePolicy(options.Policy ?? "Balanced");
        foreach (string rules in options.Rules)
        {
            builder.AddRulePackFile(rules);
        }

        if (options.Model is not null)
        {
            ModelSupport.Attach(builder, options.Model);
        }

        return builder.Build();
    }
}
