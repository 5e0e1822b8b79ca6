namespace Nightjar.Recording.Cameras;

/// <summary>The <c>[a-z0-9_-]</c> alphabet shared by camera ids and stream names: safe in URLs, paths and file names.</summary>
internal static class Slug
{
    public static bool IsValid(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text) || text.Length > maxLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
