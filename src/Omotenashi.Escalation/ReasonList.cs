using System.Collections;
using System.Runtime.CompilerServices;

namespace Omotenashi.Escalation;

/// <summary>
/// The reasons of one decision, strongest first, held inline (no heap allocation).
/// At most <see cref="Capacity"/> reasons are kept; weaker ones are dropped.
/// </summary>
public readonly struct ReasonList : IReadOnlyList<Reason>
{
    /// <summary>The most reasons a decision carries.</summary>
    public const int Capacity = 8;

    private readonly Buffer _items;
    private readonly int _count;

    internal ReasonList(in Buffer items, int count)
    {
        _items = items;
        _count = count;
    }

    /// <summary>Number of reasons.</summary>
    public int Count => _count;

    /// <summary>The reason at <paramref name="index"/> (0 is the strongest).</summary>
    public Reason this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                ThrowHelper.ThrowArgumentOutOfRange(nameof(index));
            }

            return _items[index];
        }
    }

    /// <summary>The strongest reason, or <see langword="null"/> when there is none.</summary>
    public Reason? Primary => _count == 0 ? null : _items[0];

    /// <summary>Whether a reason with the given code is present.</summary>
    public bool Contains(string code)
    {
        for (int i = 0; i < _count; i++)
        {
            if (string.Equals(_items[i].Code, code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns a struct enumerator (no allocation in <c>foreach</c>).</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Reason> IEnumerable<Reason>.GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return _items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<Reason>)this).GetEnumerator();

    /// <summary>Enumerates a <see cref="ReasonList"/>.</summary>
    public struct Enumerator
    {
        private readonly ReasonList _list;
        private int _index;

        internal Enumerator(ReasonList list)
        {
            _list = list;
            _index = -1;
        }

        /// <summary>The current reason.</summary>
        public readonly Reason Current => _list._items[_index];

        /// <summary>Advances to the next reason.</summary>
        public bool MoveNext() => ++_index < _list._count;
    }

    [InlineArray(Capacity)]
    internal struct Buffer
    {
        private Reason _element0;
    }
}
