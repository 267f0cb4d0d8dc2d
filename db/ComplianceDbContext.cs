using Compliance.Db.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Compliance.Db;

/// <summary>The service's store: vendors, evidence, policies and claims, traffic and flows, assessments, jobs, keys, audit.</summary>
public abstract class ComplianceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Vendor> Vendors => Set<Vendor>();
    public DbSet<EvidenceBlob> Evidence => Set<EvidenceBlob>();
    public DbSet<PolicyVersion> PolicyVersions => Set<PolicyVersion>();
    public DbSet<ClaimRecord> Claims => Set<ClaimRecord>();
    public DbSet<TrafficReport> TrafficReports => Set<TrafficReport>();
    public DbSet<FlowRecord> Flows => Set<FlowRecord>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<FindingRecord> Findings => Set<FindingRecord>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<VendorComparison> Comparisons => Set<VendorComparison>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    /// <summary>True on PostgreSQL, where the queue uses row locks; false on the embedded SQLite file.</summary>
    public abstract bool IsPostgres { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ComplianceDbContext).Assembly);
}

/// <summary>The production store.</summary>
public sealed class PostgresComplianceDbContext(DbContextOptions<PostgresComplianceDbContext> options)
    : ComplianceDbContext(options)
{
    public override bool IsPostgres => true;
}

/// <summary>The embedded default, used when no connection string is configured.</summary>
public sealed class SqliteComplianceDbContext(DbContextOptions<SqliteComplianceDbContext> options)
    : ComplianceDbContext(options)
{
    public override bool IsPostgres => false;

    // SQLite has no native DateTimeOffset; stored as sortable integers, comparisons and ORDER BY work.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
