using Xunit.Abstractions;

namespace Compliance.Engine.Tests.Traffic;

public sealed class CaseEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void DevCasesReachPrecisionAndRecallTargets() => Evaluate(withKnownValues: true, minPrecision: 0.95, minRecall: 0.90);

    /// <summary>Without the tester's own values the pattern detectors alone must still carry most of the recall.</summary>
    [Fact]
    public void PatternsAloneStayPreciseWithoutKnownValues() => Evaluate(withKnownValues: false, minPrecision: 0.95, minRecall: 0.80);

    private void Evaluate(bool withKnownValues, double minPrecision, double minRecall)
    {
        var scores = CaseEvaluation.ScoreAll(withKnownValues).ToList();
        foreach (var s in scores)
        {
            output.WriteLine($"{s.Case}/{s.Capture}: P={Ratio(s.TruePositives, s.TruePositives + s.FalsePositives):F3} R={Ratio(s.TruePositives, s.TruePositives + s.FalseNegatives):F3} (tp {s.TruePositives}, fp {s.FalsePositives}, fn {s.FalseNegatives})");
            foreach (var e in s.Errors)
                output.WriteLine("  " + e);
        }
        var tp = scores.Sum(s => s.TruePositives);
        var precision = Ratio(tp, tp + scores.Sum(s => s.FalsePositives));
        var recall = Ratio(tp, tp + scores.Sum(s => s.FalseNegatives));
        output.WriteLine($"overall: P={precision:F3} R={recall:F3}");
        Assert.NotEmpty(scores);
        Assert.True(precision >= minPrecision, $"precision {precision:F3} < {minPrecision}");
        Assert.True(recall >= minRecall, $"recall {recall:F3} < {minRecall}");
    }

    private static double Ratio(int a, int b) => b == 0 ? 1.0 : (double)a / b;
}
