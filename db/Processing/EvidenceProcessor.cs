using System.Text.Json;
using Compliance.Db.Entities;
using Compliance.Db.Evidence;
using Compliance.Engine;
using Compliance.Engine.Checking;
using Compliance.Engine.Claims;
using Compliance.Engine.Matching;
using Compliance.Engine.Ontology;
using Compliance.Engine.Reports;
using Compliance.Engine.Traffic;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Db.Processing;

/// <summary>
/// The long work behind the queue: claims of a policy version, flows of a capture, findings of an
/// assessment. Each step replaces its own previous output, so running it twice gives the same rows.
/// </summary>
public sealed class EvidenceProcessor(ComplianceDbContext db, EvidenceStore evidence, ClaimExtractor extractor, TimeProvider clock, ConfiguredRecipients recipients)
{
    public async Task ExtractClaimsAsync(Guid policyVersionId, CancellationToken ct)
    {
        var version = await db.PolicyVersions.FirstOrDefaultAsync(p => p.Id == policyVersionId, ct)
                      ?? throw new InvalidOperationException($"Policy version {policyVersionId} does not exist.");
        var claims = extractor.Extract(StoredPolicy.ToParsed(version), StoredPolicy.ToDocumentRef(version));
        await ReplaceAtomicallyAsync(async () =>
        {
            await db.Claims.Where(c => c.PolicyVersionId == policyVersionId).ExecuteDeleteAsync(ct);
            db.Claims.AddRange(claims.Select((c, i) => new ClaimRecord
            {
                PolicyVersionId = policyVersionId,
                ClaimKey = c.Id,
                Ordinal = i,
                Action = c.Action,
                Polarity = c.Polarity.ToString().ToLowerInvariant(),
                Json = JsonSerializer.Serialize(c, EngineJson.Compact),
            }));
            await db.SaveChangesAsync(ct);
            await db.PolicyVersions.Where(p => p.Id == policyVersionId).ExecuteUpdateAsync(u => u.SetProperty(p => p.ExtractionState, "done"), ct);
        }, ct);
    }

    // One transaction through the provider's execution strategy, so a dropped connection retries the whole unit.
    private Task ReplaceAtomicallyAsync(Func<Task> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await work();
            await tx.CommitAsync(ct);
        });

    public async Task AnalyzeTrafficAsync(Guid trafficReportId, CancellationToken ct)
    {
        var report = await db.TrafficReports.FirstOrDefaultAsync(t => t.Id == trafficReportId, ct)
                     ?? throw new InvalidOperationException($"Traffic report {trafficReportId} does not exist.");
        var vendor = await db.Vendors.AsNoTracking().FirstAsync(v => v.Id == report.VendorId, ct);
        var bytes = await evidence.GetAsync(report.Sha256, ct);
        var context = report.ContextJson is null ? null : JsonSerializer.Deserialize<TrafficContext>(report.ContextJson, EngineJson.Compact);
        TrafficAnalysis analysis;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            analysis = TrafficAnalyzer.Analyze(stream, context, new TrafficOptions
            {
                VendorName = vendor.Name,
                VendorDomains = vendor.Domains,
                CaptureName = report.Name,
                Recipients = recipients.Options,
            });
        }
        catch (TrafficFormatException e)
        {
            // The capture itself is unusable: record why; retrying cannot help.
            report.AnalysisState = "failed";
            report.AnalysisError = e.Message;
            await db.SaveChangesAsync(ct);
            return;
        }
        var warnings = analysis.Warnings.Count == 0 ? null : string.Join(" | ", analysis.Warnings.Take(20));
        await ReplaceAtomicallyAsync(async () =>
        {
            await db.Flows.Where(f => f.TrafficReportId == trafficReportId).ExecuteDeleteAsync(ct);
            db.Flows.AddRange(analysis.Flows.Select(f => new FlowRecord
            {
                TrafficReportId = trafficReportId,
                FlowKey = f.Id,
                EntryIndex = f.EntryIndex,
                Host = f.Destination.Host,
                Json = JsonSerializer.Serialize(f, EngineJson.Compact),
            }));
            await db.SaveChangesAsync(ct);
            await db.TrafficReports.Where(t => t.Id == trafficReportId).ExecuteUpdateAsync(u => u
                .SetProperty(t => t.AnalysisState, "done").SetProperty(t => t.AnalysisError, warnings), ct);
        }, ct);
    }

    public async Task AssessAsync(Guid assessmentId, CancellationToken ct)
    {
        var assessment = await db.Assessments.FirstOrDefaultAsync(a => a.Id == assessmentId, ct)
                         ?? throw new InvalidOperationException($"Assessment {assessmentId} does not exist.");
        var vendor = await db.Vendors.AsNoTracking().FirstAsync(v => v.Id == assessment.VendorId, ct);
        assessment.State = "running";
        await db.SaveChangesAsync(ct);

        var claims = new List<Claim>();
        var documents = new List<CheckedDocument>();
        foreach (var (versionId, index) in assessment.PolicyVersionIds.Select((id, i) => (id, i)))
        {
            var version = await db.PolicyVersions.AsNoTracking().FirstAsync(p => p.Id == versionId, ct);
            if (version.ExtractionState != "done")
                await ExtractClaimsAsync(versionId, ct);
            var stored = await db.Claims.AsNoTracking().Where(c => c.PolicyVersionId == versionId).OrderBy(c => c.Ordinal).ToListAsync(ct);
            var documentRef = StoredPolicy.ToDocumentRef(version) with { Title = StoredPolicy.TitleOf(version) };
            var versionClaims = stored.Select(c => Rekey(JsonSerializer.Deserialize<Claim>(c.Json, EngineJson.Compact)!, index, assessment.PolicyVersionIds.Count) with { Document = documentRef }).ToList();
            claims.AddRange(versionClaims);
            documents.Add(new CheckedDocument(version.Title ?? version.Sha256[..12], documentRef, version.Format,
                StoredPolicy.ToParsed(version).Sentences.Count, versionClaims.Count));
        }
        var flows = new List<Flow>();
        var captures = new List<CheckedCapture>();
        foreach (var (reportId, index) in assessment.TrafficReportIds.Select((id, i) => (id, i)))
        {
            var report = await db.TrafficReports.AsNoTracking().FirstAsync(t => t.Id == reportId, ct);
            if (report.AnalysisState == "pending")
            {
                await AnalyzeTrafficAsync(reportId, ct);
                report = await db.TrafficReports.AsNoTracking().FirstAsync(t => t.Id == reportId, ct);
            }
            var stored = await db.Flows.AsNoTracking().Where(f => f.TrafficReportId == reportId).OrderBy(f => f.Id).ToListAsync(ct);
            var reportFlows = stored.Select(f => Rekey(JsonSerializer.Deserialize<Flow>(f.Json, EngineJson.Compact)!, index, assessment.TrafficReportIds.Count)).ToList();
            flows.AddRange(reportFlows);
            var context = report.ContextJson is null ? TrafficContext.Unknown : JsonSerializer.Deserialize<TrafficContext>(report.ContextJson, EngineJson.Compact)!;
            var warnings = report.AnalysisError is null ? Array.Empty<string>() : [report.AnalysisError];
            captures.Add(new CheckedCapture(report.Name ?? report.Sha256[..12], -1, reportFlows.Count, context with { KnownValues = null }, warnings));
        }

        var result = CheckResult.Match(new Matcher(OntologyModel.Default), vendor.Name, vendor.Domains, documents, captures, claims, flows);
        var findings = result.Findings;

        var resultJson = JsonSerializer.Serialize(result, EngineJson.Compact);
        var completedAt = clock.GetUtcNow();
        var vendorId = assessment.VendorId;
        await ReplaceAtomicallyAsync(async () =>
        {
            await db.Findings.Where(f => f.AssessmentId == assessmentId).ExecuteDeleteAsync(ct);
            db.Findings.AddRange(findings.Select(f => new FindingRecord
            {
                AssessmentId = assessmentId,
                VendorId = vendorId,
                FindingKey = f.Id,
                Kind = JsonSerializer.Serialize(f.Kind, EngineJson.Compact).Trim('"'),
                Severity = JsonSerializer.Serialize(f.Severity, EngineJson.Compact).Trim('"'),
                DataType = f.DataType,
                Recipient = f.Recipient,
                Json = JsonSerializer.Serialize(f, EngineJson.Compact),
            }));
            await db.SaveChangesAsync(ct);
            await db.Assessments.Where(a => a.Id == assessmentId).ExecuteUpdateAsync(u => u
                .SetProperty(a => a.ResultJson, resultJson).SetProperty(a => a.State, "done")
                .SetProperty(a => a.Error, (string?)null).SetProperty(a => a.CompletedAt, completedAt), ct);
        }, ct);
    }

    /// <summary>Assesses every vendor of a comparison on its latest documents and all its captures, then compares them.</summary>
    public async Task CompareAsync(Guid comparisonId, CancellationToken ct)
    {
        var comparison = await db.Comparisons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == comparisonId, ct)
                         ?? throw new InvalidOperationException($"Comparison {comparisonId} does not exist.");
        var outcomes = new List<VendorOutcome>();
        foreach (var vendorId in comparison.VendorIds)
        {
            var vendor = await db.Vendors.AsNoTracking().FirstOrDefaultAsync(v => v.Id == vendorId, ct);
            if (vendor is null)
            {
                outcomes.Add(new VendorOutcome(vendorId.ToString(), null, "vendor not found"));
                continue;
            }
            var latest = await AssessmentInputs.LatestVersionsAsync(db, vendorId, ct);
            var reports = await AssessmentInputs.AllCapturesAsync(db, vendorId, ct);
            if (latest.Count == 0 || reports.Count == 0)
            {
                outcomes.Add(new VendorOutcome(vendor.Name, null, latest.Count == 0 ? "no policy uploaded" : "no capture uploaded"));
                continue;
            }
            var assessment = await FindOrCreateAssessmentAsync(vendor, latest, reports, ct);
            try
            {
                if (assessment.State != "done")
                    await AssessAsync(assessment.Id, ct);
                var json = await db.Assessments.AsNoTracking().Where(a => a.Id == assessment.Id).Select(a => a.ResultJson).FirstAsync(ct);
                outcomes.Add(new VendorOutcome(vendor.Name, JsonSerializer.Deserialize<CheckResult>(json!, EngineJson.Compact)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One vendor's broken evidence is reported; the others are still compared.
                outcomes.Add(new VendorOutcome(vendor.Name, null, e.Message));
            }
        }
        var result = ComparisonResult.Build(outcomes, OntologyModel.Default);
        var resultJson = JsonSerializer.Serialize(result, EngineJson.Compact);
        var completedAt = clock.GetUtcNow();
        await db.Comparisons.Where(c => c.Id == comparisonId).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.ResultJson, resultJson).SetProperty(c => c.State, "done").SetProperty(c => c.CompletedAt, completedAt), ct);
    }

    /// <summary>The assessment of exactly these inputs, created when it does not exist yet (same inputs, same assessment).</summary>
    public async Task<Assessment> FindOrCreateAssessmentAsync(Vendor vendor, List<Guid> versions, List<Guid> reports, CancellationToken ct)
    {
        var hash = AssessmentInputs.Hash(vendor, versions, reports);
        var existing = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.InputHash == hash, ct);
        if (existing is not null)
            return existing;
        var assessment = new Assessment
        {
            Id = Guid.CreateVersion7(),
            VendorId = vendor.Id,
            PolicyVersionIds = versions,
            TrafficReportIds = reports,
            InputHash = hash,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        db.Entry(assessment).State = EntityState.Detached;
        return assessment;
    }

    // Claim and flow ids are unique within one document or capture; across several, prefix the source.
    private static Claim Rekey(Claim claim, int index, int count) =>
        count == 1 ? claim : claim with { Id = $"d{index + 1}.{claim.Id}" };

    private static Flow Rekey(Flow flow, int index, int count) =>
        count == 1 ? flow : flow with { Id = $"t{index + 1}.{flow.Id}" };
}
