namespace Nightjar.Media.Tests.Segments;

/// <summary>A fresh directory under /tmp, deleted with everything in it.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix = "nj")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
