using Nightjar.Recording.Retention;

namespace Nightjar.Server.Retention;

/// <summary>
/// No <see cref="IProtectionSource"/> is registered: retention cannot know which recordings motion and evidence locks
/// protect, and deleting without knowing would destroy evidence, so it does not run at all.
/// </summary>
internal sealed class MissingProtectionSourceException : InvalidOperationException
{
    public const string Text =
        "retention is not running: this node has no protection source (motion windows and evidence locks), "
        + "and retention never deletes without knowing what is protected";

    public MissingProtectionSourceException()
        : base(Text)
    {
    }

    public MissingProtectionSourceException(string message)
        : base(message)
    {
    }

    public MissingProtectionSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
