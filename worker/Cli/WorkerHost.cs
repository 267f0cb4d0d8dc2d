using Compliance.Db;
using Compliance.Db.Jobs;
using Compliance.Db.Processing;
using Compliance.Engine.Recipients;
using Microsoft.Extensions.DependencyInjection;
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
        var host = builder.Build();
        try
        {
            // Read now, so a wrong Recipients:* path is one clear line before any job is taken.
            host.Services.GetRequiredService<ConfiguredRecipients>();
        }
        catch (RecipientDataException e)
        {
            host.Dispose();
            throw new CliInputException($"configuration {ConfiguredRecipients.Section}: {e.Message}");
        }
        return host;
    }
}
