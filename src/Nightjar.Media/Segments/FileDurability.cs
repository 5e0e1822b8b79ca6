using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Nightjar.Media.Segments;

/// <summary>
/// Makes a closed recording durable before it is recorded as an event: fsync of the file, then of
/// its directory so the directory entry survives a power cut (Moonfire's order, media.md 5.3).
/// </summary>
public static partial class FileDurability
{
    /// <summary>fsync of a file's data and metadata.</summary>
    public static void FlushFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>fsync of a directory (a no-op where directories cannot be opened, i.e. Windows).</summary>
    /// <exception cref="IOException">The directory cannot be opened or synced.</exception>
    public static void FlushDirectory(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return;
        }

        // .NET refuses to open a directory as a FileStream, so this goes to libc.
        var fd = NativeMethods.Open(path, NativeMethods.ReadOnlyDirectory);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory '{path}' to fsync it.", new Win32Exception(Marshal.GetLastPInvokeError()));
        }

        try
        {
            if (NativeMethods.Fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory '{path}' failed.", new Win32Exception(Marshal.GetLastPInvokeError()));
            }
        }
        finally
        {
            _ = NativeMethods.Close(fd);
        }
    }

    /// <summary>fsync of the file, then of the directory that holds it.</summary>
    public static void FlushFileAndDirectory(string path)
    {
        FlushFile(path);
        FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/");
    }

    /// <summary>Creates a directory chain and fsyncs each parent that got a new entry.</summary>
    public static void CreateDirectoryDurably(string path)
    {
        var full = Path.GetFullPath(path);
        var missing = new Stack<string>();
        for (var dir = full; !Directory.Exists(dir); dir = Path.GetDirectoryName(dir) ?? "/")
        {
            missing.Push(dir);
        }

        while (missing.TryPop(out var dir))
        {
            Directory.CreateDirectory(dir);
            FlushDirectory(Path.GetDirectoryName(dir) ?? "/");
        }
    }
}
