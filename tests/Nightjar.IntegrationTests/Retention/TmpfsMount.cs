using System.Diagnostics;
using System.Globalization;

namespace Nightjar.IntegrationTests.Retention;

/// <summary>
/// A small filesystem of its own (tmpfs with a size), so a test can fill a disk for real without touching the
/// machine's. Mounting needs root or CAP_SYS_ADMIN: the tests run as root here and in CI, and a test that needs a
/// full disk must fail, not skip, where it cannot have one.
/// </summary>
internal sealed class TmpfsMount : IAsyncDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(20);

    private TmpfsMount(string path, long sizeBytes)
    {
        Path = path;
        SizeBytes = sizeBytes;
    }

    public string Path { get; }

    public long SizeBytes { get; }

    /// <summary>Creates <paramref name="directory"/> if needed and mounts a tmpfs of <paramref name="sizeBytes"/> on it.</summary>
    /// <exception cref="InvalidOperationException">The mount failed; the message says what the test needs.</exception>
    public static async Task<TmpfsMount> MountAsync(string directory, long sizeBytes)
    {
        Directory.CreateDirectory(directory);
        var size = "size=" + sizeBytes.ToString(CultureInfo.InvariantCulture);
        var (code, output) = await RunAsync("mount", "-t", "tmpfs", "-o", size, "tmpfs", directory);
        if (code != 0)
        {
            throw new InvalidOperationException(
                $"This test needs a small filesystem of its own and could not mount one: 'mount -t tmpfs -o {size} tmpfs {directory}' "
                + $"exited with {code}: {output.Trim()}. Run the tests as root or with CAP_SYS_ADMIN (./nightjar test does, as CI).");
        }

        return new TmpfsMount(directory, sizeBytes);
    }

    /// <summary>Free bytes as the filesystem reports them (what ffmpeg will run into).</summary>
    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    public async ValueTask DisposeAsync()
    {
        // A lazy unmount as a fallback: a process killed a moment ago may still hold a file open.
        var (code, _) = await RunAsync("umount", Path);
        if (code != 0)
        {
            await RunAsync("umount", "-l", Path);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"'{tool}' could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(ToolTimeout);
        return (process.ExitCode, await stdout + await stderr);
    }
}
