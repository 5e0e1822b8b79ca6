namespace Nightjar.Server.Configuration;

/// <summary>One directory on one disk where recordings are written, with its limit.</summary>
internal sealed class StorageRootOptions
{
    public const string DefaultLimit = "90%";

    public string? Path { get; set; }

    /// <summary><c>50%</c> of the filesystem, <c>500GB</c>, or with a depth: <c>50% 7d</c>. See <see cref="StorageLimit"/>.</summary>
    public string Limit { get; set; } = DefaultLimit;

    /// <summary>Only valid after validation passed.</summary>
    public StorageLimit GetLimit() => StorageLimit.Parse(Limit);

    public void Validate(ConfigurationErrorCollector errors)
    {
        errors.DirectoryPath(nameof(Path), Path);
        if (!StorageLimit.TryParse(Limit, out _, out var error))
        {
            errors.Add(nameof(Limit), error);
        }
    }
}
