using Compliance.Api.Access;
using Compliance.Db;
using Compliance.Db.Entities;
using Compliance.Db.Evidence;
using Compliance.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Api.Vendors;

/// <summary>Vendor CRUD: the companies whose statements and traffic are assessed.</summary>
public static class VendorsApi
{
    public static RouteGroupBuilder MapVendors(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/vendors").WithTags("Vendors").ForReaders();

        group.MapGet("/", async (ComplianceDbContext db, CancellationToken ct) =>
        {
            var vendors = await db.Vendors.AsNoTracking().OrderBy(v => v.Name).ThenBy(v => v.Id).ToListAsync(ct);
            return TypedResults.Ok(vendors.Select(v => v.ToDto()).ToList());
        }).WithName("ListVendors").WithSummary("Lists every vendor, by name.");

        group.MapGet("/{id:guid}", async Task<Results<Ok<VendorDto>, ProblemHttpResult>> (Guid id, ComplianceDbContext db, CancellationToken ct) =>
        {
            var vendor = await db.Vendors.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
            return vendor is null ? NotFoundProblem(id) : TypedResults.Ok(vendor.ToDto());
        }).ProducesProblem(404).WithName("GetVendor").WithSummary("One vendor.");

        group.MapPost("/", async Task<Results<Created<VendorDto>, ValidationProblem>> (VendorRequest request, ComplianceDbContext db, TimeProvider clock, AuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            var errors = VendorValidation.Validate(request, out var domains, out var aliases);
            if (errors.Count > 0)
                return TypedResults.ValidationProblem(errors);
            var now = clock.GetUtcNow();
            var vendor = new Vendor { Id = Guid.CreateVersion7(), Name = request.Name.Trim(), Domains = domains, Aliases = aliases, CreatedAt = now, UpdatedAt = now };
            db.Vendors.Add(vendor);
            audit.Record(http.Actor(), "vendor.create", $"/vendors/{vendor.Id}");
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/vendors/{vendor.Id}", vendor.ToDto());
        }).ProducesProblem(400).ForAnalysts().WithName("CreateVendor").WithSummary("Creates a vendor with its declared first-party domains.");

        group.MapPut("/{id:guid}", async Task<Results<Ok<VendorDto>, ProblemHttpResult, ValidationProblem>> (Guid id, VendorRequest request, ComplianceDbContext db, TimeProvider clock, AuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            var errors = VendorValidation.Validate(request, out var domains, out var aliases);
            if (errors.Count > 0)
                return TypedResults.ValidationProblem(errors);
            var vendor = await db.Vendors.FirstOrDefaultAsync(v => v.Id == id, ct);
            if (vendor is null)
                return NotFoundProblem(id);
            vendor.Name = request.Name.Trim();
            vendor.Domains = domains;
            vendor.Aliases = aliases;
            vendor.UpdatedAt = clock.GetUtcNow();
            audit.Record(http.Actor(), "vendor.update", $"/vendors/{vendor.Id}");
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(vendor.ToDto());
        }).ProducesProblem(404).ForAnalysts().WithName("UpdateVendor").WithSummary("Replaces a vendor's name, domains and aliases.");

        group.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ComplianceDbContext db, AuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            var vendor = await db.Vendors.FirstOrDefaultAsync(v => v.Id == id, ct);
            if (vendor is null)
                return NotFoundProblem(id);
            // Evidence is never deleted as a side effect: a vendor with stored documents or captures stays.
            var hasEvidence = await db.PolicyVersions.AnyAsync(p => p.VendorId == id, ct)
                || await db.TrafficReports.AnyAsync(t => t.VendorId == id, ct);
            if (hasEvidence)
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Vendor has evidence",
                    detail: "The vendor has stored policies or captures; evidence is never deleted with its vendor.");
            db.Vendors.Remove(vendor);
            audit.Record(http.Actor(), "vendor.delete", $"/vendors/{vendor.Id}");
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).ProducesProblem(404).ProducesProblem(409).ForAdmins().WithName("DeleteVendor").WithSummary("Deletes a vendor that has no stored evidence.");

        return group;
    }

    internal static ProblemHttpResult NotFoundProblem(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Vendor not found", detail: $"No vendor has id {id}.");
}
