/** The bottom layer of words: languages, Intl formats and plural-aware message rendering. */
export * from "./format";
export * from "./language";
export * from "./message";
