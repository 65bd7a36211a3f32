import type { Language } from "@entraide/core/requests/request-types";
import { api, fieldErrors } from "./api";
import { announce, h } from "./dom";
import { message } from "./errors";
import { say } from "./ui-text";

/** A document uploaded for this form. */
export interface Doc {
  documentId: string;
  name: string;
  size: number;
}

const limits = __PLAN_LIMITS__.documents;

/** Why `file` cannot be sent (type or size), in `language`; `undefined` when it can. */
export function refusal(file: File, language: Language): string | undefined {
  if (!limits.allowedContentTypes.includes(file.type)) {
    return message(
      { code: "custom", path: ["contentType"], params: { code: "invalid_content_type" } },
      language,
    );
  }
  if (file.size > limits.maxBytes) return say("fileTooBig", language, { name: file.name });
  if (file.size === 0) {
    return message(
      { code: "too_small", origin: "number", minimum: 1, inclusive: true, path: ["size"] },
      language,
    );
  }
  return undefined;
}

/** What `POST /api/documents` answers: the presigned form S3 takes the file through. */
interface UploadForm {
  url: string;
  fields: Record<string, string>;
}

/**
 * POSTs the file to the presigned form, its fields first and the file last (S3 reads the policy
 * before the bytes), reporting progress (XMLHttpRequest has upload events).
 */
function post(
  upload: UploadForm,
  file: File,
  onProgress: (percent: number) => void,
): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append("file", file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", upload.url);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error(`POST ${xhr.status}`));
    xhr.onerror = () => reject(new Error("POST failed"));
    xhr.send(form);
  });
}

/**
 * Registers `file` with `POST /api/documents`, then uploads it. Resolves to the document, or
 * to an error message for the member (the API's own words when it refuses the file).
 */
export async function upload(
  file: File,
  language: Language,
  onProgress: (percent: number) => void,
): Promise<Doc | { error: string }> {
  const refused = refusal(file, language);
  if (refused) return { error: refused };
  try {
    const created = await api<{ documentId: string; upload: UploadForm }>(
      "POST",
      `/api/documents?lang=${language}`,
      {
        body: { fileName: file.name, contentType: file.type, size: file.size },
      },
    );
    if (created.status !== 201) {
      const errors = fieldErrors(created.body);
      return { error: errors?.[0]?.message ?? say("uploadFailed", language, { name: file.name }) };
    }
    await post(created.body.upload, file, onProgress);
    return { documentId: created.body.documentId, name: file.name, size: file.size };
  } catch {
    return { error: say("uploadFailed", language, { name: file.name }) };
  }
}

export interface FileFieldOptions {
  id: string;
  label: string;
  hint?: string;
  required?: boolean;
  multiple: boolean;
  docs: Doc[];
  language: Language;
  /** Called with the new list after an upload or a removal. */
  onChange: (docs: Doc[]) => void;
  /** Counts uploads under way, so sending waits for them. */
  busy: { count: number };
}

/**
 * A file control that uploads as soon as a file is chosen: refusals (type, size) are shown
 * before any byte leaves, progress is visible and spoken, and each attached file can be removed.
 */
export function fileField(o: FileFieldOptions): HTMLElement {
  const hintId = `${o.id}-hint`;
  const statusId = `${o.id}-status`;
  const list = h("ul", { class: "files" });
  const status = h("p", { class: "upload-status", id: statusId });
  const progress = h("progress", { max: 100, value: 0, hidden: true, "aria-hidden": "true" });
  let docs = [...o.docs];
  const renderList = () =>
    list.replaceChildren(
      ...docs.map((d) =>
        h(
          "li",
          {},
          h("span", { class: "file-name" }, d.name),
          " ",
          h(
            "button",
            {
              type: "button",
              class: "link",
              onclick: () => {
                docs = docs.filter((x) => x !== d);
                renderList();
                o.onChange(docs);
                input.focus();
              },
            },
            say("removeFile", o.language, { name: d.name }),
          ),
        ),
      ),
    );
  const input = h("input", {
    type: "file",
    id: o.id,
    accept: limits.allowedContentTypes.join(","),
    multiple: o.multiple,
    "aria-describedby": o.hint ? `${hintId} ${statusId}` : statusId,
    "aria-required": o.required ? "true" : undefined,
  });
  input.addEventListener("change", async () => {
    const files = [...(input.files ?? [])];
    input.value = "";
    for (const file of files) {
      status.classList.remove("field-error-text");
      o.busy.count++;
      progress.hidden = false;
      progress.value = 0;
      let spoken = -1;
      const result = await upload(file, o.language, (percent) => {
        progress.value = percent;
        status.textContent = say("uploading", o.language, { name: file.name, percent });
        // Speak at quarters only: a screen reader reading every percent is noise.
        const quarter = Math.floor(percent / 25);
        if (quarter !== spoken) {
          spoken = quarter;
          announce(status.textContent);
        }
      });
      o.busy.count--;
      progress.hidden = true;
      if ("error" in result) {
        status.textContent = result.error;
        status.classList.add("field-error-text");
        announce(result.error);
        continue;
      }
      docs = o.multiple ? [...docs, result] : [result];
      status.textContent = say("uploaded", o.language, { name: result.name });
      announce(status.textContent);
      renderList();
      o.onChange(docs);
    }
  });
  renderList();
  return h(
    "div",
    { class: "field" },
    h("label", { for: o.id }, o.label, o.required ? h("span", { class: "req" }, " *") : ""),
    o.hint ? h("p", { class: "hint", id: hintId }, o.hint) : null,
    input,
    progress,
    status,
    list,
  );
}
