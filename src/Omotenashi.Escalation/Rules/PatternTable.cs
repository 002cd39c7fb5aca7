using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Omotenashi.Escalation;

/// <summary>
/// The patterns of an engine being compiled, each with its entries, in the order they were first added. Entries
/// of all patterns live in one list, chained per pattern, so tens of thousands of patterns cost a few large
/// arrays instead of a small list each (less to allocate and less for the garbage collector to copy at start-up).
/// </summary>
internal sealed class PatternTable
{
    private readonly Dictionary<string, int> _index;
    private readonly List<string> _patterns;
    private readonly List<int> _first;
    private readonly List<int> _last;
    private readonly List<MatchEntry> _entries;
    private readonly List<int> _next;

    public PatternTable(int capacity)
    {
        _index = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _patterns = new List<string>(capacity);
        _first = new List<int>(capacity);
        _last = new List<int>(capacity);
        _entries = new List<MatchEntry>(capacity);
        _next = new List<int>(capacity);
    }

    public int Count => _patterns.Count;

    public bool Contains(string pattern) => _index.ContainsKey(pattern);

    /// <summary>Makes room for <paramref name="more"/> further patterns and entries at once.</summary>
    public void Reserve(int more)
    {
        _index.EnsureCapacity(_patterns.Count + more);
        _patterns.EnsureCapacity(_patterns.Count + more);
        _first.EnsureCapacity(_patterns.Count + more);
        _last.EnsureCapacity(_patterns.Count + more);
        _entries.EnsureCapacity(_entries.Count + more);
        _next.EnsureCapacity(_entries.Count + more);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string pattern, MatchEntry entry)
    {
        ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_index, pattern, out bool exists);
        if (!exists)
        {
            slot = _patterns.Count;
            _patterns.Add(pattern);
            _first.Add(_entries.Count);
            _last.Add(_entries.Count);
            _entries.Add(entry);
            _next.Add(-1);
            return;
        }

        int p = slot;

        // Host entries override built-in ones for the same term, language and layer.
        var entries = CollectionsMarshal.AsSpan(_entries);
        for (int i = _first[p]; i >= 0; i = _next[i])
        {
            var e = entries[i];
            bool sameSlot = e.Language == entry.Language && e.NeedStart == entry.NeedStart && e.NeedEnd == entry.NeedEnd;
            if (sameSlot && e.IsSentimentLayer && entry.IsSentimentLayer)
            {
                entries[i] = entry;
                return;
            }

            if (sameSlot && e.Kind == entry.Kind && e.Rule == entry.Rule)
            {
                return;
            }
        }

        _next[_last[p]] = _entries.Count;
        _last[p] = _entries.Count;
        _entries.Add(entry);
        _next.Add(-1);
    }

    /// <summary>
    /// The patterns in the order first added, and their entries: those of pattern p are
    /// <c>entries[entryStart[p]..entryStart[p + 1]]</c>, in the order added.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (List<string> Patterns, int[] EntryStart, MatchEntry[] Entries) Flatten()
    {
        var entryStart = new int[_patterns.Count + 1];
        var entries = new MatchEntry[_entries.Count];
        int n = 0;
        for (int p = 0; p < _patterns.Count; p++)
        {
            entryStart[p] = n;
            for (int i = _first[p]; i >= 0; i = _next[i])
            {
                entries[n++] = _entries[i];
            }
        }

        entryStart[_patterns.Count] = n;
        return (_patterns, entryStart, entries);
    }
}
