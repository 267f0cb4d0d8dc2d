using Compliance.Engine.Ontology;

namespace Compliance.Engine.Claims.Ml;

/// <summary>
/// Names the data type of a phrase the lexicon does not know by MiniLM similarity to the ontology's
/// data-type descriptions. The description vectors are computed once, at construction.
/// </summary>
public sealed class DataTypeSimilarity
{
    /// <summary>Below this cosine the phrase is not taken to name any data type.</summary>
    public const float MinSimilarity = 0.42f;

    private readonly (string Id, float[] Vector)[] _types;

    public DataTypeSimilarity(OntologyModel ontology, MiniLmEncoder encoder)
    {
        var terms = ontology.DataTypes.Where(t => t.Id != OntologyModel.Root).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        var texts = terms.Select(t => $"{t.Id.Replace('-', ' ')}: {t.Description}; {string.Join(", ", t.Synonyms.Take(6))}").ToList();
        var vectors = encoder.Encode(texts);
        _types = terms.Select((t, i) => (t.Id, vectors[i])).ToArray();
    }

    /// <summary>The nearest data type and its similarity, or null when nothing is near enough.</summary>
    public (string Id, float Similarity)? Nearest(float[] phrase)
    {
        var best = _types.Select(t => (t.Id, Similarity: MiniLmEncoder.Cosine(phrase, t.Vector)))
            .OrderByDescending(t => t.Similarity).ThenBy(t => t.Id, StringComparer.Ordinal).First();
        return best.Similarity >= MinSimilarity ? best : null;
    }
}
