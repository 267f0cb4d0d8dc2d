using Compliance.Api.Access;
using Compliance.Api.Assessments;
using Compliance.Api.Check;
using Compliance.Api.Comparisons;
using Compliance.Api.Health;
using Compliance.Api.Infrastructure;
using Compliance.Api.Jobs;
using Compliance.Api.Ontology;
using Compliance.Api.Policies;
using Compliance.Api.Traffic;
using Compliance.Api.Vendors;
using Compliance.Db;

var builder = WebApplication.CreateBuilder(args);

builder.AddComplianceDb();
builder.AddComplianceApiJobs();
builder.AddApiInfrastructure();
builder.AddComplianceAccess();
builder.AddComplianceHealth();
builder.AddComplianceCheck();

var app = builder.Build();

// The configured reference data (Recipients:*) is read now, so a wrong path stops the start, not the first job.
app.Services.GetRequiredService<Compliance.Db.Processing.ConfiguredRecipients>();

await app.Services.MigrateComplianceDbAsync();
await app.EnsureFirstAdminKeyAsync();

app.UseApiInfrastructure();
app.UseComplianceAccess();
app.MapComplianceHealth();
app.MapOntology();
app.MapVendors();
app.MapJobs();
app.MapPolicies();
app.MapPolicyDiff();
app.MapTraffic();
app.MapAssessments();
app.MapCheck();
app.MapComparisons();
app.MapAdministration();

app.Run();

/// <summary>The API's entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
