using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Compliance.Db;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model without a running service.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresComplianceDbContext>
{
    public PostgresComplianceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresComplianceDbContext>()
            .UseNpgsql("Host=localhost;Database=compliance_design").Options);
}

/// <summary>Lets `dotnet ef migrations add` build the SQLite model.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteComplianceDbContext>
{
    public SqliteComplianceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteComplianceDbContext>()
            .UseSqlite("Data Source=design.db").Options);
}
