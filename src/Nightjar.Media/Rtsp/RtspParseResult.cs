namespace Nightjar.Media.Rtsp;

/// <summary>Outcome of one <c>RtspRequestParser.Parse</c> call.</summary>
internal readonly record struct RtspParseResult(
    RtspParseStatus Status,
    RtspRequest? Request,
    int Consumed,
    int ErrorStatus,
    string? ErrorReason,
    string? CSeq)
{
    public static RtspParseResult Incomplete { get; } = new(RtspParseStatus.Incomplete, null, 0, 0, null, null);

    public static RtspParseResult Fail(RtspParseStatus status, int consumed, int code, string reason, string? cseq) =>
        new(status, null, consumed, code, reason, cseq);
}
