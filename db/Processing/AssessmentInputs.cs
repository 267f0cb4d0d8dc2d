using System.Security.Cryptography;
using System.Text;
using Compliance.Db.Entities;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Db.Processing;

/// <summary>The identity of an assessment: vendor, its declared domains, documents and captures.</summary>
public static class AssessmentInputs
{
    /// <summary>The newest version of each document kind the vendor has, in kind order.</summary>
    public static async Task<List<Guid>> LatestVersionsAsync(ComplianceDbContext db, Guid vendorId, CancellationToken ct)
    {
        var all = await db.PolicyVersions.AsNoTracking().Where(p => p.VendorId == vendorId)
            .Select(p => new { p.Id, p.DocumentKind, p.CreatedAt }).ToListAsync(ct);
        return all.GroupBy(p => p.DocumentKind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).First().Id).ToList();
    }

    /// <summary>Every capture of the vendor, oldest first.</summary>
    public static Task<List<Guid>> AllCapturesAsync(ComplianceDbContext db, Guid vendorId, CancellationToken ct) =>
        db.TrafficReports.AsNoTracking().Where(t => t.VendorId == vendorId)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Select(t => t.Id).ToListAsync(ct);

    // The vendor's domains decide first party, so they are part of what makes two assessments the same.
    public static string Hash(Vendor vendor, IEnumerable<Guid> versions, IEnumerable<Guid> reports)
    {
        var text = $"{vendor.Id}|{string.Join(',', vendor.Domains)}|{string.Join(',', versions)}|{string.Join(',', reports)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
