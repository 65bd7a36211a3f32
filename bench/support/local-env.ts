/**
 * What every bench run sets before it starts a stack: the local emulators' credentials, no SDK
 * warning about the Node version, and the engine's logs at WARN (a line per transition would
 * cost the bench process more CPU than the engine it measures). Imported for its effect.
 */
process.env.AWS_ACCESS_KEY_ID ??= "local";
process.env.AWS_SECRET_ACCESS_KEY ??= "local";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
process.env.POWERTOOLS_LOG_LEVEL ??= "WARN";
