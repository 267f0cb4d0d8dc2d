using Compliance.Worker.Cli;

return await CliApp.RunAsync(args);
