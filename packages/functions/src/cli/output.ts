/** Where the CLI writes: injected, so tests and embedding callers can capture it. */
export interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processStreams: Streams = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** How often a long command reports progress, in items. */
const PROGRESS_EVERY = 500;

/**
 * The result goes to stdout (JSON with `--json`, text otherwise); progress and notes go to stderr,
 * so `--json` output can be piped to another program as it is.
 */
export class Output {
  constructor(
    readonly json: boolean,
    private readonly streams: Streams,
  ) {}

  result(data: unknown, text: string): void {
    this.streams.stdout(this.json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);
  }

  note(text: string): void {
    this.streams.stderr(`${text}\n`);
  }

  /** A progress callback that reports every few hundred items, for long commands. */
  progress(what: string): (done: number, total: number) => void {
    return (done, total) => {
      if (total >= PROGRESS_EVERY && (done % PROGRESS_EVERY === 0 || done === total)) {
        this.note(`${what}: ${done}/${total}`);
      }
    };
  }
}
