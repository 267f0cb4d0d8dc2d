namespace Compliance.Worker.Cli;

/// <summary>Reads the files a verb was given, turning every failure into one clear line.</summary>
public static class CliInput
{
    public const long MaxPolicyBytes = 50L * 1024 * 1024;

    public static byte[] ReadAllBytes(string path, long maxBytes = MaxPolicyBytes)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new CliInputException($"file not found: {path}");
        if (info.Length > maxBytes)
            throw new CliInputException($"{path} is {info.Length} bytes; the limit is {maxBytes}");
        return File.ReadAllBytes(path);
    }

    public static Stream OpenRead(string path)
    {
        if (!File.Exists(path))
            throw new CliInputException($"file not found: {path}");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }

    public static void WriteOutput(string? outPath, string content)
    {
        if (string.IsNullOrEmpty(outPath))
        {
            Console.Out.Write(content);
            return;
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (dir is not null)
            Directory.CreateDirectory(dir);
        File.WriteAllText(outPath, content);
    }
}
