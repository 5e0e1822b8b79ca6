namespace Nightjar.Recording.Retention;

/// <summary>
/// One motion of a camera as journaled (<c>MotionStarted</c> to <c>MotionStopped</c>), without the pre- and
/// post-alarm margins: retention adds those from the camera's policy, so a policy change applies to past motion too.
/// </summary>
/// <param name="Start">When the motion began.</param>
/// <param name="End">When it ended; null while it is still going on (protected up to now).</param>
public sealed record MotionWindow(DateTimeOffset Start, DateTimeOffset? End);
