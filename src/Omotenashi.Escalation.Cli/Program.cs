using Omotenashi.Escalation.Cli;

return await CommandLine.RunAsync(args, Console.In, Console.Out, Console.Error).ConfigureAwait(false);
