using System.CommandLine;
using Compliance.Db;
using Microsoft.Extensions.Hosting;

namespace Compliance.Worker.Cli;

/// <summary>`worker run`: migrates the store, then claims and runs queued jobs until stopped.</summary>
public static class RunVerb
{
    public static Command Create()
    {
        var command = new Command("run", "Run queued jobs until stopped (scale out by starting more workers against one PostgreSQL).");
        command.SetAction(async (_, ct) =>
        {
            using var host = WorkerHost.Build(runJobs: true);
            await host.Services.MigrateComplianceDbAsync(ct);
            await host.RunAsync(ct);
            return CliApp.Ok;
        });
        return command;
    }
}
