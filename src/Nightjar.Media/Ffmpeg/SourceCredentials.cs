namespace Nightjar.Media.Ffmpeg;

/// <summary>User and password of a source, kept apart from its URL; never printed.</summary>
public sealed record SourceCredentials(string User, string Password)
{
    public override string ToString() => $"SourceCredentials {{ User = {UrlRedactor.Mask}, Password = {UrlRedactor.Mask} }}";
}
