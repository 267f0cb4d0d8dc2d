namespace Compliance.Engine.Claims.Learned;

/// <summary>A trained classifier over dense features: class probabilities of one feature vector.</summary>
public interface IClassifier
{
    IReadOnlyList<string> Classes { get; }

    /// <summary>Class probabilities, in <see cref="Classes"/> order.</summary>
    float[] Probabilities(ReadOnlySpan<float> features);

    /// <summary>The probability of class <paramref name="name"/> (for binary models, of the positive class).</summary>
    float Probability(ReadOnlySpan<float> features, string name)
    {
        var p = Probabilities(features);
        for (var i = 0; i < Classes.Count; i++)
        {
            if (Classes[i] == name)
                return p[i];
        }
        throw new ArgumentException($"no class {name}", nameof(name));
    }

    /// <summary>The most probable class.</summary>
    string Best(ReadOnlySpan<float> features)
    {
        var p = Probabilities(features);
        var best = 0;
        for (var i = 1; i < p.Length; i++)
        {
            if (p[i] > p[best])
                best = i;
        }
        return Classes[best];
    }
}
