using System.CommandLine;
using Compliance.Db;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Worker.Cli;

/// <summary>`worker migrate`: applies the store's pending migrations and exits.</summary>
public static class MigrateVerb
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending database migrations (PostgreSQL when ConnectionStrings__Compliance is set, else SQLite).");
        command.SetAction(async (_, ct) =>
        {
            using var host = WorkerHost.Build(runJobs: false);
            await host.Services.MigrateComplianceDbAsync(ct);
            var storage = host.Services.GetRequiredService<StorageInfo>();
            Console.Out.WriteLine($"migrated {storage.Provider}: {storage.Location}");
            return CliApp.Ok;
        });
        return command;
    }
}
