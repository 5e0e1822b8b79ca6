namespace Nightjar.Media.Rtsp;

/// <summary>RTSP/1.0 status codes we answer with (RFC 2326 §7.1.1).</summary>
internal static class RtspStatus
{
    public const int Ok = 200;
    public const int MovedTemporarily = 302;
    public const int BadRequest = 400;
    public const int Unauthorized = 401;
    public const int Forbidden = 403;
    public const int NotFound = 404;
    public const int MethodNotAllowed = 405;
    public const int RequestEntityTooLarge = 413;
    public const int NotEnoughBandwidth = 453;
    public const int SessionNotFound = 454;
    public const int MethodNotValidInThisState = 455;
    public const int AggregateOperationNotAllowed = 459;
    public const int UnsupportedTransport = 461;
    public const int InternalServerError = 500;
    public const int NotImplemented = 501;
    public const int ServiceUnavailable = 503;
    public const int VersionNotSupported = 505;

    public static string ReasonPhrase(int code) => code switch
    {
        200 => "OK",
        302 => "Moved Temporarily",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        413 => "Request Entity Too Large",
        415 => "Unsupported Media Type",
        453 => "Not Enough Bandwidth",
        454 => "Session Not Found",
        455 => "Method Not Valid in This State",
        459 => "Aggregate Operation Not Allowed",
        461 => "Unsupported Transport",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        505 => "RTSP Version Not Supported",
        _ => "Unknown",
    };
}
