import { deleteItem, getItem } from "../db/items";
import { indexes, keys, ttlAttribute } from "../db/layout";
import { queryPage } from "../db/query";
import type { TransactItem } from "../db/transact";
import type { Deps } from "../deps";
import type { AtomicWrite } from "../engine/definition";
import type { PostData } from "./data";
import type { PostCategory, PostContent, PostKind, PostRegion } from "./post";

export type PostStatus = "published" | "closed" | "expired" | "hidden";

/** A post as the board shows it: its content, the author's first name, its dates. Nothing else. */
export interface PublicPost extends PostContent {
  id: string;
  firstName: string;
  status: PostStatus;
  publishedAt: string;
  expiresAt: string;
}

export interface PostFilter {
  kind?: PostKind;
  category?: PostCategory;
  region?: PostRegion;
  language?: PublicPost["language"];
}

const FIELDS = [
  "id",
  "kind",
  "category",
  "region",
  "language",
  "title",
  "text",
  "firstName",
  "status",
  "publishedAt",
  "expiresAt",
] as const;

const toPost = (item: Record<string, unknown>): PublicPost =>
  Object.fromEntries(FIELDS.map((f) => [f, item[f]])) as unknown as PublicPost;

/** The listing item of a post going public, written in the transition that publishes it. */
export function publishWrite(post: PublicPost): AtomicWrite {
  return {
    item: {
      Put: {
        Item: {
          ...keys.boardPost(post.id),
          ...keys.boardPostStatus("published", post.publishedAt, post.id),
          ...post,
        },
      },
    },
  };
}

/** A new expiry for a published post (renewed), in the transition that renews it. */
export function renewWrite(postId: string, expiresAt: string): AtomicWrite {
  return {
    item: {
      Update: {
        Key: keys.boardPost(postId),
        UpdateExpression: "SET expiresAt = :e",
        ConditionExpression: "#s = :published",
        ExpressionAttributeNames: { "#s": "status" },
        ExpressionAttributeValues: { ":e": expiresAt, ":published": "published" },
      },
    },
  };
}

/**
 * An author's edit, in the transition that applies it: the listing shows the new content, and
 * what it replaced is kept apart under the post (not in the execution's history), so that the
 * post's erasure deletes it with the rest.
 */
export function editWrites(
  postId: string,
  edit: { before: PostContent; after: PostContent; at: string; eraseAt: string },
): { item: TransactItem }[] {
  const { title, text, category, region, language } = edit.after;
  return [
    {
      item: {
        Update: {
          Key: keys.boardPost(postId),
          UpdateExpression:
            "SET title = :title, #text = :text, category = :category, #region = :region, #language = :language, editedAt = :at",
          ExpressionAttributeNames: {
            "#text": "text",
            "#region": "region",
            "#language": "language",
          },
          ExpressionAttributeValues: {
            ":title": title,
            ":text": text,
            ":category": category,
            ":region": region,
            ":language": language,
            ":at": edit.at,
          },
        },
      },
    },
    {
      item: {
        Put: {
          Item: {
            ...keys.boardEdit(postId, edit.at),
            before: edit.before,
            editedAt: edit.at,
            // DynamoDB's TTL as a safety net; the post's erasure deletes it on the day.
            [ttlAttribute]: epochSeconds(edit.eraseAt),
          },
        },
      },
    },
  ];
}

/**
 * The post leaves the board: its status changes and its index keys go, so the listing (a query
 * of the published partition) no longer reads it. DynamoDB's TTL erases it later as a safety
 * net; the workflow's erasure step deletes it on the day.
 */
export function unpublishWrite(
  postId: string,
  status: Exclude<PostStatus, "published">,
  eraseAt: string,
): AtomicWrite {
  return {
    item: {
      Update: {
        Key: keys.boardPost(postId),
        UpdateExpression: `SET #s = :s, #ttl = :ttl REMOVE ${indexes.byStatus.pk}, ${indexes.byStatus.sk}`,
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: { "#s": "status", "#ttl": ttlAttribute },
        ExpressionAttributeValues: { ":s": status, ":ttl": epochSeconds(eraseAt) },
      },
    },
  };
}

export const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * What a post says now. An edit is applied to the listing item only (never carried through the
 * execution, whose history would keep it): once edited, the listing item is the post's text.
 */
export async function currentContent(deps: Deps, post: PostData): Promise<PostContent | null> {
  if (!post.editedAt || !post.content) return post.content;
  const listed = await getPost(deps, post.postId);
  if (!listed) return post.content;
  const { kind, category, region, language, title, text } = listed;
  return { kind, category, region, language, title, text };
}

export async function getPost(deps: Deps, postId: string): Promise<PublicPost | undefined> {
  const item = await getItem(deps, keys.boardPost(postId));
  return item ? toPost(item) : undefined;
}

export interface PostPage {
  posts: PublicPost[];
  /** Give it back as `cursor` for the next page; absent on the last page. */
  cursor?: string;
}

/**
 * Published posts, newest first, one page at a time: a query of the `byStatus` index's
 * published partition, never a scan. Filters are applied by DynamoDB to what it reads, and a
 * page reads at most `maxRead` posts: a filter that matches little answers a short page with a
 * cursor, never a walk of the whole board.
 */
export async function listPosts(
  deps: Deps,
  filter: PostFilter,
  options: { limit?: number; cursor?: string; maxRead?: number } = {},
): Promise<PostPage> {
  const limit = options.limit ?? 50;
  const maxRead = options.maxRead ?? 1000;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {
    ":p": keys.boardPostStatusPartition("published"),
  };
  const conditions: string[] = [];
  for (const [field, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    conditions.push(`#${field} = :${field}`);
  }
  const filtering = conditions.length > 0;
  const posts: PublicPost[] = [];
  let start = decodeCursor(options.cursor);
  let read = 0;
  do {
    // Unfiltered, a page is one read of `limit` items; filtered, reads of up to 200 at a time.
    const batch = Math.min(filtering ? 200 : limit - posts.length, maxRead - read);
    const page = await queryPage(deps, {
      IndexName: indexes.byStatus.name,
      KeyConditionExpression: `${indexes.byStatus.pk} = :p`,
      FilterExpression: filtering ? conditions.join(" AND ") : undefined,
      ExpressionAttributeNames: filtering ? names : undefined,
      ExpressionAttributeValues: values,
      ScanIndexForward: false,
      Limit: batch,
      ExclusiveStartKey: start,
    });
    read += page.ScannedCount ?? batch;
    for (const item of page.Items ?? []) {
      if (posts.length === limit) {
        // More matched than the page holds: the next page starts after the last one shown.
        const last = posts.at(-1)!;
        return { posts, cursor: cursorAfter(`${last.publishedAt}#${last.id}`) };
      }
      posts.push(toPost(item));
    }
    start = page.LastEvaluatedKey;
  } while (start && posts.length < limit && read < maxRead);
  return { posts, cursor: start ? cursorAfter(String(start[indexes.byStatus.sk])) : undefined };
}

/** A cursor names the last post read (its date and id); the page rebuilds the key from them. */
const cursorAfter = (sortKey: string) => Buffer.from(sortKey).toString("base64url");

/** Anything but our own cursor back starts from the beginning, never reaches DynamoDB as is. */
function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  const sk = cursor ? Buffer.from(cursor, "base64url").toString("utf8") : "";
  const match = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)#([0-9a-f-]{36})$/.exec(sk);
  if (!match) return undefined;
  return {
    ...keys.boardPost(match[2]!),
    ...keys.boardPostStatus("published", match[1]!, match[2]!),
  };
}

/**
 * Deletes everything kept under a post: its listing item, its relayed messages, the texts its
 * edits replaced, its counted mark. The erasure, safe to run twice.
 */
export async function erasePost(deps: Deps, postId: string): Promise<void> {
  const { pk } = keys.boardPost(postId);
  for (;;) {
    const { Items = [] } = await queryPage(deps, {
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": pk },
      ProjectionExpression: "pk, sk",
      ConsistentRead: true,
    });
    if (Items.length === 0) break;
    for (const key of Items) await deleteItem(deps, { Key: { pk: key.pk, sk: key.sk } });
  }
}
