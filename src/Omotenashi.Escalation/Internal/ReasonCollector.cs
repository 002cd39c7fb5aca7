namespace Omotenashi.Escalation;

/// <summary>Accumulates reasons, keeping the strongest <see cref="ReasonList.Capacity"/> in order.</summary>
internal struct ReasonCollector
{
    private ReasonList.Buffer _items;
    private int _count;

    public readonly int Count => _count;

    public void Add(in Reason reason)
    {
        // Insertion into a sorted inline buffer: stable (earlier reasons win ties), strongest first.
        int pos = _count;
        while (pos > 0 && _items[pos - 1].Weight < reason.Weight)
        {
            pos--;
        }

        if (pos >= ReasonList.Capacity)
        {
            return;
        }

        int last = Math.Min(_count, ReasonList.Capacity - 1);
        for (int i = last; i > pos; i--)
        {
            _items[i] = _items[i - 1];
        }

        _items[pos] = reason;
        if (_count < ReasonList.Capacity)
        {
            _count++;
        }
    }

    public readonly bool Contains(string code)
    {
        for (int i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_items[i].Code, code) || string.Equals(_items[i].Code, code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public readonly ReasonList ToList() => new(_items, _count);
}
