namespace Nightjar.Recording.Signals;

/// <summary>The camera's open motion window, as its <c>MotionStarted</c> journaled it.</summary>
internal sealed record OpenMotion(DateTimeOffset Start, string Source, string Type);
