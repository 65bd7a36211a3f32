/** A request matched to a route as API Gateway HTTP APIs match them. */
export interface RouteMatch {
  routeKey: string;
  pathParameters?: Record<string, string>;
}

interface CompiledRoute {
  routeKey: string;
  method: string;
  segments: string[];
  staticCount: number;
}

/**
 * Builds a matcher over route keys like "GET /api/requests/{id}" or "ANY /files/{path+}".
 * `{name}` takes one path segment, `{name+}` the rest of the path; when several routes match,
 * the most specific one wins (more literal segments, then no greedy parameter), as in AWS.
 */
export function routeMatcher(routeKeys: readonly string[]) {
  const compiled = routeKeys
    .map(compile)
    .sort((a, b) => b.staticCount - a.staticCount || b.segments.length - a.segments.length);
  return (method: string, path: string): RouteMatch | undefined => {
    const parts = path.split("/").slice(1);
    for (const route of compiled) {
      if (route.method !== "ANY" && route.method !== method) continue;
      const params = matchSegments(route.segments, parts);
      if (params === undefined) continue;
      return Object.keys(params).length > 0
        ? { routeKey: route.routeKey, pathParameters: params }
        : { routeKey: route.routeKey };
    }
    return undefined;
  };
}

function compile(routeKey: string): CompiledRoute {
  const [method = "", path = ""] = routeKey.split(" ");
  const segments = path.split("/").slice(1);
  return {
    routeKey,
    method,
    segments,
    staticCount: segments.filter((s) => !s.startsWith("{")).length,
  };
}

function matchSegments(template: string[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [i, segment] of template.entries()) {
    const greedy = /^\{(.+)\+\}$/.exec(segment);
    if (greedy) {
      const rest = parts.slice(i).join("/");
      if (rest === "") return undefined;
      params[greedy[1]!] = decode(rest);
      return params;
    }
    const part = parts[i];
    if (part === undefined || part === "") return undefined;
    const param = /^\{(.+)\}$/.exec(segment);
    if (param) params[param[1]!] = decode(part);
    else if (segment !== part) return undefined;
  }
  return parts.length === template.length ? params : undefined;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
