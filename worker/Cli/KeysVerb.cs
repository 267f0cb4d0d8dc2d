using System.CommandLine;
using Compliance.Db;
using Compliance.Db.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Worker.Cli;

/// <summary>`worker keys create --role R [--name N]`: creates an API key and prints it once.</summary>
public static class KeysVerb
{
    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = "reader, analyst or admin.", Required = true };
        var name = new Option<string>("--name") { Description = "Who or what the key is for.", DefaultValueFactory = _ => "created by worker keys" };
        var create = new Command("create", "Create an API key; it is printed once and stored only as a salted hash.") { role, name };
        create.SetAction(async (parse, ct) =>
        {
            var wanted = parse.GetValue(role)!;
            if (!ApiKeyService.Roles.Contains(wanted))
                throw new CliInputException($"unknown role '{wanted}'; use reader, analyst or admin");
            using var host = WorkerHost.Build(runJobs: false);
            await host.Services.MigrateComplianceDbAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ComplianceDbContext>();
            var (row, key) = await new ApiKeyService(db, TimeProvider.System).CreateAsync(wanted, parse.GetValue(name)!, ct: ct);
            db.AuditLog.Add(new Db.Entities.AuditEntry { At = DateTimeOffset.UtcNow, Actor = "worker keys", Action = "key.create", Resource = $"/keys/{row.Id}" });
            await db.SaveChangesAsync(ct);
            Console.Out.WriteLine(key);
            return CliApp.Ok;
        });
        var command = new Command("keys", "Manage API keys.");
        command.Subcommands.Add(create);
        return command;
    }
}
