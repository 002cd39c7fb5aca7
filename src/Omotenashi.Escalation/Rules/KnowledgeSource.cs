namespace Omotenashi.Escalation;

/// <summary>Where a lexicon or rule pack came from, before compilation.</summary>
internal abstract record KnowledgeSource(string SourceName, bool BuiltIn);

/// <summary>A TSV sentiment lexicon or modifier list; <see cref="Language"/> <c>*</c> applies to all languages.</summary>
internal sealed record LexiconSource(string Language, string Text, string SourceName, bool Modifiers, bool BuiltIn) : KnowledgeSource(SourceName, BuiltIn);

/// <summary>A JSON rule pack, as UTF-8.</summary>
internal sealed record RulePackSource(byte[] Utf8, string SourceName, bool BuiltIn) : KnowledgeSource(SourceName, BuiltIn);
