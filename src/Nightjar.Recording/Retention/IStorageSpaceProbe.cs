namespace Nightjar.Recording.Retention;

/// <summary>Reads a filesystem's size and free space (tests substitute a simulated disk).</summary>
public interface IStorageSpaceProbe
{
    /// <summary>The space of the filesystem holding <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The filesystem cannot be read.</exception>
    StorageSpace Probe(string path);
}
