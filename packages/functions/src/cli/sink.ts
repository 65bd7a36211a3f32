import { createWriteStream } from "node:fs";
import { unlink } from "node:fs/promises";
import { Writable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { processStreams, type Streams } from "./output";

/**
 * Where an export goes: a file, or the CLI's stdout. Stdout is wrapped, never ended (the
 * process still writes after the export), and keeps the export's backpressure when it is the
 * process's own; `discard` removes a file a failed export left half-written.
 */
export function exportSink(
  file: string | undefined,
  streams: Streams,
): { out: Writable; discard(): Promise<void> } {
  if (file)
    return { out: createWriteStream(file), discard: () => unlink(file).catch(() => undefined) };
  const discard = async () => undefined;
  if (streams === processStreams) {
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (process.stdout.write(chunk)) done();
        else process.stdout.once("drain", () => done());
      },
    });
    return { out, discard };
  }
  // Injected streams take text: decode so a character split across chunks stays whole.
  const decoder = new StringDecoder("utf8");
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      streams.stdout(decoder.write(chunk));
      done();
    },
    final(done) {
      streams.stdout(decoder.end());
      done();
    },
  });
  return { out, discard };
}
