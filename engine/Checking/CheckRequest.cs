using Compliance.Engine.Claims;
using Compliance.Engine.Traffic;

namespace Compliance.Engine.Checking;

/// <summary>One document of the vendor: its bytes, file name (a format hint) and what kind of document it is.</summary>
public sealed record PolicyInput(string FileName, byte[] Content)
{
    /// <summary>Kind and title of the document; the title defaults to the parsed title, then the file name.</summary>
    public DocumentRef? Document { get; init; }
}

/// <summary>One capture (HAR or observation report), opened on demand so large files are read as a stream.</summary>
public sealed record CaptureInput(string Name, Func<Stream> Open)
{
    /// <summary>The device state during the capture; it wins over a context carried inside the file.</summary>
    public TrafficContext? Context { get; init; }

    public static CaptureInput FromBytes(string name, byte[] content, TrafficContext? context = null) =>
        new(name, () => new MemoryStream(content, writable: false)) { Context = context };
}

/// <summary>Everything one check needs: the vendor, its documents and its captures.</summary>
public sealed record CheckRequest
{
    public string? Vendor { get; init; }
    public IReadOnlyList<string> VendorDomains { get; init; } = [];
    public required IReadOnlyList<PolicyInput> Policies { get; init; }
    public required IReadOnlyList<CaptureInput> Captures { get; init; }
    /// <summary>The user's entity lists, suffix list and address databases; the shipped data when null.</summary>
    public Compliance.Engine.Recipients.RecipientOptions? Recipients { get; init; }
}

/// <summary>An input of a check that cannot be used; the message names the file and says why in one line.</summary>
public sealed class CheckInputException(string message, Exception? inner = null) : Exception(message, inner);
