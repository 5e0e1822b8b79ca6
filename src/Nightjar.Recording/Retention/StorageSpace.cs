namespace Nightjar.Recording.Retention;

/// <summary>Size and free space of the filesystem holding a storage root.</summary>
public readonly record struct StorageSpace(long TotalBytes, long FreeBytes);
