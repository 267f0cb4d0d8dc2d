using Compliance.Db.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Compliance.Db.Configuration;

internal sealed class VendorConfiguration : IEntityTypeConfiguration<Vendor>
{
    public void Configure(EntityTypeBuilder<Vendor> b)
    {
        b.Property(v => v.Name).HasMaxLength(200);
        b.HasIndex(v => v.Name);
    }
}

internal sealed class EvidenceBlobConfiguration : IEntityTypeConfiguration<EvidenceBlob>
{
    public void Configure(EntityTypeBuilder<EvidenceBlob> b)
    {
        b.HasKey(e => e.Sha256);
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.Property(e => e.MediaType).HasMaxLength(200);
        b.Property(e => e.FileName).HasMaxLength(400);
    }
}

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> b)
    {
        b.HasIndex(p => new { p.VendorId, p.Sha256, p.DocumentKind }).IsUnique();
        b.HasOne<Vendor>().WithMany().HasForeignKey(p => p.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EvidenceBlob>().WithMany().HasForeignKey(p => p.Sha256).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Format).HasMaxLength(20);
        b.Property(p => p.DocumentKind).HasMaxLength(40);
        b.Property(p => p.ExtractionState).HasMaxLength(20);
    }
}

internal sealed class ClaimRecordConfiguration : IEntityTypeConfiguration<ClaimRecord>
{
    public void Configure(EntityTypeBuilder<ClaimRecord> b)
    {
        b.HasIndex(c => new { c.PolicyVersionId, c.Ordinal }).IsUnique();
        b.HasOne<PolicyVersion>().WithMany().HasForeignKey(c => c.PolicyVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrafficReportConfiguration : IEntityTypeConfiguration<TrafficReport>
{
    public void Configure(EntityTypeBuilder<TrafficReport> b)
    {
        b.HasIndex(t => new { t.VendorId, t.Sha256 }).IsUnique();
        b.HasOne<Vendor>().WithMany().HasForeignKey(t => t.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EvidenceBlob>().WithMany().HasForeignKey(t => t.Sha256).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.Format).HasMaxLength(40);
        b.Property(t => t.AnalysisState).HasMaxLength(20);
    }
}

internal sealed class FlowRecordConfiguration : IEntityTypeConfiguration<FlowRecord>
{
    public void Configure(EntityTypeBuilder<FlowRecord> b)
    {
        b.HasIndex(f => new { f.TrafficReportId, f.FlowKey }).IsUnique();
        b.HasOne<TrafficReport>().WithMany().HasForeignKey(f => f.TrafficReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.HasIndex(a => a.InputHash).IsUnique();
        b.HasOne<Vendor>().WithMany().HasForeignKey(a => a.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.State).HasMaxLength(20);
    }
}

internal sealed class FindingRecordConfiguration : IEntityTypeConfiguration<FindingRecord>
{
    public void Configure(EntityTypeBuilder<FindingRecord> b)
    {
        b.HasIndex(f => new { f.AssessmentId, f.FindingKey }).IsUnique();
        b.HasIndex(f => f.VendorId);
        b.HasOne<Assessment>().WithMany().HasForeignKey(f => f.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.HasIndex(j => j.IdempotencyKey).IsUnique();
        b.HasIndex(j => new { j.State, j.CreatedAt });
        b.Property(j => j.Kind).HasMaxLength(60);
        b.Property(j => j.IdempotencyKey).HasMaxLength(200);
        b.Property(j => j.LeaseOwner).HasMaxLength(200);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.HasIndex(k => k.Prefix);
        b.Property(k => k.Role).HasMaxLength(20);
        b.Property(k => k.Prefix).HasMaxLength(16);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => a.At);
        b.Property(a => a.Actor).HasMaxLength(200);
        b.Property(a => a.Action).HasMaxLength(100);
    }
}

internal sealed class ComparisonConfiguration : IEntityTypeConfiguration<VendorComparison>
{
    public void Configure(EntityTypeBuilder<VendorComparison> b) => b.Property(c => c.State).HasMaxLength(20);
}
