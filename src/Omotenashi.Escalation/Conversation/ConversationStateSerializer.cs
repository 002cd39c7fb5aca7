using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Omotenashi.Escalation;

/// <summary>
/// Turns a <see cref="ConversationState"/> into a compact, versioned byte string (60 to 110 bytes) and back,
/// so a host can keep conversation state in any store, and rejects state that was tampered with, corrupted or
/// written by an unknown version with a <see cref="ConversationStateFormatException"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Format.</b> One format-version byte (<see cref="FormatVersion"/>), one flags byte (signed or not), the
/// fields in a fixed order (integers as zig-zag variable-length integers, scores as IEEE 754 doubles so a
/// round trip is bit-exact and decisions stay deterministic, timestamps as UTC ticks plus the offset in
/// minutes), then the integrity trailer: an HMAC-SHA256 (32 bytes) over everything before it when the host
/// supplies a key, otherwise a CRC-32 (4 bytes). The state holds no customer text, only counts, scores and a
/// similarity fingerprint. <see cref="SerializeToString"/> gives the same bytes as base64url for text stores.
/// </para>
/// <para>
/// <b>Which to use.</b> The CRC-32 catches corruption, not an attacker: anyone who can write to the store can
/// forge a matching checksum. When the state travels through a place the customer can touch (a cookie, a
/// client-side token, a shared cache other tenants can write), give every machine the same secret key of at
/// least <see cref="MinimumKeyLength"/> bytes from the host's secret store; a serializer with a key then
/// rejects unsigned state and state signed with another key. To rotate a key, deserialise with the new key
/// and fall back to a serializer with the old one until state written before the change has expired.
/// </para>
/// <para>
/// <b>Many machines.</b> A helpdesk on several machines implements <see cref="IConversationStateStore"/> over its
/// distributed cache and this serializer, so any machine can decide the next turn of any conversation. For
/// example, over <c>IDistributedCache</c> (Microsoft.Extensions.Caching.Abstractions, with Redis, SQL Server
/// or any other provider behind it):
/// <code>
/// public sealed class DistributedConversationStateStore(IDistributedCache cache, ConversationStateSerializer serializer, ILogger&lt;DistributedConversationStateStore&gt; log)
///     : IConversationStateStore
/// {
///     private static readonly DistributedCacheEntryOptions Expiry = new() { SlidingExpiration = TimeSpan.FromMinutes(30) };
///
///     public async ValueTask&lt;ConversationState?&gt; GetAsync(string id, CancellationToken ct = default)
///     {
///         byte[]? bytes = await cache.GetAsync("omotenashi:" + id, ct);
///         try { return bytes is null ? null : serializer.Deserialize(bytes); }
///         catch (ConversationStateFormatException e) { log.LogWarning(e, "Conversation state rejected; starting afresh."); return null; }
///     }
///
///     public ValueTask SetAsync(string id, ConversationState state, CancellationToken ct = default)
///         => new(cache.SetAsync("omotenashi:" + id, serializer.Serialize(state), Expiry, ct));
///
///     public ValueTask RemoveAsync(string id, CancellationToken ct = default)
///         => new(cache.RemoveAsync("omotenashi:" + id, ct));
/// }
/// </code>
/// Register it before (or instead of) <c>AddOmotenashiEscalation</c>'s in-memory default, with
/// <c>services.AddSingleton&lt;IConversationStateStore, DistributedConversationStateStore&gt;()</c> and
/// <c>services.AddSingleton(new ConversationStateSerializer(key))</c>. Turns of one conversation still have to be
/// decided one after another (route them to one worker, or use the cache's compare-and-set).
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class ConversationStateSerializer
{
    /// <summary>The format version written in the first byte; other versions are rejected.</summary>
    public const byte FormatVersion = 1;

    /// <summary>The shortest signing key accepted, in bytes (256 bits, the size of the HMAC-SHA256 output).</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>The longest serialised form, in bytes.</summary>
    public const int MaxSerializedLength = 2 + (13 * 5) + 1 + (5 * 8) + (2 * 10) + HmacLength;

    private const byte FlagSigned = 1;
    private const byte FlagStartedAt = 1 << 1;
    private const byte FlagLastTurnAt = 1 << 2;
    private const byte FlagLastBotTurnWasFallback = 1 << 3;
    private const byte FlagAnsweredSinceLastTurn = 1 << 4;
    private const byte FlagWithHuman = 1 << 5;
    private const byte KnownFlags = (1 << 6) - 1;
    private const int HmacLength = 32;
    private const int CrcLength = 4;

    private readonly byte[]? _key;

    /// <summary>Creates a serializer that protects state with a CRC-32 checksum (corruption, not tampering).</summary>
    public ConversationStateSerializer()
    {
    }

    /// <summary>Creates a serializer that signs state with HMAC-SHA256 and accepts only state signed with the same key.</summary>
    /// <param name="signingKey">A secret of at least <see cref="MinimumKeyLength"/> bytes, the same on every machine; it is copied.</param>
    /// <exception cref="ArgumentException">When the key is shorter than <see cref="MinimumKeyLength"/>.</exception>
    public ConversationStateSerializer(ReadOnlySpan<byte> signingKey)
    {
        if (signingKey.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"The signing key must be at least {MinimumKeyLength} bytes; it was {signingKey.Length}.", nameof(signingKey));
        }

        _key = signingKey.ToArray();
    }

    /// <summary>A shared serializer without a key (CRC-32 checksum).</summary>
    public static ConversationStateSerializer Default { get; } = new();

    /// <summary>Whether this serializer signs with a key (HMAC-SHA256) rather than checksumming.</summary>
    public bool IsSigned => _key is not null;

    /// <summary>Serialises a state.</summary>
    /// <param name="state">The state to write.</param>
    /// <returns>The compact, versioned bytes with their checksum or signature.</returns>
    public byte[] Serialize(ConversationState state)
    {
        Span<byte> buffer = stackalloc byte[MaxSerializedLength];
        int written = Serialize(state, buffer);
        return buffer[..written].ToArray();
    }

    /// <summary>Serialises a state into a buffer of at least <see cref="MaxSerializedLength"/> bytes.</summary>
    /// <param name="state">The state to write.</param>
    /// <param name="destination">Where to write it.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException">When the destination is shorter than <see cref="MaxSerializedLength"/>.</exception>
    public int Serialize(ConversationState state, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (destination.Length < MaxSerializedLength)
        {
            throw new ArgumentException($"The destination must hold at least {MaxSerializedLength} bytes.", nameof(destination));
        }

        byte flags = (byte)((_key is not null ? FlagSigned : 0)
            | (state.StartedAt.HasValue ? FlagStartedAt : 0)
            | (state.LastTurnAt.HasValue ? FlagLastTurnAt : 0)
            | (state.LastBotTurnWasFallback ? FlagLastBotTurnWasFallback : 0)
            | (state.AnsweredSinceLastTurn ? FlagAnsweredSinceLastTurn : 0)
            | (state.WithHuman ? FlagWithHuman : 0));

        var w = new Writer(destination);
        w.Byte(FormatVersion);
        w.Byte(flags);
        w.VarInt(state.SchemaVersion);
        w.VarInt(state.TurnCount);
        w.VarInt(state.BotTurnCount);
        w.VarInt(state.ConsecutiveNegativeTurns);
        w.VarInt(state.ConsecutiveFallbacks);
        w.VarInt(state.TotalFallbacks);
        w.VarInt(state.RepeatedDemands);
        w.VarInt(state.RepeatedAfterAnswer);
        w.VarInt(state.HumanRequests);
        w.VarInt(state.KasuHaraStrikes);
        w.VarInt((int)state.KasuHaraCategoriesSeen);
        w.VarInt((int)state.ProtocolStep);
        w.VarInt((int)state.LastRoute);
        w.Double(state.SentimentAverage);
        w.Double(state.SentimentTrend);
        w.Double(state.LastSentiment);
        w.Double(state.LastFrustration);
        w.UInt64(state.LastTurnFingerprint);
        if (state.StartedAt is { } started)
        {
            w.Timestamp(started);
        }

        if (state.LastTurnAt is { } last)
        {
            w.Timestamp(last);
        }

        int body = w.Position;
        if (_key is not null)
        {
            HMACSHA256.HashData(_key, destination[..body], destination.Slice(body, HmacLength));
            return body + HmacLength;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(destination.Slice(body, CrcLength), Crc32.Compute(destination[..body]));
        return body + CrcLength;
    }

    /// <summary>Serialises a state as base64url text (no padding), for stores that keep strings.</summary>
    /// <param name="state">The state to write.</param>
    public string SerializeToString(ConversationState state)
    {
        Span<byte> buffer = stackalloc byte[MaxSerializedLength];
        int written = Serialize(state, buffer);
        return Base64Url.EncodeToString(buffer[..written]);
    }

    /// <summary>Reads a state written by <see cref="Serialize(ConversationState)"/>.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The state, equal to the one serialised.</returns>
    /// <exception cref="ConversationStateFormatException">
    /// When the bytes are empty, truncated, of an unknown format or schema version, fail the checksum or signature,
    /// are unsigned while this serializer has a key (or signed while it has none), or hold values out of range.
    /// </exception>
    public ConversationState Deserialize(ReadOnlySpan<byte> data)
    {
        if (data.Length < 2)
        {
            throw new ConversationStateFormatException("Conversation state is empty or truncated.");
        }

        if (data[0] != FormatVersion)
        {
            throw new ConversationStateFormatException($"Conversation state has unknown format version {data[0]}; this library reads version {FormatVersion}.");
        }

        byte flags = data[1];
        bool signed = (flags & FlagSigned) != 0;
        if (signed && _key is null)
        {
            throw new ConversationStateFormatException("Conversation state is signed, but this serializer has no key: create it with the signing key.");
        }

        if (!signed && _key is not null)
        {
            throw new ConversationStateFormatException("Conversation state is not signed, but this serializer requires a signature: it was written without the key or altered.");
        }

        int trailer = signed ? HmacLength : CrcLength;
        if (data.Length < 2 + trailer)
        {
            throw new ConversationStateFormatException("Conversation state is truncated.");
        }

        var body = data[..^trailer];
        var mac = data[^trailer..];
        if (_key is not null)
        {
            Span<byte> expected = stackalloc byte[HmacLength];
            HMACSHA256.HashData(_key, body, expected);
            if (!CryptographicOperations.FixedTimeEquals(expected, mac))
            {
                throw new ConversationStateFormatException("Conversation state signature does not match: it was altered or signed with another key.");
            }
        }
        else if (BinaryPrimitives.ReadUInt32LittleEndian(mac) != Crc32.Compute(body))
        {
            throw new ConversationStateFormatException("Conversation state checksum does not match: it was altered or corrupted.");
        }

        if ((flags & ~KnownFlags) != 0)
        {
            throw new ConversationStateFormatException($"Conversation state has unknown flags 0x{flags:X2}.");
        }

        var r = new Reader(body[2..]);
        int schema = r.VarInt();
        if (schema < 1 || schema > ConversationState.CurrentSchemaVersion)
        {
            throw new ConversationStateFormatException($"Conversation state has unknown schema version {schema}; this library reads versions 1 to {ConversationState.CurrentSchemaVersion}.");
        }

        var state = new ConversationState
        {
            SchemaVersion = schema,
            TurnCount = r.Count(nameof(ConversationState.TurnCount)),
            BotTurnCount = r.Count(nameof(ConversationState.BotTurnCount)),
            ConsecutiveNegativeTurns = r.Count(nameof(ConversationState.ConsecutiveNegativeTurns)),
            ConsecutiveFallbacks = r.Count(nameof(ConversationState.ConsecutiveFallbacks)),
            TotalFallbacks = r.Count(nameof(ConversationState.TotalFallbacks)),
            RepeatedDemands = r.Count(nameof(ConversationState.RepeatedDemands)),
            RepeatedAfterAnswer = r.Count(nameof(ConversationState.RepeatedAfterAnswer)),
            HumanRequests = r.Count(nameof(ConversationState.HumanRequests)),
            KasuHaraStrikes = r.Count(nameof(ConversationState.KasuHaraStrikes)),
            KasuHaraCategoriesSeen = (KasuHaraCategories)r.Range(nameof(ConversationState.KasuHaraCategoriesSeen), 0, (int)AllCategories),
            ProtocolStep = (ProtocolAction)r.Range(nameof(ConversationState.ProtocolStep), (int)ProtocolAction.None, (int)ProtocolAction.TransferToSupervisor),
            LastRoute = (Route)r.Range(nameof(ConversationState.LastRoute), (int)Route.Bot, (int)Route.KasuHara),
            SentimentAverage = r.Finite(nameof(ConversationState.SentimentAverage)),
            SentimentTrend = r.Finite(nameof(ConversationState.SentimentTrend)),
            LastSentiment = r.Finite(nameof(ConversationState.LastSentiment)),
            LastFrustration = r.Finite(nameof(ConversationState.LastFrustration)),
            LastTurnFingerprint = r.UInt64(),
            StartedAt = (flags & FlagStartedAt) != 0 ? r.Timestamp(nameof(ConversationState.StartedAt)) : null,
            LastTurnAt = (flags & FlagLastTurnAt) != 0 ? r.Timestamp(nameof(ConversationState.LastTurnAt)) : null,
            LastBotTurnWasFallback = (flags & FlagLastBotTurnWasFallback) != 0,
            AnsweredSinceLastTurn = (flags & FlagAnsweredSinceLastTurn) != 0,
            WithHuman = (flags & FlagWithHuman) != 0,
        };

        if (!r.AtEnd)
        {
            throw new ConversationStateFormatException("Conversation state has unexpected bytes after its fields.");
        }

        return state;
    }

    /// <summary>Reads a state written by <see cref="SerializeToString"/>.</summary>
    /// <param name="text">The base64url text.</param>
    /// <exception cref="ConversationStateFormatException">When the text is not base64url or the bytes are rejected (see <see cref="Deserialize(ReadOnlySpan{byte})"/>).</exception>
    public ConversationState Deserialize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > Base64Url.GetEncodedLength(MaxSerializedLength))
        {
            throw new ConversationStateFormatException("Conversation state text is longer than any valid state.");
        }

        Span<byte> buffer = stackalloc byte[MaxSerializedLength];
        int written;
        try
        {
            // TryDecodeFromChars returns false only when the buffer is short; invalid characters throw.
            if (!Base64Url.TryDecodeFromChars(text, buffer, out written))
            {
                throw new ConversationStateFormatException("Conversation state text is longer than any valid state.");
            }
        }
        catch (FormatException e) when (e is not ConversationStateFormatException)
        {
            throw new ConversationStateFormatException("Conversation state text is not valid base64url.", e);
        }

        return Deserialize(buffer[..written]);
    }

    private const KasuHaraCategories AllCategories = KasuHaraCategories.Insult | KasuHaraCategories.Threat | KasuHaraCategories.Exposure
        | KasuHaraCategories.Demand | KasuHaraCategories.Sexual | KasuHaraCategories.Discrimination | KasuHaraCategories.TimeBinding;

    private ref struct Writer(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;

        public int Position { get; private set; }

        public void Byte(byte value) => _buffer[Position++] = value;

        public void VarInt(int value)
        {
            uint v = (uint)((value << 1) ^ (value >> 31)); // zig-zag: small negatives stay short
            while (v >= 0x80)
            {
                _buffer[Position++] = (byte)(v | 0x80);
                v >>= 7;
            }

            _buffer[Position++] = (byte)v;
        }

        public void Double(double value)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(_buffer[Position..], value);
            Position += 8;
        }

        public void UInt64(ulong value)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(_buffer[Position..], value);
            Position += 8;
        }

        public void Timestamp(DateTimeOffset value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_buffer[Position..], value.UtcTicks);
            BinaryPrimitives.WriteInt16LittleEndian(_buffer[(Position + 8)..], (short)value.TotalOffsetMinutes);
            Position += 10;
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public readonly bool AtEnd => _position == _data.Length;

        public int VarInt()
        {
            uint v = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                byte b = Next(1)[0];
                v |= (uint)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return (int)(v >> 1) ^ -(int)(v & 1);
                }
            }

            throw new ConversationStateFormatException("Conversation state has a malformed integer.");
        }

        public int Count(string field)
        {
            int v = VarInt();
            return v >= 0 ? v : throw new ConversationStateFormatException($"Conversation state field {field} is negative ({v}).");
        }

        public int Range(string field, int min, int max)
        {
            int v = VarInt();
            return v >= min && v <= max ? v : throw new ConversationStateFormatException($"Conversation state field {field} is out of range ({v}).");
        }

        public double Finite(string field)
        {
            double v = BinaryPrimitives.ReadDoubleLittleEndian(Next(8));
            return double.IsFinite(v) ? v : throw new ConversationStateFormatException($"Conversation state field {field} is not a finite number.");
        }

        public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Next(8));

        public DateTimeOffset Timestamp(string field)
        {
            long ticks = BinaryPrimitives.ReadInt64LittleEndian(Next(8));
            short offset = BinaryPrimitives.ReadInt16LittleEndian(Next(2));
            try
            {
                return new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offset));
            }
            catch (ArgumentException e)
            {
                throw new ConversationStateFormatException($"Conversation state field {field} is not a valid timestamp.", e);
            }
        }

        private ReadOnlySpan<byte> Next(int length)
        {
            if (_position + length > _data.Length)
            {
                throw new ConversationStateFormatException("Conversation state is truncated.");
            }

            var span = _data.Slice(_position, length);
            _position += length;
            return span;
        }
    }
}
