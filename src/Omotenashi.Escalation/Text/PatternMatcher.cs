using System.Runtime.CompilerServices;

namespace Omotenashi.Escalation;

/// <summary>A match of pattern <see cref="Pattern"/> over normalised characters [<see cref="Start"/>, <see cref="End"/>).</summary>
internal readonly record struct PatternHit(int Start, int End, int Pattern);

/// <summary>
/// Aho–Corasick automaton over normalised text: every lexicon term, modifier, rule pattern and language hint
/// of an engine is compiled once into one immutable automaton, so the hot path is a single pass over the text.
/// Children are stored in compressed sparse rows; the root has a dense table.
/// </summary>
internal sealed class PatternMatcher
{
    private readonly int[] _rootNext;
    private readonly int[] _childStart;
    private readonly char[] _childChar;
    private readonly int[] _childNode;
    private readonly int[] _fail;
    private readonly int[] _output;
    private readonly int[] _dictLink;
    private readonly int[] _patternLength;

    private PatternMatcher(int[] rootNext, int[] childStart, char[] childChar, int[] childNode, int[] fail, int[] output, int[] dictLink, int[] patternLength)
    {
        _rootNext = rootNext;
        _childStart = childStart;
        _childChar = childChar;
        _childNode = childNode;
        _fail = fail;
        _output = output;
        _dictLink = dictLink;
        _patternLength = patternLength;
    }

    public int PatternCount => _patternLength.Length;

    public int NodeCount => _fail.Length;

    /// <summary>Builds the automaton. Patterns must be distinct and non-empty; their index is the pattern id.</summary>
    public static PatternMatcher Build(IReadOnlyList<string> patterns)
    {
        // Insert the patterns in ordinal order: a pattern shares its longest common prefix with the previous one,
        // so the trie is built with a path stack, no hashing; every node's children are created in ascending
        // character order, and one counting pass by parent yields sorted compressed rows.
        var order = new int[patterns.Count];
        var keys = new string[patterns.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = patterns[i];
        }

        Array.Sort(keys, order, StringComparer.Ordinal);
        var lengths = new int[patterns.Count];
        var edgeParent = new List<int>(patterns.Count * 4);
        var edgeChar = new List<char>(patterns.Count * 4);
        var output = new List<int>(patterns.Count * 4) { -1 };
        var path = new List<int> { 0 };
        string previous = string.Empty;
        foreach (int p in order)
        {
            string s = patterns[p];
            int common = 0;
            int max = Math.Min(s.Length, previous.Length);
            while (common < max && s[common] == previous[common])
            {
                common++;
            }

            path.RemoveRange(common + 1, path.Count - common - 1);
            for (int i = common; i < s.Length; i++)
            {
                int node = output.Count;
                output.Add(-1);
                edgeParent.Add(path[^1]);
                edgeChar.Add(s[i]);
                path.Add(node);
            }

            output[path[s.Length]] = p;
            lengths[p] = s.Length;
            previous = s;
        }

        int n = output.Count;
        int edges = edgeParent.Count; // edge e leads to node e + 1
        var childStart = new int[n + 1];
        for (int e = 0; e < edges; e++)
        {
            childStart[edgeParent[e] + 1]++;
        }

        for (int i = 0; i < n; i++)
        {
            childStart[i + 1] += childStart[i];
        }

        var childChar = new char[edges];
        var childNode = new int[edges];
        var fill = new int[n];
        for (int e = 0; e < edges; e++)
        {
            int parent = edgeParent[e];
            int slot = childStart[parent] + fill[parent]++;
            childChar[slot] = edgeChar[e];
            childNode[slot] = e + 1;
        }

        var rootNext = new int[char.MaxValue + 1];
        for (int k = childStart[0]; k < childStart[1]; k++)
        {
            rootNext[childChar[k]] = childNode[k];
        }

        // Failure and dictionary links, breadth first.
        var fail = new int[n];
        var dict = new int[n];
        var outArr = output.ToArray();
        var queue = new int[n];
        int head = 0, tail = 0;
        for (int k = childStart[0]; k < childStart[1]; k++)
        {
            int v = childNode[k];
            fail[v] = 0;
            dict[v] = 0;
            queue[tail++] = v;
        }

        while (head < tail)
        {
            int u = queue[head++];
            for (int k = childStart[u]; k < childStart[u + 1]; k++)
            {
                char c = childChar[k];
                int v = childNode[k];
                int f = fail[u];
                int target;
                while (true)
                {
                    int x = f == 0 ? (rootNext[c] == 0 ? -1 : rootNext[c]) : FindChild(childStart, childChar, childNode, f, c);
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

                fail[v] = target;
                dict[v] = outArr[target] >= 0 ? target : dict[target];
                queue[tail++] = v;
            }
        }

        return new PatternMatcher(rootNext, childStart, childChar, childNode, fail, outArr, dict, lengths);
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

            int next = FindChild(_childStart, _childChar, _childNode, state, c);
            if (next >= 0)
            {
                return next;
            }

            state = _fail[state];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FindChild(int[] childStart, char[] childChar, int[] childNode, int node, char c)
    {
        int lo = childStart[node];
        int hi = childStart[node + 1] - 1;
        if (hi - lo < 8)
        {
            for (int k = lo; k <= hi; k++)
            {
                if (childChar[k] == c)
                {
                    return childNode[k];
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
                return childNode[mid];
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
