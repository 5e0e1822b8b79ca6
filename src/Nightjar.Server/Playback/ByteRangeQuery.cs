namespace Nightjar.Server.Playback;

/// <summary>The <c>?byterange=</c> switch of playlists: <c>1</c>/<c>true</c> for <c>EXT-X-BYTERANGE</c>, <c>0</c>/<c>false</c> or absent for chunk URLs.</summary>
internal static class ByteRangeQuery
{
    public const string Error = "'byterange' must be 1, 0, true or false.";

    public static bool TryParse(string? value, out bool byteRanges)
    {
        switch (value)
        {
            case null or "" or "0" or "false":
                byteRanges = false;
                return true;
            case "1" or "true":
                byteRanges = true;
                return true;
            default:
                byteRanges = false;
                return false;
        }
    }
}
