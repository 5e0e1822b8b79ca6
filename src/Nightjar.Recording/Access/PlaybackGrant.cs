namespace Nightjar.Recording.Access;

/// <summary>What a valid playback token allows.</summary>
/// <param name="Scope">A camera id (<c>lobby</c>: all its streams) or one stream (<c>lobby/main</c>).</param>
/// <param name="Permissions">A subset of <see cref="Permissions.Playback"/>.</param>
/// <param name="ExpiresAt">The first instant at which the token is no longer valid (whole seconds).</param>
public sealed record PlaybackGrant(string Scope, Permissions Permissions, DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// Whether <paramref name="path"/> (<c>lobby</c>, <c>lobby/main</c>, <c>lobby/main/c/12/0-100.ts</c>) lies inside
    /// the scope. Paths are compared segment by segment, so <c>lobby</c> never covers <c>lobby2</c>.
    /// </summary>
    public bool Covers(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var requested = path.TrimStart('/').Split('/');
        var scope = Scope.Split('/');
        if (requested.Length < scope.Length || requested.Any(s => s.Length == 0 || s is "." or ".."))
        {
            return false;
        }

        for (var i = 0; i < scope.Length; i++)
        {
            if (!string.Equals(scope[i], requested[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
