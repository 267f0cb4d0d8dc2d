namespace Compliance.Db.Entities;

/// <summary>A stored flow found in a traffic report; the full flow is engine JSON.</summary>
public sealed class FlowRecord
{
    public long Id { get; set; }
    public Guid TrafficReportId { get; set; }
    public required string FlowKey { get; set; }
    public int EntryIndex { get; set; }
    public required string Host { get; set; }
    public required string Json { get; set; }
}
