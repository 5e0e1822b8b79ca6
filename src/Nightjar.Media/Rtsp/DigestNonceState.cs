namespace Nightjar.Media.Rtsp;

internal enum DigestNonceState
{
    Invalid,
    Expired,
    Valid,
}
