using System.Runtime.CompilerServices;

namespace Omotenashi.Escalation;

/// <summary>A match of pattern <see cref="Pattern"/> over normalised characters [<see cref="Start"/>, <see cref="End"/>).</summary>
internal readonly record struct PatternHit(int Start, int End, int Pattern);

/// <summary>
/// Aho–Corasick automaton over normalised text: every lexicon term, modifier, rule pattern and language hint
/// of an engine is compiled once into one immutable automaton, so the hot path is a single pass over the text.
/// Nodes are numbered breadth first, so the children of a node are consecutive nodes and those of consecutive
/// nodes follow each other: child slot <c>k</c> leads to node <c>k + 1</c>, and the rows of
/// <see cref="_childStart"/> need no separate target array. The root has a dense table.
/// </summary>
internal sealed class PatternMatcher
{
    private readonly int[] _rootNext;
    private readonly int[] _childStart;
    private readonly char[] _childChar;
    private readonly int[] _fail;
    private readonly int[] _output;
    private readonly int[] _dictLink;
    private readonly int[] _patternLength;

    private PatternMatcher(int[] rootNext, int[] childStart, char[] childChar, int[] fail, int[] output, int[] dictLink, int[] patternLength)
    {
        _rootNext = rootNext;
        _childStart = childStart;
        _childChar = childChar;
        _fail = fail;
        _output = output;
        _dictLink = dictLink;
        _patternLength = patternLength;
    }

    public int PatternCount => _patternLength.Length;

    public int NodeCount => _fail.Length;

    /// <summary>Builds the automaton. Patterns must be distinct and non-empty; their index is the pattern id.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PatternMatcher Build(IReadOnlyList<string> patterns)
    {
        // The nodes of depth d are the distinct d-character prefixes of the patterns; in ordinal order of the
        // patterns they come out in breadth-first order, grouped by parent, children in ascending character order.
        // Each pattern adds one node for every character past its common prefix with the pattern before it, so
        // counting those per depth gives where each depth starts, and one walk over the sorted patterns with a path
        // stack (no hashing) numbers every node breadth first.
        var keys = OrdinalSort.Sort(patterns, out int[] order);
        var common = new int[keys.Length];
        int n = 1, maxLength = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            common[i] = i == 0 ? 0 : keys[i].AsSpan().CommonPrefixLength(keys[i - 1]);
            n += keys[i].Length - common[i];
            maxLength = Math.Max(maxLength, keys[i].Length);
        }

        // next[d]: the next free node of depth d, starting at the first node of that depth.
        var next = new int[maxLength + 2];
        for (int i = 0; i < keys.Length; i++)
        {
            next[common[i] + 1]++;
            next[keys[i].Length + 1]--;
        }

        for (int d = 1, count = 0, start = 1; d <= maxLength; d++)
        {
            count += next[d];
            next[d] = start;
            start += count;
        }

        var lengths = new int[keys.Length];
        var childStart = new int[n + 1];
        var childChar = new char[n - 1];
        var outArr = new int[n];
        outArr.AsSpan().Fill(-1);
        var path = new int[maxLength + 1];
        for (int i = 0; i < keys.Length; i++)
        {
            string s = keys[i];
            for (int d = common[i] + 1; d <= s.Length; d++)
            {
                int node = next[d]++;
                childChar[node - 1] = s[d - 1];
                childStart[path[d - 1] + 1]++;
                path[d] = node;
            }

            outArr[path[s.Length]] = order[i];
            lengths[order[i]] = s.Length;
        }

        for (int u = 0; u < n; u++)
        {
            childStart[u + 1] += childStart[u];
        }

        var rootNext = new int[char.MaxValue + 1];
        for (int k = childStart[0]; k < childStart[1]; k++)
        {
            rootNext[childChar[k]] = k + 1;
        }

        // Failure and dictionary links, breadth first: node order is breadth-first order, so every link points to a
        // node already done.
        var fail = new int[n];
        var dict = new int[n];
        for (int u = 1; u < n; u++)
        {
            for (int k = childStart[u]; k < childStart[u + 1]; k++)
            {
                char c = childChar[k];
                int f = fail[u];
                int target;
                while (true)
                {
                    int x = f == 0 ? (rootNext[c] == 0 ? -1 : rootNext[c]) : FindChild(childStart, childChar, f, c);
                    if (x >= 0)
                    {
                        target = x;
                        break;
                    }

                    if (f == 0)
                    {
                        target = 0;
                        break;
                    }

                    f = fail[f];
                }

                fail[k + 1] = target;
                dict[k + 1] = outArr[target] >= 0 ? target : dict[target];
            }
        }

        return new PatternMatcher(rootNext, childStart, childChar, fail, outArr, dict, lengths);
    }

    /// <summary>
    /// Finds every occurrence of every pattern in one pass. Returns the number of hits written; stops
    /// collecting (but never fails) when <paramref name="hits"/> is full.
    /// </summary>
    public int Match(ReadOnlySpan<char> text, Span<PatternHit> hits)
    {
        int count = 0;
        int state = 0;
        int[] output = _output;
        int[] dict = _dictLink;
        for (int i = 0; i < text.Length; i++)
        {
            state = Step(state, text[i]);
            int t = output[state] >= 0 ? state : dict[state];
            while (t > 0)
            {
                if (count == hits.Length)
                {
                    return count;
                }

                int p = output[t];
                hits[count++] = new PatternHit(i + 1 - _patternLength[p], i + 1, p);
                t = dict[t];
            }
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Step(int state, char c)
    {
        while (true)
        {
            if (state == 0)
            {
                return _rootNext[c];
            }

            int next = FindChild(_childStart, _childChar, state, c);
            if (next >= 0)
            {
                return next;
            }

            state = _fail[state];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FindChild(int[] childStart, char[] childChar, int node, char c)
    {
        int lo = childStart[node];
        int hi = childStart[node + 1] - 1;
        if (hi - lo < 8)
        {
            for (int k = lo; k <= hi; k++)
            {
                if (childChar[k] == c)
                {
                    return k + 1;
                }
            }

            return -1;
        }

        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            char m = childChar[mid];
            if (m == c)
            {
                return mid + 1;
            }

            if (m < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }
}
