namespace Nightjar.Recording.Retention;

/// <summary>How the rules see one segment at one moment.</summary>
/// <param name="Expired">Its end plus its camera's depth is not after now.</param>
/// <param name="Motion">It overlaps a motion window still inside its motion depth.</param>
/// <param name="Locked">It overlaps an evidence lock in force.</param>
internal readonly record struct SegmentClass(bool Expired, bool Motion, bool Locked)
{
    public bool Unprotected => !Motion && !Locked;
}
