import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mediaToolsFromEnv } from '../../../../display-service/renditions/video/media-tools';

const run = promisify(execFile);

export interface ClipFixture {
  width: number;
  height: number;
  seconds: number;
  /** Written the way an iPhone writes it (QuickTime mdta key), which the library's ingest reads. */
  iso6709?: string;
  createdUtc?: string;
}

/** A real H.264/AAC clip made by ffmpeg from its test sources (moving test card and a tone). */
export async function writeClip(file: string, clip: ClipFixture): Promise<void> {
  const { ffmpeg } = mediaToolsFromEnv();
  const size = `${clip.width}x${clip.height}`;
  await run(ffmpeg, [
    ...['-nostdin', '-v', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=25:duration=${clip.seconds}`],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${clip.seconds}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'],
    ...['-movflags', 'use_metadata_tags'],
    ...(clip.iso6709 ? ['-metadata', `com.apple.quicktime.location.ISO6709=${clip.iso6709}`] : []),
    ...(clip.createdUtc ? ['-metadata', `creation_time=${clip.createdUtc}`] : []),
    file,
  ]);
}

/** Every metadata tag of a file's container and streams, as ffprobe reads them. */
export async function containerTags(file: string): Promise<Record<string, string>> {
  const { ffprobe } = mediaToolsFromEnv();
  const { stdout } = await run(ffprobe, [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    file,
  ]);
  const parsed = JSON.parse(stdout) as {
    format?: { tags?: Record<string, string> };
    streams?: { tags?: Record<string, string> }[];
  };
  const tags: Record<string, string> = { ...parsed.format?.tags };
  for (const stream of parsed.streams ?? []) Object.assign(tags, stream.tags);
  return tags;
}
