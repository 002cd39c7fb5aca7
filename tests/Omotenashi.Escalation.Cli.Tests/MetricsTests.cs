namespace Omotenashi.Escalation.Cli.Tests;

public class MetricsTests
{
    [Fact]
    public void RocAuc_CountsTiesAsHalf()
    {
        var items = new List<(bool, bool, double)> { (true, true, 0.9), (false, false, 0.1), (true, false, 0.5), (false, false, 0.5) };
        Assert.Equal(0.875, Metrics.RocAuc(items), 6);
    }

    [Fact]
    public void Pearson_OfAPerfectLine_IsOne()
        => Assert.Equal(1.0, Metrics.Pearson([(0, 1), (1, 3), (2, 5)]), 6);

    [Fact]
    public void PrecisionRecallF1_MatchTheDefinition()
    {
        var (p, r, f) = Metrics.PrecisionRecallF1([(true, true, 1), (false, true, 1), (true, false, 0), (true, true, 1)]);
        Assert.Equal(2 / 3.0, p, 6);
        Assert.Equal(2 / 3.0, r, 6);
        Assert.Equal(2 / 3.0, f, 6);
    }
}
