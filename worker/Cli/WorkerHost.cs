using Compliance.Db;
using Compliance.Db.Jobs;
using Microsoft.Extensions.Hosting;

namespace Compliance.Worker.Cli;

/// <summary>Builds the generic host the worker uses to reach the store and run jobs.</summary>
public static class WorkerHost
{
    public static IHost Build(bool runJobs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.AddComplianceDb();
        builder.AddComplianceJobs(runJobs);
        return builder.Build();
    }
}
