using Compliance.Engine.Traffic.Decoding;

namespace Compliance.Engine.Traffic.Detection;

/// <summary>
/// Applies the labelling rules to the raw detections of one request: a value claimed by a strong
/// detector is not also a cookie-id, address-book uploads are contacts, and one item per type.
/// </summary>
public static class ItemSelection
{
    public const double Floor = 0.3;

    private static readonly HashSet<string> s_weakTypes = new([IdentifierFieldDetector.CookieId, IdentifierFieldDetector.AccountId], StringComparer.Ordinal);

    /// <summary>Items kept for one entry; cookie-id/account-id candidates stay one per value until recurrence is known.</summary>
    public static List<DataItem> Select(IEnumerable<DataItem> raw, TrafficContext context)
    {
        var items = new List<DataItem>();
        foreach (var item in raw)
            if (item.Confidence >= Floor)
                items.Add(item);
        if (items.Count == 0)
            return items;
        var strongValues = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
            if (!IsWeak(item))
                strongValues.Add(item.Value.Trim());
        items.RemoveAll(i => IsWeak(i) && strongValues.Contains(i.Value.Trim()));
        items = ReclassifyContacts(items, context);
        // Per type, in order of first appearance: every distinct weak candidate, or the first most confident item.
        var groups = new Dictionary<string, List<DataItem>>(StringComparer.Ordinal);
        var order = new List<List<DataItem>>();
        foreach (var item in items)
        {
            if (!groups.TryGetValue(item.Type, out var group))
            {
                groups[item.Type] = group = [];
                order.Add(group);
            }
            group.Add(item);
        }
        var best = new List<DataItem>();
        foreach (var group in order)
        {
            if (s_weakTypes.Contains(group[0].Type) && group.TrueForAll(IsWeak))
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in group)
                    if (seen.Add(item.Value))
                        best.Add(item);
            }
            else
                best.Add(MostConfident(group));
        }
        return best;
    }

    /// <summary>
    /// A cookie-id or account-id candidate that counts only if it recurs: not backed by a known value, nor sent
    /// under a field that names an account ID outright.
    /// </summary>
    public static bool IsWeak(DataItem item) =>
        s_weakTypes.Contains(item.Type) && item.Detector is not ("known-value" or IdentifierFieldDetector.AccountField);

    private static DataItem MostConfident(List<DataItem> group)
    {
        var best = group[0];
        foreach (var item in group)
            if (item.Confidence > best.Confidence)
                best = item;
        return best;
    }

    /// <summary>Keeps, per type, the most confident item among those whose candidates recurred.</summary>
    public static List<DataItem> Finalise(IEnumerable<DataItem> items, Func<DataItem, bool> recurs) =>
        items.Where(i => !IsWeak(i) || recurs(i))
            .GroupBy(i => i.Type, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(i => i.Confidence).First())
            .OrderBy(i => i.Type, StringComparer.Ordinal)
            .ToList();

    /// <summary>Several people's numbers or addresses in one request are an address-book upload.</summary>
    private static List<DataItem> ReclassifyContacts(List<DataItem> items, TrafficContext context)
    {
        if (!items.Any(i => i.Type is "email-address" or "phone-number"))
            return items;
        var own = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in new[] { "email-address", "phone-number" })
            if (context.KnownValues?.TryGetValue(type, out var values) == true)
                own.UnionWith(values.Select(v => v.Trim()));
        var others = items.Where(i => i.Type is "email-address" or "phone-number" && i.Detector != "known-value" && !own.Contains(i.Value.Trim())).ToList();
        var distinct = others.Select(i => i.Value.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Count();
        var inContactField = others.Any(i => LocationWords(i.Location).Any(ContactsDetector.ContactWords.Contains));
        var hasKnownContact = items.Any(i => i.Type == "contacts");
        if (!(distinct >= 3 || (distinct >= 1 && (inContactField || hasKnownContact))))
            return items;
        var moved = new HashSet<DataItem>(others, ReferenceEqualityComparer.Instance);
        return items.Select(i => moved.Contains(i) ? i with { Type = "contacts", Confidence = Math.Min(i.Confidence, 0.85) } : i).ToList();
    }

    private static IEnumerable<string> LocationWords(string location) =>
        location.Split([' ', '.', '[', ']', '\'', '$', '→'], StringSplitOptions.RemoveEmptyEntries).SelectMany(FieldWords.Split);
}
