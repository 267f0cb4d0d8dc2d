using System.Security.Cryptography;
using System.Text;
using Compliance.Db.Entities;

namespace Compliance.Db.Processing;

/// <summary>The identity of an assessment: vendor, its declared domains, documents and captures.</summary>
public static class AssessmentInputs
{
    // The vendor's domains decide first party, so they are part of what makes two assessments the same.
    public static string Hash(Vendor vendor, IEnumerable<Guid> versions, IEnumerable<Guid> reports)
    {
        var text = $"{vendor.Id}|{string.Join(',', vendor.Domains)}|{string.Join(',', versions)}|{string.Join(',', reports)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
