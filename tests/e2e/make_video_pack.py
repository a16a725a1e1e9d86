#!/usr/bin/env python3
# tests/e2e: builds the video test pack — valid-minimal plus ffmpeg-generated clips (good, corrupt, truncated, missing)
"""Usage: make_video_pack.py OUT_DIR

Copies tests/packs/valid-minimal to OUT_DIR and adds:
  videos/clip.mp4        8 s, 640x360, 30 fps, H.264 + AAC, moov first, with clip.zh.srt / clip.en.srt
  videos/corrupt.mp4     clip.mp4 with its sample description overwritten (boxes intact, undecodable)
  videos/truncated.mp4   a moov-at-the-end encode cut in half (no moov: nothing can be played)
  videos/missing.mp4     referenced but not there
The item letter-1931 links the clip; the attract loop plays it muted first."""
import json, os, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "packs", "valid-minimal")

ZH = ["第一段字幕：欢迎观看", "第二段字幕：档案里的故事", "第三段字幕：请爱护档案", "第四段字幕：谢谢观看"]
EN = ["Cue one: welcome", "Cue two: stories in the archives", "Cue three: take care of archives", "Cue four: thank you"]


def srt(lines):
    out = []
    for i, text in enumerate(lines):
        start, end = i * 2, i * 2 + 2
        out.append(f"{i + 1}\n00:00:{start:02d},000 --> 00:00:{end:02d},000\n{text}\n")
    return "\n".join(out)


def ffmpeg(*args):
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *args], check=True)


def encode(path, faststart):
    ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30:duration=8",
           "-f", "lavfi", "-i", "sine=frequency=440:duration=8",
           "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", "30",
           "-c:a", "aac", "-b:a", "64k", *(["-movflags", "+faststart"] if faststart else []), path)


def corrupt_sample_description(src, dst):
    """Overwrites the avc1 sample entry inside moov with garbage of the same length."""
    data = bytearray(open(src, "rb").read())
    at = data.find(b"avc1", data.find(b"stsd"))  # the sample entry, not the ftyp brand
    if at < 0:
        sys.exit("make_video_pack: no avc1 box in " + src)
    for i in range(at + 4, min(len(data), at + 140)):
        data[i] = (i * 91 + 7) % 256
    open(dst, "wb").write(bytes(data))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(SOURCE, out)
    videos = os.path.join(out, "videos")
    os.makedirs(videos)
    encode(os.path.join(videos, "clip.mp4"), True)
    with open(os.path.join(videos, "clip.zh.srt"), "w", encoding="utf-8") as f:
        f.write(srt(ZH))
    with open(os.path.join(videos, "clip.en.srt"), "w", encoding="utf-8") as f:
        f.write(srt(EN))
    ffmpeg("-ss", "1", "-i", os.path.join(videos, "clip.mp4"), "-frames:v", "1", os.path.join(videos, "clip-poster.jpg"))
    corrupt_sample_description(os.path.join(videos, "clip.mp4"), os.path.join(videos, "corrupt.mp4"))
    whole = os.path.join(videos, "whole.mp4")
    encode(whole, False)
    data = open(whole, "rb").read()
    open(os.path.join(videos, "truncated.mp4"), "wb").write(data[: len(data) // 2])
    os.remove(whole)

    pack_file = os.path.join(out, "pack.json")
    pack = json.load(open(pack_file, encoding="utf-8"))
    pack["id"] = "video-e2e"
    item = pack["exhibitions"][0]["chapters"][0]["items"][0]
    item["video"] = "clip"
    exhibition, chapter = pack["exhibitions"][0]["id"], pack["exhibitions"][0]["chapters"][0]["id"]

    def video(vid, zh, en, file, subtitles=True):
        v = {"id": vid, "title": {"zh": zh, "en": en}, "file": f"videos/{file}",
             "description": {"zh": "测试用的生成短片。", "en": "A generated test clip."},
             "exhibition": exhibition, "chapter": chapter}
        if subtitles:
            v["poster"] = "videos/clip-poster.jpg"
            v["subtitles"] = [{"lang": "zh", "file": "videos/clip.zh.srt"}, {"lang": "en", "file": "videos/clip.en.srt"}]
        return v

    pack["videos"] = [
        dict(video("clip", "测试短片", "Test clip", "clip.mp4"), item=item["id"]),
        video("corrupt", "损坏的视频", "Corrupt video", "corrupt.mp4", False),
        video("truncated", "不完整的视频", "Truncated video", "truncated.mp4", False),
        video("missing", "缺失的视频", "Missing video", "missing.mp4", False),
    ]
    pack["attract"] = [{"video": "clip", "muted": True}, {"item": item["id"]}]
    with open(pack_file, "w", encoding="utf-8") as f:
        json.dump(pack, f, ensure_ascii=False, indent=2)
    print(f"video test pack: {out}")


if __name__ == "__main__":
    main()
