namespace Nightjar.Server.Security;

/// <summary>Where the node keeps its secrets at rest, readable by its own user only.</summary>
internal static class SecurityDirectories
{
    /// <summary>The Data Protection key ring (camera credentials at rest) under the data directory.</summary>
    public const string KeyRingDirectoryName = "keys";

    public static string KeyRingPath(string dataPath) => Path.Combine(dataPath, KeyRingDirectoryName);

    /// <summary>
    /// Creates the key ring directory with mode 700 before Data Protection writes its first key into it: on Linux
    /// the key files are not encrypted (there is no DPAPI), so the directory's permissions are their protection.
    /// </summary>
    public static void CreateKeyRingDirectory(string dataPath)
    {
        var path = KeyRingPath(dataPath);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
