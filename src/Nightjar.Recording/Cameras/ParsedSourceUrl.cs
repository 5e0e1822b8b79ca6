namespace Nightjar.Recording.Cameras;

/// <summary>A source URL split into the URL without user info and the credentials that were inside it.</summary>
/// <param name="Url">The URL with its scheme in lowercase and no <c>user:password@</c> part.</param>
/// <param name="Username">The percent-decoded user name, or null when the URL had no user info.</param>
/// <param name="Password">The percent-decoded password; null when absent (<c>user@host</c>), empty for <c>user:@host</c>.</param>
internal sealed record ParsedSourceUrl(string Url, string? Username, string? Password)
{
    // The password is a secret even here: keep it out of assertion messages and debugger displays.
    public override string ToString() => $"ParsedSourceUrl {{ Url = {Url}, Username = {Username}, Password = {(Password is null ? "(absent)" : "***")} }}";
}
