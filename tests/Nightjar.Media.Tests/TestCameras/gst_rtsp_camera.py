#!/usr/bin/python3
"""A pull-type RTSP camera stand-in for Nightjar tests (GStreamer gst-rtsp-server).

Run with /usr/bin/python3 (the interpreter that has `gi`). Prints one line
`READY port=<port>` on stdout once the server accepts connections, then serves until killed.

Paths: /ball (H.264), /ball-h265 (H.265), /ball-alaw (H.264 + PCMA 8 kHz), /ball-aac (H.264 + AAC).
All video is a test pattern (--pattern, a moving ball by default), 1 keyframe per --gop frames,
at most --bitrate kbit/s.
"""
import argparse
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402


def video(args, codec):
    src = (
        f"videotestsrc is-live=true pattern={args.pattern} ! "
        f"video/x-raw,width={args.width},height={args.height},framerate={args.fps}/1 ! "
    )
    if codec == "h265":
        return src + (
            f"x265enc tune=zerolatency speed-preset=ultrafast key-int-max={args.gop} bitrate={args.bitrate} ! "
            "rtph265pay name=pay0 pt=96 config-interval=1"
        )
    # sliced-threads=false: multi-slice frames make ffmpeg warn about non-monotonous DTS (media.md 2).
    return src + (
        f"x264enc tune=zerolatency sliced-threads=false speed-preset=ultrafast key-int-max={args.gop} "
        f"bitrate={args.bitrate} ! rtph264pay name=pay0 pt=96 config-interval=1"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--user", default="")
    parser.add_argument("--password", default="")
    parser.add_argument("--auth", choices=["digest", "basic"], default="digest")
    parser.add_argument("--width", type=int, default=640)
    parser.add_argument("--height", type=int, default=360)
    parser.add_argument("--fps", type=int, default=25)
    parser.add_argument("--gop", type=int, default=25)
    parser.add_argument("--bitrate", type=int, default=1000)
    # "ball" compresses to ~200 kbit/s; "snow" (noise) fills the --bitrate budget, for load measurements.
    parser.add_argument("--pattern", default="ball")
    args = parser.parse_args()

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))

    if args.user:
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", "user")
        if args.auth == "digest":
            auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
            auth.add_digest(args.user, args.password, token)
        else:
            auth.set_supported_methods(GstRtsp.RTSPAuthMethod.BASIC)
            auth.add_basic(GstRtspServer.RTSPAuth.make_basic(args.user, args.password), token)
        server.set_auth(auth)

    pipelines = {
        "/ball": video(args, "h264"),
        "/ball-h265": video(args, "h265"),
        "/ball-alaw": video(args, "h264")
        + " audiotestsrc is-live=true wave=sine ! audio/x-raw,rate=8000,channels=1 ! alawenc ! rtppcmapay name=pay1 pt=8",
        "/ball-aac": video(args, "h264")
        + " audiotestsrc is-live=true wave=sine ! audio/x-raw,rate=16000,channels=1 ! avenc_aac ! rtpmp4gpay name=pay1 pt=97",
    }
    mounts = server.get_mount_points()
    for path, launch in pipelines.items():
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(f"( {launch} )")
        factory.set_shared(True)
        if args.user:
            factory.add_role_from_structure(
                Gst.Structure.new_from_string(
                    "user,media.factory.access=(boolean)true,media.factory.construct=(boolean)true"
                )
            )
        mounts.add_factory(path, factory)

    if server.attach(None) == 0:
        print("FAILED to bind", file=sys.stderr, flush=True)
        return 2
    print(f"READY port={server.get_bound_port()}", flush=True)
    GLib.MainLoop().run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
