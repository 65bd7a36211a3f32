import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildApp } from "fauxqs";

/** What fauxqs keeps per object (its S3Store's map values). */
interface S3Object {
  key: string;
  body: Buffer;
  contentType: string;
  contentLength: number;
  etag: string;
  lastModified: Date;
  metadata: Record<string, string>;
}

interface S3StoreLike {
  buckets: Map<string, Map<string, S3Object>>;
  bucketCreationDates: Map<string, Date>;
  createBucket(name: string): void;
  deleteBucket(name: string): void;
  purgeAll(): void;
}

/** fauxqs (SQS and S3), with S3's objects kept in `s3Dir` when given, else in memory. */
export async function buildFauxqs(s3Dir?: string) {
  const stores = s3Dir ? { s3Store: await fileS3Store(s3Dir) } : undefined;
  // fauxqs builds the stores it is not given; its type wants all three.
  return buildApp({ logger: false, stores } as unknown as Parameters<typeof buildApp>[0]);
}

/**
 * fauxqs's S3 keeps objects in memory. This store is fauxqs's own S3Store (so the S3 wire protocol
 * stays fauxqs's: chunked uploads, ranges, copies, multipart), with each bucket's object map
 * written through to files: `<dir>/<bucket>/<sha256(key)>.json` (metadata) and `.body`. Every
 * write is fsynced and renamed into place before the request is answered, so what S3 said 200 to
 * survives `kill -9`. Bodies are read from disk when served, not kept in memory.
 *
 * fauxqs exports only `startFauxqs` and `buildApp`; the store class is loaded from its file, which
 * is why fauxqs's version is pinned (test/local/file-s3-store.test.ts fails if its shape moves).
 */
export async function fileS3Store(dir: string): Promise<S3StoreLike> {
  const { S3Store } = (await import(pathToFileURL(fauxqsFile("dist/s3/s3Store.js")).href)) as {
    S3Store: new () => S3StoreLike;
  };

  class FileS3Store extends S3Store {
    constructor() {
      super();
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      for (const name of readdirSync(dir)) {
        if (!existsSync(join(dir, name, BUCKET_MARK))) continue;
        this.buckets.set(name, new FileObjects(join(dir, name)));
        this.bucketCreationDates.set(
          name,
          new Date(readFileSync(join(dir, name, BUCKET_MARK), "utf8")),
        );
      }
    }
    override createBucket(name: string) {
      if (this.buckets.has(name)) return;
      const bucketDir = join(dir, name);
      mkdirSync(bucketDir, { recursive: true });
      const created = new Date();
      writeDurably(join(bucketDir, BUCKET_MARK), Buffer.from(created.toISOString()));
      this.buckets.set(name, new FileObjects(bucketDir));
      this.bucketCreationDates.set(name, created);
    }
    override deleteBucket(name: string) {
      super.deleteBucket(name);
      rmSync(join(dir, name), { recursive: true, force: true });
    }
    override purgeAll() {
      super.purgeAll();
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    }
  }
  return new FileS3Store();
}

const BUCKET_MARK = ".bucket";

/** A file of the installed fauxqs, found where Node would look for the package. */
function fauxqsFile(path: string): string {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths("fauxqs") ?? []) {
    const file = join(dir, "fauxqs", path);
    if (existsSync(file)) return file;
  }
  throw new Error(`fauxqs is not installed (looked for ${path})`);
}

/** A bucket's objects: a Map whose writes go to disk first, and whose bodies are read from it. */
class FileObjects extends Map<string, S3Object> {
  constructor(private readonly dir: string) {
    super();
    for (const file of readdirSync(dir)) {
      if (!file.endsWith(".json")) continue;
      const meta = JSON.parse(readFileSync(join(dir, file), "utf8")) as Omit<S3Object, "body"> & {
        lastModified: string;
      };
      super.set(meta.key, this.lazy({ ...meta, lastModified: new Date(meta.lastModified) }));
    }
  }

  override set(key: string, object: S3Object): this {
    const { body, ...meta } = object;
    const base = join(this.dir, fileName(key));
    writeDurably(`${base}.body`, body);
    writeDurably(`${base}.json`, Buffer.from(JSON.stringify(meta)));
    return super.set(key, this.lazy(meta));
  }

  override delete(key: string): boolean {
    const base = join(this.dir, fileName(key));
    // Metadata first: an object without it is not listed, even if its body is left behind.
    for (const file of [`${base}.json`, `${base}.body`]) {
      try {
        unlinkSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
    return super.delete(key);
  }

  override clear(): void {
    for (const key of [...this.keys()]) this.delete(key);
  }

  private lazy(meta: Omit<S3Object, "body">): S3Object {
    const bodyFile = join(this.dir, `${fileName(meta.key)}.body`);
    return Object.defineProperty({ ...meta } as S3Object, "body", {
      get: () => readFileSync(bodyFile),
      enumerable: true,
    });
  }
}

/** Keys may hold any character, so files are named by the key's hash; the key is in the metadata. */
function fileName(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Write to a temporary file, fsync, rename: a crash leaves the old file or the new one, whole. */
function writeDurably(path: string, data: Buffer) {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w", 0o600);
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
