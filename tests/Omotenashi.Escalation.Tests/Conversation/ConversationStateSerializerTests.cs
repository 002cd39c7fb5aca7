using System.Reflection;
using System.Security.Cryptography;
using FsCheck;
using FsCheck.Xunit;

namespace Omotenashi.Escalation.Tests.Conversation;

public class ConversationStateSerializerTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();
    private static readonly ConversationStateSerializer Signed = new(Key);
    private static readonly ConversationStateSerializer Checksummed = ConversationStateSerializer.Default;

    public static TheoryData<bool> Modes => new() { false, true };

    /// <summary>A state with every settable property at a distinct, non-default value, found by reflection so new fields are covered too.</summary>
    internal static ConversationState EveryFieldSet()
    {
        object state = ConversationState.Initial with { };
        int n = 3;
        foreach (var p in typeof(ConversationState).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            n++;
            object value = p.Name == nameof(ConversationState.SchemaVersion) ? ConversationState.CurrentSchemaVersion : p.PropertyType switch
            {
                var t when t == typeof(int) => n * 37,
                var t when t == typeof(double) => -0.1234567890123 * n,
                var t when t == typeof(bool) => true,
                var t when t == typeof(ulong) => 0xFEDC_BA98_7654_3210UL + (ulong)n,
                var t when t == typeof(KasuHaraCategories) => KasuHaraCategories.Insult | KasuHaraCategories.Threat | KasuHaraCategories.TimeBinding,
                var t when t == typeof(ProtocolAction) => ProtocolAction.FinalWarning,
                var t when t == typeof(Route) => Route.KasuHara,
                var t when t == typeof(DateTimeOffset?) => new DateTimeOffset(2026, 4, 1, 9, 30, n, 123, TimeSpan.FromHours(9)).AddTicks(4567),
                var t => throw new InvalidOperationException($"ConversationState.{p.Name} has type {t}, which this test (and probably the serializer) does not know yet."),
            };
            p.SetValue(state, value);
            if (p.Name != nameof(ConversationState.SchemaVersion))
            {
                Assert.NotEqual(p.GetValue(ConversationState.Initial), p.GetValue(state));
            }
        }

        return (ConversationState)state;
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void RoundTrip_EveryField_IsPreservedBitForBit(bool signed)
    {
        var serializer = signed ? Signed : Checksummed;
        var state = EveryFieldSet();
        var back = serializer.Deserialize(serializer.Serialize(state));

        Assert.Equal(state, back);
        Assert.Equal(state.StartedAt!.Value.Offset, back.StartedAt!.Value.Offset);
        foreach (var p in typeof(ConversationState).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.Equal(p.GetValue(state), p.GetValue(back));
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void RoundTrip_InitialState_IsEqual(bool signed)
    {
        var serializer = signed ? Signed : Checksummed;
        Assert.Equal(ConversationState.Initial, serializer.Deserialize(serializer.Serialize(ConversationState.Initial)));
    }

    [Property(MaxTest = 300)]
    public bool Serialize_RoundTrips(int turns, NormalFloat average, NormalFloat trend, bool withHuman, ulong fingerprint, PositiveInt strikes, bool timestamps, int minutes)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromMinutes((minutes % 14) * 60));
        var state = ConversationState.Initial with
        {
            TurnCount = turns,
            SentimentAverage = average.Get,
            SentimentTrend = trend.Get,
            WithHuman = withHuman,
            LastTurnFingerprint = fingerprint,
            KasuHaraStrikes = strikes.Get,
            StartedAt = timestamps ? start : null,
            LastTurnAt = timestamps ? start.AddSeconds(Math.Abs(minutes % 100_000)) : null,
        };

        // Negative counts are refused on read, so they are not expected to come back.
        if (turns < 0)
        {
            return Throws(Checksummed.Serialize(state), Checksummed);
        }

        return state == Checksummed.Deserialize(Checksummed.Serialize(state)) && state == Signed.Deserialize(Signed.SerializeToString(state));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void EverySingleBitFlip_IsRejected(bool signed)
    {
        var serializer = signed ? Signed : Checksummed;
        byte[] bytes = serializer.Serialize(EveryFieldSet());
        for (int i = 0; i < bytes.Length; i++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                byte[] tampered = (byte[])bytes.Clone();
                tampered[i] ^= (byte)(1 << bit);
                Assert.True(Throws(tampered, serializer), $"flipping bit {bit} of byte {i} was not detected");
            }
        }
    }

    [Fact]
    public void Checksum_IsNotASignature_ButAKeyCatchesAForgedOne()
    {
        // An attacker who can write to the store rewrites a field and recomputes the CRC: the checksum mode
        // accepts it (it only guards against corruption); a serializer with a key rejects it.
        byte[] bytes = Checksummed.Serialize(ConversationState.Initial with { KasuHaraStrikes = 2 });
        var forged = Checksummed.Deserialize(Forge(bytes));
        Assert.Equal(0, forged.KasuHaraStrikes);

        byte[] signedBytes = Signed.Serialize(ConversationState.Initial with { KasuHaraStrikes = 2 });
        signedBytes[11] = 0; // KasuHaraStrikes varint, as in Forge
        var e = Assert.Throws<ConversationStateFormatException>(() => Signed.Deserialize(signedBytes));
        Assert.Contains("signature", e.Message);

        static byte[] Forge(byte[] original)
        {
            byte[] copy = (byte[])original.Clone();
            copy[11] = 0; // version, flags, schema, 8 counts, then KasuHaraStrikes (all one byte here)
            uint crc = Crc32.Compute(copy.AsSpan(0, copy.Length - 4));
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(copy.Length - 4), crc);
            return copy;
        }
    }

    [Fact]
    public void Deserialize_SignedWithAnotherKey_IsRejected()
    {
        var other = new ConversationStateSerializer(RandomNumberGenerator.GetBytes(32));
        var e = Assert.Throws<ConversationStateFormatException>(() => Signed.Deserialize(other.Serialize(EveryFieldSet())));
        Assert.Contains("another key", e.Message);
    }

    [Fact]
    public void Deserialize_UnsignedStateWhenAKeyIsConfigured_IsRejected()
    {
        var e = Assert.Throws<ConversationStateFormatException>(() => Signed.Deserialize(Checksummed.Serialize(EveryFieldSet())));
        Assert.Contains("not signed", e.Message);
    }

    [Fact]
    public void Deserialize_SignedStateWithoutAKey_IsRejected()
    {
        var e = Assert.Throws<ConversationStateFormatException>(() => Checksummed.Deserialize(Signed.Serialize(EveryFieldSet())));
        Assert.Contains("no key", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(255)]
    public void Deserialize_UnknownFormatVersion_IsRejectedNamingTheVersion(byte version)
    {
        byte[] bytes = Checksummed.Serialize(EveryFieldSet());
        bytes[0] = version;
        var e = Assert.Throws<ConversationStateFormatException>(() => Checksummed.Deserialize(bytes));
        Assert.Contains($"unknown format version {version}", e.Message);
    }

    [Fact]
    public void Deserialize_UnknownSchemaVersion_IsRejectedNamingTheVersion()
    {
        int future = ConversationState.CurrentSchemaVersion + 1;
        byte[] bytes = Signed.Serialize(ConversationState.Initial with { SchemaVersion = future });
        var e = Assert.Throws<ConversationStateFormatException>(() => Signed.Deserialize(bytes));
        Assert.Contains($"unknown schema version {future}", e.Message);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Deserialize_EveryTruncation_IsRejected(bool signed)
    {
        var serializer = signed ? Signed : Checksummed;
        byte[] bytes = serializer.Serialize(EveryFieldSet());
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.True(Throws(bytes.AsSpan(0, length).ToArray(), serializer), $"a prefix of {length} bytes was accepted");
        }

        Assert.True(Throws([.. bytes, 0], serializer), "a trailing byte was accepted");
    }

    [Fact]
    public void Deserialize_OutOfRangeValuesWithAValidChecksum_AreRejected()
    {
        var e = Assert.Throws<ConversationStateFormatException>(() => Checksummed.Deserialize(Checksummed.Serialize(ConversationState.Initial with { LastRoute = (Route)7 })));
        Assert.Contains(nameof(ConversationState.LastRoute), e.Message);
        e = Assert.Throws<ConversationStateFormatException>(() => Checksummed.Deserialize(Checksummed.Serialize(ConversationState.Initial with { SentimentAverage = double.NaN })));
        Assert.Contains(nameof(ConversationState.SentimentAverage), e.Message);
    }

    [Fact]
    public void Text_RoundTripsAsBase64UrlAndRejectsGarbage()
    {
        var state = EveryFieldSet();
        string text = Signed.SerializeToString(state);
        Assert.DoesNotContain('+', text);
        Assert.DoesNotContain('/', text);
        Assert.DoesNotContain('=', text);
        Assert.Equal(state, Signed.Deserialize(text));
        Assert.Throws<ConversationStateFormatException>(() => Signed.Deserialize("not base64url!"));
        Assert.Throws<ConversationStateFormatException>(() => Signed.Deserialize(string.Empty));
        Assert.Throws<ConversationStateFormatException>(() => Signed.Deserialize(new string('A', 10_000)));
    }

    [Fact]
    public void Serialize_IsCompact()
    {
        var e = TestEngines.SmallBalanced;
        var s = e.Decide(new CustomerTurn("where is my order") { Timestamp = DateTimeOffset.UnixEpoch }).State;
        s = e.Decide(new CustomerTurn("this is terrible, you idiot") { Timestamp = DateTimeOffset.UnixEpoch.AddMinutes(3) }, s).State;
        Assert.InRange(Checksummed.Serialize(s).Length, 40, 90);
        Assert.InRange(Signed.Serialize(s).Length, 60, 120);
        Assert.True(Signed.Serialize(EveryFieldSet()).Length <= ConversationStateSerializer.MaxSerializedLength);
    }

    [Fact]
    public void StateFromAnotherMachine_GivesTheSameNextDecision()
    {
        var e = TestEngines.SmallBalanced;
        var s = e.Decide(new CustomerTurn("my order is broken and it is terrible") { Timestamp = DateTimeOffset.UnixEpoch }).State;
        s = e.ObserveBotTurn("Sorry, I didn't understand.", s);
        var restored = Signed.Deserialize(Signed.Serialize(s));

        var here = e.Decide(new CustomerTurn("still broken, useless") { Timestamp = DateTimeOffset.UnixEpoch.AddMinutes(2) }, s);
        var there = e.Decide(new CustomerTurn("still broken, useless") { Timestamp = DateTimeOffset.UnixEpoch.AddMinutes(2) }, restored);
        Assert.Equal(here.Route, there.Route);
        Assert.Equal(here.Frustration, there.Frustration);
        Assert.Equal(here.State, there.State);
    }

    [Fact]
    public void Constructor_ShortKey_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new ConversationStateSerializer(new byte[16]));
        Assert.Contains("32", e.Message);
        Assert.True(Signed.IsSigned);
        Assert.False(Checksummed.IsSigned);
    }

    private static bool Throws(byte[] bytes, ConversationStateSerializer serializer)
    {
        try
        {
            serializer.Deserialize(bytes);
            return false;
        }
        catch (ConversationStateFormatException)
        {
            return true;
        }
    }
}
