using Nightjar.Recording.Policies;

namespace Nightjar.Recording.Retention;

/// <summary>The retention rules of one camera's archive after defaults are applied.</summary>
/// <param name="Depth">Age after which a segment expires (from its end); unlimited never expires.</param>
/// <param name="MotionDepth">Extra time for segments around motion, after <paramref name="Depth"/>, counted from the end of the motion (plus post-alarm); null for none.</param>
/// <param name="SpaceBytes">The camera's space cap; null for none.</param>
/// <param name="PreAlarm">Margin before a motion start.</param>
/// <param name="PostAlarm">Margin after a motion end.</param>
internal sealed record CameraRetentionPolicy(DepthLimit Depth, DepthLimit? MotionDepth, long? SpaceBytes, TimeSpan PreAlarm, TimeSpan PostAlarm)
{
    /// <summary>A configured camera: its own depth, or the root's default when its own is unlimited.</summary>
    public static CameraRetentionPolicy From(DvrPolicy dvr, DepthLimit? defaultDepth) =>
        new(dvr.Depth.IsUnlimited && defaultDepth is { } fallback ? fallback : dvr.Depth, dvr.MotionDepth, dvr.Space?.Bytes, dvr.PreAlarm, dvr.PostAlarm);

    /// <summary>The archive of a removed camera: the root's default depth (else unlimited), no motion depth, no space cap.</summary>
    public static CameraRetentionPolicy Removed(DepthLimit? defaultDepth) =>
        new(defaultDepth ?? DepthLimit.Unlimited, null, null, DvrPolicy.DefaultPreAlarm, DvrPolicy.DefaultPostAlarm);

    /// <summary>How long a motion window stays protected after its end plus post-alarm; null for ever.</summary>
    public TimeSpan? MotionKeep =>
        MotionDepth is not { } motion || motion.IsUnlimited || Depth.IsUnlimited ? null : Depth.Duration!.Value + motion.Duration!.Value;
}
