namespace Nightjar.Recording.Retention;

/// <summary>The real filesystem: <c>statvfs</c> of the path through <see cref="DriveInfo"/>; free means available to this process.</summary>
public sealed class FileSystemSpaceProbe : IStorageSpaceProbe
{
    public StorageSpace Probe(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var drive = new DriveInfo(path);
        return new StorageSpace(drive.TotalSize, drive.AvailableFreeSpace);
    }
}
