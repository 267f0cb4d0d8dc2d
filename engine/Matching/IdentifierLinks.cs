using Compliance.Engine.Ontology;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Matching;

/// <summary>A persistent identifier that makes an item identifiable, and whether it rode in the same request.</summary>
internal sealed record LinkedIdentifier(Flow Flow, DataItem Item, bool SameRequest);

/// <summary>
/// Joins flows that share a cookie or identifier value into client sessions, so that an item sent without an
/// identifier is still identifiable when another request of the same session carries one.
/// </summary>
internal sealed class IdentifierLinks
{
    private const int MinLinkValueLength = 6;
    private readonly int[] _parent;
    private readonly List<(int Flow, DataItem Item)>[] _persistentByFlow;
    private readonly Dictionary<int, List<(int Flow, DataItem Item)>> _persistentBySession = [];
    private readonly IReadOnlyList<Flow> _flows;

    public IdentifierLinks(OntologyModel ontology, MatcherOptions options, IReadOnlyList<Flow> flows)
    {
        _flows = flows;
        _parent = Enumerable.Range(0, flows.Count).ToArray();
        _persistentByFlow = new List<(int, DataItem)>[flows.Count];
        var firstFlowOfValue = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < flows.Count; i++)
        {
            _persistentByFlow[i] = [];
            foreach (var item in flows[i].Data)
            {
                if (item.Confidence < options.MinItemConfidence)
                    continue;
                if (options.PersistentIdentifierTypes.Any(t => ontology.IsDataTypeUnder(item.Type, t)))
                    _persistentByFlow[i].Add((i, item));
                var value = item.Value.Trim().ToLowerInvariant();
                if (value.Length < MinLinkValueLength || !options.SessionLinkTypes.Any(t => ontology.IsDataTypeUnder(item.Type, t)))
                    continue;
                if (firstFlowOfValue.TryGetValue(value, out var other))
                    Union(i, other);
                else
                    firstFlowOfValue[value] = i;
            }
        }
        for (var i = 0; i < flows.Count; i++)
        {
            var root = Find(i);
            if (!_persistentBySession.TryGetValue(root, out var list))
                _persistentBySession[root] = list = [];
            list.AddRange(_persistentByFlow[i]);
        }
    }

    /// <summary>Persistent identifiers other than the item's own type: the same request's first, then the session's.</summary>
    public IReadOnlyList<LinkedIdentifier> For(int flowIndex, string itemType, int max = 3)
    {
        var own = _persistentByFlow[flowIndex].Where(p => p.Item.Type != itemType)
            .Select(p => new LinkedIdentifier(_flows[p.Flow], p.Item, SameRequest: true)).Take(max).ToList();
        if (own.Count > 0)
            return own;
        return _persistentBySession[Find(flowIndex)].Where(p => p.Flow != flowIndex && p.Item.Type != itemType)
            .Select(p => new LinkedIdentifier(_flows[p.Flow], p.Item, SameRequest: false)).Take(max).ToList();
    }

    private int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }
        return i;
    }

    private void Union(int a, int b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra != rb)
            _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}
