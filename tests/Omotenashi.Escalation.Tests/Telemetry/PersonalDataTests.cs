namespace Omotenashi.Escalation.Tests.Telemetry;

public class PersonalDataTests
{
    [Theory]
    [InlineData("mail me at taro.yamada@example.co.jp now", "mail me at [e-mail] now")]
    [InlineData("card 4111 1111 1111 1234 was charged", "card [card …1234] was charged")]
    [InlineData("call +81 90-1234-5678 please", "call [phone] please")]
    [InlineData("電話は０９０－１２３４－５６７８です", "電話は[phone]です")]
    [InlineData("order 4411 is late", "order 4411 is late")]
    [InlineData("", "")]
    public void Mask_HidesEmailCardAndPhone_AndLeavesOrderNumbers(string input, string expected)
        => Assert.Equal(expected, PersonalData.Mask(input));

    [Fact]
    public void Evidence_OfAThreatWithAnEmail_CanBeRecordedMasked()
    {
        string text = "I know where you live, write to me at boss@example.com";
        var d = EscalationEngine.CreateDefault().Decide(text);
        Assert.Equal(Route.KasuHara, d.Route);
        string record = PersonalData.Mask(text);
        Assert.DoesNotContain("boss@example.com", record);
        var threat = Assert.Single(d.Reasons, r => r.Code == ReasonCodes.KasuHaraThreat);
        Assert.Equal("I know where you live", PersonalData.Mask(threat.EvidenceIn(text)));
    }
}
