using Compliance.Db;
using Compliance.Db.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Compliance.Integration.Tests.Jobs;

/// <summary>Builds independent workers (own service provider, own connection pool use) against one database.</summary>
internal static class QueueWorkers
{
    public static ServiceProvider Services(string connectionString, IJobHandler handler)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<ComplianceDbContext, PostgresComplianceDbContext>(o => o.UseNpgsql(connectionString));
        services.AddScoped<JobQueue>();
        services.AddSingleton(handler);
        services.AddLogging();
        return services.BuildServiceProvider();
    }

    public static JobRunner Runner(ServiceProvider services, string name, TimeSpan lease, int concurrency = 1) =>
        new(services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new JobRunnerOptions
            {
                Lease = lease,
                PollInterval = TimeSpan.FromMilliseconds(25),
                Concurrency = concurrency,
                WorkerName = name,
            }),
            NullLogger<JobRunner>.Instance);
}
