using System.Runtime.CompilerServices;

namespace Omotenashi.Escalation;

/// <summary>
/// Sorts strings in ordinal order (UTF-16 code units, as <see cref="StringComparer.Ordinal"/>) by multikey
/// quicksort: one character is compared per step instead of whole strings, which pays when, as with lexicon
/// terms and their spelling variants, many keys share long prefixes.
/// </summary>
internal static class OrdinalSort
{
    private const int InsertionSortLimit = 12;

    /// <summary>Key counts from which the packed prefixes are radix sorted first (below, multikey quicksort alone).</summary>
    private const int PrefixThreshold = 4096;

    /// <summary>Key counts from which the two halves are sorted on two threads and then merged.</summary>
    private const int ParallelThreshold = 16384;

    /// <summary>
    /// Returns <paramref name="keys"/> in ordinal order; <paramref name="order"/> gives the original index of each.
    /// Keys must be distinct, so the result does not depend on how the work was split.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string[] Sort(IReadOnlyList<string> keys, out int[] order)
    {
        // The first four characters of every key, packed into one number, are sorted as primitives (contiguous memory,
        // no string dereferences); only keys that share those four characters are then compared as strings.
        int n = keys.Count;
        order = new int[n];
        var sorted = new string[n];
        if (n < PrefixThreshold)
        {
            // Few keys (an engine without the built-in packs): the radix sort's 64K-entry table would cost more.
            for (int i = 0; i < n; i++)
            {
                sorted[i] = keys[i];
                order[i] = i;
            }

            Sort(sorted, order, 0, n, 0);
            return sorted;
        }

        var prefix = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            prefix[i] = Prefix(keys[i]);
            order[i] = i;
        }

        if (n < ParallelThreshold || Environment.ProcessorCount < 2)
        {
            SortRange(keys, prefix, order, sorted, 0, n);
            return sorted;
        }

        int half = n / 2;
        var (k, p, o) = (keys, prefix, order);
        var first = Task.Run(() => SortRange(k, p, o, sorted, 0, half));
        SortRange(keys, prefix, order, sorted, half, n);
        first.GetAwaiter().GetResult();

        var merged = new string[n];
        var mergedOrder = new int[n];
        int a = 0, b = half;
        for (int i = 0; i < n; i++)
        {
            bool takeFirst = b == n || (a < half && (prefix[a] < prefix[b] || (prefix[a] == prefix[b] && string.CompareOrdinal(sorted[a], sorted[b]) < 0)));
            int from = takeFirst ? a++ : b++;
            merged[i] = sorted[from];
            mergedOrder[i] = order[from];
        }

        order = mergedOrder;
        return merged;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortRange(IReadOnlyList<string> keys, ulong[] prefix, int[] order, string[] sorted, int lo, int hi)
    {
        RadixSort(prefix.AsSpan(lo, hi - lo), order.AsSpan(lo, hi - lo));
        for (int i = lo; i < hi; i++)
        {
            sorted[i] = keys[order[i]];
        }

        int start = lo, shortest = int.MaxValue;
        for (int i = lo; i < hi; i++)
        {
            shortest = Math.Min(shortest, sorted[i].Length);
            if (i + 1 == hi || prefix[i + 1] != prefix[start])
            {
                // Keys shorter than four characters are padded with U+0000, which a longer key may hold too: start over.
                Sort(sorted, order, start, i + 1, shortest >= 4 ? 4 : 0);
                start = i + 1;
                shortest = int.MaxValue;
            }
        }
    }

    /// <summary>
    /// Least-significant-digit radix sort of the packed prefixes, one character (16 bits) a pass, carrying the items
    /// along; a pass is skipped when all keys share that character. Linear, and nothing generic to compile at start-up.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RadixSort(Span<ulong> keys, Span<int> items)
    {
        var tempKeys = new ulong[keys.Length];
        var tempItems = new int[keys.Length];
        var count = new int[(1 << 16) + 1];
        Span<ulong> fromKeys = keys, toKeys = tempKeys;
        Span<int> fromItems = items, toItems = tempItems;
        for (int shift = 0; shift < 64; shift += 16)
        {
            count.AsSpan().Clear();
            foreach (ulong k in fromKeys)
            {
                count[(int)((k >> shift) & 0xFFFF) + 1]++;
            }

            if (count[(int)((fromKeys[0] >> shift) & 0xFFFF) + 1] == fromKeys.Length)
            {
                continue;
            }

            for (int d = 0; d < 1 << 16; d++)
            {
                count[d + 1] += count[d];
            }

            for (int i = 0; i < fromKeys.Length; i++)
            {
                int slot = count[(int)((fromKeys[i] >> shift) & 0xFFFF)]++;
                toKeys[slot] = fromKeys[i];
                toItems[slot] = fromItems[i];
            }

            var swapKeys = fromKeys;
            fromKeys = toKeys;
            toKeys = swapKeys;
            var swapItems = fromItems;
            fromItems = toItems;
            toItems = swapItems;
        }

        if (fromKeys != keys)
        {
            fromKeys.CopyTo(keys);
            fromItems.CopyTo(items);
        }
    }

    private static ulong Prefix(string s)
    {
        ulong p = 0;
        for (int i = 0; i < 4; i++)
        {
            p = (p << 16) | (i < s.Length ? s[i] : 0u);
        }

        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sort(string[] keys, int[] items, int lo, int hi, int depth)
    {
        while (hi - lo > InsertionSortLimit)
        {
            int pivot = MedianOfThree(CharAt(keys[lo], depth), CharAt(keys[(lo + hi) >>> 1], depth), CharAt(keys[hi - 1], depth));

            // Three-way partition on the character at depth: [lo, lt) below, [lt, gt) equal, [gt, hi) above.
            int lt = lo, i = lo, gt = hi;
            while (i < gt)
            {
                int c = CharAt(keys[i], depth);
                if (c < pivot)
                {
                    Swap(keys, items, lt++, i++);
                }
                else if (c > pivot)
                {
                    Swap(keys, items, i, --gt);
                }
                else
                {
                    i++;
                }
            }

            // Recurse into the two smaller parts and loop on the largest, so the stack stays logarithmic.
            // Keys equal at depth continue one character further; the key that ends there (-1) is alone.
            int below = lt - lo, equal = gt - lt, above = hi - gt;
            bool equalDone = pivot < 0;
            if (equal >= below && equal >= above && !equalDone)
            {
                Sort(keys, items, lo, lt, depth);
                Sort(keys, items, gt, hi, depth);
                lo = lt;
                hi = gt;
                depth++;
            }
            else if (below >= above)
            {
                Sort(keys, items, gt, hi, depth);
                if (!equalDone)
                {
                    Sort(keys, items, lt, gt, depth + 1);
                }

                hi = lt;
            }
            else
            {
                Sort(keys, items, lo, lt, depth);
                if (!equalDone)
                {
                    Sort(keys, items, lt, gt, depth + 1);
                }

                lo = gt;
            }
        }

        for (int i = lo + 1; i < hi; i++)
        {
            string key = keys[i];
            int item = items[i];
            int j = i - 1;
            while (j >= lo && keys[j].AsSpan(depth).SequenceCompareTo(key.AsSpan(depth)) > 0)
            {
                keys[j + 1] = keys[j];
                items[j + 1] = items[j];
                j--;
            }

            keys[j + 1] = key;
            items[j + 1] = item;
        }
    }

    private static int CharAt(string s, int depth) => depth < s.Length ? s[depth] : -1;

    private static int MedianOfThree(int a, int b, int c) => a < b ? (b < c ? b : Math.Max(a, c)) : (a < c ? a : Math.Max(b, c));

    private static void Swap(string[] keys, int[] items, int a, int b)
    {
        (keys[a], keys[b]) = (keys[b], keys[a]);
        (items[a], items[b]) = (items[b], items[a]);
    }
}
