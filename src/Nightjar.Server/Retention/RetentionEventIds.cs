namespace Nightjar.Server.Retention;

/// <summary>EventIds of the server's retention hosting (1960-1979, inside the server area's 1000-1999).</summary>
internal static class RetentionEventIds
{
    public const int Started = 1960;
    public const int StartFailed = 1961;
    public const int Stopped = 1962;
}
